// Small-sample honesty: a scheme may give a rate metric a minimum volume (conversion needs at least
// 30 inquiries) and say what happens below it: keep the value (flagged low-confidence), exclude it
// (the rules see no value), or shrink it toward the group's volume-weighted rate. Also the volume
// behind a rate and its Wilson 95% interval, for the app's scorecard and data grid.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "json.h"
#include "metrics.h"
#include "stats.h"

namespace kefu::core {

class Problems;
struct Scheme;
struct Results;

enum class SamplePolicy : uint8_t { Keep, Exclude, Shrink };
const char* samplePolicyId(SamplePolicy p); // "keep" / "exclude" / "shrink"
std::optional<SamplePolicy> parseSamplePolicy(std::string_view s);

// One entry of the scheme's "small_sample" object, keyed by the rate metric:
// {"conversion_rate": {"min_volume": 30, "policy": "shrink", "prior": 30, "volume": "inquiries"}}.
// volume: the metric counting the trials; empty = the denominator of the rate's formula.
// prior: the shrinkage strength m in trials; absent = min_volume.
struct SampleRule {
    std::string metric;
    std::string volume;
    double minVolume = 0;
    SamplePolicy policy = SamplePolicy::Keep;
    std::optional<double> prior;
};

// The trials behind a rate: the denominator of a formula "a / b" (conversion_rate -> inquiries),
// or empty when the metric is not such a rate.
std::string rateVolumeMetric(const MetricDef& def);
// The volume metric a rule uses (its own, else the formula's denominator); empty when none.
std::string sampleVolumeMetric(const SampleRule& rule, const Catalog& catalog);

// Reads the scheme's "small_sample" member (null = none); problems under "small_sample".
std::vector<SampleRule> readSmallSample(const Json* node, Problems& problems);
// Checks metrics against the catalog: a known fraction metric with a volume metric.
void validateSmallSample(const std::vector<SampleRule>& rules, const Catalog& catalog, Problems& problems);
Json smallSampleToJson(const std::vector<SampleRule>& rules);

// A rate's value with the Wilson 95% interval of value × volume successes in volume trials;
// nullopt when the agent has no value or no volume for it, or the metric is no rate.
struct RateInterval {
    double value = 0, volume = 0;
    Interval interval;
};
std::optional<RateInterval> rateInterval(const MetricTable& table, size_t row, const MetricDef& def);

// Applies the scheme's small-sample rules to a copy of `input`: every agent below a rule's minimum
// volume is recorded in `results` (AgentResult::lowConfidence, flag low_confidence:<metric>) and
// its value kept, removed or shrunk. `results.agents` must already be parallel to input.agents.
PeriodInput applySmallSample(const PeriodInput& input, const Scheme& scheme, const Catalog& catalog, Results& results);

} // namespace kefu::core
