// kefu payslip: the same inputs as `kefu score`, the month's pay slips (工资条) as printable HTML.
#include "cli.h"
#include "payslip.h"

namespace kefu::cli {

using namespace core;

int cmdPayslip(int argc, char** argv) {
    return runDocumentCommand(argc, argv, {"--agent"}, [](const Args& args, const ScoreRun& run, Lang lang) {
        return paySlipsHtml({.shopName = args.one("--shop").value_or(""),
                             .month = run.input.period ? formatMonth(*run.input.period) : "",
                             .lang = lang,
                             .results = &run.results,
                             .agents = &run.input.agents,
                             .agent = args.one("--agent").value_or("")});
    });
}

} // namespace kefu::cli
