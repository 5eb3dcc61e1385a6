// 导入数据 on the null backend: a report's preview (columns, unknown names, problems, values), a
// binding and a column choice, 导入 as one ImportValues action, the layout remembered for the next
// file, chat logs computed with the shop's service hours, and a closed month refused.
#include <doctest/doctest.h>

#include "i18n.h"
#include "import_stream.h"
#include "panel_test.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;
using web::ImportStreams;
namespace ui = web::ui;

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


TEST_CASE("import dialog: chat messages with other headers are read through the mapping screen and remembered") {
    PanelTest t("data import dialog (chat log, other headers)", demoState());
    // Not recognised as messages: shown as a report, with 文件类型 offered.
    CHECK(t.label("dataimport.window").find("chats.csv") != std::string::npos);
    CHECK(!t.ui.dataImport.chatLog);
    CHECK(t.label("dataimport.kind") == "平台报表（每位客服一行）");
    // 聊天记录 (what the combo sets): a row per column the reader knows, none found yet.
    t.ui.dataImport.readAs = 1;
    t.nb.frames(2, t.draw);
    CHECK(t.label("dataimport.mcol0.name") == "会话编号  (session_id)  必填");
    CHECK(t.label("dataimport.mcol0") == "（无此列）");
    CHECK(t.label("dataimport.mcol5.name") == "消息内容  (text)");
    CHECK(!t.nb.item("dataimport.apply")); // nothing to import as a report meanwhile
    t.click("dataimport.read_chat"); // disabled until the required columns are chosen
    CHECK(!t.ui.dataImport.chatLog);
    CHECK(!t.nb.item("dataimport.read_chat_error"));
    auto& cols = t.ui.dataImport.messageColumns;
    REQUIRE(cols.size() == 7);
    // A wrong choice first: the reader says what is wrong, and the dialog stays.
    cols[0].second = "对话编号";
    cols[1].second = "接待客服"; // time: not a time
    cols[2].second = "发送者类型";
    cols[3].second = "接待客服";
    t.nb.frames(1, t.draw);
    REQUIRE(t.clickAndDraw("dataimport.read_chat"));
    CHECK(!t.ui.dataImport.chatLog);
    CHECK(t.label("dataimport.read_chat_error").find("chats.csv: line 2, column 4 (接待客服): cannot read the time") != std::string::npos);
    cols[1].second = "发送时刻";
    cols[4].second = "顾客ID";
    cols[5].second = "聊天内容";
    t.nb.frames(1, t.draw);
    REQUIRE(t.clickAndDraw("dataimport.read_chat"));
    t.nb.frames(2, t.draw);
    REQUIRE(t.ui.dataImport.chatLog);
    CHECK(t.label("dataimport.window") == "导入聊天记录：chats.csv");
    CHECK(t.label("dataimport.v0.agent") == "王喆");
    CHECK(t.label("dataimport.v0.avg_response_s") == "165"); // as from the canonical file
    CHECK(t.label("dataimport.hits") == "禁用语（1 处）");     // the text column too
    REQUIRE(t.click("dataimport.apply"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto& a = std::get<ImportValues>(actions[0]);
    REQUIRE(a.layouts.size() == 1);
    CHECK(a.layouts[0].kind == "messages");
    CHECK(a.layouts[0].headers == "对话编号|发送时刻|发送者类型|接待客服|顾客ID|聊天内容");
    core::apply(t.state, actions[0]);

    // The next file with this header row is known as messages and read with those columns.
    ui::openDataImport(t.ui.dataImport, t.state, "chats-april.csv", kChatLogOtherHeaders);
    t.nb.frames(2, t.draw);
    CHECK(t.ui.dataImport.chatLog);
    CHECK(t.label("dataimport.v0.avg_response_s") == "165");
}

TEST_CASE("import dialog: an orders file whose columns are not found asks for them and is picked again") {
    PanelTest t("data import dialog (chat log)", demoState());
    const std::string head = "顾客ID,单号,下单时刻,付款时刻,成交金额\nb1,o1,2024-03-04 09:10:00,2024-03-04 09:12:00,99.5\n";
    // Read as the app reads it: the failed orders file comes back as orders (not as a new file).
    ImportStreams st;
    st.prepare(t.state.settings, t.ui.dataImport.log, {});
    int64_t id = st.begin("deals.csv", head.size());
    CHECK_FALSE(st.chunk(id, head));
    st.end(id, "");
    auto failed = st.take();
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].orders);
    CHECK(failed[0].error.find("deals.csv: line 1: no 'buyer' column") == 0);
    ui::attachOrders(t.ui.dataImport, failed[0].name, failed[0].error, false, failed[0].head);
    t.nb.frames(2, t.draw);
    CHECK(t.label("dataimport.orders_error").find("no 'buyer' column") != std::string::npos);
    CHECK(t.label("dataimport.ocol1.name") == "买家  (buyer)  必填");
    CHECK(t.label("dataimport.ocol1") == "（无此列）");
    t.click("dataimport.repick_orders"); // disabled: buyer and created are required
    CHECK(!t.ui.dataImport.pickOrders);
    auto& cols = t.ui.dataImport.orderColumns;
    cols[0].second = "单号";
    cols[1].second = "顾客ID";
    cols[3].second = "下单时刻";
    cols[4].second = "付款时刻";
    cols[5].second = "成交金额";
    t.nb.frames(1, t.draw);
    REQUIRE(t.click("dataimport.repick_orders"));
    CHECK(t.ui.dataImport.pickOrders);
    const ColumnMapping want{{"order_id", "单号"}, {"buyer", "顾客ID"}, {"created", "下单时刻"}, {"paid", "付款时刻"}, {"amount", "成交金额"}};
    CHECK(t.ui.dataImport.ordersWith == want);
    // The file read again with them (web/import_stream.cpp takes ordersWith): remembered on 导入.
    st.prepare(t.state.settings, t.ui.dataImport.log, t.ui.dataImport.ordersWith);
    id = st.begin("deals.csv", head.size());
    REQUIRE(st.chunk(id, head));
    st.end(id, "");
    auto done = st.take();
    REQUIRE(done.size() == 1);
    CHECK(done[0].error.empty());
    ui::attachOrders(t.ui.dataImport, done[0].name, done[0].error, false, done[0].head);
    t.nb.frames(2, t.draw);
    CHECK(!t.nb.item("dataimport.ocol0"));
    CHECK(t.label("dataimport.orders_file").find("deals.csv") != std::string::npos);
    CHECK(t.label("dataimport.v0.sales_amount") == "99.5");
    REQUIRE(t.click("dataimport.apply"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto& a = std::get<ImportValues>(actions[0]);
    REQUIRE(a.layouts.size() == 1);
    CHECK(a.layouts[0].kind == "orders");
    CHECK(a.layouts[0].columns == want);
}

} // namespace kefu::test
