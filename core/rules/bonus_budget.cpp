// bonus_budget 奖金预算: a monthly bonus pool split among the agents in scope by another rule's
// score (or equally, or by grade multipliers after forced-distribution quotas), each person between
// a minimum and a maximum, exactly to the fen. docs/rules/bonus_budget.md has the arithmetic.
#include "bonus_budget.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "rule.h"

namespace kefu::core {

namespace {
const Msg kNoPool{"需要 pool（每月奖金池，元）", "pool (the monthly bonus pool in yuan) is required"};
const Msg kMaxBelowMin{"max {0} 小于 min {1}", "max {0} is below min {1}"};
const Msg kShares{"等级配额之和为 {0}，应为 1", "grade shares sum to {0}, not 1"};
const Msg kGradeName{"等级需要名称 grade", "a grade needs a name (grade)"};
const Msg kGradeTwice{"等级“{0}”出现两次", "grade '{0}' appears twice"};
const Msg kNoScoreRule{"方案里没有产生得分的规则可供排名；请用 score_rule 指定",
                       "no rule in the scheme produces a score to rank by; name one with score_rule"};
const Msg kNoRule{"方案里没有规则“{0}”", "no rule '{0}' in the scheme"};
const Msg kNoScoreFrom{"规则“{0}”（{1}）不产生得分", "rule '{0}' ({1}) produces no score"};
const Msg kBefore{"规则“{0}”必须排在本规则之前", "rule '{0}' must come before this rule in the scheme"};

const Msg kShare{"奖金池 {0} 元：每单位权重 {1} 元 × 权重 {2} = {3} 元，限于 {4} – {5} 元 → {6} 元（最大余数法到分）",
                 "bonus pool {0} yuan: {1} yuan per unit of weight × weight {2} = {3} yuan, kept within {4} – {5} yuan "
                 "→ {6} yuan (largest remainder to the fen)"};
const Msg kGrade{"得分 {0}，第 {1} 名（共 {2} 人）：等级 {3}（配额 {4} 人，倍数 {5}）",
                 "score {0}, rank {1} of {2}: grade {3} (quota {4}, multiplier {5})"};
const Msg kNoScore{"没有规则 {0} 的得分：不参与奖金池分配", "no score from rule {0}: no share of the bonus pool"};
const Msg kOverspent{"规则 {0}：奖金池 {1} 元少于 {2} 人 × 最低 {3} 元 = {4} 元；每人按最低发放，超出奖金池 {5} 元",
                     "rule {0}: the pool of {1} yuan is less than {2} people × minimum {3} yuan = {4} yuan; everyone "
                     "gets the minimum, {5} yuan over the pool"};
const Msg kUnspent{"规则 {0}：上限之下最多只能发 {1} 元，奖金池 {2} 元中有 {3} 元未发",
                   "rule {0}: the caps allow at most {1} yuan, so {3} of the pool's {2} yuan stay unpaid"};
const Msg kNoSource{"规则 {0}：用于排名的得分规则不存在或已关闭，奖金池未分配",
                    "rule {0}: the score rule to rank by is missing or switched off; the pool is not paid"};
const Text2 kNoCap{"不设上限", "no cap"};

struct Grade {
    std::string name;
    double share = 0, multiplier = 1;
};

struct Params {
    double pool = 0, min = 0;
    std::optional<double> max;
    std::string scoreRule; // empty = the scheme's primary score rule
    std::string split = "score";
    std::vector<Grade> grades;
};

Params readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems, const std::string& path) {
    Params p;
    ParamReader r(&rule.params, &catalog, problems, path);
    if (!r.has("pool")) r.problem("", kNoPool);
    p.pool = r.amount("pool", 0);
    p.min = r.amount("min", 0);
    if (r.has("max")) p.max = r.amount("max", 0);
    if (p.max && *p.max < p.min) r.problem("max", kMaxBelowMin, {formatValue(*p.max), formatValue(p.min)});
    p.scoreRule = r.string("score_rule", "");
    p.split = r.choice("split", p.split, {"score", "equal"});
    auto items = r.objects("grades");
    double shares = 0;
    for (ParamReader& g : items) {
        Grade grade;
        grade.name = g.string("grade", "");
        if (grade.name.empty()) g.problem("", kGradeName);
        for (const Grade& other : p.grades)
            if (!grade.name.empty() && other.name == grade.name) g.problem("grade", kGradeTwice, {grade.name});
        grade.share = g.amount("share", 0);
        grade.multiplier = g.amount("multiplier", 1);
        g.finish();
        shares += grade.share;
        p.grades.push_back(grade);
    }
    if (!items.empty() && std::fabs(shares - 1) > 1e-6) r.problem("grades", kShares, {formatValue(round6(shares))});
    r.finish();
    return p;
}

// The rule whose scores rank the agents: score_rule, else the primary rule, else the first enabled
// score-producing rule (the rule evaluate() takes as primary); nullptr when there is none.
const RuleInstance* scoreSource(const Params& p, const Scheme& scheme, const RuleInstance& self) {
    if (!p.scoreRule.empty()) {
        for (const auto& r : scheme.rules)
            if (r.id == p.scoreRule && &r != &self) return &r;
        return nullptr;
    }
    for (const auto& r : scheme.rules)
        if (r.enabled && r.primary && &r != &self) return &r;
    for (const auto& r : scheme.rules) {
        const RuleType* t = findRuleType(r.type);
        if (r.enabled && t && t->producesScore && &r != &self) return &r;
    }
    return nullptr;
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void validateInScheme(const RuleInstance& rule, const Scheme& scheme, Problems& problems, const std::string& path) {
    Params p = readParams(rule, Catalog::builtin(), nullptr, "");
    const RuleInstance* source = scoreSource(p, scheme, rule);
    const Json* at = rule.params.isObject() ? rule.params.find("score_rule") : nullptr;
    const std::string where = path + ".score_rule";
    if (!source && p.scoreRule.empty()) return problems.add(at, where, kNoScoreRule);
    if (!source) return problems.add(at, where, kNoRule, {p.scoreRule});
    if (const RuleType* t = findRuleType(source->type); t && !t->producesScore)
        return problems.add(at, where, kNoScoreFrom, {source->id, source->type});
    bool before = false;
    for (const auto& r : scheme.rules) {
        if (&r == &rule) break;
        if (&r == source) before = true;
    }
    if (!before) problems.add(at, where, kBefore, {source->id});
}

double clampTo(double x, double lo, double hi) { return std::min(std::max(x, lo), hi); }

// λ such that Σ clamp(λ w_i, lo, hi) == pool, for lowest < pool < highest: the sum is piecewise
// linear in λ with corners at lo/w_i and hi/w_i; find the piece that reaches the pool and solve it.
double solvePerWeight(double pool, double lo, double hi, const std::vector<double>& w) {
    auto total = [&](double lambda) {
        double s = 0;
        for (double x : w) s += x > 0 ? clampTo(lambda * x, lo, hi) : lo;
        return s;
    };
    std::vector<double> corners;
    for (double x : w)
        if (x > 0) {
            corners.push_back(lo / x);
            if (std::isfinite(hi)) corners.push_back(hi / x);
        }
    std::sort(corners.begin(), corners.end());
    double left = corners.front(), right = corners.back() * 2 + 1; // beyond the last corner
    for (double c : corners) {
        if (total(c) >= pool) {
            right = c;
            break;
        }
        left = c;
    }
    const double mid = (left + right) / 2;
    double fixed = 0, free = 0;
    for (double x : w) {
        const double v = x > 0 ? mid * x : lo;
        if (x > 0 && v > lo && v < hi) free += x;
        else fixed += clampTo(v, lo, hi);
    }
    return free > 0 ? (pool - fixed) / free : right;
}
} // namespace

std::vector<int64_t> gradeCounts(int64_t n, const std::vector<double>& shares) { return splitLargestRemainder(n, shares); }

size_t gradeOfRank(int rank, const std::vector<int64_t>& counts) {
    int64_t cumulative = 0;
    for (size_t g = 0; g < counts.size(); ++g) {
        cumulative += counts[g];
        if (rank <= cumulative) return g;
    }
    return counts.empty() ? 0 : counts.size() - 1;
}

BudgetSplit splitBudget(int64_t poolFen, int64_t minFen, std::optional<int64_t> maxFen, const std::vector<double>& weights) {
    BudgetSplit s;
    const size_t n = weights.size();
    const double lo = double(minFen), hi = maxFen ? double(*maxFen) : std::numeric_limits<double>::infinity();
    s.lowestFen = minFen * int64_t(n);
    bool anyWeight = false;
    for (double w : weights) {
        anyWeight = anyWeight || w > 0;
        s.highestFen += w > 0 ? (maxFen ? *maxFen : 0) : minFen;
    }
    const bool capped = maxFen.has_value() || !anyWeight;
    if (!capped) s.highestFen = -1;
    s.exact.assign(n, lo);
    if (n == 0) return s;
    if (poolFen <= s.lowestFen) {
        s.perWeight = 0;
    } else if (capped && poolFen >= s.highestFen) {
        for (size_t i = 0; i < n; ++i) {
            s.exact[i] = weights[i] > 0 ? hi : lo;
            if (weights[i] > 0) s.perWeight = std::max(s.perWeight, hi / weights[i]); // the least λ that caps all
        }
    } else {
        s.perWeight = solvePerWeight(double(poolFen), lo, hi, weights);
        for (size_t i = 0; i < n; ++i) s.exact[i] = weights[i] > 0 ? clampTo(s.perWeight * weights[i], lo, hi) : lo;
    }
    // Whole fen: floors, then one fen each to the largest remainders while the pool has some left
    // (never above the maximum); drift of the floating sum is corrected the same way downward.
    s.fen.resize(n);
    int64_t given = 0;
    std::vector<double> rem(n);
    for (size_t i = 0; i < n; ++i) {
        s.fen[i] = int64_t(std::floor(round6(s.exact[i])));
        rem[i] = round6(s.exact[i] - double(s.fen[i]));
        given += s.fen[i];
    }
    int64_t target = std::max(poolFen, s.lowestFen);
    if (capped) target = std::min(target, std::max(s.highestFen, s.lowestFen));
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rem[a] > rem[b]; });
    for (size_t k = 0; given < target; k = (k + 1) % n) {
        const size_t i = order[k];
        if (weights[i] > 0 && (!maxFen || s.fen[i] < *maxFen)) {
            ++s.fen[i];
            ++given;
        }
    }
    for (size_t k = n; given > target;) {
        const size_t i = order[k = (k + n - 1) % n]; // smallest remainders first
        if (s.fen[i] > minFen) {
            --s.fen[i];
            --given;
        }
    }
    s.paidFen = given;
    return s;
}

namespace {
void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    const Params p = readParams(rule, ctx.catalog(), nullptr, "");
    const auto scope = ctx.inScope(rule, {Status::Regular});
    if (scope.empty() || !ctx.scheme()) return;
    const RuleInstance* source = scoreSource(p, *ctx.scheme(), rule);
    if (!source || !source->enabled) {
        ctx.warn(Why{&kNoSource, {rule.id}});
        return;
    }
    const IStr id = rule.id;
    std::vector<size_t> people;
    std::vector<std::optional<double>> scores;
    for (size_t i : scope) {
        auto it = ctx.agent(i).scores.find(source->id);
        if (it == ctx.agent(i).scores.end()) {
            ctx.addBreakdown(i, {id, "", std::nullopt, std::nullopt, Why{&kNoScore, {source->id}}});
            continue;
        }
        people.push_back(i);
        scores.push_back(it->second);
    }
    if (people.empty()) return;
    std::vector<double> weights(people.size(), 1.0);
    if (!p.grades.empty()) {
        std::vector<double> shares;
        for (const Grade& g : p.grades) shares.push_back(g.share);
        const auto counts = gradeCounts(int64_t(people.size()), shares);
        const auto ranks = competitionRanks(scores, false);
        for (size_t k = 0; k < people.size(); ++k) {
            const size_t g = gradeOfRank(*ranks[k], counts);
            weights[k] = p.grades[g].multiplier;
            ctx.addBreakdown(people[k], {id, "", *scores[k], std::nullopt,
                                         Why{&kGrade, {*scores[k], double(*ranks[k]), double(people.size()),
                                                       IStr(p.grades[g].name), double(counts[g]), p.grades[g].multiplier}}});
        }
    } else if (p.split == "score") {
        for (size_t k = 0; k < people.size(); ++k) weights[k] = std::max(*scores[k], 0.0);
    }
    const int64_t poolFen = yuanToFen(p.pool), minFen = yuanToFen(p.min);
    const std::optional<int64_t> maxFen = p.max ? std::optional<int64_t>(yuanToFen(*p.max)) : std::nullopt;
    const BudgetSplit split = splitBudget(poolFen, minFen, maxFen, weights);
    const WhyArg maxArg = maxFen ? WhyArg(Fen{*maxFen}) : WhyArg(IText2(kNoCap));
    const double perWeight = round6(split.perWeight / 100);
    for (size_t k = 0; k < people.size(); ++k)
        ctx.addMoney(people[k], id, MoneyKind::Bonus, split.fen[k],
                     Why{&kShare, {Fen{poolFen}, perWeight, weights[k], round6(split.perWeight * weights[k] / 100), Fen{minFen},
                                   maxArg, Fen{split.fen[k]}}});
    if (split.paidFen > poolFen)
        ctx.warn(Why{&kOverspent, {rule.id, Fen{poolFen}, double(people.size()), Fen{minFen}, Fen{split.lowestFen},
                                   Fen{split.paidFen - poolFen}}});
    else if (split.paidFen < poolFen)
        ctx.warn(Why{&kUnspent, {rule.id, Fen{split.paidFen}, Fen{poolFen}, Fen{poolFen - split.paidFen}}});
}
} // namespace

const RuleType& bonusBudgetRule() {
    static const RuleType t{"bonus_budget", {"奖金预算", "Bonus budget"}, {Status::Regular}, false, false,
                            validate, evaluate, validateInScheme};
    return t;
}

} // namespace kefu::core
