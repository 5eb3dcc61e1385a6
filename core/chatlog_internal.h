// Pieces shared by the chat-log readers (core-private): header mapping, the UTF-8/GBK decision,
// the per-session staging that MessageReader fills and indexMessages() turns into ChatLog indexes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "chatlog.h"
#include "csv_stream.h"

namespace kefu::core::chat {

struct ColumnSpec {
    const char* name;
    std::vector<const char*> aliases; // compared after normalizeHeader()
    bool required;
};

// The messages file's columns, in this order (chatlog_read.cpp; chat_context.cpp maps a header too).
enum MessageColumn { kMsgSession, kMsgTime, kMsgRole, kMsgAgent, kMsgBuyer, kMsgText, kMsgKind };
const std::vector<ColumnSpec>& messageColumns();
const std::vector<ColumnSpec>& orderColumns(); // chatlog_orders.cpp

std::string errorAt(uint32_t line, int column, const std::vector<std::string>& headerNames, const std::string& what);

// UTF-8 passes through; GBK is converted. The first field that is not valid UTF-8 switches the
// file to GBK, 1000 valid non-ASCII fields lock UTF-8: the same decision whatever the chunking.
class TextDecoder {
public:
    std::string_view utf8(std::string_view raw, std::string& scratch) {
        return m_enc == Enc::Utf8 ? raw : decide(raw, scratch); // inline: called per cell
    }

private:
    std::string_view decide(std::string_view raw, std::string& scratch);
    enum class Enc : uint8_t { Unknown, Utf8, Gbk } m_enc = Enc::Unknown;
    uint32_t m_validSeen = 0;
};

// Per spec, the header column index or -1. Errors name line 1 and the column.
Expected<std::vector<int>> mapColumns(const CsvStream& header, const std::vector<ColumnSpec>& specs,
                                      const std::vector<std::pair<std::string, std::string>>& userMapping,
                                      std::vector<std::string>& headerNames, TextDecoder& dec);

uint32_t internName(Interner& in, std::string_view raw, TextDecoder& dec, std::string& scratch);

// Per session (by session name id), gathered while reading.
struct MessageStaging {
    std::vector<uint32_t> msgSession; // per message, file order
    std::vector<uint32_t> first;      // earliest message time
    std::vector<uint32_t> buyer;      // first buyer named on a row
    std::vector<uint32_t> agent;      // first agent named on a buyer or agent row
    std::vector<uint32_t> fallbackAgent; // first agent named on a robot or system row
    std::vector<uint8_t> afterSales;
};

// The streaming skeleton both readers share: `impl` has `error`, `finished`, `csv`, `headerNames`,
// `fail(msg)` and `drain()` (parse every complete record fed so far).
template <class Impl>
Expected<bool> feedReader(Impl& impl, std::string_view chunk) {
    if (!impl.error.empty()) return Error{impl.error};
    if (impl.finished) return impl.fail("the reader has already finished");
    impl.csv.feed(chunk);
    return impl.drain();
}
// Ends the input; `done()` runs once, after the last record, when the file had a header row.
template <class Impl, class Done>
Expected<bool> finishReader(Impl& impl, Done done) {
    if (!impl.error.empty()) return Error{impl.error};
    if (impl.finished) return true;
    impl.csv.end();
    auto r = impl.drain();
    if (!r) return r;
    if (impl.headerNames.empty()) return impl.fail("line 1: the file is empty (no header row)");
    impl.finished = true;
    done();
    return true;
}

// Sorts the messages of `log` (file order) by (buyer, session start, session, time) and builds
// the session, buyer and agent indexes; frees the staging.
void indexMessages(ChatLog& log, MessageStaging& staging);
// Blocks for both robot modes, message counts per agent-day, greeting checks (chatlog_blocks.cpp).
void buildDerived(ChatLog& log);

} // namespace kefu::core::chat
