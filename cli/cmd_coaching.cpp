// kefu coaching: one agent's coaching card (core/coaching.h) over the inputs of `kefu score`, with
// last month's metrics from --previous (scored with the same scheme) for the month-over-month
// changes; JSON on stdout or in -o (written only when complete).
#include "cli.h"
#include "coaching.h"

namespace kefu::cli {

using namespace core;

int cmdCoaching(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2,
                          {"--metrics", "--scheme", "--events", "--history", "--roster", "--period", "--lang", "--set",
                           "--sheet", "--agent", "--previous", "--previous-events", "--previous-period", "-o"},
                          {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    auto agent = args->one("--agent");
    if (!agent || agent->empty()) return fail("--agent NAME is required");
    auto run = runScore(*args);
    if (!run) return fail(run.error());
    std::optional<ScoreRun> previous;
    if (auto file = args->one("--previous")) {
        Args last = *args; // the same scheme and roster over last month's files
        last.options["--metrics"] = {*file};
        last.options.erase("--events");
        last.options.erase("--history");
        last.options.erase("--period");
        if (auto events = args->one("--previous-events")) last.options["--events"] = {*events};
        if (auto period = args->one("--previous-period")) last.options["--period"] = {*period};
        auto r = runScore(last);
        if (!r) return fail("--previous: " + r.error());
        previous = std::move(*r);
    }
    auto card = coachingCard({.input = &run->input,
                              .results = &run->results,
                              .scheme = &run->scheme,
                              .catalog = &run->catalog,
                              .previousInput = previous ? &previous->input : nullptr,
                              .previousResults = previous ? &previous->results : nullptr,
                              .agent = *agent});
    if (!card) return fail(card.error());
    printWarnings(*run, *lang);
    return writeOutput(*args, writeJson(coachingToJson(*card, *lang), 2) + "\n");
}

} // namespace kefu::cli
