// The 薪资 tab's pay slips and fund ledger: 工资条 on a row and 打印全部工资条 leave a print request
// for the app (one slip, or one per agent, with the sheet's totals); the ledger shows every month's
// fines and the manager's entries with the balance, a negative one too; empty and closed states.
#include <doctest/doctest.h>

#include "fund.h"
#include "panel_test.h"
#include "payroll.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
// The pay panel on the null backend.
struct PayTest : PanelTest {
    explicit PayTest(AppState s) : PanelTest("pay panel", std::move(s)) {}
};

size_t slips(const std::string& html) {
    size_t n = 0;
    for (size_t at = html.find("<section class=\"slip\""); at != std::string::npos;
         at = html.find("<section class=\"slip\"", at + 1))
        ++n;
    return n;
}

std::vector<FundLine> ledgerOf(const AppState& s) {
    std::vector<std::pair<Month, const Results*>> months;
    for (const auto& p : s.periods) months.emplace_back(p.month, &p.results);
    return fundLedger(months, s.fund);
}
} // namespace

TEST_CASE("pay panel: 工资条 leaves one agent's slip to print, 打印全部工资条 every agent's") {
    for (AppState s : {demoState(), closedState()}) {
        PayTest t(s);
        const Payroll sheet = payroll(*selectedResults(t.state));
        REQUIRE(sheet.rows.size() > 2);
        CHECK_FALSE(t.ui.pay.print);
        REQUIRE(t.nb.click("pay.r1.slip", t.draw));
        REQUIRE(t.ui.pay.print);
        const PayRow& row = sheet.rows[1];
        CHECK(t.ui.pay.print->title.find(row.agent) != std::string::npos);
        CHECK(slips(t.ui.pay.print->html) == 1);
        CHECK(t.ui.pay.print->html.find("data-agent=\"" + row.agent + "\" data-total-fen=\"" +
                                        std::to_string(row.totalFen) + "\"") != std::string::npos);
        CHECK(t.label("pay.r1.total") == formatYuan(row.totalFen));
        CHECK(t.nb.takeActions().empty()); // printing changes nothing

        t.ui.pay.print.reset(); // as the app does once it printed
        REQUIRE(t.nb.click("pay.print_all", t.draw));
        REQUIRE(t.ui.pay.print);
        CHECK(slips(t.ui.pay.print->html) == sheet.rows.size());
        CHECK(t.ui.pay.print->title.find(t.state.shopName) != std::string::npos);
    }
}

TEST_CASE("pay panel: where the desktop app wrote the slips is said under the month") {
    PayTest t(demoState());
    CHECK_FALSE(t.nb.item("pay.printed"));
    t.ui.pay.printedTo = "/home/wang/工资条 小美家居旗舰店 2024-03.html";
    t.nb.frames(2, t.draw);
    CHECK(t.label("pay.printed").find(t.ui.pay.printedTo) != std::string::npos);
}

TEST_CASE("pay panel: the fund ledger lists the months' fines and the entries, with the balance") {
    PayTest t(demoState());
    const auto lines = ledgerOf(t.state);
    REQUIRE_FALSE(lines.empty());
    CHECK(t.label("fund.r0.who") == lines.front().agent);
    CHECK(t.label("fund.r0.balance") == formatYuan(lines.front().balanceFen));
    CHECK(t.label("fund.balance").find(formatYuan(lines.back().balanceFen)) != std::string::npos);

    // An entry spending more than the fund holds: kept, and the balance shown negative.
    AppState s = demoState();
    apply(s, AddFundEntry{FundEntry{"", Date{2024, 1, 2}, -10000000, "年会"}});
    REQUIRE(s.fund.size() == 1);
    PayTest spent(s);
    const auto after = ledgerOf(spent.state);
    REQUIRE(after.back().balanceFen < 0);
    CHECK(spent.label("fund.r0.who") == "年会");
    CHECK(spent.label("fund.r0.amount") == "-100000.00");
    CHECK(spent.label("fund.balance").find(formatYuan(after.back().balanceFen)) != std::string::npos);
}

TEST_CASE("pay panel: an empty app has no sheet and an empty ledger") {
    PayTest t(emptyState());
    CHECK(t.nb.item("pay.empty"));
    CHECK(t.nb.item("fund.empty"));
    CHECK_FALSE(t.nb.item("pay.print_all"));
    CHECK_FALSE(t.ui.pay.print);
}

TEST_CASE("pay panel: 记一笔 records a fund entry (checked first), 删除 asks and takes it out; money follows the shop's format") {
    PayTest t(demoState());
    t.ui.pay.fundAmount = "-1,200.5";
    REQUIRE(t.nb.click("fund.add", t.draw));
    CHECK(t.nb.takeActions().empty()); // no note yet
    CHECK(!t.ui.pay.fundProblem.empty());
    t.ui.pay.fundNote = "团建聚餐";
    t.ui.pay.fundDate = "2024-03-20";
    REQUIRE(t.nb.click("fund.add", t.draw));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* add = std::get_if<AddFundEntry>(&actions[0]);
    REQUIRE(add);
    CHECK(add->entry.amountFen == -120050);
    CHECK(add->entry.date == Date{2024, 3, 20});
    CHECK(add->entry.note == "团建聚餐");

    AppState spent = demoState();
    apply(spent, *add);
    ShopSettings grouped;
    grouped.number.thousands = true;
    apply(spent, SetSettings{grouped});
    PayTest after(spent);
    const Payroll sheet = payroll(*selectedResults(spent));
    CHECK(after.label("pay.totals.total") == formatMoney(sheet.totals.totalFen, grouped.number));
    CHECK(after.label("pay.totals.total").find(',') != std::string::npos);
    std::string removeId;
    const auto lines = ledgerOf(spent);
    for (size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].entryId.empty()) removeId = "fund.r" + std::to_string(i) + ".remove";
    REQUIRE(!removeId.empty());
    REQUIRE(after.nb.click(removeId.c_str(), after.draw));
    CHECK(after.nb.takeActions().empty()); // it asks first
    REQUIRE(after.nb.click("fund.remove_confirm", after.draw));
    actions = after.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* removed = std::get_if<RemoveFundEntry>(&actions[0]);
    REQUIRE(removed);
    CHECK(removed->id == spent.fund[0].id);
}

} // namespace kefu::test
