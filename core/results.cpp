#include "results.h"

#include <algorithm>

namespace kefu::core {

namespace {
const char* const kKinds[] = {"bonus", "bounty", "commission", "award", "attendance", "base", "guarantee_topup", "fine"};

void addUnique(std::vector<std::string>& flags, std::string f) {
    if (std::find(flags.begin(), flags.end(), f) == flags.end()) flags.push_back(std::move(f));
}

Json stringArray(const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const auto& s : v) a.push(Json::string(s));
    return a;
}

Json agentJson(const AgentResult& a, Lang lang) {
    Json j = Json::object();
    j.set("agent", Json::string(a.agent));
    if (!a.id.empty()) j.set("id", Json::string(a.id));
    j.set("group", Json::string(a.group));
    j.set("status", Json::string(statusId(a.status)));
    j.set("score", a.score ? Json::number(*a.score) : Json::null());
    j.set("rank", a.rank ? Json::number(*a.rank) : Json::null());
    Json scores = Json::object();
    for (const auto& [k, v] : a.scores) scores.set(k, Json::number(v));
    j.set("scores", std::move(scores));
    Json ranks = Json::object();
    for (const auto& [k, v] : a.ranks) ranks.set(k, Json::number(v));
    j.set("ranks", std::move(ranks));
    if (a.stage) j.set("stage", Json::string(*a.stage));
    Json money = Json::object();
    money.set("total_fen", Json::number(double(a.totalFen())));
    Json items = Json::array();
    for (const auto& m : a.money) {
        Json it = Json::object();
        it.set("rule", Json::string(m.rule));
        it.set("kind", Json::string(moneyKindId(m.kind)));
        it.set("amount_fen", Json::number(double(m.amountFen)));
        it.set("why", Json::string(m.why.format(lang)));
        items.push(std::move(it));
    }
    money.set("items", std::move(items));
    j.set("money", std::move(money));
    j.set("flags", stringArray(a.flags));
    Json breakdown = Json::array();
    for (const auto& b : a.breakdown) {
        Json it = Json::object();
        it.set("rule", Json::string(b.rule));
        it.set("metric", b.metric.empty() ? Json::null() : Json::string(b.metric));
        it.set("value", b.value ? Json::number(*b.value) : Json::null());
        it.set("points", b.points ? Json::number(*b.points) : Json::null());
        it.set("why", Json::string(b.why.format(lang)));
        breakdown.push(std::move(it));
    }
    j.set("breakdown", std::move(breakdown));
    if (!a.lowConfidence.empty()) {
        Json low = Json::array();
        for (const auto& l : a.lowConfidence) {
            Json it = Json::object();
            it.set("metric", Json::string(l.metric));
            it.set("value", Json::number(l.value));
            it.set("volume", l.volume ? Json::number(*l.volume) : Json::null());
            it.set("min_volume", Json::number(l.minVolume));
            it.set("policy", Json::string(l.policy));
            it.set("used", l.used ? Json::number(*l.used) : Json::null());
            Json ci = Json::array();
            ci.push(Json::number(l.lo));
            ci.push(Json::number(l.hi));
            it.set("interval95", std::move(ci));
            it.set("why", Json::string(l.why.format(lang)));
            low.push(std::move(it));
        }
        j.set("low_confidence", std::move(low));
    }
    return j;
}
} // namespace

const char* moneyKindId(MoneyKind k) { return kKinds[int(k)]; }

std::optional<MoneyKind> parseMoneyKind(std::string_view s) {
    for (int i = 0; i < 8; ++i)
        if (s == kKinds[i]) return MoneyKind(i);
    return std::nullopt;
}

int64_t AgentResult::totalFen() const {
    int64_t t = 0;
    for (const auto& m : money) t += m.amountFen;
    return t;
}

bool AgentResult::hasFlag(std::string_view f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }
void AgentResult::addFlag(std::string f) { addUnique(flags, std::move(f)); }
void GroupResult::addFlag(std::string f) { addUnique(flags, std::move(f)); }

GroupResult& Results::group(const std::string& name) {
    for (auto& g : groups)
        if (g.group == name) return g;
    groups.push_back({name, {}, std::nullopt, {}});
    return groups.back();
}

Json resultsToJson(const Results& r, Lang lang) {
    Json j = Json::object();
    j.set("period", r.period.empty() ? Json::null() : Json::string(r.period));
    j.set("scheme", Json::string(r.scheme));
    Json warnings = Json::array();
    for (const auto& w : r.warnings) warnings.push(Json::string(w.format(lang)));
    j.set("warnings", std::move(warnings));
    Json agents = Json::array();
    for (const auto& a : r.agents) agents.push(agentJson(a, lang));
    j.set("agents", std::move(agents));
    Json groups = Json::array();
    for (const auto& g : r.groups) {
        Json gj = Json::object();
        gj.set("group", Json::string(g.group));
        gj.set("flags", stringArray(g.flags));
        if (g.activityFundFen) gj.set("activity_fund_fen", Json::number(double(*g.activityFundFen)));
        if (!g.why.empty()) {
            Json why = Json::array();
            for (const auto& w : g.why) why.push(Json::string(w.format(lang)));
            gj.set("why", std::move(why));
        }
        groups.push(std::move(gj));
    }
    j.set("groups", std::move(groups));
    Json fund = Json::object();
    fund.set("total_fen", Json::number(double(r.fundTotalFen)));
    j.set("fund", std::move(fund));
    return j;
}

} // namespace kefu::core
