// One number for a team (the whole month or one group) from its agents' values of a metric, as the
// coaching card's group average and the team goals' progress use it. Counts, money and days add
// up; a rate made of two counts is sum(numerator) / sum(denominator) (volume-weighted, never a
// plain mean of the agents' rates); other averages are weighted by receptions when every agent
// with a value has receptions, else a plain mean. Pure; the caller owns the inputs.
#pragma once
#include <optional>
#include <string>

#include "metrics.h"
#include "model.h"

namespace kefu::core {

// Over the agents of `group` (empty: every agent); nullopt when no agent has a value. Derived
// metrics are computed from the inputs first (a copy).
std::optional<double> teamValue(const PeriodInput& input, const Catalog& catalog, const std::string& metric,
                                const std::string& group = "");
// The same over a table whose derived metrics are already computed.
std::optional<double> teamValueOf(const PeriodInput& input, const MetricTable& derived, const Catalog& catalog,
                                  const std::string& metric, const std::string& group = "");
// A metric's two counts when its formula is "count / count-or-days" (conversion_rate:
// paid_customers and inquiries); false otherwise.
bool ratioParts(const Catalog& catalog, const MetricDef& def, std::string& numerator, std::string& denominator);

} // namespace kefu::core
