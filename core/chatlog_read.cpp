// MessageReader: the messages CSV, streamed record by record into ChatLog columns. Per row: trim,
// parse the time, intern three names (the last one is cached: rows of a session repeat them),
// and for agent rows match the phrase lists on the text; nothing else is kept of the text.
#include <algorithm>

#include "chatlog_internal.h"
#include "csv.h"
#include "phrase_match.h"

namespace kefu::core {

using namespace chat;

namespace chat {
const std::vector<ColumnSpec>& messageColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"session_id", {"session", "sessionid", "conversation_id", "会话id", "会话编号", "会话"}, true},
        {"time", {"datetime", "timestamp", "时间", "发送时间", "消息时间"}, true},
        {"role", {"sender_role", "角色", "发送方", "身份"}, true},
        {"agent", {"客服", "客服昵称", "客服账号", "客服名称"}, true},
        {"buyer", {"customer", "买家", "买家昵称", "顾客", "客户"}, false},
        {"text", {"message", "content", "内容", "消息内容", "消息"}, false},
        {"kind", {"session_kind", "类型", "会话类型"}, false},
    };
    return specs;
}
} // namespace chat

namespace {
enum Col { kSession = chat::kMsgSession, kTime, kRole, kAgent, kBuyer, kText, kKind, kColumns };

bool equalsAscii(std::string_view s, std::string_view lower) {
    if (s.size() != lower.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

// The accepted spellings are constant arrays, so their lengths are known without strlen per row.
constexpr std::string_view kBuyerWords[] = {"buyer", "customer", "client", "买家", "顾客", "客户"};
constexpr std::string_view kAgentWords[] = {"agent", "staff", "客服", "人工", "人工客服"};
constexpr std::string_view kRobotWords[] = {"robot", "bot", "机器人", "智能客服", "自动回复"};
constexpr std::string_view kSystemWords[] = {"system", "系统", "系统消息"};
constexpr std::string_view kAfterSalesWords[] = {"after-sales", "after_sales", "aftersales", "after sales", "售后"};
constexpr std::string_view kPreSalesWords[] = {"", "pre-sales", "pre_sales", "presales", "pre sales", "售前"};

template <size_t N>
bool isOneOf(std::string_view s, const std::string_view (&words)[N]) {
    for (std::string_view w : words)
        if (equalsAscii(s, w)) return true;
    return false;
}

std::optional<ChatRole> parseRole(std::string_view s) {
    if (isOneOf(s, kBuyerWords)) return ChatRole::Buyer;
    if (isOneOf(s, kAgentWords)) return ChatRole::Agent;
    if (isOneOf(s, kRobotWords)) return ChatRole::Robot;
    if (isOneOf(s, kSystemWords)) return ChatRole::System;
    return std::nullopt;
}

// 1 after-sales, 0 pre-sales, -1 unknown.
int parseKind(std::string_view s) {
    if (isOneOf(s, kAfterSalesWords)) return 1;
    if (isOneOf(s, kPreSalesWords)) return 0;
    return -1;
}
} // namespace

struct MessageReader::Impl {
    ChatLog& log;
    ChatReadOptions opt;
    CsvStream csv;
    std::vector<int> col;
    std::vector<std::string> headerNames;
    MessageStaging st;
    TextDecoder dec;
    std::string scratch, agentBuf, buyerBuf, textBuf, roleBuf;
    std::string error;
    uint64_t rows = 0;
    bool finished = false, checkText = false;
    PhraseMatcher phrases; // greetings, then closings, then forbidden phrases
    std::vector<uint8_t> found;

    Impl(ChatLog& l, ChatReadOptions o) : log(l), opt(std::move(o)) {}

    Expected<bool> fail(std::string msg) {
        if (error.empty()) error = std::move(msg);
        return Error{error};
    }
    Expected<bool> fail(int c, std::string what) { return fail(errorAt(csv.line(), col[c], headerNames, what)); }

    Expected<bool> header() {
        auto m = mapColumns(csv, messageColumns(), opt.columns, headerNames, dec);
        if (!m) return fail(m.error());
        col = *m;
        std::vector<uint8_t> keep(headerNames.size(), 0);
        const PhraseLists& p = opt.phrases;
        checkText = col[kText] >= 0 && !(p.forbidden.empty() && p.greetings.empty() && p.closings.empty());
        if (checkText) {
            std::vector<std::string> all = p.greetings;
            all.insert(all.end(), p.closings.begin(), p.closings.end());
            all.insert(all.end(), p.forbidden.begin(), p.forbidden.end());
            phrases = PhraseMatcher(std::move(all));
        }
        for (int k = 0; k < kColumns; ++k)
            if (col[k] >= 0 && (k != kText || checkText)) keep[size_t(col[k])] = 1;
        csv.keepColumns(keep);
        log.hasText = col[kText] >= 0;
        log.phrases = opt.phrases;
        log.tzOffsetMinutes = opt.tzOffsetMinutes;
        return true;
    }

    // The columns are reserved once for the whole file, from the bytes per row of its first rows
    // (texts make rows 40-200 bytes long), with 10% to spare: a guess too high would hold memory the
    // log never uses (the wasm heap grows to cover it and never shrinks).
    static constexpr uint64_t kSampleRows = 4096;
    void reserveColumns() {
        const uint64_t perRow = std::max<uint64_t>(1, csv.bytesSeen() / (rows + 1));
        const size_t guess = size_t(opt.expectedBytes / perRow + opt.expectedBytes / perRow / 10 + 1024);
        log.time.reserve(guess); log.agent.reserve(guess); log.role.reserve(guess); st.msgSession.reserve(guess);
        // The name tables too, from the sessions and buyers of the rows so far: growing them means
        // moving every slot of a table that no cache holds.
        log.sessionNames.reserve(size_t(double(log.sessionNames.size()) / double(rows) * double(guess)));
        log.buyers.reserve(size_t(double(log.buyers.size()) / double(rows) * double(guess)));
    }

    [[gnu::always_inline]] std::string_view cell(int c) const { return col[c] < 0 ? std::string_view() : trim(csv.field(size_t(col[c]))); }

    uint8_t checkPhrases(uint32_t sid, uint32_t agent, uint32_t t) {
        phrases.match(dec.utf8(csv.field(size_t(col[kText])), textBuf), found);
        const PhraseLists& p = opt.phrases;
        const size_t greetings = p.greetings.size(), closings = greetings + p.closings.size();
        uint8_t flags = 0;
        if (std::find(found.begin(), found.begin() + greetings, 1) != found.begin() + greetings) flags |= kHasGreeting;
        if (std::find(found.begin() + greetings, found.begin() + closings, 1) != found.begin() + closings) flags |= kHasClosing;
        for (size_t k = 0; k < p.forbidden.size() && k < 0xFFFF; ++k)
            if (found[closings + k])
                log.hits.push_back({uint32_t(log.time.size()), agent, sid, t, csv.line(), csv.offset(), uint16_t(k)});
        return flags;
    }

    void stage(uint32_t sid, uint32_t t, ChatRole role, uint32_t aid, uint32_t bid, int kind) {
        if (sid == st.first.size()) {
            st.first.push_back(t);
            st.buyer.push_back(kNoId);
            st.agent.push_back(kNoId);
            st.fallbackAgent.push_back(kNoId);
            st.afterSales.push_back(0);
        }
        st.first[sid] = std::min(st.first[sid], t);
        if (st.buyer[sid] == kNoId) st.buyer[sid] = bid;
        if (kind == 1) st.afterSales[sid] = 1; // any row marked after-sales marks the session
        bool human = role == ChatRole::Buyer || role == ChatRole::Agent;
        uint32_t& slot = human ? st.agent[sid] : st.fallbackAgent[sid];
        if (slot == kNoId) slot = aid;
    }

    Expected<bool> row() {
        if (++rows == kSampleRows && opt.expectedBytes) reserveColumns();
        if (csv.fieldCount() > headerNames.size())
            return fail(errorAt(csv.line(), -1, headerNames, std::to_string(csv.fieldCount()) + " fields, the header has " +
                                                                std::to_string(headerNames.size()) + " (quote texts that hold commas)"));
        std::string_view sess = cell(kSession);
        if (sess.empty()) return fail(kSession, "empty session id");
        // The names' table slots are fetched first (session and buyer tables outgrow the caches),
        // so the loads overlap each other and the time parsing; the decoder sees the fields in the
        // same order as ever: role, kind, session, agent, buyer, text.
        auto role = parseRole(dec.utf8(cell(kRole), roleBuf));
        int kind = parseKind(dec.utf8(cell(kKind), roleBuf));
        const std::string_view rawAgent = cell(kAgent), rawBuyer = cell(kBuyer);
        const std::string_view sessName = dec.utf8(sess, scratch);
        const std::string_view agentName = rawAgent.empty() ? rawAgent : dec.utf8(rawAgent, agentBuf);
        const std::string_view buyerName = rawBuyer.empty() ? rawBuyer : dec.utf8(rawBuyer, buyerBuf);
        const Interner::Ticket sessTicket = log.sessionNames.prefetch(sessName);
        const Interner::Ticket agentTicket = agentName.empty() ? Interner::Ticket{} : log.agents.prefetch(agentName);
        const Interner::Ticket buyerTicket = buyerName.empty() ? Interner::Ticket{} : log.buyers.prefetch(buyerName);
        auto t = parseShopTime(cell(kTime), opt.tzOffsetMinutes);
        if (!t) return fail(kTime, "cannot read the time '" + std::string(cell(kTime)) + "' (expected 2024-03-01 09:00:00 or ISO 8601)");
        if (*t < 0 || *t >= int64_t(kNoId)) return fail(kTime, "the time '" + std::string(cell(kTime)) + "' is outside 1970-2105");
        if (!role) return fail(kRole, "unknown role '" + std::string(cell(kRole)) + "' (buyer, agent, robot or system)");
        if (kind < 0) return fail(kKind, "unknown kind '" + std::string(cell(kKind)) + "' (pre-sales/售前 or after-sales/售后)");
        uint32_t sid = log.sessionNames.intern(sessName, sessTicket);
        uint32_t aid = rawAgent.empty() ? kNoId : log.agents.intern(agentName, agentTicket);
        uint32_t bid = rawBuyer.empty() ? kNoId : log.buyers.intern(buyerName, buyerTicket);
        if (sid == kNoId) return fail(kSession, "too many distinct names (4 GB)");
        uint32_t tt = uint32_t(*t);
        uint8_t rb = uint8_t(*role);
        if (checkText && *role == ChatRole::Agent) rb |= checkPhrases(sid, aid, tt);
        log.time.push_back(tt);
        log.agent.push_back(aid);
        log.role.push_back(rb);
        st.msgSession.push_back(sid);
        stage(sid, tt, *role, aid, bid, kind);
        if (log.time.size() >= size_t(kNoId) - 1) return fail(kSession, "more than 4 billion messages");
        return true;
    }

    Expected<bool> drain() {
        while (csv.next()) {
            auto r = headerNames.empty() ? header() : row();
            if (!r) return r;
        }
        if (csv.failed()) return fail(csv.error());
        return true;
    }
};

MessageReader::MessageReader(ChatLog& log, ChatReadOptions options) : m(std::make_unique<Impl>(log, std::move(options))) {}
MessageReader::~MessageReader() = default;

Expected<bool> MessageReader::feed(std::string_view chunk) { return feedReader(*m, chunk); }

Expected<bool> MessageReader::finish() {
    return finishReader(*m, [this] { indexMessages(m->log, m->st); });
}

uint64_t MessageReader::bytesRead() const { return m->csv.bytesSeen(); }
uint64_t MessageReader::rows() const { return m->rows; }

} // namespace kefu::core
