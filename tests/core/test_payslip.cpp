// Pay slips: one slip (and page) per agent, totals equal to the payroll sheet, every text escaped,
// an unknown agent refused.
#include <doctest/doctest.h>

#include "app_state.h"
#include "payroll.h"
#include "payslip.h"
#include "print_fixtures.h"

using namespace kefu::core;
using kefu::test::countOf;
using kefu::test::printShop;

TEST_CASE("pay slips: one page per agent, each total equal to the payroll sheet's") {
    const AppState s = printShop();
    const Results* r = selectedResults(s);
    REQUIRE(r);
    const Payroll sheet = payroll(*r);
    auto html = paySlipsHtml({.shopName = s.shopName, .results = r, .agents = &s.periods.back().input.agents});
    REQUIRE(html.ok());
    CHECK(html->rfind("<!doctype html>", 0) == 0);
    CHECK(countOf(*html, "<section class=\"slip\"") == 4);
    CHECK(html->find("page-break-after: always") != std::string::npos);
    CHECK(html->find("@media print") != std::string::npos);
    CHECK(html->find("2024-03") != std::string::npos);
    CHECK(countOf(*html, "本人签字") == 4);
    for (const PayRow& row : sheet.rows) {
        CHECK(html->find("data-agent=\"" + row.agent + "\" data-total-fen=\"" + std::to_string(row.totalFen) + "\"") !=
              std::string::npos);
        CHECK(html->find(formatYuan(row.totalFen)) != std::string::npos);
    }
    CHECK(html->find("<th>级别</th><td>中级</td>") != std::string::npos);  // 张三's level is known
    CHECK(html->find("<td colspan=\"3\">试用</td>") != std::string::npos); // 王五: no level
    CHECK(html->find("罚款") != std::string::npos);
    CHECK(html->find("保底补足") != std::string::npos);

    // One agent: one slip, the sheet's total, the money lines with their explanations.
    const PayRow& li = sheet.rows[1];
    auto one = paySlipsHtml({.shopName = s.shopName, .results = r, .agent = "李四"});
    REQUIRE(one.ok());
    CHECK(countOf(*one, "<section class=\"slip\"") == 1);
    CHECK(one->find("data-total-fen=\"" + std::to_string(li.totalFen) + "\"") != std::string::npos);
    CHECK(one->find("张三") == std::string::npos);
    for (const auto& m : r->agents[1].money) CHECK(one->find(escapeHtml(m.why.format(Lang::Zh))) != std::string::npos);
    CHECK(countOf(*one, "<tr>") >= r->agents[1].money.size());
}

TEST_CASE("pay slips: English labels") {
    const AppState s = printShop();
    auto html = paySlipsHtml({.shopName = "Shop", .month = "2024-03", .lang = Lang::En, .results = selectedResults(s)});
    REQUIRE(html.ok());
    CHECK(html->find("lang=\"en\"") != std::string::npos);
    for (const char* label : {"Pay slip", "Total pay", "Signature", "Guarantee top-up", "Regular", "Probation"})
        CHECK(html->find(label) != std::string::npos);
    CHECK(html->find("实发合计") == std::string::npos);
}

TEST_CASE("pay slips: names, groups, the shop and explanations are escaped") {
    static const Msg kNote{"说明 {0}", "note {0}"};
    Results r;
    r.period = "2024-03";
    AgentResult a;
    a.agent = "<script>alert(\"x\")</script>";
    a.group = "A&B组";
    a.money.push_back({"r'1", MoneyKind::Fine, -10000, Why{&kNote, {IStr("<img src=x onerror=y>")}}});
    r.agents.push_back(a);
    auto html = paySlipsHtml({.shopName = "<b>店</b>", .results = &r});
    REQUIRE(html.ok());
    CHECK(html->find("<script") == std::string::npos);
    CHECK(html->find("<img") == std::string::npos);
    CHECK(html->find("<b>") == std::string::npos);
    CHECK(html->find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(html->find("A&amp;B组") != std::string::npos);
    CHECK(html->find("r&#39;1") != std::string::npos);
    CHECK(html->find("说明 &lt;img src=x onerror=y&gt;") != std::string::npos);
    CHECK(html->find("-100.00") != std::string::npos);
    CHECK(escapeHtml("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST_CASE("pay slips: an unknown agent or no results is an error, not an empty page") {
    const AppState s = printShop();
    auto html = paySlipsHtml({.results = selectedResults(s), .agent = "孙七"});
    REQUIRE_FALSE(html.ok());
    CHECK(html.error().find("孙七") != std::string::npos);
    CHECK_FALSE(paySlipsHtml({.agent = "张三"}).ok());
    // No agents at all: a valid document without slips.
    Results empty;
    auto none = paySlipsHtml({.results = &empty});
    REQUIRE(none.ok());
    CHECK(countOf(*none, "<section class=\"slip\"") == 0);
}
