// hashlib_module.cpp — the native `_hashlib` module over OpenSSL's EVP digest API, with CPython's
// interface (new, openssl_sha256, HASH, pbkdf2_hmac, ...), which stdlib/hashlib.py builds on.
// update() lets go of the GIL for inputs of 2 KiB and more, so threads hash in parallel.
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/objects.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string>

#include "modules/held_buffer.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

// Python's names for the digests whose OpenSSL names differ (CPython's py_hashes table); any other
// digest is called by its OpenSSL long name in lower case ("ripemd160", "sm3", "md5-sha1").
struct DigestName {
    const char* python;
    const char* openssl;
};
const DigestName kDigestNames[] = {
    {"md5", "MD5"},
    {"sha1", "SHA1"},
    {"sha224", "SHA224"},
    {"sha256", "SHA256"},
    {"sha384", "SHA384"},
    {"sha512", "SHA512"},
    {"sha512_224", "SHA512-224"},
    {"sha512_256", "SHA512-256"},
    {"sha3_224", "SHA3-224"},
    {"sha3_256", "SHA3-256"},
    {"sha3_384", "SHA3-384"},
    {"sha3_512", "SHA3-512"},
    {"shake_128", "SHAKE128"},
    {"shake_256", "SHAKE256"},
    {"blake2s", "BLAKE2S256"},
    {"blake2b", "BLAKE2B512"},
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Python's name for a fetched digest, or "" for one without an object identifier (OpenSSL's
// internal KECCAK-KMAC digests), which CPython leaves out too.
std::string python_name(const EVP_MD* md) {
    for (const DigestName& n : kDigestNames) {
        if (EVP_MD_is_a(md, n.openssl)) return n.python;
    }
    int nid = EVP_MD_get_type(md);
    const char* ln = nid == NID_undef ? nullptr : OBJ_nid2ln(nid);
    return ln ? lower(ln) : "";
}

// CPython's message for OpenSSL failures: "[library] reason", from the error queue.
[[noreturn]] void raise_openssl_error(Type* type) {
    unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    const char* lib = code ? ERR_lib_error_string(code) : nullptr;
    const char* reason = code ? ERR_reason_error_string(code) : nullptr;
    if (!reason) raise(type, "no reason supplied");
    raise(type, lib ? format("[%s] %s", lib, reason) : std::string(reason));
}

// The digest called `name`: Python's names first, then whatever OpenSSL calls it ("SHA3-256").
EVP_MD* fetch_digest(const std::string& name) {
    const char* openssl = name.c_str();
    for (const DigestName& n : kDigestNames) {
        if (name == n.python) openssl = n.openssl;
    }
    EVP_MD* md = EVP_MD_fetch(nullptr, openssl, nullptr);
    if (!md || python_name(md).empty()) {
        EVP_MD_free(md);
        raise_openssl_error(&ValueError_type);
    }
    return md;
}

// ---- the HASH and HASHXOF types ----

Type hash_type, hashxof_type, unsupported_digestmod_type;

// update() runs without the GIL, so two threads may reach one object at once: `lock` orders them,
// as CPython's per-object lock (ENTER_HASHLIB).
struct HashObject : Object {
    std::mutex lock;
    EVP_MD_CTX* ctx;
    std::string name;
};

HashObject* as_hash(Object* o) { return static_cast<HashObject*>(o); }

std::unique_lock<std::mutex> lock_hash(HashObject* h) { return lock_letting_others_run(h->lock); }

Ref hash_new_object(const EVP_MD* md, std::string name) {
    bool xof = EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF;
    auto* h = new HashObject();
    init_header(h, xof ? &hashxof_type : &hash_type);
    Ref self = Ref::steal(h);
    h->name = std::move(name);
    h->ctx = EVP_MD_CTX_new();
    if (!h->ctx || !EVP_DigestInit_ex(h->ctx, md, nullptr)) raise_openssl_error(&ValueError_type);
    return self;
}

void hash_dealloc(Object* o) {
    EVP_MD_CTX_free(as_hash(o)->ctx);
    delete as_hash(o);
}

// CPython's GET_BUFFER_VIEW_OR_ERROUT: str has its own message, other non-buffers a generic one.
void check_hashable_data(Object* data) {
    if (is_str(data)) raise(&TypeError_type, "Strings must be encoded before hashing");
    if (!is_bytes_like(data)) raise(&TypeError_type, "object supporting the buffer API required");
}

void hash_feed(HashObject* h, Object* data) {
    check_hashable_data(data);
    HeldBuffer buf(data);
    std::unique_lock<std::mutex> guard = lock_hash(h);
    bool ok;
    if (buf.worth_releasing_gil()) {
        AllowThreads unblocked(BlockReason::CCode);
        ok = EVP_DigestUpdate(h->ctx, buf.data(), buf.size());
    } else {
        ok = EVP_DigestUpdate(h->ctx, buf.data(), buf.size());
    }
    if (!ok) raise_openssl_error(&ValueError_type);
}

Ref hash_update(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("HASH.update", nargs - 1, kw, 1, 1);
    hash_feed(as_hash(args[0]), args[1]);
    return Ref::borrow(None);
}

// The digest so far, from a copy of the context, so more can be fed afterwards.
std::string hash_final(HashObject* h, size_t xof_length) {
    EVP_MD_CTX* copy = EVP_MD_CTX_new();
    bool ok;
    {
        std::unique_lock<std::mutex> guard = lock_hash(h);
        ok = copy && EVP_MD_CTX_copy_ex(copy, h->ctx);
    }
    std::string out(type_of(h) == &hashxof_type ? xof_length : EVP_MD_CTX_get_size(copy), '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    if (ok)
        ok = type_of(h) == &hashxof_type ? EVP_DigestFinalXOF(copy, p, out.size())
                                         : EVP_DigestFinal_ex(copy, p, nullptr);
    EVP_MD_CTX_free(copy);
    if (!ok) raise_openssl_error(&ValueError_type);
    return out;
}

std::string to_hex(const std::string& bytes) {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 15];
    }
    return out;
}

Ref hash_digest(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("HASH.digest", nargs - 1, kw, 0, 0);
    return bytes_new(hash_final(as_hash(args[0]), 0));
}

Ref hash_hexdigest(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("HASH.hexdigest", nargs - 1, kw, 0, 0);
    return str_new(to_hex(hash_final(as_hash(args[0]), 0)));
}

Ref hash_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("HASH.copy", nargs - 1, kw, 0, 0);
    HashObject* h = as_hash(args[0]);
    Ref copy = hash_new_object(EVP_MD_CTX_get0_md(h->ctx), h->name);
    std::unique_lock<std::mutex> guard = lock_hash(h);
    if (!EVP_MD_CTX_copy_ex(as_hash(copy.get())->ctx, h->ctx)) raise_openssl_error(&ValueError_type);
    return copy;
}

// HASHXOF.digest(length) and hexdigest(length): a shake digest is as long as asked for.
size_t xof_length(const char* fname, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"length"};
    Object* length = nullptr;
    if (nargs == 1 && !(kw && kw->size))
        raise(&TypeError_type, format("%s() missing required argument 'length' (pos 1)", fname));
    bind_args(fname, args + 1, nargs - 1, kw, kNames, 1, 1, &length);
    int64_t n = as_index(length);
    if (n < 0) raise(&MemoryError_type, "");
    return static_cast<size_t>(n);
}

Ref hashxof_digest(Object*, Args args, size_t nargs, Tuple* kw) {
    return bytes_new(hash_final(as_hash(args[0]), xof_length("digest", args, nargs, kw)));
}

Ref hashxof_hexdigest(Object*, Args args, size_t nargs, Tuple* kw) {
    return str_new(to_hex(hash_final(as_hash(args[0]), xof_length("hexdigest", args, nargs, kw))));
}

Ref hash_getattr(Object* o, Str* name) {
    HashObject* h = as_hash(o);
    const EVP_MD* md = EVP_MD_CTX_get0_md(h->ctx);
    if (name->utf8 == "name") return str_new(h->name);
    // CPython reports 0 for the extendable-output (shake) digests.
    if (name->utf8 == "digest_size")
        return int_from_i64(type_of(o) == &hashxof_type ? 0 : EVP_MD_get_size(md));
    if (name->utf8 == "block_size") return int_from_i64(EVP_MD_get_block_size(md));
    return generic_getattr(o, name);
}

Ref hash_repr(Object* o) {
    return str_new(format("<%s %s object @ %p>", as_hash(o)->name.c_str(),
                          qualified_type_name(type_of(o)).c_str(), static_cast<void*>(o)));
}

const MethodDef kHashMethods[] = {
    {"update", hash_update, "Update this hash object's state with the provided string."},
    {"digest", hash_digest, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy, "Return a copy of the hash object."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kHashXofMethods[] = {
    {"update", hash_update, "Update this hash object's state with the provided string."},
    {"digest", hashxof_digest, "Return the digest value as a bytes object."},
    {"hexdigest", hashxof_hexdigest, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy, "Return a copy of the hash object."},
    {nullptr, nullptr, nullptr},
};

// ---- constructors ----

// The hash `name` (Python's or OpenSSL's name for it), fed `data` when given.
Ref make_hash(const std::string& name, Object* data) {
    if (data) check_hashable_data(data);
    EVP_MD* md = fetch_digest(name);
    Ref h;
    try {
        h = hash_new_object(md, python_name(md));
    } catch (...) {
        EVP_MD_free(md);
        throw;
    }
    EVP_MD_free(md);
    if (data) hash_feed(as_hash(h.get()), data);
    return h;
}

// (string=b'', *, usedforsecurity=True): usedforsecurity only matters in FIPS mode, which minipy
// does not switch on.
Object* constructor_data(const char* fname, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"string", "usedforsecurity"};
    if (nargs > 1)
        raise(&TypeError_type, format("%s() takes at most 1 positional argument (%zu given)", fname, nargs));
    Object* a[2];
    bind_args(fname, args, nargs, kw, kNames, 2, 0, a);
    return a[0];
}

// _hashlib.new(name, string=b'', *, usedforsecurity=True)
Ref hashlib_new(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"name", "string", "usedforsecurity"};
    if (nargs > 2)
        raise(&TypeError_type, format("new() takes at most 2 positional arguments (%zu given)", nargs));
    Object* a[3];
    bind_args("new", args, nargs, kw, kNames, 3, 1, a);
    if (!is_str(a[0])) raise(&TypeError_type, "name must be a string");
    return make_hash(str_utf8_of(a[0]), a[1]);
}

// One constructor per guaranteed algorithm (openssl_md5, openssl_sha256, ...), each a MethodDef
// whose name tells which digest it makes.
template <const char* Name>
Ref named_constructor(Object*, Args args, size_t nargs, Tuple* kw) {
    std::string fname = std::string("openssl_") + Name;
    return make_hash(Name, constructor_data(fname.c_str(), args, nargs, kw));
}

constexpr char kMd5[] = "md5", kSha1[] = "sha1", kSha224[] = "sha224", kSha256[] = "sha256",
               kSha384[] = "sha384", kSha512[] = "sha512", kSha3_224[] = "sha3_224", kSha3_256[] = "sha3_256",
               kSha3_384[] = "sha3_384", kSha3_512[] = "sha3_512", kShake128[] = "shake_128",
               kShake256[] = "shake_256";

// ---- key derivation, HMAC, comparison ----

std::string bytes_arg(const char* fname, const char* what, Object* o) {
    if (!is_bytes_like(o)) {
        raise(&TypeError_type, format("%s() argument '%s' must be bytes-like object, not '%s'", fname, what,
                                      type_of(o)->name.c_str()));
    }
    return bytes_like_data(o);
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Ref hashlib_pbkdf2_hmac(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"hash_name", "password", "salt", "iterations", "dklen"};
    Object* a[5];
    bind_args("pbkdf2_hmac", args, nargs, kw, kNames, 5, 4, a);
    if (!is_str(a[0]))
        raise(&TypeError_type,
              format("pbkdf2_hmac() argument 'hash_name' must be str, not %s", type_of(a[0])->name.c_str()));
    std::string password = bytes_arg("pbkdf2_hmac", "password", a[1]);
    std::string salt = bytes_arg("pbkdf2_hmac", "salt", a[2]);
    int64_t iterations = as_index(a[3]);
    if (iterations < 1) raise(&ValueError_type, "iteration value must be greater than 0.");
    if (iterations > INT32_MAX) raise(&OverflowError_type, "iteration value is too great.");
    EVP_MD* md = fetch_digest(str_utf8_of(a[0]));
    int64_t dklen = a[4] && a[4] != None ? as_index(a[4]) : EVP_MD_get_size(md);
    if (dklen < 1) {
        EVP_MD_free(md);
        raise(&ValueError_type, "key length must be greater than 0.");
    }
    std::string key(static_cast<size_t>(dklen), '\0');
    bool ok;
    {
        AllowThreads unblocked(
            BlockReason::CCode);  // many iterations take long: CPython lets go of the GIL too
        ok = PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                               reinterpret_cast<const unsigned char*>(salt.data()),
                               static_cast<int>(salt.size()), static_cast<int>(iterations), md,
                               static_cast<int>(dklen), reinterpret_cast<unsigned char*>(key.data()));
    }
    EVP_MD_free(md);
    if (!ok) raise_openssl_error(&ValueError_type);
    return bytes_new(key);
}

// hmac_digest(key, msg, digest): one-shot HMAC, which CPython's hmac.digest() uses.
Ref hashlib_hmac_digest(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"key", "msg", "digest"};
    Object* a[3];
    bind_args("hmac_digest", args, nargs, kw, kNames, 3, 3, a);
    std::string key = bytes_arg("hmac_digest", "key", a[0]);
    std::string msg = bytes_arg("hmac_digest", "msg", a[1]);
    if (!is_str(a[2])) raise(&unsupported_digestmod_type, "unsupported digestmod");
    EVP_MD* md = fetch_digest(str_utf8_of(a[2]));
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int out_len = 0;
    bool ok = HMAC(md, key.data(), static_cast<int>(key.size()),
                   reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), out, &out_len);
    EVP_MD_free(md);
    if (!ok) raise_openssl_error(&ValueError_type);
    return bytes_new(std::string_view(reinterpret_cast<const char*>(out), out_len));
}

// hmac_new: minipy has no native HMAC object. CPython's hmac.py catches this error and falls back
// to its pure-Python HMAC over the hash objects above, the path it takes for any digest OpenSSL's
// HMAC lacks.
Ref hashlib_hmac_new(Object*, Args, size_t, Tuple*) {
    raise(&unsupported_digestmod_type, "minipy's _hashlib has no native HMAC object");
}

// compare_digest(a, b): equality in time independent of where the inputs differ.
Ref hashlib_compare_digest(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("compare_digest", nargs, kw, 2, 2);
    std::string a, b;
    if (is_str(args[0]) && is_str(args[1])) {
        a = str_utf8_of(args[0]);
        b = str_utf8_of(args[1]);
    } else if (is_str(args[0]) || is_str(args[1])) {
        raise(&TypeError_type, "a bytes-like object is required, not 'str'");
    } else {
        a = bytes_like_data(args[0]);
        b = bytes_like_data(args[1]);
    }
    bool same = a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
    return Ref::borrow(bool_obj(same));
}

Ref hashlib_get_fips_mode(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_fips_mode", nargs, kw, 0, 0);
    return int_from_i64(0);
}

// openssl_md_meth_names: every digest the loaded OpenSSL providers offer, by Python's names.
void add_digest_name(EVP_MD* md, void* set) {
    std::string name = python_name(md);
    if (!name.empty()) set_add(static_cast<Object*>(set), str_new(name).get());
}

Ref digest_names() {
    Ref names = set_new(&frozenset_type);
    EVP_MD_do_all_provided(nullptr, add_digest_name, names.get());
    ERR_clear_error();
    return names;
}

const MethodDef kHashlibFunctions[] = {
    {"new", hashlib_new, "Return a new hash object using the named algorithm."},
    {"openssl_md5", named_constructor<kMd5>, "Returns a md5 hash object."},
    {"openssl_sha1", named_constructor<kSha1>, "Returns a sha1 hash object."},
    {"openssl_sha224", named_constructor<kSha224>, "Returns a sha224 hash object."},
    {"openssl_sha256", named_constructor<kSha256>, "Returns a sha256 hash object."},
    {"openssl_sha384", named_constructor<kSha384>, "Returns a sha384 hash object."},
    {"openssl_sha512", named_constructor<kSha512>, "Returns a sha512 hash object."},
    {"openssl_sha3_224", named_constructor<kSha3_224>, "Returns a sha3-224 hash object."},
    {"openssl_sha3_256", named_constructor<kSha3_256>, "Returns a sha3-256 hash object."},
    {"openssl_sha3_384", named_constructor<kSha3_384>, "Returns a sha3-384 hash object."},
    {"openssl_sha3_512", named_constructor<kSha3_512>, "Returns a sha3-512 hash object."},
    {"openssl_shake_128", named_constructor<kShake128>, "Returns a shake-128 variable hash object."},
    {"openssl_shake_256", named_constructor<kShake256>, "Returns a shake-256 variable hash object."},
    {"pbkdf2_hmac", hashlib_pbkdf2_hmac,
     "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"hmac_digest", hashlib_hmac_digest, "Single-shot HMAC."},
    {"hmac_new", hashlib_hmac_new,
     "Return a new hmac object (not native in minipy: raises UnsupportedDigestmodError)."},
    {"compare_digest", hashlib_compare_digest,
     "Return 'a == b', in constant time for inputs of equal length."},
    {"get_fips_mode", hashlib_get_fips_mode, "Determine the OpenSSL FIPS mode of operation (always 0)."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    hash_type.name = "HASH";
    hash_type.instance_size = sizeof(HashObject);
    hash_type.construct = construct_refused;
    hash_type.dealloc = hash_dealloc;
    hash_type.repr = hash_repr;
    hash_type.getattr = hash_getattr;
    hash_type.methods = kHashMethods;
    init_type(&hash_type);
    hashxof_type.name = "HASHXOF";
    hashxof_type.base = &hash_type;
    hashxof_type.instance_size = sizeof(HashObject);
    hashxof_type.construct = construct_refused;
    hashxof_type.dealloc = hash_dealloc;
    hashxof_type.repr = hash_repr;
    hashxof_type.getattr = hash_getattr;
    hashxof_type.methods = kHashXofMethods;
    init_type(&hashxof_type);
    unsupported_digestmod_type.name = "UnsupportedDigestmodError";
    unsupported_digestmod_type.base = &ValueError_type;
    unsupported_digestmod_type.is_basetype = true;
    init_type(&unsupported_digestmod_type);
    for (Type* t : {&hash_type, &hashxof_type, &unsupported_digestmod_type}) {
        dict_set(t->dict, intern("__module__"), str_new("_hashlib").get());
    }
}

}  // namespace

Ref init_hashlib_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_types);
    Ref module = native_module_new("_hashlib", kHashlibFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("HASH"), &hash_type);
    dict_set(d, intern("HASHXOF"), &hashxof_type);
    dict_set(d, intern("UnsupportedDigestmodError"), &unsupported_digestmod_type);
    dict_set(d, intern("openssl_md_meth_names"), digest_names().get());
    return module;
}

}  // namespace minipy
