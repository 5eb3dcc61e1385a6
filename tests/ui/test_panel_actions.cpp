// Clicks on the main screen's panels (menu bar, roster, results, status bar, notices, welcome,
// about, save failed) and the actions they queue: what a user does, checked at the action queue;
// some are applied with core::apply, as the app does after the frame, to see the next frame follow.
#include <doctest/doctest.h>

#include "i18n.h"
#include "panel_test.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

TEST_CASE("roster: a typed name and 添加 queue AddAgent; Enter adds too and empties the field") {
    PanelTest t("roster panel", demoState());
    REQUIRE(t.click("roster.new_name"));
    t.nb.type("赵六", t.draw);
    CHECK(t.ui.roster.newName == "赵六");
    REQUIRE(t.click("roster.add"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const AddAgent* add = findAction<AddAgent>(actions);
    REQUIRE(add);
    CHECK(add->name == "赵六");
    CHECK(add->group == rosterGroups(t.state).front());
    CHECK(add->status == Status::Regular);
    CHECK(t.ui.roster.newName.empty());

    REQUIRE(t.click("roster.probation"));
    REQUIRE(t.click("roster.new_name"));
    t.nb.type("钱七", t.draw);
    t.nb.tapKey(ImGuiKey_Enter, t.draw);
    actions = t.nb.takeActions();
    add = findAction<AddAgent>(actions);
    REQUIRE(add);
    CHECK(add->name == "钱七");
    CHECK(add->status == Status::Probation);
    CHECK(t.ui.roster.newName.empty());

    // Applied like the app does after the frame: the new agent is the roster's last row.
    apply(t.state, *add);
    t.nb.frames(2, t.draw);
    CHECK(t.label(("roster.r" + std::to_string(t.state.roster.size() - 1) + ".name").c_str()) == "钱七");
}

TEST_CASE("roster: an empty shop asks for a group name; removing asks first, then queues RemoveAgent") {
    PanelTest empty("roster panel", emptyState());
    CHECK(empty.nb.item("roster.new_group"));
    CHECK_FALSE(empty.nb.item("roster.group"));

    PanelTest t("roster panel", demoState());
    const std::string first = t.state.roster.front().name;
    REQUIRE(t.click("roster.r0.remove"));
    CHECK(t.ui.roster.removing == first);
    CHECK(t.nb.takeActions().empty());
    REQUIRE(t.click("roster.confirm_remove"));
    const auto actions = t.nb.takeActions();
    const RemoveAgent* remove = findAction<RemoveAgent>(actions);
    REQUIRE(remove);
    CHECK(remove->name == first);
    CHECK(t.ui.roster.removing.empty());
}

TEST_CASE("results: the month choice queues SelectPeriod") {
    PanelTest t("results panel", demoState());
    REQUIRE(t.state.selectedPeriod == 2);
    REQUIRE(t.click("results.period.0"));
    const auto actions = t.nb.takeActions();
    const SelectPeriod* select = findAction<SelectPeriod>(actions);
    REQUIRE(select);
    CHECK(select->index == 0);
    CHECK(t.nb.item("results.r0.agent"));

    PanelTest empty("results panel", emptyState());
    CHECK(empty.nb.item("results.no_data"));
}

TEST_CASE("menu bar: 编辑 > 撤销 queues Undo when there is a step, and is disabled otherwise") {
    PanelTest t("menu bar", demoState());
    REQUIRE(t.click("menu.edit"));
    REQUIRE(t.click("edit.undo"));
    const auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    CHECK(findAction<Undo>(actions));

    for (AppState s : {emptyState(), readOnlyState()}) {
        PanelTest none("menu bar", s);
        REQUIRE(none.click("menu.edit"));
        REQUIRE(none.click("edit.undo"));
        CHECK(none.nb.takeActions().empty());
    }
}

TEST_CASE("menu bar: 数据 picks a month and asks to close it; 文件 and 帮助 open their windows") {
    PanelTest t("menu bar", demoState());
    REQUIRE(t.click("menu.data"));
    REQUIRE(t.click("data.period.0"));
    const auto actions = t.nb.takeActions();
    const SelectPeriod* select = findAction<SelectPeriod>(actions);
    REQUIRE(select);
    CHECK(select->index == 0);
    REQUIRE(t.click("menu.data"));
    REQUIRE(t.click("data.close"));
    CHECK(t.ui.menu.closePeriod == t.state.selectedPeriod);
    REQUIRE(t.click("menu.file"));
    REQUIRE(t.click("file.history"));
    CHECK(t.ui.menu.showHistory);
    REQUIRE(t.click("menu.help"));
    REQUIRE(t.click("help.about"));
    CHECK(t.ui.menu.showAbout);
    CHECK(t.nb.takeActions().empty());
}

TEST_CASE("menu bar: the language switch queues SetLanguage; labels follow the language") {
    PanelTest zh("menu bar", demoState());
    CHECK(zh.label("menu.file") == "文件");
    REQUIRE(zh.click("lang.switch"));
    auto actions = zh.nb.takeActions();
    const SetLanguage* lang = findAction<SetLanguage>(actions);
    REQUIRE(lang);
    CHECK(lang->language == Lang::En);

    apply(zh.state, *lang);
    zh.nb.frames(2, zh.draw);
    CHECK(zh.label("menu.file") == "File");
    REQUIRE(zh.click("lang.switch"));
    actions = zh.nb.takeActions();
    lang = findAction<SetLanguage>(actions);
    REQUIRE(lang);
    CHECK(lang->language == Lang::Zh);
}

TEST_CASE("status bar: every save state and read-only have their label") {
    const char* keys[] = {"status.unsaved", "status.unsaved", "status.saving", "status.saved", "status.save_failed"};
    for (int save = 0; save < 5; ++save) {
        PanelTest t("status bar", demoState());
        t.ui.status.save = save;
        t.nb.frames(2, t.draw);
        CHECK(t.label("status.save") == web::tr(keys[save]));
    }
    PanelTest ro("status bar", readOnlyState());
    CHECK(ro.label("status.save") == web::tr("status.read_only"));
    PanelTest empty("status bar", emptyState());
    empty.ui.status.save = 0;
    empty.nb.frames(2, empty.draw);
    CHECK(empty.label("status.save") == web::tr("status.nothing_to_save"));
}

TEST_CASE("notices: 知道了 queues ClearNotices") {
    PanelTest t("notices", closedState());
    REQUIRE(t.click("notice.dismiss"));
    const auto actions = t.nb.takeActions();
    CHECK(findAction<ClearNotices>(actions));
}

TEST_CASE("welcome, about and save-failed dialogs set what the app acts on") {
    PanelTest welcome("welcome dialog", emptyState());
    REQUIRE(welcome.click("welcome.open_demo"));
    CHECK(welcome.ui.welcome.openDemo);

    PanelTest about("about window", demoState());
    REQUIRE(about.click("about.close"));
    CHECK_FALSE(about.ui.menu.showAbout);

    PanelTest failed("save-failed dialog", demoState());
    REQUIRE(failed.click("save.export"));
    CHECK(failed.ui.exportAsked);
    CHECK(failed.nb.takeActions().empty());
}

} // namespace kefu::test

namespace kefu::test {

TEST_CASE("data grid: a selected cell takes typed text on Enter; a refused value says why; a paste is one action") {
    PanelTest t("data panel", demoState());
    REQUIRE(t.click("data.r1.c0"));
    CHECK(t.ui.data.row == 1);
    CHECK(t.ui.data.col == 0);
    t.nb.type("很多", t.draw); // typing on a selected cell starts editing it with what was typed
    t.nb.frames(2, t.draw);
    CHECK(t.ui.data.editing);
    t.nb.tapKey(ImGuiKey_Enter, t.draw);
    CHECK(t.ui.data.editing); // refused: stays open with the reason
    CHECK(t.label("data.problem") == "“很多”不是数字");
    apply(t.state, SetLanguage{Lang::En}); // the reason follows the page's language
    t.nb.frames(2, t.draw);
    CHECK(t.label("data.problem") == "'很多' is not a number");
    apply(t.state, SetLanguage{Lang::Zh});
    t.nb.frames(2, t.draw);
    CHECK(t.nb.takeActions().empty());
    t.nb.tapKey(ImGuiKey_Escape, t.draw);
    CHECK_FALSE(t.ui.data.editing);
    t.nb.type("1500", t.draw);
    t.nb.frames(2, t.draw);
    t.nb.tapKey(ImGuiKey_Enter, t.draw);
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* set = std::get_if<SetMetricValue>(&actions[0]);
    REQUIRE(set);
    CHECK(set->value == 1500.0);
    CHECK(set->agent == t.state.periods[size_t(t.state.selectedPeriod)].input.agents[1].name);
    CHECK(t.ui.data.row == 2); // Enter moved down
    t.ui.data.pasted = "1\t2\n3\t4";
    t.nb.frames(2, t.draw);
    actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* block = std::get_if<SetMetricValues>(&actions[0]);
    REQUIRE(block);
    CHECK(block->edits.size() == 4);
    CHECK(block->edits[0].agent == t.state.periods[size_t(t.state.selectedPeriod)].input.agents[2].name);
}

TEST_CASE("data grid: a metric's header shows its definition from the catalog") {
    PanelTest t("data panel", demoState());
    std::string header;
    for (int c = 0; c < 40 && header.empty(); ++c) {
        const std::string id = "data.h" + std::to_string(c);
        if (auto it = t.nb.item(id); it && it->label == "询单人数") header = id;
    }
    REQUIRE(!header.empty());
    REQUIRE(t.nb.hover(header, t.draw));
    auto tip = t.nb.item("data.header_tip");
    REQUIRE(tip);
    CHECK(tip->label == Catalog::builtin().find("inquiries")->definitionZh);
}

TEST_CASE("data grid: a closed month is read-only; a read-only tab takes no paste") {
    AppState s = demoState();
    apply(s, ClosePeriod{s.selectedPeriod, "结算"});
    PanelTest t("data panel", s);
    REQUIRE(t.click("data.r0.c0"));
    t.nb.tapKey(ImGuiKey_Enter, t.draw);
    CHECK_FALSE(t.ui.data.editing);
    t.ui.data.pasted = "1";
    t.nb.frames(2, t.draw);
    CHECK(t.nb.takeActions().empty());
    CHECK(t.label("data.hint") == "这个月已结算，数据只读。");
}

TEST_CASE("pay panel and tabs: the month choice, the totals row, the tab switch") {
    PanelTest t("pay panel", demoState());
    REQUIRE(t.click("pay.month.0"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    CHECK(std::get<SelectPeriod>(actions[0]).index == 0);
    const Results* r = selectedResults(t.state);
    REQUIRE(r);
    int64_t sum = 0;
    for (const auto& a : r->agents) sum += a.totalFen();
    CHECK(t.label("pay.totals.total") == formatYuan(sum));
    PanelTest tabs("tabs", demoState());
    REQUIRE(tabs.click("tab.pay"));
    CHECK(tabs.ui.tab == web::ui::Tab::Pay);
}

} // namespace kefu::test

namespace kefu::test {

TEST_CASE("roster: 编辑 opens the agent's fields; saving queues UpdateAgent from the chosen month; a bad date is refused") {
    PanelTest t("roster panel", demoState());
    const Agent before = t.state.roster[0];
    REQUIRE(t.click("roster.r0.edit"));
    t.nb.frames(2, t.draw);
    CHECK(t.ui.roster.editing == before.name);
    CHECK(t.ui.roster.editGroup == before.group);
    t.ui.roster.editGroup = "售后组";
    t.ui.roster.editHire = "2024-13-01";
    t.nb.frames(1, t.draw);
    REQUIRE(t.click("roster.edit_save"));
    CHECK(t.nb.takeActions().empty());
    t.nb.frames(1, t.draw);
    CHECK(t.label("roster.edit_problem") == "日期要写成 YYYY-MM-DD，例如 2024-03-01");
    t.ui.roster.editHire = "2021-02-08";
    t.nb.frames(1, t.draw);
    REQUIRE(t.click("roster.edit_save"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto& u = std::get<UpdateAgent>(actions[0]);
    CHECK(u.name == before.name);
    CHECK(u.changed.group == "售后组");
    CHECK(u.fromPeriod == t.state.selectedPeriod);
    CHECK(t.ui.roster.editing.empty());
}

TEST_CASE("roster: 编辑 lists the agent's platform accounts; adding, choosing a platform and removing rows change the nicknames saved") {
    AppState s = demoState();
    s.roster[0].nicknames = {{"tmall", "小美家居旗舰店:小喆"}, {"", "旧账号"}};
    PanelTest t("roster panel", s);
    REQUIRE(t.click("roster.r0.edit"));
    t.nb.frames(2, t.draw);
    REQUIRE(t.ui.roster.editAccounts.size() == 2);
    CHECK(t.ui.roster.editAccounts[0].platform == 2); // 天猫
    CHECK(t.label("roster.acc0.platform") == "天猫");
    CHECK(t.label("roster.acc1.platform") == "其他平台");
    REQUIRE(t.click("roster.acc1.remove"));
    t.nb.frames(1, t.draw);
    CHECK(!t.nb.item("roster.acc1.account"));
    REQUIRE(t.click("roster.account_add"));
    t.nb.frames(1, t.draw);
    REQUIRE(t.nb.item("roster.acc1.account"));
    REQUIRE(t.click("roster.acc1.account"));
    t.nb.type("京东:小喆", t.draw);
    t.ui.roster.editAccounts[1].platform = 3; // 京东, as the combo sets it
    t.nb.frames(1, t.draw);
    REQUIRE(t.click("roster.edit_save"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto& u = std::get<UpdateAgent>(actions[0]);
    CHECK(u.changed.nicknames == std::vector<NicknameBinding>{{"tmall", "小美家居旗舰店:小喆"}, {"jd", "京东:小喆"}});
}

} // namespace kefu::test
