// splitmix64: a small seeded generator that gives the same numbers natively and in wasm (no
// platform randomness): record ids from a seed, benchmark and test data.
#pragma once
#include <cstdint>

namespace kefu::core {

// One splitmix64 step's output function: a well-mixed 64-bit value of z.
constexpr uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

struct SplitMix64 {
    uint64_t state = 0;
    uint64_t next() { return mix64(state += 0x9E3779B97F4A7C15ull); }
    // 0 <= result < n (n > 0); the tiny modulo bias does not matter for test data.
    int below(int n) { return int(next() % uint64_t(n)); }
    // lo <= result < hi, from the top 53 bits.
    double uniform(double lo, double hi) { return lo + (hi - lo) * double(next() >> 11) / double(1ull << 53); }
};

} // namespace kefu::core
