// Rule 5, dsr_dimensions DSR 三维预警: three dimensions (efficiency, ability, attitude) of weighted
// sub-metrics, each scored 5 * clamp((v - floor) / (bench - floor), 0, 1); a dimension below the
// warning line raises `dsr_warning:<dimension>` and the advice of its weak sub-metrics.
#include <algorithm>
#include <cmath>

#include "rule.h"

namespace kefu::core {

namespace {
// Problems in the params of a scheme file.
const Msg kRelativeBench{"相对指标以组内最佳值为基准、下限为 0；请删除 bench 和 floor",
                         "a relative metric takes its bench from the group (the best value) and its floor is 0; "
                         "remove bench and floor"};
const Msg kNoDefault{"“{0}”没有默认的 bench 和 floor；请两个都填写（或写 \"relative\": true）",
                     "'{0}' has no default bench and floor; give both (or \"relative\": true)"};
const Msg kSameBench{"“{0}”的 bench 和 floor 都是 {1}；两者必须不同", "bench and floor of '{0}' are both {1}; they must differ"};
const Msg kNoMetric{"缺少“metric”", "missing 'metric'"};
const Msg kNoWeight{"缺少“weight”", "missing 'weight'"};
const Msg kNegativeWeight{"权重不能为负数", "a weight cannot be negative"};
const Msg kNoId{"缺少“id”", "missing 'id'"};
const Msg kWeightSum{"权重之和为 {0}，应为 1", "weights sum to {0}, not 1"};
const Msg kNoDimensions{"没有维度", "no dimensions"};
const Msg kDimensionTwice{"维度编号“{0}”用了两次", "dimension id '{0}' is used twice"};

const Msg kSub{"{0}：{1}，5 × clamp(({1} - {2}) / ({3} - {2}), 0, 1) = {4}，× 权重 {5} = {6}",
               "{0}: {1}, 5 × clamp(({1} - {2}) / ({3} - {2}), 0, 1) = {4}, × weight {5} = {6}"};
const Msg kSubRelative{
    "{0}：{1}，组内最佳 {2} 为基准，5 × clamp({1} / {2}, 0, 1) = {3}，× 权重 {4} = {5}",
    "{0}: {1}, the group's best {2} is the bench, 5 × clamp({1} / {2}, 0, 1) = {3}, × weight {4} = {5}"};
const Msg kBestZero{"{0}：{1}，组内最佳为 {2}（不大于 0），计 0 分",
                    "{0}: {1}, the group's best is {2} (not above 0): 0 points"};
const Msg kMissing{"{0}：无数据，计 0 分", "{0}: no value, 0 points"};
const Msg kDimension{"{0} = {2*} = {1}", "{0} = {2*} = {1}"};
const Msg kWarning{"{0} {1} < {2}：DSR 预警", "{0} {1} < {2}: DSR warning"};
const Msg kAdvice{"建议（{0} 得分 {1} < {2}）：{3}", "Advice ({0} scored {1} < {2}): {3}"};

// SCORING.md defaults per sub-metric: (bench, floor) or relative, and the advice text.
struct MetricDefault {
    const char* metric;
    double bench, floor;
    bool relative;
    const char* adviceZh;
    const char* adviceEn;
};
const MetricDefault kMetricDefaults[] = {
    {"avg_response_s", 15, 60, false, "设置快捷短语，整理共享常见问题库（FAQ），先回复再查询",
     "Set up quick-reply phrases and a shared FAQ; reply first, then look things up"},
    {"reply_rate", 1.0, 0.8, false, "每位进线买家都要回复，离开前挂起或转接",
     "Answer every buyer who writes in; set away status or hand over before leaving"},
    {"slow_response_share", 0, 0.2, false, "高峰期开启自动回复和分流，用快捷短语覆盖常见问题",
     "At peak hours turn on auto-replies and queue splitting; cover common questions with quick-reply phrases"},
    {"conversion_rate", 0.5, 0.2, false, "每天16:00催付未付款订单，跟进询单未下单的买家",
     "Follow up unpaid orders (催付) at 16:00 every day, and buyers who asked but did not order"},
    {"sales_units", 0, 0, true, "主动推荐关联商品和套餐，提高每单件数",
     "Recommend related items and bundles to raise the units per order"},
    {"paid_customers", 0, 0, true, "跟进询单未付款的买家，及时解答顾虑促成付款",
     "Follow up inquiries that did not pay; answer their doubts promptly"},
    {"qa_ratio", 1.2, 0.6, false, "回答完整，多问一句买家需求，避免一问一答",
     "Answer fully and ask one more question about the buyer's needs; avoid one-line replies"},
    {"online_hours_per_day", 8, 4, false, "排班时间内保持在线，减少离开和挂起",
     "Stay online through the scheduled shift; cut away and idle time"},
    {"opinions_collected", 5, 0, false, "每周至少记录并上报一条客户意见",
     "Record and report at least one customer opinion every week"},
};

struct DimensionDefault {
    const char* id;
    const char* zh;
    const char* en;
    std::vector<std::pair<const char*, double>> metrics;
};
const std::vector<DimensionDefault>& dimensionDefaults() {
    static const std::vector<DimensionDefault> d = {
        {"efficiency",
         "效率",
         "Efficiency",
         {{"avg_response_s", 0.4}, {"reply_rate", 0.3}, {"slow_response_share", 0.3}}},
        {"ability", "能力", "Ability", {{"conversion_rate", 0.4}, {"sales_units", 0.3}, {"paid_customers", 0.3}}},
        {"attitude",
         "态度",
         "Attitude",
         {{"qa_ratio", 0.4}, {"online_hours_per_day", 0.3}, {"opinions_collected", 0.3}}},
    };
    return d;
}

struct SubMetric {
    std::string metric;
    double weight = 0, bench = 0, floor = 0;
    bool relative = false;
    Text2 advice;
};
struct Dimension {
    std::string id;
    Text2 label;
    std::vector<SubMetric> metrics;
};
struct DsrParams {
    std::vector<Dimension> dimensions;
    double warningBelow = 3.5;
};

const MetricDefault* findDefault(const std::string& metric) {
    for (const auto& d : kMetricDefaults)
        if (metric == d.metric) return &d;
    return nullptr;
}

Text2 readText2(ParamReader& r, std::string_view key, const Text2& def) {
    if (!r.has(key)) {
        r.raw(key);
        return def;
    }
    ParamReader t = r.object(key);
    Text2 out{t.string("zh", ""), t.string("en", "")};
    t.finish();
    if (out.zh.empty()) out.zh = out.en;
    if (out.en.empty()) out.en = out.zh;
    return out;
}

void readBenchFloor(ParamReader& m, SubMetric& s, const MetricDefault* d) {
    if (s.relative) {
        if (m.has("bench") || m.has("floor"))
            m.problem("", kRelativeBench);
        m.raw("bench");
        m.raw("floor");
        return;
    }
    bool known = d && !d->relative;
    if (!known && (!m.has("bench") || !m.has("floor")))
        m.problem("", kNoDefault, {s.metric});
    s.bench = m.number("bench", known ? d->bench : 0);
    s.floor = m.number("floor", known ? d->floor : 0);
    if (round6(s.bench) == round6(s.floor))
        m.problem("", kSameBench, {s.metric, formatValue(s.bench)});
}

SubMetric readSubMetric(ParamReader& m) {
    SubMetric s;
    s.metric = m.string("metric", "");
    if (s.metric.empty())
        m.problem("", kNoMetric);
    else
        m.checkMetricId(s.metric, "metric");
    if (!m.has("weight")) m.problem("", kNoWeight);
    s.weight = m.number("weight", 0);
    if (s.weight < 0) m.problem("weight", kNegativeWeight);
    const MetricDefault* d = findDefault(s.metric);
    s.relative = m.boolean("relative", d && d->relative);
    readBenchFloor(m, s, d);
    s.advice = readText2(m, "advice", d ? Text2{d->adviceZh, d->adviceEn} : Text2{});
    m.finish();
    return s;
}

Dimension readDimension(ParamReader& r) {
    Dimension dim;
    dim.id = r.string("id", "");
    if (dim.id.empty()) r.problem("", kNoId);
    Text2 def{dim.id, dim.id};
    for (const auto& d : dimensionDefaults())
        if (dim.id == d.id) def = {d.zh, d.en};
    dim.label = readText2(r, "label", def);
    double sum = 0;
    for (ParamReader& m : r.objects("metrics")) {
        dim.metrics.push_back(readSubMetric(m));
        sum += dim.metrics.back().weight;
    }
    if (std::fabs(sum - 1.0) > 1e-6) r.problem("metrics", kWeightSum, {formatValue(sum)});
    r.finish();
    return dim;
}

std::vector<Dimension> defaultDimensions() {
    std::vector<Dimension> out;
    for (const auto& d : dimensionDefaults()) {
        Dimension dim{d.id, {d.zh, d.en}, {}};
        for (const auto& [metric, w] : d.metrics) {
            const MetricDefault* md = findDefault(metric);
            dim.metrics.push_back({metric, w, md->bench, md->floor, md->relative, {md->adviceZh, md->adviceEn}});
        }
        out.push_back(std::move(dim));
    }
    return out;
}

DsrParams readParams(const RuleInstance& rule, const Catalog& catalog, Problems* problems, const std::string& path) {
    DsrParams p;
    ParamReader r(&rule.params, &catalog, problems, path);
    if (r.has("dimensions")) {
        for (ParamReader& d : r.objects("dimensions")) p.dimensions.push_back(readDimension(d));
        if (p.dimensions.empty()) r.problem("dimensions", kNoDimensions);
        for (size_t i = 0; i < p.dimensions.size(); ++i)
            for (size_t j = 0; j < i; ++j)
                if (!p.dimensions[i].id.empty() && p.dimensions[i].id == p.dimensions[j].id)
                    r.problem("dimensions", kDimensionTwice, {p.dimensions[i].id});
    } else {
        r.raw("dimensions");
        p.dimensions = defaultDimensions();
    }
    p.warningBelow = r.number("warning_below", p.warningBelow);
    r.finish();
    return p;
}

// Dimensions resolved once per evaluation: metric columns, interned labels, score keys and flags.
struct PreparedSub {
    const SubMetric* sub;
    MetricRef metric;
    IText2 advice;
};
struct PreparedDimension {
    IText2 label;
    std::string key;         // "<rule id>.<dimension id>"
    std::string warningFlag; // "dsr_warning:<dimension id>"
    std::vector<PreparedSub> subs;
};
struct Prepared {
    IStr id;
    std::vector<PreparedDimension> dimensions;
};

Prepared prepare(const RuleInstance& rule, const DsrParams& p, const EvalContext& ctx) {
    Prepared out{rule.id, {}};
    for (const auto& dim : p.dimensions) {
        PreparedDimension pd{dim.label, rule.id + "." + dim.id, "dsr_warning:" + dim.id, {}};
        for (const auto& s : dim.metrics) pd.subs.push_back({&s, ctx.metricRef(s.metric), s.advice});
        out.dimensions.push_back(std::move(pd));
    }
    return out;
}

// The best value of each relative sub-metric among the group's agents that have one, by
// dimension and sub-metric (nullopt for the others).
using Bests = std::vector<std::vector<std::optional<double>>>;
Bests groupBests(const Prepared& pr, EvalContext& ctx, const std::vector<size_t>& members) {
    Bests best;
    for (const auto& dim : pr.dimensions) {
        best.emplace_back(dim.subs.size());
        for (size_t k = 0; k < dim.subs.size(); ++k) {
            if (!dim.subs[k].sub->relative) continue;
            std::optional<double> b;
            for (size_t i : members)
                if (auto v = ctx.value(i, dim.subs[k].metric); v && (!b || *v > *b)) b = v;
            best.back()[k] = b;
        }
    }
    return best;
}

struct SubScore {
    double score = 0; // 0-5
    std::optional<double> value;
};

SubScore scoreSub(const Prepared& pr, const PreparedSub& ps, EvalContext& ctx, size_t agent,
                  std::optional<double> best) {
    const SubMetric& s = *ps.sub;
    SubScore out;
    out.value = ctx.value(agent, ps.metric);
    const IText2& label = ps.metric.label;
    if (!out.value) {
        ctx.agent(agent).addFlag(ps.metric.missingFlag);
        ctx.addBreakdown(agent, {pr.id, ps.metric.id, std::nullopt, 0.0, Why{&kMissing, {label}}});
        return out;
    }
    double v = *out.value;
    if (s.relative && (!best || *best <= 0)) {
        ctx.addBreakdown(agent, {pr.id, ps.metric.id, v, 0.0, Why{&kBestZero, {label, v, best.value_or(0)}}});
        return out;
    }
    double bench = s.relative ? *best : s.bench, floor = s.relative ? 0 : s.floor;
    out.score = round6(5 * std::clamp((v - floor) / (bench - floor), 0.0, 1.0));
    double pts = round6(s.weight * out.score);
    if (s.relative)
        ctx.addBreakdown(agent, {pr.id, ps.metric.id, v, pts, Why{&kSubRelative, {label, v, bench, out.score, s.weight, pts}}});
    else
        ctx.addBreakdown(agent, {pr.id, ps.metric.id, v, pts, Why{&kSub, {label, v, floor, bench, out.score, s.weight, pts}}});
    return out;
}

// Below the warning line: the flag, a line, and the advice of each weak sub-metric.
void warnDimension(const Prepared& pr, const DsrParams& p, const PreparedDimension& dim, EvalContext& ctx,
                   size_t agent, double total, const std::vector<SubScore>& subs) {
    ctx.agent(agent).addFlag(dim.warningFlag);
    ctx.addBreakdown(agent, {pr.id, "", std::nullopt, std::nullopt, Why{&kWarning, {dim.label, total, p.warningBelow}}});
    for (size_t k = 0; k < dim.subs.size(); ++k) {
        const PreparedSub& s = dim.subs[k];
        if (subs[k].score >= round6(p.warningBelow) || s.sub->advice.zh.empty()) continue;
        ctx.addBreakdown(agent, {pr.id, s.metric.id, subs[k].value, std::nullopt,
                                 Why{&kAdvice, {s.metric.label, subs[k].score, p.warningBelow, s.advice}}});
    }
}

// `subs` is scratch space, reused from agent to agent.
void scoreDimension(const Prepared& pr, const DsrParams& p, const PreparedDimension& dim, EvalContext& ctx,
                    size_t agent, const std::vector<std::optional<double>>& bests, std::vector<SubScore>& subs) {
    subs.clear();
    double total = 0;
    for (size_t k = 0; k < dim.subs.size(); ++k) {
        subs.push_back(scoreSub(pr, dim.subs[k], ctx, agent, bests[k]));
        total += dim.subs[k].sub->weight * subs.back().score;
    }
    total = round6(total);
    Why why{&kDimension, {}};
    why.args.reserve(2 + 2 * dim.subs.size());
    why.args.push_back(dim.label);
    why.args.push_back(total);
    for (size_t k = 0; k < dim.subs.size(); ++k) {
        why.args.push_back(dim.subs[k].sub->weight);
        why.args.push_back(subs[k].score);
    }
    ctx.setScore(agent, dim.key, total);
    ctx.addBreakdown(agent, {pr.id, "", std::nullopt, total, std::move(why)});
    if (total < round6(p.warningBelow)) warnDimension(pr, p, dim, ctx, agent, total, subs);
}

void validate(const RuleInstance& rule, const Catalog& catalog, Problems& problems, const std::string& path) {
    readParams(rule, catalog, &problems, path);
}

void evaluate(const RuleInstance& rule, EvalContext& ctx) {
    DsrParams p = readParams(rule, ctx.catalog(), nullptr, "");
    auto scope = ctx.inScope(rule, {});
    std::vector<std::string> checked;
    for (const auto& dim : p.dimensions)
        for (const auto& s : dim.metrics)
            if (std::find(checked.begin(), checked.end(), s.metric) == checked.end()) {
                checked.push_back(s.metric);
                ctx.requireAnyValue(rule, scope, s.metric);
            }
    const Prepared pr = prepare(rule, p, ctx);
    // Bests per group first, then the agents in input order: each agent's lines come out the same,
    // and the metric table and the results are walked front to back rather than group by group.
    std::vector<Bests> bests;
    std::vector<size_t> groupOf(ctx.agentCount());
    for (const auto& [g, members] : ctx.byGroup(scope)) {
        for (size_t i : members) groupOf[i] = bests.size();
        bests.push_back(groupBests(pr, ctx, members));
    }
    std::vector<SubScore> subs;
    for (size_t i : scope)
        for (size_t d = 0; d < pr.dimensions.size(); ++d)
            scoreDimension(pr, p, pr.dimensions[d], ctx, i, bests[groupOf[i]][d], subs);
}
} // namespace

const RuleType& dsrDimensionsRule() {
    static const RuleType t{
        "dsr_dimensions", {"DSR 三维预警", "DSR three-dimension warning"}, {}, false, false, validate, evaluate};
    return t;
}

} // namespace kefu::core
