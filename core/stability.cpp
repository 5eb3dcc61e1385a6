#include "stability.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <utility>

#include "random.h"

namespace kefu::core {

namespace {
// The weight slots of one map: the JSON numbers the rule reads, and their values as given.
struct WeightSlots {
    std::vector<Json*> nodes;
    std::vector<double> base;
};

Json weightObject(std::initializer_list<std::pair<const char*, double>> weights) {
    Json w = Json::object();
    for (const auto& kv : weights) w.set(kv.first, Json::number(kv.second));
    return w;
}

Json dsrDimension(const char* id, std::initializer_list<std::pair<const char*, double>> weights) {
    Json d = Json::object();
    d.set("id", Json::string(id));
    Json metrics = Json::array();
    for (const auto& kv : weights) {
        Json m = Json::object();
        m.set("metric", Json::string(kv.first));
        m.set("weight", Json::number(kv.second));
        metrics.push(std::move(m));
    }
    d.set("metrics", std::move(metrics));
    return d;
}

// Writes out the defaults of SCORING.md (rules 1 and 5) where a rule leaves its weights implicit,
// so that there are numbers to perturb; the rule reads the same values either way.
void writeDefaultWeights(RuleInstance& rule) {
    if (!rule.params.isObject()) return;
    if (rule.type == "rank_points" && !rule.params.find("weights")) {
        rule.params.set(
            "weights",
            weightObject(
                {{"sales_amount", 0.3}, {"attitude_score", 0.3}, {"conversion_rate", 0.2}, {"avg_response_s", 0.2}}));
    }
    if (rule.type == "dsr_dimensions" && !rule.params.find("dimensions")) {
        Json dims = Json::array();
        dims.push(
            dsrDimension("efficiency", {{"avg_response_s", 0.4}, {"reply_rate", 0.3}, {"slow_response_share", 0.3}}));
        dims.push(dsrDimension("ability", {{"conversion_rate", 0.4}, {"sales_units", 0.3}, {"paid_customers", 0.3}}));
        dims.push(
            dsrDimension("attitude", {{"qa_ratio", 0.4}, {"online_hours_per_day", 0.3}, {"opinions_collected", 0.3}}));
        rule.params.set("dimensions", std::move(dims));
    }
}

void addSlot(WeightSlots& slots, PerturbedMap& map, Json* node, const std::string& metric) {
    if (!node || !node->isNumber()) return;
    slots.nodes.push_back(node);
    slots.base.push_back(node->asNumber());
    map.metrics.push_back(metric);
}

void collectRankPoints(RuleInstance& rule, std::vector<WeightSlots>& slots, std::vector<PerturbedMap>& maps) {
    Json* weights = rule.params.find("weights");
    if (!weights || !weights->isObject()) return;
    WeightSlots s;
    PerturbedMap m{rule.id, "weights", {}};
    for (auto& member : weights->members()) addSlot(s, m, &member.second, member.first);
    if (s.nodes.empty()) return;
    slots.push_back(std::move(s));
    maps.push_back(std::move(m));
}

void collectDsr(RuleInstance& rule, std::vector<WeightSlots>& slots, std::vector<PerturbedMap>& maps) {
    Json* dims = rule.params.find("dimensions");
    if (!dims || !dims->isArray()) return;
    for (Json& dim : dims->items()) {
        const Json* id = dim.find("id");
        Json* metrics = dim.find("metrics");
        if (!metrics || !metrics->isArray()) continue;
        WeightSlots s;
        PerturbedMap m{rule.id, "dimensions." + (id && id->isString() ? id->asString() : std::string()), {}};
        for (Json& sub : metrics->items()) {
            const Json* metric = sub.find("metric");
            addSlot(s, m, sub.find("weight"), metric && metric->isString() ? metric->asString() : std::string());
        }
        if (s.nodes.empty()) continue;
        slots.push_back(std::move(s));
        maps.push_back(std::move(m));
    }
}

// Draws one factor per weight (maps in scheme order, weights in map order) and writes the
// renormalised weights into the scheme's params.
void perturb(std::vector<WeightSlots>& maps, SplitMix64& rng, double delta, std::vector<double>& scratch) {
    for (WeightSlots& m : maps) {
        scratch.resize(m.base.size());
        double sum = 0;
        for (size_t i = 0; i < m.base.size(); ++i) {
            scratch[i] = m.base[i] * rng.uniform(1 - delta, 1 + delta);
            sum += scratch[i];
        }
        for (size_t i = 0; i < m.base.size(); ++i) *m.nodes[i] = Json::number(sum > 0 ? scratch[i] / sum : m.base[i]);
    }
}

// Rank counts per agent: index 0 = no rank, r = rank r.
using RankCounts = std::vector<std::vector<int>>;

void countRanks(const Results& r, RankCounts& counts) {
    for (size_t i = 0; i < r.agents.size(); ++i) {
        const size_t slot = r.agents[i].rank && *r.agents[i].rank > 0 ? size_t(*r.agents[i].rank) : 0;
        if (counts[i].size() <= slot) counts[i].resize(slot + 1, 0);
        ++counts[i][slot];
    }
}

AgentStability summarise(const AgentResult& base, const std::vector<int>& counts, const StabilityOptions& o) {
    AgentStability a;
    a.baselineScore = base.score;
    a.baselineRank = base.rank;
    for (size_t slot = 1; slot <= counts.size(); ++slot) {
        const size_t k = slot % counts.size(); // ranks 1.. first, then 0 (no rank)
        if (counts[k] == 0) continue;
        std::optional<int> rank = k == 0 ? std::nullopt : std::optional<int>(int(k));
        a.ranks.push_back({rank, counts[k], double(counts[k]) / double(o.samples)});
        if (rank != base.rank) a.differs += counts[k];
    }
    a.pDiffers = double(a.differs) / double(o.samples);
    a.unstable = a.pDiffers > o.unstableAbove;
    return a;
}

std::vector<MoneyTie> findMoneyTies(const Results& r) {
    std::map<std::pair<int, double>, std::vector<size_t>> tied;
    for (size_t i = 0; i < r.agents.size(); ++i)
        if (r.agents[i].score && r.agents[i].rank) tied[{*r.agents[i].rank, round6(*r.agents[i].score)}].push_back(i);
    std::vector<MoneyTie> out;
    for (const auto& entry : tied) {
        const std::vector<size_t>& agents = entry.second;
        if (agents.size() < 2) continue;
        bool differ = false;
        for (size_t k : agents) differ = differ || r.agents[k].totalFen() != r.agents[agents[0]].totalFen();
        if (differ) out.push_back({entry.first.first, entry.first.second, agents});
    }
    return out;
}

// The index of the primary rule as evaluate() picks it: marked `primary`, else the first enabled
// rule that produces a score.
std::optional<size_t> primaryIndex(const Scheme& scheme) {
    for (size_t i = 0; i < scheme.rules.size(); ++i)
        if (scheme.rules[i].enabled && scheme.rules[i].primary) return i;
    for (size_t i = 0; i < scheme.rules.size(); ++i) {
        const RuleType* t = findRuleType(scheme.rules[i].type);
        if (scheme.rules[i].enabled && t && t->producesScore) return i;
    }
    return std::nullopt;
}

Json optionalNumber(const std::optional<double>& v) { return v ? Json::number(*v) : Json::null(); }
Json optionalInt(const std::optional<int>& v) { return v ? Json::number(double(*v)) : Json::null(); }
} // namespace

Expected<StabilityReport> analyseStability(const PeriodInput& input, const Scheme& scheme, const History& history,
                                           const Catalog& catalog, const StabilityOptions& options) {
    if (options.samples < 1) return Error{"samples must be at least 1"};
    if (!(options.delta >= 0 && options.delta < 1)) return Error{"delta must be at least 0 and below 1"};
    StabilityReport report;
    report.options = options;
    report.baseline = evaluate(input, scheme, history, catalog);
    // Rules run in order and each writes only its own scores and ranks, so the rules after the
    // primary one cannot move a primary rank: samples evaluate the scheme up to the primary rule.
    const std::optional<size_t> primary = primaryIndex(scheme);
    if (!primary) return Error{"scheme " + scheme.id + " has no rule that produces a score and a rank"};
    Scheme work = scheme;
    work.rules.resize(*primary + 1);
    for (RuleInstance& r : work.rules)
        if (r.enabled) writeDefaultWeights(r);
    std::vector<WeightSlots> slots; // pointers into work.rules, which no longer changes shape
    for (RuleInstance& r : work.rules) {
        if (!r.enabled) continue;
        if (r.type == "rank_points") collectRankPoints(r, slots, report.perturbed);
        if (r.type == "dsr_dimensions") collectDsr(r, slots, report.perturbed);
    }
    if (slots.empty())
        return Error{"scheme " + scheme.id +
                     ": no enabled weighted rule (rank_points, dsr_dimensions) at or before "
                     "the primary rule " +
                     scheme.rules[*primary].id + ", so no weight can move a rank"};
    SplitMix64 rng{options.seed};
    RankCounts counts(input.agents.size());
    std::vector<double> scratch;
    for (int s = 0; s < options.samples; ++s) {
        perturb(slots, rng, options.delta, scratch);
        countRanks(evaluate(input, work, history, catalog), counts);
    }
    for (size_t i = 0; i < input.agents.size(); ++i)
        report.agents.push_back(summarise(report.baseline.agents[i], counts[i], options));
    report.moneyTies = findMoneyTies(report.baseline);
    return report;
}

Json stabilityToJson(const StabilityReport& report) {
    const Results& b = report.baseline;
    Json j = Json::object();
    j.set("scheme", Json::string(b.scheme));
    j.set("period", Json::string(b.period));
    j.set("samples", Json::number(report.options.samples));
    j.set("seed", Json::number(double(report.options.seed)));
    j.set("delta", Json::number(report.options.delta));
    j.set("unstable_above", Json::number(report.options.unstableAbove));
    Json perturbed = Json::array();
    for (const PerturbedMap& m : report.perturbed) {
        Json pm = Json::object();
        pm.set("rule", Json::string(m.rule));
        pm.set("map", Json::string(m.map));
        Json metrics = Json::array();
        for (const auto& id : m.metrics) metrics.push(Json::string(id));
        pm.set("metrics", std::move(metrics));
        perturbed.push(std::move(pm));
    }
    j.set("perturbed", std::move(perturbed));
    Json agents = Json::array(), unstable = Json::array();
    for (size_t i = 0; i < report.agents.size(); ++i) {
        const AgentStability& a = report.agents[i];
        Json ja = Json::object();
        ja.set("agent", Json::string(b.agents[i].agent));
        ja.set("group", Json::string(b.agents[i].group));
        ja.set("score", optionalNumber(a.baselineScore));
        ja.set("rank", optionalInt(a.baselineRank));
        Json ranks = Json::array();
        for (const RankShare& r : a.ranks) {
            Json jr = Json::object();
            jr.set("rank", optionalInt(r.rank));
            jr.set("count", Json::number(r.count));
            jr.set("p", Json::number(r.p));
            ranks.push(std::move(jr));
        }
        ja.set("rank_probabilities", std::move(ranks));
        ja.set("p_rank_differs", Json::number(a.pDiffers));
        ja.set("unstable", Json::boolean(a.unstable));
        if (a.unstable) unstable.push(Json::string(b.agents[i].agent));
        agents.push(std::move(ja));
    }
    j.set("agents", std::move(agents));
    j.set("unstable", std::move(unstable));
    Json ties = Json::array();
    for (const MoneyTie& t : report.moneyTies) {
        Json jt = Json::object();
        jt.set("rank", Json::number(t.rank));
        jt.set("score", Json::number(t.score));
        Json members = Json::array();
        for (size_t k : t.agents) {
            Json m = Json::object();
            m.set("agent", Json::string(b.agents[k].agent));
            m.set("group", Json::string(b.agents[k].group));
            m.set("total_fen", Json::number(double(b.agents[k].totalFen())));
            members.push(std::move(m));
        }
        jt.set("agents", std::move(members));
        ties.push(std::move(jt));
    }
    j.set("money_ties", std::move(ties));
    return j;
}

} // namespace kefu::core
