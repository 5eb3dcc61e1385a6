// The radar of one agent against the group and the scheme's benchmarks (charts.h). Each axis runs
// over the range of the group's values, the group value and the benchmark, so every mark is on
// the chart; the better end is outward whatever the metric's direction.
#include <algorithm>

#include "charts.h"

namespace kefu::core {

namespace {
const Msg kRadarTitle{"{0}：与组内平均和基准对比（{1}）", "{0} against the group average and the benchmark ({1})"};

std::optional<double> benchmarkOf(const ChartSource& src, const std::string& metric) {
    for (const Benchmark& b : src.benchmarks)
        if (b.metric == metric) return b.value;
    return std::nullopt;
}

RadarAxis axisOf(const ChartSource& src, const ChartPeriod& p, size_t row, const std::string& metric) {
    const std::string& group = p.agents[row].group;
    RadarAxis a{metric, chartMetricLabel(metric), metricDirection(metric), p.metrics.get(row, metric),
                groupValue(p, group, metric), benchmarkOf(src, metric), 0, 0, {}, {}, {}};
    double lo = *a.agent, hi = *a.agent;
    const auto widen = [&](std::optional<double> v) {
        if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
    };
    for (size_t i = 0; i < p.agents.size(); ++i)
        if (p.agents[i].group == group) widen(p.metrics.get(i, metric));
    widen(a.group);
    widen(a.benchmark);
    a.lo = lo, a.hi = hi;
    const auto at = [&](std::optional<double> v) -> std::optional<double> {
        if (!v) return std::nullopt;
        return radarPosition(*v, lo, hi, a.direction);
    };
    a.agentR = at(a.agent), a.groupR = at(a.group), a.benchmarkR = at(a.benchmark);
    return a;
}
} // namespace

double radarPosition(double v, double lo, double hi, Direction direction) {
    if (hi - lo <= 1e-12) return 0.5;
    const double t = std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
    return direction == Direction::Lower ? 1 - t : t;
}

Expected<RadarChart> radarChart(const ChartSource& src, const std::string& agent) {
    if (src.periods.empty()) return Error{"no month to chart", "没有可绘制图表的考核月份"};
    const ChartPeriod& p = src.periods[src.selected];
    size_t row = p.agents.size();
    for (size_t i = 0; i < p.agents.size(); ++i)
        if (p.agents[i].name == agent) row = i;
    if (row == p.agents.size())
        return errorOf(fillMsg({"{0} 不在 {1} 的名单中", "{0} is not in the team of {1}"}, {agent, p.month}));
    RadarChart c{agent, p.agents[row].group, p.month, {}, {}};
    const Text2 title = fillMsg(kRadarTitle, {agent, p.month});
    c.title = title;
    for (const std::string& metric : src.schemeMetrics) {
        if (c.axes.size() == kRadarAxes) break;
        if (metricDirection(metric) == Direction::Neutral || !p.metrics.get(row, metric)) continue;
        c.axes.push_back(axisOf(src, p, row, metric));
    }
    return c;
}

} // namespace kefu::core
