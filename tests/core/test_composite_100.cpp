#include "helpers.h"

using namespace kefu::test;

namespace {
const char* kComposite = R"({"id":"t","rules":[{"id":"c","type":"composite_100"}]})";

// Adds a regular agent with the four parts.
size_t comp(Period& p, const std::string& name, double team, double handover, double revisit, double ability,
            const std::string& group = "售后组") {
    return p.agent(name, group, Status::Regular,
                   {{"comp_team_task", team}, {"comp_handover", handover}, {"comp_revisit", revisit}, {"comp_ability", ability}});
}

std::string whyOf(const AgentResult& a, MoneyKind kind, Lang lang = Lang::Zh) {
    for (const auto& m : a.money)
        if (m.kind == kind) return m.why.format(lang);
    return "";
}

bool breakdownHas(const AgentResult& a, const std::string& text, Lang lang = Lang::Zh) {
    for (const auto& b : a.breakdown)
        if (b.why.format(lang).find(text) != std::string::npos) return true;
    return false;
}
} // namespace

TEST_CASE("composite_100: base + additions - deductions; exactly 60 is not below 60") {
    Period p;
    comp(p, "A", 25, 18, 27, 17); // 87
    p.event("A", "2024-03-05", "add_cover_shift");
    p.event("A", "2024-03-06", "add_suggestion", 2);   // +10
    p.event("A", "2024-03-07", "violation_light");     // -2
    p.event("A", "2024-03-08", "violation_medium");    // -10
    p.event("A", "2024-03-20", "violation_medium");    // -10, and 2 medium: a further -20
    auto r = p.run(kComposite);
    const auto& a = byName(r, "A");
    CHECK(a.scores.at("c") == doctest::Approx(60.0)); // 87 + 15 - 42
    CHECK(a.score == doctest::Approx(60.0));
    CHECK_FALSE(hasFlag(a, "composite_below_60"));
    CHECK(a.money.empty()); // first of one, but a streak of 1 pays nothing
    CHECK(breakdownHas(a, "综合分 = 基础 87 + 加分 15 - 扣分 42 = 60"));
    CHECK(breakdownHas(a, "本期 中度违规 共 2 次（≥ 2）：再扣 20 分"));
    CHECK(breakdownHas(a, "composite = base 87 + additions 15 - deductions 42 = 60", Lang::En));
}

TEST_CASE("composite_100: 4 light violations (count column) add 20 once; points column overrides") {
    Period p;
    comp(p, "light", 30, 20, 30, 20);
    comp(p, "both", 30, 20, 30, 20);
    comp(p, "override", 30, 20, 30, 20);
    p.event("light", "2024-03-02", "violation_light", 4);     // -8 -20
    p.event("both", "2024-03-02", "violation_light", 4);      // -8
    p.event("both", "2024-03-03", "violation_medium", 2);     // -20, further -20 only once
    p.event("override", "2024-03-02", "violation_severe", 1, 5.0); // -5 instead of -20
    p.event("override", "2024-03-04", "add_full_exam", 1, 3.0);    // +3 instead of +5
    p.event("override", "2024-03-04", "violation_light", 3);        // 3 light: no further deduction
    auto r = p.run(kComposite);
    CHECK(byName(r, "light").scores.at("c") == doctest::Approx(72.0));
    CHECK(byName(r, "both").scores.at("c") == doctest::Approx(52.0));
    CHECK(byName(r, "override").scores.at("c") == doctest::Approx(100.0 - 5 + 3 - 6));
}

TEST_CASE("composite_100: additions come from events only; the score is not clamped") {
    Period p;
    comp(p, "A", 30, 20, 30, 20);
    comp(p, "B", 0, 0, 0, 0);
    for (const char* k : {"add_top_workload", "add_full_exam", "add_cover_shift", "add_extra_work", "add_zero_complaints", "add_suggestion"})
        p.event("A", "2024-03-10", k);
    p.event("B", "2024-03-10", "violation_severe", 2);
    p.set("A", "complaints", 0); // zero complaints as a metric is not an add_zero_complaints event
    auto r = p.run(kComposite);
    CHECK(byName(r, "A").scores.at("c") == doctest::Approx(130.0));
    CHECK(byName(r, "B").scores.at("c") == doctest::Approx(-40.0));
}

TEST_CASE("composite_100: below 60 is fined 100 yuan; twice in a row is a dismissal risk") {
    Period p;
    comp(p, "low", 10, 10, 20, 10);   // 50
    comp(p, "again", 20, 10, 20, 9);  // 59
    comp(p, "ok", 30, 20, 30, 20);
    p.past("2024-02", {{"again", {"composite_below_60"}}, {"low", {}}});
    auto r = p.run(kComposite);
    const auto& low = byName(r, "low");
    const auto& again = byName(r, "again");
    CHECK(moneyOf(low, MoneyKind::Fine) == -10000);
    CHECK(hasFlag(low, "composite_below_60"));
    CHECK_FALSE(hasFlag(low, "dismissal_risk"));
    CHECK(moneyOf(again, MoneyKind::Fine) == -10000);
    CHECK(hasFlag(again, "dismissal_risk"));
    CHECK(whyOf(low, MoneyKind::Fine) == "综合分 50 < 60：罚款 100 元");
    CHECK(whyOf(low, MoneyKind::Fine, Lang::En) == "composite 50 < 60: fine 100 yuan");
    CHECK(r.fundTotalFen == 20000);
    CHECK(byName(r, "ok").money.empty());
}

TEST_CASE("composite_100: a gap in history is not 'the previous period'") {
    Period p;
    comp(p, "low", 10, 10, 20, 10);
    p.past("2024-01", {{"low", {"composite_below_60"}}}); // January, not February
    auto r = p.run(kComposite);
    CHECK(hasFlag(byName(r, "low"), "composite_below_60"));
    CHECK_FALSE(hasFlag(byName(r, "low"), "dismissal_risk"));
}

TEST_CASE("composite_100: first place ties, competition ranks among the whole scope") {
    Period p;
    comp(p, "A", 25, 18, 27, 17, "售前A组");    // 87
    comp(p, "B", 30, 17, 25, 15, "售前B组");    // 87
    comp(p, "C", 20, 18, 27, 17, "售前A组");    // 82
    p.agent("new", "售前A组", Status::Probation,
            {{"comp_team_task", 30}, {"comp_handover", 20}, {"comp_revisit", 30}, {"comp_ability", 20}});
    auto r = p.run(kComposite);
    CHECK(byName(r, "A").rank == 1);
    CHECK(byName(r, "B").rank == 1);
    CHECK(byName(r, "C").rank == 3);
    CHECK(hasFlag(byName(r, "A"), "composite_first"));
    CHECK(hasFlag(byName(r, "B"), "composite_first"));
    CHECK_FALSE(hasFlag(byName(r, "C"), "composite_first"));
    CHECK_FALSE(byName(r, "new").score.has_value()); // probation: out of the default scope
}

TEST_CASE("composite_100: streak awards at 3 and 6 periods in a row, nothing at 5 or after a break") {
    Period p("2024-06");
    comp(p, "three", 30, 20, 30, 20);
    comp(p, "six", 30, 20, 30, 20);
    comp(p, "five", 30, 20, 30, 20);
    comp(p, "broken", 30, 20, 30, 20);
    p.past("2024-01", {{"six", {"composite_first"}}, {"broken", {"composite_first"}}});
    p.past("2024-02", {{"six", {"composite_first"}}, {"five", {"composite_first"}}, {"broken", {"composite_first"}}});
    p.past("2024-03", {{"six", {"composite_first"}}, {"five", {"composite_first"}}, {"broken", {}}});
    p.past("2024-04", {{"six", {"composite_first"}}, {"three", {"composite_first"}}, {"five", {"composite_first"}}, {"broken", {"composite_first"}}});
    p.past("2024-05", {{"six", {"composite_first"}}, {"three", {"composite_first"}}, {"five", {"composite_first"}}, {"broken", {"composite_first"}}});
    auto r = p.run(kComposite);
    CHECK(moneyOf(byName(r, "three"), MoneyKind::Award) == 10000);
    CHECK(moneyOf(byName(r, "six"), MoneyKind::Award) == 20000);
    CHECK(moneyOf(byName(r, "five"), MoneyKind::Award) == 0);
    CHECK(moneyOf(byName(r, "broken"), MoneyKind::Award) == 10000); // 04, 05, 06 after the break in 03
    CHECK(whyOf(byName(r, "six"), MoneyKind::Award) == "连续 6 个月综合第1：100 × 6 / 3 = 200 元");
}

TEST_CASE("composite_100: no streak award when this period is not first") {
    Period p;
    comp(p, "top", 30, 20, 30, 20);
    comp(p, "second", 30, 20, 30, 19);
    p.past("2024-01", {{"second", {"composite_first"}}});
    p.past("2024-02", {{"second", {"composite_first"}}});
    auto r = p.run(kComposite);
    CHECK(byName(r, "second").money.empty());
    CHECK(byName(r, "top").money.empty()); // a streak of 1
}

TEST_CASE("composite_100: a missing part counts 0 with a flag; a group of one is first") {
    Period p;
    p.agent("solo", "售后组", Status::Regular, {{"comp_team_task", 30}, {"comp_handover", 20}, {"comp_revisit", 30}});
    auto r = p.run(kComposite);
    const auto& a = byName(r, "solo");
    CHECK(a.scores.at("c") == doctest::Approx(80.0));
    CHECK(hasFlag(a, "missing:comp_ability"));
    CHECK(a.rank == 1);
    CHECK(hasFlag(a, "composite_first"));
    REQUIRE(r.warnings.size() == 1); // nobody has comp_ability
    CHECK(r.warnings[0].format(Lang::Zh).find("业务素质") != std::string::npos);
}

TEST_CASE("composite_100: an empty scope produces nothing") {
    Period p;
    p.agent("new", "g", Status::Probation, {{"comp_team_task", 10}});
    auto r = p.run(kComposite);
    CHECK(byName(r, "new").scores.empty());
    CHECK(r.warnings.empty());
}

TEST_CASE("composite_100: params change the numbers") {
    Period p;
    comp(p, "A", 20, 10, 20, 10); // 60
    p.event("A", "2024-03-03", "add_extra_work");
    auto r = p.run(R"({"id":"t","rules":[{"id":"c","type":"composite_100","params":{
        "addition_points": 2, "pass_score": 70, "below_fine": 50.5}}]})");
    CHECK(byName(r, "A").scores.at("c") == doctest::Approx(62.0));
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Fine) == -5050);
}

TEST_CASE("composite_100: the preset") {
    Period p;
    comp(p, "A", 25, 18, 27, 17);
    auto r = p.runPreset("composite-100");
    CHECK(byName(r, "A").score == doctest::Approx(87.0));
    CHECK(byName(r, "A").rank == 1);
    CHECK_FALSE(findRuleType("composite_100")->needsPeriod);
    CHECK(findRuleType("composite_100")->producesScore);
}

TEST_CASE("composite_100: validation lists every problem") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"c","type":"composite_100","params":{
        "parts": ["comp_team_task", "no_such"], "deductions": {"violation_light": -2},
        "repeat_when": {"violation_medium": 0}, "streak_length": 0, "below_fine": -1, "typo": 1}}]})");
    CHECK(problems.find("unknown metric 'no_such'") != std::string::npos);
    CHECK(problems.find("deductions.violation_light: a negative amount") != std::string::npos);
    CHECK(problems.find("repeat_when.violation_medium: a count must be at least 1") != std::string::npos);
    CHECK(problems.find("streak_length: a streak is at least 1 period") != std::string::npos);
    CHECK(problems.find("below_fine: a negative amount") != std::string::npos);
    CHECK(problems.find("unknown parameter 'typo'") != std::string::npos);
    CHECK(problems.find("line 2") != std::string::npos);
}
