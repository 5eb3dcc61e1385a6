#include "helpers.h"

using namespace kefu::test;

namespace {
using Values = std::vector<std::pair<const char*, double>>;

// Every default metric at its bench: 5 in each dimension (relative metrics: best of the group).
Values benchValues() {
    return {{"avg_response_s", 15},   {"reply_rate", 1.0},         {"slow_response_share", 0},
            {"conversion_rate", 0.5}, {"sales_units", 100},        {"paid_customers", 40},
            {"qa_ratio", 1.2},        {"online_hours_per_day", 8}, {"opinions_collected", 5}};
}

void add(Period& p, const std::string& name, const std::string& group, Status status, const Values& values) {
    p.agent(name, group, status);
    for (const auto& [m, v] : values) p.set(name, m, v);
}

double score(const AgentResult& a, const std::string& key) {
    auto it = a.scores.find(key);
    REQUIRE(it != a.scores.end());
    return it->second;
}

// Points (weight × sub-score) of the first breakdown line of a metric that has points.
double points(const AgentResult& a, const std::string& metric) {
    for (const auto& b : a.breakdown)
        if (b.metric == metric && b.points) return *b.points;
    FAIL("no points line for " << metric);
    return -1;
}

// The text of the points line of a metric.
std::string line(const AgentResult& a, const std::string& metric) {
    for (const auto& b : a.breakdown)
        if (b.metric == metric && b.points) return b.why.format(Lang::Zh);
    return "";
}

// Advice lines (zh and en text) of a metric.
std::vector<std::string> advice(const AgentResult& a, const std::string& metric, Lang lang = Lang::Zh) {
    std::vector<std::string> out;
    for (const auto& b : a.breakdown) {
        std::string t = b.why.format(lang);
        if (b.metric == metric && !b.points && (t.rfind("建议", 0) == 0 || t.rfind("Advice", 0) == 0)) out.push_back(t);
    }
    return out;
}

const char* kScheme = R"({"id":"t","rules":[{"id":"dsr","type":"dsr_dimensions"}]})";
} // namespace

TEST_CASE("dsr_dimensions: every default at its bench scores 5, at its floor 0") {
    Period p;
    add(p, "top", "g", Status::Regular, benchValues());
    p.agent("low", "g", Status::Probation,
            {{"avg_response_s", 60},
             {"reply_rate", 0.8},
             {"slow_response_share", 0.2},
             {"conversion_rate", 0.2},
             {"sales_units", 0},
             {"paid_customers", 0},
             {"qa_ratio", 0.6},
             {"online_hours_per_day", 4},
             {"opinions_collected", 0}});
    auto r = p.runPreset("dsr-warning");
    const auto& top = byName(r, "top");
    CHECK(score(top, "dsr.efficiency") == 5.0);
    CHECK(score(top, "dsr.ability") == 5.0);
    CHECK(score(top, "dsr.attitude") == 5.0);
    CHECK(top.flags.empty());
    CHECK_FALSE(top.score.has_value()); // the rule reports dimensions, not one total
    const auto& low = byName(r, "low");
    CHECK(score(low, "dsr.efficiency") == 0.0);
    CHECK(score(low, "dsr.ability") == 0.0);
    CHECK(score(low, "dsr.attitude") == 0.0);
    CHECK(low.flags ==
          std::vector<std::string>{"dsr_warning:efficiency", "dsr_warning:ability", "dsr_warning:attitude"});
    CHECK(low.scores.size() == 3);
}

TEST_CASE("dsr_dimensions: exactly 3.5 is not below 3.5 (values rounded to 6 decimals)") {
    // Unrounded, 5 * (0.94 - 0.8) / 0.2 = 3.4999999999999982 and the efficiency sum is
    // 3.499999999999999; attitude = 0.4 × 3.8 + 0.3 × 3.3 + 0.3 × 3.3 sums to 3.4999999999999996
    // in binary floating point. All are 3.5 after rounding to 6 decimals.
    Period p;
    p.agent("edge", "g", Status::Regular,
            {{"avg_response_s", 28.5},
             {"reply_rate", 0.94},
             {"slow_response_share", 0.06},
             {"conversion_rate", 0.41},
             {"sales_units", 70},
             {"paid_customers", 35},
             {"qa_ratio", 1.056},
             {"online_hours_per_day", 6.64},
             {"opinions_collected", 3.3}});
    p.agent("best", "g", Status::Regular, {{"sales_units", 100}, {"paid_customers", 50}});
    auto r = p.runPreset("dsr-warning");
    const auto& a = byName(r, "edge");
    CHECK(score(a, "dsr.efficiency") == 3.5);
    CHECK(score(a, "dsr.ability") == 3.5);
    CHECK(score(a, "dsr.attitude") == 3.5);
    CHECK(points(a, "reply_rate") == 1.05);
    CHECK(points(a, "avg_response_s") == 1.4);
    CHECK_FALSE(hasFlag(a, "dsr_warning:efficiency"));
    CHECK_FALSE(hasFlag(a, "dsr_warning:ability"));
    CHECK_FALSE(hasFlag(a, "dsr_warning:attitude"));
    CHECK(advice(a, "reply_rate").empty()); // 3.5 (3.4999999999999982 unrounded) is not below 3.5
}

TEST_CASE("dsr_dimensions: a weak dimension gets the flag and advice for each sub-metric below 3.5") {
    Period p;
    // efficiency = 0.4 × 2.5 + 0.3 × 3.5 + 0.3 × 5 = 3.55 (no warning);
    // ability = 0.4 × 0.833333 + 0.3 × 5 + 0.3 × 3.5 = 2.883333 (warning)
    p.agent("a", "g", Status::Regular,
            {{"avg_response_s", 37.5},
             {"reply_rate", 0.94},
             {"slow_response_share", 0},
             {"conversion_rate", 0.25},
             {"sales_units", 100},
             {"paid_customers", 35},
             {"qa_ratio", 1.2},
             {"online_hours_per_day", 8},
             {"opinions_collected", 5}});
    p.agent("b", "g", Status::Regular, {{"paid_customers", 50}});
    auto r = p.runPreset("dsr-warning");
    const auto& a = byName(r, "a");
    CHECK(score(a, "dsr.efficiency") == 3.55);
    CHECK(score(a, "dsr.ability") == 2.883333);
    CHECK_FALSE(hasFlag(a, "dsr_warning:efficiency"));
    CHECK(hasFlag(a, "dsr_warning:ability"));
    CHECK(advice(a, "avg_response_s").empty()); // 2.5, but its dimension is fine
    auto conv = advice(a, "conversion_rate");
    REQUIRE(conv.size() == 1);
    CHECK(conv[0] == "建议（询单转化率 得分 0.833333 < 3.5）：每天16:00催付未付款订单，跟进询单未下单的买家");
    CHECK(advice(a, "conversion_rate", Lang::En)[0] ==
          "Advice (Inquiry conversion scored 0.833333 < 3.5): Follow up unpaid orders (催付) at 16:00 every day, and "
          "buyers who asked but did not order");
    CHECK(advice(a, "paid_customers").empty()); // exactly 3.5
    CHECK(advice(a, "sales_units").empty());    // 5
}

TEST_CASE("dsr_dimensions: slow replies get the quick-reply advice") {
    Period p;
    p.agent("slow", "g", Status::Regular,
            {{"avg_response_s", 90},
             {"reply_rate", 0.94},
             {"slow_response_share", 0.3},
             {"conversion_rate", 0.5},
             {"sales_units", 1},
             {"paid_customers", 1},
             {"qa_ratio", 1.2},
             {"online_hours_per_day", 8},
             {"opinions_collected", 5}});
    auto r = p.runPreset("dsr-warning");
    const auto& a = byName(r, "slow");
    CHECK(score(a, "dsr.efficiency") == 1.05); // 0 + 0.3 × 3.5 + 0
    CHECK(hasFlag(a, "dsr_warning:efficiency"));
    REQUIRE(advice(a, "avg_response_s").size() == 1);
    CHECK(advice(a, "avg_response_s")[0].find("快捷短语") != std::string::npos);
    CHECK(advice(a, "avg_response_s", Lang::En)[0].find("quick-reply phrases and a shared FAQ") != std::string::npos);
    CHECK(advice(a, "slow_response_share").size() == 1);
    CHECK(advice(a, "reply_rate").empty()); // 3.5 (3.4999999999999982 unrounded) is not below 3.5
}

TEST_CASE("dsr_dimensions: lower-better metrics between, beyond the bench and beyond the floor") {
    Period p;
    p.agent("mid", "g", Status::Regular, {{"avg_response_s", 37.5}, {"reply_rate", 0.9}, {"slow_response_share", 0.1}});
    p.agent("fast", "g", Status::Regular, {{"avg_response_s", 5}, {"reply_rate", 1.0}, {"slow_response_share", 0}});
    p.agent("slow", "g", Status::Regular, {{"avg_response_s", 120}, {"reply_rate", 0.5}, {"slow_response_share", 0.5}});
    auto r = p.run(kScheme);
    CHECK(points(byName(r, "mid"), "avg_response_s") == 1.0);       // 0.4 × 2.5
    CHECK(points(byName(r, "mid"), "slow_response_share") == 0.75); // 0.3 × 2.5
    CHECK(score(byName(r, "mid"), "dsr.efficiency") == 2.5);
    CHECK(score(byName(r, "fast"), "dsr.efficiency") == 5.0);
    CHECK(score(byName(r, "slow"), "dsr.efficiency") == 0.0);
}

TEST_CASE("dsr_dimensions: relative metrics use the best of the agent's group") {
    Period p;
    p.agent("a1", "A", Status::Regular, {{"conversion_rate", 0.5}, {"sales_units", 200}, {"paid_customers", 80}});
    p.agent("a2", "A", Status::Probation, {{"conversion_rate", 0.5}, {"sales_units", 50}, {"paid_customers", 20}});
    p.agent("a3", "A", Status::Regular,
            {{"conversion_rate", 0.5}, {"sales_units", 200}, {"paid_customers", 80}}); // tie on best
    p.agent("solo", "B", Status::Regular, {{"conversion_rate", 0.5}, {"sales_units", 3}, {"paid_customers", 1}});
    p.agent("zero1", "C", Status::Regular, {{"conversion_rate", 0.5}, {"sales_units", 0}, {"paid_customers", 0}});
    p.agent("zero2", "C", Status::Regular, {{"conversion_rate", 0.5}, {"sales_units", 0}, {"paid_customers", 0}});
    auto r = p.run(kScheme);
    CHECK(score(byName(r, "a1"), "dsr.ability") == 5.0);
    CHECK(score(byName(r, "a3"), "dsr.ability") == 5.0);
    CHECK(score(byName(r, "a2"), "dsr.ability") == 2.75);   // 2 + 0.3 × 1.25 + 0.3 × 1.25
    CHECK(score(byName(r, "solo"), "dsr.ability") == 5.0);  // a group of one is its own best
    CHECK(score(byName(r, "zero1"), "dsr.ability") == 2.0); // best 0 → 0
    CHECK(points(byName(r, "zero2"), "sales_units") == 0.0);
    CHECK(line(byName(r, "a2"), "sales_units") ==
          "销售量：50，组内最佳 200 为基准，5 × clamp(50 / 200, 0, 1) = 1.25，× 权重 0.3 = 0.375");
}

TEST_CASE("dsr_dimensions: missing sub-metric scores 0 and is flagged; the best ignores it") {
    Period p;
    add(p, "full", "g", Status::Regular, benchValues());
    p.agent("gaps", "g", Status::Regular,
            {{"avg_response_s", 15},
             {"slow_response_share", 0},
             {"conversion_rate", 0.5},
             {"paid_customers", 40},
             {"qa_ratio", 1.2},
             {"online_hours_per_day", 8},
             {"opinions_collected", 5}});
    auto r = p.runPreset("dsr-warning");
    const auto& a = byName(r, "gaps");
    CHECK(score(a, "dsr.efficiency") == 3.5); // reply_rate missing: 0.4 × 5 + 0 + 0.3 × 5
    CHECK(score(a, "dsr.ability") == 3.5);    // sales_units missing
    CHECK(hasFlag(a, "missing:reply_rate"));
    CHECK(hasFlag(a, "missing:sales_units"));
    CHECK_FALSE(hasFlag(a, "dsr_warning:efficiency"));
    CHECK(r.warnings.empty());
}

TEST_CASE("dsr_dimensions: a metric nobody has is a warning; an empty scope computes nothing") {
    Period p;
    p.agent("a", "g", Status::Regular, {{"avg_response_s", 15}});
    auto r = p.run(kScheme);
    CHECK(score(byName(r, "a"), "dsr.efficiency") == 2.0);
    bool warned = false;
    for (const auto& w : r.warnings)
        warned |= w.format(Lang::En) == "rule dsr: no agent in scope has Reply rate; it cannot be computed";
    CHECK(warned);
    auto empty =
        p.run(R"({"id":"t","rules":[{"id":"dsr","type":"dsr_dimensions","scope":{"groups":["没有这个组"]}}]})");
    CHECK(byName(empty, "a").scores.empty());
    CHECK(byName(empty, "a").flags.empty());
    CHECK(empty.warnings.empty());
}

TEST_CASE("dsr_dimensions: the preset spells out the code defaults") {
    Period p;
    p.agent("x", "g", Status::Regular,
            {{"avg_response_s", 31},
             {"reply_rate", 0.87},
             {"slow_response_share", 0.11},
             {"conversion_rate", 0.33},
             {"sales_units", 17},
             {"paid_customers", 9},
             {"qa_ratio", 0.9},
             {"online_hours_per_day", 5.5},
             {"opinions_collected", 2}});
    p.agent("y", "g", Status::Probation, {{"sales_units", 40}, {"paid_customers", 12}});
    auto preset = p.runPreset("dsr-warning");
    auto code = p.run(kScheme);
    for (const char* name : {"x", "y"}) {
        CHECK(byName(preset, name).scores == byName(code, name).scores);
        CHECK(byName(preset, name).flags == byName(code, name).flags);
        REQUIRE(byName(preset, name).breakdown.size() == byName(code, name).breakdown.size());
        for (size_t i = 0; i < byName(code, name).breakdown.size(); ++i)
            CHECK(byName(preset, name).breakdown[i].why.format(Lang::En) ==
                  byName(code, name).breakdown[i].why.format(Lang::En));
    }
    CHECK(score(byName(code, "x"), "dsr.efficiency") == 2.488889); // 0.4 × 3.222222 + 0.3 × 1.75 + 0.3 × 2.25
}

TEST_CASE("dsr_dimensions: custom dimensions, warning line and advice") {
    Period p;
    p.agent("a", "g", Status::Regular, {{"csat", 4.2}, {"resolution_rate", 0.7}});
    auto r = p.run(R"({"id":"t","rules":[{"id":"d","type":"dsr_dimensions","params":{"warning_below":4,
      "dimensions":[{"id":"service","label":{"zh":"服务","en":"Service"},"metrics":[
        {"metric":"csat","weight":0.5,"bench":5,"floor":3,"advice":{"zh":"回访差评买家"}},
        {"metric":"resolution_rate","weight":0.5,"bench":0.9,"floor":0.5}]}]}}]})");
    const auto& a = byName(r, "a");
    CHECK(score(a, "d.service") == 2.75); // 0.5 × 3 + 0.5 × 2.5
    CHECK(hasFlag(a, "dsr_warning:service"));
    REQUIRE(advice(a, "csat").size() == 1);
    CHECK(advice(a, "csat", Lang::En)[0] == "Advice (Satisfaction scored 3 < 4): 回访差评买家"); // en falls back to zh
    CHECK(advice(a, "resolution_rate").empty());                                                 // no advice text given
}

TEST_CASE("dsr_dimensions: validation lists every problem at once") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"d","type":"dsr_dimensions","params":{
      "dimensions":[
        {"id":"efficiency","metrics":[{"metric":"avg_response_s","weight":0.4},{"metric":"reply_rate","weight":0.3}]},
        {"id":"efficiency","metrics":[{"metric":"no_such_metric","weight":0.5,"bench":1,"floor":0},
                                      {"metric":"qa_ratio","weight":0.5,"bench":1,"floor":1}]},
        {"id":"x","metrics":[{"metric":"sales_units","weight":0.5,"bench":3},{"metric":"csat","weight":0.5}]}],
      "warning_below":"low", "typo":1}}]})");
    CHECK(problems.find("weights sum to 0.7, not 1") != std::string::npos);
    CHECK(problems.find("unknown metric 'no_such_metric'") != std::string::npos);
    CHECK(problems.find("bench and floor of 'qa_ratio' are both 1; they must differ") != std::string::npos);
    CHECK(problems.find("dimension id 'efficiency' is used twice") != std::string::npos);
    CHECK(problems.find("a relative metric takes its bench from the group") != std::string::npos);
    CHECK(problems.find("'csat' has no default bench and floor") != std::string::npos);
    CHECK(problems.find("warning_below: expected a number") != std::string::npos);
    CHECK(problems.find("unknown parameter 'typo'") != std::string::npos);
    CHECK(problems.find("line 3") != std::string::npos);
    CHECK(schemeProblems(kScheme).empty());
}
