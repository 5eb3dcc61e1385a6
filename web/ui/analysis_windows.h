// 分析 > 假设分析 / 排名稳定性 / 差距卡片: windows over the selected month's analyses in core
// (whatif.h, stability.h, gaps.h, on core/month_analysis.h's inputs). Each keeps its inputs and
// its last result as UI-only state; only 应用 in the what-if window changes the shop (one SaveScheme).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gaps.h"
#include "stability.h"
#include "whatif.h"
#include "ui/panels.h"

namespace kefu::web::ui {

// One number of the active scheme a slider moves, named as `kefu whatif --set rule.path=value` names it.
struct WhatIfParam {
    std::string rule, ruleType, path; // "rank", "rank_points", "weights.sales_amount"; list elements by index
    std::string label;                // "转化率 >=", "效率 · 回复率 · 权重": list elements by what they are
    // The path of the map or list whose numbers sum to 1 ("weights", "grades", "dimensions.0.metrics"),
    // "" for none: moving one moves the others so that the scheme stays valid.
    std::string shareGroup;
    double saved = 0, value = 0;
    double lo = 0, hi = 1;
    bool whole = false; // whole numbers (amounts, counts, days)
};

struct WhatIfWindow {
    bool open = false;
    std::string schemeId, schemeText; // the saved scheme the sliders were read from
    std::vector<WhatIfParam> params;
    uint64_t seenRevision = ~0ull;
    // The diff for `computedKey` (month, state revision, changes): computed again only when it differs.
    std::string computedKey;
    std::optional<core::WhatIfReport> report;
    std::string error; // why the changed scheme cannot be computed (its problems)
};
// The changes the sliders make, as `--set` arguments ("rank.weights.sales_amount=0.4"), in slider order.
std::vector<std::string> whatIfChanges(const WhatIfWindow& w);
// Moves one slider to `value` (a weight or share takes the others of its group along).
void setWhatIfParam(WhatIfWindow& w, size_t index, double value);
void drawWhatIfWindow(WhatIfWindow& w, const core::AppState& s, Actions& out);

struct StabilityWindow {
    bool open = false;
    std::string samples = "1000", spread = "10", seed = "1"; // spread: ± percent of each weight
    std::string problem;                                      // the inputs as typed are not usable
    std::optional<core::StabilityReport> report;
    std::string error; // the analysis refused (no weighted rule, no data)
    int period = -1;   // the month and state revision of `report`
    uint64_t revision = 0;
};
void drawStabilityWindow(StabilityWindow& w, const core::AppState& s);

struct GapsWindow {
    bool open = false;
    std::string agent; // the chosen agent (empty: the month's first)
    std::string computedKey;
    std::optional<core::GapReport> report;
    std::string error;
    // For the "out of ~N inquiries" part: each card's denominator (name and value), parallel to report->gaps.
    std::vector<std::pair<std::string, double>> denominators;
};
void drawGapsWindow(GapsWindow& w, const core::AppState& s);

} // namespace kefu::web::ui
