// kefu: the command line over the scoring core (scoring, presets, explanations).
#include <cstring>
#include <iostream>

#include "cli.h"

namespace {
const char* kUsage =
    "kefu " KEFU_VERSION " - customer-service assessment (客服考核)\n"
    "\n"
    "usage:\n"
    "  kefu score   --metrics FILE --scheme PRESET|FILE [--events FILE] [--history FILE]...\n"
    "               [--roster FILE] [--period YYYY-MM] [--format json|csv|table] [--lang zh|en]\n"
    "               [--set RULE.PARAM=VALUE]... [--sheet NAME] [-o OUT]   (metrics: CSV or XLSX)\n"
    "  kefu explain --agent NAME (same inputs as score) [--lang zh|en]\n"
    "  kefu payslip (same inputs as score) [--agent NAME] [--shop NAME] [--lang zh|en] [-o OUT.html]\n"
    "               (pay slips 工资条 as printable HTML, one page per agent)\n"
    "  kefu report  (same inputs as score) [--shop NAME] [--lang zh|en] [-o OUT.html]\n"
    "               [--history-metrics M.csv ... [--history-events E.csv ...]]  (the --history months: trend charts, the month before)\n"
    "               (monthly report 月度考核报告: summary, rankings, flags, charts, pay slips; print to PDF)\n"
    "  kefu export  --what results|payroll|metrics (same inputs as score) [--format csv|xlsx] [--lang zh|en]\n"
    "               [-o OUT]   (a spreadsheet: CSV for Excel/WPS with BOM, or XLSX; xlsx needs -o)\n"
    "  kefu import  REPORT.csv|xlsx [--sheet NAME] [--roster FILE] [--lang zh|en] [-o metrics.csv]\n"
    "               (a platform report 千牛/京东/抖店 → the canonical metrics CSV that score reads)\n"
    "  kefu stability (same inputs as score) [--samples 1000] [--seed 1] [--delta 0.1] [-o OUT.json]\n"
    "               (rank stability: weights of weighted rules scaled by U[1-delta, 1+delta], renormalised)\n"
    "  kefu whatif  (same inputs as score) --set RULE.PARAM=VALUE... [-o OUT.json]\n"
    "               (the --set changes against the scheme as given: scores, ranks, money, shop cost;\n"
    "               RULE.PARAM is a dotted path, list elements by index: r1.targets.0.all.0.value=0.45)\n"
    "  kefu gaps    (same inputs as score) --agent NAME [--lang zh|en] [-o OUT.json]   (gap cards: what reaches each target)\n"
    "  kefu coaching (same inputs as score) --agent NAME [--previous LAST.csv [--previous-events E.csv]]\n"
    "               [--lang zh|en] [-o OUT.json]   (coaching card: strengths, weaknesses, changes, DSR advice)\n"
    "  kefu presets [--lang zh|en]\n"
    "  kefu metrics --messages M.csv [--orders O.csv] --period YYYY-MM [--settings S.json|PRESET]\n"
    "               [--columns NAME=HEADER,...] [--order-columns NAME=HEADER,...]\n"
    "               [--by-day] [--format csv|json] [-o metrics.csv]   (chat logs → metrics CSV)\n"
    "  kefu snapshot create --metrics FILE --period YYYY-MM [--events FILE] [--scheme S] [--roster FILE]\n"
    "                       [--shop-id ID] [--shop-name NAME] [--author NAME] -o OUT.kefu\n"
    "  kefu snapshot info FILE | check FILE | export-json FILE [-o OUT.json]\n"
    "  kefu snapshot merge A B -o OUT [--prefer a|b]   (exit 3: unresolved conflicts, nothing written)\n"
    "\n"
    "exit codes: 0 success, 2 bad input (nothing written)\n";
}

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << "kefu " KEFU_VERSION "\n";
        return 0;
    }
    std::string cmd = argv[1];
    if (cmd == "score") return kefu::cli::cmdScore(argc, argv);
    if (cmd == "explain") return kefu::cli::cmdExplain(argc, argv);
    if (cmd == "presets") return kefu::cli::cmdPresets(argc, argv);
    if (cmd == "snapshot") return kefu::cli::cmdSnapshot(argc, argv);
    if (cmd == "metrics") return kefu::cli::cmdMetrics(argc, argv);
    if (cmd == "payslip") return kefu::cli::cmdPayslip(argc, argv);
    if (cmd == "report") return kefu::cli::cmdReport(argc, argv);
    if (cmd == "export") return kefu::cli::cmdExport(argc, argv);
    if (cmd == "import") return kefu::cli::cmdImport(argc, argv);
    if (cmd == "stability") return kefu::cli::cmdStability(argc, argv);
    if (cmd == "whatif") return kefu::cli::cmdWhatIf(argc, argv);
    if (cmd == "gaps") return kefu::cli::cmdGaps(argc, argv);
    if (cmd == "coaching") return kefu::cli::cmdCoaching(argc, argv);
    std::cerr << "kefu: unknown command '" << cmd << "'\n\n" << kUsage;
    return 2;
}
