// Coaching cards (core/coaching.h): the group's values, benchmarks from the scheme, strengths and
// weaknesses, last month's changes and the DSR advice; the printable card and the report section.
#include "coaching.h"
#include "helpers.h"
#include "report.h"

using namespace kefu::test;

namespace {
// conversion_rate >= 47% and avg_response_s <= 25 s.
const char* kScheme = R"({"id":"t","name":{"zh":"辅导测试","en":"Coaching test"},"rules":[{"id":"r1","type":"target_bonus",
    "params":{"targets":[{"id":"conversion","all":[{"metric":"conversion_rate","op":">=","value":0.47}]},
                         {"id":"response","all":[{"metric":"avg_response_s","op":"<=","value":25}]}]}}]})";

Scheme parse(const std::string& json) {
    Problems problems;
    auto s = parseScheme(json, Catalog::builtin(), problems);
    INFO(problems.joined());
    REQUIRE(s.ok());
    return *s;
}

// Group g: A 180/400 = 45% and 30 s, B 220/400 = 55% and 20 s, C 100/200 = 50% and 40 s; D alone in h.
Period march() {
    Period p("2024-03");
    p.agent("A", "g", Status::Regular, {{"inquiries", 400}, {"paid_customers", 180}, {"avg_response_s", 30}});
    p.agent("B", "g", Status::Regular, {{"inquiries", 400}, {"paid_customers", 220}, {"avg_response_s", 20}});
    p.agent("C", "g", Status::Regular, {{"inquiries", 200}, {"paid_customers", 100}, {"avg_response_s", 40}});
    p.agent("D", "h", Status::Regular, {{"inquiries", 100}, {"paid_customers", 60}, {"avg_response_s", 10}});
    return p;
}

const CoachingMetric& metric(const CoachingCard& c, const std::string& id) {
    for (const auto& m : c.metrics)
        if (m.metric == id) return m;
    FAIL("no metric " << id);
    return c.metrics.front();
}

struct Scored {
    Period period;
    Results results;
};
Scored scored(Period p, const Scheme& s) {
    Results r = evaluate(p.input, s, p.history);
    return {std::move(p), std::move(r)};
}
} // namespace

TEST_CASE("coaching: weaknesses against the group and the benchmarks, with the DSR advice") {
    const Scheme s = parse(kScheme);
    Scored now = scored(march(), s);
    auto card = coachingCard({.input = &now.period.input, .results = &now.results, .scheme = &s, .agent = "A"});
    REQUIRE(card.ok());
    CHECK(card->group == "g");
    const CoachingMetric& conv = metric(*card, "conversion_rate");
    CHECK(conv.value == doctest::Approx(0.45));
    CHECK(*conv.group == doctest::Approx(0.5));     // 500 / 1000, volume-weighted
    CHECK(*conv.standing == doctest::Approx(-0.1)); // (0.45 - 0.5) / 0.5
    CHECK(*conv.benchmark == doctest::Approx(0.47));
    const CoachingMetric& resp = metric(*card, "avg_response_s");
    CHECK(*resp.group == doctest::Approx(30)); // no receptions: the plain mean of 30, 20, 40
    CHECK(*resp.standing == doctest::Approx(0));
    CHECK(*resp.benchmark == doctest::Approx(25));
    CHECK(resp.lowerBetter);
    REQUIRE(card->weaknesses.size() == 2);
    CHECK(card->metrics[card->weaknesses[0]].metric == "conversion_rate"); // the worst first
    CHECK(card->metrics[card->weaknesses[1]].metric == "avg_response_s");
    CHECK(card->strengths.empty());
    REQUIRE(card->advice.size() == 2); // the dsr-warning preset's texts (SCORING.md)
    CHECK(card->advice[0].text.zh == "每天16:00催付未付款订单，跟进询单未下单的买家");
    CHECK(card->advice[1].text.en == "Set up quick-reply phrases and a shared FAQ; reply first, then look things up");
    CHECK(card->gaps.size() == 2);
}

TEST_CASE("coaching: strengths best first; a group of one is not compared") {
    const Scheme s = parse(kScheme);
    Scored now = scored(march(), s);
    auto b = coachingCard({.input = &now.period.input, .results = &now.results, .scheme = &s, .agent = "B"});
    REQUIRE(b.ok());
    CHECK(b->weaknesses.empty());
    REQUIRE(b->strengths.size() == 2);
    CHECK(b->metrics[b->strengths[0]].metric == "avg_response_s"); // (30 - 20) / 30 = 0.333333
    CHECK(*b->metrics[b->strengths[0]].standing == doctest::Approx(0.333333));
    CHECK(b->metrics[b->strengths[1]].metric == "conversion_rate"); // 0.1
    CHECK(b->advice.empty());
    auto d = coachingCard({.input = &now.period.input, .results = &now.results, .scheme = &s, .agent = "D"});
    REQUIRE(d.ok());
    CHECK_FALSE(metric(*d, "conversion_rate").group.has_value());
    CHECK(d->strengths.empty());
    CHECK(d->weaknesses.empty());
    CHECK_FALSE(coachingCard({.input = &now.period.input, .results = &now.results, .scheme = &s, .agent = "Z"}).ok());
    CHECK(coachingCards({.input = &now.period.input, .results = &now.results, .scheme = &s}).size() == 4);
}

TEST_CASE("coaching: last month's values and the changes") {
    const Scheme s = parse(kScheme);
    Period feb("2024-02");
    feb.agent("A", "g", Status::Regular, {{"inquiries", 400}, {"paid_customers", 160}, {"avg_response_s", 35}});
    Scored before = scored(feb, s);
    Scored now = scored(march(), s);
    auto card = coachingCard({.input = &now.period.input, .results = &now.results, .scheme = &s,
                              .previousInput = &before.period.input, .previousResults = &before.results, .agent = "A"});
    REQUIRE(card.ok());
    CHECK(card->previousPeriod == "2024-02");
    CHECK(*metric(*card, "conversion_rate").previous == doctest::Approx(0.4));
    CHECK(*metric(*card, "avg_response_s").previous == doctest::Approx(35));
    const Json j = coachingToJson(*card, Lang::En);
    const Json& first = j.find("metrics")->items()[0];
    CHECK(first.find("change")->asNumber() == doctest::Approx(first.find("metric")->asString() == "conversion_rate" ? 0.05 : -5));
    CHECK(j.find("weaknesses")->items().size() == 2);
    CHECK(j.find("previous_period")->asString() == "2024-02");
}

TEST_CASE("coaching: the printable card and the monthly report's sections") {
    const Scheme s = parse(kScheme);
    Period p = march();
    p.at("A").name = "<b>甲</b>";
    Scored now = scored(p, s);
    auto card = coachingCard({.input = &now.period.input, .results = &now.results, .scheme = &s, .agent = "<b>甲</b>"});
    REQUIRE(card.ok());
    const std::string html = coachingCardHtml(*card, "小店", Lang::Zh);
    CHECK(html.find("<!doctype html>") == 0);
    CHECK(html.find("<h1>辅导卡 · &lt;b&gt;甲&lt;/b&gt;</h1>") != std::string::npos);
    CHECK(html.find("<b>甲") == std::string::npos);
    CHECK(html.find("<li class=\"weak\">询单转化率 45%，比组内水平差 10%；") != std::string::npos);
    CHECK(html.find("每天16:00催付未付款订单") != std::string::npos);
    const auto cards = coachingCards({.input = &now.period.input, .results = &now.results, .scheme = &s});
    auto report = monthlyReportHtml({.shopName = "小店", .lang = Lang::En, .results = &now.results, .coaching = &cards});
    REQUIRE(report.ok());
    size_t sections = 0;
    for (size_t at = report->find("<section class=\"coaching\">"); at != std::string::npos;
         at = report->find("<section class=\"coaching\">", at + 1))
        ++sections;
    CHECK(sections == 4);
    CHECK(report->find("Coaching card · B") != std::string::npos);
}
