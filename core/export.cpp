// The export tables (export.h): what a shop owner's spreadsheet of the month holds, built from
// results and inputs. The writers live in export_write.cpp.
#include "export.h"

#include <set>

#include "payroll.h"

namespace kefu::core {

namespace {
const Msg kAgent{"客服", "Agent"};
const Msg kGroup{"组别", "Group"};
const Msg kStatus{"状态", "Status"};
const Msg kScore{"得分", "Score"};
const Msg kRank{"排名", "Rank"};
const Msg kRuleScore{"得分 {0}", "Score {0}"};
const Msg kTotalYuan{"金额合计（元）", "Total (yuan)"};
const Msg kFlags{"标记", "Flags"};
const Msg kPayTotal{"实发合计（元）", "Total pay (yuan)"};
const Msg kTotalsRow{"合计", "Total"};
const Msg kSheetResults{"考核结果", "Results"};
const Msg kSheetPayroll{"工资表", "Payroll"};
const Msg kSheetMetrics{"指标", "Metrics"};
// By MoneyKind, in its order.
const Msg kKindYuan[kMoneyKinds] = {
    {"奖金（元）", "Bonus (yuan)"}, {"悬赏金（元）", "Bounty (yuan)"}, {"提成（元）", "Commission (yuan)"},
    {"奖励（元）", "Award (yuan)"}, {"全勤（元）", "Attendance (yuan)"}, {"底薪（元）", "Base pay (yuan)"},
    {"保底补足（元）", "Guarantee top-up (yuan)"}, {"罚款（元）", "Fines (yuan)"}};
const Msg kRateAbove1{"{0} 列：客服 {1} 的值为 {2}（大于 1），读回时会被当作百分数，此列未写出",
                      "column {0}: agent {1} has {2} (above 1), which would read back as a percent number; the column is left out"};

const char* in(const Msg& m, Lang lang) { return lang == Lang::Zh ? m.zh : m.en; }

void addColumn(Table& t, std::string id, std::string title) {
    t.ids.push_back(std::move(id));
    t.header.push_back(std::move(title));
}

Cell yuan(int64_t fen) { return Cell::num(double(fen) / 100); }

std::string statusText(Status s, Lang lang, bool ids) {
    if (ids || lang == Lang::En) return statusId(s);
    return s == Status::Regular ? "转正" : "试用";
}

std::string dateText(const std::optional<Date>& d) { return d ? formatDate(*d) : std::string(); }

// The agent attribute columns of the metrics grid. English titles are those the loader reads
// back (agentColumnId): the two dates keep their ids there.
struct AgentColumn {
    const char* id;
    Msg title;
    std::string (*text)(const Agent& a, Lang lang, bool ids);
};
const AgentColumn kAgentColumns[] = {
    {"id", {"工号", "ID"}, [](const Agent& a, Lang, bool) { return a.id; }},
    {"group", {"组别", "Group"}, [](const Agent& a, Lang, bool) { return a.group; }},
    {"status", {"状态", "Status"}, [](const Agent& a, Lang l, bool ids) { return statusText(a.status, l, ids); }},
    {"hire_date", {"入职日期", "hire_date"}, [](const Agent& a, Lang, bool) { return dateText(a.hireDate); }},
    {"regular_since", {"转正日期", "regular_since"}, [](const Agent& a, Lang, bool) { return dateText(a.regularSince); }},
    {"level", {"级别", "Level"}, [](const Agent& a, Lang, bool) { return a.level; }},
};

// Which attribute columns carry something. A status is "regular" when nothing says otherwise
// (the loader's default), so the column is written when some agent is on probation: a file
// without one says the same, and does not claim a status that no source gave.
std::vector<bool> presentAgentColumns(const std::vector<Agent>& agents) {
    std::vector<bool> present;
    for (const auto& c : kAgentColumns) {
        const bool status = std::string_view(c.id) == "status";
        bool any = false;
        for (const auto& a : agents) any = any || (status ? a.status == Status::Probation : !c.text(a, Lang::En, true).empty());
        present.push_back(any);
    }
    return present;
}

// A rate column whose value above 1 would read back as percent numbers (metrics loader rule).
std::optional<std::pair<size_t, double>> rateAbove1(const PeriodInput& input, const MetricDef* d, int col) {
    if (!d || d->unit != Unit::Fraction) return std::nullopt;
    for (size_t r = 0; r < input.agents.size() && r < input.metrics.rows(); ++r)
        if (auto v = input.metrics.get(r, col); v && round6(*v) > 1) return std::pair{r, round6(*v)};
    return std::nullopt;
}

bool anyValue(const PeriodInput& input, int col) {
    for (size_t r = 0; r < input.agents.size() && r < input.metrics.rows(); ++r)
        if (input.metrics.get(r, col)) return true;
    return false;
}

// The grid: labels in `lang`, or ids (canonical, which also leaves out columns that would not read back).
Table metricsGrid(const PeriodInput& input, const Catalog& catalog, Lang lang, std::vector<Text2>* canonical) {
    const bool ids = canonical != nullptr;
    Table t;
    t.name = ids ? "metrics" : in(kSheetMetrics, lang);
    addColumn(t, "agent", ids ? "agent" : in(kAgent, lang));
    const std::vector<bool> present = presentAgentColumns(input.agents);
    for (size_t k = 0; k < present.size(); ++k)
        if (present[k]) addColumn(t, kAgentColumns[k].id, ids ? kAgentColumns[k].id : in(kAgentColumns[k].title, lang));
    std::vector<int> cols;
    for (const auto& id : input.metrics.columns()) {
        const MetricDef* d = catalog.find(id);
        const int col = input.metrics.column(id);
        if (!anyValue(input, col)) continue; // e.g. a derived metric whose other input is missing
        if (auto bad = ids ? rateAbove1(input, d, col) : std::nullopt) {
            canonical->push_back(fillMsg(kRateAbove1, {id, input.agents[bad->first].name, formatValue(bad->second)}));
            continue;
        }
        addColumn(t, id, ids || !d ? id : (lang == Lang::Zh ? d->zh : d->en));
        cols.push_back(col);
    }
    for (size_t r = 0; r < input.agents.size(); ++r) {
        const Agent& a = input.agents[r];
        std::vector<Cell> row{Cell::str(a.name)};
        for (size_t k = 0; k < present.size(); ++k)
            if (present[k]) row.push_back(Cell::str(kAgentColumns[k].text(a, lang, ids)));
        for (int col : cols) {
            auto v = r < input.metrics.rows() ? input.metrics.get(r, col) : std::nullopt;
            row.push_back(v ? Cell::num(round6(*v)) : Cell{});
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string joinFlags(const std::vector<std::string>& flags) {
    std::string out;
    for (const auto& f : flags) out += (out.empty() ? "" : ";") + f;
    return out;
}
} // namespace

Table resultsTable(const Results& results, Lang lang) {
    std::set<std::string> keys; // every rule's score, in key order like `kefu score --format csv`
    for (const auto& a : results.agents)
        for (const auto& [k, v] : a.scores) keys.insert(k);
    Table t;
    t.name = in(kSheetResults, lang);
    addColumn(t, "agent", in(kAgent, lang));
    addColumn(t, "group", in(kGroup, lang));
    addColumn(t, "status", in(kStatus, lang));
    addColumn(t, "score", in(kScore, lang));
    addColumn(t, "rank", in(kRank, lang));
    for (const auto& k : keys) addColumn(t, "score:" + k, textIn(fillMsg(kRuleScore, {k}), lang));
    addColumn(t, "total_yuan", in(kTotalYuan, lang));
    addColumn(t, "flags", in(kFlags, lang));
    for (const auto& a : results.agents) {
        std::vector<Cell> row{Cell::str(a.agent), Cell::str(a.group), Cell::str(statusText(a.status, lang, false)),
                              a.score ? Cell::num(*a.score) : Cell{}, a.rank ? Cell::num(*a.rank) : Cell{}};
        for (const auto& k : keys) {
            auto it = a.scores.find(k);
            row.push_back(it == a.scores.end() ? Cell{} : Cell::num(it->second));
        }
        row.push_back(yuan(a.totalFen()));
        row.push_back(Cell::str(joinFlags(a.flags)));
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table payrollTable(const Results& results, Lang lang) {
    const Payroll sheet = payroll(results);
    Table t;
    t.name = in(kSheetPayroll, lang);
    addColumn(t, "agent", in(kAgent, lang));
    addColumn(t, "group", in(kGroup, lang));
    for (MoneyKind k : kPaySheetOrder) addColumn(t, moneyKindId(k), in(kKindYuan[size_t(k)], lang));
    addColumn(t, "total", in(kPayTotal, lang));
    auto line = [&](const PayRow& p, std::string agent) {
        std::vector<Cell> row{Cell::str(std::move(agent)), Cell::str(p.group)};
        for (MoneyKind k : kPaySheetOrder) row.push_back(yuan(p.fen[size_t(k)]));
        row.push_back(yuan(p.totalFen));
        t.rows.push_back(std::move(row));
    };
    for (const auto& p : sheet.rows) line(p, p.agent);
    line(sheet.totals, in(kTotalsRow, lang));
    return t;
}

Table metricsTable(const PeriodInput& input, const Catalog& catalog, Lang lang) {
    return metricsGrid(input, catalog, lang, nullptr);
}

Table canonicalMetricsTable(const PeriodInput& input, const Catalog& catalog, std::vector<Text2>& warnings) {
    return metricsGrid(input, catalog, Lang::En, &warnings);
}

} // namespace kefu::core
