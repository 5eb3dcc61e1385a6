// The department fund ledger: fines per agent and month, manual entries, date order, running balance.
#include <doctest/doctest.h>

#include "app_state.h"
#include "fund.h"

using namespace kefu::core;

namespace {
AgentResult fined(const std::string& name, std::initializer_list<int64_t> fines) {
    AgentResult a;
    a.agent = name;
    a.money.push_back({"pay", MoneyKind::Base, 200000, {}});
    for (int64_t f : fines) a.money.push_back({"fines", MoneyKind::Fine, f, {}});
    return a;
}
Date day(const char* s) { return *parseDate(s); }
} // namespace

TEST_CASE("fund ledger: fines per agent at the month's end, entries by date, a running balance") {
    Results jan, feb;
    jan.agents = {fined("张三", {-10000, -5000}), fined("李四", {}), fined("王五", {-3000})};
    feb.agents = {fined("张三", {-2000})};
    const std::vector<FundEntry> entries = {{"e1", day("2024-02-10"), -12000, "团建聚餐"},
                                            {"e2", day("2024-01-31"), 5000, "经理存入"},
                                            {"e3", day("2024-01-05"), 1000, "上月结余"}};
    // Months in any order: the ledger sorts by date.
    const auto lines = fundLedger({{*parseMonth("2024-02"), &feb}, {*parseMonth("2024-01"), &jan}}, entries);
    REQUIRE(lines.size() == 6);
    struct Want {
        const char* date;
        const char* kind;
        const char* who;
        int64_t amount, balance;
    };
    const Want want[] = {
        {"2024-01-05", "entry", "上月结余", 1000, 1000},    {"2024-01-31", "fines", "张三", 15000, 16000},
        {"2024-01-31", "fines", "王五", 3000, 19000},       {"2024-01-31", "entry", "经理存入", 5000, 24000},
        {"2024-02-10", "entry", "团建聚餐", -12000, 12000}, {"2024-02-29", "fines", "张三", 2000, 14000}};
    for (size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i);
        CHECK(formatDate(lines[i].date) == want[i].date);
        CHECK(lines[i].kind == want[i].kind);
        CHECK((lines[i].kind == "fines" ? lines[i].agent : lines[i].note) == want[i].who);
        CHECK(lines[i].amountFen == want[i].amount);
        CHECK(lines[i].balanceFen == want[i].balance);
    }
    CHECK(formatMonth(lines[1].month) == "2024-01");
    CHECK(formatMonth(lines[4].month) == "2024-02");
    CHECK(lines[4].entryId == "e1");
    CHECK(lines[1].entryId.empty());
}

TEST_CASE("fund ledger: spending more than the balance is kept and the balance goes negative") {
    const auto lines =
        fundLedger({}, {{"a", day("2024-03-01"), 1000, "存入"}, {"b", day("2024-03-02"), -5000, "奖品"}});
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].amountFen == -5000);
    CHECK(lines[1].balanceFen == -4000);
    CHECK(fundLedger({}, {}).empty());
    CHECK(fundLedger({{*parseMonth("2024-03"), nullptr}}, {}).empty());
}

TEST_CASE("fund ledger: a month's fines lines add up to the results' fund") {
    const char* metrics = "客服,组别,状态,销售额,服务态度,询单人数,付款人数,平均响应时间,接待人数,出勤天数\n"
                          "张三,售前A组,转正,52000,92,400,180,18,620,26\n"
                          "李四,售前A组,转正,48000,88,380,150,25,590,26\n";
    const char* events =
        "agent,date,kind\n张三,2024-03-05,complaint\n张三,2024-03-09,complaint\n李四,2024-03-12,off_task\n";
    AppState s;
    apply(s, LoadShop{"店", {{"metrics-2024-03.csv", metrics}, {"events-2024-03.csv", events}}});
    apply(s, SelectScheme{"shop-default"});
    const Results* r = selectedResults(s);
    REQUIRE(r);
    REQUIRE(r->fundTotalFen > 0);
    const auto lines = fundLedger({{s.periods.back().month, r}}, {});
    REQUIRE(lines.size() >= 2);
    CHECK(lines.front().agent == "张三");
    CHECK(lines.back().balanceFen == r->fundTotalFen);
}
