#include "input.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "csv.h"
#include "formula.h"
#include "json.h"
#include "text.h"

namespace kefu::core {

namespace {
std::string where(const std::string& file, uint32_t line, const std::string& header, size_t col) {
    return file + ": line " + std::to_string(line) + ", column " + std::to_string(col + 1) + " (" + header + ")";
}

struct ColumnPlan {
    std::vector<std::string> attr;   // agent attribute per column ("" when a metric or ignored)
    std::vector<int> metric;         // metric table column per header column, -1 = none
    std::vector<const MetricDef*> def;
    int agentCol = -1, nicknameCol = -1;
};

Expected<ColumnPlan> planColumns(const std::vector<std::string>& header, const std::string& file, uint32_t line,
                                 const Catalog& catalog, PeriodInput& input, LoadReport& report) {
    ColumnPlan plan;
    std::map<std::string, size_t> seenMetric, seenAttr;
    for (size_t c = 0; c < header.size(); ++c) {
        std::string h(trim(header[c]));
        std::string attr = agentColumnId(h);
        plan.attr.push_back(attr);
        plan.def.push_back(nullptr);
        plan.metric.push_back(-1);
        if (!attr.empty()) {
            if (seenAttr.count(attr))
                return Error{where(file, line, h, c) + ": column '" + attr + "' appears twice (also column " +
                             std::to_string(seenAttr[attr] + 1) + ")"};
            seenAttr[attr] = c;
            if (attr == "agent") plan.agentCol = int(c);
            if (attr == "nickname") plan.nicknameCol = int(c);
            continue;
        }
        const MetricDef* d = catalog.findByHeader(h);
        if (!d) {
            if (!h.empty()) report.warnings.push_back(where(file, line, h, c) + ": unknown column, ignored");
            continue;
        }
        if (auto it = seenMetric.find(d->id); it != seenMetric.end())
            return Error{where(file, line, h, c) + ": ambiguous, column " + std::to_string(it->second + 1) + " (" +
                         header[it->second] + ") is also metric '" + d->id + "'"};
        seenMetric[d->id] = c;
        plan.def[c] = d;
        plan.metric[c] = input.metrics.addColumn(d->id);
    }
    if (plan.agentCol < 0 && plan.nicknameCol < 0)
        return Error{file + ": line " + std::to_string(line) + ": no agent column (客服, 姓名, agent or a nickname column)"};
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

Expected<bool> setAttribute(Agent& a, const std::string& attr, std::string_view cellRaw, const std::string& loc) {
    std::string cell(trim(cellRaw));
    if (attr == "agent") a.name = cell;
    else if (attr == "id") a.id = cell;
    else if (attr == "group") a.group = cell;
    else if (attr == "level") a.level = cell;
    else if (attr == "nickname") {
        if (!cell.empty()) a.nicknames.push_back(cell);
    } else if (attr == "status") {
        if (cell.empty()) return true;
        auto s = parseStatus(cell);
        if (!s) return Error{loc + ": unknown status '" + cell + "' (expected 转正/regular or 试用/probation)"};
        a.status = *s;
    } else if (attr == "hire_date" || attr == "regular_since") {
        if (isBlankCell(cell)) return true;
        auto d = parseDate(cell);
        if (!d) d = excelSerialDate(cell);
        if (!d) return Error{loc + ": '" + cell + "' is not a date (expected YYYY-MM-DD or YYYY/M/D)"};
        (attr == "hire_date" ? a.hireDate : a.regularSince) = *d;
    }
    return true;
}

const Agent* matchRoster(const std::vector<Agent>& roster, const std::string& name, const std::string& nick) {
    for (const auto& a : roster) {
        if (!name.empty() && (a.name == name || (!a.id.empty() && a.id == name))) return &a;
        if (!nick.empty())
            for (const auto& n : a.nicknames)
                if (n == nick) return &a;
    }
    return nullptr;
}

// Combines the rows of one agent (several accounts): sums additive metrics, weights the
// others by receptions; given derived values are dropped so they are recomputed from counts.
void combineRows(PeriodInput& in, const std::vector<std::vector<size_t>>& rowsOf, const MetricTable& raw, const Catalog& catalog) {
    const auto& cols = raw.columns();
    int recCol = raw.column("receptions");
    for (size_t a = 0; a < rowsOf.size(); ++a) {
        for (size_t c = 0; c < cols.size(); ++c) {
            const MetricDef* d = catalog.find(cols[c]);
            double sum = 0, wsum = 0, wtotal = 0;
            bool any = false;
            for (size_t r : rowsOf[a]) {
                auto v = raw.get(r, int(c));
                if (!v) continue;
                any = true;
                sum += *v;
                double w = 1;
                if (auto rec = raw.get(r, recCol)) w = *rec;
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
    for (const auto& [id, names] : table)
        for (const auto& n : names)
            if (normalizeHeader(n) == h) return id;
    return {};
}

Expected<std::vector<Agent>> loadRoster(std::string_view bytes, const std::string& fileName) {
    auto csv = parseCsv(decodeText(bytes));
    if (!csv) return Error{fileName + ": " + csv.error()};
    if (csv->rows.empty()) return Error{fileName + ": the file is empty"};
    const auto& header = csv->rows[0];
    std::vector<std::string> attrs;
    for (const auto& h : header) attrs.push_back(agentColumnId(h));
    if (std::find(attrs.begin(), attrs.end(), "agent") == attrs.end())
        return Error{fileName + ": line 1: no agent column (客服, 姓名 or agent)"};
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
                    if (!part.empty()) a.nicknames.push_back(part);
                    if (bar == std::string::npos) break;
                    start = bar + 1;
                }
                continue;
            }
            auto ok = setAttribute(a, attrs[c], csv->rows[r][c], where(fileName, csv->lines[r], header[c], c));
            if (!ok) return Error{ok.error()};
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
    if (rows.empty()) return Error{file + ": the file is empty"};
    PeriodInput raw;
    auto plan = planColumns(rows[0], file, lines[0], catalog, raw, report);
    if (!plan) return Error{plan.error()};
    auto pct = percentColumns(rows, *plan);
    std::vector<Agent> rowAgents;
    std::vector<uint32_t> rowLines;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        Agent a;
        for (size_t c = 0; c < row.size() && c < plan->attr.size(); ++c)
            if (!plan->attr[c].empty()) {
                auto ok = setAttribute(a, plan->attr[c], row[c], where(file, lines[r], rows[0][c], c));
                if (!ok) return Error{ok.error()};
            }
        std::string key = !a.name.empty() ? a.name : (a.nicknames.empty() ? "" : a.nicknames[0]);
        if (isSummaryRow(key)) continue;
        if (key.empty()) {
            bool allEmpty = std::all_of(row.begin(), row.end(), [](const std::string& s) { return trim(s).empty(); });
            if (allEmpty) continue;
            size_t c = size_t(plan->agentCol >= 0 ? plan->agentCol : plan->nicknameCol);
            return Error{where(file, lines[r], rows[0][c], c) + ": the agent name is empty"};
        }
        size_t idx = rowAgents.size();
        raw.metrics.resizeRows(idx + 1);
        for (size_t c = 0; c < row.size() && c < plan->metric.size(); ++c) {
            if (plan->metric[c] < 0 || trim(row[c]).empty()) continue;
            auto n = parseNumberCell(row[c]);
            if (!n) { // "-", "—", "延迟统计" ...: no value, and the cell is named
                report.warnings.push_back(where(file, lines[r], rows[0][c], c) + ": '" + std::string(trim(row[c])) +
                                          "' is not a number, taken as no value");
                continue;
            }
            double v = n->value;
            if (pct[c] || n->percent) v /= 100.0;
            raw.metrics.set(idx, plan->metric[c], v);
        }
        rowAgents.push_back(std::move(a));
        rowLines.push_back(lines[r]);
    }
    // Resolve rows to agents.
    PeriodInput in;
    std::vector<std::vector<size_t>> rowsOf;
    std::vector<std::string> unknown;
    for (size_t r = 0; r < rowAgents.size(); ++r) {
        Agent a = rowAgents[r];
        std::string nick = a.nicknames.empty() ? "" : a.nicknames[0];
        if (roster) {
            const Agent* m = matchRoster(*roster, a.name, nick);
            if (!m) {
                unknown.push_back((a.name.empty() ? nick : a.name) + " (line " + std::to_string(rowLines[r]) + ")");
                continue;
            }
            Agent merged = *m;
            if (!a.group.empty()) merged.group = a.group;
            a = merged;
        } else if (a.name.empty()) {
            a.name = nick;
        }
        auto same = std::find_if(in.agents.begin(), in.agents.end(), [&](const Agent& x) { return x.name == a.name; });
        if (same != in.agents.end()) {
            if (!roster)
                return Error{file + ": line " + std::to_string(rowLines[r]) + ": duplicate agent '" + a.name + "'"};
            rowsOf[size_t(same - in.agents.begin())].push_back(r);
            continue;
        }
        in.agents.push_back(std::move(a));
        rowsOf.push_back({r});
    }
    if (!unknown.empty()) {
        std::string list;
        for (const auto& u : unknown) list += (list.empty() ? "" : ", ") + u;
        return Error{file + ": unknown agents or nicknames, bind them in the roster first: " + list};
    }
    in.metrics.resizeRows(in.agents.size());
    for (const auto& c : raw.metrics.columns()) in.metrics.addColumn(c);
    combineRows(in, rowsOf, raw.metrics, catalog);
    return in;
}

Expected<PeriodInput> loadMetricsCsv(std::string_view bytes, const std::string& fileName, const Catalog& catalog,
                                     const std::vector<Agent>* roster, LoadReport& report) {
    auto csv = parseCsv(decodeText(bytes));
    if (!csv) return Error{fileName + ": " + csv.error()};
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

Expected<std::vector<Event>> loadEventsCsv(std::string_view bytes, const std::string& file, const std::vector<Agent>& agents,
                                           const std::vector<std::string>& extraKinds) {
    auto csv = parseCsv(decodeText(bytes));
    if (!csv) return Error{file + ": " + csv.error()};
    if (csv->rows.empty()) return std::vector<Event>{};
    const auto& header = csv->rows[0];
    int cAgent = -1, cDate = -1, cKind = -1, cCount = -1, cPoints = -1, cNote = -1;
    for (size_t c = 0; c < header.size(); ++c) {
        std::string h = normalizeHeader(header[c]);
        if (h == "agent" || agentColumnId(header[c]) == "agent") cAgent = int(c);
        else if (h == "date" || h == "日期") cDate = int(c);
        else if (h == "kind" || h == "类型" || h == "事件") cKind = int(c);
        else if (h == "count" || h == "次数") cCount = int(c);
        else if (h == "points" || h == "分值") cPoints = int(c);
        else if (h == "note" || h == "备注") cNote = int(c);
    }
    if (cAgent < 0 || cDate < 0 || cKind < 0) return Error{file + ": line 1: expected the header agent,date,kind[,count,points,note]"};
    std::vector<Event> events;
    for (size_t r = 1; r < csv->rows.size(); ++r) {
        const auto& row = csv->rows[r];
        auto cell = [&](int c) { return c >= 0 && size_t(c) < row.size() ? std::string(trim(row[size_t(c)])) : std::string(); };
        auto loc = [&](int c) { return where(file, csv->lines[r], header[size_t(c)], size_t(c)); };
        Event e;
        e.line = csv->lines[r];
        e.agent = cell(cAgent);
        auto known = std::find_if(agents.begin(), agents.end(), [&](const Agent& a) { return a.name == e.agent || (!a.id.empty() && a.id == e.agent); });
        if (known == agents.end()) return Error{loc(cAgent) + ": unknown agent '" + e.agent + "'"};
        e.agent = known->name;
        auto d = parseDate(cell(cDate));
        if (!d) return Error{loc(cDate) + ": '" + cell(cDate) + "' is not a date (expected YYYY-MM-DD)"};
        e.date = *d;
        e.kind = cell(cKind);
        if (!isKnownEventKind(e.kind, extraKinds)) return Error{loc(cKind) + ": unknown event kind '" + e.kind + "'"};
        if (!cell(cCount).empty()) {
            auto n = parseNumberCell(cell(cCount));
            if (!n || n->value < 1 || n->value != std::floor(n->value) || n->value > 1e6)
                return Error{loc(cCount) + ": count '" + cell(cCount) + "' is not a whole number >= 1"};
            e.count = int32_t(n->value);
        }
        if (!cell(cPoints).empty()) {
            auto n = parseNumberCell(cell(cPoints));
            if (!n) return Error{loc(cPoints) + ": points '" + cell(cPoints) + "' is not a number"};
            e.points = n->value;
        }
        e.note = cell(cNote);
        events.push_back(std::move(e));
    }
    return events;
}

Expected<HistoryPeriod> loadHistoryJson(std::string_view text, const std::string& file) {
    auto j = parseJson(text);
    if (!j) return Error{file + ": " + j.error()};
    const Json* agents = j->find("agents");
    if (!agents || !agents->isArray()) return Error{file + ": not a kefu score result (no \"agents\" list)"};
    HistoryPeriod hp;
    if (const Json* p = j->find("period"); p && p->isString()) {
        hp.period = parseMonth(p->asString());
        if (!hp.period) return Error{file + ": line " + std::to_string(p->line) + ": period '" + p->asString() + "' is not YYYY-MM"};
    }
    for (const auto& a : agents->items()) {
        HistoryAgent ha;
        if (const Json* n = a.find("agent"); n && n->isString()) ha.name = n->asString();
        if (const Json* n = a.find("id"); n && n->isString()) ha.id = n->asString();
        if (const Json* f = a.find("flags"); f && f->isArray())
            for (const auto& x : f->items())
                if (x.isString()) ha.flags.push_back(x.asString());
        if (const Json* s = a.find("scores"); s && s->isObject())
            for (const auto& [k, v] : s->members())
                if (v.isNumber()) ha.scores[k] = v.asNumber();
        if (ha.name.empty() && ha.id.empty()) return Error{file + ": line " + std::to_string(a.line) + ": an agent without a name"};
        hp.agents.push_back(std::move(ha));
    }
    return hp;
}

} // namespace kefu::core
