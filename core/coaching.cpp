// Coaching cards: see coaching.h. The HTML of the card is in coaching_html.cpp.
#include "coaching.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "presets.h"
#include "team_value.h"

namespace kefu::core {

namespace {
using AdviceMap = std::map<std::string, Text2>;

// Advice texts of a scheme's dsr_dimensions rules: dimensions[].metrics[].advice {zh, en}.
void readAdvice(const Scheme& scheme, AdviceMap& out) {
    for (const auto& rule : scheme.rules) {
        if (rule.type != "dsr_dimensions") continue;
        const Json* dims = rule.params.find("dimensions");
        if (!dims || !dims->isArray()) continue;
        for (const Json& d : dims->items()) {
            const Json* ms = d.find("metrics");
            if (!ms || !ms->isArray()) continue;
            for (const Json& m : ms->items()) {
                const Json* id = m.find("metric");
                const Json* advice = m.find("advice");
                if (!id || !id->isString() || !advice || !advice->isObject()) continue;
                const Json* zh = advice->find("zh");
                const Json* en = advice->find("en");
                if (zh && zh->isString() && en && en->isString()) out[id->asString()] = {zh->asString(), en->asString()};
            }
        }
    }
}

// The dsr-warning preset's texts (SCORING.md's defaults), replaced by the scheme's own.
AdviceMap adviceFor(const Scheme& scheme, const Catalog& catalog) {
    AdviceMap out;
    Problems problems;
    if (auto preset = loadPreset("dsr-warning", catalog, problems)) readAdvice(*preset, out);
    readAdvice(scheme, out);
    return out;
}

std::optional<size_t> rowOf(const PeriodInput& in, const std::string& agent) {
    for (size_t i = 0; i < in.agents.size(); ++i)
        if (in.agents[i].name == agent || (!in.agents[i].id.empty() && in.agents[i].id == agent)) return i;
    return std::nullopt;
}

// The metrics the scheme read for the agent (its explanation lines), then those of the gaps.
std::vector<std::string> metricsRead(const AgentResult& r, const std::vector<Gap>& gaps, const Catalog& catalog) {
    std::vector<std::string> out;
    const auto add = [&](const std::string& m) {
        const MetricDef* def = catalog.find(m);
        if (def && def->direction != Direction::Neutral && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    };
    for (const auto& b : r.breakdown)
        if (!b.metric.empty()) add(b.metric.str());
    for (const auto& g : gaps) add(g.metric);
    return out;
}

size_t groupCount(const PeriodInput& in, const MetricTable& t, const std::string& group, const std::string& metric) {
    size_t n = 0;
    for (size_t r = 0; r < in.agents.size() && r < t.rows(); ++r)
        if (in.agents[r].group == group && t.get(r, metric)) ++n;
    return n;
}

CoachingMetric metricOf(const CoachingRequest& q, const Catalog& catalog, const MetricTable& table, size_t row,
                        const MetricTable* previous, std::optional<size_t> previousRow, const std::string& metric,
                        double value) {
    const MetricDef* def = catalog.find(metric);
    const PeriodInput& in = *q.input;
    CoachingMetric m;
    m.metric = metric;
    m.label = {def->zh, def->en};
    m.unit = def->unit;
    m.lowerBetter = def->direction == Direction::Lower;
    m.value = round6(value);
    const std::string& group = in.agents[row].group;
    // The group's rate (volume-weighted) or average; counts and money per agent, not the group's total.
    const size_t n = groupCount(in, table, group, metric);
    if (n >= 2) m.group = teamValueOf(in, table, catalog, metric, group);
    if (m.group && def->additive()) m.group = round6(*m.group / double(n));
    if (m.group) {
        const double diff = (m.value - *m.group) * (m.lowerBetter ? -1 : 1);
        m.standing = *m.group != 0 ? round6(diff / std::fabs(*m.group)) : (diff == 0 ? 0.0 : diff > 0 ? 1.0 : -1.0);
    }
    if (previous && previousRow)
        if (auto v = previous->get(*previousRow, metric)) m.previous = round6(*v);
    return m;
}

void pick(CoachingCard& card, const std::vector<Gap>& gaps) {
    std::vector<size_t> strong, weak;
    for (size_t i = 0; i < card.metrics.size(); ++i) {
        CoachingMetric& m = card.metrics[i];
        auto gap = std::find_if(gaps.begin(), gaps.end(), [&](const Gap& g) { return g.metric == m.metric; });
        if (gap != gaps.end()) {
            m.benchmark = gap->target_value;
            m.benchmarkOf = {gap->textZh, gap->textEn};
        }
        const double s = m.standing.value_or(0);
        if (m.benchmark || s <= -kCoachingMargin) weak.push_back(i);
        else if (s >= kCoachingMargin) strong.push_back(i);
    }
    const auto standing = [&](size_t i) { return card.metrics[i].standing.value_or(0); };
    std::stable_sort(strong.begin(), strong.end(), [&](size_t a, size_t b) { return standing(a) > standing(b); });
    std::stable_sort(weak.begin(), weak.end(), [&](size_t a, size_t b) { return standing(a) < standing(b); });
    if (strong.size() > kCoachingPicks) strong.resize(kCoachingPicks);
    if (weak.size() > kCoachingPicks) weak.resize(kCoachingPicks);
    card.strengths = std::move(strong);
    card.weaknesses = std::move(weak);
}

// The previous month's row of the agent, its results and its derived values.
struct Previous {
    std::optional<size_t> row;
    MetricTable table;
    const AgentResult* result = nullptr;
};
Previous previousOf(const CoachingRequest& q, const Catalog& catalog, const std::string& name) {
    Previous p;
    if (!q.previousInput) return p;
    p.row = rowOf(*q.previousInput, name);
    p.table = q.previousInput->metrics;
    deriveMetrics(catalog, p.table);
    if (q.previousResults && p.row && *p.row < q.previousResults->agents.size() &&
        q.previousResults->agents[*p.row].agent == name)
        p.result = &q.previousResults->agents[*p.row];
    return p;
}

Expected<CoachingCard> cardFor(const CoachingRequest& q, const Catalog& catalog, const MetricTable& table,
                               const AdviceMap& advice) {
    auto row = rowOf(*q.input, q.agent);
    if (!row || *row >= q.results->agents.size()) return Error{"unknown agent '" + q.agent + "'"};
    const AgentResult& me = q.results->agents[*row];
    PeriodInput derived = *q.input; // the gap cards read derived metrics (rates) from the input
    derived.metrics = table;
    auto gaps = computeGaps(derived, *q.scheme, *q.results, catalog, me.agent);
    CoachingCard card;
    card.agent = me.agent;
    card.group = me.group;
    card.period = q.results->period;
    card.score = me.score, card.rank = me.rank, card.totalFen = me.totalFen();
    if (gaps) card.gaps = gaps->gaps;
    Previous prev = previousOf(q, catalog, me.agent);
    if (q.previousResults) card.previousPeriod = q.previousResults->period;
    if (prev.result) {
        card.previousScore = prev.result->score, card.previousRank = prev.result->rank;
        card.previousTotalFen = prev.result->totalFen();
    }
    for (const auto& metric : metricsRead(me, card.gaps, catalog))
        if (auto v = table.get(*row, metric))
            card.metrics.push_back(metricOf(q, catalog, table, *row, q.previousInput ? &prev.table : nullptr, prev.row, metric, *v));
    pick(card, card.gaps);
    for (size_t i : card.weaknesses)
        if (auto it = advice.find(card.metrics[i].metric); it != advice.end())
            card.advice.push_back({it->first, it->second});
    return card;
}
} // namespace

Expected<CoachingCard> coachingCard(const CoachingRequest& q) {
    if (!q.input || !q.results || !q.scheme) return Error{"coaching needs the month's inputs, results and scheme"};
    const Catalog& catalog = q.catalog ? *q.catalog : Catalog::builtin();
    MetricTable table = q.input->metrics;
    deriveMetrics(catalog, table);
    return cardFor(q, catalog, table, adviceFor(*q.scheme, catalog));
}

std::vector<CoachingCard> coachingCards(const CoachingRequest& q) {
    std::vector<CoachingCard> out;
    if (!q.input || !q.results || !q.scheme) return out;
    const Catalog& catalog = q.catalog ? *q.catalog : Catalog::builtin();
    MetricTable table = q.input->metrics;
    deriveMetrics(catalog, table);
    const AdviceMap advice = adviceFor(*q.scheme, catalog);
    CoachingRequest one = q;
    for (size_t i = 0; i < q.input->agents.size() && i < q.results->agents.size(); ++i) {
        one.agent = q.input->agents[i].name;
        if (auto card = cardFor(one, catalog, table, advice)) out.push_back(std::move(*card));
    }
    return out;
}

Json coachingToJson(const CoachingCard& c, Lang lang) {
    const auto opt = [](const std::optional<double>& v) { return v ? Json::number(*v) : Json::null(); };
    Json j = Json::object();
    j.set("agent", Json::string(c.agent));
    j.set("group", Json::string(c.group));
    j.set("period", Json::string(c.period));
    j.set("previous_period", c.previousPeriod.empty() ? Json::null() : Json::string(c.previousPeriod));
    j.set("score", opt(c.score));
    j.set("previous_score", opt(c.previousScore));
    j.set("rank", c.rank ? Json::number(*c.rank) : Json::null());
    j.set("previous_rank", c.previousRank ? Json::number(*c.previousRank) : Json::null());
    j.set("total_fen", Json::number(double(c.totalFen)));
    j.set("previous_total_fen", c.previousTotalFen ? Json::number(double(*c.previousTotalFen)) : Json::null());
    Json metrics = Json::array();
    for (const auto& m : c.metrics) {
        Json mj = Json::object();
        mj.set("metric", Json::string(m.metric));
        mj.set("label", Json::string(textIn(m.label, lang)));
        mj.set("value", Json::number(m.value));
        mj.set("group", opt(m.group));
        mj.set("standing", opt(m.standing));
        mj.set("benchmark", opt(m.benchmark));
        mj.set("previous", opt(m.previous));
        mj.set("change", m.previous ? Json::number(round6(m.value - *m.previous)) : Json::null());
        mj.set("lower_better", Json::boolean(m.lowerBetter));
        metrics.push(std::move(mj));
    }
    j.set("metrics", std::move(metrics));
    const auto names = [&](const std::vector<size_t>& idx) {
        Json a = Json::array();
        for (size_t i : idx) a.push(Json::string(c.metrics[i].metric));
        return a;
    };
    j.set("strengths", names(c.strengths));
    j.set("weaknesses", names(c.weaknesses));
    Json advice = Json::array();
    for (const auto& a : c.advice) {
        Json aj = Json::object();
        aj.set("metric", Json::string(a.metric));
        aj.set("text", Json::string(textIn(a.text, lang)));
        advice.push(std::move(aj));
    }
    j.set("advice", std::move(advice));
    Json gaps = Json::array();
    for (const auto& g : c.gaps) gaps.push(Json::string(lang == Lang::Zh ? g.textZh : g.textEn));
    j.set("gaps", std::move(gaps));
    return j;
}

} // namespace kefu::core
