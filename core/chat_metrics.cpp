// computeChatMetrics(): one pass over the prepared buyer blocks, buyer by buyer (their sessions
// are contiguous), so distinct (buyer, day) pairs are found in a small per-buyer list; the message
// counts per agent-day; each agent's time-ordered messages for online hours; the orders. Counts go
// to a dense agent x day table for the period; the messages themselves are not walked again.
#include "chat_metrics.h"

#include <algorithm>

namespace kefu::core {

void ChatCounts::add(const ChatCounts& o) {
    buyerMessages += o.buyerMessages; agentMessages += o.agentMessages;
    blocks += o.blocks; answeredBlocks += o.answeredBlocks;
    timedBlocks += o.timedBlocks; timedAnswered += o.timedAnswered; fastAnswered += o.fastAnswered;
    responseSum += o.responseSum;
    firstResponses += o.firstResponses; firstResponseSum += o.firstResponseSum;
    receptions += o.receptions; replied += o.replied; slow += o.slow; inquiries += o.inquiries;
    activeDays += o.activeDays; onlineSeconds += o.onlineSeconds;
    ordered += o.ordered; paid += o.paid; refunds += o.refunds; salesFen += o.salesFen;
    checkedSessions += o.checkedSessions; compliantSessions += o.compliantSessions; forbiddenHits += o.forbiddenHits;
}

namespace {
constexpr uint8_t kPairReplied = 1, kPairSlow = 2, kPairInquiry = 4;

struct Window {
    int64_t dayLo = 0;
    uint32_t nDays = 0;
    int64_t tLo = 0, tHi = 0; // [tLo, tHi) in shop seconds
    uint32_t exemptMask = 0;  // bit per day of the period
    std::vector<uint8_t> minuteInHours; // 1440 entries; all 1 without service hours
    bool in(uint32_t t) const { return int64_t(t) >= tLo && int64_t(t) < tHi; }
    uint32_t dayIdx(uint32_t t) const { return uint32_t((int64_t(t) - tLo) / 86400); }
    bool inHours(uint32_t t) const { return minuteInHours[t % 86400 / 60]; }
};

Window makeWindow(const ChatSettings& s, Month period) {
    Window w;
    w.dayLo = daysFromCivil(firstDay(period));
    w.nDays = uint32_t(lastDay(period).day);
    w.tLo = w.dayLo * 86400;
    w.tHi = w.tLo + int64_t(w.nDays) * 86400;
    for (const Date& d : s.exemptDays)
        if (monthOf(d) == period) w.exemptMask |= 1u << (d.day - 1);
    w.minuteInHours.assign(1440, s.serviceHours.empty() ? 1 : 0);
    for (const ServiceHours& h : s.serviceHours)
        for (int32_t m = 0; m < 1440; ++m) {
            int32_t sec = m * 60;
            bool in = h.from < h.to ? (sec >= h.from && sec < h.to) : (sec >= h.from || sec < h.to);
            if (in) w.minuteInHours[size_t(m)] = 1;
        }
    return w;
}

// The counts the block scan touches, one cache line per agent-day (the scan jumps between
// agents, so a small hot table stays in cache); response sums are whole seconds.
struct alignas(64) HotCell {
    uint32_t buyerMessages = 0, agentMessages = 0, blocks = 0, answeredBlocks = 0;
    uint32_t timedBlocks = 0, timedAnswered = 0, fastAnswered = 0, firstResponses = 0;
    uint32_t receptions = 0, replied = 0, slow = 0, inquiries = 0;
    uint64_t responseSum = 0, firstResponseSum = 0;
};

struct Table {
    uint32_t nDays;
    std::vector<HotCell> hot;       // agent * nDays + day
    std::vector<ChatCounts> cold;   // the rest (online, orders, text checks), same index
    HotCell& hotAt(uint32_t agent, uint32_t day) { return hot[size_t(agent) * nDays + day]; }
    ChatCounts& at(uint32_t agent, uint32_t day) { return cold[size_t(agent) * nDays + day]; }
    ChatCounts merged(uint32_t agent, uint32_t day) const {
        const HotCell& h = hot[size_t(agent) * nDays + day];
        ChatCounts c = cold[size_t(agent) * nDays + day];
        c.buyerMessages = h.buyerMessages; c.agentMessages = h.agentMessages;
        c.blocks = h.blocks; c.answeredBlocks = h.answeredBlocks;
        c.timedBlocks = h.timedBlocks; c.timedAnswered = h.timedAnswered; c.fastAnswered = h.fastAnswered;
        c.responseSum = double(h.responseSum);
        c.firstResponses = h.firstResponses; c.firstResponseSum = double(h.firstResponseSum);
        c.receptions = h.receptions; c.replied = h.replied; c.slow = h.slow; c.inquiries = h.inquiries;
        return c;
    }
};

// Blocks, buyer by buyer (a buyer's sessions are contiguous), so distinct (buyer, day) pairs
// are found in a small per-buyer list.
class BlockScanner {
public:
    BlockScanner(const ChatLog& log, const ChatSettings& s, const Window& w, Table& t, ChatMetrics& out)
        : m_log(log), m_s(s), m_w(w), m_t(t), m_out(out), m_robots(s.robot == RobotMode::Response) {}

    void run() {
        const size_t nSessions = m_log.sessionCount();
        size_t r = 0; // next entry of robotSessions
        for (uint32_t s = 0; s < nSessions; ++s) {
            if (s > 0 && m_log.sessionBuyer[s] != m_log.sessionBuyer[s - 1]) flushPairs(); // the next buyer
            const ChatBlock *b = m_log.blocks.data() + m_log.blockBegin[s], *e = m_log.blocks.data() + m_log.blockBegin[s + 1];
            if (r < m_log.robotSessions.size() && m_log.robotSessions[r] == s) {
                if (m_robots) {
                    b = m_log.robotBlocks.data() + m_log.robotBlockBegin[r];
                    e = m_log.robotBlocks.data() + m_log.robotBlockBegin[r + 1];
                }
                ++r;
            }
            if (b == e) continue;
            prefetch(m_log.blockBegin[s + 1] + 16);
            const bool sessionTimed = m_s.hoursBy == HoursBy::Block || m_w.inHours(m_log.time[m_log.sessionBegin[s]]);
            const uint8_t inquiry = m_log.sessionAfterSales[s] ? 0 : kPairInquiry;
            for (const ChatBlock* x = b; x != e; ++x) block(*x, x == b, sessionTimed, inquiry);
        }
        flushPairs();
    }

private:
    // A later block's table cell is fetched early: the scan jumps between agents.
    void prefetch(uint32_t k) {
        if (k >= m_log.blocks.size()) return;
        const ChatBlock& x = m_log.blocks[k];
        if (x.owner != kNoId && m_w.in(x.start)) __builtin_prefetch(&m_t.hotAt(x.owner, m_w.dayIdx(x.start)), 1);
    }

    void block(const ChatBlock& x, bool first, bool sessionTimed, uint8_t inquiry) {
        if (!m_w.in(x.start)) return;
        if (x.owner == kNoId) { ++m_out.blocksWithoutAgent; return; }
        const uint32_t day = m_w.dayIdx(x.start);
        const bool answered = x.answer != kNoId;
        HotCell& c = m_t.hotAt(x.owner, day);
        ++c.blocks;
        c.answeredBlocks += answered;
        const bool timed = (m_s.hoursBy == HoursBy::Block ? m_w.inHours(x.start) : sessionTimed) && !(m_w.exemptMask >> day & 1);
        bool slow = false;
        if (timed) {
            ++c.timedBlocks;
            if (answered) {
                const uint32_t rt = x.answer - x.start;
                const uint32_t capped = m_s.responseCapS > 0 ? std::min<uint32_t>(rt, uint32_t(m_s.responseCapS)) : rt;
                ++c.timedAnswered;
                c.responseSum += capped;
                c.fastAnswered += rt <= uint32_t(m_s.fastResponseS);
                slow = rt > uint32_t(m_s.slowResponseS);
                if (first) { ++c.firstResponses; c.firstResponseSum += capped; }
            }
        }
        const uint8_t flags = uint8_t((answered ? kPairReplied : 0) | (slow ? kPairSlow : 0) | inquiry);
        const uint64_t pair = uint64_t(x.owner) << 32 | uint64_t(day) << 8;
        if (!m_pairs.empty() && (m_pairs.back() & ~uint64_t(0xFF)) == pair) m_pairs.back() |= flags; // same pair again
        else m_pairs.push_back(pair | flags);
    }

    // Distinct (agent, day) pairs of this buyer; flags of one pair are OR'ed.
    void flushPairs() {
        if (m_pairs.empty()) return;
        if (m_pairs.size() > 1) std::sort(m_pairs.begin(), m_pairs.end());
        for (size_t i = 0; i < m_pairs.size();) {
            const uint64_t key = m_pairs[i] >> 8;
            uint8_t flags = 0;
            for (; i < m_pairs.size() && m_pairs[i] >> 8 == key; ++i) flags |= uint8_t(m_pairs[i]);
            HotCell& c = m_t.hotAt(uint32_t(key >> 24), uint32_t(key & 0xFFFFFF));
            ++c.receptions;
            c.replied += (flags & kPairReplied) != 0;
            c.slow += (flags & kPairSlow) != 0;
            c.inquiries += (flags & kPairInquiry) != 0;
        }
        m_pairs.clear();
    }

    const ChatLog& m_log;
    const ChatSettings& m_s;
    const Window& m_w;
    Table& m_t;
    ChatMetrics& m_out;
    const bool m_robots;
    std::vector<uint64_t> m_pairs; // agent << 32 | day << 8 | flags
};

void scanMessageCounts(const ChatLog& log, const ChatSettings& s, const Window& w, Table& t) {
    const bool robotAnswers = s.robot == RobotMode::Response;
    for (const ChatDayCount& d : log.dayCounts) {
        if (d.day < w.dayLo || d.day >= w.dayLo + int64_t(w.nDays)) continue;
        HotCell& c = t.hotAt(d.agent, uint32_t(d.day - w.dayLo));
        c.buyerMessages += d.buyerMessages;
        c.agentMessages += d.agentMessages + (robotAnswers ? d.robotMessages : 0);
    }
}

void scanGreetings(const ChatLog& log, const Window& w, Table& t) {
    for (const ChatGreeting& g : log.greetings) {
        if (!w.in(g.firstTime)) continue;
        ChatCounts& c = t.at(g.agent, w.dayIdx(g.firstTime));
        ++c.checkedSessions;
        c.compliantSessions += g.compliant;
    }
}

// Online time: per agent and day, first to last message with gaps over the limit removed.
void scanOnline(const ChatLog& log, const ChatSettings& s, const Window& w, Table& t) {
    for (size_t a = 0; a + 1 < log.agentTimeBegin.size(); ++a) {
        auto b = log.agentTimes.begin() + log.agentTimeBegin[a], e = log.agentTimes.begin() + log.agentTimeBegin[a + 1];
        auto it = std::lower_bound(b, e, w.tLo, [](uint32_t tm, int64_t v) { return int64_t(tm) < v; });
        uint32_t prevDay = kNoId, prevT = 0, online = 0;
        for (; it != e && w.in(*it); ++it) {
            const uint32_t tm = *it, day = w.dayIdx(tm);
            if (day != prevDay) {
                if (prevDay != kNoId) t.at(uint32_t(a), prevDay).onlineSeconds = online;
                t.at(uint32_t(a), day).activeDays = 1;
                online = 0;
            } else if (tm - prevT <= uint32_t(s.onlineGapS)) {
                online += tm - prevT;
            }
            prevDay = day;
            prevT = tm;
        }
        if (prevDay != kNoId) t.at(uint32_t(a), prevDay).onlineSeconds = online;
    }
}

void scanHits(const ChatLog& log, const Window& w, Table& t) {
    if (!log.hasText || log.phrases.forbidden.empty()) return;
    for (const PhraseHit& h : log.hits)
        if (h.agent != kNoId && w.in(h.time)) ++t.at(h.agent, w.dayIdx(h.time)).forbiddenHits;
}

void scanOrders(const ChatLog& log, const ChatSettings& s, const Window& w, Table& t, ChatMetrics& out) {
    enum : uint8_t { kOrdered, kPaid, kRefund };
    struct Ev {
        uint32_t agent, day, kind, buyer;
        auto operator<=>(const Ev&) const = default;
    };
    std::vector<Ev> ev;
    const ChatOrders& o = log.orders;
    for (size_t i = 0; i < o.size(); ++i) {
        bool created = w.in(o.created[i]), paid = o.paid[i] != kNoId && w.in(o.paid[i]);
        bool refund = o.refundFen[i] > 0 && o.refundTime[i] != kNoId && w.in(o.refundTime[i]);
        if (!created && !paid && !refund) continue;
        ++out.ordersInPeriod;
        uint32_t a = o.agent[i] != kNoId ? o.agent[i] : attributeOrder(log, o.buyer[i], o.created[i], s.attributionWindowS);
        if (a == kNoId) { ++out.ordersUnattributed; continue; }
        if (created) ev.push_back({a, w.dayIdx(o.created[i]), kOrdered, o.buyer[i]});
        if (paid) {
            ev.push_back({a, w.dayIdx(o.paid[i]), kPaid, o.buyer[i]});
            t.at(a, w.dayIdx(o.paid[i])).salesFen += o.amountFen[i];
        }
        if (refund) ev.push_back({a, w.dayIdx(o.refundTime[i]), kRefund, o.buyer[i]});
    }
    std::sort(ev.begin(), ev.end());
    ev.erase(std::unique(ev.begin(), ev.end()), ev.end());
    for (const Ev& e : ev) {
        ChatCounts& c = t.at(e.agent, e.day);
        (e.kind == kOrdered ? c.ordered : e.kind == kPaid ? c.paid : c.refunds) += 1;
    }
}
} // namespace

uint32_t attributeOrder(const ChatLog& log, uint32_t buyer, uint32_t at, int32_t windowS) {
    if (buyer >= log.buyerSessionBegin.size()) return kNoId;
    const int64_t from = int64_t(at) - windowS;
    uint32_t best = kNoId, bestTime = 0;
    for (uint32_t s = log.buyerSessionBegin[buyer]; s < log.buyerSessionEnd[buyer]; ++s) {
        auto b = log.time.begin() + log.sessionBegin[s], e = log.time.begin() + log.sessionBegin[s + 1];
        if (*b > at) break; // sessions of a buyer are ordered by their start
        for (auto it = std::upper_bound(b, e, at); it != b;) {
            --it;
            if (int64_t(*it) < from) break;
            size_t m = size_t(it - log.time.begin());
            if (roleOf(log.role[m]) != ChatRole::Agent || log.agent[m] == kNoId) continue;
            if (best == kNoId || *it >= bestTime) { best = log.agent[m]; bestTime = *it; }
            break;
        }
    }
    return best;
}

ChatMetrics computeChatMetrics(const ChatLog& log, const ChatSettings& settings, Month period) {
    ChatMetrics out;
    out.period = period;
    const Window w = makeWindow(settings, period);
    const size_t cells = size_t(log.agents.size()) * w.nDays;
    Table t{w.nDays, std::vector<HotCell>(cells), std::vector<ChatCounts>(cells)};
    BlockScanner(log, settings, w, t, out).run();
    scanMessageCounts(log, settings, w, t);
    scanGreetings(log, w, t);
    scanOnline(log, settings, w, t);
    scanHits(log, w, t);
    scanOrders(log, settings, w, t, out);
    const ChatCounts none;
    for (uint32_t a = 0; a < log.agents.size(); ++a) {
        ChatCounts total;
        bool any = false;
        for (uint32_t d = 0; d < w.nDays; ++d) {
            const ChatCounts c = t.merged(a, d);
            if (c == none) continue;
            any = true;
            total.add(c);
            out.days.push_back({a, int32_t(w.dayLo + d), c});
        }
        if (!any) continue;
        out.agents.push_back(a);
        out.totals.push_back(total);
    }
    return out;
}

} // namespace kefu::core
