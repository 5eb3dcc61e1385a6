#include "metric_input.h"

#include <algorithm>
#include <cmath>

#include "csv.h"
#include "input.h"

namespace kefu::core {

namespace {
Text2 message(const Msg& m, const std::vector<std::string>& args) { return fillMsg(m, args); }

const Msg kNotNumber{"“{0}”不是数字", "'{0}' is not a number"};
const Msg kNegative{"{0} 不能是负数", "{0} cannot be negative"};
const Msg kRateRange{"{0} 应在 0%–100% 之间", "{0} must be between 0% and 100%"};
const Msg kScoreRange{"{0} 应在 0–5 之间", "{0} must be between 0 and 5"};
const Msg kWhole{"{0} 应是整数", "{0} must be a whole number"};
const Msg kReadOnly{"{0} 由其他指标算出，不能直接填写", "{0} is computed from other metrics and cannot be typed"};
const Msg kAt{"第 {0} 行第 {1} 列：{2}", "row {0}, column {1}: {2}"};
const Msg kUnknownAgent{"名单里没有“{0}”", "'{0}' is not on the roster"};
const Msg kUnknownColumn{"不认识的指标名“{0}”", "unknown metric name '{0}'"};
const Msg kOutside{"超出表格范围", "outside the table"};

std::string label(const MetricDef& m, Lang lang) { return lang == Lang::Zh ? m.zh : m.en; }

bool wholeUnit(Unit u) { return u == Unit::Count || u == Unit::Days; }

std::vector<std::vector<std::string>> splitBlock(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        std::string_view line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::vector<std::string> cells;
        size_t c = 0;
        for (;;) {
            size_t tab = line.find('\t', c);
            cells.emplace_back(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
            if (tab == std::string_view::npos) break;
            c = tab + 1;
        }
        rows.push_back(std::move(cells));
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    return rows;
}
} // namespace

ParsedValue parseMetricValue(const MetricDef& m, std::string_view text, bool percentColumn) {
    ParsedValue out;
    std::string_view t = trim(text);
    if (t.empty() || isBlankCell(t)) return out;
    auto n = parseNumberCell(t);
    const std::string zh = m.zh, en = m.en;
    auto problem = [&](const Msg& msg) {
        Text2 a = message(msg, {zh}), b = message(msg, {en});
        out.problem = Text2{a.zh, b.en};
        return out;
    };
    if (!n) {
        out.problem = message(kNotNumber, {std::string(t)});
        return out;
    }
    double v = n->value;
    if (m.unit == Unit::Fraction && (n->percent || percentColumn || std::fabs(v) > 1)) v /= 100.0;
    else if (n->percent) v /= 100.0;
    if (v < 0) return problem(kNegative);
    if (m.unit == Unit::Fraction && v > 1) return problem(kRateRange);
    if (m.unit == Unit::Points && m.id == "csat" && v > 5) return problem(kScoreRange);
    if (wholeUnit(m.unit) && v != std::floor(v)) return problem(kWhole);
    out.value = v;
    return out;
}

PastePlan planPaste(const std::vector<Agent>& agents, const std::vector<std::string>& columns, std::string_view text,
                    size_t anchorRow, size_t anchorCol, const Catalog& catalog) {
    PastePlan plan;
    auto rows = splitBlock(text);
    if (rows.empty()) return plan;
    // A header row: most of its non-empty cells name a metric or the agent column.
    int named = 0, filled = 0;
    for (const auto& cell : rows[0]) {
        if (trim(cell).empty()) continue;
        ++filled;
        if (catalog.findByHeader(trim(cell)) || !agentColumnId(trim(cell)).empty()) ++named;
    }
    plan.headerRow = filled > 0 && named * 2 > filled;
    const size_t first = plan.headerRow ? 1 : 0;
    auto agentIndex = [&](std::string_view name) -> int {
        for (size_t i = 0; i < agents.size(); ++i)
            if (agents[i].name == trim(name)) return int(i);
        return -1;
    };
    if (plan.headerRow) {
        plan.agentColumn = !agentColumnId(trim(rows[0][0])).empty();
    } else {
        bool all = rows.size() > first;
        for (size_t r = first; r < rows.size() && all; ++r) all = agentIndex(rows[r][0]) >= 0;
        plan.agentColumn = all && rows[0].size() > 1;
    }
    const size_t firstCol = plan.agentColumn ? 1 : 0;
    // The metric of every block column.
    const size_t width = std::max_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); })->size();
    std::vector<const MetricDef*> metricOf(width, nullptr);
    for (size_t c = firstCol; c < width; ++c) {
        if (plan.headerRow) {
            const std::string head = c < rows[0].size() ? std::string(trim(rows[0][c])) : "";
            if (head.empty()) continue;
            metricOf[c] = catalog.findByHeader(head);
            if (!metricOf[c]) plan.problems.push_back(message(kAt, {"1", std::to_string(c + 1), message(kUnknownColumn, {head}).zh}));
        } else {
            const size_t g = anchorCol + (c - firstCol);
            if (g < columns.size()) metricOf[c] = catalog.find(columns[g]);
        }
    }
    // A rate column is percent numbers when any of its cells has % or is over 1 (as imports decide).
    std::vector<bool> percent(width, false);
    for (size_t c = firstCol; c < width; ++c)
        for (size_t r = first; r < rows.size() && metricOf[c] && metricOf[c]->unit == Unit::Fraction; ++r)
            if (c < rows[r].size())
                if (auto n = parseNumberCell(trim(rows[r][c])); n && (n->percent || std::fabs(n->value) > 1)) percent[c] = true;
    for (size_t r = first; r < rows.size(); ++r) {
        int agent = plan.agentColumn ? agentIndex(rows[r][0]) : int(anchorRow + (r - first));
        auto at = [&](size_t c, const Text2& what) {
            plan.problems.push_back(Text2{message(kAt, {std::to_string(r + 1), std::to_string(c + 1), what.zh}).zh,
                                          message(kAt, {std::to_string(r + 1), std::to_string(c + 1), what.en}).en});
        };
        if (agent < 0 || agent >= int(agents.size())) {
            at(0, plan.agentColumn ? message(kUnknownAgent, {std::string(trim(rows[r][0]))}) : message(kOutside, {}));
            continue;
        }
        for (size_t c = firstCol; c < rows[r].size(); ++c) {
            const MetricDef* m = metricOf[c];
            if (!m) {
                if (!plan.headerRow) at(c, message(kOutside, {}));
                continue;
            }
            if (!m->formula.empty()) {
                if (trim(rows[r][c]).empty()) continue; // nothing typed into a computed column
                at(c, Text2{message(kReadOnly, {m->zh}).zh, message(kReadOnly, {m->en}).en});
                continue;
            }
            ParsedValue v = parseMetricValue(*m, rows[r][c], percent[c]);
            if (v.problem) {
                at(c, *v.problem);
                continue;
            }
            plan.edits.push_back({agents[size_t(agent)].name, m->id, v.value});
        }
    }
    return plan;
}

std::string tableToTsv(const std::vector<Agent>& agents, const std::vector<std::string>& columns, const MetricTable& values,
                       Lang lang) {
    std::string out = lang == Lang::Zh ? "客服" : "Agent";
    for (const auto& c : columns) {
        const MetricDef* m = Catalog::builtin().find(c);
        out += '\t';
        out += m ? label(*m, lang) : c;
    }
    out += '\n';
    for (size_t r = 0; r < agents.size(); ++r) {
        out += agents[r].name;
        for (const auto& c : columns) {
            out += '\t';
            if (r < values.rows())
                if (auto v = values.get(r, values.column(c))) out += formatValue(*v);
        }
        out += '\n';
    }
    return out;
}

} // namespace kefu::core
