// 分析 > 图表 on the null backend: the menu item opens the window; every chart kind draws its
// plot with marks recorded for the test hook; hovering a mark shows its values in a tooltip; the
// metric, series and group choices change the chart; the texts follow the language; the window
// never changes the shop.
#include <doctest/doctest.h>

#include "i18n.h"
#include "panel_test.h"
#include "test_states.h"
#include "ui/charts_window.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
const char* const kKinds[] = {"charts.kind.trend", "charts.kind.ranking", "charts.kind.radar", "charts.kind.groups",
                              "charts.kind.distribution"};

struct ChartsTest {
    NullBackend nb;
    AppState state;
    web::ui::ChartsWindow w;
    DrawFn draw;
    explicit ChartsTest(AppState s) : nb({1280, 800}), state(std::move(s)) {
        w.open = true;
        draw = [this](web::ui::Actions&) {
            web::setUiLanguage(state.language);
            web::ui::drawChartsWindow(w, state);
        };
        nb.frames(2, draw);
    }
    int marks() {
        int n = 0;
        while (nb.item("charts.mark." + std::to_string(n))) ++n;
        return n;
    }
    std::string label(const char* id) {
        auto it = nb.item(id);
        return it ? it->label : std::string("(not drawn)");
    }
};
} // namespace

TEST_CASE("charts window: 分析 > 图表 asks the app to open it, only with a month") {
    PanelTest t("menu bar", demoState());
    REQUIRE(t.click("menu.analysis"));
    REQUIRE(t.click("analysis.charts"));
    CHECK(t.ui.menu.showCharts);
    CHECK(t.label("analysis.charts") == "图表");
    PanelTest empty("menu bar", emptyState());
    REQUIRE(empty.click("menu.analysis"));
    empty.click("analysis.charts");
    CHECK_FALSE(empty.ui.menu.showCharts);
}

TEST_CASE("charts window: every chart kind draws marks, and hovering one shows its values") {
    ChartsTest t(demoState());
    REQUIRE(t.nb.item("charts.window"));
    for (int k = 0; k < 5; ++k) {
        INFO(kKinds[k]);
        REQUIRE(t.nb.click(kKinds[k], t.draw));
        t.nb.frames(2, t.draw);
        CHECK(t.w.kind == k);
        REQUIRE(t.nb.item("charts.plot"));
        const int marks = t.marks();
        CHECK(marks > 0);
        const auto mark = t.nb.item("charts.mark." + std::to_string(marks / 2));
        REQUIRE(mark);
        REQUIRE(t.nb.hover(mark->id, t.draw));
        const auto tip = t.nb.item("charts.tooltip");
        REQUIRE(tip);
        CHECK(tip->label == mark->label);
        CHECK_FALSE(tip->label.empty());
    }
    CHECK(t.nb.takeActions().empty());
}

TEST_CASE("charts window: the trend shows the groups, or one group's agents") {
    ChartsTest t(demoState());
    const ChartSource src = chartSource(t.state);
    REQUIRE(src.groups.size() >= 2);
    const int groupMarks = t.marks();
    // Every group with values has a point per month.
    CHECK(groupMarks == int(src.groups.size() * src.periods.size()));
    CHECK(t.label("charts.mark.0").find(src.groups[0]) == 0);
    REQUIRE(t.nb.click("charts.series", t.draw));
    REQUIRE(t.nb.click("charts.series.1", t.draw));
    t.nb.frames(2, t.draw);
    CHECK(t.w.series == 1);
    CHECK(t.marks() > groupMarks / int(src.groups.size())); // the group and its agents
}

TEST_CASE("charts window: another metric from the filtered list changes the chart") {
    ChartsTest t(demoState());
    const std::string before = t.label("charts.chart_title");
    REQUIRE(t.nb.click("charts.metric", t.draw));
    REQUIRE(t.nb.click("charts.metric.2", t.draw));
    t.nb.frames(2, t.draw);
    CHECK(t.w.metric == t.w.metrics[2]);
    const std::string after = t.label("charts.chart_title");
    CHECK(after != before);
    CHECK(after.find(textIn(chartMetricLabel(t.w.metrics[2]), Lang::Zh)) == 0);
}

TEST_CASE("charts window: the ranking of one group has a bar per scored agent of it") {
    ChartsTest t(demoState());
    REQUIRE(t.nb.click("charts.kind.ranking", t.draw));
    const RankingChart r = rankingChart(chartSource(t.state));
    t.nb.frames(1, t.draw);
    CHECK(t.marks() == int(r.bars.size()));
    REQUIRE(t.nb.click("charts.group", t.draw));
    REQUIRE(t.nb.click("charts.group.1", t.draw));
    t.nb.frames(2, t.draw);
    const std::string group = chartSource(t.state).groups[0];
    int inGroup = 0;
    for (const auto& b : r.bars) inGroup += b.group == group;
    CHECK(t.marks() == inGroup);
    CHECK(t.label("charts.mark.0").find(group) != std::string::npos);
}

TEST_CASE("charts window: texts follow the language") {
    AppState s = demoState();
    apply(s, SetLanguage{Lang::En});
    ChartsTest t(s);
    CHECK(t.label("charts.window") == "Charts");
    CHECK(t.label("charts.kind.trend") == "Trend");
    CHECK(t.label("charts.kind.distribution") == "Distribution");
    CHECK(t.label("charts.chart_title").find(": trend by month") != std::string::npos);
    REQUIRE(t.nb.click("charts.kind.radar", t.draw));
    t.nb.frames(1, t.draw);
    CHECK(t.label("charts.chart_title").find("against the group average and the benchmark") != std::string::npos);
    REQUIRE(t.nb.hover("charts.mark.0", t.draw));
    CHECK(t.label("charts.tooltip").find("Group average") != std::string::npos);
}

TEST_CASE("charts window: without a month it says so") {
    ChartsTest t(emptyState());
    CHECK(t.label("charts.no_month") == web::tr("charts.no_month"));
    CHECK_FALSE(t.nb.item("charts.plot"));
}

} // namespace kefu::test
