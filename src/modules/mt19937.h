// mt19937.h — the Mersenne Twister (Matsumoto and Nishimura, 1998) exactly as CPython's _random
// module seeds and draws from it, so `random.seed(42); random.random()` gives CPython's numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace minipy {

class Mt19937 {
public:
    static constexpr int kN = 624;
    static constexpr int kM = 397;

    // Seeds from one 32-bit value (the reference init_genrand).
    void seed_word(uint32_t s) {
        state_[0] = s;
        for (int i = 1; i < kN; ++i) state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + i;
        index_ = kN;
    }

    // Seeds from a key of 32-bit words (the reference init_by_array); CPython passes the absolute
    // value of an int seed split into 32-bit words, least significant first.
    void seed_key(const std::vector<uint32_t>& key) {
        seed_word(19650218u);
        std::size_t n = key.empty() ? 1 : key.size();
        int i = 1;
        std::size_t j = 0;
        for (std::size_t k = kN > n ? kN : n; k; --k) {
            uint32_t word = key.empty() ? 0 : key[j];
            state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525u)) + word +
                        static_cast<uint32_t>(j);
            ++i;
            ++j;
            if (i >= kN) {
                state_[0] = state_[kN - 1];
                i = 1;
            }
            if (j >= n) j = 0;
        }
        for (int k = kN - 1; k; --k) {
            state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941u)) -
                        static_cast<uint32_t>(i);
            ++i;
            if (i >= kN) {
                state_[0] = state_[kN - 1];
                i = 1;
            }
        }
        state_[0] = 0x80000000u;  // the most significant bit set: the state is never all zero
    }

    uint32_t next() {
        if (index_ >= kN) twist();
        uint32_t y = state_[index_++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    // A double in [0, 1) with 53 random bits, from two draws of 27 and 26 bits (CPython's random()).
    double next_double() {
        uint32_t a = next() >> 5, b = next() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    // The 624 state words and the position in them: what CPython's getstate() and setstate() carry.
    const uint32_t* words() const { return state_; }
    int position() const { return index_; }
    void restore(const uint32_t* words, int position) {
        for (int i = 0; i < kN; ++i) state_[i] = words[i];
        index_ = position;
    }

private:
    void twist() {
        auto mix = [this](int k, int next_k, int far) {
            uint32_t y = (state_[k] & 0x80000000u) | (state_[next_k] & 0x7fffffffu);
            state_[k] = state_[far] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0u);
        };
        int k = 0;
        for (; k < kN - kM; ++k) mix(k, k + 1, k + kM);
        for (; k < kN - 1; ++k) mix(k, k + 1, k + kM - kN);
        mix(kN - 1, 0, kM - 1);
        index_ = 0;
    }

    uint32_t state_[kN] = {};
    int index_ = kN + 1;
};

}  // namespace minipy
