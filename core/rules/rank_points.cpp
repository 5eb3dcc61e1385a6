// Rule 1, rank_points 排序权重分: per group, points = (N - rank + 1) * w per weighted metric,
// a volume penalty, a ranking bonus by rank, and the winning group's activity fund.
#include <algorithm>
#include <cmath>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kNegativeWeight{"权重不能为负数", "a weight cannot be negative"};
const Msg kWeightSum{"权重之和为 {0}，应为 1", "weights sum to {0}, not 1"};

const Msg kPoints{"{0}：{1}，组内第{2}名（共{3}人），({3} - {2} + 1) × {4} = {5}",
                  "{0}: {1}, rank {2} of {3} in the group, ({3} - {2} + 1) × {4} = {5}"};
const Msg kMissing{"{0}：无数据，计 0 分", "{0}: no value, 0 points"};
const Msg kPenalty{"接待量 {0} < 组平均 {1} - {2} = {3}，扣 {4} 分", "receptions {0} < group average {1} - {2} = {3}: -{4} points"};
const Msg kPenaltyMissing{"{0}：无数据，按未达接待量计，扣 {1} 分", "{0}: no value, counted as below the volume line: -{1} points"};
const Msg kBonus{"组内排名第{0}：排名奖 {1} 元", "rank {0} in the group: ranking bonus {1} yuan"};
const Msg kWinning{"获胜组：转正客服平均{0} {1} 为各组最高，活动经费 {2} 元",
                   "winning group: the regular agents' average {0} {1} is the highest of the groups; activity fund {2} yuan"};

struct RankPointsParams {
    std::vector<std::pair<std::string, double>> weights;
    std::vector<std::string> lowerBetter;
    std::string volumeMetric = "receptions";
    double volumeMargin = 10, volumePenalty = 0.5;
    double bonusFirst = 1200, bonusStep = 100, bonusMin = 0;
    std::string winningMetric = "sales_amount";
    double activityFund = 500;
};

RankPointsParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems, const std::string& path) {
    RankPointsParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    if (r.has("weights")) {
        ParamReader w = r.object("weights");
        double sum = 0;
        for (const auto& m : w.keys()) {
            double v = w.number(m, 0);
            if (v < 0) w.problem(m, kNegativeWeight);
            if (w.checkMetricId(m, m)) p.weights.push_back({m, v});
            sum += v;
        }
        if (std::fabs(sum - 1.0) > 1e-6) r.problem("weights", kWeightSum, {formatValue(sum)});
    } else {
        r.raw("weights");
        p.weights = {{"sales_amount", 0.3}, {"attitude_score", 0.3}, {"conversion_rate", 0.2}, {"avg_response_s", 0.2}};
    }
    std::vector<std::string> lower;
    for (const auto& [m, w] : p.weights)
        if (const MetricDef* d = catalog.find(m); d && d->direction == Direction::Lower) lower.push_back(m);
    p.lowerBetter = r.strings("lower_better", lower);
    for (const auto& m : p.lowerBetter) r.checkMetricId(m, "lower_better");
    p.volumeMetric = r.metric("volume_metric", p.volumeMetric);
    p.volumeMargin = r.amount("volume_margin", p.volumeMargin);
    p.volumePenalty = r.amount("volume_penalty", p.volumePenalty);
    p.bonusFirst = r.amount("bonus_first", p.bonusFirst);
    p.bonusStep = r.amount("bonus_step", p.bonusStep);
    p.bonusMin = r.amount("bonus_min", p.bonusMin);
    p.winningMetric = r.metric("winning_metric", p.winningMetric);
    p.activityFund = r.amount("activity_fund", p.activityFund);
    r.finish();
    return p;
}

// The params resolved once per evaluation: metric columns, interned ids and labels.
struct Prepared {
    IStr id;
    std::vector<MetricRef> weights; // parallel to RankPointsParams::weights
    std::vector<bool> lower;
    MetricRef volume;
};

Prepared prepare(const RuleInstance& rule, const RankPointsParams& p, const EvalContext& ctx) {
    Prepared out{rule.id, {}, {}, ctx.metricRef(p.volumeMetric)};
    for (const auto& [metric, w] : p.weights) {
        out.weights.push_back(ctx.metricRef(metric));
        out.lower.push_back(std::find(p.lowerBetter.begin(), p.lowerBetter.end(), metric) != p.lowerBetter.end());
    }
    return out;
}

std::optional<double> average(EvalContext& ctx, const std::vector<size_t>& agents, int col, bool regularOnly) {
    double sum = 0;
    int n = 0;
    for (size_t i : agents) {
        if (regularOnly && ctx.input().agents[i].status != Status::Regular) continue;
        if (auto v = ctx.value(i, col)) { sum += *v; ++n; }
    }
    if (n == 0) return std::nullopt;
    return round6(sum / n);
}

// One weighted metric's line for a member: (N - rank + 1) * w points, 0 without a value.
double metricLine(const Prepared& pr, size_t m, double w, EvalContext& ctx, size_t agent, std::optional<double> value,
                  std::optional<int> rank, int n) {
    const MetricRef& metric = pr.weights[m];
    if (!rank) {
        ctx.agent(agent).addFlag(metric.missingFlag);
        ctx.addBreakdown(agent, {pr.id, metric.id, std::nullopt, 0.0, Why{&kMissing, {metric.label}}});
        return 0;
    }
    double pts = round6((n - *rank + 1) * w);
    ctx.addBreakdown(agent, {pr.id, metric.id, value, pts,
                             Why{&kPoints, {metric.label, *value, double(*rank), double(n), w, pts}}});
    return pts;
}

// The volume penalty of a member (0 when none applies), with its line.
double volumeLine(const Prepared& pr, const RankPointsParams& p, EvalContext& ctx, size_t agent,
                  std::optional<double> avgVolume) {
    const MetricRef& volume = pr.volume;
    auto vol = ctx.value(agent, volume);
    if (avgVolume && p.volumePenalty > 0 && !vol) { // no value: the rule's lowest outcome, the penalty
        ctx.agent(agent).addFlag(volume.missingFlag);
        ctx.addBreakdown(agent, {pr.id, volume.id, std::nullopt, -p.volumePenalty,
                                 Why{&kPenaltyMissing, {volume.label, p.volumePenalty}}});
        return p.volumePenalty;
    }
    if (avgVolume && vol && *vol < round6(*avgVolume - p.volumeMargin)) {
        ctx.addBreakdown(agent, {pr.id, volume.id, vol, -p.volumePenalty,
                                 Why{&kPenalty, {*vol, *avgVolume, p.volumeMargin, round6(*avgVolume - p.volumeMargin), p.volumePenalty}}});
        return p.volumePenalty;
    }
    return 0;
}

// Ranks of every weighted metric first, then each member's lines in one go: an agent's results
// are touched once rather than once per metric.
void scoreGroup(const Prepared& pr, const RankPointsParams& p, EvalContext& ctx, const std::vector<size_t>& members) {
    const int n = int(members.size());
    std::vector<std::vector<std::optional<double>>> vals(p.weights.size());
    std::vector<std::vector<std::optional<int>>> metricRanks;
    for (size_t m = 0; m < p.weights.size(); ++m) {
        vals[m].reserve(members.size());
        for (size_t i : members) vals[m].push_back(ctx.value(i, pr.weights[m]));
        metricRanks.push_back(competitionRanks(vals[m], pr.lower[m]));
    }
    auto avgVolume = average(ctx, members, pr.volume.column, true);
    std::vector<std::optional<double>> score(members.size());
    for (size_t k = 0; k < members.size(); ++k) {
        double total = 0;
        for (size_t m = 0; m < p.weights.size(); ++m)
            total += metricLine(pr, m, p.weights[m].second, ctx, members[k], vals[m][k], metricRanks[m][k], n);
        total -= volumeLine(pr, p, ctx, members[k], avgVolume);
        ctx.setScore(members[k], pr.id, total);
        score[k] = total;
    }
    auto ranks = competitionRanks(score, false);
    for (size_t k = 0; k < members.size(); ++k) {
        ctx.setRank(members[k], pr.id, *ranks[k]);
        double yuan = std::max(p.bonusMin, p.bonusFirst - p.bonusStep * (*ranks[k] - 1));
        if (yuan > 0)
            ctx.addMoney(members[k], pr.id, MoneyKind::Bonus, yuanToFen(yuan), Why{&kBonus, {double(*ranks[k]), yuan}});
    }
}

void markWinningGroup(const RuleInstance& rule, const RankPointsParams& p, EvalContext& ctx,
                      const std::vector<std::pair<std::string, std::vector<size_t>>>& groups) {
    std::vector<std::optional<double>> avgs;
    const int col = ctx.column(p.winningMetric);
    for (const auto& [g, members] : groups) avgs.push_back(average(ctx, members, col, true));
    auto ranks = competitionRanks(avgs, false);
    for (size_t k = 0; k < groups.size(); ++k) {
        if (!ranks[k] || *ranks[k] != 1) continue;
        GroupResult& g = ctx.results().group(groups[k].first);
        g.addFlag("winning_group");
        g.activityFundFen = yuanToFen(p.activityFund);
        g.why.push_back(Why{&kWinning, {metricLabel(p.winningMetric), *avgs[k], p.activityFund}});
    }
    (void)rule;
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    RankPointsParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto scope = ctx.inScope(rule, {Status::Regular});
    for (const auto& [metric, w] : p.weights) ctx.requireAnyValue(rule, scope, metric);
    auto groups = ctx.byGroup(scope);
    const Prepared pr = prepare(rule, p, ctx);
    for (const auto& [g, members] : groups) scoreGroup(pr, p, ctx, members);
    if (!groups.empty()) markWinningGroup(rule, p, ctx, groups);
}
} // namespace

const RuleType& rankPointsRule() {
    static const RuleType t{"rank_points", {"排序权重分", "Rank points"}, {Status::Regular}, true, false, validate, evaluate};
    return t;
}

} // namespace kefu::core
