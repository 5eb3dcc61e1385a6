#include "helpers.h"

using namespace kefu::test;

namespace {
// Every default target met exactly at its threshold (">=" and "<=" include the boundary).
const std::initializer_list<std::pair<const char*, double>> kAllMet = {
    {"conversion_rate", 0.45}, {"avg_response_s", 20}, {"typing_speed", 100}, {"typing_accuracy", 0.90},
    {"exam_score", 95},        {"low_ratings", 0},     {"named_praises", 35},
};

std::vector<std::string> flagsOf(const AgentResult& a) { return a.flags; }

const MoneyLine* line(const AgentResult& a, const std::string& whyPart, Lang lang = Lang::En) {
    for (const auto& m : a.money)
        if (m.why.format(lang).find(whyPart) != std::string::npos) return &m;
    return nullptr;
}
} // namespace

TEST_CASE("target_bonus: every default target met at its boundary, regular bonus and probation bounty") {
    Period p;
    p.agent("old", "售前A组", Status::Regular, kAllMet);
    p.agent("new", "售前A组", Status::Probation, kAllMet);
    auto r = p.runPreset("veteran-targets");
    const auto& old = byName(r, "old");
    const auto& fresh = byName(r, "new");
    CHECK(old.money.size() == 5);
    CHECK(moneyOf(old, MoneyKind::Bonus) == 50000);
    CHECK(moneyOf(old, MoneyKind::Bounty) == 0);
    CHECK(fresh.money.size() == 5);
    CHECK(moneyOf(fresh, MoneyKind::Bounty) == 25000);
    CHECK(moneyOf(fresh, MoneyKind::Bonus) == 0);
    CHECK(old.flags.empty());
    CHECK_FALSE(old.score.has_value()); // no score: the rule only pays
    CHECK(r.warnings.empty());
    for (const auto& m : old.money) CHECK(m.amountFen == 10000);
}

TEST_CASE("target_bonus: just past each boundary nothing is paid") {
    Period p;
    p.agent("A", "g", Status::Regular,
            {{"conversion_rate", 0.449999},
             {"avg_response_s", 20.000001},
             {"typing_speed", 100},
             {"typing_accuracy", 0.899999},
             {"exam_score", 94.999999},
             {"low_ratings", 1},
             {"named_praises", 35}});
    p.agent("B", "g", Status::Regular,
            {{"conversion_rate", 0.45},
             {"avg_response_s", 20},
             {"typing_speed", 99.999999},
             {"typing_accuracy", 0.95},
             {"exam_score", 95},
             {"low_ratings", 0},
             {"named_praises", 34}});
    auto r = p.runPreset("veteran-targets");
    CHECK(byName(r, "A").money.empty());
    const auto& b = byName(r, "B");
    CHECK(moneyOf(b, MoneyKind::Bonus) == 30000); // conversion, response, exam
    CHECK(line(b, "target conversion") != nullptr);
    CHECK(line(b, "target response") != nullptr);
    CHECK(line(b, "target exam") != nullptr);
    CHECK(line(b, "target typing") == nullptr);
    CHECK(line(b, "target reviews") == nullptr);
}

TEST_CASE("target_bonus: values are rounded to 6 decimals before the comparison") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"conversion_rate", 0.4499999}, {"exam_score", 94.9999996}});
    p.agent("B", "g", Status::Regular, {{"paid_customers", 45}, {"inquiries", 100}}); // derived 0.45
    auto r = p.runPreset("veteran-targets");
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Bonus) == 20000);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Bonus) == 10000);
}

TEST_CASE("target_bonus: a missing metric fails its target and is flagged") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"conversion_rate", 0.5}, {"typing_speed", 120}, {"low_ratings", 0}});
    auto r = p.runPreset("veteran-targets");
    const auto& a = byName(r, "A");
    CHECK(moneyOf(a, MoneyKind::Bonus) == 10000);
    CHECK(flagsOf(a) == std::vector<std::string>{"missing:avg_response_s", "missing:typing_accuracy",
                                                 "missing:exam_score", "missing:named_praises"});
    int missingLines = 0;
    for (const auto& b : a.breakdown)
        if (!b.value) {
            ++missingLines;
            CHECK(b.points == 0.0);
        }
    CHECK(missingLines == 4);
    CHECK(a.breakdown.size() == 7); // one line per condition
    // The rule cannot run at all for metrics that no agent has: one warning each.
    CHECK(r.warnings.size() == 4);
    CHECK(r.warnings[0].format(Lang::En) ==
          "rule r1: no agent in scope has Average response time; it cannot be computed");
}

TEST_CASE("target_bonus: breakdown marks each condition, and the money line explains itself") {
    Period p;
    p.agent("A", "g", Status::Probation, {{"typing_speed", 105}, {"typing_accuracy", 0.93}, {"conversion_rate", 0.3}});
    auto r = p.runPreset("veteran-targets");
    const auto& a = byName(r, "A");
    REQUIRE(a.money.size() == 1);
    CHECK(a.money[0].kind == MoneyKind::Bounty);
    CHECK(a.money[0].amountFen == 5000);
    CHECK(a.money[0].rule == "r1");
    CHECK(a.money[0].why.format(Lang::Zh) ==
          "达标项 typing（打字速度 ≥ 100 且 打字正确率 ≥ 0.9）达标：试用客服 +50 元");
    CHECK(a.money[0].why.format(Lang::En) ==
          "target typing (Typing speed ≥ 100 and Typing accuracy ≥ 0.9) met: probation agent +50 yuan");
    REQUIRE(a.breakdown.size() >= 1);
    const auto& conv = a.breakdown[0];
    CHECK(conv.metric == "conversion_rate");
    CHECK(conv.value == 0.3);
    CHECK(conv.points == 0.0);
    CHECK(conv.why.format(Lang::En) == "target conversion: Inquiry conversion 0.3, needs ≥ 0.45: not met");
    CHECK(a.breakdown[2].points == 1.0); // typing_speed holds
}

TEST_CASE("target_bonus: custom targets, strict ops, amounts rounded once to fen, zero amount pays nothing") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"sales_amount", 10000}, {"complaints", 0}});
    p.agent("B", "g", Status::Regular, {{"sales_amount", 10001}, {"complaints", 0}});
    p.agent("C", "g", Status::Probation, {{"sales_amount", 20000}, {"complaints", 0}});
    p.agent("D", "g", Status::Regular, {{"sales_amount", 20000}, {"complaints", 1}});
    p.agent("E", "g", Status::Regular, {{"sales_amount", 20000}, {"complaints", 0}, {"conversion_rate", 0.45}});
    // The threshold 0.4500000004 is rounded too: 0.45 meets it.
    auto r = p.run(R"({"id":"t","rules":[{"id":"tb","type":"target_bonus","params":{
        "targets":[{"id":"sales","all":[{"metric":"sales_amount","op":">","value":10000},{"metric":"complaints","op":"<","value":1}]},
                   {"id":"conv","all":[{"metric":"conversion_rate","op":">=","value":0.4500000004}]}],
        "regular_amount":88.885, "probation_amount":0}}]})");
    CHECK(byName(r, "A").money.empty());
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Bonus, "tb") == 8889); // 8888.5 fen, half away from zero
    CHECK(byName(r, "C").money.empty());
    CHECK(byName(r, "D").money.empty());
    CHECK(moneyOf(byName(r, "E"), MoneyKind::Bonus, "tb") == 2 * 8889);
}

TEST_CASE("target_bonus: scope limits groups and statuses") {
    Period p;
    p.agent("inA", "售前A组", Status::Regular, {{"exam_score", 100}});
    p.agent("inB", "售后组", Status::Regular, {{"exam_score", 100}});
    p.agent("newA", "售前A组", Status::Probation, {{"exam_score", 100}});
    auto r = p.run(
        R"({"id":"t","rules":[{"id":"r1","type":"target_bonus","scope":{"groups":["售前*"],"statuses":["regular"]},
        "params":{"targets":[{"id":"exam","all":[{"metric":"exam_score","op":">=","value":95}]}]}}]})");
    CHECK(moneyOf(byName(r, "inA"), MoneyKind::Bonus) == 10000);
    CHECK(byName(r, "inB").money.empty());
    CHECK(byName(r, "inB").flags.empty());
    CHECK(byName(r, "inB").breakdown.empty());
    CHECK(byName(r, "newA").money.empty());
    CHECK(byName(r, "newA").breakdown.empty());
}

TEST_CASE("target_bonus: no agents at all runs quietly") {
    Period p;
    auto r = p.runPreset("veteran-targets");
    CHECK(r.agents.empty());
    CHECK(r.warnings.empty());
}

TEST_CASE("target_bonus: stacks with itself per target, never per condition") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"low_ratings", 0}, {"named_praises", 40}});
    auto r = p.runPreset("veteran-targets");
    CHECK(byName(r, "A").money.size() == 1);
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Bonus) == 10000);
}

TEST_CASE("target_bonus: validation lists every problem") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"target_bonus","params":{
        "targets":[
          {"id":"a","all":[{"metric":"no_such_metric","op":">=","value":1}]},
          {"id":"a","all":[{"metric":"exam_score","op":"=>","value":1}]},
          {"all":[{"metric":"exam_score","op":">=","value":"high"}]},
          {"id":"empty","all":[]},
          {"id":"half","all":[{"metric":"exam_score","op":">="}]},
          {"id":"typo","all":[{"metric":"exam_score","op":">=","value":1,"unit":"x"}]},
          {"id":"noall"}
        ],
        "regular_amount": -1, "probation_amount": -2, "extra": true}}]})");
    INFO(problems);
    CHECK(problems.find("targets[0].all[0].metric: unknown metric 'no_such_metric'") != std::string::npos);
    CHECK(problems.find("targets[1].id: duplicate target id 'a'") != std::string::npos);
    CHECK(problems.find("targets[1].all[0].op: expected one of: >=, <=, >, <") != std::string::npos);
    CHECK(problems.find("line 5, column 11: rules[0].params.targets[2]: a target needs an id") != std::string::npos);
    CHECK(problems.find("targets[2].all[0].value: expected a number") != std::string::npos);
    CHECK(problems.find("targets[3].all: a target needs at least one condition") != std::string::npos);
    CHECK(problems.find("targets[4].all[0]: a condition needs \"metric\", \"op\" and \"value\"") != std::string::npos);
    CHECK(problems.find("targets[5].all[0].unit: unknown parameter 'unit'") != std::string::npos);
    CHECK(problems.find("targets[6]: a target needs at least one condition") != std::string::npos);
    CHECK(problems.find("regular_amount: a negative amount is not allowed") != std::string::npos);
    CHECK(problems.find("probation_amount: a negative amount is not allowed") != std::string::npos);
    CHECK(problems.find("unknown parameter 'extra'") != std::string::npos);
    CHECK(problems.find("line 3") != std::string::npos);
    CHECK(std::count(problems.begin(), problems.end(), '\n') == 12);
}

TEST_CASE("target_bonus: an empty target list is a problem; the preset and default params are valid") {
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"target_bonus","params":{"targets":[]}}]})")
              .find("targets: at least one target is needed") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"target_bonus"}]})").empty());
    // Without params the SCORING.md defaults apply: same money as the preset.
    Period p;
    p.agent("A", "g", Status::Probation, kAllMet);
    auto r = p.run(R"({"id":"t","rules":[{"id":"r1","type":"target_bonus"}]})");
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Bounty) == 25000);
}
