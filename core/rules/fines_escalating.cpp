// Rule 10, fines_escalating 阶梯罚款: each agent's occurrences of a kind, counted in date order
// within the period, are fined by a list of amounts, and raise flags from a given occurrence on.
#include <algorithm>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kAmounts{"应为金额列表", "expected a list of amounts"};
const Msg kAmountNegative{"金额应为不小于 0 的数字（不能为负数）", "amounts are numbers >= 0 (a negative amount is not allowed)"};
const Msg kOccurrence{"次数从 1 开始", "an occurrence number starts at 1"};

const Msg kFine{"第{0}次{1}：罚款 {2} 元", "{1} #{0}: fine {2} yuan"};
const Msg kNoFine{"第{0}次{1}：不再罚款", "{1} #{0}: no further fine"};
const Msg kFlag{"第{0}次{1}：标记 {2}", "{1} #{0}: flag {2}"};

enum class After : uint8_t { RepeatLast, None };

struct FineKind {
    std::string kind;
    Text2 label;
    std::vector<double> amounts; // yuan, by occurrence
    After after = After::RepeatLast;
    std::vector<std::pair<std::string, int>> flags; // flag, raised from this occurrence on
};

struct FinesParams {
    std::vector<FineKind> kinds = {
        {"complaint", {}, {100, 200}, After::None, {{"dismissal_risk", 3}}},
        {"missed_handover", {}, {30, 50, 80}, After::None, {{"withhold_salary", 4}, {"auto_resign", 5}}},
        {"missed_weekly_report", {}, {50, 100, 200}, After::None, {{"withhold_salary", 4}, {"auto_resign", 5}}},
        {"off_task", {}, {50}, After::RepeatLast, {}},
        {"missed_cleaning", {}, {50}, After::RepeatLast, {}},
        {"data_leak", {}, {150}, After::RepeatLast, {}},
    };
};

Text2 defaultLabel(const std::string& kind) {
    static const std::vector<std::pair<const char*, Text2>> labels = {
        {"complaint", {"投诉", "complaint"}},
        {"missed_handover", {"未交接", "missed handover"}},
        {"missed_weekly_report", {"未交周报", "missed weekly report"}},
        {"off_task", {"上班做与工作无关的事", "off-task during work"}},
        {"missed_cleaning", {"未做值日卫生", "missed cleaning duty"}},
        {"data_leak", {"泄露公司数据", "data leak"}}};
    for (const auto& [k, l] : labels)
        if (kind == k) return l;
    return {kind, kind};
}

std::vector<double> readAmounts(ParamReader& r, std::string_view key) {
    const Json* v = r.raw(key);
    std::vector<double> out;
    if (!v) return out;
    if (!v->isArray()) {
        r.problem(key, kAmounts);
        return out;
    }
    for (const Json& item : v->items()) {
        if (!item.isNumber() || item.asNumber() < 0) {
            r.problem(key, kAmountNegative);
            return {};
        }
        out.push_back(item.asNumber());
    }
    return out;
}

FineKind readKind(ParamReader& kinds, const std::string& kind) {
    FineKind f{kind, defaultLabel(kind), {}, After::RepeatLast, {}};
    ParamReader r = kinds.object(kind);
    ParamReader label = r.object("label");
    f.label.zh = label.string("zh", f.label.zh);
    f.label.en = label.string("en", f.label.en);
    label.finish();
    f.amounts = readAmounts(r, "amounts");
    f.after = r.choice("after", "repeat_last", {"repeat_last", "none"}) == "none" ? After::None : After::RepeatLast;
    ParamReader flags = r.object("flags");
    for (const auto& name : flags.keys()) {
        int from = flags.integer(name, 1);
        if (from < 1) flags.problem(name, kOccurrence);
        f.flags.push_back({name, std::max(from, 1)});
    }
    flags.finish();
    r.finish();
    return f;
}

FinesParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems, const std::string& path) {
    FinesParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    if (r.has("kinds")) {
        // A given table replaces the default one: a shop can drop a kind by leaving it out.
        ParamReader kinds = r.object("kinds");
        p.kinds.clear();
        for (const auto& k : kinds.keys()) p.kinds.push_back(readKind(kinds, k));
    } else {
        r.raw("kinds");
        for (auto& k : p.kinds) k.label = defaultLabel(k.kind);
    }
    r.finish();
    return p;
}

// The fine of the n-th occurrence (1-based) in yuan; nullopt = no fine.
std::optional<double> amountAt(const FineKind& f, int n) {
    if (f.amounts.empty()) return std::nullopt;
    if (size_t(n) <= f.amounts.size()) return f.amounts[size_t(n) - 1];
    if (f.after == After::RepeatLast) return f.amounts.back();
    return std::nullopt;
}

// Kinds resolved once per evaluation: the rule id and labels interned.
struct Prepared {
    IStr id;
    std::vector<IText2> labels; // parallel to FinesParams::kinds
};

void fineOccurrence(const Prepared& pr, const FineKind& f, const IText2& label, EvalContext& ctx, size_t i, int n) {
    if (auto yuan = amountAt(f, n)) {
        if (*yuan > 0) ctx.addMoney(i, pr.id, MoneyKind::Fine, -yuanToFen(*yuan), Why{&kFine, {double(n), label, *yuan}});
    } else if (!f.amounts.empty()) {
        ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kNoFine, {double(n), label}}});
    }
    for (const auto& [flag, from] : f.flags) {
        if (n != from) continue; // raised once, at the first occurrence that reaches it
        ctx.agent(i).addFlag(flag);
        ctx.addBreakdown(i, {pr.id, "", std::nullopt, std::nullopt, Why{&kFlag, {double(n), label, flag}}});
    }
}

void fineAgent(const Prepared& pr, const FinesParams& p, EvalContext& ctx, size_t i) {
    if (ctx.events(i).empty()) return; // most agents: nothing to sort or count
    std::vector<const Event*> events = ctx.events(i);
    std::stable_sort(events.begin(), events.end(), [](const Event* a, const Event* b) { return a->date < b->date; });
    std::vector<int> seen(p.kinds.size(), 0);
    for (const Event* e : events) {
        auto it = std::find_if(p.kinds.begin(), p.kinds.end(), [&](const FineKind& f) { return f.kind == e->kind; });
        if (it == p.kinds.end()) continue;
        size_t k = size_t(it - p.kinds.begin());
        for (int c = 0; c < e->count; ++c) fineOccurrence(pr, *it, pr.labels[k], ctx, i, ++seen[k]);
    }
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    FinesParams p = readParams(rule, ctx.catalog(), nullptr, "");
    Prepared pr{rule.id, {}};
    for (const auto& k : p.kinds) pr.labels.push_back(k.label);
    for (size_t i : ctx.inScope(rule, {})) fineAgent(pr, p, ctx, i);
}
} // namespace

const RuleType& finesEscalatingRule() {
    static const RuleType t{"fines_escalating", {"阶梯罚款", "Escalating fines"}, {}, false, true, validate, evaluate};
    return t;
}

} // namespace kefu::core
