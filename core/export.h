// Export tables (results, the payroll sheet, the metrics grid) and their CSV and XLSX writers.
// A Table is plain data built from results or inputs the caller owns; the writers return the
// file's bytes and never touch the file system, so the page, the CLI and the tests share them.
#pragma once
#include <string>
#include <vector>

#include "expected.h"
#include "explain.h"
#include "metrics.h"
#include "model.h"
#include "results.h"

namespace kefu::core {

// A cell is a number or a text; "no value" is an empty text. Numbers stay numbers in every
// format (a fine of -50 is the number -50, never text), so spreadsheets can sum them.
struct Cell {
    bool isNumber = false;
    double number = 0;
    std::string text;
    static Cell num(double v) { return {true, v, {}}; }
    static Cell str(std::string s) { return {false, 0, std::move(s)}; }
};

struct Table {
    std::string name;                    // the sheet's name in an XLSX file
    std::vector<std::string> ids;        // stable column ids ("agent", "conversion_rate", "score:r1")
    std::vector<std::string> header;     // column titles in the table's language
    std::vector<std::vector<Cell>> rows; // each as long as the header
};

// One row per agent: agent, group, status, score, rank, every rule's score, money total (yuan), flags.
Table resultsTable(const Results& results, Lang lang);
// The payroll sheet (payroll.h): per agent the money by kind in the sheet's order and the total,
// in yuan, then a totals row.
Table payrollTable(const Results& results, Lang lang);
// The metrics grid: agent columns that carry something (id, group, status when someone is on
// probation, dates, level), then each metric of the input that has a value, rounded to 6
// decimals (rates as fractions, times in seconds). Headers are the metric labels in `lang`,
// which the metrics loader reads back.
Table metricsTable(const PeriodInput& input, const Catalog& catalog, Lang lang);
// The canonical metrics CSV's table (SCORING.md): the same grid with ids as headers and status
// ids. A rate column with a value above 1 would be read back as percent numbers, so it is left
// out with a warning (as `kefu metrics` does); its counts, when given, still let it be derived.
Table canonicalMetricsTable(const PeriodInput& input, const Catalog& catalog, std::vector<Text2>& warnings);

// Excel: UTF-8 with BOM, CRLF, and text cells that a spreadsheet would run as a formula guarded
// with a leading ' (OWASP's advice for CSV injection). Canonical: UTF-8 without BOM, LF and texts
// written exactly, because `kefu score` reads names verbatim (a guarded name would no longer
// match its roster or events).
enum class CsvFlavor { Excel, Canonical };
// RFC 4180 quoting; the header row first.
std::string writeCsv(const Table& table, CsvFlavor flavor = CsvFlavor::Excel);
// Text that starts with = + - @, a tab or a CR, which Excel, WPS and LibreOffice may evaluate.
bool looksLikeFormula(std::string_view text);

// A minimal .xlsx workbook with the one sheet: stored (uncompressed) ZIP entries, texts as inline
// strings (never formulas), numbers as numbers, the header row bold and frozen.
Expected<std::string> writeXlsx(const Table& table);

} // namespace kefu::core
