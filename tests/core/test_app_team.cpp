// The shop's setup and its team over time: first start, groups, new months, agents leaving and
// coming back (earlier months keep their team, also after a reload), a month's events, the
// shop's own schemes, settings and the department fund; snapshot format 2 and its migration.
#include <doctest/doctest.h>

#include "app_fixtures.h"
#include "merge.h"
#include "presets.h"
#include "snapshot.h"

using namespace kefu::core;
using kefu::test::appShop;
using kefu::test::cellValue;
using kefu::test::reopened;
using kefu::test::resultOf;
using kefu::test::rosterNames;

namespace {
std::vector<std::string> teamOf(const PeriodData& p) { return rosterNames(p.input.agents); }

bool noticed(const AppState& s, const char* zhPart) {
    for (const auto& n : s.notices)
        if (n.zh.find(zhPart) != std::string::npos) return true;
    return false;
}

Event event(const char* agent, const char* date, const char* kind, const char* note = "") {
    Event e;
    e.agent = agent;
    e.date = *parseDate(date);
    e.kind = kind;
    e.note = note;
    return e;
}

std::string presetText(const char* id) {
    for (const auto& f : presetFiles())
        if (f.id == id) return std::string(f.json);
    return {};
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}
} // namespace

TEST_CASE("a blank shop starts with its name, groups, scheme and first month in one undoable step") {
    AppState s;
    apply(s, SetManagerName{"王经理"}, {1000, 1});
    apply(s, StartShop{"  ", {"售前A组"}, "", {2026, 11}}, {1001, 2});
    CHECK(noticed(s, "店铺名称"));
    CHECK(s.periods.empty());
    s.notices.clear();
    apply(s, StartShop{"小美的店", {"售前A组", " 售前A组"}, "", {2026, 11}}, {1002, 3});
    CHECK(noticed(s, "写了两次"));
    apply(s, StartShop{"小美的店", {"售前A组"}, "no-such-scheme", {2026, 11}}, {1003, 4});
    CHECK(noticed(s, "no-such-scheme"));
    REQUIRE(s.periods.empty());
    s.notices.clear();

    apply(s, StartShop{"小美的店", {"售前A组", " 售前B组 ", "", "售后组"}, "presales-rank", {2026, 11}}, {1004, 5});
    REQUIRE(s.notices.empty());
    CHECK(s.shopName == "小美的店");
    CHECK(s.groups == std::vector<std::string>{"售前A组", "售前B组", "售后组"});
    CHECK(rosterGroups(s) == s.groups);
    CHECK(s.schemeId == "presales-rank");
    REQUIRE(s.periods.size() == 1);
    CHECK(s.periods[0].month == Month{2026, 11});
    CHECK(s.selectedPeriod == 0);
    CHECK(s.record.audit.back().action == "start");
    apply(s, AddAgent{"张晓梅", "售前A组", Status::Regular, ""}, {1004, 50});
    CHECK(s.periods[0].results.agents.empty()); // nothing entered yet: no scores, no money
    apply(s, SetMetricValue{0, "张晓梅", "sales_amount", 1000.0}, {1004, 51});
    CHECK(s.periods[0].results.agents.size() == 1);
    apply(s, Undo{}, {1004, 52});
    apply(s, Undo{}, {1004, 53});

    apply(s, StartShop{"另一家", {}, "", {2026, 12}}, {1005, 6});
    CHECK(noticed(s, "已经有数据"));
    CHECK(s.shopName == "小美的店");

    AppState back = reopened(s);
    CHECK(back.notices.empty());
    CHECK(back.shopName == "小美的店");
    CHECK(back.groups == s.groups);
    CHECK(back.schemeId == "presales-rank");
    CHECK(back.periods.size() == 1);

    apply(s, Undo{}, {1006, 7});
    CHECK(s.shopName.empty());
    CHECK(s.groups.empty());
    CHECK(s.periods.empty());
}

TEST_CASE("an agent's platform accounts are edited, logged and kept after a reload") {
    AppState s = appShop();
    Agent changed = s.roster[0];
    changed.nicknames = {{"taobao", "店:张三"}, {"jd", "jd_张三"}};
    apply(s, UpdateAgent{"张三", changed, 0}, {2000, 3});
    CHECK(s.roster[0].nicknames == changed.nicknames);
    CHECK(s.record.audit.back().detail.find("店:张三 [taobao], jd_张三 [jd]") != std::string::npos);
    CHECK(reopened(s).roster[0].nicknames == changed.nicknames);
    apply(s, Undo{});
    CHECK(s.roster[0].nicknames.empty());
}

TEST_CASE("groups keep their order; a group with agents cannot be left out") {
    AppState s = appShop();
    CHECK(rosterGroups(s) == std::vector<std::string>{"售前A组", "售后组"});
    apply(s, SetGroups{{"售后组", "售前B组", "售前A组"}}, {2000, 3});
    REQUIRE(s.notices.empty());
    CHECK(rosterGroups(s) == std::vector<std::string>{"售后组", "售前B组", "售前A组"});
    apply(s, SetGroups{{"售前B组"}}, {2001, 4});
    CHECK(noticed(s, "售后组"));
    CHECK(noticed(s, "王五"));
    CHECK(s.groups.size() == 3);
    CHECK(reopened(s).groups == s.groups);
}

TEST_CASE("a new month starts empty with the team of that month") {
    AppState s = appShop();
    apply(s, AddAgent{"赵六", "售后组", Status::Probation, ""}, {2000, 3});
    Agent later = s.roster.back();
    later.hireDate = Date{2024, 5, 2};
    apply(s, UpdateAgent{"赵六", later, 0}, {2001, 4});
    apply(s, AddPeriod{{2024, 4}}, {2002, 5});
    REQUIRE(s.notices.empty());
    REQUIRE(s.periods.size() == 3);
    CHECK(s.selectedPeriod == 2);
    CHECK(teamOf(s.periods[2]) == std::vector<std::string>{"张三", "李四", "王五"}); // 赵六 not hired yet
    CHECK(!cellValue(s, 2, "张三", "sales_amount"));
    apply(s, AddPeriod{{2024, 1}}, {2003, 6});
    CHECK(s.periods[0].month == Month{2024, 1});
    CHECK(s.selectedPeriod == 0);
    apply(s, AddPeriod{{2024, 4}}, {2004, 7});
    CHECK(noticed(s, "2024-04"));
    CHECK(s.periods.size() == 4);
}

TEST_CASE("an agent leaves from a month on; earlier months keep them, also after a reload") {
    AppState s = appShop();
    apply(s, AddPeriod{{2024, 4}}, {2000, 3});
    apply(s, DeactivateAgent{"李四", 1}, {2001, 4}); // 2024-03 has 李四's values
    CHECK(noticed(s, "2024-03"));
    CHECK(rosterNames(s.roster).size() == 3);
    s.notices.clear();

    apply(s, DeactivateAgent{"李四", 2}, {2002, 5});
    REQUIRE(s.notices.empty());
    CHECK(rosterNames(s.roster) == std::vector<std::string>{"张三", "王五"});
    CHECK(rosterNames(s.inactive) == std::vector<std::string>{"李四"});
    CHECK(teamOf(s.periods[1]) == std::vector<std::string>{"张三", "李四", "王五"});
    CHECK(teamOf(s.periods[2]) == std::vector<std::string>{"张三", "王五"});
    apply(s, AddAgent{"李四", "售前A组", Status::Regular, ""}, {2003, 6});
    CHECK(noticed(s, "恢复"));
    s.notices.clear();

    AppState back = reopened(s);
    CHECK(rosterNames(back.roster) == std::vector<std::string>{"张三", "王五"});
    CHECK(rosterNames(back.inactive) == std::vector<std::string>{"李四"});
    CHECK(teamOf(back.periods[0]) == std::vector<std::string>{"张三", "李四", "王五"});
    CHECK(teamOf(back.periods[2]) == std::vector<std::string>{"张三", "王五"});
    CHECK(cellValue(back, 1, "李四", "sales_amount") == 48000.0);

    apply(s, ReactivateAgent{"李四", 2}, {2004, 7});
    REQUIRE(s.notices.empty());
    CHECK(rosterNames(s.roster) == std::vector<std::string>{"张三", "王五", "李四"});
    CHECK(teamOf(s.periods[2]) == std::vector<std::string>{"张三", "王五", "李四"});
    CHECK(s.inactive.empty());
    apply(s, Undo{}, {2005, 8});
    CHECK(rosterNames(s.inactive) == std::vector<std::string>{"李四"});
}

TEST_CASE("a move between groups from a month on keeps the earlier months' groups after a reload") {
    AppState s = appShop();
    Agent moved = s.roster[0];
    moved.group = "售后组";
    moved.status = Status::Regular;
    apply(s, UpdateAgent{"张三", moved, 1}, {2000, 3});
    REQUIRE(s.notices.empty());
    AppState back = reopened(s);
    CHECK(back.periods[0].input.agents[0].group == "售前A组");
    CHECK(back.periods[1].input.agents[0].group == "售后组");
    CHECK(back.roster[0].group == "售后组");
    // A move that every month has leaves no dated change behind.
    AppState t = appShop();
    apply(t, UpdateAgent{"张三", moved, 0}, {2000, 3});
    CHECK(findAgent(t.record, t.record.agents[0].id)->changes.empty());
}

TEST_CASE("events of a month are checked, change the results, and are kept") {
    AppState s = appShop();
    const int64_t before = resultOf(s.periods[1], "李四")->totalFen();
    apply(s, AddEvent{1, event("李四", "2024-03-12", "complaint", "差评投诉")}, {2000, 3});
    REQUIRE(s.notices.empty());
    REQUIRE(s.periods[1].input.events.size() == 1);
    CHECK(resultOf(s.periods[1], "李四")->totalFen() == before - 10000); // the first complaint: 100 yuan
    CHECK(s.record.audit.back().action == "add_event");

    apply(s, AddEvent{1, event("赵六", "2024-03-12", "complaint")}, {2001, 4});
    CHECK(noticed(s, "赵六"));
    apply(s, AddEvent{1, event("李四", "2024-04-01", "complaint")}, {2002, 5});
    CHECK(noticed(s, "2024-04-01"));
    apply(s, AddEvent{1, event("李四", "2024-03-12", "went_fishing")}, {2003, 6});
    CHECK(noticed(s, "went_fishing"));
    Event zero = event("李四", "2024-03-12", "late");
    zero.count = 0;
    apply(s, AddEvent{1, zero}, {2004, 7});
    CHECK(noticed(s, "至少为 1"));
    CHECK(s.periods[1].input.events.size() == 1);
    s.notices.clear();

    apply(s, AddEvent{1, event("张三", "2024-03-03", "check_good:polite")}, {2005, 8});
    apply(s, UpdateEvent{1, 0, event("李四", "2024-03-13", "late", "堵车")}, {2006, 9});
    REQUIRE(s.notices.empty());
    CHECK(s.periods[1].input.events[0].kind == "late");
    CHECK(resultOf(s.periods[1], "李四")->totalFen() == before);
    AppState back = reopened(s);
    REQUIRE(back.periods[1].input.events.size() == 2);
    CHECK(back.periods[1].input.events[0].note == "堵车");
    CHECK(back.periods[1].input.events[1].kind == "check_good:polite");

    apply(s, RemoveEvent{1, 1}, {2007, 10});
    CHECK(s.periods[1].input.events.size() == 1);
    apply(s, RemoveEvent{1, 5}, {2008, 11});
    CHECK(noticed(s, "没有这条事件"));
    s.notices.clear();
    apply(s, ClosePeriod{1, ""}, {2009, 12});
    apply(s, AddEvent{1, event("李四", "2024-03-12", "complaint")}, {2010, 13});
    CHECK(noticed(s, "已结算"));
}

TEST_CASE("the shop's own scheme: validated, saved, active, kept; a preset's id is refused") {
    AppState s = appShop();
    const std::string mine = replaced(replaced(presetText("presales-rank"), "\"presales-rank\"", "\"my-rank\""),
                                      "\"sales_amount\": 0.3", "\"sales_amount\": 0.5");
    const std::string bad = replaced(mine, "\"attitude_score\": 0.3", "\"attitude_score\": 0.2");
    apply(s, SaveScheme{bad, "my-rank.json"}, {2000, 3});
    CHECK(noticed(s, "my-rank.json"));
    CHECK(s.schemes.empty());
    s.notices.clear();
    apply(s, SaveScheme{presetText("presales-rank"), ""}, {2001, 4});
    CHECK(noticed(s, "预设"));
    s.notices.clear();

    const std::string fixed = replaced(mine, "\"attitude_score\": 0.3", "\"attitude_score\": 0.1");
    apply(s, SaveScheme{fixed, "my-rank.json"}, {2002, 5});
    REQUIRE(s.notices.empty());
    CHECK(s.schemeId == "my-rank");
    CHECK(schemeText(s, "my-rank") == fixed);
    Problems problems;
    auto active = activeScheme(s, problems);
    REQUIRE(active);
    CHECK(active->rules[0].params.find("weights")->find("sales_amount")->asNumber() == 0.5);
    CHECK(!s.periods[1].results.agents.empty());

    AppState back = reopened(s);
    CHECK(back.schemeId == "my-rank");
    CHECK(schemeText(back, "my-rank") == fixed);
    apply(s, SelectScheme{"shop-default"}, {2003, 6});
    apply(s, SelectScheme{"my-rank"}, {2004, 7});
    CHECK(s.schemeId == "my-rank");
    apply(s, Undo{}, {2005, 8});
    apply(s, Undo{}, {2006, 9});
    apply(s, Undo{}, {2007, 10});
    CHECK(s.schemes.empty());
}

TEST_CASE("shop settings and money formats") {
    CHECK(formatMoney(123456789, {}) == "1234567.89"); // the default: as spreadsheets export
    CHECK(formatMoney(123456789, {true, 2}) == "1,234,567.89");
    CHECK(formatMoney(-5, {}) == "-0.05");
    CHECK(formatMoney(123456, {false, 2}) == "1234.56");
    CHECK(formatMoney(123450, {true, 0}) == "1,235");
    CHECK(formatMoney(-123449, {true, 0}) == "-1,234");
    CHECK(formatMoney(-49, {true, 0}) == "0");
    AppState s = appShop();
    ShopSettings st;
    st.number.thousands = true;
    st.chat.serviceHours = {*parseServiceHours("08:00-24:00")};
    st.chat.responseCapS = 600;
    apply(s, SetSettings{st}, {2000, 3});
    REQUIRE(s.notices.empty());
    AppState back = reopened(s);
    CHECK(back.notices.empty());
    CHECK(sameSettings(back.settings, st));
    CHECK(parseShopSettings(shopSettingsJson(ShopSettings{})).ok()); // the defaults (no cap) read back
    CHECK(back.settings.chat.responseCapS == 600);
    st.number.moneyDecimals = 1;
    apply(s, SetSettings{st}, {2001, 4});
    CHECK(noticed(s, "小数位"));
    auto parsed = parseShopSettings("{\"number\": {\"money_decimals\": 3}}");
    CHECK(!parsed);
}

TEST_CASE("fund entries: added, removed as tombstones, merged between copies") {
    AppState s = appShop();
    apply(s, AddFundEntry{{"", Date{2024, 3, 20}, -30000, "团建聚餐"}}, {2000, 3});
    apply(s, AddFundEntry{{"", Date{2024, 3, 21}, 0, "x"}}, {2001, 4});
    CHECK(noticed(s, "不能为 0"));
    apply(s, AddFundEntry{{"", Date{2024, 3, 21}, 5000, " "}}, {2002, 5});
    CHECK(noticed(s, "用途"));
    REQUIRE(s.fund.size() == 1);
    CHECK(!s.fund[0].id.empty());
    s.notices.clear();

    AppState other;
    openShop(other, s.record);
    apply(other, SetManagerName{"李经理"}, {2100, 20});
    apply(other, AddFundEntry{{"", Date{2024, 3, 25}, 20000, "老板奖励"}}, {2101, 21});
    apply(s, RemoveFundEntry{s.fund[0].id}, {2003, 6});
    CHECK(s.fund.empty());
    REQUIRE(s.record.fund.size() == 1);
    CHECK(s.record.fund[0].deleted);

    auto merged = mergeShops(s.record, other.record, Prefer::None, 3000, "王经理");
    REQUIRE(merged);
    CHECK(merged->conflicts.empty());
    AppState m;
    openShop(m, merged->merged);
    REQUIRE(m.fund.size() == 1);
    CHECK(m.fund[0].note == "老板奖励");
}

TEST_CASE("snapshot format 2 keeps groups, settings and the fund; format 1 files still open") {
    AppState s = appShop();
    apply(s, SetGroups{{"售前A组", "售前B组", "售后组"}}, {2000, 3});
    apply(s, AddFundEntry{{"", Date{2024, 3, 20}, -30000, "团建"}}, {2001, 4});
    auto again = decodeSnapshot(encodeSnapshot(s.record));
    REQUIRE(again);
    CHECK(*again == s.record);
    auto old = decodeSnapshot(encodeSnapshot(s.record, 1));
    REQUIRE(old);
    CHECK(old->groups.empty());
    CHECK(old->fund.empty());
    CHECK(old->agents == s.record.agents);
    auto info = readSnapshotHeader(encodeSnapshot(s.record, 1));
    REQUIRE(info);
    CHECK(info->version == 1);
}

TEST_CASE("a month's file gives that month's status and group over the roster's (as kefu score reads it)") {
    AppState s;
    const char* roster = "客服,组别,状态,入职日期\n林小美,售前A组,转正,2023-11-20\n王喆,售前A组,转正,2023-01-05\n";
    const char* feb = "客服,组别,状态,销售额\n林小美,售前A组,试用,30000\n王喆,售前A组,,50000\n";
    const char* mar = "客服,销售额\n林小美,40000\n王喆,52000\n";
    apply(s, LoadShop{"店", {{"roster.csv", roster}, {"metrics-2024-02.csv", feb}, {"metrics-2024-03.csv", mar}}}, {1000, 1});
    REQUIRE(s.periods.size() == 2);
    CHECK(s.periods[0].input.agents[0].status == Status::Probation); // February's file says 试用
    CHECK(s.periods[0].input.agents[1].status == Status::Regular);   // an empty cell keeps the roster's
    CHECK(s.periods[1].input.agents[0].status == Status::Regular);   // March has no status column
    AppState back = reopened(s);
    CHECK(back.periods[0].input.agents[0].status == Status::Probation);
    CHECK(back.periods[1].input.agents[0].status == Status::Regular);
}
