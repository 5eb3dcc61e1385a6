// The metric catalog: every metric of SCORING.md (id, labels, unit, direction, definition,
// import aliases, derived formula) plus user-defined metrics. Owned by a Catalog value.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"
#include "model.h"

namespace kefu::core {

enum class Unit : uint8_t { Count, Yuan, Fraction, Seconds, Hours, Points, PerMinute, Days, Ratio };
enum class Direction : uint8_t { Higher, Lower, Neutral };

const char* unitId(Unit u);
std::optional<Unit> parseUnit(std::string_view s);

struct Formula; // parsed expression over metric ids, see formula.h

struct MetricDef {
    std::string id;
    std::string zh, en;
    Unit unit = Unit::Count;
    Direction direction = Direction::Higher;
    std::string definitionZh, definitionEn;
    std::vector<std::string> aliases;   // import header aliases (zh label included)
    std::string formula;                // e.g. "paid_customers / inquiries"; empty = input metric
    std::shared_ptr<const Formula> compiled;
    bool builtin = true;
    // Metrics that combine across accounts by summing (counts, money); rates recompute.
    bool additive() const { return unit == Unit::Count || unit == Unit::Yuan || unit == Unit::Days; }
};

class Catalog {
public:
    // The built-in catalog of SCORING.md.
    static const Catalog& builtin();
    const MetricDef* find(std::string_view id) const;
    // Finds by id, Chinese label or alias (header normalisation: full-width brackets, spaces).
    const MetricDef* findByHeader(std::string_view header) const;
    const std::vector<MetricDef>& all() const { return m_defs; }
    // Adds a user metric; error when the id exists or the formula does not parse / names unknown metrics.
    Expected<bool> addCustom(MetricDef def);

private:
    std::vector<MetricDef> m_defs;
};

// Normalises a header for alias matching: trims, maps full-width brackets and spaces, drops spaces.
std::string normalizeHeader(std::string_view header);

struct DerivationWarning {
    size_t row;
    std::string metric;
    double given, computed;
};

// Computes derived metrics where inputs exist and the value is not given; a given value that
// differs from the computed one at its own precision is kept and reported.
std::vector<DerivationWarning> deriveMetrics(const Catalog& catalog, MetricTable& table);

} // namespace kefu::core
