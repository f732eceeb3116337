// siphash.h — SipHash-1-3, the hash CPython 3.11 gives str and bytes. Its key is all zeros unless
// PYTHONHASHSEED says otherwise: minipy's default is CPython's PYTHONHASHSEED=0 (hash randomisation
// off), so sets and dicts of strings iterate in the order CPython's do under that setting, which the
// golden tests use. PYTHONHASHSEED=N and =random key it as CPython does (cli/main.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace minipy {

namespace siphash_detail {

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// One SipRound: four additions, rotations and xors mixing the state.
inline void round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
    v0 += v1;
    v2 += v3;
    v1 = rotl(v1, 13) ^ v0;
    v3 = rotl(v3, 16) ^ v2;
    v0 = rotl(v0, 32);
    v2 += v1;
    v0 += v3;
    v1 = rotl(v1, 17) ^ v2;
    v3 = rotl(v3, 21) ^ v0;
    v2 = rotl(v2, 32);
}

}  // namespace siphash_detail

// The key of str and bytes hashes (CPython's _Py_HashSecret): set once at start-up, before any
// string is hashed, and never changed after.
inline uint64_t hash_key[2] = {0, 0};

// One compression round per 8-byte word, three finalisation rounds (SipHash-1-3). _imp.source_hash
// keys it as CPython's _Py_KeyedHash does (k0 = key, k1 = 0).
inline uint64_t siphash13(const void* data, size_t size, uint64_t k0 = 0, uint64_t k1 = 0) {
    using siphash_detail::round;
    const auto* p = static_cast<const unsigned char*>(data);
    uint64_t v0 = k0 ^ 0x736f6d6570736575ull, v1 = k1 ^ 0x646f72616e646f6dull;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ull, v3 = k1 ^ 0x7465646279746573ull;
    uint64_t last = static_cast<uint64_t>(size) << 56;
    size_t n = size;
    for (; n >= 8; n -= 8, p += 8) {
        uint64_t m;
        std::memcpy(&m, p, 8);  // little-endian machines only, as minipy's targets
        v3 ^= m;
        round(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    last |= tail;
    v3 ^= last;
    round(v0, v1, v2, v3);
    v0 ^= last;
    v2 ^= 0xff;
    round(v0, v1, v2, v3);
    round(v0, v1, v2, v3);
    round(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

// CPython's _Py_HashBytes: 0 for no bytes, and never -1 (which marks an error in C).
inline int64_t hash_bytes(const void* data, size_t size) {
    if (size == 0) return 0;
    auto h = static_cast<int64_t>(siphash13(data, size, hash_key[0], hash_key[1]));
    return h == -1 ? -2 : h;
}

}  // namespace minipy
