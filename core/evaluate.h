// evaluate(): the pure, deterministic scoring of one period under a scheme, given earlier
// periods' frozen results. The caller owns inputs and the returned Results.
#pragma once
#include "metrics.h"
#include "model.h"
#include "results.h"
#include "rules/rule.h"
#include "scheme.h"

namespace kefu::core {

// `input.metrics` should already hold derived metrics (deriveMetrics). The scheme must have
// passed validateScheme; rules run in scheme order (pay reads the money lines of earlier rules).
Results evaluate(const PeriodInput& input, const Scheme& scheme, const History& history,
                 const Catalog& catalog = Catalog::builtin());

} // namespace kefu::core
