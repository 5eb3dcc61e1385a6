#include "scheme_cost.h"

#include "evaluate.h"

namespace kefu::core {

std::optional<SchemeCostPreview> previewSchemeCost(const AppState& s, const Scheme& edited) {
    if (s.selectedPeriod < 0 || s.selectedPeriod >= int(s.periods.size())) return std::nullopt;
    const PeriodData& p = s.periods[size_t(s.selectedPeriod)];
    if (p.closed || p.results.agents.empty()) return std::nullopt;
    History history;
    for (int k = 0; k < s.selectedPeriod; ++k) { // the frozen view of each earlier month, as rules read it
        const PeriodData& e = s.periods[size_t(k)];
        if (e.results.agents.empty()) continue; // not assessed: not in the history either
        HistoryPeriod hp;
        hp.period = e.month;
        for (const auto& a : e.results.agents) {
            HistoryAgent ha{a.id, a.agent, a.flags, {}};
            for (const auto& [key, v] : a.scores) ha.scores[key] = v;
            hp.agents.push_back(std::move(ha));
        }
        history.push_back(std::move(hp));
    }
    PeriodInput in = p.input;
    in.period = p.month;
    deriveMetrics(Catalog::builtin(), in.metrics);
    const Results r = evaluate(in, edited, history);
    return SchemeCostPreview{p.month, payroll(p.results), payroll(r), r.warnings};
}

} // namespace kefu::core
