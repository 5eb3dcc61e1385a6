// Horizontal bar charts as inline SVG for printed documents: one row per item, its label on the
// left, the bar from zero, the value written beside the bar, a value axis with ticks and a title.
// Every text is plain text and escaped here, so data (agent names) can go in as it is.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kefu::core {

struct ChartBar {
    std::string label;     // e.g. an agent's name
    double value = 0;      // bar length; may be negative (drawn left of zero)
    std::string valueText; // written beside the bar ("1.7", "1900.00")
};

struct BarChart {
    std::string id;        // data-chart attribute, for tests and styling
    std::string axisTitle; // under the value axis ("Score", "Total pay (yuan)")
    std::string colour;    // of positive bars, e.g. "#3f7fd0"; negative bars are red
    std::vector<ChartBar> bars;
};

// An <svg class="chart"> element with one <rect class="bar"> per bar; nothing for no bars. More
// than 30 bars make several such elements (each fits a printed page) on one scale.
std::string barChartSvg(const BarChart& chart);

// SVG pieces shared by the document charts (report_chart.cpp, charts_svg.cpp): a coordinate to
// one decimal, an escaped <text>, a <line>.
namespace svg {
std::string num(double v);
std::string text(double x, double y, const char* anchor, const char* cls, std::string_view content);
std::string line(double x1, double y1, double x2, double y2, const char* cls);
} // namespace svg

} // namespace kefu::core
