// Building and updating a Shop from imported inputs (a metrics table and events), as the CLI's
// `kefu snapshot create` and the app's import do; and reading a shop's closed periods as history.
#pragma once
#include <string>

#include "expected.h"
#include "rules/rule.h"
#include "shop.h"

namespace kefu::core {

struct ImportContext {
    std::string author;
    int64_t now = 0;       // unix ms
    uint64_t seed = 0;     // for new record ids
    std::string fileName;  // provenance
};

// Adds (or updates by name) the agents of `input`, and stores its metric values and events as
// the period `input.period` (required). Returns the number of cells written.
Expected<size_t> importPeriod(Shop& shop, const PeriodInput& input, const ImportContext& ctx);

// Closed periods' frozen results, oldest first, as evaluate() reads history.
Expected<History> shopHistory(const Shop& shop);

} // namespace kefu::core
