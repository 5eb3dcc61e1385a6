#include "input.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "csv.h"
#include "formula.h"
#include "input_internal.h"
#include "small_sample.h"
#include "text.h"

namespace kefu::core {

namespace loading {
namespace {
const Msg kCell{"文件 {0} 第 {1} 行第 {2} 列（{3}）", "{0}: line {1}, column {2} ({3})"};
const Msg kLine{"文件 {0} 第 {1} 行", "{0}: line {1}"};
const Msg kFile{"文件 {0}", "{0}"};
const Msg kInFile{"{0}：{1}", "{0}: {1}"};
} // namespace

Text2 fillEach(const Msg& msg, const std::vector<Text2>& args) {
    std::vector<std::string> zh, en;
    for (const auto& a : args) {
        zh.push_back(a.zh);
        en.push_back(a.en);
    }
    return {fillMsg(msg, zh).zh, fillMsg(msg, en).en};
}
Text2 at(const Text2& place, const Msg& msg, const std::vector<std::string>& args) {
    std::vector<Text2> all{place};
    for (const auto& a : args) all.push_back({a, a});
    return fillEach(msg, all);
}
Error failAt(const Text2& place, const Msg& msg, const std::vector<std::string>& args) {
    return errorOf(at(place, msg, args));
}
Text2 where(const std::string& file, uint32_t line, const std::string& header, size_t col) {
    return fillMsg(kCell, {file, std::to_string(line), std::to_string(col + 1), header});
}
Text2 whereLine(const std::string& file, uint32_t line) { return fillMsg(kLine, {file, std::to_string(line)}); }
Text2 whereFile(const std::string& file) { return fillMsg(kFile, {file}); }
Error csvError(const std::string& file, const Error& error) {
    return errorOf(fillEach(kInFile, {whereFile(file), errorText(error)}));
}
} // namespace loading

using namespace loading;

namespace {
// What is wrong at a place ({0}, in each language).
const Msg kEmptyFile{"{0} 是空的", "{0}: the file is empty"};
const Msg kColumnTwice{"{0}：“{1}”列出现了两次（另一处是第 {2} 列）", "{0}: column '{1}' appears twice (also column {2})"};
const Msg kUnknownColumn{"{0}：不认识这一列，已忽略", "{0}: unknown column, ignored"};
const Msg kAmbiguous{"{0}：与第 {1} 列（{2}）重复，两列都是指标“{3}”", "{0}: ambiguous, column {1} ({2}) is also metric '{3}'"};
const Msg kNoAgentColumn{"{0}：没有客服列（客服、姓名、agent 或昵称列）", "{0}: no agent column (客服, 姓名, agent or a nickname column)"};
const Msg kNoRosterAgent{"{0}：没有客服列（客服、姓名 或 agent）", "{0}: no agent column (客服, 姓名 or agent)"};
const Msg kBadStatus{"{0}：不认识的状态“{1}”（应为 转正/regular 或 试用/probation）",
                     "{0}: unknown status '{1}' (expected 转正/regular or 试用/probation)"};
const Msg kNotDate{"{0}：“{1}”不是日期（应为 YYYY-MM-DD 或 YYYY/M/D）", "{0}: '{1}' is not a date (expected YYYY-MM-DD or YYYY/M/D)"};
const Msg kNameEmpty{"{0}：客服姓名是空的", "{0}: the agent name is empty"};
const Msg kNotNumber{"{0}：“{1}”不是数字，按无值处理", "{0}: '{1}' is not a number, taken as no value"};
const Msg kDuplicate{"{0}：客服“{1}”出现了两次", "{0}: duplicate agent '{1}'"};
const Msg kUnknownAgents{"{0}：名单里没有这些客服或昵称，请先在名单中绑定：{1}",
                         "{0}: unknown agents or nicknames, bind them in the roster first: {1}"};
const Msg kAgentLine{"{0}（第 {1} 行）", "{0} (line {1})"};

struct ColumnPlan {
    std::vector<std::string> attr;   // agent attribute per column ("" when a metric or ignored)
    std::vector<int> metric;         // metric table column per header column, -1 = none
    std::vector<const MetricDef*> def;
    int agentCol = -1, nicknameCol = -1;
};

// The metric of a header: the mapping screen's choice first (nullopt: not chosen there), then the aliases.
std::optional<std::string> chosenMetric(const LoadOptions& options, const std::string& header) {
    for (const auto& [h, metric] : options.headerMetrics)
        if (trim(h) == header) return metric;
    return std::nullopt;
}

Expected<ColumnPlan> planColumns(const std::vector<std::string>& header, const std::string& file, uint32_t line,
                                 const Catalog& catalog, PeriodInput& input, LoadReport& report, const LoadOptions& options) {
    ColumnPlan plan;
    std::map<std::string, size_t> seenMetric, seenAttr;
    for (size_t c = 0; c < header.size(); ++c) {
        std::string h(trim(header[c]));
        const auto chosen = chosenMetric(options, h);
        std::string attr = chosen ? std::string() : agentColumnId(h);
        plan.attr.push_back(attr);
        plan.def.push_back(nullptr);
        plan.metric.push_back(-1);
        if (!attr.empty()) {
            if (seenAttr.count(attr))
                return failAt(where(file, line, h, c), kColumnTwice, {attr, std::to_string(seenAttr[attr] + 1)});
            seenAttr[attr] = c;
            if (attr == "agent") plan.agentCol = int(c);
            if (attr == "nickname") plan.nicknameCol = int(c);
            continue;
        }
        const MetricDef* d = chosen ? (chosen->empty() ? nullptr : catalog.find(*chosen)) : catalog.findByHeader(h);
        if (!d) {
            if (!h.empty() && !chosen) report.warnings.push_back(at(where(file, line, h, c), kUnknownColumn));
            continue;
        }
        if (auto it = seenMetric.find(d->id); it != seenMetric.end())
            return failAt(where(file, line, h, c), kAmbiguous,
                          {std::to_string(it->second + 1), header[it->second], d->id});
        seenMetric[d->id] = c;
        plan.def[c] = d;
        plan.metric[c] = input.metrics.addColumn(d->id);
    }
    if (plan.agentCol < 0 && plan.nicknameCol < 0)
        return failAt(whereLine(file, line), kNoAgentColumn);
    return plan;
}

bool isSummaryRow(std::string_view name) {
    for (std::string_view s : {"汇总值", "平均值", "店铺汇总值", "店铺平均值", "汇总", "均值", "合计", "总计", "平均", "总计值"})
        if (name == s) return true;
    return false;
}

// Per rate column: percent numbers when any cell has % or any value > 1.
std::vector<bool> percentColumns(const std::vector<std::vector<std::string>>& rows, const ColumnPlan& plan) {
    std::vector<bool> pct(plan.def.size(), false);
    for (size_t c = 0; c < plan.def.size(); ++c) {
        if (!plan.def[c] || plan.def[c]->unit != Unit::Fraction) continue;
        for (size_t r = 1; r < rows.size(); ++r) {
            if (c >= rows[r].size()) continue;
            auto n = parseNumberCell(rows[r][c]);
            if (n && (n->percent || std::fabs(n->value) > 1)) { pct[c] = true; break; }
        }
    }
    return pct;
}

// A spreadsheet date stored as a serial number (days since 1899-12-30, as Excel and WPS count).
std::optional<Date> excelSerialDate(const std::string& cell) {
    auto n = parseNumberCell(cell);
    if (!n || n->percent || n->value < 1 || n->value > 2958465 || n->value != std::floor(n->value)) return std::nullopt;
    return civilFromDays(daysFromCivil({1899, 12, 30}) + int64_t(n->value));
}

// `place()` names the cell (called only for an error).
template <class Place>
Expected<bool> setAttribute(Agent& a, const std::string& attr, std::string_view cellRaw, const Place& place) {
    std::string cell(trim(cellRaw));
    if (attr == "agent") a.name = cell;
    else if (attr == "id") a.id = cell;
    else if (attr == "group") a.group = cell;
    else if (attr == "level") a.level = cell;
    else if (attr == "nickname") {
        if (!cell.empty()) a.nicknames.push_back({"", cell});
    } else if (attr == "status") {
        if (cell.empty()) return true;
        auto s = parseStatus(cell);
        if (!s) return failAt(place(), kBadStatus, {cell});
        a.status = *s;
    } else if (attr == "hire_date" || attr == "regular_since") {
        if (isBlankCell(cell)) return true;
        auto d = parseDate(cell);
        if (!d) d = excelSerialDate(cell);
        if (!d) return failAt(place(), kNotDate, {cell});
        (attr == "hire_date" ? a.hireDate : a.regularSince) = *d;
    }
    return true;
}

// An agent by name or id first; then by an account (a nickname column, or a name column that holds
// an account), so that one agent's account never takes a row that names another agent.
const Agent* matchRoster(const std::vector<Agent>& roster, const std::string& name, const std::string& nick) {
    if (!name.empty())
        for (const auto& a : roster)
            if (a.name == name || (!a.id.empty() && a.id == name)) return &a;
    for (const auto& a : roster)
        for (const auto& n : a.nicknames)
            if ((!nick.empty() && n.account == nick) || (!name.empty() && n.account == name)) return &a;
    return nullptr;
}

// Combines the rows of one agent (several accounts): sums additive metrics, weights the
// others by receptions (a rate a / b by b when given); given derived values are dropped so they
// are recomputed from counts.
void combineRows(PeriodInput& in, const std::vector<std::vector<size_t>>& rowsOf, const MetricTable& raw, const Catalog& catalog) {
    const auto& cols = raw.columns();
    int recCol = raw.column("receptions");
    for (size_t a = 0; a < rowsOf.size(); ++a) {
        for (size_t c = 0; c < cols.size(); ++c) {
            const MetricDef* d = catalog.find(cols[c]);
            // A rate "a / b" is weighted by its own volume b when the file has it (conversion by inquiries).
            const std::string volume = d ? rateVolumeMetric(*d) : std::string();
            const int wCol = !volume.empty() && raw.column(volume) >= 0 ? raw.column(volume) : recCol;
            double sum = 0, wsum = 0, wtotal = 0;
            bool any = false;
            for (size_t r : rowsOf[a]) {
                auto v = raw.get(r, int(c));
                if (!v) continue;
                any = true;
                sum += *v;
                double w = 1;
                if (auto rec = raw.get(r, wCol)) w = *rec;
                wsum += *v * w;
                wtotal += w;
            }
            if (!any) continue;
            bool additive = !d || d->additive();
            if (rowsOf[a].size() > 1 && d && d->compiled) {
                bool inputsPresent = true;
                for (const auto& inId : d->compiled->inputs()) inputsPresent = inputsPresent && raw.column(inId) >= 0;
                if (inputsPresent) continue; // recomputed from the summed counts
            }
            double v = additive ? sum : (wtotal > 0 ? wsum / wtotal : sum / double(rowsOf[a].size()));
            in.metrics.set(a, in.metrics.addColumn(cols[c]), v);
        }
    }
}
} // namespace

std::string agentColumnId(std::string_view header) {
    std::string h = normalizeHeader(header);
    static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
        {"agent", {"agent", "客服", "姓名", "客服姓名", "name", "员工", "员工姓名"}},
        {"id", {"id", "agent_id", "工号", "员工编号"}},
        {"group", {"group", "组别", "分组", "旺旺分组", "小组"}},
        {"status", {"status", "状态", "员工状态"}},
        {"hire_date", {"hire_date", "入职日期", "入职时间"}},
        {"regular_since", {"regular_since", "转正日期", "转正时间"}},
        {"level", {"level", "级别", "等级"}},
        {"nickname", {"nickname", "旺旺昵称", "客服昵称", "客服账号", "昵称", "子账号"}},
    };
    if (!nicknamePlatform(header).empty()) return "nickname";
    for (const auto& [id, names] : table)
        for (const auto& n : names)
            if (normalizeHeader(n) == h) return id;
    return {};
}

std::string nicknamePlatform(std::string_view header) {
    std::string h = normalizeHeader(header);
    static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
        {"taobao", {"淘宝昵称", "淘宝账号", "千牛账号", "千牛昵称", "nickname_taobao"}},
        {"tmall", {"天猫昵称", "天猫账号", "nickname_tmall"}},
        {"jd", {"京东昵称", "京东账号", "咚咚账号", "nickname_jd"}},
        {"pdd", {"拼多多昵称", "拼多多账号", "nickname_pdd"}},
        {"douyin", {"抖店昵称", "抖店账号", "抖音账号", "飞鸽账号", "nickname_douyin"}},
    };
    for (const auto& [id, names] : table)
        for (const auto& n : names)
            if (normalizeHeader(n) == h) return id;
    return {};
}

Expected<std::vector<Agent>> loadRoster(std::string_view bytes, const std::string& fileName) {
    auto csv = parseCsv(decodeText(bytes));
    if (!csv) return csvError(fileName, csv.failure());
    if (csv->rows.empty()) return failAt(whereFile(fileName), kEmptyFile);
    const auto& header = csv->rows[0];
    std::vector<std::string> attrs, platforms;
    for (const auto& h : header) {
        attrs.push_back(agentColumnId(h));
        platforms.push_back(nicknamePlatform(h));
    }
    if (std::find(attrs.begin(), attrs.end(), "agent") == attrs.end())
        return failAt(whereLine(fileName, 1), kNoRosterAgent);
    std::vector<Agent> roster;
    for (size_t r = 1; r < csv->rows.size(); ++r) {
        Agent a;
        for (size_t c = 0; c < csv->rows[r].size() && c < attrs.size(); ++c) {
            if (attrs[c].empty()) continue;
            // A nickname cell may list several accounts separated by | or ；
            if (attrs[c] == "nickname") {
                std::string cell = csv->rows[r][c];
                size_t start = 0;
                while (start <= cell.size()) {
                    size_t bar = cell.find('|', start);
                    std::string part(trim(std::string_view(cell).substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
                    if (!part.empty()) a.nicknames.push_back({platforms[c], part});
                    if (bar == std::string::npos) break;
                    start = bar + 1;
                }
                continue;
            }
            auto place = [&] { return where(fileName, csv->lines[r], header[c], c); };
            auto ok = setAttribute(a, attrs[c], csv->rows[r][c], place);
            if (!ok) return ok.failure();
        }
        if (a.name.empty()) continue;
        auto same = std::find_if(roster.begin(), roster.end(), [&](const Agent& x) { return x.name == a.name; });
        if (same != roster.end()) { // a second row adds nicknames of the same person
            same->nicknames.insert(same->nicknames.end(), a.nicknames.begin(), a.nicknames.end());
            continue;
        }
        roster.push_back(std::move(a));
    }
    return roster;
}

Expected<PeriodInput> loadMetricsTable(const std::vector<std::vector<std::string>>& rows, const std::vector<uint32_t>& lines,
                                       const std::string& file, const Catalog& catalog, const std::vector<Agent>* roster,
                                       LoadReport& report) {
    return loadMetricsTable(rows, lines, file, catalog, roster, report, LoadOptions{});
}

Expected<PeriodInput> loadMetricsTable(const std::vector<std::vector<std::string>>& rows, const std::vector<uint32_t>& lines,
                                       const std::string& file, const Catalog& catalog, const std::vector<Agent>* roster,
                                       LoadReport& report, const LoadOptions& options) {
    if (rows.empty()) return failAt(whereFile(file), kEmptyFile);
    PeriodInput raw;
    auto plan = planColumns(rows[0], file, lines[0], catalog, raw, report, options);
    if (!plan) return plan.failure();
    report.columnMetrics.clear();
    for (const MetricDef* d : plan->def) report.columnMetrics.push_back(d ? d->id : std::string());
    auto pct = percentColumns(rows, *plan);
    std::vector<Agent> rowAgents;
    std::vector<uint32_t> rowLines;
    std::vector<bool> rowStatus; // the row gives the month's status (over the roster's)
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        Agent a;
        bool statusGiven = false;
        for (size_t c = 0; c < row.size() && c < plan->attr.size(); ++c)
            if (!plan->attr[c].empty()) {
                statusGiven |= plan->attr[c] == "status" && !trim(row[c]).empty();
                auto place = [&] { return where(file, lines[r], rows[0][c], c); };
                auto ok = setAttribute(a, plan->attr[c], row[c], place);
                if (!ok) return ok.failure();
            }
        std::string key = !a.name.empty() ? a.name : (a.nicknames.empty() ? "" : a.nicknames[0].account);
        if (isSummaryRow(key)) continue;
        if (key.empty()) {
            bool allEmpty = std::all_of(row.begin(), row.end(), [](const std::string& s) { return trim(s).empty(); });
            if (allEmpty) continue;
            size_t c = size_t(plan->agentCol >= 0 ? plan->agentCol : plan->nicknameCol);
            return failAt(where(file, lines[r], rows[0][c], c), kNameEmpty);
        }
        size_t idx = rowAgents.size();
        raw.metrics.resizeRows(idx + 1);
        for (size_t c = 0; c < row.size() && c < plan->metric.size(); ++c) {
            if (plan->metric[c] < 0 || trim(row[c]).empty()) continue;
            auto n = parseNumberCell(row[c]);
            if (!n) { // "-", "—", "延迟统计" ...: no value, and the cell is named
                const std::string cell(trim(row[c]));
                report.warnings.push_back(at(where(file, lines[r], rows[0][c], c), kNotNumber, {cell}));
                continue;
            }
            double v = n->value;
            if (pct[c] || n->percent) v /= 100.0;
            raw.metrics.set(idx, plan->metric[c], v);
        }
        rowAgents.push_back(std::move(a));
        rowLines.push_back(lines[r]);
        rowStatus.push_back(statusGiven);
    }
    // Resolve rows to agents.
    PeriodInput in;
    std::vector<std::vector<size_t>> rowsOf;
    Text2 unknown; // "name (line N)", listed
    for (size_t r = 0; r < rowAgents.size(); ++r) {
        Agent a = rowAgents[r];
        std::string nick = a.nicknames.empty() ? "" : a.nicknames[0].account;
        if (roster) {
            const Agent* m = matchRoster(*roster, a.name, nick);
            if (!m && options.listUnknown) {
                const std::string name = a.name.empty() ? nick : a.name;
                auto u = std::find_if(report.unknown.begin(), report.unknown.end(), [&](const UnknownAgent& x) { return x.name == name; });
                if (u == report.unknown.end()) report.unknown.push_back({name, a.name.empty(), {rowLines[r]}});
                else u->lines.push_back(rowLines[r]);
                continue;
            }
            if (!m) {
                Text2 u = fillMsg(kAgentLine, {a.name.empty() ? nick : a.name, std::to_string(rowLines[r])});
                unknown.zh += (unknown.zh.empty() ? "" : "、") + u.zh;
                unknown.en += (unknown.en.empty() ? "" : ", ") + u.en;
                continue;
            }
            Agent merged = *m; // the roster's agent, with this month's group and status when the file gives them
            if (!a.group.empty()) merged.group = a.group;
            if (rowStatus[r]) merged.status = a.status;
            a = merged;
        } else if (a.name.empty()) {
            a.name = nick;
        }
        auto same = std::find_if(in.agents.begin(), in.agents.end(), [&](const Agent& x) { return x.name == a.name; });
        if (same != in.agents.end()) {
            if (!roster)
                return failAt(whereLine(file, rowLines[r]), kDuplicate, {a.name});
            rowsOf[size_t(same - in.agents.begin())].push_back(r);
            continue;
        }
        in.agents.push_back(std::move(a));
        rowsOf.push_back({r});
    }
    if (!unknown.en.empty()) return errorOf(fillEach(kUnknownAgents, {whereFile(file), unknown}));
    in.metrics.resizeRows(in.agents.size());
    for (const auto& c : raw.metrics.columns()) in.metrics.addColumn(c);
    combineRows(in, rowsOf, raw.metrics, catalog);
    report.agentRows.clear();
    for (const auto& rs : rowsOf) {
        report.agentRows.emplace_back();
        for (size_t r : rs) report.agentRows.back().push_back(rowLines[r]);
    }
    return in;
}

Expected<PeriodInput> loadMetricsCsv(std::string_view bytes, const std::string& fileName, const Catalog& catalog,
                                     const std::vector<Agent>* roster, LoadReport& report) {
    auto csv = parseCsv(decodeText(bytes));
    if (!csv) return csvError(fileName, csv.failure());
    return loadMetricsTable(csv->rows, csv->lines, fileName, catalog, roster, report);
}

bool isKnownEventKind(std::string_view kind, const std::vector<std::string>& extraKinds) {
    static const std::vector<std::string_view> fixed = {
        "complaint", "missed_handover", "missed_weekly_report", "off_task", "missed_cleaning", "data_leak", "late",
        "early_leave", "absence", "leave", "attitude_good", "attitude_bad", "add_top_workload", "add_full_exam",
        "add_cover_shift", "add_extra_work", "add_zero_complaints", "add_suggestion", "violation_light",
        "violation_medium", "violation_severe"};
    if (std::find(fixed.begin(), fixed.end(), kind) != fixed.end()) return true;
    if (std::find(extraKinds.begin(), extraKinds.end(), kind) != extraKinds.end()) return true;
    for (std::string_view prefix : {"check_good:", "check_bad:", "check_na:"})
        if (kind.substr(0, prefix.size()) == prefix && kind.size() > prefix.size()) return true;
    return false;
}

} // namespace kefu::core
