// The monthly report: its sections, rankings equal to the results, one chart bar per agent, one
// slip page per agent, data escaped everywhere (SVG included), English without Chinese labels.
#include <doctest/doctest.h>

#include "app_state.h"
#include "helpers.h"
#include "payroll.h"
#include "payslip.h"
#include "print_fixtures.h"
#include "report.h"
#include "text.h"

using namespace kefu::core;
using kefu::test::byName;
using kefu::test::countOf;
using kefu::test::printShop;

namespace {
// The text from `start` up to the first `end` after it (empty when absent).
std::string between(const std::string& text, const std::string& start, const std::string& end) {
    const size_t a = text.find(start);
    if (a == std::string::npos) return {};
    const size_t b = text.find(end, a + start.size());
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

bool isCjk(uint32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// The first Chinese character of the text and what surrounds it; empty when there is none.
std::string firstCjk(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
        const size_t at = i;
        if (isCjk(nextCodepoint(text, i))) return text.substr(at < 80 ? 0 : at - 80, 160);
    }
    return {};
}

void eraseAll(std::string& text, const std::string& what) {
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what)) text.erase(at, what.size());
}

Expected<std::string> reportOf(const AppState& s, Lang lang = Lang::Zh) {
    return monthlyReportHtml({.shopName = s.shopName,
                              .lang = lang,
                              .results = selectedResults(s),
                              .agents = &s.periods.back().input.agents});
}
} // namespace

TEST_CASE("report: title, summary, rankings, flags, charts, then one slip page per agent") {
    const AppState s = printShop();
    const Results* r = selectedResults(s);
    REQUIRE(r);
    REQUIRE(r->agents.size() == 4);
    auto html = reportOf(s);
    REQUIRE(html.ok());
    CHECK(html->rfind("<!doctype html>", 0) == 0);
    CHECK(html->find("<h1>小美家居 · 月度考核报告 · 2024-03</h1>") != std::string::npos);
    CHECK(html->find("考核方案：shop-default") != std::string::npos); // no scheme name given: its id
    for (const char* section : {"团队概况", "各组排名", "预警与标记", "图表"})
        CHECK(html->find("<h2>" + std::string(section) + "</h2>") != std::string::npos);
    // Print-ready: A4, the report on its own pages, then a page per slip.
    CHECK(html->find("size: A4") != std::string::npos);
    CHECK(html->find("break-after: page") != std::string::npos);
    CHECK(countOf(*html, "<section class=\"report\">") == 1);
    CHECK(countOf(*html, "<section class=\"slip\"") == r->agents.size());
    CHECK(html->find("<section class=\"report\">") < html->find("<section class=\"slip\""));
    // The summary's numbers.
    const Payroll sheet = payroll(*r);
    CHECK(html->find("<th>客服</th><td>4 人（转正 3，试用 1）</td><th>组别</th><td class=\"num\">2</td>") !=
          std::string::npos);
    CHECK(html->find("<th>实发合计（元）</th><td class=\"yuan\">" + formatYuan(sheet.totals.totalFen) + "</td>") !=
          std::string::npos);
    CHECK(html->find("<th>部门基金（元）</th><td class=\"yuan\">" + formatYuan(r->fundTotalFen) + "</td>") !=
          std::string::npos);
    CHECK(r->fundTotalFen > 0); // 李四's complaint, composite fines
    // Each slip is the pay slips' own.
    for (size_t i = 0; i < r->agents.size(); ++i) {
        const std::string slip = paySlipHtml({.shopName = s.shopName, .agents = &s.periods.back().input.agents},
                                             r->period, r->agents[i], sheet.rows[i]);
        CHECK(html->find(slip) != std::string::npos);
    }
    CHECK_FALSE(monthlyReportHtml({}).ok()); // no results: an error, not an empty page
    // No agents: a valid document without tables of agents, charts or slips.
    const Results empty;
    auto none = monthlyReportHtml({.results = &empty});
    REQUIRE(none.ok());
    CHECK(none->find("本月没有标记") != std::string::npos);
    for (const char* part : {"<svg", "<section class=\"slip\"", "<table class=\"ranking\""})
        CHECK(none->find(part) == std::string::npos);
}

TEST_CASE("report: each ranking row says what the results say, in rank order, in its group's table") {
    const AppState s = printShop();
    const Results* r = selectedResults(s);
    auto html = reportOf(s);
    REQUIRE(html.ok());
    size_t ranked = 0;
    for (const AgentResult& a : r->agents) {
        INFO(a.agent);
        const std::string table = between(*html, "<h3>" + a.group + "</h3><table class=\"ranking\">", "</table>");
        REQUIRE_FALSE(table.empty());
        const std::string row = "<tr><td class=\"num\">" + (a.rank ? std::to_string(*a.rank) : "-") + "</td><td>" +
                                a.agent + "</td><td class=\"num\">" + (a.score ? formatValue(*a.score) : "-") +
                                "</td><td class=\"yuan\">" + formatYuan(a.totalFen()) + "</td></tr>";
        CHECK(table.find(row) != std::string::npos);
        if (a.rank) ++ranked;
    }
    CHECK(ranked == 3); // 售前A组's regular agents
    const std::string presales = between(*html, "<h3>售前A组</h3><table class=\"ranking\">", "</table>");
    const AgentResult &zhang = byName(*r, "张三"), &li = byName(*r, "李四"), &zhao = byName(*r, "赵六");
    CHECK(*zhang.rank < *li.rank);
    CHECK(*li.rank < *zhao.rank);
    CHECK(presales.find("张三") < presales.find("李四"));
    CHECK(presales.find("李四") < presales.find("赵六"));
    // 王五 is outside the primary rule's scope: dashes, and a note saying why.
    CHECK(html->find("-：不在主评分规则的范围内") != std::string::npos);
}

TEST_CASE("report: a score chart per group with a bar per ranked agent, a pay chart with a bar per agent") {
    const AppState s = printShop();
    const Results* r = selectedResults(s);
    auto html = reportOf(s);
    REQUIRE(html.ok());
    CHECK(countOf(*html, "<svg class=\"chart\"") == 2); // 售后组 has no scores: no score chart
    const std::string scores = between(*html, "data-chart=\"scores:售前A组\"", "</svg>");
    const std::string money = between(*html, "data-chart=\"money\"", "</svg>");
    CHECK(countOf(scores, "<rect class=\"bar\"") == 3);
    CHECK(countOf(money, "<rect class=\"bar\"") == r->agents.size());
    for (const AgentResult& a : r->agents) {
        CHECK(money.find(">" + a.agent + "</text>") != std::string::npos);
        CHECK(money.find("class=\"value\">" + formatYuan(a.totalFen()) + "</text>") != std::string::npos);
        if (a.score) CHECK(scores.find("class=\"value\">" + formatValue(*a.score) + "</text>") != std::string::npos);
    }
    // Axis titles under the charts.
    CHECK(scores.find("class=\"axis-title\">得分</text>") != std::string::npos);
    CHECK(money.find("class=\"axis-title\">实发（元）</text>") != std::string::npos);
}

TEST_CASE("report: flags by urgency, a DSR warning with its advice, group flags with their reason") {
    const AppState s = printShop();
    const Results* r = selectedResults(s);
    auto html = reportOf(s);
    REQUIRE(html.ok());
    const std::string flags = between(*html, "<table class=\"flags\">", "</table>");
    REQUIRE_FALSE(flags.empty());
    // A row per flag, but one for an agent's missing:<metric> flags and one per group.
    size_t all = 0, rows = 0;
    for (const auto& a : r->agents) {
        const auto missing = std::count_if(a.flags.begin(), a.flags.end(),
                                           [](const std::string& f) { return f.rfind("missing:", 0) == 0; });
        all += a.flags.size();
        rows += a.flags.size() - size_t(missing) + (missing ? 1 : 0);
    }
    for (const auto& g : r->groups) all += g.flags.size(), rows += g.flags.empty() ? 0 : 1;
    CHECK(countOf(flags, "<tr class=\"") == rows);
    REQUIRE(byName(*r, "张三").hasFlag("missing:exam_score"));
    CHECK(flags.find(
              "<tr class=\"info\"><td>张三</td><td>售前A组</td><td class=\"flag\">缺数据</td><td class=\"why\">") !=
          std::string::npos);
    CHECK(between(flags, "<td>张三</td><td>售前A组</td><td class=\"flag\">缺数据</td>", "</tr>").find("、考试成绩、") !=
          std::string::npos);
    // Warnings first, then to-dos, then the rest.
    const size_t lastWarn = flags.rfind("<tr class=\"warn\""), firstInfo = flags.find("<tr class=\"info\"");
    REQUIRE(lastWarn != std::string::npos);
    REQUIRE(firstInfo != std::string::npos);
    CHECK(lastWarn < firstInfo);
    // 赵六 is weak on conversion: an ability warning with the advice for it, in its row.
    const AgentResult& zhao = byName(*r, "赵六");
    REQUIRE(zhao.hasFlag("dsr_warning:ability"));
    const std::string row =
        between(flags, "<tr class=\"warn\"><td>赵六</td><td>售前A组</td><td class=\"flag\">DSR预警：能力", "</tr>");
    CHECK(row.find("DSR 预警") != std::string::npos);
    CHECK(row.find("建议（询单转化率") != std::string::npos);
    CHECK(row.find("建议（平均响应时间") == std::string::npos); // efficiency's advice is not ability's
    // The probation verdicts with the stage reached (王五: hired 2024-01-02, 89 days).
    const AgentResult& wang = byName(*r, "王五");
    REQUIRE(wang.hasFlag("stage_fail"));
    REQUIRE(wang.hasFlag("attitude_review_needed"));
    CHECK(flags.find("<tr class=\"warn\"><td>王五</td><td>售后组</td><td class=\"flag\">阶段未通过</td><td "
                     "class=\"why\">试用阶段：2m</td>") != std::string::npos);
    CHECK(flags.find("<tr class=\"todo\"><td>王五</td><td>售后组</td><td class=\"flag\">需评定态度</td><td "
                     "class=\"why\">试用阶段：2m</td>") != std::string::npos);
    // The group's flags in one row with the reasons.
    CHECK(
        flags.find("<td>-</td><td>售前A组</td><td class=\"flag\">获胜组、提成未分配</td><td class=\"why\">获胜组：") !=
        std::string::npos);
    // The summary counts what the table lists.
    CHECK(html->find("<th>标记合计</th><td class=\"num\">" + std::to_string(all) + "</td>") != std::string::npos);
}

TEST_CASE("report: agent, group, shop and scheme names are escaped everywhere, inside the SVG too") {
    kefu::test::Period p("2024-03");
    const std::string img = "<img src=x onerror=alert(1)>", script = "<script>alert(1)</script>";
    p.agent(img, script, Status::Regular,
            {{"sales_amount", 52000},
             {"attitude_score", 92},
             {"inquiries", 400},
             {"paid_customers", 180},
             {"avg_response_s", 18},
             {"receptions", 620},
             {"working_days", 26}});
    p.agent("Bob", script, Status::Regular,
            {{"sales_amount", 30000},
             {"attitude_score", 80},
             {"inquiries", 300},
             {"paid_customers", 60},
             {"avg_response_s", 40},
             {"receptions", 300},
             {"working_days", 26}});
    p.event("Bob", "2024-03-05", "complaint", 3);
    Problems problems;
    auto scheme = loadPreset("shop-default", Catalog::builtin(), problems);
    REQUIRE(scheme.ok());
    scheme->rules[0].scope.groups.clear(); // rank every group, so the script group has a score chart
    const Results r = p.runScheme(*scheme);
    REQUIRE(byName(r, img).score);
    REQUIRE(byName(r, "Bob").hasFlag("dismissal_risk"));
    auto html = monthlyReportHtml({.shopName = "<b>店</b>", .results = &r, .schemeName = "<i>方案</i>"});
    REQUIRE(html.ok());
    for (const char* raw : {"<img", "<script", "<b>", "<i>"}) CHECK(html->find(raw) == std::string::npos);
    const std::string imgEscaped = "&lt;img src=x onerror=alert(1)&gt;", scriptEscaped = escapeHtml(script);
    CHECK(html->find("<h1>&lt;b&gt;店&lt;/b&gt; · ") != std::string::npos);
    CHECK(html->find("&lt;i&gt;方案&lt;/i&gt;") != std::string::npos);
    CHECK(html->find("<h3>" + scriptEscaped + "</h3>") != std::string::npos);    // ranking table
    CHECK(html->find("<td>" + imgEscaped + "</td>") != std::string::npos);       // ranking and flags
    CHECK(html->find("data-agent=\"" + imgEscaped + "\"") != std::string::npos); // its slip
    // In the SVG: the chart's id, the bar label (cut to fit, whole in the tooltip).
    const std::string chart = between(*html, "data-chart=\"scores:" + scriptEscaped + "\"", "</svg>");
    REQUIRE_FALSE(chart.empty());
    CHECK(chart.find("<title>" + imgEscaped + "</title>") != std::string::npos);
    CHECK(chart.find("class=\"label\">&lt;img src=x") != std::string::npos);
    CHECK(countOf(chart, "<rect class=\"bar\"") == 2);
}

TEST_CASE("report: English labels; no Chinese but the data's") {
    const AppState s = printShop();
    auto html = reportOf(s, Lang::En);
    REQUIRE(html.ok());
    CHECK(html->find("lang=\"en\"") != std::string::npos);
    for (const char* label : {"Monthly assessment report", "Team summary", "Ranking by group", "Warnings and flags",
                              "Charts", "DSR warning: ability", "Pay slip", "Total pay"})
        CHECK(html->find(label) != std::string::npos);
    std::string rest = *html;
    // Data: names, groups, the level, and the handbook's term in the scheme's English advice text.
    for (const char* data : {"小美家居", "张三", "李四", "王五", "赵六", "售前A组", "售后组", "中级", "(催付)"})
        eraseAll(rest, data);
    CHECK_MESSAGE(firstCjk(rest).empty(), firstCjk(rest));
}
