// 报表: the selected month's monthly report (printed) and its results, payroll or metrics table as
// a file, in the page's language, with the shop's scheme name and the month's agents.
#include "reports.h"

#include <cstdio>
#include <optional>
#include <utility>

#include "export.h"
#include "i18n.h"
#include "platform.h"
#include "report.h"
#include "scheme.h"
#include "storage.h"
#include "ui/coach_windows.h"

namespace kefu::web {

namespace {
void logFailure(const std::string& what, const std::string& error) {
    std::fprintf(stderr, "%s: %s\n", what.c_str(), error.c_str());
}

// The scheme the month was scored with, named in `lang`: a closed month's frozen scheme, else the
// active one. Empty (the report then shows the results' scheme id) when neither is known.
std::string schemeName(const core::AppState& s, const core::PeriodData& p, core::Lang lang) {
    const bool zh = lang == core::Lang::Zh;
    if (p.closed && !p.frozenScheme.empty()) {
        core::Problems problems;
        auto frozen = core::parseScheme(p.frozenScheme, core::Catalog::builtin(), problems);
        return frozen ? (zh ? frozen->nameZh : frozen->nameEn) : std::string();
    }
    return p.results.scheme == s.schemeId ? (zh ? s.schemeNameZh : s.schemeNameEn) : std::string();
}

void printReport(const core::AppState& s, const core::PeriodData& p) {
    const std::string month = core::formatMonth(p.month);
    const auto cards = ui::coachingCardsFor(s, int(&p - s.periods.data()));
    const core::ChartSource charts = core::chartSource(s); // its selected month is p
    auto html = core::monthlyReportHtml({.shopName = s.shopName,
                                         .month = month,
                                         .lang = s.language,
                                         .results = &p.results,
                                         .agents = &p.input.agents,
                                         .schemeName = schemeName(s, p, s.language),
                                         .coaching = &cards,
                                         .charts = &charts});
    if (!html) return logFailure("report.monthly " + month, html.error());
    const std::string file = platform::printHtml(trf("report.print_title", {s.shopName, month}), *html);
    if (!file.empty()) std::printf("%s\n", trf("report.printed_to", {file}).c_str()); // desktop: where it went
}

// The month's table; the metrics with the derived ones, as the 数据 grid and `kefu export` show them.
std::optional<core::Table> exportTable(const std::string& what, const core::PeriodData& p, core::Lang lang) {
    if (what == "results") return core::resultsTable(p.results, lang);
    if (what == "payroll") return core::payrollTable(p.results, lang);
    if (what != "metrics") return std::nullopt;
    core::PeriodInput input = p.input;
    core::deriveMetrics(core::Catalog::builtin(), input.metrics);
    return core::metricsTable(input, core::Catalog::builtin(), lang);
}

// "考核结果-2024-03.xlsx" / "results-2024-03.csv": CSV for Excel (UTF-8 with BOM, formulas guarded).
void offerTable(const std::string& what, const std::string& format, const core::AppState& s,
                const core::PeriodData& p) {
    const std::string name = tr("report.file_" + what) + "-" + core::formatMonth(p.month) + "." + format;
    auto table = exportTable(what, p, s.language);
    if (!table || (format != "csv" && format != "xlsx"))
        return logFailure(name, "unknown export " + what + "/" + format);
    if (format == "csv") return storage::download(name, core::writeCsv(*table));
    auto xlsx = core::writeXlsx(*table);
    if (!xlsx) return logFailure(name, xlsx.error());
    storage::download(name, *xlsx);
}
} // namespace

void runReportRequests(ui::MenuBar& m, const core::AppState& s) {
    const bool print = std::exchange(m.printReport, false);
    const std::string what = std::exchange(m.exportWhat, ""), format = std::exchange(m.exportFormat, "");
    if (!core::selectedResults(s)) return; // the items are disabled without a month
    const core::PeriodData& p = s.periods[size_t(s.selectedPeriod)];
    if (print) printReport(s, p);
    if (!what.empty()) offerTable(what, format, s, p);
}

} // namespace kefu::web
