#include "metrics.h"

#include <cmath>
#include <cstdio>

#include "explain.h"
#include "formula.h"

namespace kefu::core {

namespace {
const Msg kIdEmpty{"指标编号是空的", "metric id is empty"};
const Msg kIdChars{"指标编号“{0}”只能包含字母、数字和 _", "metric id '{0}' may hold only letters, digits and _"};
const Msg kExists{"指标“{0}”已经存在", "metric '{0}' exists already"};
const Msg kFormula{"“{0}”的公式：{1}", "formula of '{0}': {1}"};
const Msg kFormulaUnknown{"“{0}”的公式用到了不存在的指标“{1}”", "formula of '{0}' names unknown metric '{1}'"};
const Msg kFormulaSelf{"“{0}”的公式引用了它自己", "formula of '{0}' refers to itself"};

Error fail(const Msg& msg, const std::vector<std::string>& args = {}) { return errorOf(fillMsg(msg, args)); }
} // namespace

const char* unitId(Unit u) {
    switch (u) {
    case Unit::Count: return "count";
    case Unit::Yuan: return "yuan";
    case Unit::Fraction: return "fraction";
    case Unit::Seconds: return "seconds";
    case Unit::Hours: return "hours";
    case Unit::Points: return "points";
    case Unit::PerMinute: return "per_minute";
    case Unit::Days: return "days";
    case Unit::Ratio: return "ratio";
    }
    return "count";
}

std::optional<Unit> parseUnit(std::string_view s) {
    for (int i = 0; i <= int(Unit::Ratio); ++i)
        if (s == unitId(Unit(i))) return Unit(i);
    return std::nullopt;
}

std::string normalizeHeader(std::string_view h) {
    std::string out;
    for (size_t i = 0; i < h.size();) {
        // Full-width （ ） and the ideographic space map to ASCII; spaces vanish.
        if (h.substr(i, 3) == "\xEF\xBC\x88") { out += '('; i += 3; continue; }
        if (h.substr(i, 3) == "\xEF\xBC\x89") { out += ')'; i += 3; continue; }
        if (h.substr(i, 3) == "\xE3\x80\x80") { i += 3; continue; }
        if (h.substr(i, 3) == "\xEF\xBB\xBF") { i += 3; continue; }
        char c = h[i++];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"') continue;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

const MetricDef* Catalog::find(std::string_view id) const {
    for (const auto& d : m_defs)
        if (d.id == id) return &d;
    return nullptr;
}

const MetricDef* Catalog::findByHeader(std::string_view header) const {
    std::string h = normalizeHeader(header);
    if (const MetricDef* d = find(h)) return d;
    for (const auto& d : m_defs) {
        if (normalizeHeader(d.zh) == h || normalizeHeader(d.en) == h) return &d;
        for (const auto& a : d.aliases)
            if (normalizeHeader(a) == h) return &d;
    }
    return nullptr;
}

Expected<bool> Catalog::addCustom(MetricDef def) {
    if (def.id.empty()) return fail(kIdEmpty);
    for (char c : def.id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return fail(kIdChars, {def.id});
    if (find(def.id)) return fail(kExists, {def.id});
    if (!def.formula.empty()) {
        auto f = parseFormula(def.formula);
        if (!f) {
            const Text2 why = errorText(f.failure());
            return errorOf({fillMsg(kFormula, {def.id, why.zh}).zh, fillMsg(kFormula, {def.id, why.en}).en});
        }
        for (const auto& in : f->inputs())
            if (in != def.id && !find(in)) return fail(kFormulaUnknown, {def.id, in});
            else if (in == def.id) return fail(kFormulaSelf, {def.id});
        def.compiled = std::make_shared<Formula>(std::move(*f));
    }
    def.builtin = false;
    m_defs.push_back(std::move(def));
    return true;
}

namespace {
// Decimal places a given value was written with (up to 6), to compare at its precision.
int decimalsOf(double v) {
    for (int d = 0; d < 6; ++d) {
        double scaled = v * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
    }
    return 6;
}
} // namespace

std::vector<DerivationWarning> deriveMetrics(const Catalog& catalog, MetricTable& table) {
    std::vector<DerivationWarning> warnings;
    // Catalog order puts inputs before the metrics derived from them (user metrics come last
    // and may use derived ones), so a single pass suffices.
    for (const auto& def : catalog.all()) {
        if (!def.compiled) continue;
        const auto inputs = def.compiled->inputs();
        bool anyInput = false;
        for (const auto& in : inputs) anyInput = anyInput || table.column(in) >= 0;
        if (!anyInput) continue;
        int col = table.addColumn(def.id);
        std::vector<int> inCols;
        for (const auto& in : inputs) inCols.push_back(table.column(in));
        for (size_t r = 0; r < table.rows(); ++r) {
            auto computed = def.compiled->eval([&](const std::string& m) { return table.get(r, m); });
            auto given = table.get(r, col);
            if (!given) {
                if (computed) table.set(r, col, *computed);
                continue;
            }
            if (!computed) continue;
            int dec = decimalsOf(*given);
            double scale = std::pow(10.0, dec);
            if (std::fabs(std::round(*computed * scale) / scale - *given) > 0.5 / scale + 1e-9)
                warnings.push_back({r, def.id, *given, round6(*computed)});
        }
    }
    return warnings;
}

} // namespace kefu::core
