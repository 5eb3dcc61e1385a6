// Rule 6, interval_score 区间计分: per metric an interval [lo, hi] scored linearly from 0 to full
// marks (lower-better mirrored); score = sum. Commission mode also pays, per metric, a line of
// rate × sales_amount × the fraction of the interval reached.
#include <algorithm>
#include <cmath>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kLoHiObject{"应为包含“lo”和“hi”的对象", "expected an object with 'lo' and 'hi'"};
const Msg kLoHiBoth{"区间需要同时有“lo”和“hi”", "an interval needs both 'lo' and 'hi'"};
const Msg kLoBelowHi{"区间 lo {0} ≥ hi {1}：lo 必须小于 hi", "interval lo {0} >= hi {1}: lo must be below hi"};
const Msg kNoIntervals{"没有区间", "no intervals"};

const Msg kHigher{"{0}：{1}，区间 [{2}, {3}]，{4} × clamp(({1} - {2}) / ({3} - {2}), 0, 1) = {5}",
                  "{0}: {1}, interval [{2}, {3}], {4} × clamp(({1} - {2}) / ({3} - {2}), 0, 1) = {5}"};
const Msg kLower{"{0}：{1}，区间 [{2}, {3}]（越低越好），{4} × clamp(({3} - {1}) / ({3} - {2}), 0, 1) = {5}",
                 "{0}: {1}, interval [{2}, {3}] (lower is better), {4} × clamp(({3} - {1}) / ({3} - {2}), 0, 1) = {5}"};
const Msg kMissing{"{0}：无数据，计 0 分", "{0}: no value, 0 points"};
const Msg kTotal{"区间计分合计 {1+} = {0}", "interval score total {1+} = {0}"};
const Msg kCommission{"{0} 提成：{1} × {2} {3} × 达成比例 {4} = {5} 元",
                      "{0} commission: {1} × {2} {3} × fraction reached {4} = {5} yuan"};
const Msg kNoSales{"{0}无数据：无区间提成", "no {0}: no interval commission"};

struct Interval {
    std::string metric;
    double lo = 0, hi = 0, fullMarks = 10;
    bool lowerBetter = false;
};

struct IntervalParams {
    std::vector<Interval> intervals;
    double fullMarks = 10;
    std::string mode = "score";
    double rate = 0.05;
    std::string salesMetric = "sales_amount";
};

struct IntervalDefault {
    const char* metric;
    double lo, hi;
    bool lowerBetter;
};
const IntervalDefault kDefaults[] = {
    {"conversion_rate", 0.5, 0.7, false},
    {"avg_order_value", 100, 200, false},
    {"avg_response_s", 10, 20, true},
    {"refund_rate", 0.05, 0.10, true},
};

Interval readInterval(ParamReader& r, const std::string& metric, double fullMarks) {
    Interval in{metric, 0, 0, fullMarks, false};
    r.checkMetricId(metric, metric);
    const Json* j = r.raw(metric);
    const bool ok = j && j->isObject();
    if (!ok) r.problem(metric, kLoHiObject);
    ParamReader m = ok ? r.object(metric) : ParamReader(nullptr, r.catalog(), r.problems(), "");
    const bool both = ok && m.has("lo") && m.has("hi");
    if (ok && !both) m.problem("", kLoHiBoth);
    in.lo = m.number("lo", 0);
    in.hi = m.number("hi", 0);
    if (both && round6(in.lo) >= round6(in.hi))
        m.problem("", kLoBelowHi, {formatValue(in.lo), formatValue(in.hi)});
    const MetricDef* d = r.catalog() ? r.catalog()->find(metric) : nullptr;
    in.lowerBetter = m.boolean("lower_better", d && d->direction == Direction::Lower);
    in.fullMarks = m.amount("full_marks", fullMarks);
    m.finish();
    return in;
}

IntervalParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems,
                          const std::string& path) {
    IntervalParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.fullMarks = r.amount("full_marks", p.fullMarks);
    if (r.has("intervals")) {
        ParamReader iv = r.object("intervals");
        for (const auto& m : iv.keys()) p.intervals.push_back(readInterval(iv, m, p.fullMarks));
        if (p.intervals.empty()) r.problem("intervals", kNoIntervals);
    } else {
        r.raw("intervals");
        for (const auto& d : kDefaults) p.intervals.push_back({d.metric, d.lo, d.hi, p.fullMarks, d.lowerBetter});
    }
    p.mode = r.choice("mode", p.mode, {"score", "commission"});
    p.rate = r.amount("rate", p.rate);
    p.salesMetric = r.metric("sales_metric", p.salesMetric);
    r.finish();
    return p;
}

// Fraction of the interval reached, 0-1 (mirrored for lower-better metrics).
double fractionReached(const Interval& in, double v) {
    double f = in.lowerBetter ? (in.hi - v) / (in.hi - in.lo) : (v - in.lo) / (in.hi - in.lo);
    return std::clamp(f, 0.0, 1.0);
}

// Metric columns, ids and labels resolved once per evaluation rather than for every line.
struct Prepared {
    IStr id;
    std::vector<MetricRef> metrics; // parallel to IntervalParams::intervals
    MetricRef sales;
};

void payCommission(const Prepared& pr, const IntervalParams& p, EvalContext& ctx, size_t agent, const MetricRef& m,
                   double fraction, double sales) {
    int64_t fen = yuanToFen(p.rate * sales * fraction);
    if (fen == 0) return;
    ctx.addMoney(agent, pr.id, MoneyKind::Commission, fen,
                 Why{&kCommission, {m.label, p.rate, pr.sales.label, sales, round6(fraction), Fen{fen}}});
}

void scoreAgent(const Prepared& pr, const IntervalParams& p, EvalContext& ctx, size_t agent) {
    const bool commission = p.mode == "commission";
    std::optional<double> sales = commission ? ctx.value(agent, pr.sales) : std::nullopt;
    if (commission && !sales) {
        ctx.agent(agent).addFlag(pr.sales.missingFlag);
        ctx.addBreakdown(agent, {pr.id, pr.sales.id, std::nullopt, std::nullopt, Why{&kNoSales, {pr.sales.label}}});
    }
    double total = 0;
    Why why{&kTotal, {0.0}};
    why.args.reserve(1 + p.intervals.size());
    for (size_t k = 0; k < p.intervals.size(); ++k) {
        const Interval& in = p.intervals[k];
        const MetricRef& m = pr.metrics[k];
        auto v = ctx.value(agent, m);
        double pts = 0;
        if (!v) {
            ctx.agent(agent).addFlag(m.missingFlag);
            ctx.addBreakdown(agent, {pr.id, m.id, std::nullopt, 0.0, Why{&kMissing, {m.label}}});
        } else {
            double f = fractionReached(in, *v);
            pts = round6(in.fullMarks * f);
            ctx.addBreakdown(agent, {pr.id, m.id, v, pts,
                                     Why{in.lowerBetter ? &kLower : &kHigher, {m.label, *v, in.lo, in.hi, in.fullMarks, pts}}});
            if (sales) payCommission(pr, p, ctx, agent, m, f, *sales);
        }
        total += pts;
        why.args.push_back(pts);
    }
    total = round6(total);
    ctx.setScore(agent, pr.id, total);
    why.args[0] = total;
    ctx.addBreakdown(agent, {pr.id, "", std::nullopt, total, std::move(why)});
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    IntervalParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto scope = ctx.inScope(rule, {});
    for (const auto& in : p.intervals) ctx.requireAnyValue(rule, scope, in.metric);
    if (p.mode == "commission") ctx.requireAnyValue(rule, scope, p.salesMetric);
    Prepared pr{rule.id, {}, ctx.metricRef(p.salesMetric)};
    for (const auto& in : p.intervals) pr.metrics.push_back(ctx.metricRef(in.metric));
    std::vector<std::optional<double>> totals;
    for (size_t i : scope) {
        scoreAgent(pr, p, ctx, i);
        totals.push_back(ctx.agent(i).scores[rule.id]);
    }
    // One ranking over the whole scope: the rule compares the outsourced team as one list.
    auto ranks = competitionRanks(totals, false);
    for (size_t k = 0; k < scope.size(); ++k) ctx.setRank(scope[k], rule.id, *ranks[k]);
}
} // namespace

const RuleType& intervalScoreRule() {
    static const RuleType t{"interval_score", {"区间计分", "Interval score"}, {}, true, false, validate, evaluate};
    return t;
}

} // namespace kefu::core
