// kefu gaps: the gap cards of core/gaps.h for one agent over the inputs of `kefu score`, as JSON on
// stdout or in -o (written only when complete).
#include <iostream>

#include "cli.h"
#include "gaps.h"

namespace kefu::cli {

using namespace core;

int cmdGaps(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2,
                          {"--metrics", "--scheme", "--events", "--history", "--roster", "--period", "--lang", "--set",
                           "--sheet", "--agent", "-o"},
                          {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    auto agent = args->one("--agent");
    if (!agent || agent->empty()) return fail("--agent NAME is required");
    auto run = runScore(*args);
    if (!run) return fail(run.error());
    auto report = computeGaps(run->input, run->scheme, run->results, run->catalog, *agent);
    if (!report) return fail(report.error());
    printWarnings(*run, *lang);
    return writeOutput(*args, writeJson(gapsToJson(*report, *lang), 2) + "\n");
}

} // namespace kefu::cli
