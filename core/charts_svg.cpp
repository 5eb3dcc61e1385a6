// Analysis charts as SVG (charts_svg.h). Sizes are SVG units of a 640-wide view box, as in
// report_chart.cpp, whose bar charts draw the group means; the style sheet of the report
// (svg.chart .label/.tick/.grid/.axis) applies to these too.
#include "charts_svg.h"

#include <algorithm>
#include <cmath>

#include "html.h"
#include "report_chart.h"

namespace kefu::core {

namespace {
constexpr double kPi = 3.14159265358979323846;
const char* const kPalette[] = {"#3f7fd0", "#e8833a", "#2e9d68", "#c0392b", "#8e5ec4", "#1fa3a3", "#b58b00", "#d35d9b"};
const Msg kAgents{"人数", "Agents"};
const Msg kAgentMark{"本人", "Agent"};
const Msg kGroupMark{"组内平均", "Group average"};
const Msg kBenchMark{"基准", "Benchmark"};
const Msg kFewAxes{"方案读取的指标不足 3 个，无法绘制雷达图。", "The scheme reads fewer than 3 metrics: no radar."};
const Msg kSectionTrend{"趋势（各组）", "Trends (groups)"};
const Msg kSectionGroups{"各组对比", "Groups compared"};
const Msg kSectionDistribution{"分布", "Distributions"};
const Msg kSectionRadar{"客服雷达图", "Agent radars"};
const Msg kAnalysis{"分析图表", "Analysis charts"};

const char* t(const Msg& m, Lang lang) { return lang == Lang::Zh ? m.zh : m.en; }
const std::string& t(const Text2& m, Lang lang) { return textIn(m, lang); }

using svg::line;
using svg::num;
using svg::text;

// The view box [x, x + width] x [0, height].
std::string svgStart(const std::string& id, double height, const std::string& label, double x = 0, double width = 640) {
    return "<svg class=\"chart\" data-chart=\"" + escapeHtml(id) + "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" +
           num(x) + " 0 " + num(width) + " " + num(height) + "\" role=\"img\" aria-label=\"" + escapeHtml(label) + "\">";
}


// "销售额：各月趋势（元）"
Text2 withUnit(const Text2& title, const std::string& metric) {
    const Text2 unit = chartUnitLabel(metric);
    return {title.zh + "（" + unit.zh + "）", title.en + " (" + unit.en + ")"};
}

std::string seriesPath(const ChartSeries& s, const std::vector<double>& xs, double top, double bottom, const ChartScale& sc,
                       const char* colour) {
    const auto y = [&](double v) { return bottom - (v - sc.lo) / (sc.hi - sc.lo) * (bottom - top); };
    std::string path, dots;
    bool pen = false;
    for (size_t i = 0; i < s.values.size(); ++i) {
        if (!s.values[i]) {
            pen = false;
            continue;
        }
        path += (pen ? " L" : " M") + num(xs[i]) + " " + num(y(*s.values[i]));
        pen = true;
        dots += "<circle class=\"point\" cx=\"" + num(xs[i]) + "\" cy=\"" + num(y(*s.values[i])) + "\" r=\"3\" fill=\"" +
                colour + "\"/>";
    }
    return "<g class=\"series\" data-series=\"" + escapeHtml(s.name) + "\"><path d=\"" + path +
           "\" fill=\"none\" stroke-width=\"2\" stroke=\"" + colour + "\"/>" + dots + "</g>";
}
} // namespace

const char* analysisChartsCss() {
    return R"(
.analysis h4 { font-size: 12px; margin: 8px 0 0; page-break-after: avoid; break-after: avoid; }
.analysis .radar-card { display: inline-block; width: 49%; vertical-align: top; page-break-inside: avoid; break-inside: avoid; }
svg.chart .point, svg.chart .benchmark { stroke: #fff; stroke-width: 1; }
)";
}

std::string trendSvg(const TrendChart& c, Lang lang, bool groupsOnly) {
    std::vector<const ChartSeries*> shown;
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& s : c.series) {
        if (groupsOnly && !s.isGroup) continue;
        shown.push_back(&s);
        for (const auto& v : s.values)
            if (v) lo = any ? std::min(lo, *v) : *v, hi = any ? std::max(hi, *v) : *v, any = true;
    }
    if (!any || c.months.empty()) return "";
    const ChartScale sc = niceScale(std::min(lo, 0.0), hi);
    const double left = 70, right = 620, top = 10, bottom = 200;
    std::vector<double> xs;
    for (size_t i = 0; i < c.months.size(); ++i)
        xs.push_back(c.months.size() == 1 ? (left + right) / 2 : left + (right - left) * double(i) / double(c.months.size() - 1));
    const double legendRows = std::ceil(double(shown.size()) / 4);
    std::string out = svgStart("trend:" + c.metric, bottom + 40 + 18 * legendRows, t(c.title, lang));
    for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {
        const double y = bottom - (v - sc.lo) / (sc.hi - sc.lo) * (bottom - top);
        out += line(left, y, right, y, "grid") + text(left - 6, y + 4, "end", "tick", chartValue(c.metric, v));
    }
    for (size_t i = 0; i < c.months.size(); ++i) out += text(xs[i], bottom + 16, "middle", "tick", c.months[i]);
    out += line(left, bottom, right, bottom, "axis");
    for (size_t i = 0; i < shown.size(); ++i) {
        const char* colour = kPalette[i % std::size(kPalette)];
        out += seriesPath(*shown[i], xs, top, bottom, sc, colour);
        const double lx = left + 140 * double(i % 4), ly = bottom + 36 + 18 * double(i / 4);
        out += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly - 9) + "\" width=\"10\" height=\"10\" fill=\"" + colour + "\"/>";
        out += text(lx + 14, ly, "start", "label", shown[i]->name);
    }
    return out + "</svg>";
}

std::string radarSvg(const RadarChart& c, Lang lang) {
    if (c.axes.size() < 3) return "<p class=\"why\">" + escapeHtml(t(kFewAxes, lang)) + "</p>";
    const double cx = 320, cy = 170, r = 120;
    const size_t n = c.axes.size();
    const auto at = [&](size_t i, double rr) {
        const double a = -kPi / 2 + 2 * kPi * double(i) / double(n);
        return std::pair<double, double>{cx + r * rr * std::cos(a), cy + r * rr * std::sin(a)};
    };
    // Cut to the labels around the rim: the radars of a report go two to a row.
    std::string out = svgStart("radar:" + c.agent, 370, t(c.title, lang), 70, 500);
    for (double ring : {0.25, 0.5, 0.75, 1.0}) {
        std::string pts;
        for (size_t i = 0; i < n; ++i) pts += num(at(i, ring).first) + "," + num(at(i, ring).second) + " ";
        out += "<polygon points=\"" + pts + "\" class=\"grid\" fill=\"none\"/>";
    }
    for (size_t i = 0; i < n; ++i) {
        const auto [x, y] = at(i, 1.0);
        const auto [lx, ly] = at(i, 1.14);
        out += line(cx, cy, x, y, "grid");
        const char* anchor = std::abs(lx - cx) < 8 ? "middle" : lx < cx ? "end" : "start";
        const RadarAxis& a = c.axes[i];
        std::string label = t(a.label, lang);
        if (a.agent) label += " " + chartValue(a.metric, *a.agent);
        out += text(lx, ly + 4, anchor, "tick", label);
    }
    const auto polygon = [&](std::optional<double> RadarAxis::*field, const char* colour, const char* cls) {
        std::string pts;
        for (size_t i = 0; i < n; ++i) {
            const auto p = at(i, (c.axes[i].*field).value_or(0));
            pts += num(p.first) + "," + num(p.second) + " ";
        }
        return std::string("<polygon class=\"") + cls + "\" points=\"" + pts + "\" fill=\"" + colour +
               "\" fill-opacity=\"0.12\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
    };
    out += polygon(&RadarAxis::groupR, "#e8833a", "group");
    out += polygon(&RadarAxis::agentR, "#3f7fd0", "agent");
    // Benchmarks are marks on their axes: not every axis has one, and a line through the centre
    // would read as "zero".
    bool bench = false;
    for (size_t i = 0; i < n; ++i) {
        if (!c.axes[i].benchmarkR) continue;
        const auto p = at(i, *c.axes[i].benchmarkR);
        out += "<rect class=\"benchmark\" x=\"" + num(p.first - 4) + "\" y=\"" + num(p.second - 4) +
               "\" width=\"8\" height=\"8\" fill=\"#2e9d68\" transform=\"rotate(45 " + num(p.first) + " " +
               num(p.second) + ")\"/>";
        bench = true;
    }
    const std::pair<const Msg*, const char*> legend[] = {{&kAgentMark, "#3f7fd0"}, {&kGroupMark, "#e8833a"}, {&kBenchMark, "#2e9d68"}};
    for (size_t i = 0; i < (bench ? 3u : 2u); ++i) {
        const double lx = 180 + 110 * double(i);
        out += "<rect x=\"" + num(lx) + "\" y=\"351\" width=\"10\" height=\"10\" fill=\"" + legend[i].second + "\"/>";
        out += text(lx + 14, 360, "start", "label", t(*legend[i].first, lang));
    }
    return out + "</svg>";
}

std::string groupSvg(const GroupChart& c, Lang lang) {
    BarChart bars{.id = "groups:" + c.metric,
                  .axisTitle = t(chartMetricLabel(c.metric), lang) + " (" + t(chartUnitLabel(c.metric), lang) + ")",
                  .colour = "#8e5ec4",
                  .bars = {}};
    for (const auto& b : c.bars)
        if (b.value) bars.bars.push_back({b.group, *b.value, chartValue(c.metric, *b.value)});
    return barChartSvg(bars);
}

std::string histogramSvg(const Histogram& c, Lang lang) {
    if (c.bins.empty()) return "";
    size_t most = 1;
    for (const auto& b : c.bins) most = std::max(most, b.agents.size());
    const double left = 50, right = 620, top = 10, bottom = 190, w = (right - left) / double(c.bins.size());
    std::string out = svgStart("histogram:" + c.metric, bottom + 44, t(c.title, lang));
    const ChartScale sc = niceScale(0, double(most));
    for (double v = 0; v <= sc.hi + sc.step / 2; v += std::max(1.0, sc.step)) {
        const double y = bottom - v / sc.hi * (bottom - top);
        out += line(left, y, right, y, "grid") + text(left - 6, y + 4, "end", "tick", formatValue(v));
    }
    for (size_t i = 0; i < c.bins.size(); ++i) {
        const auto& b = c.bins[i];
        const double h = double(b.agents.size()) / sc.hi * (bottom - top), x = left + w * double(i);
        std::string names;
        for (const auto& a : b.agents) names += (names.empty() ? "" : lang == Lang::Zh ? "、" : ", ") + a;
        out += "<g><title>" + escapeHtml(names) + "</title><rect class=\"bar\" x=\"" + num(x + 2) + "\" y=\"" +
               num(bottom - h) + "\" width=\"" + num(w - 4) + "\" height=\"" + num(h) + "\" fill=\"#1fa3a3\"/>";
        if (!b.agents.empty()) out += text(x + w / 2, bottom - h - 4, "middle", "value", std::to_string(b.agents.size()));
        out += "</g>" + text(x + w / 2, bottom + 14, "middle", "tick", chartValue(c.metric, b.lo) + "–" + chartValue(c.metric, b.hi));
    }
    out += line(left, bottom, right, bottom, "axis");
    return out + text((left + right) / 2, bottom + 34, "middle", "axis-title", t(kAgents, lang)) + "</svg>";
}

std::string analysisChartsHtml(const ChartSource& src, Lang lang) {
    if (src.periods.empty()) return "";
    const ChartPeriod& p = src.periods[src.selected];
    std::vector<std::string> metrics;
    for (const auto& m : src.schemeMetrics) {
        if (metrics.size() == kReportMetrics) break;
        if (metricDirection(m) == Direction::Neutral) continue;
        for (size_t i = 0; i < p.agents.size(); ++i)
            if (p.metrics.get(i, m)) {
                metrics.push_back(m);
                break;
            }
    }
    const auto h3 = [&](const Msg& m) { return "<h3>" + std::string(t(m, lang)) + "</h3>"; };
    const auto h4 = [&](const Text2& m) { return "<h4>" + escapeHtml(t(m, lang)) + "</h4>"; };
    std::string out = "<div class=\"analysis\"><h2>" + std::string(t(kAnalysis, lang)) + "</h2>";
    out += h3(kSectionTrend);
    for (const auto& m : metrics) {
        const TrendChart trend = trendChart(src, m);
        out += h4(withUnit(trend.title, m)) + trendSvg(trend, lang, true);
    }
    out += h3(kSectionGroups);
    for (const auto& m : metrics) {
        const GroupChart groups = groupChart(src, m);
        out += h4(groups.title) + groupSvg(groups, lang);
    }
    out += h3(kSectionDistribution);
    for (const auto& m : metrics) {
        const Histogram h = histogram(src, m);
        out += h4(withUnit(h.title, m)) + histogramSvg(h, lang);
    }
    out += h3(kSectionRadar);
    for (const auto& a : p.agents)
        if (auto radar = radarChart(src, a.name))
            out += "<div class=\"radar-card\">" + h4(radar->title) + radarSvg(*radar, lang) + "</div>";
    return out + "</div>";
}

} // namespace kefu::core
