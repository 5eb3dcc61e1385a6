// Schemes: an ordered list of rule instances (type, scope, params as JSON) loaded from the
// scheme files of SCORING.md; presets are such files. Validation lists every problem at once.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "expected.h"
#include "explain.h"
#include "json.h"
#include "metrics.h"
#include "model.h"
#include "small_sample.h"

namespace kefu::core {

struct Scope {
    std::vector<std::string> groups; // empty = all groups; "售前*" matches by prefix
    std::vector<Status> statuses;    // empty = the rule type's default statuses
    bool matchesGroup(const std::string& group) const;
};

struct RuleInstance {
    std::string id;   // "r1"
    std::string type; // "rank_points"
    Scope scope;
    bool scopeStatusesGiven = false;
    bool primary = false;
    bool enabled = true;
    Json params = Json::object();
};

struct MetricDef;

// A metric the scheme adds to the catalog (handbooks measure things no fixed list foresees:
// 转接率, 政策掌握度, 质检得分 ...): {"id","zh","en","unit","direction","definition":{zh,en},"formula"}.
struct CustomMetric {
    std::string id, zh, en, unit = "count", direction = "higher", definitionZh, definitionEn, formula;
};

struct Scheme {
    std::string id;
    std::string nameZh, nameEn;
    std::string descriptionZh, descriptionEn;
    std::vector<CustomMetric> metrics;
    std::vector<RuleInstance> rules;
    std::vector<SampleRule> smallSample; // "small_sample": minimum volumes of rates (small_sample.h)
};

// A problem found in a scheme file: where (line/column in the file, 0 when unknown) and what, in
// English (`message`) and Chinese (`zh`, empty when there is only English).
struct Problem {
    uint32_t line = 0, column = 0;
    std::string path;    // "rules[0].params.weights"
    std::string message;
    std::string zh;
    std::string text() const; // "line 12, column 5: rules[0].params.weights: weights sum to 0.9, not 1"
    Text2 text2() const;      // text() and "第 12 行第 5 列：rules[0].params.weights：权重之和为 0.9，应为 1"
};

// Collects problems with a JSON path prefix.
class Problems {
public:
    void add(const Json* at, std::string path, const Msg& msg, const std::vector<std::string>& args = {});
    void add(const Json* at, std::string path, const Text2& message);
    void add(const Json* at, std::string path, std::string message); // English only
    const std::vector<Problem>& list() const { return m_list; }
    bool empty() const { return m_list.empty(); }
    std::string joined() const; // one per line
    Error asError() const;      // joined() in both languages

private:
    std::vector<Problem> m_list;
};

// Parses scheme JSON text. Syntax errors come back as one problem with line and column;
// structural and per-rule problems are all listed. The catalog decides which metric ids exist.
Expected<Scheme> parseScheme(std::string_view text, const Catalog& catalog, Problems& problems);
// Validates an in-memory scheme (after edits) with the same checks.
void validateScheme(const Scheme& scheme, const Catalog& catalog, Problems& problems);
Json schemeToJson(const Scheme& scheme);

// The catalog a scheme's rules see: `base` plus the scheme's own metrics.
Expected<Catalog> schemeCatalog(const Scheme& scheme, const Catalog& base);
// Event kinds that a scheme's rules define besides the fixed ones (custom fines, additions ...).
std::vector<std::string> schemeEventKinds(const Scheme& scheme);

// Applies "rule.path=value" (e.g. "r1.weights.sales_amount=0.4") to a scheme's params. A key
// inside a list is the element's index from 0 ("r1.targets.0.all.1.value=0.5"); a missing object
// key is added, a list index must exist.
Expected<bool> setSchemeParam(Scheme& scheme, std::string_view assignment);
// The same walk on any params JSON: `path` without the rule id ("weights.sales_amount").
Expected<bool> setParamPath(Json& params, std::string_view path, Json value);

} // namespace kefu::core
