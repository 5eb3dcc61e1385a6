// Merging two managers' copies of one shop: records matched by stable ids; a record changed on
// one side only (its revision descends from the other's) merges by itself; changed on both
// sides is a conflict shown side by side; a closed period never changes without confirmation.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "expected.h"
#include "json.h"
#include "shop.h"

namespace kefu::core {

enum class Prefer : uint8_t { None, A, B };

struct MergeConflict {
    std::string id;    // stable within one pair of shops: what a choice refers to
    std::string kind;  // agent, cell, event, period, scheme, metric, profile, closed_period
    std::string key;   // readable: "2024-03 / 张三 / sales_amount"
    Json a, b;         // the two versions
    Stamp stampA, stampB;
    bool resolved = false; // by --prefer
};

struct MergeReport {
    Shop merged;
    std::vector<MergeConflict> conflicts;
    int takenFromA = 0, takenFromB = 0; // records that differed and were taken without conflict
    size_t unresolved() const;
};

// Chosen sides of single conflicts (by MergeConflict::id); they override `prefer`.
using MergeChoices = std::map<std::string, Prefer>;

// Different shop ids are refused. With Prefer::None, conflicting records keep A's version and
// stay unresolved; with A or B, that side wins and the conflict is marked resolved. A conflict
// with an entry in `choices` takes that side and is resolved.
Expected<MergeReport> mergeShops(const Shop& a, const Shop& b, Prefer prefer, int64_t now, const std::string& author,
                                 const MergeChoices& choices = {});

} // namespace kefu::core
