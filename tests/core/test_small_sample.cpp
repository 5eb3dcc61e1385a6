#include "helpers.h"

#include "small_sample.h"

using namespace kefu::test;

namespace {
// One target on conversion (>= 0.45 earns a bonus) plus the scheme's small_sample part.
std::string targetScheme(const std::string& smallSample) {
    return R"({"id":"t","small_sample":)" + smallSample +
           R"(,"rules":[{"id":"t1","type":"target_bonus","params":{"targets":[{"id":"conv","all":[{"metric":"conversion_rate","op":">=","value":0.45}]}]}}]})";
}

// A group: A converts 5 of 10 inquiries (low volume), B 30 of 100, C 45 of 90.
void team(Period& p, double aInquiries = 10, double aPaid = 5) {
    p.agent("A", "售前A组", Status::Regular, {{"inquiries", aInquiries}, {"paid_customers", aPaid}});
    p.agent("B", "售前A组", Status::Regular, {{"inquiries", 100}, {"paid_customers", 30}});
    p.agent("C", "售前A组", Status::Regular, {{"inquiries", 90}, {"paid_customers", 45}});
}

const LowConfidence* lowOf(const AgentResult& a, const std::string& metric) {
    for (const auto& l : a.lowConfidence)
        if (l.metric == metric) return &l;
    return nullptr;
}
} // namespace

TEST_CASE("small sample: the volume of a rate is its formula's denominator") {
    CHECK(rateVolumeMetric(*Catalog::builtin().find("conversion_rate")) == "inquiries");
    CHECK(rateVolumeMetric(*Catalog::builtin().find("refund_rate")) == "ordered_customers");
    CHECK(rateVolumeMetric(*Catalog::builtin().find("reply_rate")) == "receptions");
    CHECK(rateVolumeMetric(*Catalog::builtin().find("response_3min_rate")).empty()); // no formula
    CHECK(rateVolumeMetric(*Catalog::builtin().find("avg_order_value")).empty());    // not a fraction
}

TEST_CASE("small sample: keep flags the value and leaves it as it is") {
    Period p;
    team(p);
    auto r = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"keep"}})"));
    const auto& a = byName(r, "A");
    CHECK(hasFlag(a, "low_confidence:conversion_rate"));
    CHECK(moneyOf(a, MoneyKind::Bonus) == 10000); // 0.5 is kept: the target is met
    const LowConfidence* l = lowOf(a, "conversion_rate");
    REQUIRE(l);
    CHECK(l->value == 0.5);
    CHECK(*l->volume == 10);
    CHECK(*l->used == 0.5);
    CHECK(l->policy == "keep");
    // Wilson 95% for 5 of 10: [0.236593, 0.763407].
    CHECK(l->lo == doctest::Approx(0.236593).epsilon(1e-6));
    CHECK(l->hi == doctest::Approx(0.763407).epsilon(1e-6));
    CHECK(l->why.format(Lang::Zh) == "询单转化率 0.5 的样本量 10（询单人数）少于 30：低置信，保留原值；95% 区间 0.236593 – 0.763407");
    CHECK(l->why.format(Lang::En) ==
          "Inquiry conversion 0.5 rests on 10 (Inquiries), fewer than 30: low confidence, value kept; 95% interval 0.236593 – 0.763407");
    CHECK_FALSE(hasFlag(byName(r, "B"), "low_confidence:conversion_rate"));
    CHECK(byName(r, "B").lowConfidence.empty());
}

TEST_CASE("small sample: exactly the minimum volume is enough") {
    Period p;
    team(p, 30, 15);
    auto r = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"exclude"}})"));
    CHECK_FALSE(hasFlag(byName(r, "A"), "low_confidence:conversion_rate"));
    CHECK(byName(r, "A").lowConfidence.empty());
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Bonus) == 10000);
    Period q;
    team(q, 29, 15);
    auto r2 = q.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"exclude"}})"));
    CHECK(hasFlag(byName(r2, "A"), "low_confidence:conversion_rate"));
}

TEST_CASE("small sample: exclude leaves the value out and the rule treats it as missing") {
    Period p;
    team(p);
    auto r = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"exclude"}})"));
    const auto& a = byName(r, "A");
    CHECK(hasFlag(a, "low_confidence:conversion_rate"));
    CHECK(hasFlag(a, "missing:conversion_rate"));
    CHECK(moneyOf(a, MoneyKind::Bonus) == 0);
    const LowConfidence* l = lowOf(a, "conversion_rate");
    REQUIRE(l);
    CHECK_FALSE(l->used);
    CHECK(l->why.format(Lang::En).find("left out this month") != std::string::npos);
    CHECK(moneyOf(byName(r, "C"), MoneyKind::Bonus) == 10000); // 0.5 on 90 inquiries stays
}

TEST_CASE("small sample: shrink pulls toward the group rate pooled by volume") {
    Period p;
    team(p);
    p.agent("D", "售后组", Status::Regular, {{"inquiries", 1000}, {"paid_customers", 1000}}); // another group
    auto r = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"shrink","prior":20}})"));
    // Group rate by volume: (5 + 30 + 45) / (10 + 100 + 90) = 0.4 (the plain mean of 0.5, 0.3, 0.5 would be 0.433333).
    // A: (0.5 × 10 + 20 × 0.4) / (10 + 20) = 13 / 30 = 0.433333 -> below 0.45, no bonus.
    const auto& a = byName(r, "A");
    const LowConfidence* l = lowOf(a, "conversion_rate");
    REQUIRE(l);
    CHECK(*l->used == doctest::Approx(0.433333));
    CHECK(moneyOf(a, MoneyKind::Bonus) == 0);
    CHECK(l->why.format(Lang::Zh) ==
          "询单转化率 0.5 的样本量 10（询单人数）少于 30：低置信，向组内比率 0.4 收缩：(0.5 × 10 + 20 × 0.4) / (10 + 20) = 0.433333；"
          "95% 区间 0.236593 – 0.763407");
    // Without prior the strength is min_volume: (5 + 30 × 0.4) / 40 = 0.425.
    auto r2 = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"shrink"}})"));
    CHECK(*lowOf(byName(r2, "A"), "conversion_rate")->used == doctest::Approx(0.425));
}

TEST_CASE("small sample: a rate without its volume rests on nothing") {
    Period p;
    p.agent("A", "G", Status::Regular, {{"conversion_rate", 0.6}});
    p.agent("B", "G", Status::Regular, {{"inquiries", 50}, {"paid_customers", 20}});
    auto r = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"shrink"}})"));
    const LowConfidence* l = lowOf(byName(r, "A"), "conversion_rate");
    REQUIRE(l);
    CHECK_FALSE(l->volume);
    CHECK(*l->used == doctest::Approx(0.4)); // n = 0: the group rate (B's 20 / 50)
    CHECK(l->why.format(Lang::En).find("rests on no value (Inquiries)") != std::string::npos);
}

TEST_CASE("small sample: a group without any volume cannot shrink and says so") {
    Period p;
    p.agent("A", "G", Status::Regular, {{"conversion_rate", 0.6}, {"inquiries", 0}});
    auto r = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"shrink"}})"));
    const LowConfidence* l = lowOf(byName(r, "A"), "conversion_rate");
    REQUIRE(l);
    CHECK(*l->used == 0.6);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].format(Lang::En) == "Inquiry conversion of A cannot be shrunk: group 'G' has no Inquiries at all; value kept");
}

TEST_CASE("small sample: scheme problems are listed and the option round-trips") {
    CHECK(schemeProblems(targetScheme(R"({"avg_order_value":{"min_volume":30}})")).find("is not a rate") != std::string::npos);
    CHECK(schemeProblems(targetScheme(R"({"response_3min_rate":{"min_volume":30}})")).find("name its volume metric") !=
          std::string::npos);
    CHECK(schemeProblems(targetScheme(R"({"response_3min_rate":{"min_volume":30,"volume":"receptions"}})")).empty());
    CHECK(schemeProblems(targetScheme(R"({"conversion_rate":{"policy":"drop"}})")).find("min_volume") != std::string::npos);
    CHECK(schemeProblems(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"drop"}})")).find("'drop' is not one of") !=
          std::string::npos);
    CHECK(schemeProblems(targetScheme(R"({"nope":{"min_volume":3}})")).find("unknown metric 'nope'") != std::string::npos);
    Problems problems;
    auto s = parseScheme(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"shrink","prior":12}})"),
                         Catalog::builtin(), problems);
    REQUIRE(s.ok());
    Json j = schemeToJson(*s);
    const Json* e = j.find("small_sample")->find("conversion_rate");
    CHECK(e->find("min_volume")->asNumber() == 30);
    CHECK(e->find("policy")->asString() == "shrink");
    CHECK(e->find("prior")->asNumber() == 12);
    // Without the option nothing changes: no key written, no copy of the inputs, no flags.
    auto plain = parseScheme(targetScheme("{}"), Catalog::builtin(), problems);
    REQUIRE(plain.ok());
    CHECK(plain->smallSample.empty());
    CHECK_FALSE(schemeToJson(*plain).find("small_sample"));
}

TEST_CASE("small sample: the JSON result marks low-confidence values only when there are some") {
    Period p;
    team(p);
    auto r = p.run(targetScheme(R"({"conversion_rate":{"min_volume":30,"policy":"keep"}})"));
    Json j = resultsToJson(r, Lang::En);
    const Json& a = j.find("agents")->items()[0];
    const Json* low = a.find("low_confidence");
    REQUIRE(low);
    REQUIRE(low->items().size() == 1);
    CHECK(low->items()[0].find("metric")->asString() == "conversion_rate");
    CHECK(low->items()[0].find("volume")->asNumber() == 10);
    CHECK(low->items()[0].find("interval95")->items()[0].asNumber() == doctest::Approx(0.236593));
    CHECK_FALSE(j.find("agents")->items()[1].find("low_confidence"));
}

TEST_CASE("rate interval: Wilson 95% of a rate from its volume") {
    MetricTable t;
    t.resizeRows(2);
    t.set(0, t.addColumn("conversion_rate"), 81.0 / 263);
    t.set(0, t.addColumn("inquiries"), 263);
    t.set(1, t.column("conversion_rate"), 0.5);
    const MetricDef& conv = *Catalog::builtin().find("conversion_rate");
    auto ci = rateInterval(t, 0, conv);
    REQUIRE(ci);
    CHECK(ci->interval.lo == doctest::Approx(0.2553).epsilon(1e-4)); // Newcombe (1998), Table I
    CHECK(ci->interval.hi == doctest::Approx(0.3662).epsilon(1e-4));
    CHECK_FALSE(rateInterval(t, 1, conv)); // no volume
}

TEST_CASE("rates of several accounts combine weighted by their volume, never by a plain average") {
    auto roster = loadRoster("客服,组别,状态,旺旺昵称\n小美,售前A组,转正,店:小美|店:小美2\n", "r.csv");
    REQUIRE(roster.ok());
    LoadReport report;
    // Counts given: the rate is recomputed from the sums, 46 / 100, not (0.1 + 0.5) / 2.
    auto in = loadMetricsCsv("旺旺昵称,询单人数,付款人数,询单转化率\n店:小美,10,1,0.1\n店:小美2,90,45,0.5\n", "m.csv",
                             Catalog::builtin(), &*roster, report);
    REQUIRE(in.ok());
    deriveMetrics(Catalog::builtin(), in->metrics);
    CHECK(*in->metrics.get(0, "conversion_rate") == doctest::Approx(0.46));
    // Only the rate and its volume: weighted by inquiries, (0.1 × 10 + 0.5 × 90) / 100.
    auto rateOnly = loadMetricsCsv("旺旺昵称,接待人数,询单人数,询单转化率\n店:小美,500,10,0.1\n店:小美2,100,90,0.5\n", "m.csv",
                                   Catalog::builtin(), &*roster, report);
    REQUIRE(rateOnly.ok());
    CHECK(*rateOnly->metrics.get(0, "conversion_rate") == doctest::Approx(0.46));
}
