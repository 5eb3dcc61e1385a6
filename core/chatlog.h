// Raw chat logs and orders, parsed once into compact columns (docs/chatlog-metrics.md).
// MessageReader and OrderReader take CSV bytes in chunks of any size and fill a ChatLog, which owns
// everything: interned names, per-message columns (never the text), session and buyer indexes and
// the text-check hits. computeChatMetrics() (chat_metrics.h) reads it for any settings.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chat_settings.h"
#include "expected.h"
#include "interner.h"

namespace kefu::core {

enum class ChatRole : uint8_t { Buyer = 0, Agent = 1, Robot = 2, System = 3 };

// The role byte of a message: the ChatRole in the low two bits, text-check results above.
inline constexpr uint8_t kRoleMask = 3;
inline constexpr uint8_t kHasGreeting = 4; // a human agent message holding a greeting phrase
inline constexpr uint8_t kHasClosing = 8;  // ... a closing phrase
inline ChatRole roleOf(uint8_t roleByte) { return ChatRole(roleByte & kRoleMask); }

inline constexpr uint32_t kNoId = UINT32_MAX; // no agent, no buyer, no time

// A forbidden-phrase hit, kept so that a UI can show the message in its context: the session
// around `time`, or the file itself from `offset` (Blob.slice in the browser).
struct PhraseHit {
    uint32_t message; // index into the message columns (neighbours in its session are the context)
    uint32_t agent;   // agent id
    uint32_t session; // session name id (ChatLog::sessionNames)
    uint32_t time;    // shop-local seconds since 1970-01-01
    uint32_t line;    // physical line of the record in the messages file
    uint64_t offset;  // byte offset of the record in the messages file
    uint16_t phrase;  // index into ChatLog::phrases.forbidden
};

// A buyer block (docs/chatlog-metrics.md): from its first buyer message to the answer.
struct ChatBlock {
    uint32_t start;  // time of the block's first buyer message
    uint32_t answer; // time of the answering message; kNoId = unanswered
    uint32_t owner;  // the answering agent, else the agent in charge at the start; kNoId = none
};

// Messages per agent and day (the agent a row is attributed to), for any period.
struct ChatDayCount {
    uint32_t agent;
    int32_t day; // days since 1970-01-01, shop time
    uint32_t buyerMessages, agentMessages, robotMessages;
};

// One agent's part in one session, for the greeting/closing check.
struct ChatGreeting {
    uint32_t agent;
    uint32_t firstTime; // the agent's first message in the session
    uint8_t compliant;  // first message has a greeting and last a closing (as the lists require)
};

struct ChatOrders {
    std::vector<uint32_t> buyer, agent; // agent kNoId: attributed from the chats
    std::vector<uint32_t> created, paid, refundTime; // shop-local seconds; kNoId = none
    std::vector<int64_t> amountFen, refundFen;
    size_t size() const { return buyer.size(); }
};

struct ChatLog {
    // Names; ids in order of first appearance. Agents and buyers are shared by messages and orders.
    Interner sessionNames, agents, buyers;
    int32_t tzOffsetMinutes = 480; // the shop zone the readers converted times to
    PhraseLists phrases;           // what the text checks looked for
    bool hasText = false;          // the messages file had a text column
    bool hasMessages = false, hasOrders = false;

    // Messages, after MessageReader::finish(): grouped by session, time order within a session (file
    // order for equal times). A buyer's sessions are contiguous, by start; buyers are ordered by the
    // agent and day of their first session, so that a scan stays with one agent's counts for long.
    std::vector<uint32_t> time;  // shop-local seconds since 1970-01-01 00:00
    std::vector<uint32_t> agent; // the serving agent: the row's own, else the one in charge then
    std::vector<uint8_t> role;   // ChatRole | kHas* flags
    // Session s (in that order) holds messages [sessionBegin[s], sessionBegin[s + 1]).
    std::vector<uint32_t> sessionBegin, sessionName, sessionBuyer;
    std::vector<uint8_t> sessionAfterSales;
    // Buyer b holds sessions [buyerSessionBegin[b], buyerSessionEnd[b]); a buyer seen only in orders
    // has an empty range or lies beyond these arrays.
    std::vector<uint32_t> buyerSessionBegin, buyerSessionEnd;
    // Times of human agent messages by agent, ascending: agent a at [agentTimeBegin[a], [a + 1]).
    std::vector<uint32_t> agentTimes, agentTimeBegin;
    std::vector<PhraseHit> hits; // forbidden phrases, in file order

    // Derived once from the messages, so that a settings change only rescans these:
    // blocks of session s are [blockBegin[s], blockBegin[s + 1]) (the first is the session's first
    // block). With robot messages as responses, the sessions that hold robot messages (robotSessions,
    // ascending) have other blocks: those of robotSessions[k] are [robotBlockBegin[k], [k + 1]).
    std::vector<ChatBlock> blocks, robotBlocks;
    std::vector<uint32_t> blockBegin, robotSessions, robotBlockBegin;
    std::vector<ChatDayCount> dayCounts; // by agent, then day
    std::vector<ChatGreeting> greetings; // per session and agent; empty without text checks

    ChatOrders orders; // file order

    size_t messageCount() const { return time.size(); }
    size_t sessionCount() const { return sessionName.size(); }
    size_t memoryBytes() const;
};

struct ChatReadOptions {
    int32_t tzOffsetMinutes = 480;
    PhraseLists phrases; // empty lists: no text checks
    // Header mapping from the mapping screen: canonical column name -> header text in the file.
    std::vector<std::pair<std::string, std::string>> columns;
    uint64_t expectedBytes = 0; // the file size when known, so columns are reserved once
};
ChatReadOptions chatReadOptions(const ChatSettings& s);

// Messages CSV: session_id,time,role,agent,buyer[,text][,kind] in any column order.
class MessageReader {
public:
    MessageReader(ChatLog& log, ChatReadOptions options);
    ~MessageReader();
    MessageReader(const MessageReader&) = delete;
    MessageReader& operator=(const MessageReader&) = delete;
    // The next piece of the file. Errors read "line L, column C (name): ..."; after one, stop.
    Expected<bool> feed(std::string_view chunk);
    // End of input: sorts and indexes the log (once).
    Expected<bool> finish();
    uint64_t bytesRead() const;
    uint64_t rows() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

// Orders CSV: order_id,buyer,agent,created,paid,amount,refund_amount,refund_time (agent, paid,
// refund columns optional).
class OrderReader {
public:
    OrderReader(ChatLog& log, ChatReadOptions options);
    ~OrderReader();
    OrderReader(const OrderReader&) = delete;
    OrderReader& operator=(const OrderReader&) = delete;
    Expected<bool> feed(std::string_view chunk);
    Expected<bool> finish();
    uint64_t bytesRead() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

// "2024-03-01 09:00:00" (shop time), ISO 8601 with Z or an offset (converted to the shop zone),
// "2024/3/1 9:00", fractions of a second dropped, or Unix seconds / milliseconds (10 / 13 digits).
// Returns shop-local seconds since 1970-01-01; a date alone only when allowDateOnly.
std::optional<int64_t> parseShopTime(std::string_view s, int32_t tzOffsetMinutes, bool allowDateOnly = false);

} // namespace kefu::core
