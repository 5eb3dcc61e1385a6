#include "helpers.h"

using namespace kefu::test;

namespace {
using Metrics = std::initializer_list<std::pair<const char*, double>>;

// Exactly the 3m thresholds of SCORING.md: every metric passes at its boundary.
const Metrics k3mBoundary = {
    {"daily_avg_receptions", 50}, {"daily_avg_sales", 1500}, {"conversion_rate", 0.40}, {"avg_response_s", 40},
    {"typing_speed", 80},         {"typing_accuracy", 0.90}, {"exam_score", 90},        {"low_ratings", 1},
};

void newbie(Period& p, const std::string& name, const char* hire, Metrics metrics = k3mBoundary) {
    p.agent(name, "售前A组", Status::Probation, metrics);
    p.at(name).hireDate = parseDate(hire);
}

const BreakdownLine* lineFor(const AgentResult& a, const std::string& metric) {
    for (const auto& b : a.breakdown)
        if (b.metric == metric) return &b;
    return nullptr;
}
} // namespace

TEST_CASE("probation_stages: hire 03-02, last day 03-31 is day 29, stage 15d") {
    Period p("2024-03");
    newbie(p, "A", "2024-03-02");
    auto r = p.runPreset("probation-stages");
    const auto& a = byName(r, "A");
    CHECK(a.stage == "15d");
    REQUIRE(!a.breakdown.empty());
    CHECK(a.breakdown[0].value == 29.0);
    CHECK(a.breakdown[0].why.format(Lang::Zh) == "入职 2024-03-02，至 2024-03-31 共 29 天：阶段 15d（≥ 15 天）");
    CHECK(a.breakdown[0].why.format(Lang::En) == "hired 2024-03-02, 29 days to 2024-03-31: stage 15d (>= 15 days)");
    CHECK(a.flags.empty()); // the 3m boundary values pass every 15d threshold
    CHECK(a.breakdown.size() == 9);
}

TEST_CASE("probation_stages: stage boundaries (the latest stage reached)") {
    struct Case {
        const char* hire;
        int days;
        const char* stage; // nullptr = pending
    };
    const Case cases[] = {
        {"2024-03-25", 6, nullptr}, {"2024-03-24", 7, "7d"},   {"2024-03-17", 14, "7d"},     {"2024-03-16", 15, "15d"},
        {"2024-03-01", 30, "1m"},   {"2024-02-01", 59, "1m"},  {"2024-01-31", 60, "2m"},     {"2024-01-02", 89, "2m"},
        {"2024-01-01", 90, "3m"},   {"2023-02-25", 400, "3m"}, {"2024-04-10", -10, nullptr},
    };
    for (const auto& c : cases) {
        Period p("2024-03");
        newbie(p, "A", c.hire);
        auto r = p.runPreset("probation-stages");
        const auto& a = byName(r, "A");
        INFO(c.hire);
        CHECK(a.breakdown.at(0).value == double(c.days));
        if (c.stage) {
            CHECK(a.stage == c.stage);
            CHECK_FALSE(hasFlag(a, "stage_pending"));
        } else {
            CHECK_FALSE(a.stage.has_value());
            CHECK(a.flags == std::vector<std::string>{"stage_pending"});
            CHECK(a.breakdown.size() == 1); // nothing is checked before the first stage
        }
    }
}

TEST_CASE("probation_stages: pending wording and a missing hire date") {
    Period p("2024-03");
    newbie(p, "soon", "2024-03-25");
    p.agent("nodate", "售前A组", Status::Probation, k3mBoundary);
    auto r = p.runPreset("probation-stages");
    CHECK(byName(r, "soon").breakdown[0].why.format(Lang::En) ==
          "hired 2024-03-25, 6 days to 2024-03-31, under 7 days: stage pending");
    const auto& n = byName(r, "nodate");
    CHECK(n.flags == std::vector<std::string>{"missing:hire_date"});
    CHECK_FALSE(n.stage.has_value());
    CHECK(n.breakdown.size() == 1);
}

TEST_CASE("probation_stages: all passed at 3m makes the agent eligible; at 2m it does not") {
    Period p("2024-03");
    newbie(p, "three", "2024-01-01");
    newbie(p, "two", "2024-01-31");
    auto r = p.runPreset("probation-stages");
    const auto& three = byName(r, "three");
    CHECK(three.stage == "3m");
    CHECK(three.flags == std::vector<std::string>{"eligible_for_regularization"});
    int passed = 0;
    for (const auto& b : three.breakdown)
        if (!b.metric.empty()) passed += b.points == 1.0 ? 1 : 0;
    CHECK(passed == 8);
    const auto& two = byName(r, "two");
    CHECK(two.stage == "2m");
    CHECK(two.flags.empty());
    CHECK(three.money.empty());
}

TEST_CASE("probation_stages: the handbook's non-monotonic table, metric by metric") {
    Period p("2024-03");
    // avg_response_s 47: 15d allows <= 40 (fail), 1m <= 48 (pass: looser than before), 2m <= 45 (fail).
    // low_ratings 2: 15d allows <= 2 (pass), 1m <= 1 (fail).
    Metrics m = {{"daily_avg_receptions", 50}, {"daily_avg_sales", 1500}, {"conversion_rate", 0.40},
                 {"avg_response_s", 47},       {"typing_speed", 80},      {"typing_accuracy", 0.90},
                 {"exam_score", 90},           {"low_ratings", 2}};
    newbie(p, "d15", "2024-03-16", m);
    newbie(p, "m1", "2024-03-01", m);
    newbie(p, "m2", "2024-01-31", m);
    auto r = p.runPreset("probation-stages");
    CHECK(lineFor(byName(r, "d15"), "avg_response_s")->points == 0.0);
    CHECK(lineFor(byName(r, "d15"), "low_ratings")->points == 1.0);
    CHECK(lineFor(byName(r, "m1"), "avg_response_s")->points == 1.0);
    CHECK(lineFor(byName(r, "m1"), "low_ratings")->points == 0.0);
    CHECK(lineFor(byName(r, "m2"), "avg_response_s")->points == 0.0);
    CHECK(lineFor(byName(r, "m2"), "avg_response_s")->why.format(Lang::Zh) ==
          "阶段 2m：平均响应时间 47，要求 ≤ 45，未通过");
    CHECK(lineFor(byName(r, "m2"), "avg_response_s")->why.format(Lang::En) ==
          "stage 2m: Average response time 47, needs ≤ 45: failed");
    CHECK(hasFlag(byName(r, "m2"), "stage_fail"));
}

TEST_CASE("probation_stages: derived daily averages and 6-decimal rounding") {
    Period p("2024-03");
    // 15d: receptions 300 / 20 days = 15 >= 10; sales 12000 / 20 = 600 >= 600; conversion 0.2499999 rounds to 0.25.
    newbie(p, "A", "2024-03-16",
           {{"receptions", 300},
            {"working_days", 20},
            {"sales_amount", 12000},
            {"conversion_rate", 0.2499999},
            {"avg_response_s", 40},
            {"typing_speed", 65},
            {"typing_accuracy", 0.83},
            {"exam_score", 75},
            {"low_ratings", 2}});
    auto r = p.runPreset("probation-stages");
    const auto& a = byName(r, "A");
    CHECK(lineFor(a, "daily_avg_receptions")->value == 15.0);
    CHECK(lineFor(a, "daily_avg_sales")->points == 1.0);
    CHECK(lineFor(a, "conversion_rate")->points == 1.0);
    CHECK(a.flags.empty());
}

TEST_CASE("probation_stages: a missing metric fails, with its flag") {
    Period p("2024-03");
    newbie(p, "A", "2024-03-24",
           {{"daily_avg_receptions", 5},
            {"daily_avg_sales", 300},
            {"conversion_rate", 0.2},
            {"avg_response_s", 30},
            {"typing_speed", 60},
            {"typing_accuracy", 0.8},
            {"low_ratings", 2}});
    auto r = p.runPreset("probation-stages");
    const auto& a = byName(r, "A");
    CHECK(a.stage == "7d");
    CHECK(a.flags == std::vector<std::string>{"missing:exam_score", "stage_fail", "attitude_review_needed"});
    const auto* exam = lineFor(a, "exam_score");
    REQUIRE(exam);
    CHECK_FALSE(exam->value.has_value());
    CHECK(exam->points == 0.0);
    CHECK(exam->why.format(Lang::En) == "stage 7d: no value for Exam score, failed");
    // Nobody has exam_score: the rule says so once.
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].format(Lang::En) == "rule r1: no agent in scope has Exam score; it cannot be computed");
}

TEST_CASE("probation_stages: attitude review after a fail") {
    struct Case {
        std::vector<std::pair<const char*, const char*>> events; // date, kind
        const char* flag;
    };
    const Case cases[] = {
        {{}, "attitude_review_needed"},
        {{{"2024-03-10", "attitude_good"}}, "may_advance"},
        {{{"2024-03-10", "attitude_bad"}}, "consider_dismissal"},
        {{{"2024-03-10", "attitude_bad"}, {"2024-03-20", "attitude_good"}}, "may_advance"},
        {{{"2024-03-20", "attitude_bad"}, {"2024-03-10", "attitude_good"}}, "consider_dismissal"},
        {{{"2024-03-15", "attitude_good"}, {"2024-03-15", "attitude_bad"}}, "consider_dismissal"},
        {{{"2024-03-05", "attitude_good"}, {"2024-03-15", "attitude_bad"}, {"2024-03-25", "attitude_good"}},
         "may_advance"},
        {{{"2024-02-28", "attitude_bad"}}, "attitude_review_needed"}, // outside the period: ignored
    };
    int n = 0;
    for (const auto& c : cases) {
        Period p("2024-03");
        newbie(p, "A", "2024-01-01", {{"daily_avg_receptions", 49}}); // fails (and misses the rest)
        for (const auto& [date, kind] : c.events) p.event("A", date, kind);
        auto r = p.runPreset("probation-stages");
        const auto& a = byName(r, "A");
        INFO("case " << n++);
        CHECK(hasFlag(a, "stage_fail"));
        CHECK(hasFlag(a, c.flag));
        int attitude = 0;
        for (const char* f : {"may_advance", "consider_dismissal", "attitude_review_needed"})
            attitude += hasFlag(a, f) ? 1 : 0;
        CHECK(attitude == 1);
        CHECK_FALSE(hasFlag(a, "eligible_for_regularization"));
    }
}

TEST_CASE("probation_stages: an attitude event with count 0 did not happen") {
    Period p("2024-03");
    newbie(p, "A", "2024-01-01", {{"daily_avg_receptions", 49}});
    p.event("A", "2024-03-10", "attitude_bad");
    p.event("A", "2024-03-20", "attitude_good", 0);
    auto r = p.runPreset("probation-stages");
    CHECK(hasFlag(byName(r, "A"), "consider_dismissal"));
    CHECK_FALSE(hasFlag(byName(r, "A"), "may_advance"));
    CHECK(byName(r, "A").breakdown.back().why.format(Lang::Zh) ==
          "有未通过项；服务态度评价：差（2024-03-10）→ 考虑辞退");
}

TEST_CASE("probation_stages: attitude events without a fail raise nothing; regular agents are out of scope") {
    Period p("2024-03");
    newbie(p, "ok", "2024-01-01");
    p.event("ok", "2024-03-10", "attitude_bad");
    p.agent("vet", "售前A组", Status::Regular, {{"daily_avg_receptions", 1}});
    p.at("vet").hireDate = parseDate("2024-03-10");
    auto r = p.runPreset("probation-stages");
    CHECK(byName(r, "ok").flags == std::vector<std::string>{"eligible_for_regularization"});
    CHECK(byName(r, "ok").breakdown.back().why.format(Lang::En) ==
          "all of stage 3m passed: eligible for regularization");
    CHECK(byName(r, "vet").flags.empty());
    CHECK(byName(r, "vet").breakdown.empty());
    CHECK_FALSE(byName(r, "vet").stage.has_value());
}

TEST_CASE("probation_stages: custom stages; regularization defaults to the last stage") {
    Period p("2024-03");
    newbie(p, "A", "2024-03-11", {{"exam_score", 50}}); // 20 days
    newbie(p, "B", "2024-03-21", {{"exam_score", 50}}); // 10 days
    newbie(p, "C", "2024-03-28", {{"exam_score", 50}}); // 3 days
    auto r = p.run(R"({"id":"t","rules":[{"id":"s","type":"probation_stages","params":{"stages":[
        {"id":"first","min_days":0,"thresholds":[{"metric":"exam_score","op":">","value":60}]},
        {"id":"week2","min_days":10,"thresholds":[{"metric":"exam_score","op":">=","value":40}]},
        {"id":"final","min_days":20,"thresholds":[]}]}}]})");
    CHECK(byName(r, "A").stage == "final");
    CHECK(byName(r, "A").flags == std::vector<std::string>{"eligible_for_regularization"}); // no thresholds: all passed
    CHECK(byName(r, "B").stage == "week2");
    CHECK(byName(r, "B").flags.empty());
    CHECK(byName(r, "C").stage == "first");
    CHECK(hasFlag(byName(r, "C"), "stage_fail"));
}

TEST_CASE("probation_stages: eligible from the regularization stage on") {
    Period p("2024-03");
    newbie(p, "A", "2024-01-01", {{"exam_score", 80}}); // 90 days: stage late
    newbie(p, "B", "2024-02-01", {{"exam_score", 80}}); // 59 days: stage mid
    newbie(p, "C", "2024-03-20", {{"exam_score", 80}}); // 11 days: stage early
    auto r = p.run(
        R"({"id":"t","rules":[{"id":"s","type":"probation_stages","params":{"regularization_stage":"mid","stages":[
        {"id":"early","min_days":7,"thresholds":[{"metric":"exam_score","op":">=","value":60}]},
        {"id":"mid","min_days":30,"thresholds":[{"metric":"exam_score","op":">=","value":70}]},
        {"id":"late","min_days":60,"thresholds":[{"metric":"exam_score","op":">=","value":75}]}]}}]})");
    CHECK(hasFlag(byName(r, "A"), "eligible_for_regularization"));
    CHECK(hasFlag(byName(r, "B"), "eligible_for_regularization"));
    CHECK(byName(r, "C").flags.empty());
}

TEST_CASE("probation_stages: without a period the rule warns and does nothing") {
    Period p("2024-03");
    newbie(p, "A", "2024-01-01");
    p.input.period.reset();
    auto r = p.runPreset("probation-stages");
    CHECK(byName(r, "A").flags.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].format(Lang::En) == "rule r1: no period given, stages cannot be computed");
    CHECK(findRuleType("probation_stages")->needsPeriod);
    CHECK_FALSE(findRuleType("probation_stages")->producesScore);
}

TEST_CASE("probation_stages: non-monotonic thresholds validate; every stage problem is listed") {
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"s","type":"probation_stages","params":{"stages":[
        {"id":"a","min_days":7,"thresholds":[{"metric":"avg_response_s","op":"<=","value":30}]},
        {"id":"b","min_days":30,"thresholds":[{"metric":"avg_response_s","op":"<=","value":48}]},
        {"id":"c","min_days":60,"thresholds":[{"metric":"avg_response_s","op":"<=","value":45}]}]}}]})")
              .empty());
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"s","type":"probation_stages","params":{
        "regularization_stage":"4m",
        "stages":[
          {"id":"7d","min_days":7,"thresholds":[{"metric":"nope","op":">=","value":1}]},
          {"id":"7d","min_days":7,"thresholds":[{"metric":"exam_score","op":"==","value":1}]},
          {"min_days":5},
          {"id":"neg","min_days":-1},
          {"id":"half","min_days":1.5},
          {"id":"nodays","thresholds":[],"label":"x"}
        ]}}]})");
    INFO(problems);
    CHECK(problems.find("stages[0].thresholds[0].metric: unknown metric 'nope'") != std::string::npos);
    CHECK(problems.find("stages[1].id: duplicate stage id '7d'") != std::string::npos);
    CHECK(problems.find("stages[1].min_days: min_days must increase from stage to stage: 7 after 7") !=
          std::string::npos);
    CHECK(problems.find("stages[1].thresholds[0].op: expected one of: >=, <=, >, <") != std::string::npos);
    CHECK(problems.find("stages[2]: a stage needs an id") != std::string::npos);
    CHECK(problems.find("stages[2].min_days: min_days must increase from stage to stage: 5 after 7") !=
          std::string::npos);
    CHECK(problems.find("stages[3].min_days: min_days cannot be negative") != std::string::npos);
    CHECK(problems.find("stages[4].min_days: expected a whole number") != std::string::npos);
    CHECK(problems.find("stages[5]: a stage needs min_days") != std::string::npos);
    CHECK(problems.find("stages[5].label: unknown parameter 'label'") != std::string::npos);
    CHECK(problems.find("regularization_stage: '4m' is not the id of a stage") != std::string::npos);
    CHECK(problems.find("line 5") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"s","type":"probation_stages","params":{"stages":[]}}]})")
              .find("stages: at least one stage is needed") != std::string::npos);
}
