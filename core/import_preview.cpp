#include "import_preview.h"

#include <algorithm>

#include "chat_columns.h"
#include "chat_metrics.h"
#include "chatlog.h"
#include "csv.h"
#include "text.h"
#include "xlsx.h"

namespace kefu::core {

namespace {
// The roster with the screen's bindings added as nicknames, so bound rows match like known accounts.
std::vector<Agent> rosterWithBindings(const std::vector<Agent>& roster, const ImportChoices& choices) {
    std::vector<Agent> out = roster;
    for (const auto& binding : choices.bindings) {
        auto it = std::find_if(out.begin(), out.end(), [&](const Agent& a) { return a.name == binding.second; });
        if (it != out.end()) it->nicknames.push_back({"", binding.first});
    }
    return out;
}
} // namespace

Expected<ImportPreview> previewImport(std::string_view bytes, const std::string& fileName, const std::vector<Agent>& roster,
                                      const ImportChoices& choices, const Catalog& catalog) {
    ImportPreview p;
    p.file = fileName;
    std::vector<std::vector<std::string>> rows;
    std::vector<uint32_t> lines;
    std::string place = fileName;
    if (looksLikeXlsx(bytes)) {
        auto names = xlsxSheetNames(bytes);
        if (!names) return Error{fileName + ": " + names.error()};
        p.sheets = *names;
        auto sheet = readXlsxSheet(bytes, choices.sheet);
        if (!sheet) return Error{fileName + ": " + sheet.error()};
        p.sheet = sheet->name;
        place = fileName + " [" + sheet->name + "]";
        rows = std::move(sheet->rows);
        lines = std::move(sheet->lines);
    } else {
        Encoding enc = Encoding::Utf8;
        auto csv = parseCsv(decodeText(bytes, &enc));
        p.encoding = encodingName(enc);
        if (!csv) return Error{fileName + ": " + csv.error()};
        rows = std::move(csv->rows);
        lines = std::move(csv->lines);
    }
    if (rows.empty()) return Error{place + ": the file is empty / 文件是空的"};
    p.headers = rows[0];
    for (const auto& h : p.headers) p.agentColumns.push_back(!agentColumnId(h).empty());

    const std::vector<Agent> bound = rosterWithBindings(roster, choices);
    LoadReport report;
    LoadOptions options;
    options.listUnknown = true;
    options.headerMetrics = choices.headerMetrics;
    auto in = loadMetricsTable(rows, lines, place, catalog, &bound, report, options);
    if (!in) return in.failure();
    for (size_t c = 0; c < p.agentColumns.size(); ++c) // a column mapped to a metric is not an agent column
        if (c < report.columnMetrics.size() && !report.columnMetrics[c].empty()) p.agentColumns[c] = false;
    p.input = std::move(*in);
    // The preview names agents as the roster does (a bound nickname is the agent's, not the file's).
    p.columnMetrics = std::move(report.columnMetrics);
    p.agentRows = std::move(report.agentRows);
    p.unknown = std::move(report.unknown);
    p.problems = std::move(report.warnings);
    return p;
}

ImportValues importAction(const ImportPreview& preview, int period, const ImportChoices& choices, const std::string& platform) {
    ImportValues a;
    a.period = period;
    a.file = preview.file;
    a.sheet = preview.sheet;
    const auto& in = preview.input;
    for (size_t r = 0; r < in.agents.size(); ++r)
        for (size_t c = 0; c < in.metrics.columns().size(); ++c)
            if (auto v = in.metrics.get(r, int(c))) {
                const uint32_t row = r < preview.agentRows.size() && !preview.agentRows[r].empty() ? preview.agentRows[r][0] : 0;
                a.values.push_back({in.agents[r].name, in.metrics.columns()[c], *v, row});
            }
    for (const auto& [name, agent] : choices.bindings) a.bindings.push_back({agent, {platform, name}});
    if (!choices.headerMetrics.empty()) a.layouts.push_back({layoutKey(preview.headers), choices.headerMetrics, ""});
    return a;
}

bool looksLikeChatMessages(std::string_view bytes) {
    return detectFileLayout(bytes, ShopSettings{}).kind == FileLayout::Kind::Messages;
}

Expected<std::string> chatLogMetricsCsv(std::string_view messages, const std::string& messagesName, std::string_view orders,
                                        const std::string& ordersName, const ChatSettings& settings, const Month& month,
                                        std::vector<std::string>& warnings) {
    ChatLog log;
    ChatReadOptions opt = chatReadOptions(settings);
    opt.expectedBytes = messages.size();
    MessageReader reader(log, opt);
    if (auto r = reader.feed(messages); !r) return Error{messagesName + ": " + r.error()};
    if (auto r = reader.finish(); !r) return Error{messagesName + ": " + r.error()};
    if (!orders.empty()) {
        opt.expectedBytes = orders.size();
        OrderReader orderReader(log, opt);
        if (auto r = orderReader.feed(orders); !r) return Error{ordersName + ": " + r.error()};
        if (auto r = orderReader.finish(); !r) return Error{ordersName + ": " + r.error()};
    }
    return chatLogMetricsCsv(log, messagesName, settings, month, warnings);
}

std::string chatLogMetricsCsv(const ChatLog& log, const std::string& messagesName, const ChatSettings& settings,
                              const Month& month, std::vector<std::string>& warnings) {
    const ChatMetrics m = computeChatMetrics(log, settings, month);
    std::string csv = writeChatMetricsCsv(log, m, false, warnings);
    if (m.agents.empty()) warnings.push_back(messagesName + ": no agent has messages in " + formatMonth(month));
    if (m.blocksWithoutAgent)
        warnings.push_back(std::to_string(m.blocksWithoutAgent) + " buyer blocks are in sessions that name no agent");
    if (m.ordersUnattributed)
        warnings.push_back(std::to_string(m.ordersUnattributed) + " of " + std::to_string(m.ordersInPeriod) +
                           " orders have no agent and no chat with the buyer within the attribution window");
    return csv;
}

} // namespace kefu::core
