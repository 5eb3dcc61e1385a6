// What a scheme being edited would cost the shop in the selected month, before it is saved: the
// payroll total (base pay + bonuses + ... - fines, core/payroll.h) under the edited scheme against
// the month's current results, and the edited evaluation's warnings (a bonus pool the caps cannot
// spend, for one). Pure; the caller owns the state and the scheme.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"
#include "payroll.h"

namespace kefu::core {

struct SchemeCostPreview {
    Month month;
    Payroll current, edited;
    std::vector<Why> warnings; // of the edited scheme's evaluation
    int64_t changeFen() const { return edited.totals.totalFen - current.totals.totalFen; }
};

// nullopt when no month is selected, the month is closed (its results stay as they were) or it
// has no results yet. Earlier months' results are the history, as recompute() uses them.
std::optional<SchemeCostPreview> previewSchemeCost(const AppState& state, const Scheme& edited);

} // namespace kefu::core
