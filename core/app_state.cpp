#include "app_state.h"

#include <algorithm>

#include "csv.h"
#include "evaluate.h"
#include "input.h"
#include "presets.h"
#include "scheme.h"
#include "shop_state.h"
#include "app_actions.h"

namespace kefu::core {

using namespace detail;

namespace {
const Msg kNameEmpty{"请填写客服姓名", "Enter the agent's name"};
const Msg kGroupEmpty{"请填写组别", "Enter the group"};
const Msg kAgentExists{"客服“{0}”已在名单中", "Agent '{0}' is already on the roster"};
const Msg kNoAgent{"名单中没有客服“{0}”", "No agent '{0}' on the roster"};
const Msg kAgentInactive{"“{0}”在已停用的客服里；要让他回来请用“恢复”", "'{0}' was taken off the team; bring them back with Reactivate"};
const Msg kNoMetrics{"没有找到指标文件（metrics-YYYY-MM.csv）", "No metrics file (metrics-YYYY-MM.csv) found"};
const Msg kBadMonth{"{0}：文件名里的月份不是 YYYY-MM", "{0}: the month in the file name is not YYYY-MM"};
const Msg kUnknownPreset{"没有方案“{0}”", "No scheme '{0}'"};
const Msg kReadOnly{"另一个标签页正在编辑这个店铺，本页只读；请在那个标签页里修改",
                    "Another tab is editing this shop; this tab is read-only. Make changes there"};
const Msg kNoSuchPeriod{"没有这个月份", "There is no such month"};
const Msg kPeriodClosed{"{0} 已结算，不能再修改；如需修改请先重新打开", "{0} is closed and cannot change; reopen it first"};
const Msg kAlreadyClosed{"{0} 已经结算过了", "{0} is already closed"};
const Msg kNotClosed{"{0} 没有结算，不需要重新打开", "{0} is not closed"};
const Msg kReasonNeeded{"重新打开已结算的月份需要填写原因", "Reopening a closed month needs a reason"};
const Msg kNoResults{"{0} 还没有考核结果，不能结算", "{0} has no results yet and cannot be closed"};
const Msg kUnknownMetric{"没有指标“{0}”", "No metric '{0}'"};
const Msg kComputed{"{0} 由其他指标算出，不能直接填写", "{1} is computed from other metrics and cannot be typed"};
const Msg kNothingToUndo{"没有可以撤销的操作", "Nothing to undo"};
const Msg kNothingToRedo{"没有可以重做的操作", "Nothing to redo"};


bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// "metrics-2024-03.csv" -> "2024-03" (between the prefix and the extension).
std::string monthPart(const std::string& name, std::string_view prefix) {
    std::string rest = name.substr(prefix.size());
    if (auto dot = rest.rfind('.'); dot != std::string::npos) rest.resize(dot);
    return rest;
}

HistoryPeriod historyOf(const Results& r, const Month& month) {
    HistoryPeriod hp;
    hp.period = month;
    for (const auto& a : r.agents) {
        HistoryAgent ha;
        ha.id = a.id;
        ha.name = a.agent;
        ha.flags = a.flags;
        for (const auto& [k, v] : a.scores) ha.scores[k] = v;
        hp.agents.push_back(std::move(ha));
    }
    return hp;
}

bool hasAnyValue(const MetricTable& t) {
    for (size_t r = 0; r < t.rows(); ++r)
        for (size_t c = 0; c < t.columns().size(); ++c)
            if (t.get(r, int(c))) return true;
    return false;
}

// Copies a metric table without one row.
MetricTable withoutRow(const MetricTable& t, size_t skip) {
    MetricTable out;
    for (const auto& c : t.columns()) out.addColumn(c);
    out.resizeRows(t.rows() - 1);
    for (size_t r = 0, o = 0; r < t.rows(); ++r) {
        if (r == skip) continue;
        for (size_t c = 0; c < t.columns().size(); ++c) out.set(o, int(c), t.get(r, int(c)));
        ++o;
    }
    return out;
}

const ShopFile* findFile(const std::vector<ShopFile>& files, std::string_view prefix, const std::string& month = "") {
    for (const auto& f : files)
        if (startsWith(f.name, prefix) && (month.empty() || monthPart(f.name, prefix) == month)) return &f;
    return nullptr;
}

// Loads one month of a shop: metrics (matched to the roster when there is one) and events.
Expected<PeriodData> loadPeriod(const ShopFile& metrics, const Month& month, const std::vector<ShopFile>& files,
                                const std::vector<Agent>& roster, std::vector<Text2>& warnings) {
    LoadReport report;
    auto in = loadMetricsCsv(metrics.bytes, metrics.name, Catalog::builtin(), roster.empty() ? nullptr : &roster, report);
    if (!in) return in.failure();
    warnings.insert(warnings.end(), report.warnings.begin(), report.warnings.end());
    PeriodData p;
    p.month = month;
    p.input = std::move(*in);
    p.input.period = month;
    if (const ShopFile* ev = findFile(files, "events-", formatMonth(month))) {
        auto events = loadEventsCsv(ev->bytes, ev->name, p.input.agents, {});
        if (!events) return events.failure();
        p.input.events = std::move(*events);
    }
    return p;
}

// The roster is the roster file when given, else every agent of the metrics files in order.
void fillRosterFromPeriods(std::vector<Agent>& roster, const std::vector<PeriodData>& periods) {
    for (const auto& p : periods)
        for (const auto& a : p.input.agents)
            if (std::none_of(roster.begin(), roster.end(), [&](const Agent& r) { return r.name == a.name; }))
                roster.push_back(a);
}

// False (with a notice) when a file is bad: the open shop stays as it was.
bool loadShop(AppState& s, const LoadShop& a) {
    std::vector<Agent> roster;
    if (const ShopFile* r = findFile(a.files, "roster")) {
        auto loaded = loadRoster(r->bytes, r->name);
        if (!loaded) return s.notices.push_back(errorText(loaded.failure())), false;
        roster = std::move(*loaded);
    }
    std::vector<PeriodData> periods;
    std::vector<Text2> warnings;
    for (const auto& f : a.files) {
        if (!startsWith(f.name, "metrics-")) continue;
        auto month = parseMonth(monthPart(f.name, "metrics-"));
        if (!month) return notice(s, kBadMonth, {f.name}), false;
        auto p = loadPeriod(f, *month, a.files, roster, warnings);
        if (!p) return s.notices.push_back(errorText(p.failure())), false;
        periods.push_back(std::move(*p));
    }
    if (periods.empty()) return notice(s, kNoMetrics), false;
    std::sort(periods.begin(), periods.end(), [](const auto& x, const auto& y) { return x.month < y.month; });
    fillRosterFromPeriods(roster, periods);
    s.shopName = a.shopName;
    s.roster = std::move(roster);
    s.periods = std::move(periods);
    s.selectedPeriod = int(s.periods.size()) - 1;
    s.demo = a.demo;
    s.schemeId.clear();
    s.notices.insert(s.notices.end(), warnings.begin(), warnings.end());
    recompute(s);
    return true;
}

void addAgent(AppState& s, const AddAgent& a) {
    std::string name(trim(a.name)), group(trim(a.group));
    if (name.empty()) return notice(s, kNameEmpty);
    if (group.empty()) return notice(s, kGroupEmpty);
    if (std::any_of(s.roster.begin(), s.roster.end(), [&](const Agent& r) { return r.name == name; }))
        return notice(s, kAgentExists, {name});
    if (std::any_of(s.inactive.begin(), s.inactive.end(), [&](const Agent& r) { return r.name == name; }))
        return notice(s, kAgentInactive, {name});
    Agent agent;
    agent.name = name;
    agent.group = group;
    agent.status = a.status;
    agent.level = a.level;
    s.roster.push_back(agent);
    for (auto& p : s.periods) {
        if (p.closed) continue; // a closed month keeps its team
        p.input.agents.push_back(agent);
        p.input.metrics.resizeRows(p.input.agents.size());
    }
    recompute(s);
}

void removeAgent(AppState& s, const RemoveAgent& a) {
    auto it = std::find_if(s.roster.begin(), s.roster.end(), [&](const Agent& r) { return r.name == a.name; });
    if (it == s.roster.end()) return notice(s, kNoAgent, {a.name});
    s.inactive.push_back(*it); // the person stays known (earlier closed months, merges), off the team
    s.roster.erase(it);
    for (auto& p : s.periods) {
        if (p.closed) continue;
        auto& agents = p.input.agents;
        auto at = std::find_if(agents.begin(), agents.end(), [&](const Agent& r) { return r.name == a.name; });
        if (at == agents.end()) continue;
        p.input.metrics = withoutRow(p.input.metrics, size_t(at - agents.begin()));
        agents.erase(at);
        auto& ev = p.input.events;
        ev.erase(std::remove_if(ev.begin(), ev.end(), [&](const Event& e) { return e.agent == a.name; }), ev.end());
    }
    recompute(s);
}

const Msg kRenameClosed{"{0} 已在已结算的月份里，不能改名", "{0} is in a closed month and cannot be renamed"};

// What changed, for the log: "张三: 售前A组 → 售后组, 试用 → 转正".
std::string agentChanges(const Agent& a, const Agent& b) {
    std::string out;
    auto add = [&](const std::string& x, const std::string& y) {
        if (x != y) out += (out.empty() ? "" : ", ") + (x.empty() ? "-" : x) + " → " + (y.empty() ? "-" : y);
    };
    auto date = [](const std::optional<Date>& d) { return d ? formatDate(*d) : std::string(); };
    add(a.name, b.name);
    add(a.group, b.group);
    add(statusId(a.status), statusId(b.status));
    add(date(a.hireDate), date(b.hireDate));
    add(date(a.regularSince), date(b.regularSince));
    add(a.level, b.level);
    std::string na, nb;
    na = nicknamesText(a.nicknames);
    nb = nicknamesText(b.nicknames);
    add(na, nb);
    return out;
}

bool updateAgent(AppState& s, const UpdateAgent& a, std::string& detail) {
    auto it = std::find_if(s.roster.begin(), s.roster.end(), [&](const Agent& r) { return r.name == a.name; });
    if (it == s.roster.end()) return notice(s, kNoAgent, {a.name}), false;
    Agent next = a.changed;
    next.name = std::string(trim(next.name));
    next.group = std::string(trim(next.group));
    next.id = it->id;
    if (next.name.empty()) return notice(s, kNameEmpty), false;
    if (next.group.empty()) return notice(s, kGroupEmpty), false;
    const bool renamed = next.name != a.name;
    if (renamed && std::any_of(s.roster.begin(), s.roster.end(), [&](const Agent& r) { return r.name == next.name; }))
        return notice(s, kAgentExists, {next.name}), false;
    auto inPeriod = [&](const PeriodData& p) {
        return std::any_of(p.input.agents.begin(), p.input.agents.end(), [&](const Agent& r) { return r.name == a.name; });
    };
    if (renamed && std::any_of(s.periods.begin(), s.periods.end(), [&](const PeriodData& p) { return p.closed && inPeriod(p); }))
        return notice(s, kRenameClosed, {a.name}), false;
    detail = a.name + ": " + agentChanges(*it, next);
    if (detail == a.name + ": ") return false; // nothing changed
    *it = next;
    for (size_t i = 0; i < s.periods.size(); ++i) {
        PeriodData& p = s.periods[i];
        if (p.closed) continue;
        const bool from = int(i) >= a.fromPeriod;
        for (auto& r : p.input.agents) {
            if (r.name != a.name) continue;
            if (from) r = next;
            else if (renamed) r.name = next.name; // a name is the same person in every month
        }
        if (renamed) {
            for (auto& e : p.input.events)
                if (e.agent == a.name) e.agent = next.name;
            std::map<std::string, Provenance> sources; // keyed by name: the new name takes them
            for (auto& [key, where] : p.sources) {
                const size_t sep = key.find('\x1f');
                sources[key.substr(0, sep) == a.name ? sourceKey(next.name, key.substr(sep + 1)) : key] = where;
            }
            p.sources = std::move(sources);
        }
    }
    recompute(s);
    return true;
}

void selectScheme(AppState& s, const SelectScheme& a) {
    if (schemeText(s, a.presetId).empty()) return notice(s, kUnknownPreset, {a.presetId});
    s.schemeId = a.presetId;
    s.schemeIsFallback = false;
    recompute(s);
}

DocState takeDoc(const AppState& s) {
    DocState d{s.shopName, s.roster, s.periods, s.selectedPeriod, s.schemeId, s.schemeNameZh, s.schemeNameEn,
               s.schemeIsFallback, s.demo, s.record, s.groups, s.inactive, s.schemes, s.settings, s.fund};
    d.record.audit.clear(); // the log is not undone
    return d;
}

void putDoc(AppState& s, DocState d) {
    std::vector<LogEntry> audit = std::move(s.record.audit);
    s.record = std::move(d.record);
    s.record.audit = std::move(audit);
    s.shopName = std::move(d.shopName);
    s.roster = std::move(d.roster);
    s.periods = std::move(d.periods);
    s.selectedPeriod = d.selectedPeriod;
    s.schemeId = std::move(d.schemeId);
    s.schemeNameZh = std::move(d.schemeNameZh);
    s.schemeNameEn = std::move(d.schemeNameEn);
    s.schemeIsFallback = d.schemeIsFallback;
    s.demo = d.demo;
    s.groups = std::move(d.groups);
    s.inactive = std::move(d.inactive);
    s.schemes = std::move(d.schemes);
    s.settings = std::move(d.settings);
    s.fund = std::move(d.fund);
}


Change closePeriod(AppState& s, const ClosePeriod& a) {
    if (a.index < 0 || a.index >= int(s.periods.size())) return notice(s, kNoSuchPeriod), Change{};
    PeriodData& p = s.periods[size_t(a.index)];
    const std::string month = formatMonth(p.month);
    if (p.closed) return notice(s, kAlreadyClosed, {month}), Change{};
    if (p.results.agents.empty()) return notice(s, kNoResults, {month}), Change{};
    Problems problems;
    auto scheme = activeScheme(s, problems);
    if (!scheme) return s.notices.push_back(errorText(scheme.failure())), Change{};
    p.closed = true;
    p.frozenScheme = writeJson(schemeToJson(*scheme));
    p.closeReason = std::string(trim(a.reason));
    return {"close", month + (p.closeReason.empty() ? "" : ": " + p.closeReason)};
}

// Writes values into a month (all or none: every edit is checked first); how many changed.
// `imported`, when given, is where each edit's value came from (typed values have no source).
int writeValues(AppState& s, int period, const std::vector<ValueEdit>& edits, const Provenance* imported = nullptr) {
    if (period < 0 || period >= int(s.periods.size())) return notice(s, kNoSuchPeriod), -1;
    PeriodData& p = s.periods[size_t(period)];
    if (p.closed) return notice(s, kPeriodClosed, {formatMonth(p.month)}), -1;
    std::vector<size_t> rows;
    for (const auto& e : edits) {
        const MetricDef* m = Catalog::builtin().find(e.metric);
        if (!m) return notice(s, kUnknownMetric, {e.metric}), -1;
        // A report gives derived metrics too (a rate without its counts): those values are kept.
        if (!m->formula.empty() && !imported) return notice(s, kComputed, {m->zh, m->en}), -1;
        auto row = std::find_if(p.input.agents.begin(), p.input.agents.end(), [&](const Agent& x) { return x.name == e.agent; });
        if (row == p.input.agents.end()) return notice(s, kNoAgent, {e.agent}), -1;
        rows.push_back(size_t(row - p.input.agents.begin()));
    }
    int changed = 0;
    for (size_t i = 0; i < edits.size(); ++i) {
        const int col = p.input.metrics.addColumn(edits[i].metric);
        auto source = p.sources.find(sourceKey(edits[i].agent, edits[i].metric));
        if (imported) {
            if (source == p.sources.end() || source->second != imported[i]) ++changed;
            p.sources[sourceKey(edits[i].agent, edits[i].metric)] = imported[i];
        } else if (source != p.sources.end()) { // typed over an imported value: it is typed now
            p.sources.erase(source);
            ++changed;
        }
        if (p.input.metrics.get(rows[i], col) == edits[i].value) continue;
        p.input.metrics.set(rows[i], col, edits[i].value);
        ++changed;
    }
    if (changed) recompute(s);
    return changed;
}

Change setMetricValue(AppState& s, const SetMetricValue& a) {
    if (writeValues(s, a.period, {{a.agent, a.metric, a.value}}) <= 0) return {};
    std::string value = a.value ? formatNumber(*a.value) : "-";
    return {"set_value", formatMonth(s.periods[size_t(a.period)].month) + " / " + a.agent + " / " + a.metric + " = " + value};
}

Change setMetricValues(AppState& s, const SetMetricValues& a) {
    const int changed = writeValues(s, a.period, a.edits);
    if (changed <= 0) return {};
    return {"paste", formatMonth(s.periods[size_t(a.period)].month) + ": " + std::to_string(changed)};
}

const Msg kImportNothing{"{0}：没有可导入的数值", "{0}: there are no values to import"};

// An import: bindings first (so the agents are known by their accounts from now on), then the
// values with their sources, then the layout's column choices; one step.
Change importValues(AppState& s, const ImportValues& a) {
    if (a.period < 0 || a.period >= int(s.periods.size())) return notice(s, kNoSuchPeriod), Change{};
    if (s.periods[size_t(a.period)].closed) return notice(s, kPeriodClosed, {formatMonth(s.periods[size_t(a.period)].month)}), Change{};
    if (a.values.empty()) return notice(s, kImportNothing, {a.file}), Change{};
    std::vector<ValueEdit> edits;
    std::vector<Provenance> sources;
    for (const auto& v : a.values) {
        edits.push_back({v.agent, v.metric, v.value});
        sources.push_back({Origin::Imported, a.file, a.sheet, v.row});
    }
    const int changed = writeValues(s, a.period, edits, sources.data());
    if (changed < 0) return {};
    int bound = 0;
    for (const auto& binding : a.bindings) {
        const std::string& agent = binding.first;
        const NicknameBinding& account = binding.second;
        auto it = std::find_if(s.roster.begin(), s.roster.end(), [&](const Agent& x) { return x.name == agent; });
        if (it == s.roster.end() || account.account.empty()) continue;
        if (std::any_of(it->nicknames.begin(), it->nicknames.end(), [&](const NicknameBinding& n) { return n.account == account.account; }))
            continue;
        it->nicknames.push_back(account);
        for (auto& p : s.periods)
            for (auto& r : p.input.agents)
                if (r.name == agent && !p.closed) r.nicknames = it->nicknames;
        ++bound;
    }
    for (const ReportLayout& layout : a.layouts) {
        if (layout.headers.empty()) continue;
        auto& layouts = s.settings.layouts;
        auto it = std::find_if(layouts.begin(), layouts.end(), [&](const ReportLayout& l) { return l.headers == layout.headers; });
        if (it == layouts.end()) layouts.push_back(layout);
        else *it = layout;
    }
    return {"import", formatMonth(s.periods[size_t(a.period)].month) + " / " + a.file + (a.sheet.empty() ? "" : " [" + a.sheet + "]") +
                          ": " + std::to_string(a.values.size()) + " values" + (bound ? ", " + std::to_string(bound) + " accounts bound" : "")};
}

Change reopenPeriod(AppState& s, const ReopenPeriod& a) {
    if (a.index < 0 || a.index >= int(s.periods.size())) return notice(s, kNoSuchPeriod), Change{};
    PeriodData& p = s.periods[size_t(a.index)];
    const std::string month = formatMonth(p.month), reason(trim(a.reason));
    if (!p.closed) return notice(s, kNotClosed, {month}), Change{};
    if (reason.empty()) return notice(s, kReasonNeeded), Change{};
    p.closed = false;
    p.frozenScheme.clear();
    p.closeReason = reason;
    recompute(s); // from now on it follows the shop's scheme again
    return {"reopen", month + ": " + reason};
}

struct Applier {
    AppState& s;
    int64_t now;
    uint64_t seed;
    Change operator()(const SetLanguage& a) { s.language = a.language; return {}; }
    Change operator()(const SetShopName& a) {
        std::string name(trim(a.name));
        if (name == s.shopName) return {};
        s.shopName = name;
        return {"shop_name", name};
    }
    Change operator()(const SetManagerName& a) {
        s.managerName = std::string(trim(a.name));
        return {};
    }
    Change operator()(const AddAgent& a) {
        size_t before = s.roster.size();
        addAgent(s, a);
        if (s.roster.size() == before) return {};
        return {"add_agent", s.roster.back().name + " (" + s.roster.back().group + ")"};
    }
    Change operator()(const UpdateAgent& a) {
        std::string detail;
        return updateAgent(s, a, detail) ? Change{"edit_agent", detail} : Change{};
    }
    Change operator()(const RemoveAgent& a) {
        size_t before = s.roster.size();
        removeAgent(s, a);
        return s.roster.size() == before ? Change{} : Change{"remove_agent", a.name};
    }
    Change operator()(const SelectPeriod& a) {
        if (a.index >= 0 && a.index < int(s.periods.size())) s.selectedPeriod = a.index;
        return {};
    }
    Change operator()(const SelectScheme& a) {
        if (a.presetId == s.schemeId) return {};
        std::string before = s.schemeId;
        selectScheme(s, a);
        return s.schemeId == before ? Change{} : Change{"scheme", a.presetId};
    }
    Change operator()(const LoadShop& a) {
        if (!loadShop(s, a)) return {};
        std::vector<LogEntry> audit = std::move(s.record.audit);
        s.record = Shop{}; // another shop: a new id, new records
        s.record.audit = std::move(audit);
        return {"load", a.shopName};
    }
    Change operator()(const StartShop& a) { return startShop(s, a); }
    Change operator()(const SetGroups& a) { return setGroups(s, a); }
    Change operator()(const AddPeriod& a) { return addPeriod(s, a); }
    Change operator()(const DeactivateAgent& a) { return deactivateAgent(s, a); }
    Change operator()(const ReactivateAgent& a) { return reactivateAgent(s, a); }
    Change operator()(const AddEvent& a) { return addEvent(s, a); }
    Change operator()(const UpdateEvent& a) { return updateEvent(s, a); }
    Change operator()(const RemoveEvent& a) { return removeEvent(s, a); }
    Change operator()(const SaveScheme& a) { return saveScheme(s, a); }
    Change operator()(const SetSettings& a) { return setSettings(s, a); }
    Change operator()(const AddFundEntry& a) { return addFundEntry(s, a, seed); }
    Change operator()(const RemoveFundEntry& a) { return removeFundEntry(s, a); }
    Change operator()(const ClearNotices&) { s.notices.clear(); return {}; }
    Change operator()(const SetMetricValue& a) { return setMetricValue(s, a); }
    Change operator()(const SetMetricValues& a) { return setMetricValues(s, a); }
    Change operator()(const ImportValues& a) { return importValues(s, a); }
    Change operator()(const ClosePeriod& a) { return closePeriod(s, a); }
    Change operator()(const ReopenPeriod& a) { return reopenPeriod(s, a); }
    Change operator()(const OpenSnapshotFile& a) { return openSnapshotFile(s, a); }
    Change operator()(const ReplaceWithIncoming&) { return replaceWithIncoming(s); }
    Change operator()(const MergeIncoming&) { return mergeIncoming(s, now); }
    Change operator()(const ResolveMerge& a) { return resolveMerge(s, a, now); }
    Change operator()(const CancelIncoming&) { s.incoming.reset(); return {}; }
    Change operator()(const RestoreVersion& a) { return restoreVersion(s, a); }
    Change operator()(const SetReadOnly& a) { s.readOnly = a.readOnly; return {}; }
    Change operator()(const FollowSaved& a) { return followSaved(s, a); }
    Change operator()(const AddGoal& a) { return addGoal(s, a, seed); }
    Change operator()(const UpdateGoal& a) { return updateGoal(s, a); }
    Change operator()(const RemoveGoal& a) { return removeGoal(s, a); }
    Change operator()(const FileAppeal& a) { return fileAppeal(s, a, now, seed); }
    Change operator()(const DecideAppeal& a) { return decideAppeal(s, a, now); }
    Change operator()(const Undo&) { return {}; }
    Change operator()(const Redo&) { return {}; }
};

// Actions that change the shop's data: refused in a read-only tab, undoable, logged.
bool changesData(const Action& a) {
    return !(std::holds_alternative<SetLanguage>(a) || std::holds_alternative<SelectPeriod>(a) ||
             std::holds_alternative<ClearNotices>(a) || std::holds_alternative<OpenSnapshotFile>(a) ||
             std::holds_alternative<CancelIncoming>(a) || std::holds_alternative<SetReadOnly>(a) ||
             std::holds_alternative<FollowSaved>(a) || std::holds_alternative<SetManagerName>(a));
}

// Brings the record up to date with the data (new stamps only where something changed) and logs.
void commit(AppState& s, const std::string& action, const std::string& detail, int64_t now, uint64_t seed) {
    s.record = shopFromState(s, s.record, now, s.managerName, seed);
    s.record.audit.push_back({now, s.managerName, action, detail});
    s.clock = now;
    ++s.dataRevision;
}

void undoRedo(AppState& s, bool undo, int64_t now, uint64_t seed) {
    auto& from = undo ? s.undo : s.redo;
    auto& to = undo ? s.redo : s.undo;
    if (from.empty()) return notice(s, undo ? kNothingToUndo : kNothingToRedo);
    UndoStep step = std::move(from.back());
    from.pop_back();
    const std::string action = step.action, detail = step.detail;
    DocState now_ = takeDoc(s);
    putDoc(s, std::move(step.doc));
    to.push_back({std::move(now_), action, detail});
    commit(s, undo ? "undo" : "redo", action + (detail.empty() ? "" : ": " + detail), now, seed);
}
} // namespace

const UndoStep* undoStep(const AppState& s) { return s.undo.empty() ? nullptr : &s.undo.back(); }
const UndoStep* redoStep(const AppState& s) { return s.redo.empty() ? nullptr : &s.redo.back(); }

void apply(AppState& state, const Action& action, const ApplyContext& context) {
    ++state.revision;
    if (state.readOnly && changesData(action)) return notice(state, kReadOnly);
    // Stamps never go backwards, and two changes in one millisecond still differ.
    const int64_t now = std::max(context.now, state.clock + 1);
    const uint64_t seed = context.seed ? context.seed : uint64_t(now) * 0x9E3779B97F4A7C15ull + state.revision;
    if (std::holds_alternative<Undo>(action) || std::holds_alternative<Redo>(action))
        return undoRedo(state, std::holds_alternative<Undo>(action), now, seed);
    DocState before = changesData(action) ? takeDoc(state) : DocState{};
    Change change = std::visit(Applier{state, now, seed}, action);
    if (!change) return;
    state.undo.push_back({std::move(before), change.action, change.detail});
    if (state.undo.size() > kUndoSteps) state.undo.erase(state.undo.begin());
    state.redo.clear();
    commit(state, change.action, change.detail, now, seed);
}

std::string sourceKey(const std::string& agent, const std::string& metric) { return agent + '\x1f' + metric; }

std::string defaultSchemeId() {
    for (const auto& f : presetFiles())
        if (f.id == "shop-default") return "shop-default";
    return "presales-rank";
}

void recompute(AppState& s) {
    if (s.schemeId.empty()) {
        s.schemeId = defaultSchemeId();
        s.schemeIsFallback = s.schemeId != "shop-default";
    }
    Problems problems;
    auto scheme = activeScheme(s, problems);
    if (!scheme) {
        s.notices.push_back(errorText(scheme.failure()));
        for (auto& p : s.periods) p.results = Results{};
        return;
    }
    s.schemeNameZh = scheme->nameZh;
    s.schemeNameEn = scheme->nameEn;
    History history;
    for (auto& p : s.periods) {
        if (p.closed && !p.results.agents.empty()) { // frozen: its results stay as they were closed
            history.push_back(historyOf(p.results, p.month));
            continue;
        }
        if (p.input.events.empty() && !hasAnyValue(p.input.metrics)) { // nothing entered yet: not assessed
            p.results = Results{};
            continue;
        }
        PeriodInput in = p.input;
        in.period = p.month;
        deriveMetrics(Catalog::builtin(), in.metrics);
        if (p.closed && !p.frozenScheme.empty()) { // reopened from a snapshot: scored again with its own scheme
            Problems frozenProblems;
            auto frozen = parseScheme(p.frozenScheme, Catalog::builtin(), frozenProblems);
            if (!frozen) { noticeText(s, formatMonth(p.month) + ": " + frozen.error()); continue; }
            p.results = evaluate(in, *frozen, history);
        } else {
            p.results = evaluate(in, *scheme, history);
        }
        history.push_back(historyOf(p.results, p.month));
    }
}

const Results* selectedResults(const AppState& s) {
    if (s.selectedPeriod < 0 || s.selectedPeriod >= int(s.periods.size())) return nullptr;
    return &s.periods[size_t(s.selectedPeriod)].results;
}

std::vector<std::string> rosterGroups(const AppState& s) {
    std::vector<std::string> groups = s.groups;
    for (const auto& a : s.roster)
        if (!a.group.empty() && std::find(groups.begin(), groups.end(), a.group) == groups.end()) groups.push_back(a.group);
    return groups;
}

} // namespace kefu::core
