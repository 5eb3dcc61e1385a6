// Scheme files: every problem in Chinese and English, with the same line, column and path.
#include <doctest/doctest.h>

#include "scheme.h"

using namespace kefu::core;

namespace {
const Problem* problemAt(const Problems& problems, const std::string& path) {
    for (const auto& p : problems.list())
        if (p.path == path) return &p;
    return nullptr;
}
} // namespace

TEST_CASE("scheme problems: Chinese and English at the same line, column and path") {
    Problems problems;
    auto s = parseScheme(R"({"id":"t","rules":[{"id":"r1","type":"rank_points","params":{
        "weights":{"sales_amount":0.5,"no_such_metric":0.3}, "typo": 1}}], "colour": 1})",
                         Catalog::builtin(), problems);
    REQUIRE_FALSE(s.ok());
    REQUIRE(problems.list().size() == 4);
    const Problem* key = problemAt(problems, "colour");
    REQUIRE(key);
    CHECK(key->text2().zh == "第 2 行第 86 列：colour：不认识的键“colour”");
    CHECK(key->text2().en == "line 2, column 86: colour: unknown key 'colour'");
    const Problem* sum = problemAt(problems, "rules[0].params.weights");
    REQUIRE(sum);
    CHECK(sum->text2().zh == "第 2 行第 19 列：rules[0].params.weights：权重之和为 0.8，应为 1");
    CHECK(sum->text2().en == "line 2, column 19: rules[0].params.weights: weights sum to 0.8, not 1");
    const Problem* param = problemAt(problems, "rules[0].params.typo");
    REQUIRE(param);
    CHECK(param->text2().zh == "第 2 行第 70 列：rules[0].params.typo：不认识的参数“typo”");
    // The error lists them all, in both languages.
    CHECK(s.error() == problems.joined());
    CHECK(s.failure().zh.find("第 2 行第 56 列：rules[0].params.weights.no_such_metric：没有指标“no_such_metric”\n") !=
          std::string::npos);
}

TEST_CASE("scheme problems: JSON syntax and a custom metric's formula, in both languages") {
    Problems syntax;
    auto bad = parseScheme("{\"id\": \"t\",\n \"rules\": [}", Catalog::builtin(), syntax);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == "line 2, column 12: Invalid value.");
    CHECK(bad.failure().zh == "第 2 行第 12 列：无效的值");

    Problems formula;
    auto custom = parseScheme(R"({"id":"t","metrics":[{"id":"x","formula":"receptions * (2"}],"rules":[]})",
                              Catalog::builtin(), formula);
    REQUIRE_FALSE(custom.ok());
    REQUIRE(formula.list().size() == 1);
    CHECK(formula.list()[0].text2().zh == "metrics：“x”的公式：第 16 个字符：缺少“)”");
    CHECK(formula.list()[0].text2().en == "metrics: formula of 'x': position 16: expected ')'");
}

TEST_CASE("setSchemeParam: object keys, list indices from 0, and what it refuses") {
    Problems problems;
    auto s = parseScheme(R"({"id":"t","rules":[{"id":"r1","type":"target_bonus","params":{"targets":[
        {"id":"a","all":[{"metric":"conversion_rate","op":">=","value":0.4}]},
        {"id":"b","all":[{"metric":"conversion_rate","op":">=","value":0.5},{"metric":"sales_amount","op":">=","value":1000}]}],
        "regular_amount":100}}]})",
                         Catalog::builtin(), problems);
    REQUIRE(s.ok());
    Scheme scheme = *s;
    REQUIRE(setSchemeParam(scheme, "r1.targets.1.all.1.value=2500").ok());
    REQUIRE(setSchemeParam(scheme, "r1.targets.0.id=\"c\"").ok());
    const Json& targets = *scheme.rules[0].params.find("targets");
    CHECK(targets.items()[1].find("all")->items()[1].find("value")->asNumber() == 2500);
    CHECK(targets.items()[1].find("all")->items()[0].find("value")->asNumber() == 0.5);
    CHECK(targets.items()[0].find("id")->asString() == "c");
    CHECK(targets.items().size() == 2);

    auto past = setSchemeParam(scheme, "r1.targets.2.id=1");
    REQUIRE_FALSE(past.ok());
    CHECK(past.error() == "'r1.targets.2.id': '2' is not an index of a list of 2 (0 to 1)");
    auto word = setSchemeParam(scheme, "r1.targets.first.id=1");
    REQUIRE_FALSE(word.ok());
    CHECK(word.error() == "'r1.targets.first.id': 'first' is not an index of a list of 2 (0 to 1)");
    auto through = setSchemeParam(scheme, "r1.targets.0.all.0.value.x=1");
    REQUIRE_FALSE(through.ok());
    CHECK(through.error() == "'r1.targets.0.all.0.value.x': does not name an object parameter");
    CHECK(targets.items()[0].find("all")->items()[0].find("value")->asNumber() == 0.4); // refused: left alone
}
