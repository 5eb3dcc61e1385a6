// Pay slips: one slip (and page) per agent, totals equal to the payroll sheet, every text escaped,
// an unknown agent refused.
#include <doctest/doctest.h>

#include "app_state.h"
#include "payroll.h"
#include "payslip.h"

using namespace kefu::core;

namespace {
size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Three agents under shop-default, with a fine, a late arrival and a probation agent.
AppState shop() {
    const char* metrics = "客服,组别,状态,级别,销售额,服务态度,询单人数,付款人数,平均响应时间,接待人数,出勤天数\n"
                          "张三,售前A组,转正,中级,52000,92,400,180,18,620,26\n"
                          "李四,售前A组,转正,,48000,88,380,150,25,590,26\n"
                          "王五,售后组,试用,,12000,80,100,30,40,200,20\n";
    const char* events = "agent,date,kind\n王五,2024-03-10,late\n李四,2024-03-12,complaint\n";
    AppState s;
    apply(s, LoadShop{"小美家居", {{"metrics-2024-03.csv", metrics}, {"events-2024-03.csv", events}}});
    apply(s, SelectScheme{"shop-default"});
    return s;
}
} // namespace

TEST_CASE("pay slips: one page per agent, each total equal to the payroll sheet's") {
    const AppState s = shop();
    const Results* r = selectedResults(s);
    REQUIRE(r);
    const Payroll sheet = payroll(*r);
    auto html = paySlipsHtml({.shopName = s.shopName, .results = r, .agents = &s.periods.back().input.agents});
    REQUIRE(html.ok());
    CHECK(html->rfind("<!doctype html>", 0) == 0);
    CHECK(count(*html, "<section class=\"slip\"") == 3);
    CHECK(html->find("page-break-after: always") != std::string::npos);
    CHECK(html->find("@media print") != std::string::npos);
    CHECK(html->find("2024-03") != std::string::npos);
    CHECK(count(*html, "本人签字") == 3);
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
    CHECK(count(*one, "<section class=\"slip\"") == 1);
    CHECK(one->find("data-total-fen=\"" + std::to_string(li.totalFen) + "\"") != std::string::npos);
    CHECK(one->find("张三") == std::string::npos);
    for (const auto& m : r->agents[1].money) CHECK(one->find(escapeHtml(m.why.format(Lang::Zh))) != std::string::npos);
    CHECK(count(*one, "<tr>") >= r->agents[1].money.size());
}

TEST_CASE("pay slips: English labels") {
    const AppState s = shop();
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
    const AppState s = shop();
    auto html = paySlipsHtml({.results = selectedResults(s), .agent = "赵六"});
    REQUIRE_FALSE(html.ok());
    CHECK(html.error().find("赵六") != std::string::npos);
    CHECK_FALSE(paySlipsHtml({.agent = "张三"}).ok());
    // No agents at all: a valid document without slips.
    Results empty;
    auto none = paySlipsHtml({.results = &empty});
    REQUIRE(none.ok());
    CHECK(count(*none, "<section class=\"slip\"") == 0);
}
