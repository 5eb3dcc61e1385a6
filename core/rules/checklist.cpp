// Rule 7, checklist 定性加减分: three categories of qualitative items. Plus/minus mode: base per
// category, check_good/check_bad events add and subtract, clamp to [0, max], a failed critical item
// zeroes its category. Rating mode reads a 0-max rating per category. Score = sum of categories.
#include <algorithm>
#include <map>
#include <set>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kNoId{"缺少“id”", "missing 'id'"};
const Msg kNoRatingMetric{"评分模式的类别“{0}”需要“rating_metric”", "rating mode needs 'rating_metric' for category '{0}'"};
const Msg kCategoryTwice{"类别编号“{0}”用了两次", "category id '{0}' is used twice"};
const Msg kItemTwice{"项目编号“{0}”用了两次", "item id '{0}' is used twice"};
const Msg kNoCategories{"没有类别", "no categories"};

const Msg kItem{"{0}：加分 {1} 次 × {2}，扣分 {3} 次 × {4}，计 {5}", "{0}: {1} good × {2}, {3} bad × {4}: {5}"};
const Msg kNotApplicable{"{0}：不适用（N/A），不计分", "{0}: not applicable (N/A), not counted"};
const Msg kNotApplicableIgnored{"{0}：不适用（N/A），不计分；忽略 {1} 条加减分事件",
                                "{0}: not applicable (N/A), not counted; {1} good/bad events ignored"};
const Msg kCategory{"{0}：{1} + {2} × {3} − {4} × {5} = {6}", "{0}: {1} + {2} × {3} − {4} × {5} = {6}"};
const Msg kRating{"{0}：评分 {1}", "{0}: rating {1}"};
const Msg kMissing{"{0}：无数据，计 0 分", "{0}: no value, 0 points"};
const Msg kClamped{"{0}：{1} 超出 0-{2}，计 {3}", "{0}: {1} is outside 0-{2}, counted as {3}"};
const Msg kCritical{"{0}：关键项“{1}”未达标，该类计 0 分", "{0}: critical item \"{1}\" failed, the category scores 0"};
const Msg kTotal{"定性合计 {1+} = {0}", "checklist total {1+} = {0}"};
const Msg kUnknownItem{"规则 {0}：{1} 的事件 {2} 不对应清单中的任何项目，已忽略",
                       "rule {0}: event {2} of {1} names no checklist item and was ignored"};

struct Item {
    std::string id;
    Text2 label;
    bool critical = false;
};
struct Category {
    std::string id;
    Text2 label;
    std::string ratingMetric;
    std::vector<Item> items;
};
struct ChecklistParams {
    std::string mode = "plus_minus";
    double base = 5, goodPoints = 1, badPoints = 1, categoryMax = 10;
    std::vector<Category> categories;
};

const std::vector<Category>& defaultCategories() {
    static const std::vector<Category> c = {
        {"conduct",
         {"日常行为规范", "Daily conduct"},
         "checklist_conduct",
         {{"on_time", {"按时上下班", "On time for shifts"}},
          {"rules", {"遵守公司制度", "Follows company rules"}},
          {"cooperate", {"配合上级安排", "Cooperates with assignments"}},
          {"help", {"主动帮助同事", "Helps colleagues"}},
          {"no_distraction", {"不玩微信抖音游戏", "No phone, video or games at work"}},
          {"no_chatter", {"不聊无关内容", "No off-topic chat"}}}},
        {"chat",
         {"聊天质量", "Chat quality"},
         "checklist_chat",
         {{"polite", {"热情专业礼貌", "Warm, professional, polite"}},
          {"accurate", {"及时准确完整", "Timely, accurate, complete answers"}},
          {"upsell", {"引导下单", "Guides to order, raises order value"}},
          {"aftersales", {"有效处理售后", "Handles complaints and returns"}},
          {"phrases", {"开头语结束语", "Proper opening and closing phrases"}},
          {"typos", {"无错别字", "No typos"}}}},
        {"execution",
         {"执行力", "Execution"},
         "checklist_execution",
         {{"tasks", {"完成任务", "Completes tasks"}},
          {"learning", {"主动学习", "Learns actively"}},
          {"feedback", {"及时反馈", "Reports problems promptly"}},
          {"adapt", {"灵活应对", "Handles the unexpected"}},
          {"improve", {"创新改进", "Improves the work"}}}},
    };
    return c;
}

// The label of a default category or item id, else the id itself.
Text2 defaultLabel(const std::string& id) {
    for (const auto& c : defaultCategories()) {
        if (c.id == id) return c.label;
        for (const auto& it : c.items)
            if (it.id == id) return it.label;
    }
    return {id, id};
}

Text2 readLabel(ParamReader& r, const std::string& fallback) {
    if (!r.has("label")) {
        r.raw("label");
        return defaultLabel(fallback);
    }
    ParamReader t = r.object("label");
    Text2 out{t.string("zh", ""), t.string("en", "")};
    t.finish();
    if (out.zh.empty()) out.zh = out.en.empty() ? fallback : out.en;
    if (out.en.empty()) out.en = out.zh;
    return out;
}

Item readItem(ParamReader& r) {
    Item it;
    it.id = r.string("id", "");
    if (it.id.empty()) r.problem("", kNoId);
    it.label = readLabel(r, it.id);
    it.critical = r.boolean("critical", false);
    r.finish();
    return it;
}

Category readCategory(ParamReader& r, const std::string& mode) {
    Category c;
    c.id = r.string("id", "");
    if (c.id.empty()) r.problem("", kNoId);
    c.label = readLabel(r, c.id);
    for (const auto& d : defaultCategories())
        if (d.id == c.id) c.ratingMetric = d.ratingMetric;
    if (r.has("rating_metric"))
        c.ratingMetric = r.metric("rating_metric", c.ratingMetric);
    else
        r.raw("rating_metric");
    if (mode == "rating" && c.ratingMetric.empty())
        r.problem("", kNoRatingMetric, {c.id});
    for (ParamReader& i : r.objects("items")) c.items.push_back(readItem(i));
    r.finish();
    return c;
}

void checkUniqueIds(ParamReader& r, const std::vector<Category>& cats) {
    std::set<std::string> catIds, itemIds;
    for (const auto& c : cats) {
        if (!c.id.empty() && !catIds.insert(c.id).second)
            r.problem("categories", kCategoryTwice, {c.id});
        for (const auto& it : c.items)
            if (!it.id.empty() && !itemIds.insert(it.id).second)
                r.problem("categories", kItemTwice, {it.id});
    }
}

ChecklistParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems,
                           const std::string& path) {
    ChecklistParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    p.mode = r.choice("mode", p.mode, {"plus_minus", "rating"});
    p.base = r.amount("base", p.base);
    p.goodPoints = r.amount("good_points", p.goodPoints);
    p.badPoints = r.amount("bad_points", p.badPoints);
    p.categoryMax = r.amount("category_max", p.categoryMax);
    if (r.has("categories")) {
        for (ParamReader& c : r.objects("categories")) p.categories.push_back(readCategory(c, p.mode));
        if (p.categories.empty()) r.problem("categories", kNoCategories);
        checkUniqueIds(r, p.categories);
    } else {
        r.raw("categories");
        p.categories = defaultCategories();
    }
    r.finish();
    return p;
}

struct Tally {
    int good = 0, bad = 0, na = 0;
};
using Tallies = std::map<std::string, Tally>;

bool hasItem(const ChecklistParams& p, const std::string& item) {
    for (const auto& c : p.categories)
        for (const auto& it : c.items)
            if (it.id == item) return true;
    return false;
}

// check_good/check_bad/check_na events by item id; Event::count multiplies.
Tallies tallyEvents(const RuleInstance& rule, const ChecklistParams& p, EvalContext& ctx, size_t agent) {
    static const std::pair<std::string_view, int Tally::*> kKinds[] = {
        {"check_good:", &Tally::good}, {"check_bad:", &Tally::bad}, {"check_na:", &Tally::na}};
    Tallies t;
    std::set<std::string> warned;
    for (const Event* e : ctx.events(agent))
        for (const auto& [prefix, field] : kKinds) {
            if (e->kind.rfind(prefix, 0) != 0) continue;
            std::string item = e->kind.substr(prefix.size());
            if (hasItem(p, item))
                t[item].*field += e->count;
            else if (warned.insert(e->kind).second)
                ctx.warn(Why{&kUnknownItem, {rule.id, ctx.input().agents[agent].name, e->kind}});
        }
    return t;
}

const Tally* tallyOf(const Tallies& t, const std::string& item) {
    auto it = t.find(item);
    return it == t.end() ? nullptr : &it->second;
}

// Ids, labels and score keys interned once per evaluation rather than for every line.
struct PreparedCategory {
    IText2 label;
    std::vector<IText2> items; // parallel to Category::items
    std::string key;           // "<rule id>.<category id>"
    MetricRef rating;          // read in rating mode
};
struct Prepared {
    IStr id;
    std::vector<PreparedCategory> categories; // parallel to ChecklistParams::categories
};

Prepared prepare(const RuleInstance& rule, const ChecklistParams& p, const EvalContext& ctx) {
    Prepared out{rule.id, {}};
    for (const auto& c : p.categories) {
        PreparedCategory pc{c.label, {}, rule.id + "." + c.id, ctx.metricRef(c.ratingMetric)};
        for (const auto& it : c.items) pc.items.push_back(it.label);
        out.categories.push_back(std::move(pc));
    }
    return out;
}

// Plus/minus: base + good × good_points − bad × bad_points over the items that apply.
double sumPlusMinus(const Prepared& pr, const ChecklistParams& p, const Category& c, const PreparedCategory& pc,
                    EvalContext& ctx, size_t agent, const Tallies& t) {
    int good = 0, bad = 0;
    for (size_t k = 0; k < c.items.size(); ++k) {
        const Tally* x = tallyOf(t, c.items[k].id);
        if (!x) continue;
        const IText2& label = pc.items[k];
        if (x->na > 0) {
            int ignored = x->good + x->bad;
            ctx.addBreakdown(agent, {pr.id, "", std::nullopt, std::nullopt,
                                     ignored ? Why{&kNotApplicableIgnored, {label, double(ignored)}}
                                             : Why{&kNotApplicable, {label}}});
            continue;
        }
        double pts = round6(x->good * p.goodPoints - x->bad * p.badPoints);
        ctx.addBreakdown(agent,
                         {pr.id, "", std::nullopt, pts,
                          Why{&kItem, {label, double(x->good), p.goodPoints, double(x->bad), p.badPoints, pts}}});
        good += x->good;
        bad += x->bad;
    }
    double raw = round6(p.base + good * p.goodPoints - bad * p.badPoints);
    ctx.addBreakdown(agent, {pr.id, "", std::nullopt, raw,
                             Why{&kCategory, {pc.label, p.base, double(good), p.goodPoints, double(bad), p.badPoints, raw}}});
    return raw;
}

double readRating(const Prepared& pr, const PreparedCategory& pc, EvalContext& ctx, size_t agent) {
    const MetricRef& m = pc.rating;
    auto v = ctx.value(agent, m);
    if (!v) {
        ctx.agent(agent).addFlag(m.missingFlag);
        ctx.addBreakdown(agent, {pr.id, m.id, std::nullopt, 0.0, Why{&kMissing, {m.label}}});
        return 0;
    }
    ctx.addBreakdown(agent, {pr.id, m.id, v, *v, Why{&kRating, {pc.label, *v}}});
    return *v;
}

// Clamps to [0, max]; a failed critical item (check_bad, not N/A) then sets the category to 0.
double finishCategory(const Prepared& pr, const ChecklistParams& p, const Category& c, const PreparedCategory& pc,
                      EvalContext& ctx, size_t agent, const Tallies& t, double raw) {
    double s = std::clamp(raw, 0.0, p.categoryMax);
    if (s != raw)
        ctx.addBreakdown(agent, {pr.id, "", std::nullopt, s, Why{&kClamped, {pc.label, raw, p.categoryMax, s}}});
    for (size_t k = 0; k < c.items.size(); ++k) {
        const Tally* x = tallyOf(t, c.items[k].id);
        if (!c.items[k].critical || !x || x->bad <= 0 || x->na > 0) continue;
        ctx.addBreakdown(agent, {pr.id, "", std::nullopt, 0.0, Why{&kCritical, {pc.label, pc.items[k]}}});
        return 0;
    }
    return s;
}

void scoreAgent(const RuleInstance& rule, const Prepared& pr, const ChecklistParams& p, EvalContext& ctx,
                size_t agent) {
    Tallies t = tallyEvents(rule, p, ctx, agent);
    double total = 0;
    Why why{&kTotal, {0.0}};
    why.args.reserve(1 + p.categories.size());
    for (size_t k = 0; k < p.categories.size(); ++k) {
        const Category& c = p.categories[k];
        const PreparedCategory& pc = pr.categories[k];
        double raw = p.mode == "rating" ? readRating(pr, pc, ctx, agent) : sumPlusMinus(pr, p, c, pc, ctx, agent, t);
        double s = round6(finishCategory(pr, p, c, pc, ctx, agent, t, raw));
        ctx.setScore(agent, pc.key, s);
        total += s;
        why.args.push_back(s);
    }
    total = round6(total);
    why.args[0] = total;
    ctx.setScore(agent, pr.id, total);
    ctx.addBreakdown(agent, {pr.id, "", std::nullopt, total, std::move(why)});
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    ChecklistParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto scope = ctx.inScope(rule, {});
    if (p.mode == "rating")
        for (const auto& c : p.categories) ctx.requireAnyValue(rule, scope, c.ratingMetric);
    const Prepared pr = prepare(rule, p, ctx);
    std::vector<std::optional<double>> totals;
    for (size_t i : scope) {
        scoreAgent(rule, pr, p, ctx, i);
        totals.push_back(ctx.agent(i).scores[rule.id]);
    }
    // One ranking over the whole scope, like interval_score.
    auto ranks = competitionRanks(totals, false);
    for (size_t k = 0; k < scope.size(); ++k) ctx.setRank(scope[k], rule.id, *ranks[k]);
}
} // namespace

const RuleType& checklistRule() {
    static const RuleType t{"checklist", {"定性加减分", "Checklist"}, {}, true, false, validate, evaluate};
    return t;
}

} // namespace kefu::core
