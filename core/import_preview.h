// The app's import screen, before anything changes: a platform report (CSV in any encoding, or an
// XLSX sheet) or raw chat logs read into a preview of the values it would set, with its columns as
// recognised or mapped, the names the roster does not know (for binding to an agent) and every
// cell's problem. Applying the preview is the ImportValues action (app_state.h).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chat_settings.h"
#include "chatlog.h"
#include "date.h"
#include "expected.h"
#include "input.h"
#include "metrics.h"
#include "app_state.h"
#include "model.h"

namespace kefu::core {

struct ImportChoices {
    std::string sheet; // XLSX: the sheet to read (empty: the first)
    // The mapping screen: header -> metric id ("" = not imported), over the aliases.
    std::vector<std::pair<std::string, std::string>> headerMetrics;
    // Names and nicknames of the file bound to agents of the roster on the import screen.
    std::vector<std::pair<std::string, std::string>> bindings; // file name -> agent name
};

struct ImportPreview {
    std::string file, sheet;
    std::vector<std::string> sheets;        // XLSX: every sheet, for the choice
    std::string encoding;                   // CSV: how the bytes were decoded (UTF-8, GBK ...)
    std::vector<std::string> headers;       // the header row as the file has it
    std::vector<std::string> columnMetrics; // per header: the metric its values go to, or ""
    std::vector<bool> agentColumns;         // per header: an agent column (name, nickname, group ...)
    PeriodInput input;                      // the matched agents (roster names) and their values
    std::vector<std::vector<uint32_t>> agentRows; // per agent of `input`: the file's rows
    std::vector<UnknownAgent> unknown;      // rows left out until bound (never dropped silently)
    std::vector<Text2> problems;            // per cell, with line and column
};

// Reads the file and matches its rows to the roster (names, then nickname bindings, then the
// screen's bindings). Errors name file, line and column.
Expected<ImportPreview> previewImport(std::string_view bytes, const std::string& fileName, const std::vector<Agent>& roster,
                                      const ImportChoices& choices, const Catalog& catalog = Catalog::builtin());

// The ImportValues action of a preview: every value of every matched agent (row = the agent's
// first row in the file), the screen's bindings as accounts on `platform` (a platform id or ""),
// and the screen's column choices to remember for this header row.
ImportValues importAction(const ImportPreview& preview, int period, const ImportChoices& choices, const std::string& platform);

// A messages CSV (session_id,time,role,agent,buyer...) rather than a report.
bool looksLikeChatMessages(std::string_view bytes);

// Raw chat logs (and orders, optional) for one month as the canonical metrics CSV that
// previewImport reads, computed with the shop's chat settings (service hours, caps, thresholds).
// `warnings` gets the shop-level facts (blocks without an agent, unattributed orders).
// The same for a log already read (the page reads it once, in pieces; a change of service hours,
// cap or thresholds computes again from it without reading the files).
std::string chatLogMetricsCsv(const ChatLog& log, const std::string& messagesName, const ChatSettings& settings,
                              const Month& month, std::vector<std::string>& warnings);
Expected<std::string> chatLogMetricsCsv(std::string_view messages, const std::string& messagesName, std::string_view orders,
                                        const std::string& ordersName, const ChatSettings& settings, const Month& month,
                                        std::vector<std::string>& warnings);

} // namespace kefu::core
