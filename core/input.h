// Loading input files into a PeriodInput: metrics (CSV, agent columns + metrics by id or Chinese
// label), rosters, events, and earlier results as history. Errors name file, line and column, in
// Chinese and English (Error::zh, Error::message; history JSON, read by the CLI only, in English);
// cells that are not numbers become "no value" with a warning naming the cell, in both languages.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"
#include "explain.h"
#include "metrics.h"
#include "model.h"
#include "rules/rule.h"

namespace kefu::core {

// A row whose agent or nickname is not in the roster (with LoadOptions::listUnknown).
struct UnknownAgent {
    std::string name;            // the name or nickname as the file has it
    bool nickname = false;       // it came from a nickname column
    std::vector<uint32_t> lines; // its rows (an account may appear on several)
    bool operator==(const UnknownAgent&) const = default;
};

struct LoadReport {
    std::vector<Text2> warnings; // each names file, line and column
    // What the import screen shows besides the values:
    std::vector<UnknownAgent> unknown;            // rows left out, for binding (listUnknown)
    std::vector<std::string> columnMetrics;       // per header column: its metric id, or ""
    std::vector<std::vector<uint32_t>> agentRows; // per agent of the result: its source lines
};

// Choices of the import screen.
struct LoadOptions {
    // Rows of agents the roster does not know are listed in LoadReport::unknown and left out
    // (instead of failing the whole file).
    bool listUnknown = false;
    // The mapping screen: header text -> metric id ("" = not imported); over the aliases.
    std::vector<std::pair<std::string, std::string>> headerMetrics;
};

// Agent attribute columns of SCORING.md; returns the attribute id or "" (agent, id, group,
// status, hire_date, regular_since, level, nickname).
std::string agentColumnId(std::string_view header);

// The platform of a per-platform nickname column (淘宝账号 → "taobao", 京东账号 → "jd" ...), or "".
std::string nicknamePlatform(std::string_view header);

// A roster: agents with group/status/dates/level and their nicknames.
Expected<std::vector<Agent>> loadRoster(std::string_view bytes, const std::string& fileName);

// Reads a metrics table. With a roster, rows are matched to agents by name or nickname; several
// rows of one agent (accounts) are combined: counts summed, rates recomputed from counts or
// weighted by receptions. Without a roster, a duplicate agent is an error.
Expected<PeriodInput> loadMetricsTable(const std::vector<std::vector<std::string>>& rows,
                                       const std::vector<uint32_t>& lines, const std::string& fileName,
                                       const Catalog& catalog, const std::vector<Agent>* roster, LoadReport& report);
Expected<PeriodInput> loadMetricsTable(const std::vector<std::vector<std::string>>& rows,
                                       const std::vector<uint32_t>& lines, const std::string& fileName,
                                       const Catalog& catalog, const std::vector<Agent>* roster, LoadReport& report,
                                       const LoadOptions& options);
Expected<PeriodInput> loadMetricsCsv(std::string_view bytes, const std::string& fileName, const Catalog& catalog,
                                     const std::vector<Agent>* roster, LoadReport& report);

// Events CSV (agent,date,kind[,count,points,note]); unknown agents and kinds are errors.
// `extraKinds` are the kinds a scheme defines.
Expected<std::vector<Event>> loadEventsCsv(std::string_view bytes, const std::string& fileName,
                                           const std::vector<Agent>& agents, const std::vector<std::string>& extraKinds);
bool isKnownEventKind(std::string_view kind, const std::vector<std::string>& extraKinds);

// An earlier `kefu score` JSON result as one history period.
Expected<HistoryPeriod> loadHistoryJson(std::string_view text, const std::string& fileName);

} // namespace kefu::core
