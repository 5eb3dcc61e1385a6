// The JSON export of a shop (kefu snapshot export-json): the same data as the snapshot, for
// people and scripts.
#include "snapshot.h"

namespace kefu::core {

namespace {
Json str(const std::string& s) { return Json::string(s); }
Json num(double d) { return Json::number(d); }
Json optDate(const std::optional<Date>& d) { return d ? str(formatDate(*d)) : Json::null(); }

Json stampJson(const Stamp& s) {
    Json j = Json::object();
    j.set("at", num(double(s.at)));
    j.set("author", str(s.author));
    return j;
}

Json logJson(const std::vector<LogEntry>& log) {
    Json a = Json::array();
    for (const auto& l : log) {
        Json j = Json::object();
        j.set("at", num(double(l.at)));
        j.set("author", str(l.author));
        j.set("action", str(l.action));
        j.set("detail", str(l.detail));
        a.push(std::move(j));
    }
    return a;
}

Json agentJson(const AgentRecord& a) {
    Json j = Json::object();
    j.set("id", str(a.id));
    j.set("name", str(a.name));
    j.set("group", str(a.group));
    j.set("status", str(statusId(a.status)));
    j.set("hire_date", optDate(a.hireDate));
    j.set("regular_since", optDate(a.regularSince));
    j.set("level", str(a.level));
    Json nicks = Json::array();
    for (const auto& n : a.nicknames) {
        Json nj = Json::object();
        nj.set("platform", str(n.platform));
        nj.set("account", str(n.account));
        nicks.push(std::move(nj));
    }
    j.set("nicknames", std::move(nicks));
    Json changes = Json::array();
    for (const auto& c : a.changes) {
        Json cj = Json::object();
        cj.set("date", str(formatDate(c.date)));
        cj.set("field", str(c.field));
        cj.set("value", str(c.value));
        changes.push(std::move(cj));
    }
    j.set("changes", std::move(changes));
    j.set("active", Json::boolean(a.active));
    j.set("stamp", stampJson(a.stamp));
    return j;
}

Json cellsJson(const std::vector<MetricCell>& cells) {
    static const char* origins[] = {"typed", "imported", "computed", "appeal"};
    Json a = Json::array();
    for (const auto& c : cells) {
        Json j = Json::object();
        j.set("agent_id", str(c.agentId));
        j.set("metric", str(c.metric));
        j.set("value", c.value ? num(*c.value) : Json::null());
        Json p = Json::object();
        p.set("origin", str(origins[int(c.provenance.origin)]));
        if (!c.provenance.file.empty()) p.set("file", str(c.provenance.file));
        if (!c.provenance.sheet.empty()) p.set("sheet", str(c.provenance.sheet));
        if (c.provenance.row) p.set("row", num(c.provenance.row));
        j.set("provenance", std::move(p));
        j.set("stamp", stampJson(c.stamp));
        a.push(std::move(j));
    }
    return a;
}

Json periodJson(const PeriodRecord& p) {
    Json j = Json::object();
    j.set("month", str(formatMonth(p.month)));
    j.set("closed", Json::boolean(p.closed));
    j.set("cells", cellsJson(p.cells));
    Json events = Json::array();
    for (const auto& e : p.events) {
        Json ej = Json::object();
        ej.set("id", str(e.id));
        ej.set("agent_id", str(e.agentId));
        ej.set("date", str(formatDate(e.date)));
        ej.set("kind", str(e.kind));
        ej.set("count", num(e.count));
        ej.set("points", e.points ? num(*e.points) : Json::null());
        ej.set("note", str(e.note));
        ej.set("deleted", Json::boolean(e.deleted));
        ej.set("stamp", stampJson(e.stamp));
        events.push(std::move(ej));
    }
    j.set("events", std::move(events));
    if (p.closed) {
        auto scheme = parseJson(p.frozenScheme);
        auto results = parseJson(p.frozenResults);
        j.set("frozen_scheme", scheme ? *scheme : str(p.frozenScheme));
        j.set("frozen_results", results ? *results : str(p.frozenResults));
        j.set("frozen_cells", cellsJson(p.frozenCells));
    }
    j.set("closings", logJson(p.closings));
    if (!p.appeals.empty()) {
        Json appeals = Json::array();
        for (const auto& r : p.appeals) {
            Json aj = appealToJson(r.appeal);
            aj.set("stamp", stampJson(r.stamp));
            appeals.push(std::move(aj));
        }
        j.set("appeals", std::move(appeals));
    }
    j.set("stamp", stampJson(p.stamp));
    return j;
}
} // namespace

Json shopToJson(const Shop& shop) {
    Json j = Json::object();
    j.set("format", str("kefu-shop"));
    j.set("version", num(kSnapshotVersion));
    j.set("id", str(shop.id));
    j.set("name", str(shop.name));
    j.set("manager", str(shop.managerName));
    j.set("active_scheme", str(shop.activeSchemeId));
    Json groups = Json::array();
    for (const auto& g : shop.groups) groups.push(str(g));
    j.set("groups", std::move(groups));
    auto settings = parseJson(shop.settings);
    j.set("settings", shop.settings.empty() ? Json::object() : settings ? *settings : str(shop.settings));
    Json agents = Json::array();
    for (const auto& a : shop.agents) agents.push(agentJson(a));
    j.set("agents", std::move(agents));
    Json periods = Json::array();
    for (const auto& p : shop.periods) periods.push(periodJson(p));
    j.set("periods", std::move(periods));
    Json schemes = Json::array();
    for (const auto& s : shop.schemes) {
        Json sj = Json::object();
        sj.set("id", str(s.id));
        auto parsed = parseJson(s.json);
        sj.set("scheme", parsed ? *parsed : str(s.json));
        sj.set("stamp", stampJson(s.stamp));
        schemes.push(std::move(sj));
    }
    j.set("schemes", std::move(schemes));
    Json metrics = Json::array();
    for (const auto& m : shop.customMetrics) {
        Json mj = Json::object();
        for (auto [k, v] : {std::pair<const char*, const std::string*>{"id", &m.id}, {"zh", &m.zh}, {"en", &m.en}, {"unit", &m.unit},
                            {"direction", &m.direction}, {"definition_zh", &m.definitionZh},
                            {"definition_en", &m.definitionEn}, {"formula", &m.formula}})
            mj.set(k, str(*v));
        metrics.push(std::move(mj));
    }
    j.set("custom_metrics", std::move(metrics));
    Json fund = Json::array();
    for (const auto& f : shop.fund) {
        Json fj = Json::object();
        fj.set("id", str(f.entry.id));
        fj.set("date", str(formatDate(f.entry.date)));
        fj.set("amount_fen", num(double(f.entry.amountFen)));
        fj.set("note", str(f.entry.note));
        if (f.deleted) fj.set("deleted", Json::boolean(true));
        fj.set("stamp", stampJson(f.stamp));
        fund.push(std::move(fj));
    }
    j.set("fund", std::move(fund));
    j.set("audit", logJson(shop.audit));
    j.set("stamp", stampJson(shop.stamp));
    return j;
}

} // namespace kefu::core
