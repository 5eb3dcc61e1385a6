// Test helpers for chat logs: read CSV text through the streaming readers in chunks of a given
// size, compute one agent's metric values, and compare two parsed logs column by column.
#pragma once
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "chat_metrics.h"
#include "input.h"
#include "metrics.h"
#include "model.h"

namespace kefu::test {

using namespace kefu::core;

template <class Reader>
Expected<bool> feedChunks(Reader& r, std::string_view text, size_t chunk) {
    if (chunk == 0) chunk = text.size() ? text.size() : 1;
    for (size_t i = 0; i < text.size(); i += chunk) {
        auto ok = r.feed(text.substr(i, chunk));
        if (!ok) return ok;
    }
    return r.finish();
}

// Reads messages (and orders) with the settings' zone and phrase lists; REQUIREs success.
inline ChatLog readChat(std::string_view messages, const ChatSettings& s = {}, std::string_view orders = {}, size_t chunk = 0) {
    ChatLog log;
    MessageReader r(log, chatReadOptions(s));
    auto ok = feedChunks(r, messages, chunk);
    INFO((ok.ok() ? std::string() : ok.error()));
    REQUIRE(ok.ok());
    if (!orders.empty()) {
        OrderReader o(log, chatReadOptions(s));
        auto ok2 = feedChunks(o, orders, chunk);
        INFO((ok2.ok() ? std::string() : ok2.error()));
        REQUIRE(ok2.ok());
    }
    return log;
}

// The error of reading messages (empty when it read fine).
inline std::string messagesError(std::string_view messages, size_t chunk = 0, const ChatSettings& s = {}) {
    ChatLog log;
    MessageReader r(log, chatReadOptions(s));
    auto ok = feedChunks(r, messages, chunk);
    return ok ? "" : ok.error();
}

using ChatValues = std::map<std::string, std::optional<double>>;

inline ChatValues valuesOf(const ChatLog& log, const ChatCounts& c) {
    ChatValues v;
    for (const auto& id : chatMetricIds(log)) v[id] = chatMetricValue(id, c);
    return v;
}

// All metric values per agent name for a period.
inline std::map<std::string, ChatValues> chatValues(const ChatLog& log, const ChatSettings& s, const char* month) {
    ChatMetrics m = computeChatMetrics(log, s, *parseMonth(month));
    std::map<std::string, ChatValues> out;
    for (size_t i = 0; i < m.agents.size(); ++i) out[std::string(log.agents.name(m.agents[i]))] = valuesOf(log, m.totals[i]);
    return out;
}

// One value; nullopt when the agent has no row or the metric no value.
inline std::optional<double> chatValue(const std::map<std::string, ChatValues>& all, const std::string& agent, const std::string& id) {
    auto a = all.find(agent);
    if (a == all.end()) return std::nullopt;
    auto v = a->second.find(id);
    if (v == a->second.end()) return std::nullopt;
    return v->second ? std::optional<double>(round6(*v->second)) : std::nullopt;
}

inline bool sameLog(const ChatLog& a, const ChatLog& b) {
    auto names = [](const Interner& x, const Interner& y) {
        if (x.size() != y.size()) return false;
        for (uint32_t i = 0; i < x.size(); ++i)
            if (x.name(i) != y.name(i)) return false;
        return true;
    };
    bool hitsEqual = a.hits.size() == b.hits.size();
    for (size_t i = 0; hitsEqual && i < a.hits.size(); ++i) {
        const PhraseHit &x = a.hits[i], &y = b.hits[i];
        hitsEqual = x.message == y.message && x.agent == y.agent && x.session == y.session && x.time == y.time &&
                    x.line == y.line && x.offset == y.offset && x.phrase == y.phrase;
    }
    return names(a.sessionNames, b.sessionNames) && names(a.agents, b.agents) && names(a.buyers, b.buyers) &&
           a.time == b.time && a.agent == b.agent && a.role == b.role && a.sessionBegin == b.sessionBegin &&
           a.sessionName == b.sessionName && a.sessionBuyer == b.sessionBuyer && a.sessionAfterSales == b.sessionAfterSales &&
           a.buyerSessionBegin == b.buyerSessionBegin && a.buyerSessionEnd == b.buyerSessionEnd && a.agentTimes == b.agentTimes && a.agentTimeBegin == b.agentTimeBegin && hitsEqual &&
           a.orders.buyer == b.orders.buyer && a.orders.agent == b.orders.agent && a.orders.created == b.orders.created &&
           a.orders.paid == b.orders.paid && a.orders.amountFen == b.orders.amountFen && a.orders.refundFen == b.orders.refundFen;
}

} // namespace kefu::test
