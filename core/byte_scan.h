// Finding the first of a few byte values in a run of bytes, the inner loop of the CSV tokenizer.
// 16 bytes a step with SSE2 (x86-64) or wasm SIMD (the wasm build compiles the tokenizer with
// -msimd128), 8 bytes a step with 64-bit words elsewhere, the tail byte by byte. All three
// variants are visible so the tests can hold each against the plain byte loop. static: a file built
// without -msimd128 gets its own copies, not the SIMD ones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace kefu::core::scan {

// The first byte in [p, end) equal to a, b, c or d; end when there is none.
static inline const char* findAnyBytes(const char* p, const char* end, char a, char b, char c, char d) {
    while (p < end && *p != a && *p != b && *p != c && *p != d) ++p;
    return p;
}

static inline const char* findAnyWords(const char* p, const char* end, char a, char b, char c, char d) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto zeroByte = [](uint64_t v) { return (v - ones) & ~v & highs; }; // marks a 0 byte (and maybe later ones)
    const uint64_t ma = ones * uint8_t(a), mb = ones * uint8_t(b), mc = ones * uint8_t(c), md = ones * uint8_t(d);
    for (; end - p >= 8; p += 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        if (zeroByte(w ^ ma) | zeroByte(w ^ mb) | zeroByte(w ^ mc) | zeroByte(w ^ md)) break; // in these 8
    }
    return findAnyBytes(p, end, a, b, c, d);
}

#if defined(__SSE2__) || defined(__wasm_simd128__)
static constexpr bool kHasSimd = true;
static inline const char* findAnySimd(const char* p, const char* end, char a, char b, char c, char d) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
    for (; end - p >= 16; p += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                         _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
        if (const int m = _mm_movemask_epi8(hit)) return p + __builtin_ctz(unsigned(m));
    }
#else
    const v128_t va = wasm_i8x16_splat(a), vb = wasm_i8x16_splat(b), vc = wasm_i8x16_splat(c), vd = wasm_i8x16_splat(d);
    for (; end - p >= 16; p += 16) {
        const v128_t x = wasm_v128_load(p);
        const v128_t hit = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(x, va), wasm_i8x16_eq(x, vb)),
                                        wasm_v128_or(wasm_i8x16_eq(x, vc), wasm_i8x16_eq(x, vd)));
        if (const uint32_t m = wasm_i8x16_bitmask(hit)) return p + __builtin_ctz(m);
    }
#endif
    return findAnyBytes(p, end, a, b, c, d);
}
static inline const char* findAny(const char* p, const char* end, char a, char b, char c, char d) {
    return findAnySimd(p, end, a, b, c, d);
}
#else
static constexpr bool kHasSimd = false;
static inline const char* findAny(const char* p, const char* end, char a, char b, char c, char d) {
    return findAnyWords(p, end, a, b, c, d);
}
#endif

// Equal bytes, 8 at a time: the interner compares a name per row, and the wasm build's memcmp
// goes byte by byte.
static inline bool equalBytes(const char* a, const char* b, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y) return false;
    }
    for (; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

} // namespace kefu::core::scan
