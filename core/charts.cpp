// Chart data (charts.h): the sources, metric texts, group values, trends, rankings, group means
// and histograms. The radar is in charts_radar.cpp.
#include "charts.h"

#include <algorithm>
#include <cmath>

#include "app_state.h"
#include "formula.h"

namespace kefu::core {

namespace {
const Msg kTrendTitle{"{0}：各月趋势", "{0}: trend by month"};
const Msg kRankingTitle{"{0} 得分排名", "Scores by rank, {0}"};
const Msg kGroupTitle{"{0}：各组对比（{1}）", "{0}: groups compared ({1})"};
const Msg kHistogramTitle{"{0}：分布（{1}）", "{0}: distribution ({1})"};

Text2 fill2(const Msg& m, const Text2& first, const std::string& second = "") {
    return {textIn(fillMsg(m, {first.zh, second}), Lang::Zh), textIn(fillMsg(m, {first.en, second}), Lang::En)};
}

const MetricDef* def(const std::string& metric) { return Catalog::builtin().find(metric); }

std::vector<std::string> periodGroups(const std::vector<ChartPeriod>& periods, std::vector<std::string> groups) {
    for (const auto& p : periods)
        for (const auto& a : p.agents)
            if (std::find(groups.begin(), groups.end(), a.group) == groups.end()) groups.push_back(a.group);
    return groups;
}

ChartPeriod chartPeriod(std::string month, const PeriodInput& input, const Results& results) {
    ChartPeriod p{std::move(month), input.agents, input.metrics, results};
    p.metrics.resizeRows(p.agents.size());
    deriveMetrics(Catalog::builtin(), p.metrics);
    return p;
}

void addMetric(std::vector<std::string>& list, const std::string& metric) {
    if (!metric.empty() && std::find(list.begin(), list.end(), metric) == list.end()) list.push_back(metric);
}

std::string stringAt(const Json& j, const char* key) {
    const Json* v = j.find(key);
    return v && v->isString() ? v->asString() : "";
}

// The metrics of a list of {"metric", "op", "value"} conditions (target_bonus, probation stages).
void conditionMetrics(const Json* list, std::vector<std::string>& out, std::vector<Benchmark>* bench,
                      const std::string& rule) {
    if (!list || !list->isArray()) return;
    for (const Json& c : list->items()) {
        const std::string metric = stringAt(c, "metric");
        addMetric(out, metric);
        const Json* v = c.find("value");
        if (bench && !metric.empty() && v && v->isNumber()) bench->push_back({metric, v->asNumber(), rule});
    }
}

// What one rule reads, and the benchmarks it sets.
void readRule(const RuleInstance& r, std::vector<std::string>& metrics, std::vector<Benchmark>& bench) {
    const Json& p = r.params;
    if (const Json* w = p.find("weights"); w && w->isObject())
        for (const auto& m : w->members()) addMetric(metrics, m.first);
    if (const Json* iv = p.find("intervals"); iv && iv->isObject())
        for (const auto& m : iv->members()) {
            addMetric(metrics, m.first);
            const Json* lb = m.second.find("lower_better");
            const bool lower = lb && lb->isBool() ? lb->asBool() : metricDirection(m.first) == Direction::Lower;
            const Json* end = m.second.find(lower ? "lo" : "hi");
            if (end && end->isNumber()) bench.push_back({m.first, end->asNumber(), r.id});
        }
    if (const Json* t = p.find("targets"); t && t->isArray())
        for (const Json& target : t->items()) conditionMetrics(target.find("all"), metrics, &bench, r.id);
    if (const Json* st = p.find("stages"); st && st->isArray())
        for (const Json& stage : st->items()) conditionMetrics(stage.find("thresholds"), metrics, nullptr, r.id);
    if (const Json* dims = p.find("dimensions"); dims && dims->isArray())
        for (const Json& d : dims->items()) {
            const Json* ms = d.find("metrics");
            if (!ms || !ms->isArray()) continue;
            for (const Json& m : ms->items()) {
                const std::string metric = stringAt(m, "metric");
                addMetric(metrics, metric);
                const Json* b = m.find("bench");
                if (!metric.empty() && b && b->isNumber()) bench.push_back({metric, b->asNumber(), r.id});
            }
        }
    if (const Json* parts = p.find("parts"); parts && parts->isArray())
        for (const Json& m : parts->items())
            if (m.isString()) addMetric(metrics, m.asString());
}

void readScheme(const Scheme& scheme, std::vector<std::string>& metrics, std::vector<Benchmark>& bench) {
    for (const RuleInstance& r : scheme.rules)
        if (r.enabled) readRule(r, metrics, bench);
    // The first benchmark of a metric counts.
    std::vector<Benchmark> first;
    for (const Benchmark& b : bench)
        if (std::none_of(first.begin(), first.end(), [&](const Benchmark& f) { return f.metric == b.metric; }))
            first.push_back(b);
    bench = std::move(first);
}

// "a / b" over two additive catalog metrics: the ids, else false.
bool ratioOfSums(const std::string& metric, std::string& numer, std::string& denom) {
    const MetricDef* d = def(metric);
    if (!d || !d->compiled || d->compiled->root < 0) return false;
    const auto& nodes = d->compiled->nodes;
    const auto& root = nodes[size_t(d->compiled->root)];
    if (root.op != '/' || nodes[size_t(root.lhs)].op != 'm' || nodes[size_t(root.rhs)].op != 'm') return false;
    numer = nodes[size_t(root.lhs)].metric, denom = nodes[size_t(root.rhs)].metric;
    const MetricDef *n = def(numer), *m = def(denom);
    return n && m && n->additive() && m->additive();
}

std::optional<double> valueOf(const ChartPeriod& p, const std::string& agent, const std::string& metric) {
    for (size_t i = 0; i < p.agents.size(); ++i)
        if (p.agents[i].name == agent) return p.metrics.get(i, metric);
    return std::nullopt;
}
} // namespace

std::vector<Benchmark> schemeBenchmarks(const Scheme& scheme) {
    std::vector<std::string> metrics;
    std::vector<Benchmark> bench;
    readScheme(scheme, metrics, bench);
    return bench;
}

std::vector<std::string> schemeMetrics(const Scheme& scheme) {
    std::vector<std::string> metrics;
    std::vector<Benchmark> bench;
    readScheme(scheme, metrics, bench);
    return metrics;
}

ChartSource chartSource(const AppState& s) {
    ChartSource out;
    for (const PeriodData& p : s.periods) out.periods.push_back(chartPeriod(formatMonth(p.month), p.input, p.results));
    if (!out.periods.empty())
        out.selected = s.selectedPeriod >= 0 && size_t(s.selectedPeriod) < out.periods.size() ? size_t(s.selectedPeriod)
                                                                                                : out.periods.size() - 1;
    out.groups = periodGroups(out.periods, {}); // as the command line sees them
    Problems problems;
    if (auto scheme = activeScheme(s, problems)) readScheme(*scheme, out.schemeMetrics, out.benchmarks);
    return out;
}

ChartSource chartSource(const PeriodInput& input, const Results& results, const Scheme& scheme,
                        const std::vector<PeriodInput>& earlier) {
    ChartSource out;
    for (const PeriodInput& e : earlier)
        out.periods.push_back(chartPeriod(e.period ? formatMonth(*e.period) : "", e, Results{}));
    out.selected = earlier.size();
    out.periods.push_back(chartPeriod(input.period ? formatMonth(*input.period) : results.period, input, results));
    out.groups = periodGroups(out.periods, {});
    readScheme(scheme, out.schemeMetrics, out.benchmarks);
    return out;
}

Text2 chartMetricLabel(const std::string& metric) {
    const MetricDef* d = def(metric);
    return d ? Text2{d->zh, d->en} : Text2{metric, metric};
}

Text2 chartUnitLabel(const std::string& metric) {
    const MetricDef* d = def(metric);
    switch (d ? d->unit : Unit::Count) {
    case Unit::Yuan: return {"元", "yuan"};
    case Unit::Fraction: return {"%", "%"};
    case Unit::Seconds: return {"秒", "s"};
    case Unit::Hours: return {"小时", "h"};
    case Unit::Points: return {"分", "points"};
    case Unit::PerMinute: return {"字/分", "chars/min"};
    case Unit::Days: return {"天", "days"};
    case Unit::Count: return {"人/次", "count"};
    case Unit::Ratio: return {"比值", "ratio"};
    }
    return {"", ""};
}

std::string chartValue(const std::string& metric, double v) {
    const MetricDef* d = def(metric);
    if (d && d->unit == Unit::Fraction) return formatValue(std::round(v * 1000) / 10) + "%";
    const double scale = d && (d->unit == Unit::Yuan || d->unit == Unit::Ratio) ? 100 : 10;
    return formatValue(std::round(v * scale) / scale);
}

Direction metricDirection(const std::string& metric) {
    const MetricDef* d = def(metric);
    return d ? d->direction : Direction::Neutral;
}

std::vector<std::string> chartMetrics(const ChartSource& src) {
    std::vector<std::string> out;
    if (src.periods.empty()) return out;
    const ChartPeriod& p = src.periods[src.selected];
    for (const MetricDef& d : Catalog::builtin().all())
        for (size_t i = 0; i < p.agents.size(); ++i)
            if (p.metrics.get(i, d.id)) {
                out.push_back(d.id);
                break;
            }
    return out;
}

std::optional<double> groupValue(const ChartPeriod& p, const std::string& group, const std::string& metric) {
    std::string numer, denom;
    const bool ratio = ratioOfSums(metric, numer, denom);
    double sum = 0, n = 0, sumNumer = 0, sumDenom = 0;
    for (size_t i = 0; i < p.agents.size(); ++i) {
        if (p.agents[i].group != group) continue;
        const auto v = p.metrics.get(i, metric);
        if (!v) continue;
        sum += *v, n += 1;
        const auto a = p.metrics.get(i, numer), b = p.metrics.get(i, denom);
        if (ratio && a && b) sumNumer += *a, sumDenom += *b;
    }
    if (n == 0) return std::nullopt;
    if (ratio && sumDenom > 0) return sumNumer / sumDenom;
    return sum / n;
}

TrendChart trendChart(const ChartSource& src, const std::string& metric) {
    TrendChart c{metric, fill2(kTrendTitle, chartMetricLabel(metric)), {}, {}};
    for (const auto& p : src.periods) c.months.push_back(p.month);
    for (const auto& g : src.groups) {
        ChartSeries s{g, true, g, {}};
        for (const auto& p : src.periods) s.values.push_back(groupValue(p, g, metric));
        if (std::any_of(s.values.begin(), s.values.end(), [](const auto& v) { return v.has_value(); }))
            c.series.push_back(std::move(s));
    }
    std::vector<ChartSeries> agents;
    for (const auto& p : src.periods)
        for (const auto& a : p.agents) {
            auto it = std::find_if(agents.begin(), agents.end(), [&](const ChartSeries& s) { return s.name == a.name; });
            if (it == agents.end()) agents.push_back({a.name, false, a.group, {}});
            else it->group = a.group;
        }
    for (auto& s : agents) {
        for (const auto& p : src.periods) s.values.push_back(valueOf(p, s.name, metric));
        c.series.push_back(std::move(s));
    }
    return c;
}

RankingChart rankingChart(const Results& r, const std::vector<std::string>& groups) {
    RankingChart c{fill2(kRankingTitle, {r.period, r.period}), r.period, {}};
    for (const auto& g : groups)
        for (const auto& a : r.agents)
            if (a.group == g && a.score) c.bars.push_back({a.agent, a.group, *a.score, a.rank});
    std::stable_sort(c.bars.begin(), c.bars.end(), [&](const RankBar& a, const RankBar& b) {
        const auto ga = std::find(groups.begin(), groups.end(), a.group), gb = std::find(groups.begin(), groups.end(), b.group);
        if (ga != gb) return ga < gb;
        return a.rank.value_or(1 << 30) < b.rank.value_or(1 << 30);
    });
    return c;
}

RankingChart rankingChart(const ChartSource& src) {
    if (src.periods.empty()) return {};
    return rankingChart(src.periods[src.selected].results, src.groups);
}

GroupChart groupChart(const ChartSource& src, const std::string& metric) {
    if (src.periods.empty()) return {};
    const ChartPeriod& p = src.periods[src.selected];
    GroupChart c{metric, p.month, fill2(kGroupTitle, chartMetricLabel(metric), p.month), {}};
    for (const auto& g : src.groups) {
        GroupBar b{g, groupValue(p, g, metric), 0};
        for (size_t i = 0; i < p.agents.size(); ++i)
            if (p.agents[i].group == g && p.metrics.get(i, metric)) ++b.agents;
        if (b.agents) c.bars.push_back(std::move(b));
    }
    return c;
}

Histogram histogramOf(const std::vector<std::pair<std::string, double>>& values) {
    Histogram h;
    h.values = values.size();
    if (values.empty()) return h;
    double lo = values.front().second, hi = lo;
    for (const auto& v : values) lo = std::min(lo, v.second), hi = std::max(hi, v.second);
    if (hi - lo <= 1e-12) {
        h.bins.push_back({lo, hi, {}});
        for (const auto& v : values) h.bins[0].agents.push_back(v.first);
        return h;
    }
    const double bins = std::ceil(std::log2(double(values.size()))) + 1, raw = (hi - lo) / bins;
    const double power = std::pow(10, std::floor(std::log10(raw)));
    double width = 10 * power;
    for (double m : {1.0, 2.0, 5.0})
        if (m * power >= raw * (1 - 1e-9)) {
            width = m * power;
            break;
        }
    const double start = std::floor(lo / width + 1e-9) * width;
    const size_t n = std::max<size_t>(1, size_t(std::ceil((hi - start) / width - 1e-9)));
    for (size_t i = 0; i < n; ++i) h.bins.push_back({start + width * double(i), start + width * double(i + 1), {}});
    for (const auto& v : values) {
        size_t i = size_t(std::max(0.0, std::floor((v.second - start) / width + 1e-9)));
        h.bins[std::min(i, n - 1)].agents.push_back(v.first);
    }
    return h;
}

Histogram histogram(const ChartSource& src, const std::string& metric) {
    if (src.periods.empty()) return {};
    const ChartPeriod& p = src.periods[src.selected];
    std::vector<std::pair<std::string, double>> values;
    for (size_t i = 0; i < p.agents.size(); ++i)
        if (auto v = p.metrics.get(i, metric)) values.emplace_back(p.agents[i].name, *v);
    Histogram h = histogramOf(values);
    h.metric = metric, h.month = p.month, h.title = fill2(kHistogramTitle, chartMetricLabel(metric), p.month);
    return h;
}

ChartScale niceScale(double lo, double hi) {
    if (hi - lo <= 1e-12) hi = lo + 1;
    const double raw = (hi - lo) / 5, power = std::pow(10, std::floor(std::log10(raw)));
    double step = 10 * power;
    for (double m : {1.0, 2.0, 5.0})
        if (m * power >= raw) {
            step = m * power;
            break;
        }
    return {std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

} // namespace kefu::core
