#include "helpers.h"

using namespace kefu::test;

namespace {
double points(const AgentResult& a, const std::string& metric) {
    for (const auto& b : a.breakdown)
        if (b.metric == metric && b.points) return *b.points;
    FAIL("no points line for " << metric);
    return -1;
}

std::vector<int64_t> commissionLines(const AgentResult& a) {
    std::vector<int64_t> out;
    for (const auto& m : a.money)
        if (m.kind == MoneyKind::Commission) out.push_back(m.amountFen);
    return out;
}

const char* kScore = R"({"id":"t","rules":[{"id":"r1","type":"interval_score"}]})";
const char* kCommission = R"({"id":"t","rules":[{"id":"r1","type":"interval_score","params":{"mode":"commission"}}]})";
} // namespace

TEST_CASE("interval_score: preset defaults, linear inside the interval, lower-better mirrored") {
    Period p;
    p.agent("甲", "外包组", Status::Regular,
            {{"conversion_rate", 0.62}, {"avg_order_value", 150}, {"avg_response_s", 12}, {"refund_rate", 0.06}});
    p.agent("乙", "外包组", Status::Probation,
            {{"conversion_rate", 0.7}, {"avg_order_value", 200}, {"avg_response_s", 10}, {"refund_rate", 0.05}});
    p.agent("丙", "外包组", Status::Regular,
            {{"conversion_rate", 0.5}, {"avg_order_value", 100}, {"avg_response_s", 20}, {"refund_rate", 0.1}});
    p.agent("丁", "外包组", Status::Regular,
            {{"conversion_rate", 0.9}, {"avg_order_value", 80}, {"avg_response_s", 5}, {"refund_rate", 0.2}});
    auto r = p.runPreset("outsourcing-interval");
    const auto& a = byName(r, "甲");
    CHECK(points(a, "conversion_rate") == 6.0);
    CHECK(points(a, "avg_order_value") == 5.0);
    CHECK(points(a, "avg_response_s") == 8.0); // (20 - 12) / (20 - 10) × 10
    CHECK(points(a, "refund_rate") == 8.0);
    CHECK(a.score == 27.0);
    CHECK(byName(r, "乙").score == 40.0);                      // max 4F, at each hi (lo for lower-better)
    CHECK(byName(r, "丙").score == 0.0);                       // at each lo (hi for lower-better)
    CHECK(points(byName(r, "丁"), "conversion_rate") == 10.0); // above hi
    CHECK(points(byName(r, "丁"), "avg_order_value") == 0.0);  // below lo
    CHECK(points(byName(r, "丁"), "avg_response_s") == 10.0);  // faster than lo
    CHECK(points(byName(r, "丁"), "refund_rate") == 0.0);      // worse than hi
    CHECK(byName(r, "丁").score == 20.0);
    CHECK(a.money.empty());
    CHECK(
        a.breakdown[2].why.format(Lang::En) ==
        "Average response time: 12, interval [10, 20] (lower is better), 10 × clamp((20 - 12) / (20 - 10), 0, 1) = 8");
}

TEST_CASE("interval_score: ranks over the whole scope, ties share the best rank") {
    Period p;
    p.agent("a", "A", Status::Regular, {{"conversion_rate", 0.6}});
    p.agent("b", "B", Status::Probation, {{"conversion_rate", 0.6}});
    p.agent("c", "A", Status::Regular, {{"conversion_rate", 0.55}});
    p.agent("d", "B", Status::Regular, {{"conversion_rate", 0.7}});
    auto r = p.run(kScore);
    CHECK(byName(r, "d").rank == 1);
    CHECK(byName(r, "a").rank == 2);
    CHECK(byName(r, "b").rank == 2);
    CHECK(byName(r, "c").rank == 4);
    CHECK(byName(r, "c").score == 2.5);
}

TEST_CASE("interval_score: a missing metric scores 0 and is flagged") {
    Period p;
    p.agent("a", "g", Status::Regular, {{"conversion_rate", 0.6}, {"avg_response_s", 15}});
    p.agent("b", "g", Status::Regular, {{"avg_response_s", 15}});
    auto r = p.run(kScore);
    CHECK(byName(r, "a").score == 10.0);
    CHECK(byName(r, "b").score == 5.0);
    CHECK(hasFlag(byName(r, "b"), "missing:conversion_rate"));
    CHECK(hasFlag(byName(r, "a"), "missing:refund_rate"));
    int noValue = 0;
    for (const auto& w : r.warnings) noValue += w.format(Lang::En).find("no agent in scope has") != std::string::npos;
    CHECK(noValue == 2); // avg_order_value and refund_rate
}

TEST_CASE("interval_score: commission lines exact to the fen, one per metric") {
    Period p;
    p.agent("甲", "外包组", Status::Regular,
            {{"conversion_rate", 0.62},
             {"avg_order_value", 150},
             {"avg_response_s", 12},
             {"refund_rate", 0.06},
             {"sales_amount", 123456.78}});
    auto r = p.runPreset("outsourcing-commission");
    const auto& a = byName(r, "甲");
    // 5% × 123456.78 × 0.6 = 3703.7034 → 3703.70; × 0.5 = 3086.4195 → 3086.42; × 0.8 = 4938.2712 → 4938.27
    CHECK(commissionLines(a) == std::vector<int64_t>{370370, 308642, 493827, 493827});
    CHECK(a.totalFen() == 1666666);
    CHECK(a.score == 27.0); // the commission preset reports the interval score too
    CHECK(a.rank == 1);
    CHECK(a.money[0].why.format(Lang::Zh) == "询单转化率 提成：0.05 × 销售额 123456.78 × 达成比例 0.6 = 3703.70 元");
    CHECK(a.money[0].rule == "r1");
}

TEST_CASE("interval_score: commission rounds half away from zero once per line; nothing for 0") {
    Period p;
    // 0.05 × 10001 × 0.5 = 250.025 yuan → 25003 fen
    p.agent("half", "g", Status::Regular, {{"conversion_rate", 0.6}, {"avg_order_value", 50}, {"sales_amount", 10001}});
    // 0.05 × 10001 × 1 = 500.05 yuan
    p.agent("full", "g", Status::Regular, {{"conversion_rate", 0.8}, {"sales_amount", 10001}});
    // a third of the interval: 0.05 × 1000000 × 0.33333333 = 16666.6665 → 16666.67; the fraction is not
    // cut to 6 decimals first (0.333333 would give 16666.65)
    p.agent("third", "g", Status::Regular, {{"avg_order_value", 133.333333333}, {"sales_amount", 1000000}});
    auto r = p.run(kCommission);
    CHECK(commissionLines(byName(r, "half")) == std::vector<int64_t>{25003});
    CHECK(commissionLines(byName(r, "full")) == std::vector<int64_t>{50005});
    CHECK(commissionLines(byName(r, "third")) == std::vector<int64_t>{1666667});
    CHECK(byName(r, "half").score == 5.0);
}

TEST_CASE("interval_score: commission without sales pays nothing and flags it") {
    Period p;
    p.agent("nosales", "g", Status::Regular, {{"conversion_rate", 0.7}});
    p.agent("other", "g", Status::Regular, {{"conversion_rate", 0.7}, {"sales_amount", 200}});
    auto r = p.run(kCommission);
    const auto& a = byName(r, "nosales");
    CHECK(a.money.empty());
    CHECK(hasFlag(a, "missing:sales_amount"));
    CHECK(a.score == 10.0);
    CHECK(moneyOf(byName(r, "other"), MoneyKind::Commission, "r1") == 1000); // 0.05 × 200 × 1
}

TEST_CASE("interval_score: custom intervals, full marks, rate and direction") {
    Period p;
    p.agent("a", "g", Status::Regular, {{"csat", 4.5}, {"first_response_s", 30}, {"sales_amount", 8000}});
    auto r = p.run(
        R"({"id":"t","rules":[{"id":"iv","type":"interval_score","params":{"mode":"commission","rate":0.02,"full_marks":20,
      "intervals":{"csat":{"lo":4,"hi":5},"first_response_s":{"lo":10,"hi":60,"full_marks":50}}}}]})");
    const auto& a = byName(r, "a");
    CHECK(points(a, "csat") == 10.0);             // 20 × 0.5
    CHECK(points(a, "first_response_s") == 30.0); // lower-better from the catalog: 50 × (60 - 30) / 50
    CHECK(a.scores.at("iv") == 40.0);
    CHECK(commissionLines(a) == std::vector<int64_t>{8000, 9600}); // 0.02 × 8000 × 0.5, × 0.6
}

TEST_CASE("interval_score: validation lists every problem at once") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"interval_score","params":{
      "intervals":{"conversion_rate":{"lo":0.7,"hi":0.5},"avg_order_value":{"lo":100,"hi":100},
                   "no_such_metric":{"lo":1,"hi":2},"refund_rate":{"lo":0.05},"csat":3},
      "mode":"bonus","rate":-0.05,"full_marks":-1,"typo":true}}]})");
    CHECK(problems.find("conversion_rate: interval lo 0.7 >= hi 0.5: lo must be below hi") != std::string::npos);
    CHECK(problems.find("avg_order_value: interval lo 100 >= hi 100: lo must be below hi") != std::string::npos);
    CHECK(problems.find("unknown metric 'no_such_metric'") != std::string::npos);
    CHECK(problems.find("refund_rate: an interval needs both 'lo' and 'hi'") != std::string::npos);
    CHECK(problems.find("refund_rate: interval lo") == std::string::npos);
    CHECK(problems.find("csat: expected an object with 'lo' and 'hi'") != std::string::npos);
    CHECK(problems.find("'bonus' is not one of: score, commission") != std::string::npos);
    CHECK(problems.find("rate: a negative amount is not allowed") != std::string::npos);
    CHECK(problems.find("full_marks: a negative amount is not allowed") != std::string::npos);
    CHECK(problems.find("unknown parameter 'typo'") != std::string::npos);
    CHECK(problems.find("line 2, column") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"interval_score","params":{"intervals":{}}}]})")
              .find("no intervals") != std::string::npos);
    CHECK(schemeProblems(kScore).empty());
}
