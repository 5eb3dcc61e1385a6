// 报表 in the menu bar: 月度考核报告 asks the app to print the month's report, each export item asks
// for its table in its format (web/reports.cpp carries them out); without a month every item is
// disabled and a click asks for nothing. No item queues an action: nothing in the shop changes.
#include <doctest/doctest.h>

#include "i18n.h"
#include "panel_test.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
// The menu bar; pick(): 报表 (unless its menu is still open: a click on a disabled item leaves it
// open), then the item; false when either was not drawn.
struct MenuTest : PanelTest {
    explicit MenuTest(AppState s) : PanelTest("menu bar", std::move(s)) {}
    bool pick(const char* id) { return (nb.item(id) || click("menu.report")) && click(id); }
};

struct ExportItem {
    const char* id;
    const char* what;
    const char* format;
};
constexpr ExportItem kExports[] = {
    {"report.results_xlsx", "results", "xlsx"}, {"report.results_csv", "results", "csv"},
    {"report.payroll_xlsx", "payroll", "xlsx"}, {"report.payroll_csv", "payroll", "csv"},
    {"report.metrics_xlsx", "metrics", "xlsx"}, {"report.metrics_csv", "metrics", "csv"},
};
} // namespace

TEST_CASE("menu bar: 报表 > 月度考核报告 asks for the printed report, open or closed month") {
    for (AppState s : {demoState(), closedState()}) {
        MenuTest t(s);
        REQUIRE(t.pick("report.monthly"));
        CHECK(t.ui.menu.printReport);
        CHECK(t.ui.menu.exportWhat.empty());
        CHECK(t.ui.menu.exportFormat.empty());
        CHECK(t.nb.takeActions().empty());
    }
}

TEST_CASE("menu bar: each 报表 export item asks for its table and format") {
    for (const ExportItem& e : kExports) {
        INFO(e.id);
        MenuTest t(demoState());
        REQUIRE(t.pick(e.id));
        CHECK(t.ui.menu.exportWhat == e.what);
        CHECK(t.ui.menu.exportFormat == e.format);
        CHECK_FALSE(t.ui.menu.printReport);
        CHECK(t.nb.takeActions().empty());
        auto item = t.nb.item(e.id);
        REQUIRE(item);
        CHECK(item->label == web::tr(e.id));
    }
}

TEST_CASE("menu bar: the 报表 items follow the language") {
    AppState s = demoState();
    apply(s, SetLanguage{Lang::En});
    MenuTest t(s);
    REQUIRE(t.click("menu.report"));
    auto monthly = t.nb.item("report.monthly");
    REQUIRE(monthly);
    CHECK(monthly->label == "Monthly report (print / save as PDF)");
    auto payroll = t.nb.item("report.payroll_csv");
    REQUIRE(payroll);
    CHECK(payroll->label == "Export payroll as CSV");
}

TEST_CASE("menu bar: without a month every 报表 item is disabled and asks for nothing") {
    MenuTest t(emptyState());
    REQUIRE(t.pick("report.monthly"));
    CHECK_FALSE(t.ui.menu.printReport);
    for (const ExportItem& e : kExports) {
        INFO(e.id);
        REQUIRE(t.pick(e.id));
        CHECK(t.ui.menu.exportWhat.empty());
        CHECK(t.ui.menu.exportFormat.empty());
    }
    CHECK(t.nb.takeActions().empty());
}

} // namespace kefu::test
