// kefu report: the same inputs as `kefu score`, the month's report (月度考核报告) as one printable
// HTML document: summary, rankings, warnings and flags, charts, then every pay slip.
#include "cli.h"
#include "report.h"

namespace kefu::cli {

using namespace core;

int cmdReport(int argc, char** argv) {
    return runDocumentCommand(argc, argv, {}, [](const Args& args, const ScoreRun& run, Lang lang) {
        return monthlyReportHtml({.shopName = args.one("--shop").value_or(""),
                                  .month = run.input.period ? formatMonth(*run.input.period) : "",
                                  .lang = lang,
                                  .results = &run.results,
                                  .agents = &run.input.agents,
                                  .schemeName = lang == Lang::Zh ? run.scheme.nameZh : run.scheme.nameEn});
    });
}

} // namespace kefu::cli
