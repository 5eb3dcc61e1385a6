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
    return j;
}

} // namespace kefu::core
