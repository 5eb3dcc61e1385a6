// What the metrics need from the messages, derived once after indexing: buyer blocks for both
// robot modes, message counts per agent-day, and one greeting/closing verdict per session and
// agent. None of it depends on compute-time settings, so a recompute never walks the messages.
#include <algorithm>

#include "chatlog_internal.h"

namespace kefu::core::chat {

namespace {
// A block opens at a buyer message when none is open and is answered by the next human agent
// message (or robot message, when robots answer); system messages and, by default, robot
// messages neither answer nor open one. `emit` receives each block.
template <class Emit>
void sessionBlocks(const ChatLog& log, uint32_t b, uint32_t e, bool robotAnswers, Emit&& emit) {
    bool open = false;
    ChatBlock cur{0, kNoId, kNoId};
    for (uint32_t m = b; m < e; ++m) {
        const ChatRole r = roleOf(log.role[m]);
        if (r == ChatRole::Buyer) {
            if (!open) cur = {log.time[m], kNoId, log.agent[m]};
            open = true;
        } else if ((r == ChatRole::Agent || (r == ChatRole::Robot && robotAnswers)) && open) {
            emit(ChatBlock{cur.start, log.time[m], log.agent[m]});
            open = false;
        }
    }
    if (open) emit(cur); // unanswered: the agent in charge when it started owns it
}

bool hasRobot(const ChatLog& log, uint32_t b, uint32_t e) {
    for (uint32_t m = b; m < e; ++m)
        if (roleOf(log.role[m]) == ChatRole::Robot) return true;
    return false;
}

// Counted first, so each list is allocated once at its size (no growth, no over-reserve).
void buildBlocks(ChatLog& log) {
    const size_t nSessions = log.sessionCount();
    size_t count = 0, robotCount = 0, robotSessions = 0;
    for (size_t s = 0; s < nSessions; ++s) {
        const uint32_t b = log.sessionBegin[s], e = log.sessionBegin[s + 1];
        sessionBlocks(log, b, e, false, [&](const ChatBlock&) { ++count; });
        if (!hasRobot(log, b, e)) continue;
        ++robotSessions;
        sessionBlocks(log, b, e, true, [&](const ChatBlock&) { ++robotCount; });
    }
    log.blocks.clear();
    log.blocks.reserve(count);
    log.blockBegin.assign(nSessions + 1, 0);
    log.robotBlocks.clear();
    log.robotBlocks.reserve(robotCount);
    log.robotSessions.clear();
    log.robotSessions.reserve(robotSessions);
    log.robotBlockBegin.clear();
    log.robotBlockBegin.reserve(robotSessions + 1);
    for (size_t s = 0; s < nSessions; ++s) {
        const uint32_t b = log.sessionBegin[s], e = log.sessionBegin[s + 1];
        log.blockBegin[s] = uint32_t(log.blocks.size());
        sessionBlocks(log, b, e, false, [&](const ChatBlock& x) { log.blocks.push_back(x); });
        if (!hasRobot(log, b, e)) continue;
        log.robotSessions.push_back(uint32_t(s));
        log.robotBlockBegin.push_back(uint32_t(log.robotBlocks.size()));
        sessionBlocks(log, b, e, true, [&](const ChatBlock& x) { log.robotBlocks.push_back(x); });
    }
    log.blockBegin[nSessions] = uint32_t(log.blocks.size());
    log.robotBlockBegin.push_back(uint32_t(log.robotBlocks.size()));
}

// Open addressing from (agent, day) to an index in dayCounts.
class DayCountMap {
public:
    ChatDayCount& at(std::vector<ChatDayCount>& counts, uint32_t agent, int32_t day) {
        if ((counts.size() + 1) * 2 > m_slots.size()) grow(counts);
        const uint64_t key = uint64_t(agent) << 32 | uint32_t(day);
        size_t i = slotOf(key);
        if (m_slots[i] == kNoId) {
            m_slots[i] = uint32_t(counts.size());
            m_keys[i] = key;
            counts.push_back({agent, day, 0, 0, 0});
        }
        return counts[m_slots[i]];
    }

private:
    size_t slotOf(uint64_t key) const {
        const size_t mask = m_slots.size() - 1;
        size_t i = size_t((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
        while (m_slots[i] != kNoId && m_keys[i] != key) i = (i + 1) & mask;
        return i;
    }
    void grow(const std::vector<ChatDayCount>& counts) {
        m_slots.assign(m_slots.empty() ? 1024 : m_slots.size() * 2, kNoId);
        m_keys.assign(m_slots.size(), 0);
        for (uint32_t k = 0; k < counts.size(); ++k) {
            const uint64_t key = uint64_t(counts[k].agent) << 32 | uint32_t(counts[k].day);
            size_t i = slotOf(key);
            m_slots[i] = k;
            m_keys[i] = key;
        }
    }
    std::vector<uint32_t> m_slots;
    std::vector<uint64_t> m_keys;
};

void buildDayCounts(ChatLog& log) {
    DayCountMap map;
    log.dayCounts.clear();
    // Rows of one session mostly share agent and day: counted in runs, one map lookup per run.
    uint32_t runAgent = kNoId, counts[4] = {0, 0, 0, 0};
    int32_t runDay = 0;
    auto flush = [&] {
        if (runAgent != kNoId && (counts[0] || counts[1] || counts[2])) {
            ChatDayCount& c = map.at(log.dayCounts, runAgent, runDay);
            c.buyerMessages += counts[0];
            c.agentMessages += counts[1];
            c.robotMessages += counts[2];
        }
        counts[0] = counts[1] = counts[2] = 0;
    };
    for (size_t m = 0; m < log.messageCount(); ++m) {
        const uint32_t a = log.agent[m];
        const int32_t day = int32_t(log.time[m] / 86400);
        if (a != runAgent || day != runDay) {
            flush();
            runAgent = a;
            runDay = day;
        }
        ++counts[uint8_t(roleOf(log.role[m]))];
    }
    flush();
    std::sort(log.dayCounts.begin(), log.dayCounts.end(),
              [](const ChatDayCount& x, const ChatDayCount& y) { return x.agent != y.agent ? x.agent < y.agent : x.day < y.day; });
}

void buildGreetings(ChatLog& log) {
    log.greetings.clear();
    const bool needGreeting = !log.phrases.greetings.empty(), needClosing = !log.phrases.closings.empty();
    if (!log.hasText || (!needGreeting && !needClosing)) return;
    struct Part {
        uint32_t agent, firstTime;
        uint8_t first, last;
    };
    std::vector<Part> parts;
    for (size_t s = 0; s < log.sessionCount(); ++s) {
        parts.clear();
        for (uint32_t m = log.sessionBegin[s]; m < log.sessionBegin[s + 1]; ++m) {
            if (roleOf(log.role[m]) != ChatRole::Agent || log.agent[m] == kNoId) continue;
            auto it = std::find_if(parts.begin(), parts.end(), [&](const Part& p) { return p.agent == log.agent[m]; });
            if (it == parts.end()) parts.push_back({log.agent[m], log.time[m], log.role[m], log.role[m]});
            else it->last = log.role[m];
        }
        for (const Part& p : parts) {
            bool ok = (!needGreeting || (p.first & kHasGreeting)) && (!needClosing || (p.last & kHasClosing));
            log.greetings.push_back({p.agent, p.firstTime, uint8_t(ok)});
        }
    }
}
} // namespace

void buildDerived(ChatLog& log) {
    buildBlocks(log);
    buildDayCounts(log);
    buildGreetings(log);
}

} // namespace kefu::core::chat
