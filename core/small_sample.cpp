// Small-sample rules of a scheme (small_sample.h): reading, checking and applying them.
#include "small_sample.h"

#include <algorithm>

#include "formula.h"
#include "results.h"
#include "rules/params.h"
#include "scheme.h"

namespace kefu::core {

namespace {
const Msg kNoMinimum{"需要 min_volume（最少样本量）", "min_volume (the minimum volume) is required"};
const Msg kUnknownMetric{"没有指标“{0}”", "unknown metric '{0}'"};
const Msg kNotRate{"“{0}”不是比率指标（单位应为比例）", "'{0}' is not a rate (its unit must be a fraction)"};
const Msg kNoVolume{"“{0}”没有“分子 / 分母”公式：请用 volume 指定样本量指标",
                    "'{0}' has no 'a / b' formula: name its volume metric with volume"};
const Msg kNoPrior{"prior 必须大于 0", "prior must be above 0"};

const Msg kKeep{"{0} {1} 的样本量 {2}（{3}）少于 {4}：低置信，保留原值；95% 区间 {5} – {6}",
                "{0} {1} rests on {2} ({3}), fewer than {4}: low confidence, value kept; 95% interval {5} – {6}"};
const Msg kExclude{"{0} {1} 的样本量 {2}（{3}）少于 {4}：低置信，本月不计入，各规则按缺数据处理；95% 区间 {5} – {6}",
                   "{0} {1} rests on {2} ({3}), fewer than {4}: low confidence, left out this month (rules treat it as "
                   "missing); 95% interval {5} – {6}"};
const Msg kShrink{"{0} {1} 的样本量 {2}（{3}）少于 {4}：低置信，向组内比率 {7} 收缩：({1} × {10} + {8} × {7}) / ({10} + {8}) = {9}；"
                  "95% 区间 {5} – {6}",
                  "{0} {1} rests on {2} ({3}), fewer than {4}: low confidence, shrunk toward the group rate {7}: "
                  "({1} × {10} + {8} × {7}) / ({10} + {8}) = {9}; 95% interval {5} – {6}"};
const Msg kNoGroupRate{"{0} 的 {1} 无法收缩：组“{2}”没有任何 {3} 数据，保留原值",
                       "{1} of {0} cannot be shrunk: group '{2}' has no {3} at all; value kept"};
const Text2 kNoValue{"无数据", "no value"};

const char* const kPolicies[] = {"keep", "exclude", "shrink"};

// Successes and trials of every agent of `group` with a value and a positive volume, pooled.
std::optional<double> groupRate(const PeriodInput& in, const std::string& group, int rateCol, int volCol) {
    double successes = 0, trials = 0;
    for (size_t i = 0; i < in.agents.size(); ++i) {
        if (in.agents[i].group != group) continue;
        auto v = in.metrics.get(i, rateCol);
        auto n = in.metrics.get(i, volCol);
        if (!v || !n || *n <= 0) continue;
        successes += *v * *n;
        trials += *n;
    }
    if (trials <= 0) return std::nullopt;
    return round6(successes / trials);
}
} // namespace

const char* samplePolicyId(SamplePolicy p) { return kPolicies[int(p)]; }

std::optional<SamplePolicy> parseSamplePolicy(std::string_view s) {
    for (int i = 0; i < 3; ++i)
        if (s == kPolicies[i]) return SamplePolicy(i);
    return std::nullopt;
}

std::string rateVolumeMetric(const MetricDef& def) {
    if (def.unit != Unit::Fraction || !def.compiled || def.compiled->root < 0) return {};
    const auto& nodes = def.compiled->nodes;
    const auto& root = nodes[size_t(def.compiled->root)];
    if (root.op != '/' || root.lhs < 0 || root.rhs < 0) return {};
    if (nodes[size_t(root.lhs)].op != 'm' || nodes[size_t(root.rhs)].op != 'm') return {};
    return nodes[size_t(root.rhs)].metric;
}

std::string sampleVolumeMetric(const SampleRule& rule, const Catalog& catalog) {
    if (!rule.volume.empty()) return rule.volume;
    const MetricDef* d = catalog.find(rule.metric);
    return d ? rateVolumeMetric(*d) : std::string();
}

std::vector<SampleRule> readSmallSample(const Json* node, Problems& problems) {
    std::vector<SampleRule> out;
    ParamReader root(node, nullptr, &problems, "small_sample");
    for (const std::string& metric : root.keys()) {
        ParamReader e = root.object(metric);
        SampleRule r;
        r.metric = metric;
        if (!e.has("min_volume")) e.problem("", kNoMinimum);
        r.minVolume = e.amount("min_volume", 0);
        r.policy = *parseSamplePolicy(e.choice("policy", "keep", {"keep", "exclude", "shrink"}));
        r.volume = e.string("volume", "");
        if (e.has("prior")) {
            r.prior = e.amount("prior", 0);
            if (!(*r.prior > 0)) e.problem("prior", kNoPrior);
        }
        e.finish();
        out.push_back(std::move(r));
    }
    return out;
}

void validateSmallSample(const std::vector<SampleRule>& rules, const Catalog& catalog, Problems& problems) {
    for (const SampleRule& r : rules) {
        const std::string path = "small_sample." + r.metric;
        const MetricDef* d = catalog.find(r.metric);
        if (!d) {
            problems.add(nullptr, path, kUnknownMetric, {r.metric});
            continue;
        }
        if (d->unit != Unit::Fraction) problems.add(nullptr, path, kNotRate, {r.metric});
        if (!r.volume.empty() && !catalog.find(r.volume))
            problems.add(nullptr, path + ".volume", kUnknownMetric, {r.volume});
        else if (r.volume.empty() && rateVolumeMetric(*d).empty())
            problems.add(nullptr, path + ".volume", kNoVolume, {r.metric});
    }
}

Json smallSampleToJson(const std::vector<SampleRule>& rules) {
    Json j = Json::object();
    for (const SampleRule& r : rules) {
        Json e = Json::object();
        e.set("min_volume", Json::number(r.minVolume));
        e.set("policy", Json::string(samplePolicyId(r.policy)));
        if (!r.volume.empty()) e.set("volume", Json::string(r.volume));
        if (r.prior) e.set("prior", Json::number(*r.prior));
        j.set(r.metric, std::move(e));
    }
    return j;
}

std::optional<RateInterval> rateInterval(const MetricTable& table, size_t row, const MetricDef& def) {
    const std::string volume = rateVolumeMetric(def);
    if (volume.empty()) return std::nullopt;
    auto v = table.get(row, def.id);
    auto n = table.get(row, volume);
    if (!v || !n || *n <= 0) return std::nullopt;
    return RateInterval{*v, *n, wilsonInterval(*v * *n, *n)};
}

PeriodInput applySmallSample(const PeriodInput& input, const Scheme& scheme, const Catalog& catalog, Results& results) {
    PeriodInput out = input;
    for (const SampleRule& rule : scheme.smallSample) {
        const std::string volume = sampleVolumeMetric(rule, catalog);
        const int rateCol = input.metrics.column(rule.metric);
        if (volume.empty() || rateCol < 0) continue; // validated; no column = no values to judge
        const int volCol = input.metrics.column(volume);
        const IText2 label = metricLabel(rule.metric), volLabel = metricLabel(volume);
        const IStr policy = samplePolicyId(rule.policy);
        const double m = rule.prior.value_or(rule.minVolume);
        for (size_t i = 0; i < input.agents.size(); ++i) {
            const auto v = input.metrics.get(i, rateCol);
            if (!v) continue; // nothing to judge: the rules' missing-value behaviour applies
            const auto n = input.metrics.get(i, volCol);
            const double trials = n ? std::max(*n, 0.0) : 0.0; // a rate without its volume rests on nothing
            if (round6(trials) >= round6(rule.minVolume)) continue;
            const Interval ci = wilsonInterval(*v * trials, trials);
            const WhyArg shown = n ? WhyArg(*n) : WhyArg(IText2(kNoValue));
            LowConfidence lc{rule.metric, *v, n, rule.minVolume, policy, *v, round6(ci.lo), round6(ci.hi), {}};
            AgentResult& a = results.agents[i];
            a.addFlag("low_confidence:" + rule.metric);
            if (rule.policy == SamplePolicy::Keep) {
                lc.why = Why{&kKeep, {label, *v, shown, volLabel, rule.minVolume, lc.lo, lc.hi}};
            } else if (rule.policy == SamplePolicy::Exclude) {
                lc.used.reset();
                out.metrics.set(i, rateCol, std::nullopt);
                lc.why = Why{&kExclude, {label, *v, shown, volLabel, rule.minVolume, lc.lo, lc.hi}};
            } else if (auto g = groupRate(input, input.agents[i].group, rateCol, volCol)) {
                lc.used = round6(shrinkRate(*v * trials, trials, *g, m));
                out.metrics.set(i, rateCol, *lc.used);
                lc.why = Why{&kShrink, {label, *v, shown, volLabel, rule.minVolume, lc.lo, lc.hi, *g, m, *lc.used, trials}};
            } else {
                lc.why = Why{&kNoGroupRate, {input.agents[i].name, label, input.agents[i].group, volLabel}};
                results.warnings.push_back(lc.why);
            }
            a.lowConfidence.push_back(std::move(lc));
        }
    }
    return out;
}

} // namespace kefu::core
