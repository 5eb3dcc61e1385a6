// The data of the analysis charts (图表), prepared here once for the app's chart window (drawn with
// ImGui) and the printed report (SVG, charts_svg.h): a metric's trend per agent and per group across
// months, the score ranking, an agent's radar against the group and the scheme's benchmarks, group
// means and a metric's distribution. Pure; a ChartSource owns copies of what it reads.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "explain.h"
#include "metrics.h"
#include "model.h"
#include "results.h"
#include "scheme.h"

namespace kefu::core {

struct AppState;

// One month as the charts read it: its agents, the metric values with the derived ones, results.
struct ChartPeriod {
    std::string month; // YYYY-MM
    std::vector<Agent> agents;
    MetricTable metrics; // rows parallel to agents: inputs plus derived values
    Results results;
};

// Where a scheme puts the bar for a metric: the full-marks end of an interval_score interval, a
// target_bonus condition or a dsr_dimensions bench (the first of these in rule order).
struct Benchmark {
    std::string metric;
    double value = 0;
    std::string rule; // the rule instance it comes from
};

struct ChartSource {
    std::vector<ChartPeriod> periods; // oldest first
    size_t selected = 0;              // the month of the ranking, radar, groups and distribution
    std::vector<std::string> groups;  // first-appearance order over the months
    std::vector<Benchmark> benchmarks;
    std::vector<std::string> schemeMetrics; // metrics the scheme's rules read, in rule order
};

// Every month of the app with derived values; the active scheme's benchmarks. Empty (no periods)
// when the shop has no month.
ChartSource chartSource(const AppState& state);
// One month (the command line's report): its input, results and scheme; `earlier`: the inputs of
// the months before it (oldest first, each with its period), for the trends.
ChartSource chartSource(const PeriodInput& input, const Results& results, const Scheme& scheme,
                        const std::vector<PeriodInput>& earlier = {});
// The benchmarks and the metrics a scheme reads (exposed for tests).
std::vector<Benchmark> schemeBenchmarks(const Scheme& scheme);
std::vector<std::string> schemeMetrics(const Scheme& scheme);

// Metric text: the catalog's label and unit in both languages; values as the charts write them
// (fractions as percentages, one or two decimals).
Text2 chartMetricLabel(const std::string& metric);
Text2 chartUnitLabel(const std::string& metric);
std::string chartValue(const std::string& metric, double value);
Direction metricDirection(const std::string& metric);
// Metrics with at least one value in the selected month, in catalog order.
std::vector<std::string> chartMetrics(const ChartSource& source);

// A group's value of a metric in one month: for a rate the catalog defines as count / count
// (conversion, reply rate ...) the sum of numerators over the sum of denominators (weighted by
// volume); otherwise the mean of the agents' values. nullopt when no agent of the group has one.
std::optional<double> groupValue(const ChartPeriod& period, const std::string& group, const std::string& metric);

struct ChartSeries {
    std::string name;                          // an agent or a group
    bool isGroup = false;
    std::string group;                         // agents: their group in the last month they appear
    std::vector<std::optional<double>> values; // by month
};
struct TrendChart {
    std::string metric;
    Text2 title;
    std::vector<std::string> months;
    std::vector<ChartSeries> series; // the groups first, then the agents (first-appearance order)
};
TrendChart trendChart(const ChartSource& source, const std::string& metric);

struct RankBar {
    std::string agent, group;
    double score = 0;
    std::optional<int> rank;
};
struct RankingChart {
    Text2 title;
    std::string month;
    std::vector<RankBar> bars; // by group (display order), then rank, unranked last
};
RankingChart rankingChart(const Results& results, const std::vector<std::string>& groups);
RankingChart rankingChart(const ChartSource& source);

struct RadarAxis {
    std::string metric;
    Text2 label;
    Direction direction = Direction::Higher;
    std::optional<double> agent, group, benchmark; // values in the metric's unit
    double lo = 0, hi = 0;                         // the axis' range: the group's values, its mean, the benchmark
    // Positions from the centre (0) to the rim (1): the better end is outward.
    std::optional<double> agentR, groupR, benchmarkR;
};
struct RadarChart {
    std::string agent, group, month;
    Text2 title;
    std::vector<RadarAxis> axes; // at most kRadarAxes
};
inline constexpr size_t kRadarAxes = 10;
// Axes: the metrics the scheme reads (in rule order) that the agent and its group have values of
// and that have a direction; the first kRadarAxes. Error when the agent is not in the month.
Expected<RadarChart> radarChart(const ChartSource& source, const std::string& agent);
// A value's position on an axis of range [lo, hi]: (v - lo) / (hi - lo), turned round for a
// lower-better metric; 0.5 when the range is empty.
double radarPosition(double value, double lo, double hi, Direction direction);

struct GroupBar {
    std::string group;
    std::optional<double> value;
    size_t agents = 0; // agents of the group with a value
};
struct GroupChart {
    std::string metric, month;
    Text2 title;
    std::vector<GroupBar> bars; // groups in display order
};
GroupChart groupChart(const ChartSource& source, const std::string& metric);

struct HistogramBin {
    double lo = 0, hi = 0; // [lo, hi); the last bin includes hi
    std::vector<std::string> agents;
};
struct Histogram {
    std::string metric, month;
    Text2 title;
    std::vector<HistogramBin> bins;
    size_t values = 0;
};
// Bins of a "nice" width (1, 2 or 5 times a power of ten) about ceil(log2 n) + 1 of them (Sturges),
// edges on multiples of the width; one bin when every value is equal; none without values.
Histogram histogram(const ChartSource& source, const std::string& metric);
Histogram histogramOf(const std::vector<std::pair<std::string, double>>& values);

// An axis: ticks at 1, 2 or 5 times a power of ten, about five of them, over [lo, hi] (widened to
// whole ticks); the same for the app's charts and the report's SVG.
struct ChartScale {
    double lo = 0, hi = 1, step = 1;
    // v on the axis drawn from a (at lo) to b (at hi).
    float at(double v, float a, float b) const { return a + float((v - lo) / (hi - lo)) * (b - a); }
};
ChartScale niceScale(double lo, double hi);

} // namespace kefu::core
