// A team's value of a metric: see team_value.h.
#include "team_value.h"

#include <vector>

namespace kefu::core {

namespace {
std::string trimmed(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// Sum over `rows` of a column's values; false when one of them has none.
bool sumOf(const MetricTable& t, const std::vector<size_t>& rows, const std::string& metric, double& sum) {
    sum = 0;
    for (size_t r : rows) {
        auto v = t.get(r, metric);
        if (!v) return false;
        sum += *v;
    }
    return true;
}
} // namespace

bool ratioParts(const Catalog& catalog, const MetricDef& def, std::string& numerator, std::string& denominator) {
    const std::string& f = def.formula;
    const size_t slash = f.find('/');
    if (slash == std::string::npos || f.find('/', slash + 1) != std::string::npos) return false;
    numerator = trimmed(f.substr(0, slash));
    denominator = trimmed(f.substr(slash + 1));
    const MetricDef* n = catalog.find(numerator);
    const MetricDef* d = catalog.find(denominator);
    return n && d && n->unit == Unit::Count && (d->unit == Unit::Count || d->unit == Unit::Days);
}

std::optional<double> teamValueOf(const PeriodInput& input, const MetricTable& t, const Catalog& catalog,
                                  const std::string& metric, const std::string& group) {
    std::vector<size_t> rows; // the agents of the team that have a value
    for (size_t r = 0; r < input.agents.size() && r < t.rows(); ++r)
        if ((group.empty() || input.agents[r].group == group) && t.get(r, metric)) rows.push_back(r);
    if (rows.empty()) return std::nullopt;
    const MetricDef* def = catalog.find(metric);
    double sum = 0;
    if (def && def->additive()) {
        sumOf(t, rows, metric, sum);
        return round6(sum);
    }
    std::string numer, denom;
    double n = 0, d = 0;
    if (def && ratioParts(catalog, *def, numer, denom) && sumOf(t, rows, numer, n) && sumOf(t, rows, denom, d) && d > 0)
        return round6(n / d);
    // Weighted by the denominator of the rate (or by receptions) when every agent has it.
    const std::string weight = !denom.empty() ? denom : "receptions";
    double weights = 0, weighted = 0;
    bool allWeighted = true;
    for (size_t r : rows) {
        auto w = t.get(r, weight);
        if (!w || *w <= 0) { allWeighted = false; break; }
        weights += *w;
        weighted += *w * *t.get(r, metric);
    }
    if (allWeighted && weights > 0) return round6(weighted / weights);
    sumOf(t, rows, metric, sum);
    return round6(sum / double(rows.size()));
}

std::optional<double> teamValue(const PeriodInput& input, const Catalog& catalog, const std::string& metric,
                                const std::string& group) {
    MetricTable t = input.metrics;
    deriveMetrics(catalog, t);
    return teamValueOf(input, t, catalog, metric, group);
}

} // namespace kefu::core
