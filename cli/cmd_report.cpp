// kefu report: the same inputs as `kefu score`, the month's report (月度考核报告) as one printable
// HTML document: summary, rankings, warnings and flags, charts, coaching cards, then every pay slip.
#include <iostream>

#include "cli.h"
#include "report.h"

namespace kefu::cli {

using namespace core;

namespace {
// --history-metrics: the metrics files of the --history months, in the same order, for the trends
// (and, with --history-events, the month before for the coaching cards).
Expected<std::vector<PeriodInput>> earlierMonths(const Args& args, const ScoreRun& run, Lang lang) {
    const auto& files = args.all("--history-metrics");
    if (files.empty()) return std::vector<PeriodInput>{};
    if (files.size() != run.history.size())
        return Error{"give one --history-metrics file per --history file, in the same order",
                     "每个 --history 文件需要一个 --history-metrics 文件，顺序相同"};
    std::vector<PeriodInput> out;
    for (size_t i = 0; i < files.size(); ++i) {
        std::vector<std::string> warnings;
        auto input = loadMetricsArg(files[i], nullptr, warnings, lang, run.catalog);
        if (!input) return input.failure();
        for (const auto& w : warnings) std::cerr << "kefu: warning: " << w << "\n";
        input->period = run.history[i].period;
        out.push_back(std::move(*input));
    }
    return out;
}

// The month before, scored as the page scores it (its metrics, its events from --history-events,
// the months before it as history), for the coaching cards' month-over-month deltas.
Expected<std::optional<ScoreRun>> previousMonth(const Args& args, const ScoreRun& run) {
    const auto& metrics = args.all("--history-metrics");
    const auto& events = args.all("--history-events");
    if (metrics.empty() || run.history.empty() || !run.history.back().period) return std::optional<ScoreRun>{};
    if (!events.empty() && events.size() != metrics.size())
        return Error{"give one --history-events file per --history file, in the same order",
                     "每个 --history 文件需要一个 --history-events 文件，顺序相同"};
    Args last = args;
    last.options["--metrics"] = {metrics.back()};
    last.options.erase("--events");
    if (!events.empty()) last.options["--events"] = {events.back()};
    std::vector<std::string> history = args.all("--history");
    history.pop_back();
    if (history.empty()) last.options.erase("--history");
    else last.options["--history"] = history;
    last.options["--period"] = {formatMonth(*run.history.back().period)};
    auto r = runScore(last);
    if (!r) return Error{"the month before: " + r.error()};
    return std::optional<ScoreRun>{std::move(*r)};
}
} // namespace

int cmdReport(int argc, char** argv) {
    return runDocumentCommand(argc, argv, {"--history-metrics", "--history-events"}, [](const Args& args, const ScoreRun& run, Lang lang) -> Expected<std::string> {
        auto earlier = earlierMonths(args, run, lang);
        if (!earlier) return earlier.failure();
        auto previous = previousMonth(args, run);
        if (!previous) return previous.failure();
        const ChartSource charts = chartSource(run.input, run.results, run.scheme, *earlier);
        CoachingRequest coaching;
        coaching.input = &run.input, coaching.results = &run.results, coaching.scheme = &run.scheme;
        coaching.catalog = &run.catalog;
        if (*previous) coaching.previousInput = &(*previous)->input, coaching.previousResults = &(*previous)->results;
        const auto cards = coachingCards(coaching);
        return monthlyReportHtml({.shopName = args.one("--shop").value_or(""),
                                  .month = run.input.period ? formatMonth(*run.input.period) : "",
                                  .lang = lang,
                                  .results = &run.results,
                                  .agents = &run.input.agents,
                                  .schemeName = lang == Lang::Zh ? run.scheme.nameZh : run.scheme.nameEn,
                                  .coaching = &cards,
                                  .charts = &charts});
    });
}

} // namespace kefu::cli
