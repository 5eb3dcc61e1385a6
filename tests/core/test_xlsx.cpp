#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "snapshot.h"
#include "xlsx.h"
#include "zip.h"

using namespace kefu::core;

namespace {
std::string readSource(const std::string& rel) {
    std::ifstream f(std::string(KEFU_SOURCE_DIR) + "/" + rel, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), rel);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}
} // namespace

TEST_CASE("zip: stored, fixed-Huffman, dynamic-Huffman and empty entries") {
    // Made by Python's zipfile (zlib): see tests/fixtures/README.md.
    std::string bytes = readSource("tests/fixtures/deflate-mix.zip");
    auto zip = ZipReader::open(bytes);
    REQUIRE_MESSAGE(zip.ok(), zip.error());
    CHECK(zip->entries().size() == 4);
    CHECK(*zip->read(*zip->find("stored.txt")) == "stored bytes, not compressed");
    CHECK(*zip->read(*zip->find("small.txt")) == "hello hello hello");
    CHECK(zip->read(*zip->find("empty.txt"))->empty());
    auto big = zip->read(*zip->find("big.txt"));
    REQUIRE(big.ok());
    CHECK(big->size() == 84000);
    CHECK(crc32(*big) == 0xd62a67d5u);
    CHECK(big->rfind("客服考核 KefuScore 客服考核", 0) == 0);
    auto limited = zip->read(*zip->find("big.txt"), 1000);
    CHECK_FALSE(limited.ok());
}

TEST_CASE("zip: damaged archives give errors, never crashes") {
    std::string good = readSource("tests/fixtures/deflate-mix.zip");
    CHECK_FALSE(ZipReader::open("not a zip").ok());
    for (size_t i = 0; i < good.size(); i += 7) {
        std::string bad = good;
        bad[i] = char(bad[i] ^ 0x5A);
        auto zip = ZipReader::open(bad);
        if (!zip) continue;
        for (const auto& e : zip->entries()) (void)zip->read(e, 1 << 20);
    }
    for (size_t n = 0; n < good.size(); n += 97) {
        auto zip = ZipReader::open(std::string_view(good).substr(0, n));
        if (!zip) continue;
        for (const auto& e : zip->entries()) (void)zip->read(e, 1 << 20);
    }
    CHECK_FALSE(inflate(std::string("\xff\xff\xff", 3), 10, 100).ok());
}

TEST_CASE("xlsx: a LibreOffice-made 千牛 report") {
    std::string bytes = readSource("tests/golden/cases/xlsx-qianniu-roster/qianniu.xlsx");
    CHECK(looksLikeXlsx(bytes));
    auto names = xlsxSheetNames(bytes);
    REQUIRE(names.ok());
    REQUIRE(names->size() == 1);
    auto sheet = readXlsxSheet(bytes);
    REQUIRE_MESSAGE(sheet.ok(), sheet.error());
    REQUIRE(sheet->rows.size() == 6);
    CHECK(sheet->rows[0][0] == "旺旺昵称");
    CHECK(sheet->rows[0][6] == "首次响应时长（秒)");
    CHECK(sheet->rows[1][0] == "小美家居:小美");
    CHECK(sheet->rows[1][3] == "18.5");
    CHECK(sheet->rows[1][4] == "0.965"); // a percent-formatted cell holds the fraction
    CHECK(sheet->rows[1][9] == "45052"); // 2023-05-06 as a serial date
    CHECK(sheet->rows[5][0] == "汇总值");
    CHECK(sheet->lines[5] == 6);
    CHECK_FALSE(readXlsxSheet(bytes, "no such sheet").ok());
    CHECK_FALSE(readXlsxSheet("PK\x03\x04 garbage").ok());
}
