// Rule 3, probation_stages 新人阶段考核: a probation agent's stage comes from the days since hire
// (7d/15d/1m/2m/3m); each metric of the stage's threshold table passes or fails; a fail asks for
// the attitude review; all passed at the regularization stage makes the agent eligible.
#include <algorithm>
#include <array>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kStageId{"阶段需要 id", "a stage needs an id"};
const Msg kStageTwice{"阶段编号“{0}”重复", "duplicate stage id '{0}'"};
const Msg kStageDays{"阶段需要 min_days", "a stage needs min_days"};
const Msg kNegativeDays{"min_days 不能为负数", "min_days cannot be negative"};
const Msg kDaysIncrease{"min_days 必须逐阶段递增：{0} 排在 {1} 之后", "min_days must increase from stage to stage: {0} after {1}"};
const Msg kNoStages{"至少需要一个阶段", "at least one stage is needed"};
const Msg kNotStage{"“{0}”不是任何阶段的 id", "'{0}' is not the id of a stage"};

const Msg kStage{"入职 {0}，至 {1} 共 {2} 天：阶段 {3}（≥ {4} 天）",
                 "hired {0}, {2} days to {1}: stage {3} (>= {4} days)"};
const Msg kPending{"入职 {0}，至 {1} 共 {2} 天，不满 {3} 天：阶段待定",
                   "hired {0}, {2} days to {1}, under {3} days: stage pending"};
const Msg kNoHireDate{"无入职日期，无法确定阶段", "no hire date: the stage cannot be determined"};
const Msg kPass{"阶段 {0}：{1} {2}，要求 {3} {4}，通过", "stage {0}: {1} {2}, needs {3} {4}: passed"};
const Msg kFail{"阶段 {0}：{1} {2}，要求 {3} {4}，未通过", "stage {0}: {1} {2}, needs {3} {4}: failed"};
const Msg kMissing{"阶段 {0}：{1} 无数据，未通过", "stage {0}: no value for {1}, failed"};
const Msg kAttitudeGood{"有未通过项；服务态度评价：好（{0}）→ 可继续考核",
                        "a metric failed; attitude review: good ({0}) → may advance"};
const Msg kAttitudeBad{"有未通过项；服务态度评价：差（{0}）→ 考虑辞退",
                       "a metric failed; attitude review: bad ({0}) → consider dismissal"};
const Msg kAttitudeNone{"有未通过项；本期无服务态度评价，需主管评估",
                        "a metric failed; no attitude review this period: the manager must review"};
const Msg kEligible{"阶段 {0} 全部通过：可申请转正", "all of stage {0} passed: eligible for regularization"};
const Msg kNoPeriod{"规则 {0}：未指定考核期，无法计算阶段", "rule {0}: no period given, stages cannot be computed"};

struct Stage {
    std::string id;
    int minDays = 0;
    std::vector<Condition> thresholds;
};

struct ProbationStagesParams {
    std::vector<Stage> stages; // increasing minDays
    std::string regularizationStage = "3m";
};

// SCORING.md rule 3: the handbook's table, not monotonic on purpose.
std::vector<Stage> defaultStages() {
    using enum CompareOp;
    static const std::array<std::pair<const char*, CompareOp>, 8> columns = {{
        {"daily_avg_receptions", Ge},
        {"daily_avg_sales", Ge},
        {"conversion_rate", Ge},
        {"avg_response_s", Le},
        {"typing_speed", Ge},
        {"typing_accuracy", Ge},
        {"exam_score", Ge},
        {"low_ratings", Le},
    }};
    auto stage = [&](const char* id, int days, std::array<double, 8> v) {
        Stage s{id, days, {}};
        for (size_t k = 0; k < columns.size(); ++k) s.thresholds.push_back({columns[k].first, columns[k].second, v[k]});
        return s;
    };
    // clang-format off
    return {
        stage("7d",   7, { 5,  300, 0.20, 30, 60, 0.80, 70, 2}),
        stage("15d", 15, {10,  600, 0.25, 40, 65, 0.83, 75, 2}),
        stage("1m",  30, {20, 1000, 0.30, 48, 70, 0.85, 80, 1}),
        stage("2m",  60, {45, 1200, 0.35, 45, 75, 0.87, 85, 1}),
        stage("3m",  90, {50, 1500, 0.40, 40, 80, 0.90, 90, 1}),
    };
    // clang-format on
}

Stage readStage(ParamReader& s, std::vector<std::string>& seen, std::optional<int> previousDays) {
    Stage stage;
    stage.id = s.string("id", "");
    if (stage.id.empty())
        s.problem(s.has("id") ? "id" : "", kStageId);
    else if (std::find(seen.begin(), seen.end(), stage.id) != seen.end())
        s.problem("id", kStageTwice, {stage.id});
    seen.push_back(stage.id);
    if (!s.raw("min_days")) s.problem("", kStageDays);
    stage.minDays = s.integer("min_days", 0);
    if (stage.minDays < 0) s.problem("min_days", kNegativeDays);
    if (previousDays && stage.minDays <= *previousDays)
        s.problem("min_days", kDaysIncrease, {std::to_string(stage.minDays), std::to_string(*previousDays)});
    stage.thresholds = s.conditions("thresholds");
    s.finish();
    return stage;
}

std::vector<Stage> readStages(ParamReader& r) {
    const Json* list = r.raw("stages");
    if (!list) return defaultStages();
    if (list->isArray() && list->items().empty()) r.problem("stages", kNoStages);
    std::vector<Stage> out;
    std::vector<std::string> seen;
    for (ParamReader s : r.objects("stages"))
        out.push_back(readStage(s, seen, out.empty() ? std::nullopt : std::optional<int>(out.back().minDays)));
    return out;
}

ProbationStagesParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems,
                                 const std::string& path) {
    ProbationStagesParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.stages = readStages(r);
    // Default: the last stage, so a scheme that renames its stages needs no second edit.
    p.regularizationStage = r.string("regularization_stage", p.stages.empty() ? "" : p.stages.back().id);
    bool known =
        std::any_of(p.stages.begin(), p.stages.end(), [&](const Stage& s) { return s.id == p.regularizationStage; });
    if (!known && !p.stages.empty())
        r.problem("regularization_stage", kNotStage, {p.regularizationStage});
    r.finish();
    return p;
}

// The latest stage reached (index into stages), nullopt under the first one.
std::optional<size_t> stageFor(const ProbationStagesParams& p, int64_t days) {
    std::optional<size_t> out;
    for (size_t k = 0; k < p.stages.size(); ++k)
        if (days >= p.stages[k].minDays) out = k;
    return out;
}

// Stages resolved once per evaluation: metric columns, interned ids and labels, the period's end.
struct PreparedStage {
    IStr id;
    std::vector<PreparedCondition> thresholds;
};
struct Prepared {
    IStr id;
    std::vector<PreparedStage> stages; // parallel to ProbationStagesParams::stages
    Date last;
    IStr lastText;
};

Prepared prepare(const RuleInstance& rule, const ProbationStagesParams& p, const EvalContext& ctx, const Date& last) {
    Prepared out{rule.id, {}, last, formatDate(last)};
    for (const auto& s : p.stages) {
        PreparedStage ps{s.id, {}};
        for (const auto& c : s.thresholds) ps.thresholds.push_back(ctx.prepare(c));
        out.stages.push_back(std::move(ps));
    }
    return out;
}

// One breakdown line per threshold (points 1 = passed, 0 = failed); true when all pass.
bool checkThresholds(const Prepared& pr, EvalContext& ctx, size_t agent, const PreparedStage& stage) {
    bool all = true;
    for (const auto& pc : stage.thresholds) {
        const Condition& c = *pc.cond;
        auto v = ctx.value(agent, pc.metric);
        if (!v) {
            all = false;
            ctx.agent(agent).addFlag(pc.metric.missingFlag);
            ctx.addBreakdown(agent, {pr.id, pc.metric.id, std::nullopt, 0.0, Why{&kMissing, {stage.id, pc.metric.label}}});
            continue;
        }
        bool pass = c.holds(*v);
        all = all && pass;
        ctx.addBreakdown(agent, {pr.id, pc.metric.id, v, pass ? 1.0 : 0.0,
                                 Why{pass ? &kPass : &kFail, {stage.id, pc.metric.label, *v, pc.op, c.value}}});
    }
    return all;
}

// Any fail: the manager's attitude event of the period decides; the later one wins, a tie is bad.
void reviewAttitude(const Prepared& pr, EvalContext& ctx, size_t agent) {
    std::optional<Date> good, bad;
    for (const Event* e : ctx.events(agent)) {
        if (e->count <= 0) continue;
        if (e->kind == "attitude_good" && (!good || e->date > *good)) good = e->date;
        if (e->kind == "attitude_bad" && (!bad || e->date > *bad)) bad = e->date;
    }
    AgentResult& a = ctx.agent(agent);
    if (bad && (!good || *bad >= *good)) {
        a.addFlag("consider_dismissal");
        ctx.addBreakdown(agent, {pr.id, "", std::nullopt, std::nullopt, Why{&kAttitudeBad, {ctx.dateText(*bad)}}});
    } else if (good) {
        a.addFlag("may_advance");
        ctx.addBreakdown(agent, {pr.id, "", std::nullopt, std::nullopt, Why{&kAttitudeGood, {ctx.dateText(*good)}}});
    } else {
        a.addFlag("attitude_review_needed");
        ctx.addBreakdown(agent, {pr.id, "", std::nullopt, std::nullopt, Why{&kAttitudeNone, {}}});
    }
}

void assessAgent(const Prepared& pr, const ProbationStagesParams& p, EvalContext& ctx, size_t agent) {
    const Agent& in = ctx.input().agents[agent];
    AgentResult& out = ctx.agent(agent);
    if (!in.hireDate) {
        out.addFlag("missing:hire_date");
        ctx.addBreakdown(agent, {pr.id, {}, std::nullopt, std::nullopt, Why{&kNoHireDate, {}}});
        return;
    }
    const int64_t days = daysBetween(*in.hireDate, pr.last);
    const auto k = stageFor(p, days);
    if (!k) {
        out.addFlag("stage_pending");
        int first = p.stages.empty() ? 0 : p.stages.front().minDays;
        ctx.addBreakdown(agent,
                         {pr.id, {}, double(days), std::nullopt,
                          Why{&kPending, {ctx.dateText(*in.hireDate), pr.lastText, double(days), double(first)}}});
        return;
    }
    const Stage& stage = p.stages[*k];
    const PreparedStage& ps = pr.stages[*k];
    out.stage = stage.id;
    ctx.addBreakdown(
        agent,
        {pr.id, {}, double(days), std::nullopt,
         Why{&kStage, {ctx.dateText(*in.hireDate), pr.lastText, double(days), ps.id, double(stage.minDays)}}});
    if (!checkThresholds(pr, ctx, agent, ps)) {
        out.addFlag("stage_fail");
        reviewAttitude(pr, ctx, agent);
        return;
    }
    auto reg =
        std::find_if(p.stages.begin(), p.stages.end(), [&](const Stage& s) { return s.id == p.regularizationStage; });
    if (reg != p.stages.end() && *k >= size_t(reg - p.stages.begin())) {
        out.addFlag("eligible_for_regularization");
        ctx.addBreakdown(agent, {pr.id, {}, std::nullopt, std::nullopt, Why{&kEligible, {ps.id}}});
    }
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    ProbationStagesParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto last = ctx.periodLastDay();
    if (!last) {
        ctx.warn(Why{&kNoPeriod, {rule.id}});
        return;
    }
    auto scope = ctx.inScope(rule, {Status::Probation});
    std::vector<std::string> metrics;
    for (const auto& s : p.stages)
        for (const auto& c : s.thresholds)
            if (std::find(metrics.begin(), metrics.end(), c.metric) == metrics.end()) metrics.push_back(c.metric);
    for (const auto& m : metrics) ctx.requireAnyValue(rule, scope, m);
    const Prepared pr = prepare(rule, p, ctx, *last);
    for (size_t i : scope) assessAgent(pr, p, ctx, i);
}
} // namespace

const RuleType& probationStagesRule() {
    static const RuleType t{
        "probation_stages", {"新人阶段考核", "Probation stages"}, {Status::Probation}, false, true, validate, evaluate};
    return t;
}

} // namespace kefu::core
