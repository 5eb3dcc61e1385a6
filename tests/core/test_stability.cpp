// core/stability.h (rank stability under perturbed weights) and core/whatif.h (the diff of a
// scheme change), on a group of four where the baseline is a three-way tie.
#include <string>

#include "helpers.h"
#include "stability.h"
#include "whatif.h"

using namespace kefu::test;

namespace {
// Sales and attitude at 0.5 each; A is first on sales and third on attitude, B the reverse, C
// second on both, D last on both: N = 4, A = 4w1 + 2w2, B = 2w1 + 4w2, C = 3, D = 1. At w1 = 0.5
// A, B and C tie at 3 (rank 1); any other w1 puts one of A/B first and C second. A also meets an
// exam target (+100 yuan), so the baseline tie A/B/C decides money.
const char* kScheme = R"({"id":"t","rules":[
  {"id":"r1","type":"rank_points","primary":true,
   "params":{"weights":{"sales_amount":0.5,"attitude_score":0.5},"volume_penalty":0}},
  {"id":"t1","type":"target_bonus","params":{"targets":[
     {"id":"exam","all":[{"metric":"exam_score","op":">=","value":95}]}]}}]})";

Period fourAgents() {
    Period p;
    p.agent("A", "g", Status::Regular, {{"sales_amount", 400}, {"attitude_score", 80}, {"exam_score", 96}});
    p.agent("B", "g", Status::Regular, {{"sales_amount", 200}, {"attitude_score", 95}});
    p.agent("C", "g", Status::Regular, {{"sales_amount", 300}, {"attitude_score", 90}});
    p.agent("D", "g", Status::Regular, {{"sales_amount", 100}, {"attitude_score", 70}});
    return p;
}

Scheme parse(const char* text) {
    Problems problems;
    auto s = parseScheme(text, Catalog::builtin(), problems);
    INFO(problems.joined());
    REQUIRE(s.ok());
    return *s;
}

StabilityReport stability(const Period& p, const Scheme& s, StabilityOptions o) {
    PeriodInput in = p.input;
    deriveMetrics(Catalog::builtin(), in.metrics);
    auto r = analyseStability(in, s, p.history, Catalog::builtin(), o);
    INFO((r.ok() ? "" : r.error()));
    REQUIRE(r.ok());
    return *r;
}

double probabilityOf(const AgentStability& a, int rank) {
    for (const auto& r : a.ranks)
        if (r.rank == rank) return r.p;
    return 0;
}
} // namespace

TEST_CASE("stability: the baseline tie, rank distributions and the unstable flag") {
    Period p = fourAgents();
    auto r = stability(p, parse(kScheme), {.samples = 400, .seed = 7});
    REQUIRE(r.agents.size() == 4);
    REQUIRE(r.perturbed.size() == 1);
    CHECK(r.perturbed[0].rule == "r1");
    CHECK(r.perturbed[0].metrics == std::vector<std::string>{"sales_amount", "attitude_score"});
    for (int k = 0; k < 3; ++k) CHECK(r.agents[k].baselineRank == 1);
    CHECK(r.agents[3].baselineRank == 4);
    // A is first exactly when its factor beats B's: about half the time, else third.
    CHECK(probabilityOf(r.agents[0], 1) > 0.4);
    CHECK(probabilityOf(r.agents[0], 1) < 0.6);
    CHECK(probabilityOf(r.agents[0], 1) + probabilityOf(r.agents[0], 3) == doctest::Approx(1.0));
    CHECK(probabilityOf(r.agents[2], 2) == doctest::Approx(1.0)); // C is never first any more
    CHECK(r.agents[2].pDiffers == doctest::Approx(1.0));
    CHECK(r.agents[3].pDiffers == 0); // D stays last
    for (int k = 0; k < 3; ++k) CHECK(r.agents[k].unstable);
    CHECK_FALSE(r.agents[3].unstable);
    for (const auto& a : r.agents) {
        double sum = 0;
        int count = 0;
        for (const auto& share : a.ranks) {
            sum += share.p;
            count += share.count;
        }
        CHECK(sum == doctest::Approx(1.0));
        CHECK(count == 400);
    }
    // The tie at rank 1 (score 3) pays A 1300 and B, C 1200 each.
    REQUIRE(r.moneyTies.size() == 1);
    CHECK(r.moneyTies[0].rank == 1);
    CHECK(r.moneyTies[0].score == doctest::Approx(3.0));
    CHECK(r.moneyTies[0].agents == std::vector<size_t>{0, 1, 2});
}

TEST_CASE("stability: the same seed gives the same report; delta 0 gives the baseline") {
    Period p = fourAgents();
    Scheme s = parse(kScheme);
    auto a = writeJson(stabilityToJson(stability(p, s, {.samples = 200, .seed = 42})));
    auto b = writeJson(stabilityToJson(stability(p, s, {.samples = 200, .seed = 42})));
    CHECK(a == b);
    auto still = stability(p, s, {.samples = 50, .seed = 3, .delta = 0});
    for (const auto& agent : still.agents) {
        REQUIRE(agent.ranks.size() == 1);
        CHECK(agent.ranks[0].rank == agent.baselineRank);
        CHECK(agent.ranks[0].p == 1.0);
        CHECK(agent.pDiffers == 0);
        CHECK_FALSE(agent.unstable);
    }
}

TEST_CASE("stability: implicit default weights are perturbed; weights after the primary rule are not") {
    Period p = fourAgents();
    const char* implicit = R"({"id":"t","rules":[{"id":"d","type":"dsr_dimensions"},
        {"id":"r1","type":"rank_points","params":{"volume_penalty":0}}, {"id":"d2","type":"dsr_dimensions"}]})";
    auto r = stability(p, parse(implicit), {.samples = 5});
    REQUIRE(r.perturbed.size() == 4); // three DSR dimensions and the rank weights; d2 comes after r1
    CHECK(r.perturbed[0].rule == "d");
    CHECK(r.perturbed[0].map == "dimensions.efficiency");
    CHECK(r.perturbed[2].metrics == std::vector<std::string>{"qa_ratio", "online_hours_per_day", "opinions_collected"});
    CHECK(r.perturbed[3].rule == "r1");
    CHECK(r.perturbed[3].metrics.size() == 4);
    // Writing the defaults out changes nothing: delta 0 reproduces the baseline.
    auto still = stability(p, parse(implicit), {.samples = 2, .delta = 0});
    for (const auto& a : still.agents) CHECK(a.pDiffers == 0);
}

TEST_CASE("stability: errors") {
    Period p = fourAgents();
    PeriodInput in = p.input;
    auto noScore = analyseStability(in, parse(R"({"id":"t","rules":[{"id":"t1","type":"target_bonus"}]})"), p.history,
                                    Catalog::builtin(), {});
    CHECK_FALSE(noScore.ok());
    auto afterPrimary = analyseStability(
        in, parse(R"({"id":"t","rules":[{"id":"i","type":"interval_score"},{"id":"d","type":"dsr_dimensions"}]})"),
        p.history, Catalog::builtin(), {});
    CHECK_FALSE(afterPrimary.ok());
    auto bad = analyseStability(in, parse(kScheme), p.history, Catalog::builtin(), {.samples = 0});
    CHECK_FALSE(bad.ok());
    auto badDelta = analyseStability(in, parse(kScheme), p.history, Catalog::builtin(), {.delta = 1.5});
    CHECK_FALSE(badDelta.ok());
}

TEST_CASE("whatif: weights 0.6/0.4 break the tie; diff checked by hand") {
    Period p = fourAgents();
    PeriodInput in = p.input;
    deriveMetrics(Catalog::builtin(), in.metrics);
    auto r = runWhatIf(in, parse(kScheme), p.history, Catalog::builtin(),
                       {"r1.weights.sales_amount=0.6", "r1.weights.attitude_score=0.4"});
    INFO((r.ok() ? "" : r.error()));
    REQUIRE(r.ok());
    const auto& a = r->agents;
    // After: A = 4*0.6 + 2*0.4 = 3.2 (1st), C = 3 (2nd), B = 2*0.6 + 4*0.4 = 2.8 (3rd), D = 1.
    CHECK(*a[0].newScore == doctest::Approx(3.2));
    CHECK(*a[1].newScore == doctest::Approx(2.8));
    CHECK(a[0].newRank == 1);
    CHECK(a[1].newRank == 3);
    CHECK(a[2].newRank == 2);
    CHECK(a[3].newRank == 4);
    CHECK(a[1].rankMove() == -2);
    CHECK(a[2].rankMove() == -1);
    CHECK(a[0].rankMove() == 0);
    // Money: A 1200 + 100 both times; B 1200 → 1000; C 1200 → 1100; D 900 both times.
    CHECK(a[0].oldFen == 130000);
    CHECK(a[0].newFen == 130000);
    CHECK(a[1].newFen - a[1].oldFen == -20000);
    CHECK(a[2].newFen - a[2].oldFen == -10000);
    CHECK(a[3].oldFen == 90000);
    CHECK(r->costBefore.agentsFen == 130000 + 120000 + 120000 + 90000);
    CHECK(r->costAfter.totalFen() - r->costBefore.totalFen() == -30000);
    CHECK(r->costAfter.activityFundFen == r->costBefore.activityFundFen); // the only group wins both times
    CHECK(r->movers == std::vector<size_t>{1, 2});                        // B moved two places, C one

    auto bad = runWhatIf(in, parse(kScheme), p.history, Catalog::builtin(), {"r1.weights.sales_amount=0.7"});
    CHECK_FALSE(bad.ok()); // weights sum to 1.2
    auto unknown = runWhatIf(in, parse(kScheme), p.history, Catalog::builtin(), {"zz.x=1"});
    CHECK_FALSE(unknown.ok());
}
