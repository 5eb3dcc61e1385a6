// kefu payslip: the same inputs as `kefu score`, the month's pay slips (工资条) as printable HTML.
#include <iostream>

#include "cli.h"
#include "payslip.h"

namespace kefu::cli {

using namespace core;

int cmdPayslip(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2,
                          {"--metrics", "--scheme", "--events", "--history", "--roster", "--period", "--lang", "--set",
                           "--sheet", "--agent", "--shop", "-o"},
                          {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    auto run = runScore(*args);
    if (!run) return fail(run.error());
    for (const auto& w : run->warnings) std::cerr << "kefu: warning: " << w << "\n";
    for (const auto& w : run->results.warnings) std::cerr << "kefu: warning: " << w.format(*lang) << "\n";
    auto html = paySlipsHtml({.shopName = args->one("--shop").value_or(""),
                              .month = run->input.period ? formatMonth(*run->input.period) : "",
                              .lang = *lang,
                              .results = &run->results,
                              .agents = &run->input.agents,
                              .agent = args->one("--agent").value_or("")});
    if (!html) return fail(html.error());
    if (auto o = args->one("-o")) {
        auto ok = writeFile(*o, *html);
        if (!ok) return fail(ok.error());
    } else {
        std::cout << *html;
    }
    return 0;
}

} // namespace kefu::cli
