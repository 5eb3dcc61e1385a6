// The 报表 menu's requests (ui::MenuBar::printReport, exportWhat/exportFormat) carried out for the
// selected month: the monthly report to the print dialog (platform::printHtml), a table as an XLSX
// or CSV download (storage::download). The app calls it once a frame after the panels are drawn.
#pragma once
#include "app_state.h"
#include "ui/panels.h"

namespace kefu::web {

// Carries out and clears the menu's requests. A failure (none is expected: the items need a month
// with results) is written to stderr, the browser's console.
void runReportRequests(ui::MenuBar& m, const core::AppState& s);

} // namespace kefu::web
