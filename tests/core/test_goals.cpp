// Team goals (core/goals.h, core/team_value.h): team values weighted by volume, the least-squares
// forecast, relative targets, and the AddGoal/UpdateGoal/RemoveGoal actions. Numbers by hand.
#include "app_fixtures.h"
#include "goals.h"
#include "helpers.h"
#include "team_value.h"

using namespace kefu::test;

namespace {
// Two agents with `complaints` a and b in `month`.
Period complaints(const char* month, double a, double b) {
    Period p(month);
    p.agent("A", "g", Status::Regular, {{"complaints", a}, {"inquiries", 100}, {"paid_customers", 40}});
    p.agent("B", "g", Status::Regular, {{"complaints", b}, {"inquiries", 300}, {"paid_customers", 150}});
    return p;
}

std::vector<MonthInput> monthsOf(const std::vector<Period>& ps) {
    std::vector<MonthInput> out;
    for (const auto& p : ps) out.push_back({*p.input.period, &p.input});
    return out;
}

Goal goal(const char* metric, bool relative, double target, const char* baseline, const char* deadline) {
    Goal g;
    g.metric = metric;
    g.relative = relative;
    g.target = target;
    g.baseline = *parseMonth(baseline);
    g.deadline = *parseMonth(deadline);
    return g;
}
} // namespace

TEST_CASE("team value: counts add up, rates of two counts are volume-weighted, other averages by receptions") {
    const auto s = appShop({"2024-03"});
    const PeriodInput& in = s.periods[0].input;
    CHECK(*teamValue(in, Catalog::builtin(), "sales_amount") == doctest::Approx(112000));
    CHECK(*teamValue(in, Catalog::builtin(), "sales_amount", "售前A组") == doctest::Approx(100000));
    // (180 + 150 + 30) / (400 + 380 + 100) = 360 / 880, not the mean of 45%, 39.47% and 30% (38.16%).
    CHECK(*teamValue(in, Catalog::builtin(), "conversion_rate") == doctest::Approx(0.409091));
    // Response times weighted by receptions: (18*620 + 25*590 + 40*200) / 1410 = 33910 / 1410.
    CHECK(*teamValue(in, Catalog::builtin(), "avg_response_s") == doctest::Approx(24.049645));
    CHECK_FALSE(teamValue(in, Catalog::builtin(), "complaints").has_value());
}

TEST_CASE("fitLine: least squares over the points") {
    auto exact = fitLine({{0, 10}, {1, 12}, {2, 14}});
    REQUIRE(exact.has_value());
    CHECK(exact->slope == doctest::Approx(2));
    CHECK(exact->intercept == doctest::Approx(10));
    auto noisy = fitLine({{0, 1}, {1, 3}, {2, 2}}); // x̄ 1, ȳ 2, Sxy 1, Sxx 2
    REQUIRE(noisy.has_value());
    CHECK(noisy->slope == doctest::Approx(0.5));
    CHECK(noisy->intercept == doctest::Approx(1.5));
    CHECK_FALSE(fitLine({{1, 5}}).has_value());
    CHECK_FALSE(fitLine({{1, 5}, {1, 6}}).has_value());
}

TEST_CASE("goals: complaints -30% against January, forecast on the trend") {
    const std::vector<Period> ps = {complaints("2024-01", 12, 8), complaints("2024-02", 10, 8), complaints("2024-03", 9, 7)};
    // Team complaints 20, 18, 16; the target is 20 * 0.7 = 14; the line 20 - 2x gives 10 in June (x = 5).
    GoalProgress p = goalProgress(goal("complaints", true, -0.3, "2024-01", "2024-06"), monthsOf(ps), Catalog::builtin());
    CHECK(p.problem.empty());
    CHECK(*p.baselineValue == doctest::Approx(20));
    CHECK(*p.targetValue == doctest::Approx(14));
    CHECK(p.lowerBetter);
    REQUIRE(p.points.size() == 3);
    CHECK(*p.latest == doctest::Approx(16));
    CHECK(*p.progress == doctest::Approx(0.666667)); // (16 - 20) / (14 - 20)
    CHECK(*p.slope == doctest::Approx(-2));
    CHECK(*p.forecast == doctest::Approx(10));
    CHECK(p.onTrack);
    CHECK_FALSE(p.reached);
    // The same trend with a March deadline: 16 > 14, not on track.
    GoalProgress soon = goalProgress(goal("complaints", true, -0.3, "2024-01", "2024-03"), monthsOf(ps), Catalog::builtin());
    CHECK(*soon.forecast == doctest::Approx(16));
    CHECK_FALSE(soon.onTrack);
    // Months outside [baseline, deadline] are left out: from February the line is 18 - 2x.
    GoalProgress late = goalProgress(goal("complaints", false, 15, "2024-02", "2024-04"), monthsOf(ps), Catalog::builtin());
    CHECK(late.points.size() == 2);
    CHECK(*late.forecast == doctest::Approx(14));
    CHECK(late.onTrack);
    // A year ahead the line 20 - 2x would be -2: complaints do not go below 0.
    GoalProgress year = goalProgress(goal("complaints", true, -0.3, "2024-01", "2025-01"), monthsOf(ps), Catalog::builtin());
    CHECK(*year.forecast == doctest::Approx(0));
}

TEST_CASE("goals: an absolute rate target uses the volume-weighted team rate") {
    std::vector<Period> ps = {complaints("2024-01", 1, 1), complaints("2024-02", 1, 1)};
    ps[1].set("A", "paid_customers", 50); // January (40 + 150) / 400 = 47.5%, February 200 / 400 = 50%
    GoalProgress p = goalProgress(goal("conversion_rate", false, 0.55, "2024-01", "2024-04"), monthsOf(ps), Catalog::builtin());
    CHECK(*p.baselineValue == doctest::Approx(0.475));
    CHECK(*p.latest == doctest::Approx(0.5));
    CHECK(*p.progress == doctest::Approx(1.0 / 3)); // 2.5 of 7.5 points
    CHECK(*p.forecast == doctest::Approx(0.55));      // 0.475 + 0.025 * 3
    CHECK(p.onTrack);
    CHECK_FALSE(p.lowerBetter);
}

TEST_CASE("goals: no value in the baseline month, or a single month, gives no forecast") {
    const std::vector<Period> ps = {complaints("2024-02", 3, 3)};
    GoalProgress none = goalProgress(goal("complaints", true, -0.3, "2024-01", "2024-06"), monthsOf(ps), Catalog::builtin());
    CHECK_FALSE(none.baselineValue.has_value());
    CHECK_FALSE(none.forecast.has_value());
    CHECK(none.problem.find("baseline") != std::string::npos);
    GoalProgress one = goalProgress(goal("complaints", true, -0.3, "2024-02", "2024-06"), monthsOf(ps), Catalog::builtin());
    CHECK(*one.targetValue == doctest::Approx(4.2));
    CHECK_FALSE(one.forecast.has_value());
    CHECK_FALSE(one.onTrack);
}

TEST_CASE("goals: checks, JSON and the shop settings") {
    CHECK(checkGoal(goal("complaints", true, -0.3, "2024-01", "2024-12"), Catalog::builtin()).empty());
    CHECK(checkGoal(goal("nope", false, 1, "2024-01", "2024-12"), Catalog::builtin()).size() == 1);
    CHECK(checkGoal(goal("complaints", false, 1, "2024-05", "2024-05"), Catalog::builtin()).size() == 1);
    CHECK(checkGoal(goal("complaints", true, 0, "2024-01", "2024-12"), Catalog::builtin()).size() == 1);
    CHECK(checkGoal(goal("complaints", true, -1, "2024-01", "2024-12"), Catalog::builtin()).size() == 1);
    ShopSettings s;
    Goal g = goal("csat", false, 4.8, "2024-01", "2024-12");
    g.id = "g1";
    g.note = "满意度";
    s.goals.push_back(g);
    auto back = parseShopSettings(shopSettingsJson(s));
    REQUIRE(back.ok());
    REQUIRE(back->goals.size() == 1);
    CHECK(back->goals[0] == g);
    // Settings saved before goals existed still load, without goals.
    auto old = parseShopSettings(R"({"number": {"thousands": true, "money_decimals": 2}})");
    REQUIRE(old.ok());
    CHECK(old->goals.empty());
    CHECK_FALSE(parseShopSettings(R"({"goals": [{"metric": "csat", "target": 1, "baseline": "2024-13", "deadline": "2024-12"}]})").ok());
}

TEST_CASE("goal actions: add, edit, remove; logged, undoable, saved with the shop") {
    auto s = appShop();
    apply(s, AddGoal{goal("complaints", true, -0.3, "2024-02", "2025-01")}, {2000, 7});
    REQUIRE(s.settings.goals.size() == 1);
    const std::string id = s.settings.goals[0].id;
    CHECK_FALSE(id.empty());
    CHECK(s.record.audit.back().action == "add_goal");
    CHECK(s.record.audit.back().detail.find("complaints -30%") != std::string::npos);
    Goal edited = s.settings.goals[0];
    edited.target = -0.2;
    apply(s, UpdateGoal{edited}, {2001, 8});
    CHECK(s.settings.goals[0].target == doctest::Approx(-0.2));
    CHECK(s.record.audit.back().action == "edit_goal");
    auto again = reopened(s);
    REQUIRE(again.settings.goals.size() == 1);
    CHECK(again.settings.goals[0] == s.settings.goals[0]);
    apply(s, Undo{}, {2002, 9});
    CHECK(s.settings.goals[0].target == doctest::Approx(-0.3));
    apply(s, RemoveGoal{id}, {2003, 10});
    CHECK(s.settings.goals.empty());
    CHECK(s.record.audit.back().action == "remove_goal");
    // A bad goal changes nothing and says why.
    const auto steps = s.undo.size();
    apply(s, AddGoal{goal("complaints", false, 1, "2024-05", "2024-01")}, {2004, 11});
    CHECK(s.settings.goals.empty());
    CHECK(s.undo.size() == steps);
    REQUIRE_FALSE(s.notices.empty());
    CHECK(s.notices.back().zh.find("截止月份") != std::string::npos);
    apply(s, RemoveGoal{"nope"}, {2005, 12});
    CHECK(s.undo.size() == steps);
}
