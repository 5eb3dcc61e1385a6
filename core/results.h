// What an evaluation produces: per agent scores, ranks, money lines (exact fen), flags and an
// explanation for every number; per group flags; the department fund. Owned by the caller.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "explain.h"
#include "json.h"
#include "keyed_values.h"
#include "model.h"

namespace kefu::core {

enum class MoneyKind : uint8_t { Bonus, Bounty, Commission, Award, Attendance, Base, GuaranteeTopup, Fine };
const char* moneyKindId(MoneyKind k);
std::optional<MoneyKind> parseMoneyKind(std::string_view s);

struct MoneyLine {
    IStr rule;
    MoneyKind kind;
    int64_t amountFen;
    Why why;
};

// Interned ids (IStr) keep a line small and free of allocations: about 40 per agent.
struct BreakdownLine {
    IStr rule;
    IStr metric;                  // may be empty (e.g. an event-based line)
    std::optional<double> value;  // the input value
    std::optional<double> points; // what it contributed
    Why why;
};

// A rate below the scheme's minimum volume (core/small_sample.h): what was given, what the rules
// used (none when excluded), the Wilson 95% interval of the given value and the explanation.
struct LowConfidence {
    IStr metric;
    double value = 0;
    std::optional<double> volume;
    double minVolume = 0;
    IStr policy; // keep / exclude / shrink
    std::optional<double> used;
    double lo = 0, hi = 1;
    Why why;
};

struct AgentResult {
    std::string agent; // name
    std::string id;
    std::string group;
    Status status = Status::Regular;
    std::optional<double> score;
    std::optional<int> rank;
    KeyedValues<double> scores; // "<rule id>" or "<rule id>.<part>", in key order like a std::map
    KeyedValues<int> ranks;
    std::optional<std::string> stage;
    std::vector<MoneyLine> money;
    std::vector<std::string> flags; // unique, in the order raised
    std::vector<BreakdownLine> breakdown;
    std::vector<LowConfidence> lowConfidence; // only with a scheme's small_sample rules

    int64_t totalFen() const;
    bool hasFlag(std::string_view f) const;
    void addFlag(std::string f);
};

struct GroupResult {
    std::string group;
    std::vector<std::string> flags;
    std::optional<int64_t> activityFundFen;
    std::vector<Why> why; // explanations of the group's flags and fund
    void addFlag(std::string f);
};

struct Results {
    std::string period;
    std::string scheme;
    std::vector<Why> warnings;
    std::vector<AgentResult> agents; // input order
    std::vector<GroupResult> groups; // first-appearance order
    int64_t fundTotalFen = 0;
    GroupResult& group(const std::string& name);
};

// The JSON of the CLI contract (SCORING.md "JSON result").
Json resultsToJson(const Results& r, Lang lang);

} // namespace kefu::core
