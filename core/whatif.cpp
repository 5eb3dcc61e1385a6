#include "whatif.h"

#include <algorithm>
#include <cstdlib>

namespace kefu::core {

namespace {
Json optionalNumber(const std::optional<double>& v) { return v ? Json::number(*v) : Json::null(); }
Json optionalInt(const std::optional<int>& v) { return v ? Json::number(double(*v)) : Json::null(); }
Json fen(int64_t v) { return Json::number(double(v)); }

WhatIfAgent diffAgent(const AgentResult& a, const AgentResult& b) {
    return {a.score, b.score, a.rank, b.rank, a.totalFen(), b.totalFen()};
}

// Sort key of a move: a rank gained or lost counts by its size; appearing in or leaving the
// ranking (one side without rank) sorts before every numeric move.
int moveSize(const WhatIfAgent& a) {
    if (auto m = a.rankMove()) return std::abs(*m);
    return 1 << 30;
}

Json costJson(const ShopCost& before, const ShopCost& after) {
    Json c = Json::object();
    c.set("agents_before_fen", fen(before.agentsFen));
    c.set("agents_after_fen", fen(after.agentsFen));
    c.set("activity_fund_before_fen", fen(before.activityFundFen));
    c.set("activity_fund_after_fen", fen(after.activityFundFen));
    c.set("total_before_fen", fen(before.totalFen()));
    c.set("total_after_fen", fen(after.totalFen()));
    c.set("change_fen", fen(after.totalFen() - before.totalFen()));
    return c;
}

Json agentJson(const AgentResult& r, const WhatIfAgent& a) {
    Json j = Json::object();
    j.set("agent", Json::string(r.agent));
    j.set("group", Json::string(r.group));
    Json score = Json::object();
    score.set("before", optionalNumber(a.oldScore));
    score.set("after", optionalNumber(a.newScore));
    score.set("change", a.oldScore && a.newScore ? Json::number(round6(*a.newScore - *a.oldScore)) : Json::null());
    j.set("score", std::move(score));
    Json rank = Json::object();
    rank.set("before", optionalInt(a.oldRank));
    rank.set("after", optionalInt(a.newRank));
    rank.set("move", optionalInt(a.rankMove()));
    j.set("rank", std::move(rank));
    Json money = Json::object();
    money.set("before_fen", fen(a.oldFen));
    money.set("after_fen", fen(a.newFen));
    money.set("change_fen", fen(a.newFen - a.oldFen));
    j.set("money", std::move(money));
    return j;
}
} // namespace

std::optional<int> WhatIfAgent::rankMove() const {
    if (!oldRank || !newRank) return std::nullopt;
    return *oldRank - *newRank;
}

ShopCost shopCost(const Results& r) {
    ShopCost c;
    for (const auto& a : r.agents) c.agentsFen += a.totalFen();
    for (const auto& g : r.groups) c.activityFundFen += g.activityFundFen.value_or(0);
    return c;
}

Expected<WhatIfReport> runWhatIf(const PeriodInput& input, const Scheme& scheme, const History& history,
                                 const Catalog& catalog, const std::vector<std::string>& changes,
                                 const Catalog& validationCatalog) {
    if (changes.empty()) return Error{"no change given (rule.param=value)"};
    WhatIfReport report;
    report.changes = changes;
    report.changed = scheme;
    for (const auto& c : changes) {
        auto ok = setSchemeParam(report.changed, c);
        if (!ok) return Error{c + ": " + ok.error()};
    }
    Problems problems;
    validateScheme(report.changed, validationCatalog, problems);
    if (!problems.empty()) return Error{"the scheme has problems after the changes:\n" + problems.joined()};
    report.before = evaluate(input, scheme, history, catalog);
    report.after = evaluate(input, report.changed, history, catalog);
    for (size_t i = 0; i < report.before.agents.size(); ++i)
        report.agents.push_back(diffAgent(report.before.agents[i], report.after.agents[i]));
    report.costBefore = shopCost(report.before);
    report.costAfter = shopCost(report.after);
    for (size_t i = 0; i < report.agents.size(); ++i)
        if (report.agents[i].moved()) report.movers.push_back(i);
    const std::vector<WhatIfAgent>& diffs = report.agents;
    std::stable_sort(report.movers.begin(), report.movers.end(),
                     [&diffs](size_t x, size_t y) { return moveSize(diffs[x]) > moveSize(diffs[y]); });
    return report;
}

Json whatIfToJson(const WhatIfReport& report) {
    Json j = Json::object();
    j.set("scheme", Json::string(report.before.scheme));
    j.set("period", Json::string(report.before.period));
    Json changes = Json::array();
    for (const auto& c : report.changes) changes.push(Json::string(c));
    j.set("changes", std::move(changes));
    Json agents = Json::array();
    for (size_t i = 0; i < report.agents.size(); ++i) agents.push(agentJson(report.before.agents[i], report.agents[i]));
    j.set("agents", std::move(agents));
    Json movers = Json::array();
    for (size_t i : report.movers) {
        Json m = Json::object();
        m.set("agent", Json::string(report.before.agents[i].agent));
        m.set("group", Json::string(report.before.agents[i].group));
        m.set("rank_before", optionalInt(report.agents[i].oldRank));
        m.set("rank_after", optionalInt(report.agents[i].newRank));
        m.set("move", optionalInt(report.agents[i].rankMove()));
        m.set("money_change_fen", fen(report.agents[i].newFen - report.agents[i].oldFen));
        movers.push(std::move(m));
    }
    j.set("movers", std::move(movers));
    j.set("cost", costJson(report.costBefore, report.costAfter));
    return j;
}

} // namespace kefu::core
