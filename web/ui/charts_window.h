// 分析 > 图表: the chart window's UI-only state (the kind, metric, agent or group chosen) and the
// chart data of core/charts.h, prepared again only when the state's revision changes.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "charts.h"
#include "ui/panels.h"

namespace kefu::web::ui {

struct ChartsWindow {
    bool open = false;
    int kind = 0;       // 趋势, 排名, 雷达, 组间对比, 分布
    std::string metric; // the metric of the trend, group and distribution charts (empty: the first)
    std::string metricFilter, agentFilter;
    int series = 0;     // trend: 0 the groups, else the agents of group series - 1
    int group = 0;      // ranking: 0 every group, else group - 1
    int agent = 0;      // radar: index into the month's agents
    uint64_t revision = ~0ull;
    std::shared_ptr<const core::ChartSource> source;
    std::vector<std::string> metrics; // with values in the month, catalog order
};
void drawChartsWindow(ChartsWindow& w, const core::AppState& s);

} // namespace kefu::web::ui
