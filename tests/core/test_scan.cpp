// The chat-log reader's fast paths held against plain versions on random input: the byte scan
// (SIMD, 64-bit words, byte loop), the streaming CSV tokenizer, the one-pass phrase matcher, the
// fixed-form time reader and the interner's prefetched lookups.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "byte_scan.h"
#include "chatlog.h"
#include "csv.h"
#include "csv_stream.h"
#include "interner.h"
#include "phrase_match.h"
#include "random.h"

using namespace kefu::core;

namespace {
// Bytes that make the word trick's borrow cross bytes: needles, 0x00/0x01 after them, high bytes.
std::string randomBytes(SplitMix64& rng, size_t n) {
    static const char pool[] = {',', '"', '\r', '\n', 'a', 'z', '\0', '\x01', '\x7f', '\x80', '\xe4', '\xff', ';', '\t', '+', '-'};
    std::string s(n, 'a');
    for (char& c : s) c = pool[rng.below(int(sizeof pool))];
    // runs of plain bytes, so the 8- and 16-byte steps are taken
    if (n > 20 && rng.below(2)) s.replace(size_t(rng.below(int(n - 20))), 18, std::string(18, 'q'));
    return s;
}
} // namespace

TEST_CASE("byte scan: SIMD, 64-bit words and the byte loop find the same first byte") {
    SplitMix64 rng{7};
    int simdChecked = 0;
    for (int round = 0; round < 20000; ++round) {
        const std::string s = randomBytes(rng, size_t(rng.below(70)));
        const size_t from = s.empty() ? 0 : size_t(rng.below(int(s.size()) + 1));
        const char* b = s.data() + from;
        const char* e = s.data() + s.size();
        const char a = rng.below(2) ? ',' : ';', q = '"';
        const char* want = scan::findAnyBytes(b, e, a, q, '\r', '\n');
        REQUIRE(scan::findAnyWords(b, e, a, q, '\r', '\n') == want);
        REQUIRE(scan::findAny(b, e, a, q, '\r', '\n') == want);
        REQUIRE(scan::findAnyWords(b, e, '\0', '\x80', '\0', '\x80') == scan::findAnyBytes(b, e, '\0', '\x80', '\0', '\x80'));
#if defined(__SSE2__) || defined(__wasm_simd128__)
        REQUIRE(scan::findAnySimd(b, e, a, q, '\r', '\n') == want);
        REQUIRE(scan::findAnySimd(b, e, '\xff', '\x01', '\xff', '\x01') == scan::findAnyBytes(b, e, '\xff', '\x01', '\xff', '\x01'));
        ++simdChecked;
#endif
    }
    CHECK(simdChecked == (scan::kHasSimd ? 20000 : 0));
}

TEST_CASE("byte scan: equalBytes agrees with memcmp at every length and difference") {
    SplitMix64 rng{17};
    for (int round = 0; round < 20000; ++round) {
        const size_t n = size_t(rng.below(40));
        std::string a = randomBytes(rng, n), b = a;
        if (n && rng.below(2)) b[size_t(rng.below(int(n)))] ^= char(1 << rng.below(8));
        REQUIRE(scan::equalBytes(a.data(), b.data(), n) == (std::memcmp(a.data(), b.data(), n) == 0));
    }
}

TEST_CASE("csv stream: random records come back whole, with their lines, in any chunking") {
    SplitMix64 rng{11};
    static const char* const bits[] = {"a", "价格", ",", "\"", "\n", "\r\n", " ", "xyz0123456789abcdef", "；", "\t"};
    for (int round = 0; round < 300; ++round) {
        const char delim = round % 3 == 0 ? ';' : ',';
        std::vector<std::vector<std::string>> records;
        std::vector<uint32_t> lines;
        std::string text;
        uint32_t line = 1;
        const int nRecords = 1 + rng.below(12);
        for (int r = 0; r < nRecords; ++r) {
            std::vector<std::string> fields;
            const int nFields = 2 + rng.below(4);
            std::string row;
            for (int f = 0; f < nFields; ++f) {
                std::string v;
                for (int k = rng.below(6); k > 0; --k) v += bits[rng.below(10)];
                const bool mustQuote = v.find_first_of(std::string("\"\r\n") + delim) != std::string::npos;
                if (mustQuote || rng.below(3) == 0) {
                    std::string q = "\"";
                    for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
                    row += q + "\"";
                } else {
                    row += v;
                }
                if (f + 1 < nFields) row += delim;
                fields.push_back(v);
            }
            records.push_back(fields);
            lines.push_back(line);
            const bool last = r + 1 == nRecords;
            if (!last || rng.below(2)) row += rng.below(2) ? "\r\n" : "\n";
            for (char c : row) line += c == '\n';
            text += row;
        }
        for (size_t piece : {size_t(1), size_t(2), size_t(3), size_t(7), size_t(16), size_t(17), text.size()}) {
            CAPTURE(round);
            CAPTURE(piece);
            CsvStream csv(delim);
            std::vector<uint8_t> keep; // some rounds keep only some columns: the others read as empty
            if (round % 4 == 1) {
                for (int k = 0; k < 4; ++k) keep.push_back(uint8_t(rng.below(2)));
                csv.keepColumns(keep);
            }
            const auto kept = [&](size_t f) { return keep.empty() || (f < keep.size() && keep[f]); };
            std::vector<std::string> held; // the stream reads the fed pieces in place
            size_t got = 0;
            const auto take = [&] {
                while (csv.next()) {
                    REQUIRE(got < records.size());
                    REQUIRE(csv.fieldCount() == records[got].size());
                    for (size_t f = 0; f < records[got].size(); ++f)
                        CHECK(csv.field(f) == (kept(f) ? records[got][f] : std::string()));
                    CHECK(csv.line() == lines[got]);
                    ++got;
                }
                REQUIRE_FALSE(csv.failed());
            };
            for (size_t at = 0; at < text.size(); at += piece) {
                held.push_back(text.substr(at, piece));
                csv.feed(held.back());
                take();
                if (held.size() > 1) std::fill(held[held.size() - 2].begin(), held[held.size() - 2].end(), '#'); // a used piece is gone
            }
            csv.end();
            take();
            CHECK(got == records.size());
        }
    }
}

TEST_CASE("phrase matcher: the phrases found in one pass are those std::string_view::find finds") {
    const std::vector<std::string> phrases = {"亲", "您好", "您好呀", "再见", "见再", "再见再见", "ab", "a", "", "不知道", "知道了", "b亲"};
    static const char* const bits[] = {"亲", "您", "好", "呀", "再", "见", "a", "b", "不", "知", "道", "了", "，", "x"};
    const PhraseMatcher m(phrases);
    REQUIRE(m.size() == phrases.size());
    SplitMix64 rng{3};
    std::vector<uint8_t> found;
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (int k = rng.below(12); k > 0; --k) text += bits[rng.below(14)];
        m.match(text, found);
        REQUIRE(found.size() == phrases.size());
        for (size_t k = 0; k < phrases.size(); ++k) {
            CAPTURE(text);
            CAPTURE(phrases[k]);
            CHECK(bool(found[k]) == (text.find(phrases[k]) != std::string::npos));
        }
    }
    PhraseMatcher none;
    none.match("您好", found);
    CHECK(found.empty());
}

TEST_CASE("chat time: the fixed 2024-03-01 09:00:00 form reads as the general reader does") {
    SplitMix64 rng{5};
    int valid = 0;
    for (int round = 0; round < 20000; ++round) {
        const int y = 1969 + rng.below(140), mo = rng.below(14), d = rng.below(33), h = rng.below(26), mi = rng.below(61), s = rng.below(62);
        char fixed[64], general[64];
        std::snprintf(fixed, sizeof fixed, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
        std::snprintf(general, sizeof general, "%04d/%02d/%02d %02d:%02d:%02d", y, mo, d, h, mi, s); // the general path
        CAPTURE(fixed);
        const auto a = parseShopTime(fixed, 480), b = parseShopTime(general, 480);
        REQUIRE(a == b);
        valid += a.has_value();
    }
    CHECK(valid > 5000);
    CHECK(parseShopTime("2024-03-01 09:00:0x", 480) == std::nullopt);
    CHECK(parseShopTime("2024-02-29 24:00:00", 480) == parseShopTime("2024-03-01 00:00:00", 480));
    CHECK(parseShopTime("2023-02-29 10:00:00", 480) == std::nullopt);
}

TEST_CASE("interner: prefetched lookups, reserve and growth keep every id") {
    SplitMix64 rng{9};
    Interner in;
    std::unordered_map<std::string, uint32_t> want;
    for (int round = 0; round < 50000; ++round) {
        const std::string name = "n" + std::to_string(rng.below(rng.below(4) ? 20000 : 30));
        if (round == 1000) in.reserve(15000);
        uint32_t id;
        if (rng.below(2)) {
            const Interner::Ticket t = in.prefetch(name);
            id = in.intern(name, t);
        } else {
            id = in.intern(name);
        }
        auto [it, added] = want.emplace(name, uint32_t(want.size()));
        REQUIRE(id == it->second);
        REQUIRE(in.name(id) == name);
        (void)added;
    }
    CHECK(in.size() == want.size());
    in.dropIndex();
    for (const auto& [name, id] : want) REQUIRE(in.find(name) == id);
    CHECK(in.find("absent") == Interner::kNone);
}

TEST_CASE("trim: the inline quick check gives what the full trim gives") {
    static const char* const bits[] = {" ", "\t", "\r", "\n", "\xE3\x80\x80", "a", "价", "、", "\x80", "\xE3"};
    SplitMix64 rng{13};
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (int k = rng.below(6); k > 0; --k) s += bits[rng.below(10)];
        CAPTURE(s);
        REQUIRE(trim(s) == trimEdges(s));
    }
    CHECK(trim("\xE3\x80\x80 王喆\t") == "王喆");
}
