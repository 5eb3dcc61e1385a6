// kefu stability / kefu whatif: the analyses of core/stability.h and core/whatif.h over the
// inputs of `kefu score`, as JSON on stdout or in -o (written only when complete).
#include <charconv>
#include <iostream>

#include "cli.h"
#include "stability.h"
#include "whatif.h"

namespace kefu::cli {

using namespace core;

namespace {
const std::vector<std::string> kInputOptions = {"--metrics", "--scheme", "--events", "--history", "--roster",
                                                "--period",  "--lang",   "--set",    "--sheet",   "-o"};

std::vector<std::string> withOptions(std::vector<std::string> extra) {
    std::vector<std::string> all = kInputOptions;
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
}

Expected<double> parseNumberOption(const Args& args, const std::string& name, double def) {
    auto text = args.one(name);
    if (!text) return def;
    double v = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || ptr != end) return Error{name + " '" + *text + "' is not a number"};
    return v;
}

Expected<uint64_t> parseCountOption(const Args& args, const std::string& name, uint64_t def) {
    auto text = args.one(name);
    if (!text) return def;
    uint64_t v = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec != std::errc() || ptr != end) return Error{name + " '" + *text + "' is not a whole number"};
    return v;
}

Expected<StabilityOptions> stabilityOptions(const Args& args) {
    StabilityOptions o;
    auto samples = parseCountOption(args, "--samples", 1000);
    if (!samples) return Error{samples.error()};
    if (*samples < 1 || *samples > 1000000) return Error{"--samples must be between 1 and 1000000"};
    o.samples = int(*samples);
    auto seed = parseCountOption(args, "--seed", 1);
    if (!seed) return Error{seed.error()};
    o.seed = *seed;
    auto delta = parseNumberOption(args, "--delta", 0.10);
    if (!delta) return Error{delta.error()};
    if (!(*delta >= 0 && *delta < 1)) return Error{"--delta must be at least 0 and below 1"};
    o.delta = *delta;
    return o;
}

int emit(const Args& args, const Json& j) { return writeOutput(args, writeJson(j, 2) + "\n"); }
} // namespace

int cmdStability(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2, withOptions({"--samples", "--seed", "--delta"}), {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    auto options = stabilityOptions(*args);
    if (!options) return fail(options.error());
    auto run = runScore(*args);
    if (!run) return fail(run.error());
    printWarnings(*run, *lang);
    auto report = analyseStability(run->input, run->scheme, run->history, run->catalog, *options);
    if (!report) return fail(report.error());
    return emit(*args, stabilityToJson(*report));
}

int cmdWhatIf(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2, kInputOptions, {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    const std::vector<std::string> changes = args->all("--set");
    if (changes.empty()) return fail("--set RULE.PARAM=VALUE is required (one or more)");
    Args baseArgs = *args; // the baseline: the scheme as given, without the changes
    baseArgs.options.erase("--set");
    auto run = runScore(baseArgs);
    if (!run) return fail(run.error());
    printWarnings(*run, *lang);
    auto report = runWhatIf(run->input, run->scheme, run->history, run->catalog, changes);
    if (!report) return fail(report.error());
    return emit(*args, whatIfToJson(*report));
}

} // namespace kefu::cli
