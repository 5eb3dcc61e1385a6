// Rule 9, commission_pool 提成与分配: the team's sales make a pool through progressive brackets;
// the pool is split by another rule's scores (composite_100 by default) with the largest remainder.
#include <algorithm>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kNoBracket{"至少需要一个档位", "at least one bracket is needed"};
const Msg kUpToLast{"只有最后一个档位可以不写 up_to", "only the last bracket may leave out up_to"};
const Msg kNoRate{"档位需要 rate", "a bracket needs a rate"};
const Msg kIncrease{"档位必须递增：{0} 不大于 {1}", "brackets must increase: {0} is not above {1}"};
const Msg kNoComposite{"方案里没有 composite_100 规则；请用 score_rule 指定按哪条规则的得分分配",
                       "no composite_100 rule in the scheme; name the rule to split by with score_rule"};
const Msg kNoRule{"方案里没有规则“{0}”", "no rule '{0}' in the scheme"};
const Msg kNoScoreFrom{"规则“{0}”（{1}）不产生得分", "rule '{0}' ({1}) produces no score"};
const Msg kBefore{"规则“{0}”必须排在本规则之前", "rule '{0}' must come before this rule in the scheme"};

const Msg kPool{"团队销售额 {0} 元：{1} = {2} 元，取整为提成池 {3} 元", "team sales {0} yuan: {1} = {2} yuan, pool {3} yuan"};
const Msg kShare{"提成池 {0} 元 × 得分 {1} / 总分 {2} = {3} 元，最大余数法取整为 {4} 元",
                 "pool {0} yuan × score {1} / total {2} = {3} yuan, {4} yuan after the largest-remainder split"};
const Msg kNoShare{"得分 {0} ≤ 0：不参与提成分配", "score {0} <= 0: no share of the pool"};
const Msg kNoScore{"没有规则 {0} 的得分：不参与提成分配", "no score from rule {0}: no share of the pool"};
const Msg kUndistributed{"规则 {0}：总分 {1} ≤ 0，提成池 {2} 元未分配", "rule {0}: total score {1} <= 0, the pool of {2} yuan is not paid"};
const Msg kNoScoreRule{"规则 {0}：用于分配的得分规则不存在或已关闭，提成池未计算",
                       "rule {0}: the score rule to split by is missing or switched off; no pool"};

struct Bracket {
    std::optional<double> upTo; // absent on the open last bracket
    double rate = 0;
};

struct CommissionPoolParams {
    std::string salesMetric = "sales_amount";
    std::vector<Bracket> brackets = {{100000, 0.01}, {300000, 0.015}, {std::nullopt, 0.02}};
    std::string scoreRule; // empty = the scheme's first composite_100 rule
};

std::vector<Bracket> readBrackets(ParamReader& r, const std::vector<Bracket>& def) {
    if (!r.has("brackets")) {
        r.raw("brackets");
        return def;
    }
    std::vector<Bracket> out;
    auto items = r.objects("brackets");
    if (items.empty()) r.problem("brackets", kNoBracket);
    for (size_t k = 0; k < items.size(); ++k) {
        ParamReader& b = items[k];
        Bracket br;
        if (b.has("up_to")) br.upTo = b.amount("up_to", 0);
        else if (k + 1 < items.size()) b.problem("", kUpToLast);
        br.rate = b.amount("rate", 0);
        if (!b.has("rate")) b.problem("", kNoRate);
        if (br.upTo && !out.empty() && out.back().upTo && *br.upTo <= *out.back().upTo)
            b.problem("up_to", kIncrease, {formatValue(*br.upTo), formatValue(*out.back().upTo)});
        b.finish();
        out.push_back(br);
    }
    return out;
}

CommissionPoolParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems, const std::string& path) {
    CommissionPoolParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.salesMetric = r.metric("sales_metric", p.salesMetric);
    p.brackets = readBrackets(r, p.brackets);
    p.scoreRule = r.string("score_rule", p.scoreRule);
    r.finish();
    return p;
}

std::string percent(double rate) { return formatValue(round6(rate * 100)) + "%"; }

// The pool in yuan (unrounded) and its arithmetic: "100000 × 1% + 50000 × 1.5% = 1750".
std::pair<double, std::string> bracketPool(const std::vector<Bracket>& brackets, double sales) {
    double pool = 0, lower = 0;
    std::string text;
    for (const Bracket& b : brackets) {
        if (sales <= lower) break;
        double upper = b.upTo ? std::min(sales, *b.upTo) : sales;
        double part = round6(upper - lower);
        if (part > 0) {
            pool += part * b.rate;
            text += (text.empty() ? "" : " + ") + formatValue(part) + " × " + percent(b.rate);
        }
        if (!b.upTo) break;
        lower = *b.upTo;
    }
    if (text.empty()) text = "0";
    return {round6(pool), text};
}

const RuleInstance* scoreSource(const CommissionPoolParams& p, const EvalContext& ctx) {
    if (p.scoreRule.empty()) return ctx.findRule("composite_100");
    if (!ctx.scheme()) return nullptr;
    for (const auto& r : ctx.scheme()->rules)
        if (r.id == p.scoreRule) return r.enabled ? &r : nullptr; // switched off: no scores to split by
    return nullptr;
}

double teamSales(const MetricRef& sales, EvalContext& ctx, const std::vector<size_t>& scope) {
    double sum = 0;
    for (size_t i : scope) {
        if (ctx.input().agents[i].status != Status::Regular) continue;
        if (auto v = ctx.value(i, sales)) sum += *v;
        else ctx.agent(i).addFlag(sales.missingFlag);
    }
    return round6(sum);
}

// Each agent's weight (its score when > 0) with a line for those that get nothing.
std::vector<double> shareWeights(const IStr& id, const RuleInstance& source, EvalContext& ctx,
                                 const std::vector<size_t>& scope) {
    std::vector<double> weights;
    for (size_t i : scope) {
        const auto& scores = ctx.agent(i).scores;
        auto it = scores.find(source.id);
        double w = it == scores.end() ? 0.0 : it->second;
        if (it == scores.end())
            ctx.addBreakdown(i, {id, "", std::nullopt, std::nullopt, Why{&kNoScore, {source.id}}});
        else if (w <= 0)
            ctx.addBreakdown(i, {id, "", w, std::nullopt, Why{&kNoShare, {w}}});
        weights.push_back(std::max(w, 0.0));
    }
    return weights;
}

void payShares(const IStr& id, EvalContext& ctx, const std::vector<size_t>& scope, int64_t poolFen,
               const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    total = round6(total);
    auto shares = splitLargestRemainder(poolFen, weights);
    for (size_t k = 0; k < scope.size(); ++k) {
        if (weights[k] <= 0) continue;
        double exact = round6(double(poolFen) / 100.0 * weights[k] / total);
        ctx.addMoney(scope[k], id, MoneyKind::Commission, shares[k],
                     Why{&kShare, {Fen{poolFen}, weights[k], total, exact, Fen{shares[k]}}});
    }
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

// The score rule must exist, produce a score and run before the pool.
void validateInScheme(const RuleInstance& rule, const Scheme& scheme, Problems& problems, const std::string& path) {
    CommissionPoolParams p = readParams(rule, Catalog::builtin(), nullptr, "");
    const RuleInstance* source = nullptr;
    bool before = true;
    for (const auto& r : scheme.rules) {
        if (&r == &rule) before = false;
        bool match = p.scoreRule.empty() ? r.type == "composite_100" && r.enabled : r.id == p.scoreRule;
        if (match && &r != &rule) {
            source = &r;
            break;
        }
    }
    const Json* at = rule.params.isObject() ? rule.params.find("score_rule") : nullptr;
    std::string where = path + ".score_rule";
    if (!source && p.scoreRule.empty())
        problems.add(at, where, kNoComposite);
    else if (!source)
        problems.add(at, where, kNoRule, {p.scoreRule});
    else if (const RuleType* t = findRuleType(source->type); t && !t->producesScore)
        problems.add(at, where, kNoScoreFrom, {source->id, source->type});
    else if (!before)
        problems.add(at, where, kBefore, {source->id});
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    CommissionPoolParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto scope = ctx.inScope(rule, {Status::Regular});
    if (scope.empty()) return;
    const RuleInstance* source = scoreSource(p, ctx);
    if (!source) {
        ctx.warn(Why{&kNoScoreRule, {rule.id}});
        return;
    }
    ctx.requireAnyValue(rule, scope, p.salesMetric);
    const IStr id = rule.id;
    const MetricRef salesMetric = ctx.metricRef(p.salesMetric);
    double sales = teamSales(salesMetric, ctx, scope);
    auto [poolYuan, arithmetic] = bracketPool(p.brackets, sales);
    int64_t poolFen = yuanToFen(poolYuan);
    const Why poolWhy{&kPool, {sales, arithmetic, poolYuan, Fen{poolFen}}}; // the same line for everyone
    for (size_t i : scope) ctx.addBreakdown(i, {id, salesMetric.id, sales, std::nullopt, poolWhy});
    auto weights = shareWeights(id, *source, ctx, scope);
    double total = 0;
    for (double w : weights) total += w;
    if (total <= 0) {
        Why why{&kUndistributed, {rule.id, round6(total), Fen{poolFen}}};
        for (const auto& [g, members] : ctx.byGroup(scope)) {
            ctx.results().group(g).addFlag("pool_undistributed");
            ctx.results().group(g).why.push_back(why);
        }
        ctx.warn(why);
        return;
    }
    if (poolFen == 0) return; // no sales: nothing to split
    payShares(id, ctx, scope, poolFen, weights);
}
} // namespace

const RuleType& commissionPoolRule() {
    static const RuleType t{"commission_pool", {"提成与分配", "Commission pool"}, {Status::Regular}, false, false,
                            validate, evaluate, validateInScheme};
    return t;
}

} // namespace kefu::core
