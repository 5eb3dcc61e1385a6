// Shared pieces of the `kefu` commands: argument parsing, file reading, the exit-code
// conventions of SCORING.md (0 ok, 2 bad input with a precise message, nothing written).
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "evaluate.h"
#include "expected.h"
#include "explain.h"

namespace kefu::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options; // "--metrics" -> values
    std::optional<std::string> one(const std::string& name) const;
    const std::vector<std::string>& all(const std::string& name) const;
    bool has(const std::string& name) const { return options.count(name) > 0; }
};

// Parses "--name value" pairs; `flags` take no value. Error on an unknown option.
core::Expected<Args> parseArgs(int argc, char** argv, int first, const std::vector<std::string>& valued,
                               const std::vector<std::string>& flags);
core::Expected<std::string> readFile(const std::string& path);
// Writes atomically (temp file then rename) so a failed run leaves no partial output.
core::Expected<bool> writeFile(const std::string& path, const std::string& data);
core::Expected<core::Lang> parseLang(const Args& args);

// Everything `kefu score` / `kefu explain` evaluate from the command line.
struct ScoreRun {
    core::PeriodInput input;
    core::Scheme scheme;
    core::Catalog catalog; // built-in metrics plus the scheme's own
    core::History history;
    core::Results results;
    std::vector<std::string> warnings; // load warnings in the --lang language (printed before results.warnings)
};
core::Expected<ScoreRun> runScore(const Args& args);

// Loads --scheme: a file path or a preset id.
core::Expected<core::Scheme> loadSchemeArg(const std::string& arg, const core::Catalog& catalog);
// Reads a metrics file (CSV, or XLSX: the named sheet or the first) into the period's agents and
// metrics; its warnings are added in `lang`.
core::Expected<core::PeriodInput> loadMetricsArg(const std::string& path, const std::vector<core::Agent>* roster,
                                                 std::vector<std::string>& warnings, core::Lang lang,
                                                 const core::Catalog& catalog = core::Catalog::builtin(),
                                                 const std::string& sheetName = "");

int fail(const std::string& message); // prints "kefu: message" to stderr, returns 2
// Writes a command's output to -o (atomically) or to stdout; 0, or 2 when the file cannot be written.
int writeOutput(const Args& args, const std::string& out);
// The load and evaluation warnings of a run, to stderr in `lang`.
void printWarnings(const ScoreRun& run, core::Lang lang);

// The commands that print a month's results as a document (payslip, report): the inputs of
// `score`, --shop, -o and the `extra` options; the run's warnings go to stderr, the document to
// -o (written only when complete) or stdout.
using RenderRun = std::function<core::Expected<std::string>(const Args&, const ScoreRun&, core::Lang)>;
int runDocumentCommand(int argc, char** argv, const std::vector<std::string>& extra, const RenderRun& render);

int cmdScore(int argc, char** argv);
int cmdExplain(int argc, char** argv);
int cmdPresets(int argc, char** argv);
int cmdSnapshot(int argc, char** argv);
int cmdMetrics(int argc, char** argv);
int cmdPayslip(int argc, char** argv);
int cmdReport(int argc, char** argv);
int cmdExport(int argc, char** argv);
int cmdImport(int argc, char** argv);
int cmdStability(int argc, char** argv);
int cmdWhatIf(int argc, char** argv);
int cmdGaps(int argc, char** argv);
int cmdCoaching(int argc, char** argv);

} // namespace kefu::cli
