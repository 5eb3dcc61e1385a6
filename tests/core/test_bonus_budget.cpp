#include "helpers.h"

#include <numeric>

#include "random.h"
#include "rules/bonus_budget.h"

using namespace kefu::test;

namespace {
const char* kGrades = R"([{"grade":"A","share":0.2,"multiplier":1.5},{"grade":"B","share":0.6,"multiplier":1},{"grade":"C","share":0.2,"multiplier":0.5}])";

std::string budgetScheme(const std::string& params) {
    return R"({"id":"t","rules":[{"id":"c","type":"composite_100"},{"id":"b","type":"bonus_budget","params":)" + params + "}]}";
}

// A regular agent whose composite_100 score is `score` (the four parts add up to it).
void scored(Period& p, const std::string& name, double score) {
    p.agent(name, "售前A组", Status::Regular,
            {{"comp_team_task", score - 40}, {"comp_handover", 10}, {"comp_revisit", 20}, {"comp_ability", 10}});
}

int64_t sum(const std::vector<int64_t>& v) { return std::accumulate(v.begin(), v.end(), int64_t(0)); }

std::string lineWhy(const AgentResult& a, const std::string& rule) {
    for (const auto& b : a.breakdown)
        if (b.rule == rule) return b.why.format(Lang::En);
    return "";
}
} // namespace

TEST_CASE("bonus budget: a pool split by weights sums exactly with the largest remainder") {
    auto s = splitBudget(100000, 0, std::nullopt, {3, 2, 1});
    CHECK(s.fen == std::vector<int64_t>{50000, 33333, 16667}); // .333 and .667: the fen goes to the larger remainder
    CHECK(s.paidFen == 100000);
    // Equal remainders: the earlier index first.
    CHECK(splitBudget(100, 0, std::nullopt, {1, 1, 1}).fen == std::vector<int64_t>{34, 33, 33});
}

TEST_CASE("bonus budget: minimum and maximum per person hold and the rest is re-split") {
    // Unconstrained 600, 300, 100 yuan; A is capped at 450, C raised to 200, B takes what is left.
    auto s = splitBudget(100000, 20000, 45000, {6, 3, 1});
    CHECK(s.fen == std::vector<int64_t>{45000, 35000, 20000});
    CHECK(s.paidFen == 100000);
    CHECK(s.perWeight == doctest::Approx(35000.0 / 3));
    // A weight of 0 gets the minimum.
    auto z = splitBudget(100000, 10000, std::nullopt, {1, 0, 1});
    CHECK(z.fen == std::vector<int64_t>{45000, 10000, 45000});
}

TEST_CASE("bonus budget: any weights and caps that allow the pool sum to it exactly, inside the caps") {
    SplitMix64 rng{7};
    for (int round = 0; round < 500; ++round) {
        const size_t n = 1 + rng.next() % 12;
        std::vector<double> w(n);
        for (auto& x : w) x = rng.next() % 4 == 0 ? 0.0 : rng.uniform(0, 100);
        const int64_t lo = int64_t(rng.next() % 5000), hi = lo + int64_t(rng.next() % 50000);
        int64_t lowest = lo * int64_t(n), highest = 0;
        for (double x : w) highest += x > 0 ? hi : lo;
        const int64_t pool = lowest + int64_t(rng.next() % uint64_t(highest - lowest + 1));
        auto s = splitBudget(pool, lo, hi, w);
        INFO("round " << round);
        CHECK(sum(s.fen) == pool);
        for (size_t i = 0; i < n; ++i) {
            CHECK(s.fen[i] >= lo);
            CHECK(s.fen[i] <= hi);
            CHECK(std::fabs(double(s.fen[i]) - s.exact[i]) < 1.0 + 1e-6); // within a fen of the exact share
        }
    }
}

TEST_CASE("bonus budget: caps that make the pool impossible are reported with the numbers") {
    auto over = splitBudget(50000, 20000, 45000, {1, 2, 3});
    CHECK(over.fen == std::vector<int64_t>{20000, 20000, 20000});
    CHECK(over.paidFen == 60000);
    auto under = splitBudget(200000, 20000, 45000, {1, 2, 3});
    CHECK(under.fen == std::vector<int64_t>{45000, 45000, 45000});
    CHECK(under.paidFen == 135000);

    Period p;
    for (auto [name, score] : {std::pair{"A", 90.0}, {"B", 80.0}, {"C", 70.0}}) scored(p, name, score);
    auto r = p.run(budgetScheme(R"({"pool":100,"min":50})"));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].format(Lang::En) ==
          "rule b: the pool of 100.00 yuan is less than 3 people × minimum 50.00 yuan = 150.00 yuan; everyone gets the "
          "minimum, 50.00 yuan over the pool");
    CHECK(r.warnings[0].format(Lang::Zh) ==
          "规则 b：奖金池 100.00 元少于 3 人 × 最低 50.00 元 = 150.00 元；每人按最低发放，超出奖金池 50.00 元");
    auto r2 = p.run(budgetScheme(R"({"pool":1000,"max":200})"));
    REQUIRE(r2.warnings.size() == 1);
    CHECK(r2.warnings[0].format(Lang::En) == "rule b: the caps allow at most 600.00 yuan, so 400.00 of the pool's 1000.00 yuan stay unpaid");
    CHECK(moneyOf(byName(r2, "A"), MoneyKind::Bonus, "b") == 20000);
}

TEST_CASE("bonus budget: grade quotas by rank, tied agents share the better grade") {
    CHECK(gradeCounts(5, {0.2, 0.6, 0.2}) == std::vector<int64_t>{1, 3, 1});
    CHECK(gradeCounts(3, {0.2, 0.6, 0.2}) == std::vector<int64_t>{1, 2, 0}); // 0.6, 1.8, 0.6: B's .8, then A's .6
    const std::vector<int64_t> counts{1, 3, 1};
    CHECK(gradeOfRank(1, counts) == 0);
    CHECK(gradeOfRank(2, counts) == 1);
    CHECK(gradeOfRank(4, counts) == 1);
    CHECK(gradeOfRank(5, counts) == 2);

    Period p;
    for (auto [name, score] : {std::pair{"A", 90.0}, {"B", 80.0}, {"C", 80.0}, {"D", 70.0}, {"E", 60.0}}) scored(p, name, score);
    // Weights 1.5, 1, 1, 1, 0.5: 1000 yuan / 5 = 200 per unit.
    auto r = p.run(budgetScheme(std::string(R"({"pool":1000,"min":100,"max":400,"grades":)") + kGrades + "}"));
    CHECK(r.warnings.empty());
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Bonus, "b") == 30000);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Bonus, "b") == 20000);
    CHECK(moneyOf(byName(r, "D"), MoneyKind::Bonus, "b") == 20000);
    CHECK(moneyOf(byName(r, "E"), MoneyKind::Bonus, "b") == 10000);
    CHECK(lineWhy(byName(r, "A"), "b") == "score 90, rank 1 of 5: grade A (quota 1, multiplier 1.5)");
    CHECK(lineWhy(byName(r, "E"), "b") == "score 60, rank 5 of 5: grade C (quota 1, multiplier 0.5)");
    for (const auto& m : byName(r, "B").money)
        if (m.rule == "b")
            CHECK(m.why.format(Lang::En) == "bonus pool 1000.00 yuan: 200 yuan per unit of weight × weight 1 = 200 yuan, kept "
                                            "within 100.00 – 400.00 yuan → 200.00 yuan (largest remainder to the fen)");

    // A tie at the top: both are A, the next is rank 3 (B). Weights 1.5, 1.5, 1, 1, 0.5 give E 90.91 < 100,
    // so E gets the minimum and the other 900 yuan go 1.5 : 1.5 : 1 : 1.
    Period q;
    for (auto [name, score] : {std::pair{"A", 90.0}, {"B", 90.0}, {"C", 80.0}, {"D", 70.0}, {"E", 60.0}}) scored(q, name, score);
    auto t = q.run(budgetScheme(std::string(R"({"pool":1000,"min":100,"max":400,"grades":)") + kGrades + "}"));
    CHECK(moneyOf(byName(t, "A"), MoneyKind::Bonus, "b") == 27000);
    CHECK(moneyOf(byName(t, "B"), MoneyKind::Bonus, "b") == 27000);
    CHECK(moneyOf(byName(t, "C"), MoneyKind::Bonus, "b") == 18000);
    CHECK(moneyOf(byName(t, "E"), MoneyKind::Bonus, "b") == 10000);
    CHECK(lineWhy(byName(t, "B"), "b") == "score 90, rank 1 of 5: grade A (quota 1, multiplier 1.5)");
    CHECK(lineWhy(byName(t, "C"), "b") == "score 80, rank 3 of 5: grade B (quota 3, multiplier 1)");
}

TEST_CASE("bonus budget: without grades the pool follows the scores, or splits equally") {
    Period p;
    for (auto [name, score] : {std::pair{"A", 90.0}, {"B", 60.0}}) scored(p, name, score);
    auto r = p.run(budgetScheme(R"({"pool":300})"));
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Bonus, "b") == 18000);
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Bonus, "b") == 12000);
    auto e = p.run(budgetScheme(R"({"pool":300,"split":"equal"})"));
    CHECK(moneyOf(byName(e, "A"), MoneyKind::Bonus, "b") == 15000);
    // An agent out of the score rule's scope gets no share and a line saying so.
    p.agent("P", "售前A组", Status::Probation, {});
    auto r3 = p.run(R"({"id":"t","rules":[{"id":"c","type":"composite_100"},{"id":"b","type":"bonus_budget","scope":{"statuses":["regular","probation"]},"params":{"pool":300}}]})");
    CHECK(moneyOf(byName(r3, "P"), MoneyKind::Bonus) == 0);
    CHECK(lineWhy(byName(r3, "P"), "b") == "no score from rule c: no share of the bonus pool");
    CHECK(moneyOf(byName(r3, "A"), MoneyKind::Bonus, "b") == 18000);
}

TEST_CASE("bonus budget: scheme problems") {
    CHECK(schemeProblems(budgetScheme("{}")).find("pool (the monthly bonus pool in yuan) is required") != std::string::npos);
    CHECK(schemeProblems(budgetScheme(R"({"pool":100,"min":50,"max":20})")).find("max 20 is below min 50") != std::string::npos);
    CHECK(schemeProblems(budgetScheme(R"({"pool":100,"grades":[{"grade":"A","share":0.5},{"grade":"B","share":0.4}]})"))
              .find("grade shares sum to 0.9, not 1") != std::string::npos);
    CHECK(schemeProblems(budgetScheme(R"({"pool":100,"grades":[{"grade":"A","share":0.5},{"grade":"A","share":0.5}]})"))
              .find("grade 'A' appears twice") != std::string::npos);
    CHECK(schemeProblems(budgetScheme(R"({"pool":100,"score_rule":"x"})")).find("no rule 'x' in the scheme") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"b","type":"bonus_budget","params":{"pool":100,"score_rule":"c"}},{"id":"c","type":"composite_100"}]})")
              .find("rule 'c' must come before this rule") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"f","type":"fines_escalating"},{"id":"b","type":"bonus_budget","params":{"pool":100,"score_rule":"f"}}]})")
              .find("produces no score") != std::string::npos);
    CHECK(schemeProblems(budgetScheme(std::string(R"({"pool":100,"grades":)") + kGrades + "}")).empty());
}

TEST_CASE("bonus budget: the team-bonus-budget preset parses and pays its pool exactly") {
    Period p;
    const char* names[] = {"A", "B", "C", "D", "E", "F"};
    for (int i = 0; i < 6; ++i)
        p.agent(names[i], "售前A组", Status::Regular,
                {{"sales_amount", 10000.0 + 3000 * i}, {"attitude_score", 80.0 + i}, {"inquiries", i == 0 ? 12.0 : 100.0},
                 {"paid_customers", i == 0 ? 9.0 : 30.0 + i}, {"avg_response_s", 30.0 - i}, {"receptions", 300}});
    auto r = p.runPreset("team-bonus-budget");
    int64_t paid = 0;
    for (const auto& a : r.agents) paid += moneyOf(a, MoneyKind::Bonus, "budget");
    CHECK(paid == 1000000);
    CHECK(hasFlag(byName(r, "A"), "low_confidence:conversion_rate"));
    CHECK(r.warnings.empty());
}
