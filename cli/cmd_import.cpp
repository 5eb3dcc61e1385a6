// kefu import: a platform report (千牛/京东/抖店 export, CSV or XLSX) → the canonical metrics CSV
// of SCORING.md, through the same loader as `kefu score` (aliases, summary rows, percent and
// duration cells, accounts combined by the roster), so scoring the written file gives the same
// result as scoring the report.
#include <iostream>

#include "cli.h"
#include "export.h"
#include "input.h"

namespace kefu::cli {

using namespace core;

namespace {
const Msg kImported{"已导入 {0}：{1} 名客服，{2} 个指标", "imported {0}: {1} agents, {2} metrics"};

Expected<std::optional<std::vector<Agent>>> rosterOption(const Args& args) {
    auto path = args.one("--roster");
    if (!path) return std::optional<std::vector<Agent>>();
    auto text = readFile(*path);
    if (!text) return Error{text.error()};
    auto roster = loadRoster(*text, *path);
    if (!roster) return Error{roster.error()};
    return std::optional(std::move(*roster));
}
} // namespace

int cmdImport(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2, {"--sheet", "--roster", "--lang", "-o"}, {});
    if (!args) return fail(args.error());
    if (args->positional.size() != 1) return fail("import: give one report file (CSV or XLSX), e.g. kefu import report.xlsx -o metrics.csv");
    const std::string& report = args->positional[0];
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    auto roster = rosterOption(*args);
    if (!roster) return fail(roster.error());

    std::vector<std::string> warnings;
    const Catalog& catalog = Catalog::builtin();
    auto input = loadMetricsArg(report, *roster ? &**roster : nullptr, warnings, *lang, catalog, args->one("--sheet").value_or(""));
    if (!input) return fail(input.error());
    std::vector<Text2> leftOut;
    const Table table = canonicalMetricsTable(*input, catalog, leftOut);
    for (const auto& w : leftOut) warnings.push_back(report + ": " + textIn(w, *lang));

    const std::string csv = writeCsv(table, CsvFlavor::Canonical);
    if (auto o = args->one("-o")) {
        auto ok = writeFile(*o, csv);
        if (!ok) return fail(ok.error());
    } else {
        std::cout << csv;
    }
    for (const auto& w : warnings) std::cerr << "kefu: warning: " << w << "\n";
    const size_t metrics = input->metrics.columns().size() - leftOut.size();
    std::cerr << "kefu: "
              << textIn(fillMsg(kImported, {report, std::to_string(input->agents.size()), std::to_string(metrics)}), *lang) << "\n";
    return 0;
}

} // namespace kefu::cli
