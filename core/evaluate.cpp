#include "evaluate.h"

#include <algorithm>
#include <optional>

#include "small_sample.h"

namespace kefu::core {

namespace {
// The primary rule: marked `primary`, else the first enabled rule that produces a score.
const RuleInstance* primaryRule(const Scheme& scheme) {
    for (const auto& r : scheme.rules)
        if (r.enabled && r.primary) return &r;
    for (const auto& r : scheme.rules) {
        const RuleType* t = findRuleType(r.type);
        if (r.enabled && t && t->producesScore) return &r;
    }
    return nullptr;
}
} // namespace

Results evaluate(const PeriodInput& input, const Scheme& scheme, const History& history, const Catalog& catalog) {
    Results results;
    results.period = input.period ? formatMonth(*input.period) : "";
    results.scheme = scheme.id;
    results.agents.resize(input.agents.size());
    for (size_t i = 0; i < input.agents.size(); ++i) {
        const Agent& a = input.agents[i];
        auto& r = results.agents[i];
        r.agent = a.name;
        r.id = a.id;
        r.group = a.group;
        r.status = a.status;
        r.breakdown.reserve(48); // a full shop-default evaluation makes about 40 lines per agent
        r.money.reserve(8);
        r.flags.reserve(4); // ... and about 3 flags, so one allocation instead of three
        results.group(a.group);
    }
    // Rates below the scheme's minimum volumes are flagged and kept, left out or shrunk first.
    std::optional<PeriodInput> adjusted;
    if (!scheme.smallSample.empty()) adjusted = applySmallSample(input, scheme, catalog, results);
    EvalContext ctx(adjusted ? *adjusted : input, history, catalog, results, &scheme);
    for (const auto& rule : scheme.rules) {
        if (!rule.enabled) continue;
        if (const RuleType* t = findRuleType(rule.type)) t->evaluate(rule, ctx);
    }
    // The department fund: every fine line of the period, whichever rule made it, as a positive sum.
    for (const auto& a : results.agents)
        for (const auto& m : a.money)
            if (m.kind == MoneyKind::Fine) results.fundTotalFen -= m.amountFen;
    if (const RuleInstance* p = primaryRule(scheme)) {
        for (auto& a : results.agents) {
            if (auto it = a.scores.find(p->id); it != a.scores.end()) a.score = it->second;
            if (auto it = a.ranks.find(p->id); it != a.ranks.end()) a.rank = it->second;
        }
    }
    return results;
}

} // namespace kefu::core
