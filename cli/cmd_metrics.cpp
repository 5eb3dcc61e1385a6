// kefu metrics: raw chat logs (and orders) → the canonical metrics CSV that `kefu score` reads.
// Files are streamed in 1 MB pieces through the same readers the browser uses.
#include <fstream>
#include <iostream>

#include "chat_columns.h"
#include "chat_metrics.h"
#include "cli.h"

namespace kefu::cli {

using namespace core;

namespace {
const std::vector<std::string> kMetricsOptions = {"--messages", "--orders", "--period", "--settings", "--format", "-o",
                                                    "--columns", "--order-columns"};

template <class Reader>
Expected<bool> streamFile(const std::string& path, Reader& reader) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return Error{path + ": cannot open the file"};
    std::string buf(size_t(1) << 20, '\0');
    while (f) {
        f.read(buf.data(), std::streamsize(buf.size()));
        auto n = size_t(f.gcount());
        if (n == 0) break;
        auto r = reader.feed(std::string_view(buf.data(), n));
        if (!r) return Error{path + ": " + r.error()};
    }
    if (f.bad()) return Error{path + ": read error"};
    auto r = reader.finish();
    if (!r) return Error{path + ": " + r.error()};
    return true;
}

uint64_t fileSize(const std::string& path) {
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    return f ? uint64_t(f.tellg()) : 0;
}

Expected<ChatSettings> loadSettings(const Args& args) {
    auto arg = args.one("--settings");
    if (!arg) return ChatSettings{};
    if (auto preset = chatPreset(*arg)) return *preset;
    auto text = readFile(*arg);
    if (!text) return Error{"--settings " + *arg + ": no such file and no such preset (default, taobao, jd, douyin)"};
    auto s = parseChatSettings(*text);
    if (!s) return Error{*arg + ": " + s.error()};
    return s;
}

// --columns / --order-columns: "time=发送时刻,session_id=会话编号" for files with other headers.
Expected<ColumnMapping> loadColumns(const Args& args, const char* option, ChatFile file) {
    auto arg = args.one(option);
    if (!arg) return ColumnMapping{};
    auto m = parseColumnMapping(file, *arg);
    if (!m) return Error{std::string(option) + " " + *arg + ": " + m.error()};
    return m;
}
} // namespace

int cmdMetrics(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2, kMetricsOptions, {"--by-day"});
    if (!args) return fail(args.error());
    auto messages = args->one("--messages");
    auto periodText = args->one("--period");
    if (!messages) return fail("metrics: --messages FILE is required");
    if (!periodText) return fail("metrics: --period YYYY-MM is required");
    auto period = parseMonth(*periodText);
    if (!period) return fail("--period " + *periodText + ": expected YYYY-MM");
    std::string format = args->one("--format").value_or("csv");
    if (format != "csv" && format != "json") return fail("--format must be csv or json");
    auto settings = loadSettings(*args);
    if (!settings) return fail(settings.error());
    auto messageColumns = loadColumns(*args, "--columns", ChatFile::Messages);
    if (!messageColumns) return fail(messageColumns.error());
    auto orderColumns = loadColumns(*args, "--order-columns", ChatFile::Orders);
    if (!orderColumns) return fail(orderColumns.error());
    if (!orderColumns->empty() && !args->one("--orders")) return fail("--order-columns needs --orders FILE");

    ChatLog log;
    ChatReadOptions opt = chatReadOptions(*settings);
    opt.expectedBytes = fileSize(*messages);
    opt.columns = *messageColumns;
    MessageReader reader(log, opt);
    if (auto r = streamFile(*messages, reader); !r) return fail(r.error());
    if (auto ordersPath = args->one("--orders")) {
        opt.expectedBytes = 0;
        opt.columns = *orderColumns;
        OrderReader orders(log, opt);
        if (auto r = streamFile(*ordersPath, orders); !r) return fail(r.error());
    }

    ChatMetrics m = computeChatMetrics(log, *settings, *period);
    std::vector<std::string> warnings;
    bool byDay = args->has("--by-day");
    std::string out = format == "json" ? writeChatMetricsJson(log, m, byDay) : writeChatMetricsCsv(log, m, byDay, warnings);
    if (m.agents.empty()) warnings.push_back("no agent has messages or orders in " + *periodText);
    if (m.blocksWithoutAgent) warnings.push_back(std::to_string(m.blocksWithoutAgent) + " buyer blocks are in sessions that name no agent");
    if (m.ordersUnattributed)
        warnings.push_back(std::to_string(m.ordersUnattributed) + " of " + std::to_string(m.ordersInPeriod) +
                           " orders have no agent and no chat with the buyer within the attribution window");
    if (auto o = args->one("-o")) {
        auto w = writeFile(*o, out);
        if (!w) return fail(w.error());
    } else {
        std::cout << out;
    }
    std::cerr << "kefu: " << log.messageCount() << " messages, " << log.sessionCount() << " sessions, "
              << log.orders.size() << " orders; " << m.agents.size() << " agents in " << *periodText << "\n";
    for (const auto& w : warnings) std::cerr << "kefu: warning: " << w << "\n";
    return 0;
}

} // namespace kefu::cli
