// Metric values typed into the data grid or pasted as a block from Excel/WPS: each cell's text is
// checked against its metric's unit and range ("45%" or "0.45" for a rate, "¥1,234.50" for money,
// "7分30秒" for a duration), with a message in both languages for what is wrong.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "explain.h"
#include "metrics.h"
#include "model.h"

namespace kefu::core {

struct ParsedValue {
    std::optional<double> value; // nullopt with no problem: the cell was emptied
    std::optional<Text2> problem;
};

// A typed value. For a rate (unit fraction), "45%" and "45" are percent and "0.45" a fraction,
// unless `percentColumn` says the whole pasted column is percent numbers.
ParsedValue parseMetricValue(const MetricDef& metric, std::string_view text, bool percentColumn = false);

// One value for one agent's metric in a month.
struct ValueEdit {
    std::string agent;
    std::string metric;
    std::optional<double> value;
    bool operator==(const ValueEdit&) const = default;
};

struct PastePlan {
    std::vector<ValueEdit> edits;
    std::vector<Text2> problems; // per refused cell, with its row and column in the block
    bool headerRow = false;      // the first row named the metrics
    bool agentColumn = false;    // the first column named the agents
};

// A tab-separated block (lines by \n or \r\n; a trailing newline ignored) placed into a grid of
// `agents` x `columns` (metric ids) at (anchorRow, anchorCol). A first row of metric names (ids,
// Chinese labels or import aliases) places the columns by name; a first column of agent names
// (with or without a 客服 header) places the rows by name; otherwise cells go where they land.
// Derived metrics (with a formula) are read-only.
PastePlan planPaste(const std::vector<Agent>& agents, const std::vector<std::string>& columns, std::string_view text,
                    size_t anchorRow, size_t anchorCol, const Catalog& catalog);

// The grid as TSV (with a header row of metric labels and the agent column), for copying out.
std::string tableToTsv(const std::vector<Agent>& agents, const std::vector<std::string>& columns, const MetricTable& values,
                       Lang lang);

} // namespace kefu::core
