// The import screen's core: a report read into a preview (columns, matched agents, unknown
// names, problems), bound and mapped, then applied as one ImportValues step with its sources.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app_fixtures.h"
#include "import_preview.h"

using namespace kefu::core;
using kefu::test::appShop;
using kefu::test::cellValue;
using kefu::test::reopened;

namespace {
std::string readCase(const std::string& path) {
    std::ifstream f(std::string(KEFU_SOURCE_DIR) + "/tests/golden/cases/" + path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

const char* kReport = "旺旺昵称,接待人数,平均响应时长(秒),旺旺回复率,神秘列\n"
                      "店:张三,620,18,99.00%,1\n"
                      "店:陌生人,50,30,90.00%,2\n"
                      "店:李四,590,-,97.50%,3\n"
                      "汇总值,1260,24,98.00%,6\n";

std::vector<Agent> rosterWithAccounts(const AppState& s) {
    std::vector<Agent> roster = s.roster;
    roster[0].nicknames = {{"taobao", "店:张三"}};
    roster[1].nicknames = {{"taobao", "店:李四"}};
    return roster;
}
} // namespace

TEST_CASE("import preview: matched agents, unknown names listed (not dropped), summary row skipped, cell problems named") {
    AppState s = appShop();
    auto p = previewImport(kReport, "qianniu.csv", rosterWithAccounts(s), {});
    REQUIRE(p.ok());
    CHECK(p->encoding == std::string("UTF-8"));
    REQUIRE(p->input.agents.size() == 2);
    CHECK(p->input.agents[0].name == "张三");
    CHECK(p->input.agents[1].name == "李四");
    CHECK(*p->input.metrics.get(0, "reply_rate") == doctest::Approx(0.99));
    CHECK(p->agentRows[1] == std::vector<uint32_t>{4});
    REQUIRE(p->unknown.size() == 1);
    CHECK(p->unknown[0] == UnknownAgent{"店:陌生人", true, {3}});
    CHECK(p->columnMetrics == std::vector<std::string>{"", "receptions", "avg_response_s", "reply_rate", ""});
    CHECK(p->agentColumns == std::vector<bool>{true, false, false, false, false});
    bool dashNamed = false, unknownColumn = false;
    for (const auto& w : p->problems) {
        dashNamed |= w.en.find("line 4, column 3") != std::string::npos;
        unknownColumn |= w.zh.find("神秘列") != std::string::npos;
    }
    CHECK(dashNamed);
    CHECK(unknownColumn);
}

TEST_CASE("import preview: a binding and a column choice change the preview; applying is one step with sources") {
    AppState s = appShop();
    ImportChoices choices;
    choices.bindings = {{"店:陌生人", "王五"}};
    choices.headerMetrics = {{"神秘列", "complaints"}, {"平均响应时长(秒)", ""}};
    auto p = previewImport(kReport, "qianniu.csv", rosterWithAccounts(s), choices);
    REQUIRE(p.ok());
    REQUIRE(p->input.agents.size() == 3);
    CHECK(p->unknown.empty());
    CHECK(p->columnMetrics == std::vector<std::string>{"", "receptions", "", "reply_rate", "complaints"});
    for (const auto& w : p->problems) CHECK(w.zh.find("神秘列") == std::string::npos); // mapped: no warning

    ImportValues a = importAction(*p, 1, choices, "taobao");
    CHECK(a.file == "qianniu.csv");
    REQUIRE(a.bindings.size() == 1);
    CHECK(a.bindings[0].first == "王五");
    CHECK(a.bindings[0].second == NicknameBinding{"taobao", "店:陌生人"});
    REQUIRE(a.layouts.size() == 1);
    CHECK(a.layouts[0].headers == "旺旺昵称|接待人数|平均响应时长(秒)|旺旺回复率|神秘列");

    const auto undoBefore = s.undo.size();
    apply(s, a, {5000, 9});
    CHECK(s.notices.empty());
    CHECK(s.undo.size() == undoBefore + 1);
    CHECK(*cellValue(s, 1, "王五", "receptions") == 50);
    CHECK(*cellValue(s, 1, "王五", "complaints") == 2);
    CHECK(*cellValue(s, 1, "张三", "reply_rate") == doctest::Approx(0.99));
    CHECK(*cellValue(s, 1, "李四", "avg_response_s") == 25); // not imported: the month's own value stays
    CHECK(s.roster[2].nicknames == std::vector<NicknameBinding>{{"taobao", "店:陌生人"}});
    REQUIRE(s.settings.layouts.size() == 1);
    CHECK(s.record.audit.back().action == "import");

    AppState back = reopened(s);
    CHECK(back.roster[2].nicknames == s.roster[2].nicknames);
    CHECK(back.settings.layouts == s.settings.layouts);
    const auto& src = back.periods[1].sources.at(sourceKey("王五", "receptions"));
    CHECK(src == Provenance{Origin::Imported, "qianniu.csv", "", 3});
    // The next file with this header row gets the remembered choices (the screen starts from them).
    CHECK(findLayout(back.settings, layoutKey(p->headers)) != nullptr);

    // Typing over an imported value makes it typed.
    apply(s, SetMetricValue{1, "王五", "receptions", 51.0}, {6000, 10});
    CHECK(reopened(s).periods[1].sources.count(sourceKey("王五", "receptions")) == 0);

    apply(s, Undo{});
    apply(s, Undo{});
    CHECK(*cellValue(s, 1, "王五", "receptions") == 200);
    CHECK(s.roster[2].nicknames.empty());
    CHECK(s.settings.layouts.empty());
}

TEST_CASE("import preview: a closed month and an empty import are refused with a notice") {
    AppState s = appShop();
    auto p = previewImport(kReport, "qianniu.csv", rosterWithAccounts(s), {});
    REQUIRE(p.ok());
    apply(s, ClosePeriod{1, ""}, {2000, 3});
    apply(s, importAction(*p, 1, {}, ""), {3000, 4});
    REQUIRE(s.notices.size() == 1);
    CHECK(s.notices[0].zh.find("已结算") != std::string::npos);
    s.notices.clear();
    ImportValues none;
    none.period = 0;
    none.file = "empty.csv";
    apply(s, none, {3000, 4});
    REQUIRE(s.notices.size() == 1);
    CHECK(s.notices[0].en == "empty.csv: there are no values to import");
}

TEST_CASE("import preview: a LibreOffice XLSX 千牛 report and a GBK CSV") {
    std::vector<Agent> roster(3);
    roster[0].name = "李小美";
    roster[0].nicknames = {{"tmall", "小美家居:小美"}};
    roster[1].name = "王强";
    roster[1].nicknames = {{"", "小美家居:阿强"}, {"", "小美家居:阿强2"}};
    roster[2].name = "陈玥";
    auto xlsx = previewImport(readCase("xlsx-qianniu-roster/qianniu.xlsx"), "qianniu.xlsx", roster, {});
    REQUIRE(xlsx.ok());
    CHECK(!xlsx->sheets.empty());
    CHECK(xlsx->sheet == xlsx->sheets[0]);
    REQUIRE(xlsx->input.agents.size() == 2);
    CHECK(xlsx->input.agents[1].name == "王强");
    CHECK(*xlsx->input.metrics.get(1, "receptions") == 360); // two accounts summed
    CHECK(xlsx->agentRows[1].size() == 2);
    REQUIRE(xlsx->unknown.size() == 1);
    CHECK(xlsx->unknown[0].name == "小美家居:玥玥");

    std::vector<Agent> gbkRoster(2);
    gbkRoster[0].name = "张三";
    gbkRoster[1].name = "李四";
    auto gbk = previewImport(readCase("import-forms-gbk/metrics.csv"), "metrics.csv", gbkRoster, {});
    REQUIRE(gbk.ok());
    CHECK(gbk->encoding == std::string("GBK"));
    CHECK(gbk->input.agents[0].name == "张三");
    CHECK(*gbk->input.metrics.get(0, "sales_amount") == doctest::Approx(1234.5));
}

TEST_CASE("chat logs for the import screen: the shop's service hours change the metrics") {
    const std::string messages = "session_id,time,role,agent,buyer,text\n"
                                 "s1,2024-03-04 09:00:00,buyer,张三,b1,在吗\n"
                                 "s1,2024-03-04 09:00:30,agent,张三,b1,您好\n"
                                 "s2,2024-03-04 23:00:00,buyer,张三,b2,在吗\n"
                                 "s2,2024-03-04 23:05:00,agent,张三,b2,您好\n";
    CHECK(looksLikeChatMessages(messages));
    CHECK(looksLikeChatMessages("会话ID,时间,角色,客服,买家,内容\ns1,2024-03-04 09:00:00,买家,张三,b1,在吗\n"));
    CHECK_FALSE(looksLikeChatMessages("客服,时间,接待人数\n张三,2024-03,5\n"));
    CHECK_FALSE(looksLikeChatMessages(kReport));
    std::vector<std::string> warnings;
    ChatSettings all;
    auto csvAll = chatLogMetricsCsv(messages, "m.csv", "", "", all, Month{2024, 3}, warnings);
    REQUIRE(csvAll.ok());
    ChatSettings day;
    day.serviceHours = {*parseServiceHours("08:00-22:00")};
    auto csvDay = chatLogMetricsCsv(messages, "m.csv", "", "", day, Month{2024, 3}, warnings);
    REQUIRE(csvDay.ok());
    std::vector<Agent> roster(1);
    roster[0].name = "张三";
    auto pAll = previewImport(*csvAll, "m.csv", roster, {});
    auto pDay = previewImport(*csvDay, "m.csv", roster, {});
    REQUIRE(pAll.ok());
    REQUIRE(pDay.ok());
    CHECK(*pAll->input.metrics.get(0, "avg_response_s") == 165); // (30 + 300) / 2
    CHECK(*pDay->input.metrics.get(0, "avg_response_s") == 30);  // 23:00 is outside service hours
    CHECK(*pDay->input.metrics.get(0, "receptions") == 2);
    auto bad = chatLogMetricsCsv("session_id,time,role,agent,buyer\ns1,not a time,buyer,张三,b1\n", "m.csv", "", "", all,
                                 Month{2024, 3}, warnings);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("m.csv: line 2") != std::string::npos);
}
