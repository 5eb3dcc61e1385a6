#include "helpers.h"

using namespace kefu::test;

namespace {
// One weighted metric, so points are exactly (N - rank + 1) * w.
const char* kOneMetric = R"({"id":"t","rules":[{"id":"r1","type":"rank_points","params":{
  "weights":{"sales_amount":1.0}, "volume_penalty":0}}]})";
} // namespace

TEST_CASE("rank_points: N=20, w=0.3 gives 6.0 and 5.7") {
    Period p;
    for (int i = 0; i < 20; ++i)
        p.agent("a" + std::to_string(i), "售前A组", Status::Regular,
                {{"sales_amount", 1000.0 - i}, {"attitude_score", 90}, {"conversion_rate", 0.4}, {"avg_response_s", 20}, {"receptions", 100}});
    auto r = p.runPreset("presales-rank");
    const auto& first = byName(r, "a0");
    const auto& second = byName(r, "a1");
    auto pts = [](const AgentResult& a, const char* metric) {
        for (const auto& b : a.breakdown)
            if (b.metric == metric && b.points) return *b.points;
        return -1.0;
    };
    CHECK(pts(first, "sales_amount") == doctest::Approx(6.0));
    CHECK(pts(second, "sales_amount") == doctest::Approx(5.7));
    // Everyone ties on the other metrics: rank 1 each, 20 * w points.
    CHECK(pts(second, "attitude_score") == doctest::Approx(6.0));
    CHECK(pts(second, "avg_response_s") == doctest::Approx(4.0));
    CHECK(first.score == doctest::Approx(6.0 + 6.0 + 4.0 + 4.0));
    CHECK(first.rank == 1);
    CHECK(moneyOf(first, MoneyKind::Bonus) == 120000);
    CHECK(moneyOf(second, MoneyKind::Bonus) == 110000);
    CHECK(moneyOf(byName(r, "a12"), MoneyKind::Bonus) == 0); // 1200 - 12*100 = 0
    CHECK(byName(r, "a12").money.empty());
}

TEST_CASE("rank_points: ties rank 1,2,2,4 and share the bonus of their rank") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"sales_amount", 300}});
    p.agent("B", "g", Status::Regular, {{"sales_amount", 200}});
    p.agent("C", "g", Status::Regular, {{"sales_amount", 200}});
    p.agent("D", "g", Status::Regular, {{"sales_amount", 100}});
    auto r = p.run(kOneMetric);
    CHECK(byName(r, "A").rank == 1);
    CHECK(byName(r, "B").rank == 2);
    CHECK(byName(r, "C").rank == 2);
    CHECK(byName(r, "D").rank == 4);
    CHECK(byName(r, "B").score == doctest::Approx(3.0));
    CHECK(moneyOf(byName(r, "B"), MoneyKind::Bonus) == 110000);
    CHECK(moneyOf(byName(r, "C"), MoneyKind::Bonus) == 110000);
    CHECK(moneyOf(byName(r, "D"), MoneyKind::Bonus) == 90000);
}

TEST_CASE("rank_points: values tie after rounding to 6 decimals") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"conversion_rate", 0.103}});
    p.agent("B", "g", Status::Regular, {{"conversion_rate", 10.3 / 100}});
    auto r = p.run(R"({"id":"t","rules":[{"id":"r1","type":"rank_points","params":{"weights":{"conversion_rate":1}}}]})");
    CHECK(byName(r, "A").rank == 1);
    CHECK(byName(r, "B").rank == 1);
}

TEST_CASE("rank_points: lower-better metric, missing metric, probation out of scope") {
    Period p;
    p.agent("fast", "g", Status::Regular, {{"avg_response_s", 10}});
    p.agent("slow", "g", Status::Regular, {{"avg_response_s", 30}});
    p.agent("none", "g", Status::Regular, {});
    p.agent("new", "g", Status::Probation, {{"avg_response_s", 1}});
    auto r = p.run(R"({"id":"t","rules":[{"id":"r1","type":"rank_points","params":{"weights":{"avg_response_s":1}}}]})");
    CHECK(byName(r, "fast").score == doctest::Approx(3.0)); // N = 3 (missing still counts)
    CHECK(byName(r, "slow").score == doctest::Approx(2.0));
    CHECK(byName(r, "none").score == doctest::Approx(0.0));
    CHECK(hasFlag(byName(r, "none"), "missing:avg_response_s"));
    CHECK_FALSE(byName(r, "new").score.has_value());
    CHECK(byName(r, "new").money.empty());
}

TEST_CASE("rank_points: a group of one, and the volume penalty") {
    Period p;
    p.agent("solo", "B", Status::Regular, {{"sales_amount", 10}, {"receptions", 50}});
    p.agent("x", "A", Status::Regular, {{"sales_amount", 10}, {"receptions", 100}});
    p.agent("y", "A", Status::Regular, {{"sales_amount", 20}, {"receptions", 100}});
    p.agent("z", "A", Status::Regular, {{"sales_amount", 30}, {"receptions", 70}}); // avg 90, 70 < 80
    auto r = p.run(R"({"id":"t","rules":[{"id":"r1","type":"rank_points","params":{"weights":{"sales_amount":1}}}]})");
    CHECK(byName(r, "solo").score == doctest::Approx(1.0));
    CHECK(byName(r, "solo").rank == 1);
    CHECK(byName(r, "z").score == doctest::Approx(3.0 - 0.5));
    CHECK(byName(r, "y").score == doctest::Approx(2.0));
}

TEST_CASE("rank_points: winning group by average sales of regular agents") {
    Period p;
    p.agent("a1", "售前A组", Status::Regular, {{"sales_amount", 100}});
    p.agent("a2", "售前A组", Status::Regular, {{"sales_amount", 300}});
    p.agent("b1", "售前B组", Status::Regular, {{"sales_amount", 250}});
    auto r = p.run(kOneMetric);
    const auto& a = r.group("售前A组");
    const auto& b = r.group("售前B组");
    CHECK(std::find(b.flags.begin(), b.flags.end(), "winning_group") != b.flags.end());
    CHECK(b.activityFundFen == 50000);
    CHECK(a.flags.empty());
    CHECK_FALSE(a.activityFundFen.has_value());
}

TEST_CASE("rank_points: validation lists every problem") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"rank_points","params":{
        "weights":{"sales_amount":0.5,"no_such_metric":0.3}, "bonus_first": -5, "typo": 1}}]})");
    CHECK(problems.find("unknown metric 'no_such_metric'") != std::string::npos);
    CHECK(problems.find("weights sum to 0.8, not 1") != std::string::npos);
    CHECK(problems.find("negative amount") != std::string::npos);
    CHECK(problems.find("unknown parameter 'typo'") != std::string::npos);
    CHECK(problems.find("line 2") != std::string::npos);
}
