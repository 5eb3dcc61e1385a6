// Rule 11, pay 薪资: probation base pay (earlier rules' bonus-like lines removed), the regular
// guarantee by level with its top-up, full attendance, single awards. Runs last in a scheme.
#include <algorithm>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kMoneyKind{"不认识的金额类型“{0}”", "unknown money kind '{0}'"};
const Msg kNegativeDays{"天数不能为负数", "a number of days cannot be negative"};
const Msg kNoGuarantee{"级别需要 guarantee（保底）", "a level needs a guarantee"};
const Msg kNoLevels{"至少需要一个级别", "at least one level is needed"};
const Msg kNotLevel{"“{0}”不是已定义的级别", "'{0}' is not one of the levels"};

const Msg kRemoved{"试用期不发{0}：移除规则 {1} 的 {2} 元", "probation: no {0}; removed {2} yuan of rule {1}"};
const Msg kBase{"试用期底薪 {0} 元", "probation base pay {0} yuan"};
const Msg kLevel{"级别 {0}：保底 {1} 元", "level {0}: guarantee {1} yuan"};
const Msg kUnknownLevel{"{0} 的级别“{1}”未定义，按 {2} 计", "{0}: level '{1}' is not defined; {2} is used"};
const Msg kNotEligible{"级别 {0} 需转正满 {1} 天，实际 {2} 天", "level {0} needs {1} days of tenure, has {2}"};
const Msg kNoTenure{"级别 {0} 需转正满 {1} 天，但没有转正日期或入职日期", "level {0} needs {1} days of tenure, but there is no regular_since or hire_date"};
const Msg kAttendance{"全勤（本期无{0}）：全勤奖 {1} 元", "full attendance (no {0} this period): {1} yuan"};
const Msg kNotFull{"本期{0} {1} 次：无全勤奖", "{0} {1} times this period: no attendance award"};
const Msg kAward{"{0}最高（{1}，共 {2} 人）：单项奖 {3} 元", "top {0} ({1}, of {2}): award {3} yuan"};
const Msg kTopup{"收入 {0} 元 < 保底 {1} 元：补差 {1} - {0} = {2} 元", "earnings {0} < guarantee {1}: top-up {1} - {0} = {2} yuan"};
const Msg kPayRegular{"实发 = max(保底 {0}, 收入 {1}) + 罚款 {2} = {3} 元", "pay = max(guarantee {0}, earnings {1}) + fines {2} = {3} yuan"};
const Msg kPayProbation{"实发 = 底薪 {0} + 其他收入 {1} + 罚款 {2} = {3} 元", "pay = base {0} + other earnings {1} + fines {2} = {3} yuan"};

struct Level {
    std::string name;
    double guarantee = 0;
    int minDays = 0;
};

struct PayParams {
    double probationBase = 1600;
    std::vector<MoneyKind> probationRemoves = {MoneyKind::Bonus, MoneyKind::Award, MoneyKind::Commission, MoneyKind::Attendance};
    std::vector<Level> levels = {{"初级", 2000, 0}, {"中级", 2200, 90}, {"高级", 2500, 365}, {"资深", 2800, 730}};
    std::string defaultLevel = "初级";
    double attendanceBonus = 100;
    std::vector<std::string> attendanceBreaks = {"late", "early_leave", "absence", "leave"};
    double award = 100;
    std::vector<std::string> awardMetrics = {"sales_amount", "conversion_rate"};
    bool awardComposite = true;
    std::vector<MoneyKind> earningKinds = {MoneyKind::Bonus, MoneyKind::Bounty, MoneyKind::Commission, MoneyKind::Award,
                                           MoneyKind::Attendance};
};

// Interned once: a probation agent's removed lines name their kind.
const IText2& kindLabel(MoneyKind k) {
    static const IText2 labels[] = {Text2{"奖金", "bonus"},         Text2{"悬赏金", "bounty"},
                                    Text2{"提成", "commission"},     Text2{"单项奖", "award"},
                                    Text2{"全勤奖", "attendance"},   Text2{"底薪", "base pay"},
                                    Text2{"保底补差", "guarantee top-up"}, Text2{"罚款", "fine"}};
    return labels[int(k)];
}

Text2 breakLabels(const std::vector<std::string>& kinds) {
    static const std::vector<std::pair<const char*, Text2>> known = {
        {"late", {"迟到", "late"}}, {"early_leave", {"早退", "early leave"}}, {"absence", {"缺勤", "absence"}}, {"leave", {"请假", "leave"}}};
    Text2 out;
    for (const auto& k : kinds) {
        Text2 l{k, k};
        for (const auto& [id, label] : known)
            if (k == id) l = label;
        out.zh += (out.zh.empty() ? "" : "、") + l.zh;
        out.en += (out.en.empty() ? "" : ", ") + l.en;
    }
    return out;
}

std::vector<MoneyKind> readKinds(ParamReader& r, std::string_view key, const std::vector<MoneyKind>& def) {
    if (!r.has(key)) {
        r.raw(key);
        return def;
    }
    std::vector<MoneyKind> out;
    for (const auto& s : r.strings(key, {})) {
        if (auto k = parseMoneyKind(s)) out.push_back(*k);
        else r.problem(key, kMoneyKind, {s});
    }
    return out;
}

std::vector<Level> readLevels(ParamReader& r, const std::vector<Level>& def) {
    if (!r.has("levels")) {
        r.raw("levels");
        return def;
    }
    std::vector<Level> out;
    ParamReader levels = r.object("levels");
    for (const auto& name : levels.keys()) {
        ParamReader l = levels.object(name);
        Level lv{name, l.amount("guarantee", 0), l.integer("min_days", 0)};
        if (lv.minDays < 0) l.problem("min_days", kNegativeDays);
        if (!l.has("guarantee")) l.problem("", kNoGuarantee);
        l.finish();
        out.push_back(lv);
    }
    if (out.empty()) r.problem("levels", kNoLevels);
    return out;
}

PayParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems, const std::string& path) {
    PayParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.probationBase = r.amount("probation_base", p.probationBase);
    p.probationRemoves = readKinds(r, "probation_removes", p.probationRemoves);
    p.levels = readLevels(r, p.levels);
    p.defaultLevel = r.string("default_level", p.defaultLevel);
    if (!p.levels.empty() && std::none_of(p.levels.begin(), p.levels.end(), [&](const Level& l) { return l.name == p.defaultLevel; }))
        r.problem("default_level", kNotLevel, {p.defaultLevel});
    p.attendanceBonus = r.amount("attendance_bonus", p.attendanceBonus);
    p.attendanceBreaks = r.strings("attendance_breaks", p.attendanceBreaks);
    p.award = r.amount("award", p.award);
    p.awardMetrics = r.strings("award_metrics", p.awardMetrics);
    for (const auto& m : p.awardMetrics) r.checkMetricId(m, "award_metrics");
    p.awardComposite = r.boolean("award_composite", p.awardComposite);
    p.earningKinds = readKinds(r, "earning_kinds", p.earningKinds);
    r.finish();
    return p;
}

bool contains(const std::vector<MoneyKind>& v, MoneyKind k) { return std::find(v.begin(), v.end(), k) != v.end(); }

// Ids and labels interned once per evaluation instead of per agent.
struct Prepared {
    IStr id;
    std::optional<Date> last;
    IText2 breaks;                // the attendance break kinds, listed
    std::vector<IStr> levelNames; // parallel to PayParams::levels
};

Prepared prepare(const RuleInstance& rule, const PayParams& p, const EvalContext& ctx) {
    Prepared out{rule.id, ctx.periodLastDay(), breakLabels(p.attendanceBreaks), {}};
    for (const auto& l : p.levels) out.levelNames.push_back(l.name);
    return out;
}

void payProbation(const Prepared& pr, const PayParams& p, EvalContext& ctx, size_t i) {
    auto& money = ctx.agent(i).money;
    size_t kept = 0; // removed lines are explained in order; the rest close up in place
    for (auto& m : money) {
        if (!contains(p.probationRemoves, m.kind)) {
            if (&money[kept] != &m) money[kept] = std::move(m);
            ++kept;
            continue;
        }
        ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kRemoved, {kindLabel(m.kind), m.rule, Fen{m.amountFen}}}});
    }
    money.erase(money.begin() + std::ptrdiff_t(kept), money.end());
    int64_t base = yuanToFen(p.probationBase);
    int64_t other = 0, fines = 0;
    for (const auto& m : money) (m.amountFen < 0 ? fines : other) += m.amountFen;
    if (base > 0) ctx.addMoney(i, pr.id, MoneyKind::Base, base, Why{&kBase, {Fen{base}}});
    int64_t total = ctx.agent(i).totalFen();
    ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kPayProbation, {Fen{base}, Fen{other}, Fen{fines}, Fen{total}}}});
}

// The agent's level (index into levels: the default when absent or unknown) and the tenure check.
size_t levelOf(const Prepared& pr, const PayParams& p, EvalContext& ctx, size_t i) {
    const Agent& a = ctx.input().agents[i];
    auto find = [&](const std::string& n) { return std::find_if(p.levels.begin(), p.levels.end(), [&](const Level& l) { return l.name == n; }); };
    auto it = find(a.level.empty() ? p.defaultLevel : a.level);
    if (it == p.levels.end()) {
        ctx.warn(Why{&kUnknownLevel, {a.name, a.level, p.defaultLevel}});
        it = find(p.defaultLevel);
    }
    if (it == p.levels.end()) it = p.levels.begin();
    const size_t k = size_t(it - p.levels.begin());
    const Level& lv = *it;
    std::optional<Date> start = a.regularSince ? a.regularSince : a.hireDate;
    if (lv.minDays <= 0 || !pr.last) return k;
    if (!start) {
        ctx.agent(i).addFlag("missing:regular_since");
        ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kNoTenure, {pr.levelNames[k], double(lv.minDays)}}});
        return k;
    }
    int64_t days = daysBetween(*start, *pr.last);
    if (days < lv.minDays) {
        ctx.agent(i).addFlag("level_not_eligible");
        ctx.addBreakdown(i, {pr.id, "", double(days), std::nullopt, Why{&kNotEligible, {pr.levelNames[k], double(lv.minDays), double(days)}}});
    }
    return k;
}

void payAttendance(const Prepared& pr, const PayParams& p, EvalContext& ctx, size_t i) {
    int breaks = 0;
    for (const auto& k : p.attendanceBreaks) breaks += ctx.countEvents(i, k);
    if (breaks > 0) {
        ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kNotFull, {pr.breaks, double(breaks)}}});
        return;
    }
    if (p.attendanceBonus > 0)
        ctx.addMoney(i, pr.id, MoneyKind::Attendance, yuanToFen(p.attendanceBonus), Why{&kAttendance, {pr.breaks, p.attendanceBonus}});
}

// +award to every agent whose value is the best among `agents` (ties all win): rank 1 of the
// competition ranking, found in one pass instead of a sort.
void giveAward(const Prepared& pr, const PayParams& p, EvalContext& ctx, const std::vector<size_t>& agents,
               const std::vector<std::optional<double>>& values, bool lowerBetter, const IText2& label) {
    auto key = [&](double v) { return lowerBetter ? round6(v) : -round6(v); }; // as competitionRanks sorts
    std::optional<double> best;
    for (const auto& v : values)
        if (v && (!best || key(*v) < *best)) best = key(*v);
    for (size_t k = 0; k < agents.size(); ++k)
        if (values[k] && key(*values[k]) == *best)
            ctx.addMoney(agents[k], pr.id, MoneyKind::Award, yuanToFen(p.award),
                         Why{&kAward, {label, *values[k], double(agents.size()), p.award}});
}

void payAwards(const RuleInstance& rule, const Prepared& pr, const PayParams& p, EvalContext& ctx,
               const std::vector<size_t>& regulars) {
    if (p.award <= 0 || regulars.empty()) return;
    for (const auto& id : p.awardMetrics) {
        if (!ctx.requireAnyValue(rule, regulars, id)) continue;
        const MetricRef m = ctx.metricRef(id);
        std::vector<std::optional<double>> values;
        for (size_t i : regulars) {
            values.push_back(ctx.value(i, m));
            if (!values.back()) ctx.agent(i).addFlag(m.missingFlag);
        }
        const MetricDef* d = ctx.catalog().find(id);
        giveAward(pr, p, ctx, regulars, values, d && d->direction == Direction::Lower, m.label);
    }
    const RuleInstance* composite = p.awardComposite ? ctx.findRule("composite_100") : nullptr;
    if (!composite) return;
    std::vector<std::optional<double>> values;
    for (size_t i : regulars) {
        const auto& scores = ctx.agent(i).scores;
        auto it = scores.find(composite->id);
        values.push_back(it == scores.end() ? std::nullopt : std::optional<double>(it->second));
    }
    giveAward(pr, p, ctx, regulars, values, false, Text2{"综合考评分", "composite score"});
}

void payRegular(const Prepared& pr, const PayParams& p, EvalContext& ctx, size_t i) {
    const size_t level = levelOf(pr, p, ctx, i);
    int64_t guarantee = yuanToFen(p.levels[level].guarantee);
    ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kLevel, {pr.levelNames[level], Fen{guarantee}}}});
    int64_t earnings = 0, fines = 0;
    for (const auto& m : ctx.agent(i).money) {
        if (m.amountFen > 0 && contains(p.earningKinds, m.kind)) earnings += m.amountFen;
        if (m.amountFen < 0) fines += m.amountFen;
    }
    if (earnings < guarantee)
        ctx.addMoney(i, pr.id, MoneyKind::GuaranteeTopup, guarantee - earnings,
                     Why{&kTopup, {Fen{earnings}, Fen{guarantee}, Fen{guarantee - earnings}}});
    int64_t total = ctx.agent(i).totalFen();
    ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kPayRegular, {Fen{guarantee}, Fen{earnings}, Fen{fines}, Fen{total}}}});
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    PayParams p = readParams(rule, ctx.catalog(), nullptr, "");
    std::vector<size_t> regulars, probation;
    for (size_t i : ctx.inScope(rule, {}))
        (ctx.input().agents[i].status == Status::Regular ? regulars : probation).push_back(i);
    const Prepared pr = prepare(rule, p, ctx);
    for (size_t i : regulars) payAttendance(pr, p, ctx, i);
    payAwards(rule, pr, p, ctx, regulars);
    for (size_t i : regulars) payRegular(pr, p, ctx, i);
    for (size_t i : probation) payProbation(pr, p, ctx, i);
}
} // namespace

const RuleType& payRule() {
    static const RuleType t{"pay", {"薪资", "Pay"}, {}, false, true, validate, evaluate};
    return t;
}

} // namespace kefu::core
