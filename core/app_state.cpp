#include "app_state.h"

#include <algorithm>

#include "csv.h"
#include "evaluate.h"
#include "input.h"
#include "presets.h"

namespace kefu::core {

namespace {
const Msg kText{"{0}", "{0}"};
const Msg kNameEmpty{"请填写客服姓名", "Enter the agent's name"};
const Msg kGroupEmpty{"请填写组别", "Enter the group"};
const Msg kAgentExists{"客服“{0}”已在名单中", "Agent '{0}' is already on the roster"};
const Msg kNoAgent{"名单中没有客服“{0}”", "No agent '{0}' on the roster"};
const Msg kNoMetrics{"没有找到指标文件（metrics-YYYY-MM.csv）", "No metrics file (metrics-YYYY-MM.csv) found"};
const Msg kBadMonth{"{0}：文件名里的月份不是 YYYY-MM", "{0}: the month in the file name is not YYYY-MM"};
const Msg kUnknownPreset{"没有方案“{0}”", "No scheme '{0}'"};

// Fills {0} {1} ... of a message template.
std::string fill(const char* pattern, const std::vector<std::string>& args) {
    std::string out;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            if (size_t(p[1] - '0') < args.size()) out += args[size_t(p[1] - '0')];
            p += 2;
            continue;
        }
        out += *p;
    }
    return out;
}

void notice(AppState& s, const Msg& msg, const std::vector<std::string>& args = {}) {
    s.notices.push_back(Text2{fill(msg.zh, args), fill(msg.en, args)});
}
void noticeText(AppState& s, const std::string& text) { notice(s, kText, {text}); }

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
                                const std::vector<Agent>& roster, std::vector<std::string>& warnings) {
    LoadReport report;
    auto in = loadMetricsCsv(metrics.bytes, metrics.name, Catalog::builtin(), roster.empty() ? nullptr : &roster, report);
    if (!in) return Error{in.error()};
    warnings.insert(warnings.end(), report.warnings.begin(), report.warnings.end());
    PeriodData p;
    p.month = month;
    p.input = std::move(*in);
    p.input.period = month;
    if (const ShopFile* ev = findFile(files, "events-", formatMonth(month))) {
        auto events = loadEventsCsv(ev->bytes, ev->name, p.input.agents, {});
        if (!events) return Error{events.error()};
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

void loadShop(AppState& s, const LoadShop& a) {
    std::vector<Agent> roster;
    if (const ShopFile* r = findFile(a.files, "roster")) {
        auto loaded = loadRoster(r->bytes, r->name);
        if (!loaded) return noticeText(s, loaded.error());
        roster = std::move(*loaded);
    }
    std::vector<PeriodData> periods;
    std::vector<std::string> warnings;
    for (const auto& f : a.files) {
        if (!startsWith(f.name, "metrics-")) continue;
        auto month = parseMonth(monthPart(f.name, "metrics-"));
        if (!month) return notice(s, kBadMonth, {f.name});
        auto p = loadPeriod(f, *month, a.files, roster, warnings);
        if (!p) return noticeText(s, p.error());
        periods.push_back(std::move(*p));
    }
    if (periods.empty()) return notice(s, kNoMetrics);
    std::sort(periods.begin(), periods.end(), [](const auto& x, const auto& y) { return x.month < y.month; });
    fillRosterFromPeriods(roster, periods);
    s.shopName = a.shopName;
    s.roster = std::move(roster);
    s.periods = std::move(periods);
    s.selectedPeriod = int(s.periods.size()) - 1;
    s.demo = a.demo;
    s.schemeId.clear();
    for (const auto& w : warnings) noticeText(s, w);
    recompute(s);
}

void addAgent(AppState& s, const AddAgent& a) {
    std::string name(trim(a.name)), group(trim(a.group));
    if (name.empty()) return notice(s, kNameEmpty);
    if (group.empty()) return notice(s, kGroupEmpty);
    if (std::any_of(s.roster.begin(), s.roster.end(), [&](const Agent& r) { return r.name == name; }))
        return notice(s, kAgentExists, {name});
    Agent agent;
    agent.name = name;
    agent.group = group;
    agent.status = a.status;
    agent.level = a.level;
    s.roster.push_back(agent);
    for (auto& p : s.periods) {
        p.input.agents.push_back(agent);
        p.input.metrics.resizeRows(p.input.agents.size());
    }
    recompute(s);
}

void removeAgent(AppState& s, const RemoveAgent& a) {
    auto it = std::find_if(s.roster.begin(), s.roster.end(), [&](const Agent& r) { return r.name == a.name; });
    if (it == s.roster.end()) return notice(s, kNoAgent, {a.name});
    s.roster.erase(it);
    for (auto& p : s.periods) {
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

void selectScheme(AppState& s, const SelectScheme& a) {
    const auto& files = presetFiles();
    if (std::none_of(files.begin(), files.end(), [&](const PresetFile& f) { return f.id == a.presetId; }))
        return notice(s, kUnknownPreset, {a.presetId});
    s.schemeId = a.presetId;
    s.schemeIsFallback = false;
    recompute(s);
}

struct Applier {
    AppState& s;
    void operator()(const SetLanguage& a) { s.language = a.language; }
    void operator()(const SetShopName& a) { s.shopName = std::string(trim(a.name)); }
    void operator()(const AddAgent& a) { addAgent(s, a); }
    void operator()(const RemoveAgent& a) { removeAgent(s, a); }
    void operator()(const SelectPeriod& a) {
        if (a.index >= 0 && a.index < int(s.periods.size())) s.selectedPeriod = a.index;
    }
    void operator()(const SelectScheme& a) { selectScheme(s, a); }
    void operator()(const LoadShop& a) { loadShop(s, a); }
    void operator()(const ClearNotices&) { s.notices.clear(); }
};
} // namespace

void apply(AppState& state, const Action& action) {
    std::visit(Applier{state}, action);
    ++state.revision;
}

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
    auto scheme = loadPreset(s.schemeId, Catalog::builtin(), problems);
    if (!scheme) {
        noticeText(s, scheme.error());
        for (auto& p : s.periods) p.results = Results{};
        return;
    }
    s.schemeNameZh = scheme->nameZh;
    s.schemeNameEn = scheme->nameEn;
    History history;
    for (auto& p : s.periods) {
        PeriodInput in = p.input;
        in.period = p.month;
        deriveMetrics(Catalog::builtin(), in.metrics);
        p.results = evaluate(in, *scheme, history);
        history.push_back(historyOf(p.results, p.month));
    }
}

const Results* selectedResults(const AppState& s) {
    if (s.selectedPeriod < 0 || s.selectedPeriod >= int(s.periods.size())) return nullptr;
    return &s.periods[size_t(s.selectedPeriod)].results;
}

std::vector<std::string> rosterGroups(const AppState& s) {
    std::vector<std::string> groups;
    for (const auto& a : s.roster)
        if (!a.group.empty() && std::find(groups.begin(), groups.end(), a.group) == groups.end()) groups.push_back(a.group);
    return groups;
}

} // namespace kefu::core
