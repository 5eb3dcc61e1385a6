// The printable monthly report (月度考核报告): a month's results as one self-contained HTML
// document (inline CSS and SVG, A4, print-ready) that the app opens in a new tab to print or save
// as PDF: the team summary, each group's ranking, the warnings and flags, charts, then every
// agent's pay slip on its own page. The caller owns the inputs.
#pragma once
#include <string>
#include <vector>

#include "charts.h"
#include "coaching.h"
#include "expected.h"
#include "explain.h"
#include "model.h"
#include "results.h"

namespace kefu::core {

struct ReportRequest {
    std::string shopName;
    std::string month; // YYYY-MM; empty: the results' period
    Lang lang = Lang::Zh;
    const Results* results = nullptr;           // required
    const std::vector<Agent>* agents = nullptr; // optional: the month's agents, for the levels on the slips
    std::string schemeName;                     // optional: shown instead of the results' scheme id
    const std::vector<CoachingCard>* coaching = nullptr; // optional: a coaching card per agent, after the charts
    const ChartSource* charts = nullptr; // optional: the months for the analysis charts (charts.h)
};

// The document, or an error when the results are missing.
Expected<std::string> monthlyReportHtml(const ReportRequest& request);

} // namespace kefu::core
