// Wilson 95% intervals of rates where the page shows them: the data grid's cell tooltip and the
// scorecard's list of the agent's rates (with the scheme's low-confidence verdicts).
#pragma once
#include <string>

#include "app_state.h"

namespace kefu::web::ui {

// "95% 区间 23.7% – 76.3%（询单人数 10）" for a rate cell with its volume; empty otherwise.
std::string rateIntervalText(const core::MetricTable& table, size_t row, const std::string& metric);
// The tooltip of a hovered data-grid cell (id `<id>.tip`), when the cell is a rate with a volume.
void rateCellTooltip(const std::string& id, const core::MetricTable& table, size_t row, const std::string& metric);
// The scorecard section: each rate of the agent with its interval, low-confidence ones marked
// and explained (ids scorecard.rate<N>...).
void drawAgentRates(const core::AppState& s, const core::AgentResult& a);

} // namespace kefu::web::ui
