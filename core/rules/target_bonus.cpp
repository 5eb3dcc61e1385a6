// Rule 2, target_bonus 达标奖: fixed targets, each a list of metric conditions that must all hold;
// every target met pays a regular agent a bonus and a probation agent a bounty (悬赏金).
#include <algorithm>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kTargetId{"目标需要 id", "a target needs an id"};
const Msg kTargetTwice{"目标编号“{0}”重复", "duplicate target id '{0}'"};
const Msg kNoCondition{"目标在 \"all\" 里至少需要一个条件", "a target needs at least one condition in \"all\""};
const Msg kNoTargets{"至少需要一个目标", "at least one target is needed"};

const Msg kMet{"达标项 {0}：{1} {2}，要求 {3} {4}，达标", "target {0}: {1} {2}, needs {3} {4}: met"};
const Msg kNotMet{"达标项 {0}：{1} {2}，要求 {3} {4}，未达标", "target {0}: {1} {2}, needs {3} {4}: not met"};
const Msg kMissing{"达标项 {0}：{1} 无数据，未达标", "target {0}: no value for {1}, not met"};
const Msg kReward{"达标项 {0}（{1}）达标：{2}客服 +{3} 元", "target {0} ({1}) met: {2} agent +{3} yuan"};

struct Target {
    std::string id;
    std::vector<Condition> all; // every condition must hold
};

struct TargetBonusParams {
    std::vector<Target> targets;
    double regularAmount = 100;  // yuan, kind bonus
    double probationAmount = 50; // yuan, kind bounty
};

Condition cond(const char* metric, CompareOp op, double value) { return Condition{metric, op, value}; }

// SCORING.md rule 2: the five targets of the handbook.
std::vector<Target> defaultTargets() {
    using enum CompareOp;
    return {
        {"conversion", {cond("conversion_rate", Ge, 0.45)}},
        {"response", {cond("avg_response_s", Le, 20)}},
        {"typing", {cond("typing_speed", Ge, 100), cond("typing_accuracy", Ge, 0.90)}},
        {"exam", {cond("exam_score", Ge, 95)}},
        {"reviews", {cond("low_ratings", Le, 0), cond("named_praises", Ge, 35)}},
    };
}

Target readTarget(ParamReader& t, std::vector<std::string>& seen) {
    Target target;
    target.id = t.string("id", "");
    if (target.id.empty())
        t.problem(t.has("id") ? "id" : "", kTargetId);
    else if (std::find(seen.begin(), seen.end(), target.id) != seen.end())
        t.problem("id", kTargetTwice, {target.id});
    seen.push_back(target.id);
    const Json* all = t.raw("all");
    if (!all || (all->isArray() && all->items().empty()))
        t.problem(all ? "all" : "", kNoCondition);
    target.all = t.conditions("all");
    t.finish();
    return target;
}

std::vector<Target> readTargets(ParamReader& r) {
    const Json* list = r.raw("targets");
    if (!list) return defaultTargets();
    if (list->isArray() && list->items().empty()) r.problem("targets", kNoTargets);
    std::vector<Target> out;
    std::vector<std::string> seen;
    for (ParamReader t : r.objects("targets")) out.push_back(readTarget(t, seen));
    return out;
}

TargetBonusParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems,
                             const std::string& path) {
    TargetBonusParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.targets = readTargets(r);
    p.regularAmount = r.amount("regular_amount", p.regularAmount);
    p.probationAmount = r.amount("probation_amount", p.probationAmount);
    r.finish();
    return p;
}

// "询单转化率 ≥ 0.45 且 …" in both languages, for explanations.
Text2 describe(const std::vector<Condition>& all) {
    Text2 out;
    for (const auto& c : all) {
        IText2 label = metricLabel(c.metric);
        std::string tail = std::string(" ") + compareOpSymbol(c.op) + " " + formatValue(c.value);
        out.zh += (out.zh.empty() ? "" : " 且 ") + label.zh().str() + tail;
        out.en += (out.en.empty() ? "" : " and ") + label.en().str() + tail;
    }
    return out;
}

// A target resolved once per evaluation: metric columns, interned ids and labels.
struct PreparedTarget {
    IStr id;
    IText2 description;
    std::vector<PreparedCondition> all;
};
struct Prepared {
    IStr id;
    std::vector<PreparedTarget> targets;
    IText2 regular{Text2{"转正", "regular"}}, probation{Text2{"试用", "probation"}};
};

Prepared prepare(const RuleInstance& rule, const TargetBonusParams& p, const EvalContext& ctx) {
    Prepared out{rule.id, {}};
    for (const auto& t : p.targets) {
        PreparedTarget pt{t.id, describe(t.all), {}};
        for (const auto& c : t.all) pt.all.push_back(ctx.prepare(c));
        out.targets.push_back(std::move(pt));
    }
    return out;
}

// Checks every condition (each gets a breakdown line: points 1 = holds, 0 = not); true when all hold.
bool targetMet(const Prepared& pr, EvalContext& ctx, size_t agent, const PreparedTarget& t) {
    bool met = true;
    for (const auto& pc : t.all) {
        const Condition& c = *pc.cond;
        auto v = ctx.value(agent, pc.metric);
        if (!v) {
            met = false;
            ctx.agent(agent).addFlag(pc.metric.missingFlag);
            ctx.addBreakdown(agent, {pr.id, pc.metric.id, std::nullopt, 0.0, Why{&kMissing, {t.id, pc.metric.label}}});
            continue;
        }
        bool holds = c.holds(*v);
        met = met && holds;
        ctx.addBreakdown(agent, {pr.id, pc.metric.id, v, holds ? 1.0 : 0.0,
                                 Why{holds ? &kMet : &kNotMet, {t.id, pc.metric.label, *v, pc.op, c.value}}});
    }
    return met;
}

void pay(const Prepared& pr, const TargetBonusParams& p, EvalContext& ctx, size_t agent, const PreparedTarget& t) {
    Status s = ctx.input().agents[agent].status;
    double yuan = s == Status::Regular ? p.regularAmount : p.probationAmount;
    if (yuan <= 0) return;
    MoneyKind kind = s == Status::Regular ? MoneyKind::Bonus : MoneyKind::Bounty;
    const IText2& status = s == Status::Regular ? pr.regular : pr.probation;
    ctx.addMoney(agent, pr.id, kind, yuanToFen(yuan), Why{&kReward, {t.id, t.description, status, yuan}});
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    TargetBonusParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto scope = ctx.inScope(rule, {Status::Regular, Status::Probation});
    std::vector<std::string> metrics;
    for (const auto& t : p.targets)
        for (const auto& c : t.all)
            if (std::find(metrics.begin(), metrics.end(), c.metric) == metrics.end()) metrics.push_back(c.metric);
    for (const auto& m : metrics) ctx.requireAnyValue(rule, scope, m);
    const Prepared pr = prepare(rule, p, ctx);
    for (size_t i : scope)
        for (const auto& t : pr.targets)
            if (targetMet(pr, ctx, i, t)) pay(pr, p, ctx, i, t);
}
} // namespace

const RuleType& targetBonusRule() {
    static const RuleType t{
        "target_bonus", {"达标奖", "Target bonus"}, {Status::Regular, Status::Probation}, false, false, validate,
        evaluate};
    return t;
}

} // namespace kefu::core
