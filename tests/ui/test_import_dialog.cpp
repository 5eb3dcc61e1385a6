// 导入数据 on the null backend: a report's preview (columns, unknown names, problems, values), a
// binding and a column choice, 导入 as one ImportValues action, the layout remembered for the next
// file, chat logs computed with the shop's service hours, and a closed month refused.
#include <doctest/doctest.h>

#include "i18n.h"
#include "panel_test.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
const Agent* agentNamed(const AppState& s, const std::string& name) {
    for (const auto& a : s.roster)
        if (a.name == name) return &a;
    return nullptr;
}
} // namespace

TEST_CASE("import dialog: a report is previewed; 导入 queues the matched agents' values, nothing for unknown names") {
    PanelTest t("data import dialog (report)", demoState());
    CHECK(t.label("dataimport.window").find("qianniu.csv") != std::string::npos);
    CHECK(t.label("dataimport.encoding") == "文件编码：UTF-8");
    CHECK(!t.nb.item("dataimport.col1")); // every column recognised: the mapping starts closed
    REQUIRE(t.clickAndDraw("dataimport.columns"));
    CHECK(t.label("dataimport.col0.agent") == "客服信息列");
    CHECK(t.label("dataimport.col1").find("(receptions)") != std::string::npos);
    CHECK(t.label("dataimport.col3").find("(reply_rate)") != std::string::npos);
    CHECK(t.label("dataimport.bind0.name") == "小美家居旗舰店:新人  （第 3 行）");
    CHECK(t.label("dataimport.bind0") == "不导入");
    CHECK(t.label("dataimport.v0.agent") == "王喆");
    CHECK(t.label("dataimport.v0.reply_rate") == "98.5%");
    CHECK(!t.nb.item("dataimport.v1.agent")); // the unknown row is not among the values
    CHECK(t.label("dataimport.problem0").find("第 3 行第 3 列") != std::string::npos);
    CHECK(t.label("dataimport.summary") == "将导入 1 位客服的 3 个数值到 2024-03（可撤销）");
    REQUIRE(t.click("dataimport.apply"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto& a = std::get<ImportValues>(actions[0]);
    CHECK(a.period == t.state.selectedPeriod);
    CHECK(a.file == "qianniu.csv");
    CHECK(a.values.size() == 3);
    CHECK(a.bindings.empty());
    CHECK(!t.ui.dataImport.open);
}

TEST_CASE("import dialog: binding a name to an agent and mapping a column change what 导入 does; the mapping comes back next time") {
    PanelTest t("data import dialog (report)", demoState());
    // What the 绑定到 and 导入为 combos set.
    t.ui.dataImport.choices.bindings = {{"小美家居旗舰店:新人", "刘思雨"}};
    t.ui.dataImport.platform = 2; // 天猫
    t.ui.dataImport.choices.headerMetrics = {{"平均响应时长(秒)", ""}};
    t.ui.dataImport.dirty = true;
    t.nb.frames(2, t.draw);
    CHECK(t.label("dataimport.bind0.name") == "小美家居旗舰店:新人");
    CHECK(t.label("dataimport.bind0") == "刘思雨");
    CHECK(t.label("dataimport.col2") == "不导入");
    CHECK(t.label("dataimport.v1.agent") == "刘思雨");
    CHECK(t.label("dataimport.summary") == "将导入 2 位客服的 4 个数值到 2024-03（可撤销）");
    REQUIRE(t.click("dataimport.apply"));
    t.state.notices.clear(); // the demo's own load warnings
    t.applyActions();
    CHECK(t.state.notices.empty());
    const Agent* liu = agentNamed(t.state, "刘思雨");
    REQUIRE(liu);
    CHECK(liu->nicknames.back() == NicknameBinding{"tmall", "小美家居旗舰店:新人"});
    CHECK(t.state.record.audit.back().action == "import");

    // The same file again: the binding is an account now, and the column choice is remembered.
    openDataImport(t.ui.dataImport, t.state, "qianniu-2.csv", kReportFile);
    t.nb.frames(2, t.draw);
    CHECK(!t.nb.item("dataimport.bind0.name"));
    CHECK(t.label("dataimport.col2") == "不导入");
    CHECK(t.label("dataimport.summary") == "将导入 2 位客服的 4 个数值到 2024-03（可撤销）");
}

TEST_CASE("import dialog: chat logs are computed with the shop's service hours; unknown agents are listed") {
    AppState s = demoState();
    ShopSettings settings = s.settings;
    settings.chat.serviceHours = {*parseServiceHours("08:00-22:00")};
    apply(s, SetSettings{settings});
    PanelTest t("data import dialog (chat log)", s);
    CHECK(t.label("dataimport.window") == "导入聊天记录：messages.csv");
    CHECK(t.label("dataimport.chat_used").find("服务时间 08:00-22:00") != std::string::npos);
    CHECK(t.label("dataimport.bind0.name") == "小新  （第 3 行）");
    CHECK(t.label("dataimport.v0.agent") == "王喆");
    CHECK(t.label("dataimport.v0.avg_response_s") == "30"); // the 23:00 block is outside service hours
    // All day (changed in 设置 while the dialog is open): both blocks count.
    settings.chat.serviceHours.clear();
    apply(t.state, SetSettings{settings});
    t.nb.frames(2, t.draw);
    CHECK(t.label("dataimport.v0.avg_response_s") == "165");
    REQUIRE(t.click("dataimport.pick_orders"));
    CHECK(t.ui.dataImport.pickOrders);
}

TEST_CASE("import dialog: chat logs list the forbidden-phrase hits; 查看上下文 shows the session around one") {
    PanelTest t("data import dialog (chat log)", demoState());
    CHECK(t.label("dataimport.hits") == "禁用语（1 处）");
    CHECK(!t.nb.item("dataimport.hit0")); // the list starts closed
    REQUIRE(t.clickAndDraw("dataimport.hits"));
    CHECK(t.label("dataimport.hit0") == "王喆  2024-03-04 23:05:00  “我不能”  第 5 行");
    REQUIRE(t.clickAndDraw("dataimport.hit0.open"));
    CHECK(t.ui.dataImport.context.hit == 0);
    CHECK(t.label("dataimport.ctx0") == "第 4 行  2024-03-04 23:00:00  buyer 王喆：在吗");
    CHECK(t.label("dataimport.ctx1") == "第 5 行  2024-03-04 23:05:00  agent 王喆：您好，地址我不能改, 抱歉");
    CHECK(!t.nb.item("dataimport.ctx2")); // the other sessions are not shown
    CHECK(t.nb.takeActions().empty());
}

TEST_CASE("import dialog: a closed month takes no import; a file that cannot be read says where") {
    AppState s = closedState();
    PanelTest t("data import dialog (report)", s);
    CHECK(t.label("dataimport.summary").find("已结算") != std::string::npos);
    CHECK(t.click("dataimport.apply"));
    CHECK(t.nb.takeActions().empty());
    openDataImport(t.ui.dataImport, t.state, "bad.csv", "客服,接待人数\n张三,\"5\n");
    t.nb.frames(2, t.draw);
    CHECK(t.label("dataimport.error").find("bad.csv") != std::string::npos);
    CHECK(!t.nb.item("dataimport.apply"));
}

} // namespace kefu::test
