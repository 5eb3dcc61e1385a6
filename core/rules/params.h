// Reads a rule instance's params (JSON) into a typed struct with defaults. The same read serves
// validation (problems collected, with paths and source lines) and evaluation (problems == nullptr).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../json.h"
#include "../metrics.h"
#include "../scheme.h"

namespace kefu::core {

// One comparison of a metric with a threshold ("conversion_rate >= 0.45"), as the target and
// stage rules write them: {"metric": "...", "op": ">=" | "<=" | ">" | "<", "value": number}.
enum class CompareOp : uint8_t { Ge, Le, Gt, Lt };
struct Condition {
    std::string metric;
    CompareOp op = CompareOp::Ge;
    double value = 0;
    // Both sides rounded to 6 decimals before comparing.
    bool holds(double v) const;
};
const char* compareOpSymbol(CompareOp op); // "≥", "≤", ">", "<" for explanations

class ParamReader {
public:
    // `params` may be null or any JSON; a non-object is a problem.
    ParamReader(const Json* params, const Catalog* catalog, Problems* problems, std::string path);

    bool has(std::string_view key) const;
    const Json* raw(std::string_view key); // marks the key as known

    double number(std::string_view key, double def);
    // A number that must be >= 0 ("a negative amount").
    double amount(std::string_view key, double def);
    int integer(std::string_view key, int def);
    bool boolean(std::string_view key, bool def);
    std::string string(std::string_view key, const std::string& def);
    // One of `choices`; a problem otherwise.
    std::string choice(std::string_view key, const std::string& def, const std::vector<std::string>& choices);
    // A metric id known to the catalog.
    std::string metric(std::string_view key, const std::string& def);
    std::vector<std::string> strings(std::string_view key, const std::vector<std::string>& def);
    // A list of conditions; each needs a known metric, one of the four ops and a number value.
    // Invalid entries are problems and are left out of the result.
    std::vector<Condition> conditions(std::string_view key);

    // A nested object reader ("weights", "targets" ...); absent = empty object.
    ParamReader object(std::string_view key);
    // Elements of an array of objects; absent = empty.
    std::vector<ParamReader> objects(std::string_view key);
    // Keys of this object (for maps keyed by metric id, like weights).
    std::vector<std::string> keys() const;
    bool present() const { return m_json != nullptr; }

    // Reports keys that no read asked for (typos in a hand-written scheme).
    void finish();
    // Records a problem at this object (or at `key` inside it), in both languages.
    void problem(std::string_view key, const Msg& msg, const std::vector<std::string>& args = {});
    void problem(std::string_view key, std::string message); // English only
    bool checkMetricId(const std::string& id, std::string_view key);

    const std::string& path() const { return m_path; }
    const Catalog* catalog() const { return m_catalog; }
    Problems* problems() const { return m_problems; }

private:
    const Json* find(std::string_view key);
    std::string sub(std::string_view key) const;
    const Json* m_json;
    const Catalog* m_catalog;
    Problems* m_problems;
    std::string m_path;
    std::vector<std::string> m_known;
};

} // namespace kefu::core
