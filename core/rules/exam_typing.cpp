// Rule 4, exam_typing 考试与打字: exam reward, exam fail and "last in the group" flags with their
// two-period consequences (read from history flags), typing reward and the typing minimum by tenure.
#include <algorithm>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kFailAboveReward{"fail_below 高于 reward_min：同一个成绩会既不及格又得奖励",
                           "fail_below is above reward_min: one score would both fail and earn the reward"};
const Msg kNegativeDays{"天数不能为负数", "a number of days cannot be negative"};
const Msg kAccuracy{"正确率是小数（0.90 = 90%）", "accuracy is a fraction (0.90 = 90%)"};

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
        r.problem("fail_below", kFailAboveReward);
    r.finish();
    return e;
}

int readDays(ParamReader& r, std::string_view key, int def) {
    int v = r.integer(key, def);
    if (v < 0) r.problem(key, kNegativeDays);
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
    if (t.rewardAccuracy > 1) r.problem("reward_accuracy", kAccuracy);
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

// Ids, labels and columns resolved once per evaluation instead of per agent.
struct Prepared {
    IStr id;
    MetricRef exam, speed, accuracy;
    Date last;
    IText2 regular{Text2{"转正", "regular"}}, probation{Text2{"试用", "probation"}};
    IText2 below{Text2{"低于最低要求", "below the minimum"}}, met{Text2{"达标", "met"}};
    IStr atLeast{"≥"}, under{"<"};
    IStr reExam{"re_exam"}, loseRegularization{"lose_regularization"};
};

bool isRegular(EvalContext& ctx, size_t agent) { return ctx.input().agents[agent].status == Status::Regular; }

void payReward(const Prepared& pr, EvalContext& ctx, size_t agent, double regularYuan, double probationYuan,
               Why why) {
    bool regular = isRegular(ctx, agent);
    double yuan = regular ? regularYuan : probationYuan;
    if (yuan <= 0) return;
    why.args.insert(why.args.end(), {regular ? pr.regular : pr.probation, yuan});
    ctx.addMoney(agent, pr.id, regular ? MoneyKind::Bonus : MoneyKind::Bounty, yuanToFen(yuan), std::move(why));
}

// Two periods in a row (this one and the previous, through its frozen flags).
void checkRepeat(const Prepared& pr, EvalContext& ctx, size_t agent, bool fail, bool last) {
    const HistoryAgent* prev = ctx.previous(agent, 1);
    if (!prev) return;
    const IStr& flag = isRegular(ctx, agent) ? pr.reExam : pr.loseRegularization;
    const bool repeatFail = fail && prev->hasFlag("exam_fail");
    const bool repeatLast = last && prev->hasFlag("exam_last");
    if (repeatFail)
        ctx.addBreakdown(agent, {pr.id, pr.exam.id, std::nullopt, std::nullopt, Why{&kRepeatFail, {flag}}});
    if (repeatLast)
        ctx.addBreakdown(agent, {pr.id, pr.exam.id, std::nullopt, std::nullopt, Why{&kRepeatLast, {flag}}});
    if (repeatFail || repeatLast) ctx.agent(agent).addFlag(flag);
}

void examAgent(const Prepared& pr, const ExamParams& e, EvalContext& ctx, size_t agent, double score,
               std::optional<double> lastOf) {
    ctx.addBreakdown(agent,
                     {pr.id, pr.exam.id, score, std::nullopt, Why{&kExamScore, {score, e.rewardMin, e.failBelow}}});
    if (round6(score) >= round6(e.rewardMin))
        payReward(pr, ctx, agent, e.regularAmount, e.probationAmount, Why{&kExamReward, {score, e.rewardMin}});
    const bool fail = round6(score) < round6(e.failBelow);
    if (fail) {
        ctx.agent(agent).addFlag("exam_fail");
        ctx.addBreakdown(agent, {pr.id, pr.exam.id, score, std::nullopt, Why{&kExamFail, {score, e.failBelow}}});
    }
    if (lastOf) {
        ctx.agent(agent).addFlag("exam_last");
        ctx.addBreakdown(agent, {pr.id, pr.exam.id, score, std::nullopt, Why{&kExamLast, {score, *lastOf}}});
    }
    checkRepeat(pr, ctx, agent, fail, lastOf.has_value());
}

// The lowest and highest exam score of a group (nullopt when nobody has one).
std::pair<std::optional<double>, std::optional<double>> examRange(const Prepared& pr, EvalContext& ctx,
                                                                  const std::vector<size_t>& members) {
    std::optional<double> lo, hi;
    for (size_t i : members)
        if (auto v = ctx.value(i, pr.exam)) {
            lo = lo ? std::min(*lo, *v) : *v;
            hi = hi ? std::max(*hi, *v) : *v;
        }
    return {lo, hi};
}

// "Last" = the lowest exam score of the group, ties all last (SCORING.md rule 4, read as written:
// a group of one, or a group whose scores all tie, is last too; agents without a score are not).
void examScore(const Prepared& pr, const ExamParams& e, EvalContext& ctx, size_t i,
               const std::pair<std::optional<double>, std::optional<double>>& range) {
    auto v = ctx.value(i, pr.exam);
    if (!v) {
        ctx.agent(i).addFlag(pr.exam.missingFlag);
        ctx.addBreakdown(i, {pr.id, pr.exam.id, std::nullopt, std::nullopt, Why{&kExamMissing, {}}});
        return;
    }
    bool last = round6(*v) == round6(*range.first);
    examAgent(pr, e, ctx, i, *v, last ? range.second : std::nullopt);
}

void typingReward(const Prepared& pr, const TypingParams& t, EvalContext& ctx, size_t agent) {
    auto speed = ctx.value(agent, pr.speed);
    auto accuracy = ctx.value(agent, pr.accuracy);
    for (const MetricRef* m : {&pr.speed, &pr.accuracy}) {
        if (ctx.value(agent, *m)) continue;
        ctx.agent(agent).addFlag(m->missingFlag);
        ctx.addBreakdown(agent, {pr.id, m->id, std::nullopt, std::nullopt, Why{&kTypingMissing, {m->label}}});
    }
    if (!speed || !accuracy) return;
    if (round6(*speed) >= round6(t.rewardSpeed) && round6(*accuracy) >= round6(t.rewardAccuracy))
        payReward(pr, ctx, agent, t.regularAmount, t.probationAmount,
                  Why{&kTypingReward, {*speed, t.rewardSpeed, *accuracy, t.rewardAccuracy}});
}

// How a regular agent's typing minimum follows from the tenure.
struct Tenure {
    double minimum;
    int64_t days;
    IStr from;
    bool senior;
};

// The typing minimum of a regular agent by tenure; nullopt (and a flag) when no date says it.
std::optional<Tenure> regularTenure(const Prepared& pr, const TypingParams& t, EvalContext& ctx, size_t agent) {
    const Agent& a = ctx.input().agents[agent];
    std::optional<Date> from = a.regularSince;
    if (!from && a.hireDate) from = civilFromDays(daysFromCivil(*a.hireDate) + t.regularAfterHireDays);
    if (!from) {
        ctx.agent(agent).addFlag("missing:regular_since");
        ctx.addBreakdown(agent, {pr.id, pr.speed.id, std::nullopt, std::nullopt, Why{&kNoTenure, {}}});
        return std::nullopt;
    }
    const int64_t days = daysBetween(*from, pr.last);
    const bool senior = days >= t.seniorAfterDays;
    return Tenure{senior ? t.minRegularSenior : t.minRegular, days, ctx.dateText(*from), senior};
}

void typingMinimum(const Prepared& pr, const TypingParams& t, EvalContext& ctx, size_t agent) {
    auto speed = ctx.value(agent, pr.speed);
    if (!speed) return; // flagged missing by the reward; a missing test is not "below"
    std::optional<Tenure> tenure;
    if (isRegular(ctx, agent) && !(tenure = regularTenure(pr, t, ctx, agent))) return;
    const double minimum = tenure ? tenure->minimum : t.minProbation;
    const bool below = round6(*speed) < round6(minimum);
    const IText2& verdict = below ? pr.below : pr.met;
    const Agent& a = ctx.input().agents[agent];
    // Built whole, each message with its own argument list (see the messages above).
    Why why = !tenure ? Why{&kMinProbation, {t.minProbation, *speed, verdict}}
              : a.regularSince
                  ? Why{&kMinRegular, {double(tenure->days), tenure->from, tenure->senior ? pr.atLeast : pr.under,
                                       double(t.seniorAfterDays), minimum, *speed, verdict}}
                  : Why{&kMinRegularHire, {double(tenure->days), tenure->from, tenure->senior ? pr.atLeast : pr.under,
                                           double(t.seniorAfterDays), minimum, ctx.dateText(*a.hireDate),
                                           double(t.regularAfterHireDays), *speed, verdict}};
    if (below) ctx.agent(agent).addFlag("typing_below_minimum");
    ctx.addBreakdown(agent, {pr.id, pr.speed.id, speed, std::nullopt, std::move(why)});
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
    const Prepared pr{rule.id, ctx.metricRef("exam_score"), ctx.metricRef("typing_speed"),
                      ctx.metricRef("typing_accuracy"), *last};
    // Group ranges first, then each agent once, in input order: the same lines per agent, with the
    // results walked front to back rather than group by group and part by part.
    std::vector<std::pair<std::optional<double>, std::optional<double>>> ranges;
    std::vector<size_t> groupOf(ctx.agentCount());
    for (const auto& [g, members] : ctx.byGroup(scope)) {
        for (size_t i : members) groupOf[i] = ranges.size();
        ranges.push_back(examRange(pr, ctx, members));
    }
    for (size_t i : scope) {
        examScore(pr, p.exam, ctx, i, ranges[groupOf[i]]);
        typingReward(pr, p.typing, ctx, i);
        typingMinimum(pr, p.typing, ctx, i);
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
