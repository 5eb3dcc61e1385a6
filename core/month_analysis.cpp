// The inputs of a month's analyses: see month_analysis.h.
#include "month_analysis.h"

namespace kefu::core {

namespace {
const Msg kNoMonth{"没有这个月份", "There is no such month"};
const Msg kNotAssessed{"{0} 还没有任何数据，无法分析", "{0} has no data yet; there is nothing to analyse"};

// An earlier month as the rules read it (its results' scores and flags), the way recompute()
// passes it on to the months after it.
HistoryPeriod asHistory(const PeriodData& p) {
    HistoryPeriod hp;
    hp.period = p.month;
    for (const AgentResult& a : p.results.agents) {
        HistoryAgent ha;
        ha.id = a.id;
        ha.name = a.agent;
        ha.flags = a.flags;
        for (const auto& score : a.scores) ha.scores[score.first] = score.second;
        hp.agents.push_back(std::move(ha));
    }
    return hp;
}

Error msgError(const Msg& m, const std::vector<std::string>& args = {}) { return errorOf(fillMsg(m, args)); }
} // namespace

Expected<MonthAnalysis> monthAnalysis(const AppState& s, int period) {
    if (period < 0 || period >= int(s.periods.size())) return msgError(kNoMonth);
    const PeriodData& p = s.periods[size_t(period)];
    if (p.results.agents.empty()) return msgError(kNotAssessed, {formatMonth(p.month)});
    Problems problems;
    auto scheme = activeScheme(s, problems);
    if (!scheme) return scheme.failure();
    auto catalog = schemeCatalog(*scheme, Catalog::builtin());
    if (!catalog) return catalog.failure();
    MonthAnalysis m;
    m.period = period;
    m.scheme = std::move(*scheme);
    m.catalog = std::move(*catalog);
    m.input = p.input;
    m.input.period = p.month;
    deriveMetrics(m.catalog, m.input.metrics);
    for (int i = 0; i < period; ++i) // a month without results (nothing entered) is not history
        if (!s.periods[size_t(i)].results.agents.empty()) m.history.push_back(asHistory(s.periods[size_t(i)]));
    return m;
}

} // namespace kefu::core
