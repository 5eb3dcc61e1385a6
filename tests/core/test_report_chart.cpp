// Bar charts as SVG: a bar per item from zero (negative ones to the left, in red), the value
// beside it, ticks at round numbers with zero among them, long labels cut at a character
// boundary with the whole label as a tooltip, every text escaped.
#include <doctest/doctest.h>

#include "print_fixtures.h"
#include "charts_svg.h"
#include "report.h"
#include "report_chart.h"
#include "text.h"

using namespace kefu::core;
using kefu::test::countOf;

namespace {
// The number of attribute `name` in the k-th element starting with `tag`.
double attribute(const std::string& svg, const std::string& tag, size_t k, const std::string& name) {
    size_t at = svg.find(tag);
    for (size_t i = 0; i < k; ++i) at = svg.find(tag, at + 1);
    REQUIRE(at != std::string::npos);
    const size_t v = svg.find(" " + name + "=\"", at) + name.size() + 3;
    return std::stod(svg.substr(v, svg.find('"', v) - v));
}
} // namespace

TEST_CASE("bar chart: a bar per item from zero, negative bars to the left in red, values written") {
    BarChart c{.id = "t",
               .axisTitle = "Score",
               .colour = "#123456",
               .bars = {{"A", 2, "2"}, {"B", 1, "1.0"}, {"C", -1, "-1"}}};
    const std::string svg = barChartSvg(c);
    CHECK(svg.rfind("<svg class=\"chart\" data-chart=\"t\"", 0) == 0);
    CHECK(countOf(svg, "<rect class=\"bar\"") == 3);
    const double zeroA = attribute(svg, "<rect class=\"bar\"", 0, "x"),
                 widthA = attribute(svg, "<rect class=\"bar\"", 0, "width");
    const double widthB = attribute(svg, "<rect class=\"bar\"", 1, "width");
    const double xC = attribute(svg, "<rect class=\"bar\"", 2, "x"),
                 widthC = attribute(svg, "<rect class=\"bar\"", 2, "width");
    CHECK(widthA == doctest::Approx(2 * widthB).epsilon(0.01)); // coordinates are rounded to 0.1;
    CHECK(widthC == doctest::Approx(widthB).epsilon(0.01));
    CHECK(xC + widthC == doctest::Approx(zeroA).epsilon(0.01)); // ends at zero
    CHECK(countOf(svg, "fill=\"#123456\"") == 2);
    CHECK(countOf(svg, "fill=\"#c0392b\"") == 1);
    for (const char* v : {">2</text>", ">1.0</text>", ">-1</text>", "class=\"axis-title\">Score</text>"})
        CHECK(svg.find(v) != std::string::npos);
    // Ticks from -1 to 2 at round steps, zero included.
    for (const char* t : {"class=\"tick\">-1</text>", "class=\"tick\">0</text>", "class=\"tick\">2</text>"})
        CHECK(svg.find(t) != std::string::npos);
}

TEST_CASE("bar chart: equal or zero values, no bars") {
    CHECK(barChartSvg({.id = "none", .axisTitle = "x", .colour = "#000", .bars = {}}).empty());
    const std::string zeros =
        barChartSvg({.id = "z", .axisTitle = "x", .colour = "#000", .bars = {{"A", 0, "0"}, {"B", 0, "0"}}});
    CHECK(countOf(zeros, "<rect class=\"bar\"") == 2);
    CHECK(zeros.find("width=\"0\"") != std::string::npos);
    CHECK(zeros.find("nan") == std::string::npos);
    CHECK(zeros.find("inf") == std::string::npos);
}

TEST_CASE("bar chart: long labels cut at a character, whole in the tooltip; texts escaped") {
    const std::string longName = "客服一二三四五六七八九十甲乙丙丁戊己庚辛";
    const std::string svg = barChartSvg(
        {.id = "a\"b", .axisTitle = "<t>", .colour = "#000", .bars = {{longName, 1, "1"}, {"Al & Bo", 2, "<2>"}}});
    CHECK(svg.find("<title>" + longName + "</title>") != std::string::npos);
    const size_t label = svg.find("class=\"label\">") + 14;
    const std::string shown = svg.substr(label, svg.find("</text>", label) - label);
    CHECK(shown.size() < longName.size());
    CHECK(shown.substr(shown.size() - 3) == "…");
    CHECK(isValidUtf8(shown));
    CHECK(longName.rfind(shown.substr(0, shown.size() - 3), 0) == 0);
    CHECK(countOf(svg, "<title>") == 1); // "Al & Bo" fits
    CHECK(svg.find("data-chart=\"a&quot;b\"") != std::string::npos);
    CHECK(svg.find("&lt;t&gt;") != std::string::npos);
    CHECK(svg.find(">Al &amp; Bo</text>") != std::string::npos);
    CHECK(svg.find(">&lt;2&gt;</text>") != std::string::npos);
}

TEST_CASE("bar chart: a long chart is several SVGs, each fitting a page, on one scale") {
    BarChart c{.id = "many", .axisTitle = "x", .colour = "#000", .bars = {}};
    for (int i = 0; i < 65; ++i) c.bars.push_back({"a" + std::to_string(i), double(i), std::to_string(i)});
    const std::string svg = barChartSvg(c);
    CHECK(countOf(svg, "<svg class=\"chart\" data-chart=\"many\"") == 3);
    CHECK(countOf(svg, "<rect class=\"bar\"") == 65);
    CHECK(countOf(svg, "class=\"tick\">60</text>") == 3); // the same ticks under each part
    // Bar 31 (value 30) in the second part is as long as it would be in the first.
    CHECK(attribute(svg, "<rect class=\"bar\"", 30, "width") ==
          doctest::Approx(30 * attribute(svg, "<rect class=\"bar\"", 1, "width")).epsilon(0.01));
    CHECK(svg.find(">a64</text>") != std::string::npos);
}

// The analysis charts of core/charts_svg.h: lines of a trend, the radar's geometry, histogram
// columns, and the report's 分析图表 part built from core/charts.h's data.
namespace {
// The k-th "x,y" pair of the points of the polygon whose class is `cls`.
std::pair<double, double> vertex(const std::string& svg, const std::string& cls, size_t k) {
    size_t at = svg.find("<polygon class=\"" + cls + "\" points=\"");
    REQUIRE(at != std::string::npos);
    at = svg.find("points=\"", at) + 8;
    for (size_t i = 0; i < k; ++i) at = svg.find(' ', at) + 1;
    const size_t comma = svg.find(',', at);
    return {std::stod(svg.substr(at, comma - at)), std::stod(svg.substr(comma + 1))};
}
} // namespace

TEST_CASE("analysis charts: a trend draws a line per series, gaps break it, names escaped") {
    TrendChart t{.metric = "sales_amount", .title = {"销售额：各月趋势", "Sales: trend by month"},
                 .months = {"2024-01", "2024-02", "2024-03"}, .series = {}};
    t.series.push_back({"A&B组", true, "A&B组", {1000.0, std::nullopt, 3000.0}});
    t.series.push_back({"<张三>", false, "A&B组", {500.0, 800.0, 900.0}});
    const std::string groups = trendSvg(t, Lang::Zh, true);
    CHECK(groups.rfind("<svg class=\"chart\" data-chart=\"trend:sales_amount\"", 0) == 0);
    CHECK(countOf(groups, "<g class=\"series\"") == 1);
    CHECK(countOf(groups, "<circle class=\"point\"") == 2);
    CHECK(countOf(groups, " M") == 2); // the missing February starts the line again
    CHECK(groups.find("A&amp;B组") != std::string::npos);
    CHECK(groups.find("aria-label=\"销售额：各月趋势\"") != std::string::npos);
    const std::string all = trendSvg(t, Lang::En, false);
    CHECK(countOf(all, "<g class=\"series\"") == 2);
    CHECK(all.find("&lt;张三&gt;") != std::string::npos);
    CHECK(all.find("<张三>") == std::string::npos);
    CHECK(all.find("aria-label=\"Sales: trend by month\"") != std::string::npos);
    CHECK(trendSvg({.metric = "x", .title = {}, .months = {}, .series = {}}, Lang::Zh, false).empty());
}

TEST_CASE("analysis charts: the radar puts each value at its position from the centre") {
    RadarChart r{.agent = "张三", .group = "售前A组", .month = "2024-03", .title = {"张三", "张三"}, .axes = {}};
    for (const char* m : {"sales_amount", "avg_response_s", "conversion_rate"})
        r.axes.push_back({.metric = m, .label = chartMetricLabel(m), .direction = metricDirection(m), .agent = 1.0,
                          .group = 1.0, .benchmark = std::nullopt, .lo = 0, .hi = 2, .agentR = 1.0, .groupR = 0.5,
                          .benchmarkR = std::nullopt});
    r.axes[1].benchmark = 20, r.axes[1].benchmarkR = 0.25;
    const std::string svg = radarSvg(r, Lang::Zh);
    CHECK(svg.rfind("<svg class=\"chart\" data-chart=\"radar:张三\"", 0) == 0);
    // The first axis points up from the centre (320, 170), radius 120.
    CHECK(vertex(svg, "agent", 0).first == doctest::Approx(320));
    CHECK(vertex(svg, "agent", 0).second == doctest::Approx(50));
    CHECK(vertex(svg, "group", 0).second == doctest::Approx(110));
    CHECK(countOf(svg, "<rect class=\"benchmark\"") == 1);
    CHECK(svg.find(">销售额 1</text>") != std::string::npos);
    CHECK(svg.find(">基准</text>") != std::string::npos);
    CHECK(radarSvg(r, Lang::En).find(">Benchmark</text>") != std::string::npos);
    r.axes.pop_back();
    CHECK(radarSvg(r, Lang::En).find("fewer than 3 metrics") != std::string::npos);
}

TEST_CASE("analysis charts: a histogram column per bin with its count") {
    Histogram h = histogramOf({{"a", 1}, {"b", 2}, {"c", 2}, {"d", 3}, {"e", 10}});
    h.metric = "avg_response_s", h.title = {"分布", "Distribution"};
    const std::string svg = histogramSvg(h, Lang::Zh);
    CHECK(countOf(svg, "<rect class=\"bar\"") == 2);
    CHECK(svg.find("class=\"value\">4</text>") != std::string::npos);
    CHECK(svg.find("class=\"value\">1</text>") != std::string::npos);
    CHECK(svg.find("<title>a、b、c、d</title>") != std::string::npos);
    CHECK(svg.find(">0–5</text>") != std::string::npos);
    CHECK(histogramSvg(histogramOf({}), Lang::Zh).empty());
}

TEST_CASE("analysis charts: the monthly report carries trends, group means, distributions and radars") {
    AppState s = kefu::test::printShop();
    apply(s, AddAgent{"<b>阿&\"</b>", "售前A组"});
    for (const char* m : {"sales_amount", "attitude_score", "avg_response_s"})
        apply(s, SetMetricValue{0, "<b>阿&\"</b>", m, 30.0});
    const ChartSource charts = chartSource(s);
    for (Lang lang : {Lang::Zh, Lang::En}) {
        auto html = monthlyReportHtml({.shopName = "小美家居", .month = "", .lang = lang, .results = selectedResults(s),
                                       .agents = nullptr, .schemeName = "", .coaching = nullptr, .charts = &charts});
        REQUIRE(html);
        // shop-default's first directional metrics with values: the rank weights.
        for (const char* m : {"sales_amount", "attitude_score", "conversion_rate", "avg_response_s"}) {
            INFO(m);
            CHECK(countOf(*html, std::string("data-chart=\"trend:") + m + "\"") == 1);
            CHECK(countOf(*html, std::string("data-chart=\"groups:") + m + "\"") == 1);
            CHECK(countOf(*html, std::string("data-chart=\"histogram:") + m + "\"") == 1);
        }
        CHECK(countOf(*html, "data-chart=\"radar:") == 5); // every agent of the month
        CHECK(html->find("data-chart=\"radar:&lt;b&gt;阿&amp;&quot;&lt;/b&gt;\"") != std::string::npos);
        CHECK(html->find("<b>阿") == std::string::npos);
        CHECK(html->find(lang == Lang::Zh ? "<h2>分析图表</h2>" : "<h2>Analysis charts</h2>") != std::string::npos);
        CHECK(html->find(".analysis .radar-card") != std::string::npos);
    }
    auto plain = monthlyReportHtml({.shopName = "", .month = "", .lang = Lang::Zh, .results = selectedResults(s),
                                    .agents = nullptr, .schemeName = "", .coaching = nullptr, .charts = nullptr});
    REQUIRE(plain);
    CHECK(plain->find("data-chart=\"trend:") == std::string::npos);
}
