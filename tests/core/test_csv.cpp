#include <doctest/doctest.h>

#include "csv.h"
#include "text.h"

using namespace kefu::core;

TEST_CASE("csv: quotes, embedded newlines and physical lines") {
    auto t = parseCsv("a,b,c\r\n1,\"x,\"\"y\"\"\nz\",3\n\n4,5,6\n");
    REQUIRE(t.ok());
    REQUIRE(t->rows.size() == 3);
    CHECK(t->rows[1][1] == "x,\"y\"\nz");
    CHECK(t->lines[0] == 1);
    CHECK(t->lines[1] == 2);
    CHECK(t->lines[2] == 5); // the quoted newline and the blank line count
    CHECK(t->rows[2][2] == "6");
}

TEST_CASE("csv: delimiter detection and unterminated quotes") {
    auto tab = parseCsv("a\tb\n1\t2\n");
    REQUIRE(tab.ok());
    CHECK(tab->delimiter == '\t');
    CHECK(tab->rows[1][1] == "2");
    auto semi = parseCsv("a;b\n1,5;2\n");
    REQUIRE(semi.ok());
    CHECK(semi->rows[1][0] == "1,5");
    auto bad = parseCsv("a,b\n1,\"open\n2,3\n");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == "line 2: a quoted field is not closed");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("number cells in every form") {
    CHECK(parseNumberCell("1,234.50")->value == 1234.5);
    CHECK(parseNumberCell("¥1234.5")->value == 1234.5);
    CHECK(parseNumberCell("￥88")->value == 88);
    auto p = parseNumberCell("99.71%");
    CHECK(p->value == doctest::Approx(99.71));
    CHECK(p->percent);
    CHECK(parseNumberCell("7小时41分52秒")->value == 7 * 3600 + 41 * 60 + 52);
    CHECK(parseNumberCell("2分30秒")->value == 150);
    CHECK(parseNumberCell("11秒")->value == 11);
    CHECK(parseNumberCell(" -3 ")->value == -3);
    CHECK_FALSE(parseNumberCell("延迟统计"));
    CHECK_FALSE(parseNumberCell("12abc"));
    CHECK_FALSE(parseNumberCell("0x10"));
    CHECK_FALSE(parseNumberCell("nan"));
    CHECK(isBlankCell("-"));
    CHECK(isBlankCell("—"));
    CHECK(isBlankCell("  "));
    CHECK_FALSE(isBlankCell("0"));
}

TEST_CASE("text decoding: BOM, UTF-16, GBK") {
    Encoding e;
    CHECK(decodeText("\xEF\xBB\xBFok", &e) == "ok");
    CHECK(e == Encoding::Utf8Bom);
    CHECK(decodeText("\xD5\xC5\xC8\xFD", &e) == "张三"); // GBK
    CHECK(e == Encoding::Gbk);
    CHECK(decodeText(std::string("\xFF\xFE\x20\x5F\x09\x4E", 6), &e) == "张三"); // UTF-16LE 张 U+5F20 三 U+4E09
    CHECK(e == Encoding::Utf16Le);
    CHECK(decodeText("张三", &e) == "张三");
    CHECK(e == Encoding::Utf8);
    // GBK characters outside GB2312 decode too: 喆 = 0x86 0xB4 in GBK.
    CHECK(gbkToUtf8("\x86\xB4") == "喆");
}
