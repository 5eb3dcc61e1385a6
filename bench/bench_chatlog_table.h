// The agent x metric table the chat-log benchmarks compare between engines (KefuScore native and
// wasm, DuckDB native and wasm): one "agent<TAB>metric<TAB>value" line per agent and compared metric,
// agents by name, values with 10 significant digits, an empty value for "no value".
// bench/duckdb/chatlog.sql computes the same metrics under the same names; bench/chatlog_compare.mjs
// compares two tables.
#pragma once
#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "chat_metrics.h"

namespace kefu::bench {

// The metrics compared (the SQL peers implement these definitions; order metrics and the
// greeting check are not among them).
inline const std::vector<std::string>& comparedChatMetrics() {
    static const std::vector<std::string> ids = {
        "receptions",     "replied_customers", "reply_rate",     "inquiries",    "slow_response_count",
        "slow_response_share", "first_response_s", "avg_response_s", "response_3min_rate", "buyer_messages",
        "agent_messages", "qa_ratio",          "working_days",   "online_hours_per_day", "forbidden_phrases"};
    return ids;
}

inline std::string chatMetricTable(const core::ChatLog& log, const core::ChatMetrics& m) {
    std::vector<std::pair<std::string, size_t>> rows;
    for (size_t i = 0; i < m.agents.size(); ++i) rows.emplace_back(std::string(log.agents.name(m.agents[i])), i);
    std::sort(rows.begin(), rows.end());
    std::string out;
    char num[64];
    for (const auto& [name, i] : rows)
        for (const std::string& id : comparedChatMetrics()) {
            auto v = core::chatMetricValue(id, m.totals[i]);
            out += name + "\t" + id + "\t";
            if (v) { std::snprintf(num, sizeof num, "%.10g", *v); out += num; }
            out += "\n";
        }
    return out;
}

} // namespace kefu::bench
