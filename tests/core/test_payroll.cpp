// The payroll sheet: money by kind per agent, totals that add up to the fen, the fund beside it.
#include <doctest/doctest.h>

#include <numeric>

#include "app_state.h"
#include "payroll.h"

using namespace kefu::core;

TEST_CASE("payroll: every agent's money by kind, the totals row and the fund") {
    const char* metrics =
        "客服,组别,状态,销售额,服务态度,询单人数,付款人数,平均响应时间,接待人数,出勤天数\n"
        "张三,售前A组,转正,52000,92,400,180,18,620,26\n"
        "李四,售前A组,转正,48000,88,380,150,25,590,26\n"
        "王五,售后组,试用,12000,80,100,30,40,200,20\n";
    AppState s;
    apply(s, LoadShop{"店", {{"metrics-2024-03.csv", metrics}, {"events-2024-03.csv", "agent,date,kind\n王五,2024-03-10,late\n"}}});
    apply(s, SelectScheme{"shop-default"});
    const Results* r = selectedResults(s);
    REQUIRE(r);
    Payroll p = payroll(*r);
    REQUIRE(p.rows.size() == 3);
    int64_t sum = 0;
    for (size_t i = 0; i < p.rows.size(); ++i) {
        const PayRow& row = p.rows[i];
        CHECK(row.agent == r->agents[i].agent);
        CHECK(row.totalFen == r->agents[i].totalFen());
        CHECK(std::accumulate(row.fen.begin(), row.fen.end(), int64_t(0)) == row.totalFen);
        sum += row.totalFen;
    }
    CHECK(p.totals.totalFen == sum);
    CHECK(sum > 0);
    for (size_t k = 0; k < kMoneyKinds; ++k) {
        int64_t column = 0;
        for (const auto& row : p.rows) column += row.fen[k];
        CHECK(p.totals.fen[k] == column);
    }
    CHECK(p.fundFen == r->fundTotalFen);
    // A late arrival is a fine: a negative amount in the fine column.
    const PayRow& wang = p.rows[2];
    CHECK(wang.fen[size_t(MoneyKind::Fine)] <= 0);
    CHECK(payroll(Results{}).rows.empty());
}
