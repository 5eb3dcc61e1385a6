// Gap cards (core/gaps.h), numbers computed by hand.
#include "gaps.h"
#include "helpers.h"

using namespace kefu::test;

namespace {
Scheme parse(const std::string& json) {
    Problems problems;
    auto s = parseScheme(json, Catalog::builtin(), problems);
    INFO(problems.joined());
    REQUIRE(s.ok());
    return *s;
}

GapReport gapsOf(Period& p, const Scheme& scheme, const std::string& agent) {
    PeriodInput copy = p.input;
    deriveMetrics(Catalog::builtin(), copy.metrics);
    Results r = evaluate(copy, scheme, p.history);
    auto g = computeGaps(copy, scheme, r, Catalog::builtin(), agent);
    REQUIRE(g.ok());
    return *g;
}

const Gap* find(const GapReport& g, const std::string& metric) {
    for (const auto& x : g.gaps)
        if (x.metric == metric) return &x;
    return nullptr;
}
} // namespace

TEST_CASE("gaps: conversion 45% against a 47.1% target is +2.1 points = 9 more paying customers of 400") {
    Period p;
    p.agent("A", "售前A组", Status::Regular, {{"inquiries", 400}, {"paid_customers", 180}});
    Scheme s = parse(R"({"id":"t","name":{"zh":"t","en":"t"},"rules":[{"id":"r1","type":"target_bonus",
        "params":{"targets":[{"id":"conversion","all":[{"metric":"conversion_rate","op":">=","value":0.471}]}]}}]})");
    GapReport g = gapsOf(p, s, "A");
    CHECK(g.agent == "A");
    CHECK(g.period == "2024-03");
    REQUIRE(g.gaps.size() == 1);
    const Gap& c = g.gaps[0];
    CHECK(c.rule == "r1");
    CHECK(c.metric == "conversion_rate");
    CHECK(c.current == doctest::Approx(0.45));
    CHECK(c.target_value == doctest::Approx(0.471));
    CHECK(c.difference == doctest::Approx(2.1));
    CHECK(c.unit == "percentage_points");
    REQUIRE(c.extraCount.has_value());
    CHECK(*c.extraCount == 9); // ceil(0.471 * 400 - 180) = ceil(8.4)
    CHECK(c.countMetric == "paid_customers");
    CHECK(c.textEn.find("9 more") != std::string::npos);
    CHECK(c.textZh.find("需再增加 9") != std::string::npos);
}

TEST_CASE("gaps: a target already met gives no gap; a missing value gives none either") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"inquiries", 400}, {"paid_customers", 200}}); // 50%
    p.agent("B", "g", Status::Regular);
    Scheme s = parse(R"({"id":"t","name":{"zh":"t","en":"t"},"rules":[{"id":"r1","type":"target_bonus",
        "params":{"targets":[{"id":"conversion","all":[{"metric":"conversion_rate","op":">=","value":0.471}]}]}}]})");
    CHECK(gapsOf(p, s, "A").gaps.empty());
    CHECK(gapsOf(p, s, "B").gaps.empty());
}

TEST_CASE("gaps: interval_score lower-better refund rate 12% → 10% is -2 points = 2 fewer refunds of 100 orders") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"ordered_customers", 100}, {"refund_customers", 12}, {"avg_response_s", 15}});
    Scheme s = parse(R"({"id":"t","name":{"zh":"t","en":"t"},"rules":[{"id":"r1","type":"interval_score",
        "params":{"intervals":{"refund_rate":{"lo":0.05,"hi":0.10,"lower_better":true},
                               "avg_response_s":{"lo":10,"hi":20,"lower_better":true}}}}]})");
    GapReport g = gapsOf(p, s, "A");
    const Gap* r = find(g, "refund_rate");
    REQUIRE(r);
    CHECK(r->target_value == doctest::Approx(0.10));
    CHECK(r->difference == doctest::Approx(-2));
    REQUIRE(r->extraCount.has_value());
    CHECK(*r->extraCount == -2); // 0.10 * 100 - 12 = -2
    // 15 s is inside [10, 20]: the next threshold is lo = 10 (full marks), 5 s faster, no count.
    const Gap* t = find(g, "avg_response_s");
    REQUIRE(t);
    CHECK(t->target == "interval.lo");
    CHECK(t->target_value == doctest::Approx(10));
    CHECK(t->difference == doctest::Approx(-5));
    CHECK(t->unit == "seconds");
    CHECK_FALSE(t->extraCount.has_value());
}

TEST_CASE("gaps: rank_points targets the values of the agent one place above in the group") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"sales_amount", 9000}, {"avg_response_s", 12}});
    p.agent("B", "g", Status::Regular, {{"sales_amount", 7000}, {"avg_response_s", 18}});
    p.agent("C", "g", Status::Regular, {{"sales_amount", 5000}, {"avg_response_s", 10}});
    Scheme s = parse(R"({"id":"t","name":{"zh":"t","en":"t"},"rules":[{"id":"r1","type":"rank_points",
        "params":{"weights":{"sales_amount":0.5,"avg_response_s":0.5},"lower_better":["avg_response_s"]}}]})");
    // N = 3. A: 3*0.5 + 2*0.5 = 2.5 (1st); C: 1*0.5 + 3*0.5 = 2 (2nd); B: 2*0.5 + 1*0.5 = 1.5 (3rd).
    GapReport b = gapsOf(p, s, "B");
    // Above B is C: sales 7000 >= 5000 (no gap), response 18 s → 10 s (-8 s).
    REQUIRE(b.gaps.size() == 1);
    CHECK(b.gaps[0].metric == "avg_response_s");
    CHECK(b.gaps[0].target == "rank:C");
    CHECK(b.gaps[0].difference == doctest::Approx(-8));
    // Above C is A: sales 5000 → 9000 (+4000 yuan); response 10 s is already better than 12 s.
    GapReport c = gapsOf(p, s, "C");
    REQUIRE(c.gaps.size() == 1);
    CHECK(c.gaps[0].metric == "sales_amount");
    CHECK(c.gaps[0].difference == doctest::Approx(4000));
    CHECK(c.gaps[0].unit == "yuan");
    CHECK(gapsOf(p, s, "A").gaps.empty()); // first: nobody above
}

TEST_CASE("gaps: unknown agent is an error") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"inquiries", 400}, {"paid_customers", 180}});
    Scheme s = parse(R"({"id":"t","name":{"zh":"t","en":"t"},"rules":[{"id":"r1","type":"target_bonus",
        "params":{"targets":[{"id":"c","all":[{"metric":"conversion_rate","op":">=","value":0.5}]}]}}]})");
    PeriodInput copy = p.input;
    Results r = evaluate(copy, s, p.history);
    auto g = computeGaps(copy, s, r, Catalog::builtin(), "Nobody");
    REQUIRE_FALSE(g.ok());
    CHECK(g.error().find("Nobody") != std::string::npos);
}
