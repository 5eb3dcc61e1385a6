// Gap cards (issue 7): per agent and target, what is still needed to reach it, in units a person
// understands ("9 more paying customers at this volume"). Targets: the next threshold of each
// metric that a threshold rule reads (interval_score lo/hi, target_bonus conditions, the agent's
// probation stage thresholds, dsr_dimensions benches) and, for rank_points, the weighted metric
// values of the agent ranked one place above in the same group. Pure; the caller owns inputs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "evaluate.h"
#include "expected.h"
#include "json.h"

namespace kefu::core {

struct Gap {
    std::string rule;    // rule instance id
    std::string target;  // what the threshold is: "interval.hi", "target:conversion", "stage:1m", "rank:<name>", "dsr:efficiency"
    std::string metric;
    double current = 0, target_value = 0;
    double difference = 0;        // target - current in the display unit (fractions: percentage points)
    std::string unit;             // unitId, or "percentage_points" for fractions
    bool lowerBetter = false;
    // For a rate whose catalog formula is count / (count or days): the change of the numerator at
    // the current denominator, rounded up to whole units (> 0 more, < 0 fewer).
    std::optional<int64_t> extraCount;
    std::string countMetric;      // the numerator metric of extraCount
    std::string textZh, textEn;
};

struct GapReport {
    std::string agent, period;
    std::vector<Gap> gaps;
};

// Error when no agent of that name or id is in the input.
Expected<GapReport> computeGaps(const PeriodInput& input, const Scheme& scheme, const Results& results,
                                const Catalog& catalog, const std::string& agent);

Json gapsToJson(const GapReport& report, Lang lang);

} // namespace kefu::core
