// Bar charts as SVG (report_chart.h). Sizes are in SVG units of a 640-wide view box that the page
// scales to its width; text sizes assume that scale (about 0.27 mm a unit on A4).
#include "report_chart.h"

#include <algorithm>
#include <cmath>

#include "explain.h"
#include "html.h"
#include "text.h"

namespace kefu::core {

namespace {
constexpr double kWidth = 640, kRow = 22, kBar = 14, kTop = 6, kAxisRoom = 40, kValueRoom = 76;
constexpr double kMinLabel = 40, kMaxLabel = 160;
// Bars per <svg>: 30 rows are about 200 mm high at A4 width. An SVG is not split across printed
// pages, so a longer chart is several, on one scale.
constexpr size_t kMaxBars = 30;

// Approximate width at 12 units: wide (CJK) characters 12, others 7. Good enough to size the
// label column; SVG has no text measuring without a browser.
double charWidth(uint32_t c) { return c >= 0x1100 ? 12 : 7; }

double textWidth(std::string_view s) {
    double w = 0;
    for (size_t i = 0; i < s.size();) w += charWidth(nextCodepoint(s, i));
    return w;
}

// The text cut to `room` with an ellipsis, at a character boundary.
std::string fitText(const std::string& s, double room) {
    if (textWidth(s) <= room) return s;
    double w = charWidth(0x2026);
    size_t i = 0, end = 0;
    while (i < s.size()) {
        w += charWidth(nextCodepoint(s, i));
        if (w > room) break;
        end = i;
    }
    return s.substr(0, end) + "…";
}

struct Axis {
    double lo, hi, step;
    double x0, x1; // plot area
    double x(double v) const { return x0 + (v - lo) / (hi - lo) * (x1 - x0); }
};

// Zero always on the axis; ticks at 1, 2 or 5 times a power of ten, at most about five.
Axis valueAxis(const std::vector<ChartBar>& bars, double x0) {
    double lo = 0, hi = 0;
    for (const auto& b : bars) lo = std::min(lo, b.value), hi = std::max(hi, b.value);
    if (hi - lo <= 0) hi = lo + 1;
    const double raw = (hi - lo) / 5, power = std::pow(10, std::floor(std::log10(raw)));
    double step = 10 * power;
    for (double m : {1.0, 2.0, 5.0})
        if (m * power >= raw) {
            step = m * power;
            break;
        }
    return {std::floor(lo / step) * step, std::ceil(hi / step) * step, step, x0, kWidth - kValueRoom};
}

using svg::line;
using svg::num;
using svg::text;

// Grid lines and tick labels, the axis lines, the axis title.
std::string drawAxis(const Axis& a, double bottom, const std::string& title) {
    std::string out;
    for (double t = a.lo; t <= a.hi + a.step / 2; t += a.step) {
        out += line(a.x(t), kTop, a.x(t), bottom, "grid");
        out += text(a.x(t), bottom + 14, "middle", "tick", formatValue(t));
    }
    out += line(a.x0, bottom, a.x1, bottom, "axis") + line(a.x(0), kTop, a.x(0), bottom, "axis");
    return out + text((a.x0 + a.x1) / 2, bottom + 32, "middle", "axis-title", title);
}

std::string drawBar(const Axis& a, const ChartBar& b, double top, double labelRoom, const std::string& colour) {
    const double zero = a.x(0), end = a.x(b.value), mid = top + kRow / 2 + 4;
    const std::string shown = fitText(b.label, labelRoom);
    std::string out = "<g>";
    // The whole name as a tooltip when it had to be cut.
    if (shown != b.label) out += "<title>" + escapeHtml(b.label) + "</title>";
    out += text(a.x0 - 6, mid, "end", "label", shown);
    out += "<rect class=\"bar\" x=\"" + num(std::min(zero, end)) + "\" y=\"" + num(top + (kRow - kBar) / 2) +
           "\" width=\"" + num(std::abs(end - zero)) + "\" height=\"" + num(kBar) + "\" fill=\"" +
           escapeHtml(b.value < 0 ? "#c0392b" : colour) + "\"/>";
    return out + text(std::max(zero, end) + 4, mid, "start", "value", b.valueText) + "</g>";
}
} // namespace

std::string barChartSvg(const BarChart& c) {
    double labelRoom = kMinLabel;
    for (const auto& b : c.bars) labelRoom = std::max(labelRoom, std::min(kMaxLabel, textWidth(b.label)));
    const Axis axis = valueAxis(c.bars, labelRoom + 12);
    std::string out;
    for (size_t first = 0; first < c.bars.size(); first += kMaxBars) {
        const size_t n = std::min(kMaxBars, c.bars.size() - first);
        const double bottom = kTop + kRow * double(n), height = bottom + kAxisRoom;
        out += "<svg class=\"chart\" data-chart=\"" + escapeHtml(c.id) +
               "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
               "\" role=\"img\" aria-label=\"" + escapeHtml(c.axisTitle) + "\">";
        out += drawAxis(axis, bottom, c.axisTitle);
        for (size_t i = 0; i < n; ++i)
            out += drawBar(axis, c.bars[first + i], kTop + kRow * double(i), labelRoom, c.colour);
        out += "</svg>";
    }
    return out;
}

namespace svg {
std::string num(double v) { return formatValue(std::round(v * 10) / 10); }

std::string text(double x, double y, const char* anchor, const char* cls, std::string_view content) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\">" +
           escapeHtml(content) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const char* cls) {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" class=\"" + cls + "\"/>";
}
} // namespace svg

} // namespace kefu::core
