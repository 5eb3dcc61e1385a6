// AppState as JSON: what the page's test hook (window.kefu.state()) returns.
#include "app_state.h"

namespace kefu::core {

namespace {
Json stringArray(const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const auto& s : v) a.push(Json::string(s));
    return a;
}

Json optionalNumber(const std::optional<double>& v) { return v ? Json::number(*v) : Json::null(); }

Json rosterJson(const AppState& s) {
    Json roster = Json::array();
    for (const auto& a : s.roster) {
        Json j = Json::object();
        j.set("name", Json::string(a.name));
        j.set("group", Json::string(a.group));
        j.set("status", Json::string(statusId(a.status)));
        j.set("level", Json::string(a.level));
        Json nicks = Json::array();
        for (const auto& n : a.nicknames) {
            Json nj = Json::object();
            nj.set("platform", Json::string(n.platform));
            nj.set("account", Json::string(n.account));
            nicks.push(std::move(nj));
        }
        j.set("nicknames", std::move(nicks));
        roster.push(std::move(j));
    }
    return roster;
}

Json resultsJson(const Results& r) {
    Json agents = Json::array();
    for (const auto& a : r.agents) {
        Json j = Json::object();
        j.set("agent", Json::string(a.agent));
        j.set("group", Json::string(a.group));
        j.set("status", Json::string(statusId(a.status)));
        j.set("score", optionalNumber(a.score));
        j.set("rank", a.rank ? Json::number(*a.rank) : Json::null());
        j.set("total_fen", Json::number(double(a.totalFen())));
        j.set("flags", stringArray(a.flags));
        agents.push(std::move(j));
    }
    return agents;
}
} // namespace

Json appStateToJson(const AppState& s) {
    Json j = Json::object();
    j.set("language", Json::string(s.language == Lang::Zh ? "zh" : "en"));
    j.set("shop", Json::string(s.shopName));
    j.set("demo", Json::boolean(s.demo));
    j.set("scheme", Json::string(s.schemeId));
    j.set("scheme_name", Json::string(s.language == Lang::Zh ? s.schemeNameZh : s.schemeNameEn));
    j.set("scheme_fallback", Json::boolean(s.schemeIsFallback));
    Json periods = Json::array();
    for (const auto& p : s.periods) periods.push(Json::string(formatMonth(p.month)));
    j.set("periods", std::move(periods));
    const Results* r = selectedResults(s);
    j.set("period", r ? Json::string(formatMonth(s.periods[size_t(s.selectedPeriod)].month)) : Json::null());
    j.set("roster", rosterJson(s));
    j.set("results", r ? resultsJson(*r) : Json::array());
    j.set("fund_total_fen", Json::number(r ? double(r->fundTotalFen) : 0));
    Json notices = Json::array();
    for (const auto& n : s.notices) notices.push(Json::string(s.language == Lang::Zh ? n.zh : n.en));
    j.set("notices", std::move(notices));
    j.set("revision", Json::number(double(s.revision)));
    j.set("data_revision", Json::number(double(s.dataRevision)));
    // The selected month's input values: {agent: {metric: value}}.
    Json values = Json::object();
    if (s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size())) {
        const PeriodInput& in = s.periods[size_t(s.selectedPeriod)].input;
        for (size_t r = 0; r < in.agents.size(); ++r) {
            Json row = Json::object();
            for (size_t c = 0; c < in.metrics.columns().size(); ++c)
                if (auto v = in.metrics.get(r, int(c))) row.set(in.metrics.columns()[c], Json::number(*v));
            values.set(in.agents[r].name, std::move(row));
        }
    }
    j.set("values", std::move(values));
    // Where the selected month's imported values came from: {"agent\u001fmetric": "file [sheet] row"}.
    Json sources = Json::object();
    if (s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size()))
        for (const auto& [key, p] : s.periods[size_t(s.selectedPeriod)].sources)
            sources.set(key, Json::string(p.file + (p.sheet.empty() ? "" : " [" + p.sheet + "]") + " " + std::to_string(p.row)));
    j.set("sources", std::move(sources));
    Json events = Json::array();
    if (s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size()))
        for (const auto& e : s.periods[size_t(s.selectedPeriod)].input.events) {
            Json ej = Json::object();
            ej.set("agent", Json::string(e.agent));
            ej.set("date", Json::string(formatDate(e.date)));
            ej.set("kind", Json::string(e.kind));
            ej.set("count", Json::number(e.count));
            ej.set("points", optionalNumber(e.points));
            ej.set("note", Json::string(e.note));
            events.push(std::move(ej));
        }
    j.set("events", std::move(events));
    Json appeals = Json::array(); // the selected month's appeals
    if (s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size()))
        for (const auto& a : s.periods[size_t(s.selectedPeriod)].appeals) appeals.push(appealToJson(a));
    j.set("appeals", std::move(appeals));
    j.set("groups", stringArray(rosterGroups(s)));
    std::vector<std::string> inactive, schemes;
    for (const auto& a : s.inactive) inactive.push_back(a.name);
    for (const auto& [id, text] : s.schemes) schemes.push_back(id);
    j.set("inactive", stringArray(inactive));
    j.set("schemes", stringArray(schemes));
    Json fund = Json::array();
    for (const auto& e : s.fund) {
        Json fj = Json::object();
        fj.set("id", Json::string(e.id));
        fj.set("date", Json::string(formatDate(e.date)));
        fj.set("amount_fen", Json::number(double(e.amountFen)));
        fj.set("note", Json::string(e.note));
        fund.push(std::move(fj));
    }
    j.set("fund", std::move(fund));
    auto settings = parseJson(shopSettingsJson(s.settings));
    j.set("settings", settings ? *settings : Json::null());
    j.set("manager", Json::string(s.managerName));
    j.set("shop_id", Json::string(s.record.id));
    j.set("read_only", Json::boolean(s.readOnly));
    Json closed = Json::array();
    for (const auto& p : s.periods)
        if (p.closed) closed.push(Json::string(formatMonth(p.month)));
    j.set("closed", std::move(closed));
    j.set("undo", s.undo.empty() ? Json::null() : Json::string(s.undo.back().action));
    j.set("redo", s.redo.empty() ? Json::null() : Json::string(s.redo.back().action));
    Json audit = Json::array();
    for (const auto& e : s.record.audit) {
        Json a = Json::object();
        a.set("at", Json::number(double(e.at)));
        a.set("author", Json::string(e.author));
        a.set("action", Json::string(e.action));
        a.set("detail", Json::string(e.detail));
        audit.push(std::move(a));
    }
    j.set("audit", std::move(audit));
    if (s.incoming) {
        Json in = Json::object();
        in.set("file", Json::string(s.incoming->fileName));
        in.set("shop", Json::string(s.incoming->summary.shopName));
        in.set("same_shop", Json::boolean(s.incoming->sameShop));
        in.set("merging", Json::boolean(s.incoming->merging));
        in.set("agents", Json::number(double(s.incoming->summary.agents)));
        in.set("months", stringArray(s.incoming->summary.months));
        Json conflicts = Json::array();
        for (const auto& c : s.incoming->conflicts) {
            Json cj = Json::object();
            cj.set("id", Json::string(c.id));
            cj.set("kind", Json::string(c.kind));
            cj.set("key", Json::string(c.key));
            cj.set("a", c.a);
            cj.set("b", c.b);
            conflicts.push(std::move(cj));
        }
        in.set("conflicts", std::move(conflicts));
        j.set("incoming", std::move(in));
    } else {
        j.set("incoming", Json::null());
    }
    return j;
}

namespace {
Expected<std::string> field(const Json& j, const char* key) {
    const Json* v = j.find(key);
    if (!v || !v->isString()) return Error{std::string("'") + key + "' must be a string"};
    return v->asString();
}

// A period by index or by "YYYY-MM".
Expected<int> periodIndex(const AppState& s, const Json& j) {
    const Json* v = j.find("period");
    if (v && v->isNumber()) return int(v->asNumber());
    if (!v || !v->isString()) return Error{"'period' must be an index or YYYY-MM"};
    for (size_t i = 0; i < s.periods.size(); ++i)
        if (formatMonth(s.periods[i].month) == v->asString()) return int(i);
    return Error{"no period " + v->asString()};
}
} // namespace

Expected<Action> actionFromJson(const AppState& s, const Json& j) {
    auto type = field(j, "type");
    if (!type) return Error{type.error()};
    const std::string& t = *type;
    if (t == "undo") return Action{Undo{}};
    if (t == "redo") return Action{Redo{}};
    if (t == "set_shop_name" || t == "set_manager" || t == "remove_agent") {
        auto name = field(j, "name");
        if (!name) return Error{name.error()};
        if (t == "set_shop_name") return Action{SetShopName{*name}};
        if (t == "set_manager") return Action{SetManagerName{*name}};
        return Action{RemoveAgent{*name}};
    }
    if (t == "set_groups") {
        const Json* g = j.find("groups");
        if (!g || !g->isArray()) return Error{"'groups' must be a list of names"};
        SetGroups a;
        for (const auto& x : g->items()) a.groups.push_back(x.isString() ? x.asString() : "");
        return Action{std::move(a)};
    }
    if (t == "add_period") {
        auto month = field(j, "month");
        if (!month) return Error{month.error()};
        auto m = parseMonth(*month);
        if (!m) return Error{"'month' must be YYYY-MM"};
        return Action{AddPeriod{*m}};
    }
    if (t == "select_scheme") {
        auto id = field(j, "id");
        if (!id) return Error{id.error()};
        return Action{SelectScheme{*id}};
    }
    if (t == "save_scheme") {
        auto json = field(j, "json");
        if (!json) return Error{json.error()};
        return Action{SaveScheme{*json, ""}};
    }
    if (t == "add_agent") {
        auto name = field(j, "name");
        auto group = field(j, "group");
        if (!name) return Error{name.error()};
        if (!group) return Error{group.error()};
        return Action{AddAgent{*name, *group, Status::Regular, ""}};
    }
    if (t != "select_period" && t != "close_period" && t != "reopen_period" && t != "set_metric" && t != "add_event" &&
        t != "remove_event" && t != "deactivate_agent" && t != "reactivate_agent")
        return Error{"unknown action type '" + t + "'"};
    auto period = periodIndex(s, j);
    if (!period) return Error{period.error()};
    if (t == "select_period") return Action{SelectPeriod{*period}};
    if (t == "close_period" || t == "reopen_period") {
        const Json* r = j.find("reason");
        std::string reason = r && r->isString() ? r->asString() : "";
        if (t == "close_period") return Action{ClosePeriod{*period, reason}};
        return Action{ReopenPeriod{*period, reason}};
    }
    if (t == "deactivate_agent" || t == "reactivate_agent") {
        auto name = field(j, "name");
        if (!name) return Error{name.error()};
        if (t == "deactivate_agent") return Action{DeactivateAgent{*name, *period}};
        return Action{ReactivateAgent{*name, *period}};
    }
    if (t == "remove_event") {
        const Json* i = j.find("index");
        if (!i || !i->isNumber()) return Error{"'index' must be a number"};
        return Action{RemoveEvent{*period, int(i->asNumber())}};
    }
    if (t == "add_event") {
        auto agent = field(j, "agent");
        auto date = field(j, "date");
        auto kind = field(j, "kind");
        if (!agent) return Error{agent.error()};
        if (!date) return Error{date.error()};
        if (!kind) return Error{kind.error()};
        auto d = parseDate(*date);
        if (!d) return Error{"'date' must be YYYY-MM-DD"};
        Event e;
        e.agent = *agent;
        e.date = *d;
        e.kind = *kind;
        if (const Json* c = j.find("count"); c && c->isNumber()) e.count = int32_t(c->asNumber());
        if (const Json* pts = j.find("points"); pts && pts->isNumber()) e.points = pts->asNumber();
        if (const Json* n = j.find("note"); n && n->isString()) e.note = n->asString();
        return Action{AddEvent{*period, std::move(e)}};
    }
    if (t == "set_metric") {
        auto agent = field(j, "agent");
        auto metric = field(j, "metric");
        if (!agent) return Error{agent.error()};
        if (!metric) return Error{metric.error()};
        const Json* v = j.find("value");
        if (v && !v->isNull() && !v->isNumber()) return Error{"'value' must be a number or null"};
        std::optional<double> value;
        if (v && v->isNumber()) value = v->asNumber();
        return Action{SetMetricValue{*period, *agent, *metric, value}};
    }
    return Error{"unknown action type '" + t + "'"};
}

} // namespace kefu::core
