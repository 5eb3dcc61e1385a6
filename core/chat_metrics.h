// Metrics from a parsed ChatLog for one period and one set of settings (docs/chatlog-metrics.md):
// additive counts per agent and day, their period totals, and the catalog metric values.
// Recomputing after a settings change reads only the log's columns, never the files.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chat_settings.h"
#include "chatlog.h"
#include "date.h"

namespace kefu::core {

// Counts that add up over days (the period's values are sums of the days').
struct ChatCounts {
    uint32_t buyerMessages = 0, agentMessages = 0;
    uint32_t blocks = 0, answeredBlocks = 0;                       // every buyer block starting that day
    uint32_t timedBlocks = 0, timedAnswered = 0, fastAnswered = 0; // in service hours, not exempt
    double responseSum = 0;                                        // capped times of timedAnswered
    uint32_t firstResponses = 0;
    double firstResponseSum = 0;
    uint32_t receptions = 0, replied = 0, slow = 0, inquiries = 0; // (buyer, day) pairs
    uint32_t activeDays = 0, onlineSeconds = 0;
    uint32_t ordered = 0, paid = 0, refunds = 0; // (buyer, day) pairs
    int64_t salesFen = 0;
    uint32_t checkedSessions = 0, compliantSessions = 0, forbiddenHits = 0;

    void add(const ChatCounts& o);
    bool operator==(const ChatCounts&) const = default;
};

struct ChatAgentDay {
    uint32_t agent;
    int32_t day; // days since 1970-01-01 (shop time)
    ChatCounts counts;
};

struct ChatMetrics {
    Month period;
    std::vector<uint32_t> agents;   // agents with anything in the period, by id (first appearance)
    std::vector<ChatCounts> totals; // parallel to agents
    std::vector<ChatAgentDay> days; // days with anything, by agent (as in `agents`) then day
    // Shop-level facts the caller reports as warnings.
    uint32_t blocksWithoutAgent = 0;   // buyer blocks in sessions that name no agent
    uint32_t ordersInPeriod = 0;       // orders with an event (created, paid, refunded) in the period
    uint32_t ordersUnattributed = 0;   // ... of which no agent served the buyer within the window
};

ChatMetrics computeChatMetrics(const ChatLog& log, const ChatSettings& settings, Month period);

// The metric ids the log can give, in output order (order metrics with orders, text checks with
// a text column and phrase lists).
std::vector<std::string> chatMetricIds(const ChatLog& log);
// nullopt = no value (a division by zero).
std::optional<double> chatMetricValue(std::string_view id, const ChatCounts& c);

// The agent that last served `buyer` with a human message in [at - window, at]; kNoId when none.
uint32_t attributeOrder(const ChatLog& log, uint32_t buyer, uint32_t at, int32_t windowS);

// The canonical metrics CSV (header agent + metric ids; with byDay, agent,date + ids), values
// rounded to 6 decimals. A rate column with a value above 1 is left out with a warning (a reader
// would take the column for percentages); the counts it derives from are there.
std::string writeChatMetricsCsv(const ChatLog& log, const ChatMetrics& m, bool byDay, std::vector<std::string>& warnings);
// {"period", "agents": [{"agent", "metrics": {id: value|null}, "days"?: [...]}], "stats": {...}}
std::string writeChatMetricsJson(const ChatLog& log, const ChatMetrics& m, bool byDay);

} // namespace kefu::core
