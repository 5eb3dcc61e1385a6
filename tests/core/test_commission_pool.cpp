#include "helpers.h"

using namespace kefu::test;

namespace {
const char* kCompositePool = R"({"id":"t","rules":[{"id":"c","type":"composite_100"},{"id":"pool","type":"commission_pool"}]})";

size_t seller(Period& p, const std::string& name, double sales, double compositeTotal, const std::string& group = "售前A组") {
    // The four parts add up to compositeTotal (team task carries the remainder).
    return p.agent(name, group, Status::Regular,
                   {{"sales_amount", sales}, {"comp_team_task", compositeTotal - 40}, {"comp_handover", 10}, {"comp_revisit", 20}, {"comp_ability", 10}});
}

int64_t commission(const Results& r) {
    int64_t t = 0;
    for (const auto& a : r.agents) t += moneyOf(a, MoneyKind::Commission);
    return t;
}

std::string moneyWhy(const AgentResult& a, MoneyKind kind) {
    for (const auto& m : a.money)
        if (m.kind == kind) return m.why.format(Lang::Zh);
    return "";
}

std::string poolWhy(const AgentResult& a) {
    for (const auto& b : a.breakdown)
        if (b.rule == "pool" && b.metric == "sales_amount") return b.why.format(Lang::Zh);
    return "";
}
} // namespace

TEST_CASE("commission_pool: progressive brackets and shares by composite score") {
    Period p;
    seller(p, "A", 200000, 80);
    seller(p, "B", 100000, 60);
    seller(p, "C", 50000, 60, "售前B组");
    // 350000: 100000 × 1% + 200000 × 1.5% + 50000 × 2% = 5000 yuan; scores 80 : 60 : 60.
    auto r = p.run(kCompositePool);
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Commission) == 200000);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Commission) == 150000);
    CHECK(moneyOf(byName(r, "C"), MoneyKind::Commission) == 150000);
    CHECK(poolWhy(byName(r, "A")) == "团队销售额 350000 元：100000 × 1% + 200000 × 1.5% + 50000 × 2% = 5000 元，取整为提成池 5000.00 元");
    CHECK(moneyWhy(byName(r, "A"), MoneyKind::Commission) ==
          "提成池 5000.00 元 × 得分 80 / 总分 200 = 2000 元，最大余数法取整为 2000.00 元");
}

TEST_CASE("commission_pool: the pool is rounded once and shares sum exactly to it") {
    Period p;
    seller(p, "A", 123456.78, 71.5);
    seller(p, "B", 0.01, 65.25);
    seller(p, "C", 1, 83);
    // 123457.79: 1000 + 23457.79 × 1.5% = 1351.86685 yuan -> 135187 fen.
    auto r = p.run(kCompositePool);
    CHECK(commission(r) == 135187);
    // 135187 × (71.5, 65.25, 83) / 219.75 = 43985.76, 40140.85, 51060.39: the two fen left go to B and A.
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Commission) == 43986);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Commission) == 40141);
    CHECK(moneyOf(byName(r, "C"), MoneyKind::Commission) == 51060);
}

TEST_CASE("commission_pool: largest remainder, equal remainders go to the earlier agent") {
    Period p;
    seller(p, "A", 5, 70);
    seller(p, "B", 5, 70);
    seller(p, "C", 0, 70);
    auto r = p.run(R"({"id":"t","rules":[{"id":"c","type":"composite_100"},
        {"id":"pool","type":"commission_pool","params":{"brackets":[{"rate":0.01}]}}]})");
    // 10 yuan × 1% = 0.10 yuan = 10 fen over three equal scores: 4, 3, 3.
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Commission) == 4);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Commission) == 3);
    CHECK(moneyOf(byName(r, "C"), MoneyKind::Commission) == 3);
}

TEST_CASE("commission_pool: a score <= 0 gets nothing; the others share the whole pool") {
    Period p;
    seller(p, "A", 100000, 60);
    seller(p, "B", 100000, 40);
    p.event("B", "2024-03-02", "violation_severe", 2); // 40 - 40 = 0
    auto r = p.run(kCompositePool);
    // 200000: 1000 + 1500 = 2500 yuan, all to A.
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Commission) == 250000);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Commission) == 0);
    CHECK(byName(r, "B").money.size() == 1); // only the composite fine
}

TEST_CASE("commission_pool: nothing paid when the scores sum to <= 0; every group in scope is flagged") {
    Period p;
    seller(p, "A", 100000, 40, "售前A组");
    seller(p, "B", 100000, 40, "售前B组");
    p.agent("new", "售后组", Status::Probation, {{"sales_amount", 100}});
    p.event("A", "2024-03-02", "violation_severe", 2);
    p.event("B", "2024-03-02", "violation_severe", 3);
    auto r = p.run(kCompositePool);
    CHECK(commission(r) == 0);
    auto flagged = [&](const char* g) {
        const auto& f = r.group(g).flags;
        return std::find(f.begin(), f.end(), "pool_undistributed") != f.end();
    };
    CHECK(flagged("售前A组"));
    CHECK(flagged("售前B组"));
    CHECK_FALSE(flagged("售后组")); // no agent of it in the pool's scope
    bool warned = false;
    for (const auto& w : r.warnings) warned |= w.format(Lang::Zh) == "规则 pool：总分 0 ≤ 0，提成池 2500.00 元未分配";
    CHECK(warned);
    REQUIRE(r.group("售前A组").why.size() == 1);
    CHECK(r.group("售前A组").why[0].format(Lang::En) == "rule pool: total score 0 <= 0, the pool of 2500.00 yuan is not paid");
}

TEST_CASE("commission_pool: an empty scope and a group of one") {
    Period p;
    p.agent("new", "g", Status::Probation, {{"sales_amount", 100000}});
    auto empty = p.run(kCompositePool);
    CHECK(commission(empty) == 0);
    CHECK(empty.group("g").flags.empty());

    Period one;
    seller(one, "solo", 50000, 75);
    auto r = one.run(kCompositePool);
    CHECK(moneyOf(byName(r, "solo"), MoneyKind::Commission) == 50000); // 50000 × 1%
}

TEST_CASE("commission_pool: missing sales count 0 with a flag; the agent still shares by score") {
    Period p;
    seller(p, "A", 100000, 60);
    p.agent("B", "售前A组", Status::Regular, {{"comp_team_task", 20}, {"comp_handover", 10}, {"comp_revisit", 20}, {"comp_ability", 10}});
    auto r = p.run(kCompositePool);
    CHECK(hasFlag(byName(r, "B"), "missing:sales_amount"));
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Commission) == 50000);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Commission) == 50000);
}

TEST_CASE("commission_pool: score_rule names another score rule; a capped last bracket") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"sales_amount", 300}});
    p.agent("B", "g", Status::Regular, {{"sales_amount", 100}});
    auto r = p.run(R"({"id":"t","rules":[
        {"id":"r1","type":"rank_points","params":{"weights":{"sales_amount":1},"bonus_first":0}},
        {"id":"pool","type":"commission_pool","params":{"score_rule":"r1","brackets":[{"up_to":200,"rate":0.5},{"up_to":300,"rate":0.1}]}}]})");
    // 400 sales, capped at 300: 200 × 50% + 100 × 10% = 110 yuan; rank points 2 : 1.
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Commission) == 7333);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Commission) == 3667);
}

TEST_CASE("commission_pool: the score rule switched off: no pool, a warning") {
    Period p;
    seller(p, "A", 100000, 60);
    auto r = p.run(R"({"id":"t","rules":[{"id":"c","type":"composite_100","enabled":false},
        {"id":"pool","type":"commission_pool","params":{"score_rule":"c"}}]})");
    CHECK(byName(r, "A").money.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].format(Lang::En) == "rule pool: the score rule to split by is missing or switched off; no pool");
}

TEST_CASE("commission_pool: validation") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"c","type":"composite_100"},
        {"id":"pool","type":"commission_pool","params":{"brackets":[{"up_to":300000,"rate":0.01},
        {"up_to":100000,"rate":-0.015},{"rate":0.02},{"rate":0.03}],"score_rule":"nope","x":1}}]})");
    CHECK(problems.find("brackets must increase: 100000 is not above 300000") != std::string::npos);
    CHECK(problems.find("brackets[1].rate: a negative amount") != std::string::npos);
    CHECK(problems.find("brackets[2]: only the last bracket may leave out up_to") != std::string::npos);
    CHECK(problems.find("score_rule: no rule 'nope' in the scheme") != std::string::npos);
    CHECK(problems.find("unknown parameter 'x'") != std::string::npos);

    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"pool","type":"commission_pool"}]})").find(
              "no composite_100 rule in the scheme") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"pool","type":"commission_pool"},{"id":"c","type":"composite_100"}]})")
              .find("rule 'c' must come before this rule") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"f","type":"fines_escalating"},
        {"id":"pool","type":"commission_pool","params":{"score_rule":"f"}}]})")
              .find("rule 'f' (fines_escalating) produces no score") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"c","type":"composite_100"},{"id":"pool","type":"commission_pool"}]})").empty());
}
