// 分析 > 图表: the analysis charts of core/charts.h in a window: the kind (趋势, 排名, 雷达, 组间对比,
// 分布), the metric (a filtered list), the agent or group, and the chart drawn with ImGui's draw list
// (chart_draw.h); the chart data is prepared again only when the state changes.
#include <algorithm>

#include "charts.h"
#include "i18n.h"
#include "ui/chart_draw.h"
#include "ui/charts_window.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const char* const kKinds[] = {"trend", "ranking", "radar", "groups", "distribution"};
enum Kind { Trend, Ranking, Radar, Groups, Distribution };

// The metric picker; false (with a note) when the month has no values at all.
bool pickMetric(ChartsWindow& w) {
    if (w.metrics.empty()) {
        textDisabled("charts.no_data", tr("charts.no_data"));
        return false;
    }
    auto it = std::find(w.metrics.begin(), w.metrics.end(), w.metric);
    if (it == w.metrics.end()) it = w.metrics.begin();
    int current = int(it - w.metrics.begin());
    std::vector<std::string> labels;
    for (const auto& m : w.metrics) labels.push_back(core::textIn(core::chartMetricLabel(m), uiLanguage()));
    filteredCombo("charts.metric", tr("charts.metric"), current, labels, &w.metricFilter, 220);
    w.metric = w.metrics[size_t(current)];
    return true;
}

std::string withUnit(const core::Text2& title, const std::string& metric) {
    const core::Lang lang = uiLanguage();
    return core::textIn(title, lang) + " (" + core::textIn(core::chartUnitLabel(metric), lang) + ")";
}

void drawTrendKind(ChartsWindow& w, const core::ChartSource& src) {
    if (!pickMetric(w)) return;
    ImGui::SameLine();
    std::vector<std::string> choices{tr("charts.all_groups")};
    for (const auto& g : src.groups) choices.push_back(trf("charts.group_agents", {g}));
    w.series = std::clamp(w.series, 0, int(choices.size()) - 1);
    combo("charts.series", tr("charts.series"), w.series, choices, 220);
    const core::TrendChart t = core::trendChart(src, w.metric);
    std::vector<bool> show;
    for (const auto& s : t.series)
        show.push_back(w.series == 0 ? s.isGroup : s.group == src.groups[size_t(w.series - 1)]);
    const std::string title = withUnit(t.title, w.metric);
    text("charts.chart_title", title);
    ChartCanvas c(title, ImGui::GetContentRegionAvail());
    drawTrend(c, t, show, uiLanguage());
    c.end();
}

void drawRankingKind(ChartsWindow& w, const core::AppState& s, const core::ChartSource& src) {
    std::vector<std::string> choices{tr("charts.all_groups")};
    for (const auto& g : src.groups) choices.push_back(g);
    w.group = std::clamp(w.group, 0, int(choices.size()) - 1);
    combo("charts.group", tr("charts.group"), w.group, choices, 220);
    const core::RankingChart r = core::rankingChart(src);
    std::vector<BarRow> rows;
    for (const auto& b : r.bars) {
        if (w.group > 0 && b.group != src.groups[size_t(w.group - 1)]) continue;
        const std::string rank = b.rank ? std::to_string(*b.rank) : "-";
        rows.push_back({rank + ". " + b.agent, b.score, core::formatValue(b.score),
                        trf("charts.rank_tip", {b.agent, b.group, rank, core::formatValue(b.score)})});
    }
    const std::string title = core::textIn(r.title, s.language);
    text("charts.chart_title", title);
    if (rows.empty()) return textDisabled("charts.no_scores", tr("charts.no_scores"));
    ChartCanvas c(title, ImGui::GetContentRegionAvail());
    drawBars(c, rows);
    c.end();
}

void drawRadarKind(ChartsWindow& w, const core::AppState& s, const core::ChartSource& src) {
    const core::ChartPeriod& p = src.periods[src.selected];
    if (p.agents.empty()) return textDisabled("charts.no_data", tr("charts.no_data"));
    std::vector<std::string> names;
    for (const auto& a : p.agents) names.push_back(a.name);
    w.agent = std::clamp(w.agent, 0, int(names.size()) - 1);
    filteredCombo("charts.agent", tr("charts.agent"), w.agent, names, &w.agentFilter, 220);
    auto radar = core::radarChart(src, names[size_t(w.agent)]);
    if (!radar) return textDisabled("charts.radar_error", core::textIn(core::errorText(radar.failure()), s.language));
    const std::string title = core::textIn(radar->title, s.language);
    text("charts.chart_title", title);
    if (radar->axes.size() < 3) return textDisabled("charts.few_axes", tr("charts.few_axes"));
    textDisabled("charts.radar_note", tr("charts.radar_note"));
    ChartCanvas c(title, ImGui::GetContentRegionAvail());
    drawRadar(c, *radar, s.language);
    c.end();
}

void drawGroupsKind(ChartsWindow& w, const core::ChartSource& src) {
    if (!pickMetric(w)) return;
    const core::GroupChart g = core::groupChart(src, w.metric);
    std::vector<BarRow> rows;
    for (const auto& b : g.bars) {
        if (!b.value) continue;
        const std::string v = core::chartValue(w.metric, *b.value);
        rows.push_back({b.group, *b.value, v, trf("charts.group_tip", {b.group, v, std::to_string(b.agents)})});
    }
    const std::string title = withUnit(g.title, w.metric);
    text("charts.chart_title", title);
    textDisabled("charts.groups_note", tr("charts.groups_note"));
    ChartCanvas c(title, ImGui::GetContentRegionAvail());
    drawBars(c, rows);
    c.end();
}

void drawDistributionKind(ChartsWindow& w, const core::ChartSource& src) {
    if (!pickMetric(w)) return;
    const core::Histogram h = core::histogram(src, w.metric);
    const std::string title = withUnit(h.title, w.metric);
    text("charts.chart_title", title);
    ChartCanvas c(title, ImGui::GetContentRegionAvail());
    drawHistogram(c, h, uiLanguage());
    c.end();
}

void drawKindChoice(ChartsWindow& w) {
    for (int k = 0; k < int(std::size(kKinds)); ++k) {
        if (k) ImGui::SameLine();
        const std::string id = std::string("charts.kind.") + kKinds[k];
        if (radio(id.c_str(), tr(id), w.kind == k)) w.kind = k;
    }
}
} // namespace

void drawChartsWindow(ChartsWindow& w, const core::AppState& s) {
    if (!w.open) return;
    if (!w.source || w.revision != s.revision) {
        w.source = std::make_shared<const core::ChartSource>(core::chartSource(s));
        w.metrics = core::chartMetrics(*w.source);
        w.revision = s.revision;
    }
    const core::ChartSource& src = *w.source;
    if (beginDialog("charts.window", tr("charts.title"), &w.open, 980, 640)) {
        if (src.periods.empty()) {
            textDisabled("charts.no_month", tr("charts.no_month"));
        } else {
            drawKindChoice(w);
            textDisabled("charts.month", trf("charts.month", {src.periods[src.selected].month}));
            switch (w.kind) {
            case Trend: drawTrendKind(w, src); break;
            case Ranking: drawRankingKind(w, s, src); break;
            case Radar: drawRadarKind(w, s, src); break;
            case Groups: drawGroupsKind(w, src); break;
            default: drawDistributionKind(w, src); break;
            }
        }
    }
    endDialog();
}

} // namespace kefu::web::ui
