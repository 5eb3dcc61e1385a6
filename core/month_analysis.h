// What the analyses of one month in the app (what-if, rank stability, gap cards) start from: the
// month's inputs as recompute() scores them (derived metrics), the earlier months' results as
// history, the shop's active scheme and the catalog it sees. Built from a const AppState; the
// caller owns the copy.
#pragma once
#include "app_state.h"
#include "evaluate.h"
#include "expected.h"

namespace kefu::core {

struct MonthAnalysis {
    int period = -1;  // index into AppState::periods
    PeriodInput input;
    History history;  // the months before it that have results, oldest first
    Scheme scheme;    // the active scheme (validated)
    Catalog catalog;  // built-in metrics plus the scheme's own
};

// Errors: no such month, a month without any value yet, or an active scheme that does not load.
Expected<MonthAnalysis> monthAnalysis(const AppState& state, int period);

} // namespace kefu::core
