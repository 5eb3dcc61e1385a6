// Rule 8, composite_100 综合考评: four manager-entered parts summed, event additions and
// deductions, a fine below the pass line, first place in the scope and its streak awards.
#include <algorithm>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kCountMin{"次数至少为 1", "a count must be at least 1"};
const Msg kNoParts{"至少需要一个分项指标", "at least one part metric is needed"};
const Msg kStreakMin{"连续期数至少为 1", "a streak is at least 1 period"};

const Msg kPart{"{0}：{1} 分", "{0}: {1} points"};
const Msg kMissing{"{0}：无数据，计 0 分", "{0}: no value, 0 points"};
const Msg kAddition{"加分事件 {0} × {1}：+{2}", "addition {0} × {1}: +{2}"};
const Msg kDeduction{"扣分事件 {0} × {1}：-{2}", "deduction {0} × {1}: -{2}"};
const Msg kRepeat{"本期 {0} 共 {1} 次（≥ {2}）：再扣 {3} 分", "{0} {1} times this period (>= {2}): a further -{3}"};
const Msg kTotal{"综合分 = 基础 {0} + 加分 {1} - 扣分 {2} = {3}", "composite = base {0} + additions {1} - deductions {2} = {3}"};
const Msg kFine{"综合分 {0} < {1}：罚款 {2} 元", "composite {0} < {1}: fine {2} yuan"};
const Msg kTwice{"上期综合分也低于 {0}：辞退风险", "also below {0} in the previous period: dismissal risk"};
const Msg kFirst{"综合分 {0} 为第1名（共 {1} 人）", "composite {0} is first of {1}"};
const Msg kStreak{"连续 {0} 个月综合第1：{1} × {0} / {2} = {3} 元", "first {0} months in a row: {1} × {0} / {2} = {3} yuan"};

constexpr const char* kBelowFlag = "composite_below_60";
constexpr const char* kFirstFlag = "composite_first";

struct Composite100Params {
    std::vector<std::string> parts = {"comp_team_task", "comp_handover", "comp_revisit", "comp_ability"};
    std::vector<std::string> additionEvents = {"add_top_workload", "add_full_exam",       "add_cover_shift",
                                               "add_extra_work",   "add_zero_complaints", "add_suggestion"};
    double additionPoints = 5;
    std::vector<std::pair<std::string, double>> deductions = {
        {"violation_light", 2}, {"violation_medium", 10}, {"violation_severe", 20}};
    double repeatDeduction = 20;
    std::vector<std::pair<std::string, int>> repeatWhen = {{"violation_medium", 2}, {"violation_light", 4}};
    double passScore = 60;
    double belowFine = 100;
    int streakLength = 3;
    double streakAward = 100;
};

// A map of event kind -> points ("deductions"); absent = the defaults.
std::vector<std::pair<std::string, double>> readKindPoints(ParamReader& r, std::string_view key,
                                                           const std::vector<std::pair<std::string, double>>& def) {
    if (!r.has(key)) {
        r.raw(key);
        return def;
    }
    std::vector<std::pair<std::string, double>> out;
    ParamReader m = r.object(key);
    for (const auto& kind : m.keys()) out.push_back({kind, m.amount(kind, 0)});
    return out;
}

std::vector<std::pair<std::string, int>> readKindCounts(ParamReader& r, std::string_view key,
                                                        const std::vector<std::pair<std::string, int>>& def) {
    if (!r.has(key)) {
        r.raw(key);
        return def;
    }
    std::vector<std::pair<std::string, int>> out;
    ParamReader m = r.object(key);
    for (const auto& kind : m.keys()) {
        int n = m.integer(kind, 1);
        if (n < 1) m.problem(kind, kCountMin);
        out.push_back({kind, std::max(n, 1)});
    }
    return out;
}

Composite100Params readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems, const std::string& path) {
    Composite100Params p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.parts = r.strings("parts", p.parts);
    for (const auto& m : p.parts) r.checkMetricId(m, "parts");
    if (p.parts.empty()) r.problem("parts", kNoParts);
    p.additionEvents = r.strings("addition_events", p.additionEvents);
    p.additionPoints = r.amount("addition_points", p.additionPoints);
    p.deductions = readKindPoints(r, "deductions", p.deductions);
    p.repeatDeduction = r.amount("repeat_deduction", p.repeatDeduction);
    p.repeatWhen = readKindCounts(r, "repeat_when", p.repeatWhen);
    p.passScore = r.number("pass_score", p.passScore);
    p.belowFine = r.amount("below_fine", p.belowFine);
    p.streakLength = r.integer("streak_length", p.streakLength);
    if (p.streakLength < 1) {
        r.problem("streak_length", kStreakMin);
        p.streakLength = 3;
    }
    p.streakAward = r.amount("streak_award", p.streakAward);
    r.finish();
    return p;
}

Text2 eventLabel(const std::string& kind) {
    static const std::vector<std::pair<const char*, Text2>> labels = {
        {"add_top_workload", {"工作量第一", "top workload"}},   {"add_full_exam", {"考试满分", "full exam marks"}},
        {"add_cover_shift", {"顶班", "covered a shift"}},        {"add_extra_work", {"额外工作", "extra work"}},
        {"add_zero_complaints", {"零投诉", "zero complaints"}}, {"add_suggestion", {"合理化建议", "suggestion"}},
        {"violation_light", {"轻度违规", "light violation"}},     {"violation_medium", {"中度违规", "medium violation"}},
        {"violation_severe", {"严重违规", "severe violation"}}};
    for (const auto& [k, l] : labels)
        if (kind == k) return l;
    return {kind, kind};
}

// An event's points: its own `points` column when given, else the kind's default; times count.
double eventPoints(const Event& e, double def) { return (e.points ? *e.points : def) * e.count; }

double scoreBase(const IStr& id, const std::vector<MetricRef>& parts, EvalContext& ctx, size_t i) {
    double base = 0;
    for (const MetricRef& m : parts) {
        auto v = ctx.value(i, m);
        if (!v) {
            ctx.agent(i).addFlag(m.missingFlag);
            ctx.addBreakdown(i, {id, m.id, std::nullopt, 0.0, Why{&kMissing, {m.label}}});
            continue;
        }
        base += *v;
        ctx.addBreakdown(i, {id, m.id, v, *v, Why{&kPart, {m.label, *v}}});
    }
    return round6(base);
}

double scoreAdditions(const IStr& id, const Composite100Params& p, EvalContext& ctx, size_t i) {
    double sum = 0;
    for (const Event* e : ctx.events(i)) {
        if (std::find(p.additionEvents.begin(), p.additionEvents.end(), e->kind) == p.additionEvents.end()) continue;
        double pts = round6(eventPoints(*e, p.additionPoints));
        sum += pts;
        ctx.addBreakdown(i, {id, "", std::nullopt, pts, Why{&kAddition, {eventLabel(e->kind), double(e->count), pts}}});
    }
    return round6(sum);
}

double scoreDeductions(const IStr& id, const Composite100Params& p, EvalContext& ctx, size_t i) {
    double sum = 0;
    for (const Event* e : ctx.events(i)) {
        auto it = std::find_if(p.deductions.begin(), p.deductions.end(), [&](const auto& d) { return d.first == e->kind; });
        if (it == p.deductions.end()) continue;
        double pts = round6(eventPoints(*e, it->second));
        sum += pts;
        ctx.addBreakdown(i, {id, "", std::nullopt, -pts, Why{&kDeduction, {eventLabel(e->kind), double(e->count), pts}}});
    }
    for (const auto& [kind, atLeast] : p.repeatWhen) {
        int n = ctx.countEvents(i, kind);
        if (n < atLeast) continue;
        sum += p.repeatDeduction;
        ctx.addBreakdown(i, {id, "", std::nullopt, -p.repeatDeduction,
                             Why{&kRepeat, {eventLabel(kind), double(n), double(atLeast), p.repeatDeduction}}});
        break; // the further deduction applies once, whichever condition holds
    }
    return round6(sum);
}

double scoreAgent(const IStr& id, const Composite100Params& p, const std::vector<MetricRef>& parts,
                  EvalContext& ctx, size_t i) {
    double base = scoreBase(id, parts, ctx, i);
    double add = scoreAdditions(id, p, ctx, i);
    double ded = scoreDeductions(id, p, ctx, i);
    double score = round6(base + add - ded);
    ctx.addBreakdown(i, {id, "", std::nullopt, score, Why{&kTotal, {base, add, ded, score}}});
    ctx.setScore(i, id, score);
    return score;
}

void applyPassLine(const IStr& id, const Composite100Params& p, EvalContext& ctx, size_t i, double score) {
    if (score >= round6(p.passScore)) return;
    ctx.agent(i).addFlag(kBelowFlag);
    if (p.belowFine > 0)
        ctx.addMoney(i, id, MoneyKind::Fine, -yuanToFen(p.belowFine), Why{&kFine, {score, p.passScore, p.belowFine}});
    const HistoryAgent* prev = ctx.previous(i, 1);
    if (prev && prev->hasFlag(kBelowFlag)) {
        ctx.agent(i).addFlag("dismissal_risk");
        ctx.addBreakdown(i, {id, "", std::nullopt, std::nullopt, Why{&kTwice, {p.passScore}}});
    }
}

// Consecutive periods with composite_first ending with this one (which has it).
int firstStreak(EvalContext& ctx, size_t i) {
    int k = 1;
    while (const HistoryAgent* h = ctx.previous(i, k)) {
        if (!h->hasFlag(kFirstFlag)) break;
        ++k;
    }
    return k;
}

void markFirst(const IStr& id, const Composite100Params& p, EvalContext& ctx, const std::vector<size_t>& scope,
               const std::vector<std::optional<double>>& scores) {
    auto ranks = competitionRanks(scores, false);
    int n = int(std::count_if(scores.begin(), scores.end(), [](const auto& s) { return s.has_value(); }));
    for (size_t k = 0; k < scope.size(); ++k) {
        if (!ranks[k]) continue;
        size_t i = scope[k];
        ctx.setRank(i, id, *ranks[k]);
        if (*ranks[k] != 1) continue;
        ctx.agent(i).addFlag(kFirstFlag);
        ctx.addBreakdown(i, {id, "", std::nullopt, std::nullopt, Why{&kFirst, {*scores[k], double(n)}}});
        int streak = firstStreak(ctx, i);
        if (streak % p.streakLength != 0 || p.streakAward <= 0) continue;
        double yuan = p.streakAward * streak / p.streakLength;
        ctx.addMoney(i, id, MoneyKind::Award, yuanToFen(yuan),
                     Why{&kStreak, {double(streak), p.streakAward, double(p.streakLength), round6(yuan)}});
    }
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    Composite100Params p = readParams(rule, ctx.catalog(), nullptr, "");
    auto scope = ctx.inScope(rule, {Status::Regular});
    for (const auto& m : p.parts) ctx.requireAnyValue(rule, scope, m);
    // Every agent in scope gets a score; first place is taken among the regular ones.
    const IStr id = rule.id;
    std::vector<MetricRef> parts;
    for (const auto& m : p.parts) parts.push_back(ctx.metricRef(m));
    std::vector<std::optional<double>> rankable;
    for (size_t i : scope) {
        double score = scoreAgent(id, p, parts, ctx, i);
        applyPassLine(id, p, ctx, i, score);
        bool regular = ctx.input().agents[i].status == Status::Regular;
        rankable.push_back(regular ? std::optional<double>(score) : std::nullopt);
    }
    markFirst(id, p, ctx, scope, rankable);
}
} // namespace

const RuleType& composite100Rule() {
    static const RuleType t{"composite_100", {"综合考评", "Composite assessment"}, {Status::Regular}, true, false, validate, evaluate};
    return t;
}

} // namespace kefu::core
