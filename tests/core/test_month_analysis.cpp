// monthAnalysis(): the inputs the app's analyses of a month start from are the ones recompute()
// scores the month with, so an analysis's baseline equals the month's results in the app.
#include <doctest/doctest.h>

#include "app_fixtures.h"
#include "evaluate.h"
#include "month_analysis.h"
#include "whatif.h"

using namespace kefu::core;
using kefu::test::appShop;

TEST_CASE("monthAnalysis: the month's inputs, earlier months as history, the active scheme") {
    AppState s = appShop({"2024-01", "2024-02", "2024-03"});
    REQUIRE(s.selectedPeriod == 2);
    auto m = monthAnalysis(s, 2);
    REQUIRE(m);
    CHECK(m->period == 2);
    CHECK(m->scheme.id == s.schemeId);
    CHECK(m->input.period == s.periods[2].month);
    REQUIRE(m->history.size() == 2);
    CHECK(m->history[0].period == s.periods[0].month);
    CHECK(m->history[1].agents.size() == s.periods[1].results.agents.size());
    CHECK(m->input.metrics.get(0, "conversion_rate").has_value()); // derived metrics are there
    // The evaluation of these inputs is the month's results in the app.
    const Results r = evaluate(m->input, m->scheme, m->history, m->catalog);
    const Results& app = s.periods[2].results;
    REQUIRE(r.agents.size() == app.agents.size());
    for (size_t i = 0; i < r.agents.size(); ++i) {
        CHECK(r.agents[i].rank == app.agents[i].rank);
        CHECK(r.agents[i].totalFen() == app.agents[i].totalFen());
    }
    auto first = monthAnalysis(s, 0);
    REQUIRE(first);
    CHECK(first->history.empty());
}

TEST_CASE("monthAnalysis: what-if of the app's month changes what the scheme change changes") {
    AppState s = appShop();
    auto m = monthAnalysis(s, s.selectedPeriod);
    REQUIRE(m);
    auto r = runWhatIf(m->input, m->scheme, m->history, m->catalog, {"rank.bonus_first=2400"});
    REQUIRE(r);
    CHECK(r->costAfter.totalFen() > r->costBefore.totalFen());
}

TEST_CASE("monthAnalysis: no such month, and a month without data, are refused in both languages") {
    AppState s = appShop();
    auto none = monthAnalysis(s, 7);
    REQUIRE_FALSE(none);
    CHECK(none.error() == "There is no such month");
    CHECK(none.failure().zh == "没有这个月份");
    apply(s, AddPeriod{Month{2024, 4}});
    auto empty = monthAnalysis(s, s.selectedPeriod);
    REQUIRE_FALSE(empty);
    CHECK(empty.error() == "2024-04 has no data yet; there is nothing to analyse");
    CHECK(empty.failure().zh == "2024-04 还没有任何数据，无法分析");
    CHECK_FALSE(monthAnalysis(s, -1));
}
