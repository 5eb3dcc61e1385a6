// EvalContext and the shared arithmetic of rules: ranking, fen rounding, largest remainder.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "rule.h"

namespace kefu::core {

namespace {
const Msg kEventOutside{"事件 {0} {1}（{2}）不在本考核期内，已忽略", "event {0} on {1} ({2}) is outside the period and was ignored"};
const Msg kNoValues{"规则 {0}：范围内没有客服有 {1} 的数据，该项无法计算", "rule {0}: no agent in scope has {1}; it cannot be computed"};
} // namespace

bool HistoryAgent::hasFlag(std::string_view f) const {
    return std::find(flags.begin(), flags.end(), f) != flags.end();
}

const RuleInstance* EvalContext::findRule(std::string_view type) const {
    if (!m_scheme) return nullptr;
    for (const auto& r : m_scheme->rules)
        if (r.enabled && r.type == type) return &r;
    return nullptr;
}

EvalContext::EvalContext(const PeriodInput& input, const History& history, const Catalog& catalog, Results& results,
                         const Scheme* scheme)
    : m_input(input), m_history(history), m_catalog(catalog), m_results(results), m_scheme(scheme),
      m_events(input.agents.size()) {
    if (input.events.empty()) return; // no agent lookup table to build
    auto first = periodFirstDay(), last = periodLastDay();
    std::unordered_map<std::string_view, size_t> byKey;
    byKey.reserve(input.agents.size() * 2);
    for (size_t i = input.agents.size(); i-- > 0;) { // the first agent of a name wins
        if (!input.agents[i].id.empty()) byKey[input.agents[i].id] = i;
    }
    for (size_t i = input.agents.size(); i-- > 0;) byKey[input.agents[i].name] = i;
    for (const Event& e : input.events) {
        auto found = byKey.find(e.agent);
        if (found == byKey.end()) continue; // loaders refuse unknown agents before this point
        size_t idx = found->second;
        if (first && last && (e.date < *first || e.date > *last)) {
            warn(Why{&kEventOutside, {e.agent, formatDate(e.date), e.kind}});
            continue;
        }
        m_events[idx].push_back(&e);
    }
}

IStr EvalContext::dateText(const Date& d) {
    // Year, month and day side by side; dates outside the usual ranges may share a key (checked below).
    const uint64_t key = uint64_t(uint32_t(d.year)) << 32 | uint64_t(uint16_t(d.month)) << 16 | uint16_t(d.day);
    auto [it, added] = m_dateTexts.try_emplace(key, d, IStr());
    if (added) it->second.second = formatDate(d);
    else if (it->second.first != d) return formatDate(d); // a key shared by two odd dates: no caching
    return it->second.second;
}

std::optional<Date> EvalContext::periodLastDay() const {
    if (!m_input.period) return std::nullopt;
    return lastDay(*m_input.period);
}
std::optional<Date> EvalContext::periodFirstDay() const {
    if (!m_input.period) return std::nullopt;
    return firstDay(*m_input.period);
}

std::vector<size_t> EvalContext::inScope(const RuleInstance& rule, const std::vector<Status>& defaultStatuses) const {
    const auto& statuses = rule.scope.statuses.empty() ? defaultStatuses : rule.scope.statuses;
    std::vector<size_t> out;
    for (size_t i = 0; i < m_input.agents.size(); ++i) {
        const Agent& a = m_input.agents[i];
        if (!rule.scope.matchesGroup(a.group)) continue;
        if (!statuses.empty() && std::find(statuses.begin(), statuses.end(), a.status) == statuses.end()) continue;
        out.push_back(i);
    }
    return out;
}

std::vector<std::pair<std::string, std::vector<size_t>>> EvalContext::byGroup(const std::vector<size_t>& agents) const {
    std::vector<std::pair<std::string, std::vector<size_t>>> out;
    for (size_t i : agents) {
        const std::string& g = m_input.agents[i].group;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == g; });
        if (it == out.end()) out.push_back({g, {i}});
        else it->second.push_back(i);
    }
    return out;
}

std::optional<double> EvalContext::value(size_t agent, std::string_view metric) const {
    return m_input.metrics.get(agent, metric);
}

MetricRef EvalContext::metricRef(const std::string& metric) const {
    return MetricRef{metric, metricLabel(metric), column(metric), "missing:" + metric};
}

int EvalContext::countEvents(size_t agent, std::string_view kind) const {
    int n = 0;
    for (const Event* e : m_events[agent])
        if (e->kind == kind) n += e->count;
    return n;
}

const HistoryAgent* EvalContext::previous(size_t agent, int back) const {
    if (back < 1 || m_history.empty()) return nullptr;
    const HistoryPeriod* hp = nullptr;
    if (m_input.period && m_history.back().period) {
        Month want = addMonths(*m_input.period, -back);
        for (const auto& h : m_history)
            if (h.period && *h.period == want) hp = &h;
    } else if (size_t(back) <= m_history.size()) {
        hp = &m_history[m_history.size() - size_t(back)];
    }
    if (!hp) return nullptr;
    const Agent& a = m_input.agents[agent];
    for (const auto& ha : hp->agents)
        if (!a.id.empty() && !ha.id.empty() ? ha.id == a.id : ha.name == a.name) return &ha;
    return nullptr;
}

void EvalContext::addMoney(size_t agent, const RuleInstance& rule, MoneyKind kind, int64_t fen, Why why) {
    m_results.agents[agent].money.push_back({rule.id, kind, fen, std::move(why)});
}

bool EvalContext::requireAnyValue(const RuleInstance& rule, const std::vector<size_t>& agents, const std::string& metric) {
    int col = column(metric);
    for (size_t i : agents)
        if (value(i, col)) return true;
    if (!agents.empty()) warn(Why{&kNoValues, {rule.id, metricLabel(metric)}});
    return false;
}

std::vector<std::optional<int>> competitionRanks(const std::vector<std::optional<double>>& values, bool lowerBetter) {
    // Sort the valued entries, then give each run of equal values the rank of its first member.
    std::vector<std::pair<double, size_t>> order;
    order.reserve(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        if (values[i]) order.push_back({lowerBetter ? round6(*values[i]) : -round6(*values[i]), i});
    std::sort(order.begin(), order.end());
    std::vector<std::optional<int>> ranks(values.size());
    for (size_t k = 0; k < order.size(); ++k) {
        bool tiedWithPrevious = k > 0 && order[k].first == order[k - 1].first;
        ranks[order[k].second] = tiedWithPrevious ? *ranks[order[k - 1].second] : int(k) + 1;
    }
    return ranks;
}

int64_t yuanToFen(double yuan) {
    double fen = round6(yuan * 100.0);
    return int64_t(fen < 0 ? -std::floor(-fen + 0.5) : std::floor(fen + 0.5));
}

std::vector<int64_t> splitLargestRemainder(int64_t totalFen, const std::vector<double>& weights) {
    std::vector<int64_t> out(weights.size(), 0);
    double sum = 0;
    for (double w : weights)
        if (w > 0) sum += w;
    if (sum <= 0) return out;
    std::vector<double> rem(weights.size(), -1);
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0) continue;
        double exact = double(totalFen) * weights[i] / sum;
        out[i] = int64_t(std::floor(exact));
        rem[i] = round6(exact - double(out[i]));
        given += out[i];
    }
    std::vector<size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rem[a] > rem[b]; });
    for (size_t k = 0; given < totalFen && k < order.size(); ++k) {
        if (weights[order[k]] <= 0) continue;
        ++out[order[k]];
        ++given;
    }
    return out;
}

} // namespace kefu::core
