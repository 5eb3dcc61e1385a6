// Clicks in the windows and dialogs (import preview and merge, period, settings, history, audit)
// and the actions they queue, or the UI-only state they set for the app.
#include <doctest/doctest.h>

#include "i18n.h"
#include "panel_test.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

TEST_CASE("import window: the preview's 合并 queues MergeIncoming, 取消 CancelIncoming") {
    PanelTest t("import window", previewState());
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
    PanelTest t("import window", previewState());
    REQUIRE(t.click("import.replace"));
    CHECK(t.ui.import.confirmReplace);
    CHECK(t.nb.takeActions().empty());
    REQUIRE(t.click("import.replace_confirm"));
    const auto actions = t.nb.takeActions();
    CHECK(findAction<ReplaceWithIncoming>(actions));
}

TEST_CASE("import window: the desktop path prompt sets the path to open") {
    PanelTest t("import window", demoState());
    REQUIRE(t.click("import.path"));
    t.nb.type("/tmp/店铺.kefu", t.draw);
    REQUIRE(t.click("import.open"));
    CHECK(t.ui.import.openPath);
    CHECK(t.ui.import.path == "/tmp/店铺.kefu");
    CHECK_FALSE(t.ui.import.askPath);
}

TEST_CASE("merge view: keeping theirs, then 应用合并, queues ResolveMerge with that choice") {
    PanelTest t("import window", conflictState());
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
    PanelTest t("import window", conflictState());
    REQUIRE(t.click("merge.all_mine"));
    CHECK(t.ui.import.choices.size() == 1);
    CHECK(t.ui.import.choices.begin()->second == Prefer::A);
    REQUIRE(t.click("merge.cancel"));
    const auto actions = t.nb.takeActions();
    CHECK(findAction<CancelIncoming>(actions));
}

TEST_CASE("period dialog: reopening needs a reason, then queues ReopenPeriod") {
    PanelTest t("period dialog", closedState());
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
    PanelTest t("period dialog", demoState());
    REQUIRE(t.ui.period.closing == t.state.selectedPeriod);
    REQUIRE(t.click("period.confirm"));
    const auto actions = t.nb.takeActions();
    const ClosePeriod* close = findAction<ClosePeriod>(actions);
    REQUIRE(close);
    CHECK(close->index == t.state.selectedPeriod);
    CHECK(close->reason == "月底结算");
}

TEST_CASE("settings: 保存 queues the language, the manager and the shop's settings; a read-only tab only the language") {
    PanelTest t("settings window", demoState());
    CHECK(t.ui.settings.managerName == "王经理"); // filled from the state
    CHECK_FALSE(t.ui.settings.thousands);
    t.ui.settings.managerName = "李主管";
    REQUIRE(t.click("settings.thousands"));
    REQUIRE(t.click("settings.lang_en"));
    t.ui.settings.serviceHours = "08:00-12:00 13:30-24:00";
    t.ui.settings.capS = "600";
    REQUIRE(t.click("settings.save"));
    auto actions = t.nb.takeActions();
    const SetManagerName* name = findAction<SetManagerName>(actions);
    REQUIRE(name);
    CHECK(name->name == "李主管");
    const SetSettings* settings = findAction<SetSettings>(actions);
    REQUIRE(settings);
    CHECK(settings->settings.number.thousands);
    REQUIRE(settings->settings.chat.serviceHours.size() == 2);
    CHECK(formatServiceHours(settings->settings.chat.serviceHours[1]) == "13:30-24:00");
    CHECK(settings->settings.chat.responseCapS == 600);
    const SetLanguage* lang = findAction<SetLanguage>(actions);
    REQUIRE(lang);
    CHECK(lang->language == Lang::En);
    CHECK_FALSE(t.ui.settings.open);

    PanelTest bad("settings window", demoState());
    bad.ui.settings.serviceHours = "8点到24点";
    REQUIRE(bad.click("settings.save"));
    CHECK(bad.nb.takeActions().empty());
    CHECK(bad.ui.settings.open);
    CHECK(bad.ui.settings.problem.find("8点到24点") != std::string::npos);

    PanelTest ro("settings window", readOnlyState());
    REQUIRE(ro.click("settings.save"));
    actions = ro.nb.takeActions();
    REQUIRE(actions.size() == 1);
    CHECK(std::holds_alternative<SetLanguage>(actions[0]));
}

TEST_CASE("history window: 恢复 names the version; the current one and read-only tabs have none") {
    PanelTest t("history window", demoState());
    CHECK_FALSE(t.nb.item("history.r0.restore")); // the current version
    REQUIRE(t.click("history.r1.restore"));
    CHECK(t.ui.history.restore == 2);
    REQUIRE(t.click("history.refresh"));
    CHECK(t.ui.history.refresh);

    PanelTest ro("history window", readOnlyState());
    CHECK(ro.nb.item("history.r1.at"));
    CHECK_FALSE(ro.nb.item("history.r1.restore"));
}

TEST_CASE("audit window lists the log newest first") {
    PanelTest t("audit window", closedState());
    const auto row = t.nb.item("audit.r0.what");
    REQUIRE(row);
    CHECK(row->label == web::tr("audit." + t.state.record.audit.back().action));
    PanelTest empty("audit window", emptyState());
    CHECK(empty.nb.item("audit.empty"));
}

TEST_CASE("welcome: the setup form queues the manager and StartShop; a bad month is said first") {
    PanelTest t("welcome dialog", emptyState());
    REQUIRE(t.click("welcome.setup"));
    t.nb.frames(1, t.draw);
    t.ui.welcome.shopName = "小美的店";
    t.ui.welcome.managerName = "王经理";
    t.ui.welcome.month = "2026-13";
    REQUIRE(t.click("welcome.start"));
    CHECK(t.nb.takeActions().empty());
    CHECK(!t.ui.welcome.problem.empty());
    t.ui.welcome.month = "2026-11";
    REQUIRE(t.click("welcome.group_add"));
    REQUIRE(t.ui.welcome.groups.size() == 4);
    t.ui.welcome.groups.back() = "售后B组";
    t.nb.frames(2, t.draw); // the dialog grows to the new row
    REQUIRE(t.click("welcome.start"));
    const auto actions = t.nb.takeActions();
    const StartShop* start = findAction<StartShop>(actions);
    REQUIRE(start);
    CHECK(start->shopName == "小美的店");
    CHECK(start->month == Month{2026, 11});
    CHECK(start->groups.size() == 4);
    CHECK(start->groups.back() == "售后B组");
    CHECK(start->schemeId == defaultSchemeId());
    const SetManagerName* manager = findAction<SetManagerName>(actions);
    REQUIRE(manager);
    CHECK(manager->name == "王经理");
}

TEST_CASE("team: leaving from a chosen month, coming back, groups and a new month") {
    PanelTest leave("roster leave dialog", teamState());
    REQUIRE(leave.click("roster.move_confirm"));
    auto actions = leave.nb.takeActions();
    const DeactivateAgent* off = findAction<DeactivateAgent>(actions);
    REQUIRE(off);
    CHECK(off->name == "张晓梅");
    CHECK(off->fromPeriod == 1); // the selected month

    PanelTest back("roster panel", teamState());
    REQUIRE(back.click("roster.inactive"));
    REQUIRE(back.click("roster.inactive0.return"));
    REQUIRE(back.click("roster.move_confirm"));
    actions = back.nb.takeActions();
    const ReactivateAgent* on = findAction<ReactivateAgent>(actions);
    REQUIRE(on);
    CHECK(on->name == "李娜");

    PanelTest groups("roster groups dialog", teamState());
    REQUIRE(groups.click("roster.groups1.up"));
    REQUIRE(groups.click("roster.groups_save"));
    actions = groups.nb.takeActions();
    const SetGroups* g = findAction<SetGroups>(actions);
    REQUIRE(g);
    CHECK(g->groups == std::vector<std::string>{"售前B组", "售前A组", "售后组"});

    PanelTest month("new month dialog", teamState());
    CHECK(month.ui.period.month == "2026-12"); // after the newest month
    REQUIRE(month.click("period.add"));
    actions = month.nb.takeActions();
    const AddPeriod* add = findAction<AddPeriod>(actions);
    REQUIRE(add);
    CHECK(add->month == Month{2026, 12});
}

} // namespace kefu::test
