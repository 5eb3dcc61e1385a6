#include "merge.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "snapshot.h"

namespace kefu::core {

namespace {
enum class Pick { Same, A, B, Conflict };

bool descends(const Stamp& s, const Stamp& from) {
    return from.at == 0 || std::find(s.ancestry.begin(), s.ancestry.end(), from.at) != s.ancestry.end();
}

template <class R> Pick pick(const R& a, const R& b) {
    if (a == b) return Pick::Same;
    if (a.stamp == b.stamp) return Pick::Conflict; // same revision, different content: damage or clock reuse
    if (descends(b.stamp, a.stamp)) return Pick::B;
    if (descends(a.stamp, b.stamp)) return Pick::A;
    return Pick::Conflict;
}

class Merger {
public:
    Merger(Prefer prefer, const MergeChoices& choices, MergeReport& report)
        : m_prefer(prefer), m_choices(choices), m_report(report) {}

    // The side a conflict takes: the user's choice for it, else the general preference.
    Prefer decided(const std::string& id) const {
        auto it = m_choices.find(id);
        return it != m_choices.end() ? it->second : m_prefer;
    }

    // Merges lists of records keyed by `key`; A's order first, then records only B has.
    template <class R, class Key, class ToJson>
    std::vector<R> list(const std::vector<R>& as, const std::vector<R>& bs, Key key, const std::string& kind,
                        const std::string& prefix, ToJson toJson, bool closed = false) {
        std::unordered_map<std::string, const R*> inB;
        inB.reserve(bs.size());
        for (const R& b : bs) inB.emplace(key(b), &b);
        std::unordered_set<std::string> inA;
        inA.reserve(as.size());
        std::vector<R> out;
        out.reserve(as.size() + bs.size());
        for (const R& a : as) {
            std::string k = key(a);
            auto it = inB.find(k);
            out.push_back(it == inB.end() ? a : one(a, *it->second, kind, prefix + k, toJson, closed));
            inA.insert(std::move(k));
        }
        for (const R& b : bs) {
            std::string k = key(b);
            if (inA.count(k)) continue;
            if (closed) { out.push_back(closedChange(b, kind, prefix + k, toJson)); continue; }
            out.push_back(b);
            ++m_report.takenFromB;
        }
        return out;
    }

    template <class R, class ToJson>
    R one(const R& a, const R& b, const std::string& kind, const std::string& key, ToJson toJson, bool closed) {
        Pick p = pick(a, b);
        if (p == Pick::Same) return a;
        if (p == Pick::A) { ++m_report.takenFromA; return a; }
        if (p == Pick::B && !closed) { ++m_report.takenFromB; return b; }
        const std::string id = kind + ":" + key;
        const Prefer side = decided(id);
        MergeConflict c{id, closed ? "closed_period" : kind, key, toJson(a), toJson(b), a.stamp, b.stamp, side != Prefer::None};
        m_report.conflicts.push_back(std::move(c));
        return side == Prefer::B ? b : a;
    }

    // A record that exists only in B but belongs to a period closed in A.
    template <class R, class ToJson> R closedChange(const R& b, const std::string& kind, const std::string& key, ToJson toJson) {
        const std::string id = kind + ":" + key;
        MergeConflict c{id, "closed_period", key, Json::null(), toJson(b), Stamp{}, b.stamp, decided(id) != Prefer::None};
        m_report.conflicts.push_back(std::move(c));
        return b; // the caller drops it unless B is chosen
    }

private:
    Prefer m_prefer;
    const MergeChoices& m_choices;
    MergeReport& m_report;
};

Json cellJson(const MetricCell& c) { return c.value ? Json::number(*c.value) : Json::null(); }
Json eventJson(const EventRecord& e) {
    Json j = Json::object();
    j.set("date", Json::string(formatDate(e.date)));
    j.set("kind", Json::string(e.kind));
    j.set("count", Json::number(e.count));
    j.set("note", Json::string(e.note));
    j.set("deleted", Json::boolean(e.deleted));
    return j;
}
Json agentJson(const AgentRecord& a) {
    Json j = Json::object();
    j.set("name", Json::string(a.name));
    j.set("group", Json::string(a.group));
    j.set("status", Json::string(statusId(a.status)));
    j.set("level", Json::string(a.level));
    j.set("active", Json::boolean(a.active));
    return j;
}

std::string agentName(const Shop& a, const Shop& b, const std::string& id) {
    if (const AgentRecord* r = findAgent(a, id)) return r->name;
    if (const AgentRecord* r = findAgent(b, id)) return r->name;
    return id;
}

PeriodRecord mergePeriod(Merger& m, const PeriodRecord& a, const PeriodRecord& b) {
    const std::string prefix = formatMonth(a.month) + " / ";
    const bool closed = a.closed || b.closed;
    PeriodRecord out = a;
    // The period's own fields (closing, frozen results) follow the period stamp.
    PeriodRecord ha = a, hb = b;
    ha.cells.clear(); ha.events.clear(); hb.cells.clear(); hb.events.clear();
    ha.appeals.clear(); hb.appeals.clear();
    PeriodRecord head = m.one(ha, hb, "period", formatMonth(a.month),
                              [](const PeriodRecord& p) { return Json::boolean(p.closed); }, false);
    out.closed = head.closed; out.frozenScheme = head.frozenScheme; out.frozenResults = head.frozenResults;
    out.frozenCells = head.frozenCells; out.closings = head.closings; out.stamp = head.stamp;
    const auto cellKey = [](const MetricCell& c) { return c.agentId + "/" + c.metric; };
    auto cells = m.list(a.cells, b.cells, cellKey, "cell", prefix, cellJson, closed);
    auto events = m.list(a.events, b.events, [](const EventRecord& e) { return e.id; }, "event", prefix, eventJson, closed);
    // Appeals by id: one filed or decided in either copy is kept (in a closed month as in A).
    out.appeals = closed && a.closed ? a.appeals
                                     : m.list(a.appeals, b.appeals, [](const AppealRecord& r) { return r.appeal.id; }, "appeal",
                                              prefix, [](const AppealRecord& r) { return appealToJson(r.appeal); });
    // In a period closed in A, records only B has are kept only when B is chosen for them.
    const auto keep = [&](bool inA, const std::string& id) { return !a.closed || inA || m.decided(id) == Prefer::B; };
    out.cells.clear();
    out.events.clear();
    if (!a.closed) {
        out.cells = std::move(cells);
        out.events = std::move(events);
        return out;
    }
    std::unordered_set<std::string> cellsOfA, eventsOfA;
    for (const auto& x : a.cells) cellsOfA.insert(cellKey(x));
    for (const auto& x : a.events) eventsOfA.insert(x.id);
    for (auto& c : cells) {
        const std::string k = cellKey(c);
        if (keep(cellsOfA.count(k) > 0, "cell:" + prefix + k)) out.cells.push_back(std::move(c));
    }
    for (auto& e : events)
        if (keep(eventsOfA.count(e.id) > 0, "event:" + prefix + e.id)) out.events.push_back(std::move(e));
    return out;
}
} // namespace

size_t MergeReport::unresolved() const {
    return size_t(std::count_if(conflicts.begin(), conflicts.end(), [](const MergeConflict& c) { return !c.resolved; }));
}

Expected<MergeReport> mergeShops(const Shop& a, const Shop& b, Prefer prefer, int64_t now, const std::string& author,
                                 const MergeChoices& choices) {
    if (a.id != b.id)
        return Error{"these snapshots belong to different shops (" + a.name + " " + a.id + ", " + b.name + " " + b.id +
                     "); only copies of the same shop merge"};
    MergeReport report;
    Merger m(prefer, choices, report);
    Shop& out = report.merged;
    out = a;
    Shop pa = a, pb = b; // profile only
    for (Shop* p : {&pa, &pb}) {
        p->agents.clear(); p->periods.clear(); p->schemes.clear(); p->customMetrics.clear(); p->audit.clear(); p->fund.clear();
    }
    Shop profile = m.one(pa, pb, "profile", "shop", [](const Shop& s) { return Json::string(s.name + " / " + s.managerName); }, false);
    out.name = profile.name; out.managerName = profile.managerName; out.activeSchemeId = profile.activeSchemeId;
    out.groups = profile.groups; out.settings = profile.settings; out.stamp = profile.stamp;
    out.agents = m.list(a.agents, b.agents, [](const AgentRecord& r) { return r.id; }, "agent", "", agentJson);
    for (auto& c : report.conflicts)
        if (c.kind == "agent") c.key = agentName(a, b, c.key);
    out.schemes = m.list(a.schemes, b.schemes, [](const SchemeRecord& s) { return s.id; }, "scheme", "",
                         [](const SchemeRecord& s) { return Json::string(s.json); });
    out.customMetrics = m.list(a.customMetrics, b.customMetrics, [](const CustomMetricRecord& r) { return r.id; }, "metric", "",
                               [](const CustomMetricRecord& r) { return Json::string(r.formula); });
    out.fund = m.list(a.fund, b.fund, [](const FundRecord& f) { return f.entry.id; }, "fund", "", [](const FundRecord& f) {
        return Json::string(formatDate(f.entry.date) + " " + std::to_string(f.entry.amountFen) + " " + f.entry.note +
                            (f.deleted ? " (deleted)" : ""));
    });
    out.periods.clear();
    for (const auto& pa2 : a.periods) {
        const PeriodRecord* pb2 = findPeriod(b, pa2.month);
        out.periods.push_back(pb2 ? mergePeriod(m, pa2, *pb2) : pa2);
    }
    for (const auto& pb2 : b.periods)
        if (!findPeriod(a, pb2.month)) { out.periods.push_back(pb2); ++report.takenFromB; }
    std::sort(out.periods.begin(), out.periods.end(), [](const auto& x, const auto& y) { return x.month < y.month; });
    // Readable keys for cells: month / agent name / metric.
    for (auto& c : report.conflicts) {
        auto slash = c.key.find(" / ");
        if (slash == std::string::npos) continue;
        auto rest = c.key.substr(slash + 3);
        auto sep = rest.find('/');
        if (sep != std::string::npos) c.key = c.key.substr(0, slash + 3) + agentName(a, b, rest.substr(0, sep)) + " / " + rest.substr(sep + 1);
    }
    // The audit log is the union of both, in time order.
    out.audit = a.audit;
    for (const auto& e : b.audit)
        if (std::find(out.audit.begin(), out.audit.end(), e) == out.audit.end()) out.audit.push_back(e);
    std::stable_sort(out.audit.begin(), out.audit.end(), [](const LogEntry& x, const LogEntry& y) { return x.at < y.at; });
    out.audit.push_back({now, author, "merge",
                         "merged " + std::to_string(report.takenFromB) + " changes from the other copy, " +
                             std::to_string(report.conflicts.size()) + " conflicts"});
    return report;
}

} // namespace kefu::core
