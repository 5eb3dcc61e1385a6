// What-if: apply `rule.param=value` changes (the syntax of `--set`) to a copy of a scheme,
// evaluate the period under both, and diff per agent (score, rank, money) and for the shop (cost).
// The caller owns the inputs; the report owns both results.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "evaluate.h"
#include "expected.h"
#include "json.h"

namespace kefu::core {

struct WhatIfAgent {
    std::optional<double> oldScore, newScore;
    std::optional<int> oldRank, newRank;
    int64_t oldFen = 0, newFen = 0;
    // Places moved up (old rank - new rank; > 0 = better); nullopt when either rank is absent.
    std::optional<int> rankMove() const;
    bool moved() const { return oldRank != newRank; }
};

// Money the shop pays: agents' totals (pay net of fines) plus the groups' activity funds.
struct ShopCost {
    int64_t agentsFen = 0, activityFundFen = 0;
    int64_t totalFen() const { return agentsFen + activityFundFen; }
};

struct WhatIfReport {
    std::vector<std::string> changes;
    Scheme changed; // the scheme after the changes
    Results before, after;
    std::vector<WhatIfAgent> agents; // parallel to input.agents
    ShopCost costBefore, costAfter;
    std::vector<size_t> movers; // agents whose primary rank changed, largest move first
};

ShopCost shopCost(const Results& r);

// Errors: a change that setSchemeParam refuses, or a changed scheme that fails validateScheme
// (all problems listed). `scheme` must be valid; `validationCatalog` is what validateScheme sees.
Expected<WhatIfReport> runWhatIf(const PeriodInput& input, const Scheme& scheme, const History& history,
                                 const Catalog& catalog, const std::vector<std::string>& changes,
                                 const Catalog& validationCatalog = Catalog::builtin());

Json whatIfToJson(const WhatIfReport& report);

} // namespace kefu::core
