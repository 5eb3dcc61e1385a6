// Indexing after the messages are read: one stable counting sort of the messages by session rank
// (sessions ordered by buyer, start, name); time order inside each session; then the buyer and
// agent indexes. Peak extra memory: one uint32 per message besides the staging.
#include <algorithm>
#include <numeric>

#include "chatlog_internal.h"

namespace kefu::core {

size_t ChatLog::memoryBytes() const {
    auto v = [](const auto& x) { return x.capacity() * sizeof(x[0]); };
    return sessionNames.memoryBytes() + agents.memoryBytes() + buyers.memoryBytes() + v(time) + v(agent) + v(role) +
           v(sessionBegin) + v(sessionName) + v(sessionBuyer) + v(sessionAfterSales) + v(buyerSessionBegin) * 2 + v(agentTimes) +
           v(agentTimeBegin) + v(hits) + v(blocks) + v(robotBlocks) + v(blockBegin) + v(robotBlockBegin) +
           v(dayCounts) + v(greetings) + v(orders.buyer) * 5 + v(orders.amountFen) * 2;
}

ChatReadOptions chatReadOptions(const ChatSettings& s) {
    ChatReadOptions o;
    o.tzOffsetMinutes = s.tzOffsetMinutes;
    o.phrases = s.phrases;
    return o;
}

namespace chat {

namespace {
// Moves every message to its destination: one spare uint32 column, reused for time and agent
// (the column it replaces becomes the next spare), so the sort allocates once.
void permute(ChatLog& log, const std::vector<uint32_t>& dest) {
    const size_t n = dest.size();
    std::vector<uint32_t> spare(n);
    for (std::vector<uint32_t>* col : {&log.time, &log.agent}) {
        spare.resize(n);
        for (size_t i = 0; i < n; ++i) spare[dest[i]] = (*col)[i];
        col->swap(spare);
    }
    std::vector<uint32_t>().swap(spare);
    std::vector<uint8_t> roles(n);
    for (size_t i = 0; i < n; ++i) roles[dest[i]] = log.role[i];
    log.role.swap(roles);
}

// Sessions whose rows were not in time order get a stable sort of their slice (hits follow).
void sortSessionSlices(ChatLog& log) {
    std::vector<uint32_t> idx, newPos;
    std::vector<uint32_t> t, a;
    std::vector<uint8_t> r;
    std::vector<uint32_t> hitOrder(log.hits.size()); // hits by message index
    std::iota(hitOrder.begin(), hitOrder.end(), 0u);
    std::sort(hitOrder.begin(), hitOrder.end(), [&](uint32_t x, uint32_t y) { return log.hits[x].message < log.hits[y].message; });
    auto firstHit = [&](uint32_t m) {
        return std::lower_bound(hitOrder.begin(), hitOrder.end(), m, [&](uint32_t h, uint32_t v) { return log.hits[h].message < v; });
    };
    for (size_t s = 0; s + 1 < log.sessionBegin.size(); ++s) {
        uint32_t b = log.sessionBegin[s], e = log.sessionBegin[s + 1];
        if (std::is_sorted(log.time.begin() + b, log.time.begin() + e)) continue;
        idx.resize(e - b);
        std::iota(idx.begin(), idx.end(), b);
        std::stable_sort(idx.begin(), idx.end(), [&](uint32_t x, uint32_t y) { return log.time[x] < log.time[y]; });
        t.clear(); a.clear(); r.clear();
        for (uint32_t i : idx) { t.push_back(log.time[i]); a.push_back(log.agent[i]); r.push_back(log.role[i]); }
        std::copy(t.begin(), t.end(), log.time.begin() + b);
        std::copy(a.begin(), a.end(), log.agent.begin() + b);
        std::copy(r.begin(), r.end(), log.role.begin() + b);
        newPos.resize(e - b);
        for (uint32_t k = 0; k < e - b; ++k) newPos[idx[k] - b] = b + k;
        for (auto it = firstHit(b); it != hitOrder.end() && log.hits[*it].message < e; ++it)
            log.hits[*it].message = newPos[log.hits[*it].message - b];
    }
}

// Rows without an agent get the agent in charge at that point: the last one named on a buyer or
// agent row, else the session's first named one. Robot and system rows always get that agent.
void fillAgents(ChatLog& log, const std::vector<uint32_t>& sessionDefault) {
    for (size_t s = 0; s + 1 < log.sessionBegin.size(); ++s) {
        uint32_t cur = sessionDefault[s];
        for (uint32_t m = log.sessionBegin[s]; m < log.sessionBegin[s + 1]; ++m) {
            ChatRole r = roleOf(log.role[m]);
            if ((r == ChatRole::Buyer || r == ChatRole::Agent) && log.agent[m] != kNoId) cur = log.agent[m];
            else log.agent[m] = cur;
        }
    }
}

void buildBuyerIndex(ChatLog& log) {
    log.buyerSessionBegin.assign(log.buyers.size(), 0);
    log.buyerSessionEnd.assign(log.buyers.size(), 0);
    for (uint32_t s = 0; s < log.sessionBuyer.size(); ++s) {
        uint32_t b = log.sessionBuyer[s];
        if (s == 0 || log.sessionBuyer[s - 1] != b) log.buyerSessionBegin[b] = s;
        log.buyerSessionEnd[b] = s + 1;
    }
}

// Times of human agent messages grouped by agent, each group ascending (online hours read them
// in order without touching the message columns).
void buildAgentIndex(ChatLog& log) {
    const uint32_t nAgents = log.agents.size();
    log.agentTimeBegin.assign(size_t(nAgents) + 1, 0);
    for (size_t m = 0; m < log.time.size(); ++m)
        if (roleOf(log.role[m]) == ChatRole::Agent && log.agent[m] != kNoId) ++log.agentTimeBegin[log.agent[m] + 1];
    std::partial_sum(log.agentTimeBegin.begin(), log.agentTimeBegin.end(), log.agentTimeBegin.begin());
    log.agentTimes.assign(log.agentTimeBegin.back(), 0);
    std::vector<uint32_t> cursor(log.agentTimeBegin.begin(), log.agentTimeBegin.end() - 1);
    for (size_t m = 0; m < log.time.size(); ++m)
        if (roleOf(log.role[m]) == ChatRole::Agent && log.agent[m] != kNoId) log.agentTimes[cursor[log.agent[m]]++] = log.time[m];
    for (uint32_t a = 0; a < nAgents; ++a) {
        auto b = log.agentTimes.begin() + log.agentTimeBegin[a], e = log.agentTimes.begin() + log.agentTimeBegin[a + 1];
        if (!std::is_sorted(b, e)) std::sort(b, e);
    }
}
} // namespace

namespace {
uint32_t defaultAgent(const MessageStaging& st, uint32_t s) { return st.agent[s] != kNoId ? st.agent[s] : st.fallbackAgent[s]; }

// Session names in their new order: buyers by the agent and day of their first session (then id),
// a buyer's sessions by (start, name id). Keys are sorted by value: comparisons that look values up
// would miss the cache on every step for millions of sessions.
std::vector<uint32_t> sessionOrder(const ChatLog& log, const MessageStaging& st) {
    const uint32_t nSessions = uint32_t(st.first.size());
    std::vector<uint32_t> buyerRank(log.buyers.size(), kNoId); // first: the buyer's first session
    for (uint32_t s = 0; s < nSessions; ++s) {
        uint32_t& f = buyerRank[st.buyer[s]];
        if (f == kNoId || st.first[s] < st.first[f]) f = s;
    }
    std::vector<std::pair<uint64_t, uint32_t>> keys;
    keys.reserve(log.buyers.size());
    for (uint32_t b = 0; b < log.buyers.size(); ++b)
        if (const uint32_t f = buyerRank[b]; f != kNoId) // kNoId: a buyer only in orders
            keys.push_back({uint64_t(defaultAgent(st, f)) << 32 | (st.first[f] / 86400), b});
    std::sort(keys.begin(), keys.end());
    for (uint32_t r = 0; r < keys.size(); ++r) buyerRank[keys[r].second] = r;
    keys.resize(nSessions);
    for (uint32_t s = 0; s < nSessions; ++s) keys[s] = {uint64_t(buyerRank[st.buyer[s]]) << 32 | st.first[s], s};
    std::vector<uint32_t>().swap(buyerRank);
    std::sort(keys.begin(), keys.end());
    std::vector<uint32_t> order(nSessions);
    for (uint32_t r = 0; r < nSessions; ++r) order[r] = keys[r].second;
    return order;
}

// Turns st.msgSession (session name per message) into each message's destination and moves the
// messages there; sessionBegin is filled on the way.
void sortMessages(ChatLog& log, MessageStaging& st, const std::vector<uint32_t>& order) {
    const size_t nSessions = order.size();
    std::vector<uint32_t> rank(nSessions);
    for (uint32_t r = 0; r < nSessions; ++r) rank[order[r]] = r;
    log.sessionBegin.assign(nSessions + 1, 0);
    for (uint32_t s : st.msgSession) ++log.sessionBegin[rank[s] + 1];
    std::partial_sum(log.sessionBegin.begin(), log.sessionBegin.end(), log.sessionBegin.begin());
    std::vector<uint32_t> cursor(log.sessionBegin.begin(), log.sessionBegin.end() - 1);
    for (uint32_t& s : st.msgSession) s = cursor[rank[s]]++; // now the destination of each message
    std::vector<uint32_t>().swap(cursor);
    std::vector<uint32_t>().swap(rank);
    for (PhraseHit& h : log.hits) h.message = st.msgSession[h.message];
    permute(log, st.msgSession);
    std::vector<uint32_t>().swap(st.msgSession);
    sortSessionSlices(log);
}
} // namespace

void indexMessages(ChatLog& log, MessageStaging& st) {
    const uint32_t nSessions = uint32_t(st.first.size());
    // Sessions without a buyer are their own buyer.
    for (uint32_t s = 0; s < nSessions; ++s)
        if (st.buyer[s] == kNoId) st.buyer[s] = log.buyers.intern("\x1f" + std::string(log.sessionNames.name(s)));
    std::vector<uint32_t> order = sessionOrder(log, st);
    sortMessages(log, st, order);
    log.sessionBuyer.resize(nSessions);
    log.sessionAfterSales.resize(nSessions);
    std::vector<uint32_t> sessionDefault(nSessions);
    for (uint32_t r = 0; r < nSessions; ++r) {
        log.sessionBuyer[r] = st.buyer[order[r]];
        log.sessionAfterSales[r] = st.afterSales[order[r]];
        sessionDefault[r] = defaultAgent(st, order[r]);
    }
    log.sessionName = std::move(order);
    st = MessageStaging{};
    fillAgents(log, sessionDefault);
    for (PhraseHit& h : log.hits) h.agent = log.agent[h.message];
    buildBuyerIndex(log);
    buildAgentIndex(log);
    buildDerived(log);
    log.sessionNames.dropIndex(); // no session names come after the messages
    log.hasMessages = true;
}

} // namespace chat
} // namespace kefu::core
