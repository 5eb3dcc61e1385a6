// Bar charts as SVG: a bar per item from zero (negative ones to the left, in red), the value
// beside it, ticks at round numbers with zero among them, long labels cut at a character
// boundary with the whole label as a tooltip, every text escaped.
#include <doctest/doctest.h>

#include "print_fixtures.h"
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
