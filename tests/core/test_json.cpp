#include <doctest/doctest.h>

#include "json.h"

using namespace kefu::core;

TEST_CASE("json: parse, positions, write") {
    auto j = parseJson("{\n  \"a\": [1, 2.5, \"x\"],\n  \"b\": {\"c\": null, \"d\": true}\n}");
    REQUIRE(j.ok());
    const Json* a = j->find("a");
    REQUIRE(a);
    CHECK(a->line == 2);
    CHECK(a->column == 8);
    CHECK(a->items()[1].asNumber() == 2.5);
    CHECK(a->items()[2].line == 2);
    CHECK(a->items()[2].column == 17);
    CHECK(j->find("b")->find("d")->asBool());
    CHECK(writeJson(*j) == R"({"a":[1,2.5,"x"],"b":{"c":null,"d":true}})");
}

TEST_CASE("json: errors name line and column") {
    auto j = parseJson("{\n  \"a\": [1, 2,\n}");
    REQUIRE_FALSE(j.ok());
    CHECK(j.error().rfind("line 3, column 1:", 0) == 0);
    auto t = parseJson("{} x");
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().find("line 1, column 4") != std::string::npos);
    CHECK_FALSE(parseJson("").ok());
    CHECK_FALSE(parseJson("{\"a\":}").ok());
}

TEST_CASE("json: unicode and escapes round-trip; numbers print exactly") {
    auto j = parseJson(R"({"名字":"张三\n\"x\"","n":0.1,"big":12345678901,"neg":-3})");
    REQUIRE(j.ok());
    CHECK(j->find("名字")->asString() == "张三\n\"x\"");
    auto again = parseJson(writeJson(*j, 2));
    REQUIRE(again.ok());
    CHECK(writeJson(*again) == writeJson(*j));
    CHECK(formatNumber(0.1) == "0.1");
    CHECK(formatNumber(12345678901.0) == "12345678901");
    CHECK(formatNumber(1.0 / 3) == "0.3333333333333333");
    CHECK(formatNumber(-3) == "-3");
}
