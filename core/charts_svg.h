// The analysis charts of charts.h as inline SVG for the printed report: lines of a trend, an agent's
// radar, group means and a histogram, each an <svg class="chart" data-chart=...> in one language. Every text (names, groups) is escaped here. Pure.
#pragma once
#include <string>

#include "charts.h"

namespace kefu::core {

// The trend of the series chosen: groups only (the report) or everything.
std::string trendSvg(const TrendChart& chart, Lang lang, bool groupsOnly);
std::string radarSvg(const RadarChart& chart, Lang lang);
std::string groupSvg(const GroupChart& chart, Lang lang);
std::string histogramSvg(const Histogram& chart, Lang lang);

// The report's 分析图表 part: for the first kReportMetrics directional metrics the scheme reads (with
// values in the month) their trend by group, group means and distribution; then a radar per agent.
// (The report's own score bars are the ranking.) Empty when the source has no month.
inline constexpr size_t kReportMetrics = 4;
std::string analysisChartsHtml(const ChartSource& source, Lang lang);
// Its style rules, added to the report's style sheet.
const char* analysisChartsCss();

} // namespace kefu::core
