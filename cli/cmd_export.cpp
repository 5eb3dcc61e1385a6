// kefu export: the same inputs as `kefu score`; the month's results, payroll sheet or metrics grid
// as a spreadsheet file (CSV that Excel and WPS open as UTF-8, or XLSX).
#include "cli.h"
#include "export.h"

namespace kefu::cli {

using namespace core;

namespace {
bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// --format, else the extension of -o (so `-o pay.xlsx` does not get CSV bytes), else csv.
std::string exportFormat(const Args& args) {
    if (auto f = args.one("--format")) return *f;
    auto out = args.one("-o");
    return out && (endsWith(*out, ".xlsx") || endsWith(*out, ".XLSX")) ? "xlsx" : "csv";
}

Expected<std::string> exportFile(const Args& args, const ScoreRun& run, Lang lang) {
    const std::string what = args.one("--what").value_or("results");
    const std::string format = exportFormat(args);
    if (format != "csv" && format != "xlsx") return Error{"--format must be csv or xlsx"};
    if (format == "xlsx" && !args.has("-o")) return Error{"--format xlsx needs -o FILE (an XLSX file is binary)"};
    Table table;
    if (what == "results") table = resultsTable(run.results, lang);
    else if (what == "payroll") table = payrollTable(run.results, lang);
    else if (what == "metrics") table = metricsTable(run.input, run.catalog, lang);
    else return Error{"--what must be results, payroll or metrics"};
    if (format == "xlsx") return writeXlsx(table);
    return writeCsv(table);
}
} // namespace

int cmdExport(int argc, char** argv) { return runDocumentCommand(argc, argv, {"--what", "--format"}, exportFile); }

} // namespace kefu::cli
