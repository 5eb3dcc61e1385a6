// Clicks in the windows and dialogs (import preview and merge, period, settings, history, audit)
// and the actions they queue, or the UI-only state they set for the app.
#include <doctest/doctest.h>

#include "i18n.h"
#include "panel_registry.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
struct WindowTest {
    NullBackend nb;
    PanelUi ui;
    AppState state;
    DrawFn draw;

    WindowTest(const char* name, AppState s) : state(std::move(s)) {
        const PanelEntry& p = panel(name);
        if (p.open) p.open(ui, state);
        draw = drawFn(ui, state, p.draw);
        nb.frames(2, draw);
    }
    bool click(const char* id) { return nb.click(id, draw); }
};
} // namespace

TEST_CASE("import window: the preview's 合并 queues MergeIncoming, 取消 CancelIncoming") {
    WindowTest t("import window", previewState());
    t.ui.import.askPath = false;
    CHECK(t.nb.item("import.shop"));
    REQUIRE(t.click("import.merge"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    CHECK(findAction<MergeIncoming>(actions));
    REQUIRE(t.click("import.cancel"));
    actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    CHECK(findAction<CancelIncoming>(actions));
}

TEST_CASE("import window: replacing a shop with data asks first, then queues ReplaceWithIncoming") {
    WindowTest t("import window", previewState());
    REQUIRE(t.click("import.replace"));
    CHECK(t.ui.import.confirmReplace);
    CHECK(t.nb.takeActions().empty());
    REQUIRE(t.click("import.replace_confirm"));
    const auto actions = t.nb.takeActions();
    CHECK(findAction<ReplaceWithIncoming>(actions));
}

TEST_CASE("import window: the desktop path prompt sets the path to open") {
    WindowTest t("import window", demoState());
    REQUIRE(t.click("import.path"));
    t.nb.type("/tmp/店铺.kefu", t.draw);
    REQUIRE(t.click("import.open"));
    CHECK(t.ui.import.openPath);
    CHECK(t.ui.import.path == "/tmp/店铺.kefu");
    CHECK_FALSE(t.ui.import.askPath);
}

TEST_CASE("merge view: keeping theirs, then 应用合并, queues ResolveMerge with that choice") {
    WindowTest t("import window", conflictState());
    t.ui.import.askPath = false;
    const MergeConflict conflict = t.state.incoming->conflicts.at(0);
    REQUIRE(t.click("merge.r0.keep_theirs"));
    CHECK(t.nb.takeActions().empty());
    REQUIRE(t.click("merge.apply"));
    const auto actions = t.nb.takeActions();
    const ResolveMerge* resolve = findAction<ResolveMerge>(actions);
    REQUIRE(resolve);
    CHECK(resolve->choices == std::map<std::string, Prefer>{{conflict.id, Prefer::B}});
    CHECK_FALSE(resolve->confirmClosed);
    CHECK(t.nb.item("merge.r0.keep_theirs")); // the window stays until the app applies the merge
}

TEST_CASE("merge view: 全部保留我的 and 取消") {
    WindowTest t("import window", conflictState());
    REQUIRE(t.click("merge.all_mine"));
    CHECK(t.ui.import.choices.size() == 1);
    CHECK(t.ui.import.choices.begin()->second == Prefer::A);
    REQUIRE(t.click("merge.cancel"));
    const auto actions = t.nb.takeActions();
    CHECK(findAction<CancelIncoming>(actions));
}

TEST_CASE("period dialog: reopening needs a reason, then queues ReopenPeriod") {
    WindowTest t("period dialog", closedState());
    const int month = t.state.selectedPeriod;
    REQUIRE(t.ui.period.reopening == month);
    t.ui.period.reason.clear();
    t.nb.frames(2, t.draw);
    CHECK(t.nb.item("period.reason_needed"));
    REQUIRE(t.click("period.confirm"));
    CHECK(t.nb.takeActions().empty());

    REQUIRE(t.click("period.reason"));
    t.nb.type("补录退款数据", t.draw);
    REQUIRE(t.click("period.confirm"));
    const auto actions = t.nb.takeActions();
    const ReopenPeriod* reopen = findAction<ReopenPeriod>(actions);
    REQUIRE(reopen);
    CHECK(reopen->index == month);
    CHECK(reopen->reason == "补录退款数据");
    CHECK(t.ui.period.reopening == -1);
}

TEST_CASE("period dialog: closing queues ClosePeriod with the note") {
    WindowTest t("period dialog", demoState());
    REQUIRE(t.ui.period.closing == t.state.selectedPeriod);
    REQUIRE(t.click("period.confirm"));
    const auto actions = t.nb.takeActions();
    const ClosePeriod* close = findAction<ClosePeriod>(actions);
    REQUIRE(close);
    CHECK(close->index == t.state.selectedPeriod);
    CHECK(close->reason == "月底结算");
}

TEST_CASE("settings: 保存 queues SetManagerName, except in a read-only tab") {
    WindowTest t("settings window", demoState());
    CHECK(t.ui.settings.managerName == "王经理"); // filled from the state
    t.ui.settings.managerName = "李主管";
    REQUIRE(t.click("settings.save"));
    const auto actions = t.nb.takeActions();
    const SetManagerName* name = findAction<SetManagerName>(actions);
    REQUIRE(name);
    CHECK(name->name == "李主管");
    CHECK_FALSE(t.ui.settings.open);

    WindowTest ro("settings window", readOnlyState());
    REQUIRE(ro.click("settings.save"));
    CHECK(ro.nb.takeActions().empty());
    CHECK(ro.ui.settings.open);
}

TEST_CASE("history window: 恢复 names the version; the current one and read-only tabs have none") {
    WindowTest t("history window", demoState());
    CHECK_FALSE(t.nb.item("history.r0.restore")); // the current version
    REQUIRE(t.click("history.r1.restore"));
    CHECK(t.ui.history.restore == 2);
    REQUIRE(t.click("history.refresh"));
    CHECK(t.ui.history.refresh);

    WindowTest ro("history window", readOnlyState());
    CHECK(ro.nb.item("history.r1.at"));
    CHECK_FALSE(ro.nb.item("history.r1.restore"));
}

TEST_CASE("audit window lists the log newest first") {
    WindowTest t("audit window", closedState());
    const auto row = t.nb.item("audit.r0.what");
    REQUIRE(row);
    CHECK(row->label == web::tr("audit." + t.state.record.audit.back().action));
    WindowTest empty("audit window", emptyState());
    CHECK(empty.nb.item("audit.empty"));
}

} // namespace kefu::test
