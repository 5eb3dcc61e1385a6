// Rule 4, exam_typing 考试与打字: exam reward, exam fail and "last in the group" flags with their
// two-period consequences (read from history flags), typing reward and the typing minimum by tenure.
#include <algorithm>

#include "rule.h"

namespace kefu::core {

namespace {
const Msg kExamReward{"考试成绩 {0} ≥ {1}：{2}客服奖励 {3} 元", "exam score {0} >= {1}: {2} agent reward {3} yuan"};
const Msg kExamScore{"考试成绩 {0}（奖励线 ≥ {1}，不及格 < {2}）", "exam score {0} (reward >= {1}, fail < {2})"};
const Msg kExamMissing{"无考试成绩：不计不及格，不参与组内排名",
                       "no exam score: not a fail, not compared in the group"};
const Msg kExamFail{"考试成绩 {0} < {1}：不及格", "exam score {0} < {1}: failed"};
const Msg kExamLast{"考试成绩 {0} 为组内最低（组内最高 {1}）",
                    "exam score {0} is the lowest in the group (highest {1})"};
const Msg kRepeatFail{"本期与上期考试均不及格 → {0}", "failed the exam this period and the previous one → {0}"};
const Msg kRepeatLast{"本期与上期考试均为组内最低 → {0}",
                      "lowest exam score in the group this period and the previous one → {0}"};
const Msg kTypingReward{"打字速度 {0} ≥ {1} 且正确率 {2} ≥ {3}：{4}客服奖励 {5} 元",
                        "typing speed {0} >= {1} with accuracy {2} >= {3}: {4} agent reward {5} yuan"};
const Msg kTypingMissing{"{0} 无数据：无打字奖励", "no value for {0}: no typing reward"};
const Msg kMinProbation{"试用期打字最低要求 {0} 字/分：打字速度 {1}，{2}",
                        "probation typing minimum {0} per minute: speed {1}, {2}"};
const Msg kMinRegular{"转正 {0} 天（自 {1}，{2} {3} 天），打字最低要求 {4} 字/分：打字速度 {5}，{6}",
                      "regular for {0} days (from {1}, {2} {3} days): typing minimum {4} per minute: speed {5}, {6}"};
const Msg kMinRegularHire{
    "转正 {0} 天（自 {1} = 入职 {5} + {6} 天，{2} {3} 天），打字最低要求 {4} 字/分：打字速度 {7}，{8}",
    "regular for {0} days (from {1} = hired {5} + {6} days, {2} {3} days): typing minimum {4} per minute: speed {7}, "
    "{8}"};
const Msg kNoTenure{"无转正日期和入职日期：不检查打字最低要求",
                    "no regular_since and no hire_date: typing minimum not checked"};
const Msg kNoPeriod{"规则 {0}：未指定考核期，无法计算", "rule {0}: no period given, it cannot be computed"};

struct ExamParams {
    double rewardMin = 95, failBelow = 60;
    double regularAmount = 100, probationAmount = 50; // yuan: bonus / bounty
};
struct TypingParams {
    double rewardSpeed = 100, rewardAccuracy = 0.90;
    double regularAmount = 100, probationAmount = 50; // yuan: bonus / bounty
    double minProbation = 60, minRegular = 70, minRegularSenior = 80;
    int seniorAfterDays = 182;     // regular tenure from which minRegularSenior applies
    int regularAfterHireDays = 90; // regular_since assumed hire_date + this when absent
};
struct ExamTypingParams {
    ExamParams exam;
    TypingParams typing;
};

ExamParams readExam(ParamReader r) {
    ExamParams e;
    e.rewardMin = r.number("reward_min", e.rewardMin);
    e.failBelow = r.number("fail_below", e.failBelow);
    e.regularAmount = r.amount("regular_amount", e.regularAmount);
    e.probationAmount = r.amount("probation_amount", e.probationAmount);
    if (e.failBelow > e.rewardMin)
        r.problem("fail_below", "fail_below is above reward_min: one score would both fail and earn the reward");
    r.finish();
    return e;
}

int readDays(ParamReader& r, std::string_view key, int def) {
    int v = r.integer(key, def);
    if (v < 0) r.problem(key, "a number of days cannot be negative");
    return v < 0 ? def : v;
}

TypingParams readTyping(ParamReader r) {
    TypingParams t;
    t.rewardSpeed = r.amount("reward_speed", t.rewardSpeed);
    t.rewardAccuracy = r.amount("reward_accuracy", t.rewardAccuracy);
    t.regularAmount = r.amount("regular_amount", t.regularAmount);
    t.probationAmount = r.amount("probation_amount", t.probationAmount);
    t.minProbation = r.amount("min_probation", t.minProbation);
    t.minRegular = r.amount("min_regular", t.minRegular);
    t.minRegularSenior = r.amount("min_regular_senior", t.minRegularSenior);
    t.seniorAfterDays = readDays(r, "senior_after_days", t.seniorAfterDays);
    t.regularAfterHireDays = readDays(r, "regular_after_hire_days", t.regularAfterHireDays);
    if (t.rewardAccuracy > 1) r.problem("reward_accuracy", "accuracy is a fraction (0.90 = 90%)");
    r.finish();
    return t;
}

ExamTypingParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems,
                            const std::string& path) {
    ExamTypingParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.exam = readExam(r.object("exam"));
    p.typing = readTyping(r.object("typing"));
    r.finish();
    return p;
}

Text2 statusText(Status s) { return s == Status::Regular ? Text2{"转正", "regular"} : Text2{"试用", "probation"}; }
bool isRegular(EvalContext& ctx, size_t agent) { return ctx.input().agents[agent].status == Status::Regular; }

void payReward(const RuleInstance& rule, EvalContext& ctx, size_t agent, double regularYuan, double probationYuan,
               Why why) {
    bool regular = isRegular(ctx, agent);
    double yuan = regular ? regularYuan : probationYuan;
    if (yuan <= 0) return;
    why.args.insert(why.args.end(), {statusText(ctx.input().agents[agent].status), yuan});
    ctx.addMoney(agent, rule, regular ? MoneyKind::Bonus : MoneyKind::Bounty, yuanToFen(yuan), std::move(why));
}

// Two periods in a row (this one and the previous, through its frozen flags).
void checkRepeat(const RuleInstance& rule, EvalContext& ctx, size_t agent, bool fail, bool last) {
    const HistoryAgent* prev = ctx.previous(agent, 1);
    if (!prev) return;
    const char* flag = isRegular(ctx, agent) ? "re_exam" : "lose_regularization";
    const bool repeatFail = fail && prev->hasFlag("exam_fail");
    const bool repeatLast = last && prev->hasFlag("exam_last");
    if (repeatFail)
        ctx.addBreakdown(agent,
                         {rule.id, "exam_score", std::nullopt, std::nullopt, Why{&kRepeatFail, {std::string(flag)}}});
    if (repeatLast)
        ctx.addBreakdown(agent,
                         {rule.id, "exam_score", std::nullopt, std::nullopt, Why{&kRepeatLast, {std::string(flag)}}});
    if (repeatFail || repeatLast) ctx.agent(agent).addFlag(flag);
}

void examAgent(const RuleInstance& rule, const ExamParams& e, EvalContext& ctx, size_t agent, double score,
               std::optional<double> lastOf) {
    ctx.addBreakdown(agent,
                     {rule.id, "exam_score", score, std::nullopt, Why{&kExamScore, {score, e.rewardMin, e.failBelow}}});
    if (round6(score) >= round6(e.rewardMin))
        payReward(rule, ctx, agent, e.regularAmount, e.probationAmount, Why{&kExamReward, {score, e.rewardMin}});
    const bool fail = round6(score) < round6(e.failBelow);
    if (fail) {
        ctx.agent(agent).addFlag("exam_fail");
        ctx.addBreakdown(agent, {rule.id, "exam_score", score, std::nullopt, Why{&kExamFail, {score, e.failBelow}}});
    }
    if (lastOf) {
        ctx.agent(agent).addFlag("exam_last");
        ctx.addBreakdown(agent, {rule.id, "exam_score", score, std::nullopt, Why{&kExamLast, {score, *lastOf}}});
    }
    checkRepeat(rule, ctx, agent, fail, lastOf.has_value());
}

// "Last" = the lowest exam score of the group, ties all last (SCORING.md rule 4, read as written:
// a group of one, or a group whose scores all tie, is last too; agents without a score are not).
void examGroup(const RuleInstance& rule, const ExamParams& e, EvalContext& ctx, const std::vector<size_t>& members) {
    std::optional<double> lo, hi;
    for (size_t i : members)
        if (auto v = ctx.value(i, "exam_score")) {
            lo = lo ? std::min(*lo, *v) : *v;
            hi = hi ? std::max(*hi, *v) : *v;
        }
    for (size_t i : members) {
        auto v = ctx.value(i, "exam_score");
        if (!v) {
            ctx.agent(i).addFlag("missing:exam_score");
            ctx.addBreakdown(i, {rule.id, "exam_score", std::nullopt, std::nullopt, Why{&kExamMissing, {}}});
            continue;
        }
        bool last = round6(*v) == round6(*lo);
        examAgent(rule, e, ctx, i, *v, last ? hi : std::nullopt);
    }
}

void typingReward(const RuleInstance& rule, const TypingParams& t, EvalContext& ctx, size_t agent) {
    auto speed = ctx.value(agent, "typing_speed");
    auto accuracy = ctx.value(agent, "typing_accuracy");
    for (const char* m : {"typing_speed", "typing_accuracy"}) {
        if (ctx.value(agent, m)) continue;
        ctx.agent(agent).addFlag(std::string("missing:") + m);
        ctx.addBreakdown(agent, {rule.id, m, std::nullopt, std::nullopt, Why{&kTypingMissing, {metricLabel(m)}}});
    }
    if (!speed || !accuracy) return;
    if (round6(*speed) >= round6(t.rewardSpeed) && round6(*accuracy) >= round6(t.rewardAccuracy))
        payReward(rule, ctx, agent, t.regularAmount, t.probationAmount,
                  Why{&kTypingReward, {*speed, t.rewardSpeed, *accuracy, t.rewardAccuracy}});
}

// The typing minimum of a regular agent by tenure; nullopt (and a flag) when no date says it.
std::optional<double> regularMinimum(const RuleInstance& rule, const TypingParams& t, EvalContext& ctx, size_t agent,
                                     const Date& last, Why& why) {
    const Agent& a = ctx.input().agents[agent];
    std::optional<Date> from = a.regularSince;
    if (!from && a.hireDate) from = civilFromDays(daysFromCivil(*a.hireDate) + t.regularAfterHireDays);
    if (!from) {
        ctx.agent(agent).addFlag("missing:regular_since");
        ctx.addBreakdown(agent, {rule.id, "typing_speed", std::nullopt, std::nullopt, Why{&kNoTenure, {}}});
        return std::nullopt;
    }
    const int64_t days = daysBetween(*from, last);
    const bool senior = days >= t.seniorAfterDays;
    const double minimum = senior ? t.minRegularSenior : t.minRegular;
    why = Why{&kMinRegular,
              {double(days), formatDate(*from), std::string(senior ? "≥" : "<"), double(t.seniorAfterDays), minimum}};
    if (!a.regularSince) {
        why.msg = &kMinRegularHire;
        why.args.insert(why.args.end(), {formatDate(*a.hireDate), double(t.regularAfterHireDays)});
    }
    return minimum;
}

void typingMinimum(const RuleInstance& rule, const TypingParams& t, EvalContext& ctx, size_t agent, const Date& last) {
    auto speed = ctx.value(agent, "typing_speed");
    if (!speed) return; // flagged missing by the reward; a missing test is not "below"
    Why why{&kMinProbation, {t.minProbation}};
    std::optional<double> minimum = t.minProbation;
    if (isRegular(ctx, agent)) minimum = regularMinimum(rule, t, ctx, agent, last, why);
    if (!minimum) return;
    const bool below = round6(*speed) < round6(*minimum);
    why.args.insert(why.args.end(),
                    {*speed, below ? Text2{"低于最低要求", "below the minimum"} : Text2{"达标", "met"}});
    if (below) ctx.agent(agent).addFlag("typing_below_minimum");
    ctx.addBreakdown(agent, {rule.id, "typing_speed", speed, std::nullopt, std::move(why)});
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    ExamTypingParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto last = ctx.periodLastDay();
    if (!last) {
        ctx.warn(Why{&kNoPeriod, {rule.id}});
        return;
    }
    auto scope = ctx.inScope(rule, {Status::Regular, Status::Probation});
    for (const char* m : {"exam_score", "typing_speed", "typing_accuracy"}) ctx.requireAnyValue(rule, scope, m);
    for (const auto& [g, members] : ctx.byGroup(scope)) examGroup(rule, p.exam, ctx, members);
    for (size_t i : scope) {
        typingReward(rule, p.typing, ctx, i);
        typingMinimum(rule, p.typing, ctx, i, *last);
    }
}
} // namespace

const RuleType& examTypingRule() {
    static const RuleType t{
        "exam_typing", {"考试与打字", "Exam and typing"}, {Status::Regular, Status::Probation}, false, true, validate,
        evaluate};
    return t;
}

} // namespace kefu::core
