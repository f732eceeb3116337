// code_cache.cpp — the compiled-code cache. The entry of /dir/m.py is
//   /dir/__pycache__/m.minipy-0.1.0.mpyc       (minipy-ft: m.minipy-ft-0.1.0.mpyc; -O: .opt-1.mpyc)
// or, when /dir is not writable (CPython's own Lib in /usr/lib/python3.11 for most users),
//   $XDG_CACHE_HOME/minipy/dir/m.minipy-0.1.0.mpyc   ($XDG_CACHE_HOME defaults to ~/.cache);
// with MINIPYCACHEPREFIX=P (sys.pycache_prefix, as CPython's PYTHONPYCACHEPREFIX), P/dir/m....mpyc
// only. An entry is a 64-byte header, then code_serial's payload:
//   "MPYC", the compiler fingerprint (32 hex digits), the source's mtime (ns) and size, the
//   payload's size and checksum.
// It is used only when all of them match: the fingerprint is a hash of the grammar, the front end,
// the compiler and this format (made by the build, tools/compiler_fingerprint.cmake), so a minipy
// built from other compiler sources, even with the same version number, never reads it.
#include "interpreter/code_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/codegen.h"
#include "compiler_fingerprint.h"
#include "modules/registry.h"
#include "modules/source_encoding.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/code_serial.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/environment.h"
#include "runtime/version.h"
#include "syntax/parser.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

constexpr char kMagic[4] = {'M', 'P', 'Y', 'C'};
constexpr size_t kFingerprintSize = 32;
constexpr size_t kHeaderSize = 4 + kFingerprintSize + 8 + 8 + 8 + 4;
static_assert(sizeof(MINIPY_COMPILER_FINGERPRINT) - 1 == kFingerprintSize);

bool g_dont_write_bytecode = false;

Dict* sys_dict() { return module_dict(init_sys_module().get()); }

// "m.minipy-0.1.0.mpyc" (minipy-ft: "m.minipy-ft-0.1.0.mpyc") for m.py: CPython's .pyc names
// stay CPython's, and each flavor keeps its own entries. Code compiled under -O or -OO goes to
// "m.minipy-0.1.0.opt-1.mpyc" or ".opt-2", as CPython's "m.cpython-311.opt-1.pyc".
std::string entry_name(const std::string& stem) {
    static const std::string tag = std::string(".") + executable_name() + "-" + version_number();
    int level = std::min(optimize_level(), 2);
    return stem + tag + (level ? ".opt-" + std::to_string(level) : "") + ".mpyc";
}

// The per-user cache folder: $XDG_CACHE_HOME/minipy, else ~/.cache/minipy; empty without either.
std::filesystem::path user_cache_dir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && xdg[0] == '/')
        return std::filesystem::path(xdg) / "minipy";  // the XDG spec ignores a relative path
    if (home && *home) return std::filesystem::path(home) / ".cache" / "minipy";
    return {};
}

// sys.pycache_prefix, or empty.
std::string pycache_prefix() {
    Object* prefix = dict_get_str(sys_dict(), intern("pycache_prefix"));
    return prefix && is_str(prefix) ? str_utf8_of(prefix) : "";
}

// The folders an entry may live in, most preferred first: MINIPYCACHEPREFIX's mirror alone, else
// __pycache__ beside the source when its folder is writable, then the per-user mirror.
std::vector<std::filesystem::path> entry_candidates(const std::string& source_path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path source = fs::absolute(source_path, ec).lexically_normal();
    fs::path dir = source.parent_path();
    std::string mirrored = dir.relative_path().string();  // /usr/lib/x -> usr/lib/x
    std::vector<fs::path> result;
    std::string name = entry_name(source.stem().string());
    if (std::string prefix = pycache_prefix(); !prefix.empty()) {
        result.push_back(fs::path(prefix) / mirrored / name);
        return result;
    }
    if (access(dir.c_str(), W_OK) == 0) result.push_back(dir / "__pycache__" / name);
    if (fs::path user = user_cache_dir(); !user.empty()) result.push_back(user / mirrored / name);
    return result;
}

void put_u64(std::string& out, uint64_t v, int size = 8) {
    for (int i = 0; i < size; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

uint64_t get_u64(const char* p, int size = 8) {
    uint64_t v = 0;
    for (int i = 0; i < size; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

// A check against damage (a file cut short, flipped bits), not tampering: each 8-byte word is
// mixed into the state by a bijection, so changing any one word always changes the 64-bit state.
// zlib's crc32 took 3.8 instructions a byte, 5.5 M of the 138 M of
// `import typing, dataclasses, re, json` (1.4 MB of entries); this takes under one. Words are read
// in the machine's byte order: an entry moved to a machine of the other order is only a miss.
uint32_t checksum(std::string_view bytes) {
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
    auto mix = [&h](uint64_t word) {
        h = (h ^ word) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    };
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        mix(word);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    mix(tail);
    return static_cast<uint32_t>(h ^ (h >> 32));
}

std::string header_for(const SourceStamp& stamp, std::string_view payload) {
    std::string h(kMagic, 4);
    h += MINIPY_COMPILER_FINGERPRINT;
    put_u64(h, static_cast<uint64_t>(stamp.mtime_ns));
    put_u64(h, stamp.size);
    put_u64(h, payload.size());
    put_u64(h, checksum(payload), 4);
    return h;
}

// Entries are read into a buffer of the thread's, kept from one read to the next (resize zeroes
// only what it grows by). A string of their own per entry was zeroed by resize, filled by read()
// and freed: the zeroing alone was 10% of the memory `import typing, dataclasses, re, json` wrote
// for the first time (callgrind --cache-sim: 13.9 k of 133 k last-level write misses). A read
// nested in another (none today: deserializing imports nothing) gets a string of its own.
class EntryBuffer {
public:
    EntryBuffer() : bytes_(in_use_ ? own_ : kept()), borrowed_(!in_use_) { in_use_ = true; }
    ~EntryBuffer() {
        if (borrowed_) in_use_ = false;
    }
    EntryBuffer(const EntryBuffer&) = delete;
    EntryBuffer& operator=(const EntryBuffer&) = delete;
    std::string* get() { return &bytes_; }

private:
    static std::string& kept() {
        thread_local std::string bytes;
        return bytes;
    }
    static thread_local bool in_use_;
    std::string own_;
    std::string& bytes_;
    bool borrowed_;
};
thread_local bool EntryBuffer::in_use_ = false;

bool read_whole_file(const std::string& path, std::string* out) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (ok) {
        out->resize(static_cast<size_t>(st.st_size));
        size_t done = 0;
        while (done < out->size()) {
            ssize_t n = read(fd, out->data() + done, out->size() - done);
            if (n <= 0) break;
            done += static_cast<size_t>(n);
        }
        out->resize(done);
    }
    close(fd);
    return ok;
}

// The payload of the entry `file` into *bytes (from offset kHeaderSize), or false when it is
// missing, stale, from another compiler, cut short or damaged.
bool read_payload(const std::string& file, const SourceStamp& stamp, std::string* bytes) {
    if (!read_whole_file(file, bytes) || bytes->size() < kHeaderSize) return false;
    const char* p = bytes->data();
    if (std::memcmp(p, kMagic, 4) != 0 ||
        std::memcmp(p + 4, MINIPY_COMPILER_FINGERPRINT, kFingerprintSize) != 0)
        return false;
    p += 4 + kFingerprintSize;
    if (static_cast<int64_t>(get_u64(p)) != stamp.mtime_ns || get_u64(p + 8) != stamp.size) return false;
    std::string_view payload = std::string_view(*bytes).substr(kHeaderSize);
    return get_u64(p + 16) == payload.size() && get_u64(p + 24, 4) == checksum(payload);
}

// The code in the entry `file`, or null (read_payload).
Ref read_entry(const std::string& file, const SourceStamp& stamp, const std::string& source_path) {
    EntryBuffer buffer;
    if (!read_payload(file, stamp, buffer.get())) return nullptr;
    return deserialize_code(std::string_view(*buffer.get()).substr(kHeaderSize), source_path);
}

// Writes `bytes` to `file` as a whole or not at all: into a file of this process's own, renamed
// over `file` at the end. Two processes writing one entry at once each rename a complete file, and
// a reader sees the old entry or a new one, never a part.
bool write_entry(const std::filesystem::path& file, const std::string& bytes) {
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::string temp =
        file.string() + "." + std::to_string(getpid()) + "." + std::to_string(counter++) + ".tmp";
    int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    bool ok = close(fd) == 0 && done == bytes.size() && rename(temp.c_str(), file.c_str()) == 0;
    if (!ok) unlink(temp.c_str());
    return ok;
}

bool writing_allowed() {
    Object* flag = dict_get_str(sys_dict(), intern("dont_write_bytecode"));
    return !(flag && is_true(flag));
}

}  // namespace

bool read_file(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
}

bool stat_source(const std::string& path, SourceStamp* stamp) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    stamp->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    stamp->size = static_cast<uint64_t>(st.st_size);
    return true;
}

Ref load_module_code(const std::string& path, const SourceStamp& stamp) {
    std::vector<std::filesystem::path> candidates = entry_candidates(path);
    for (const auto& file : candidates) {
        if (Ref code = read_entry(file.string(), stamp, path)) return code;
    }
    std::string source;
    if (!read_file(path, &source)) return nullptr;
    source = decode_source(std::move(source), path);
    Ref code;
    try {
        code = compile_module(*syntax::parse(source, path), source, path);
    } catch (const syntax::SyntaxError& e) {
        raise_syntax_error(e);  // an exception the importer can catch, as CPython's
    }
    // A file changed while it was read is not cached under the stamp it had before.
    SourceStamp now;
    if (writing_allowed() && stat_source(path, &now) && now.mtime_ns == stamp.mtime_ns &&
        now.size == stamp.size) {
        std::string payload = serialize_code(as_code(code.get()));
        if (!payload.empty()) {
            std::string bytes = header_for(stamp, payload) + payload;
            for (const auto& file : candidates)
                if (write_entry(file, bytes)) break;
        }
    }
    return code;
}

// Text compiled during an import (EmbeddingHooks::import_time_code) has its entry in the per-user
// folder's "text" folder (or the pycache prefix's), named by a hash of its key; the entry holds the
// key itself before the code, so that two keys of one hash never mix. Its stamp is (0, key size).
Ref import_time_code(const std::string& key, const std::string& filename,
                     const std::function<Ref()>& compile) {
    std::string prefix = pycache_prefix();
    std::filesystem::path dir = prefix.empty() ? user_cache_dir() : std::filesystem::path(prefix);
    if (dir.empty()) return compile();
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx",
                  static_cast<unsigned long long>(std::hash<std::string>()(key)));
    std::filesystem::path file = dir / "text" / entry_name(hash);
    SourceStamp stamp{0, key.size()};
    EntryBuffer buffer;
    std::string& bytes = *buffer.get();
    if (read_payload(file.string(), stamp, &bytes) && bytes.compare(kHeaderSize, key.size(), key) == 0) {
        if (Ref code = deserialize_code(std::string_view(bytes).substr(kHeaderSize + key.size()), filename))
            return code;
    }
    Ref code = compile();
    if (writing_allowed()) {
        std::string payload = serialize_code(as_code(code.get()));
        if (!payload.empty()) {
            payload.insert(0, key);
            write_entry(file, header_for(stamp, payload) + payload);
        }
    }
    return code;
}

std::string cache_path_of(const std::string& path) {
    std::vector<std::filesystem::path> candidates = entry_candidates(path);
    return candidates.empty() ? std::string() : candidates.front().string();
}

void set_dont_write_bytecode(bool from_option) {
    const char* env = configuration_variable("MINIPYDONTWRITEBYTECODE");
    g_dont_write_bytecode = from_option || (env && *env);
    set_dont_write_bytecode_flag(g_dont_write_bytecode);
}

void publish_code_cache_settings() {
    Dict* sys = sys_dict();
    dict_set(sys, intern("dont_write_bytecode"), bool_obj(g_dont_write_bytecode));
    const char* prefix = configuration_variable("MINIPYCACHEPREFIX");
    Ref value = prefix && *prefix ? str_new(std::filesystem::absolute(prefix).string()) : Ref::borrow(None);
    dict_set(sys, intern("pycache_prefix"), value.get());
}

}  // namespace minipy
