// A slow, straightforward implementation of docs/chatlog-metrics.md (std::map, whole-file CSV,
// rows kept as strings), used to check the fast columnar one on random and real logs.
// Reads canonical column names only; ties in order attribution are broken as documented.
#pragma once
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "chat_helpers.h"
#include "csv.h"

namespace kefu::test::ref {

struct Row {
    std::string session, agent, buyer, text;
    int64_t t = 0;
    int role = 0;
    bool afterSales = false;
    size_t idx = 0;
};

struct Acc {
    double buyerMessages = 0, agentMessages = 0, timedBlocks = 0, timedAnswered = 0, fastAnswered = 0, responseSum = 0;
    double firstResponses = 0, firstSum = 0, receptions = 0, replied = 0, slow = 0, inquiries = 0, activeDays = 0;
    double online = 0, ordered = 0, paid = 0, refunds = 0, salesFen = 0, checked = 0, compliant = 0, hits = 0;
};

inline std::vector<std::map<std::string, std::string>> csvRows(std::string_view text) {
    auto t = parseCsv(text);
    REQUIRE(t.ok());
    std::vector<std::map<std::string, std::string>> out;
    for (size_t r = 1; r < t->rows.size(); ++r) {
        std::map<std::string, std::string> m;
        for (size_t c = 0; c < t->rows[0].size(); ++c) m[t->rows[0][c]] = c < t->rows[r].size() ? std::string(trim(t->rows[r][c])) : "";
        out.push_back(m);
    }
    return out;
}

inline bool contains(const std::string& text, const std::vector<std::string>& list) {
    for (const auto& p : list)
        if (text.find(p) != std::string::npos) return true;
    return false;
}

struct Reference {
    const ChatSettings& s;
    int64_t dayLo, dayHi;
    std::map<std::string, Acc> acc;
    std::map<std::tuple<std::string, std::string, int64_t>, int> pairs; // (agent, buyer, day) -> flags
    std::map<std::string, std::vector<int64_t>> agentTimes;
    // Per session: its rows in time order, start, first file index, buyer.
    struct Session {
        std::vector<Row> rows;
        int64_t start = 0;
        size_t firstIdx = 0;
        std::string buyer;
    };
    std::map<std::string, Session> sessions;

    Reference(const ChatSettings& settings, const char* month) : s(settings) {
        Month m = *parseMonth(month);
        dayLo = daysFromCivil(firstDay(m));
        dayHi = daysFromCivil(lastDay(m));
    }
    bool inP(int64_t t) const { return t / 86400 >= dayLo && t / 86400 <= dayHi; }
    bool inHours(int64_t t) const {
        if (s.serviceHours.empty()) return true;
        int64_t tod = t % 86400;
        for (const auto& h : s.serviceHours)
            if (h.from < h.to ? (tod >= h.from && tod < h.to) : (tod >= h.from || tod < h.to)) return true;
        return false;
    }
    bool exempt(int64_t day) const {
        for (const Date& d : s.exemptDays)
            if (daysFromCivil(d) == day) return true;
        return false;
    }

    void readMessages(std::string_view text) {
        size_t idx = 0;
        for (auto& r : csvRows(text)) {
            Row row;
            row.session = r["session_id"];
            row.t = *parseShopTime(r["time"], s.tzOffsetMinutes);
            std::string role = r["role"];
            row.role = role == "buyer" ? 0 : role == "agent" ? 1 : role == "robot" ? 2 : 3;
            row.agent = r["agent"];
            row.buyer = r["buyer"];
            row.text = r["text"];
            row.afterSales = r["kind"] == "after-sales";
            row.idx = idx++;
            sessions[row.session].rows.push_back(row);
        }
        for (auto& [name, se] : sessions) {
            se.firstIdx = se.rows.front().idx;
            se.start = se.rows.front().t;
            for (const Row& r : se.rows) se.start = std::min(se.start, r.t);
            for (const Row& r : se.rows)
                if (se.buyer.empty() && !r.buyer.empty()) se.buyer = r.buyer;
            if (se.buyer.empty()) se.buyer = "\x1f" + name;
            std::stable_sort(se.rows.begin(), se.rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
        }
    }

    // Effective agents: the last one named on a buyer/agent row, else the session's first named one.
    std::vector<std::string> effectiveAgents(const Session& se) const {
        std::vector<const Row*> fileOrder;
        for (const Row& r : se.rows) fileOrder.push_back(&r);
        std::sort(fileOrder.begin(), fileOrder.end(), [](const Row* a, const Row* b) { return a->idx < b->idx; });
        std::string cur;
        for (const Row* r : fileOrder)
            if (cur.empty() && r->role <= 1 && !r->agent.empty()) cur = r->agent;
        for (const Row* r : fileOrder)
            if (cur.empty() && !r->agent.empty()) cur = r->agent;
        std::vector<std::string> out;
        for (const Row& r : se.rows) {
            if (r.role <= 1 && !r.agent.empty()) cur = r.agent;
            out.push_back(cur);
        }
        return out;
    }

    void session(const Session& se) {
        auto eff = effectiveAgents(se);
        bool open = false, firstBlock = true, isFirst = false;
        int64_t start = 0;
        std::string blockAgent;
        bool afterSales = false;
        for (const Row& r : se.rows) afterSales = afterSales || r.afterSales;
        std::map<std::string, std::tuple<int64_t, std::string, std::string>> comp; // agent -> first time, first, last text
        std::vector<std::string> compOrder;
        auto close = [&](bool answered, const std::string& owner, int64_t end) {
            if (!inP(start) || owner.empty()) return;
            int64_t day = start / 86400;
            Acc& a = acc[owner];
            bool timed = (s.hoursBy == HoursBy::Block ? inHours(start) : inHours(se.start)) && !exempt(day);
            bool slow = false;
            if (timed) {
                a.timedBlocks++;
                if (answered) {
                    int64_t rt = end - start;
                    double capped = s.responseCapS > 0 ? std::min<int64_t>(rt, s.responseCapS) : rt;
                    a.timedAnswered++;
                    a.responseSum += capped;
                    a.fastAnswered += rt <= s.fastResponseS;
                    slow = rt > s.slowResponseS;
                    if (isFirst) { a.firstResponses++; a.firstSum += capped; }
                }
            }
            pairs[{owner, se.buyer, day}] |= (answered ? 1 : 0) | (slow ? 2 : 0) | (afterSales ? 0 : 4);
        };
        for (size_t i = 0; i < se.rows.size(); ++i) {
            const Row& r = se.rows[i];
            const std::string& a = eff[i];
            if (r.role == 0) {
                if (inP(r.t) && !a.empty()) acc[a].buyerMessages++;
                if (!open) { open = true; start = r.t; blockAgent = a; isFirst = firstBlock; firstBlock = false; }
            } else if (r.role == 1 || (r.role == 2 && s.robot == RobotMode::Response)) {
                if (inP(r.t) && !a.empty()) acc[a].agentMessages++;
                if (open) { close(true, a, r.t); open = false; }
                if (r.role == 1 && !a.empty()) {
                    agentTimes[a].push_back(r.t);
                    if (!comp.count(a)) { comp[a] = {r.t, r.text, r.text}; compOrder.push_back(a); }
                    std::get<2>(comp[a]) = r.text;
                    for (const auto& p : s.phrases.forbidden)
                        if (inP(r.t) && r.text.find(p) != std::string::npos) acc[a].hits++;
                }
            }
        }
        if (open) close(false, blockAgent, 0);
        bool g = !s.phrases.greetings.empty(), c = !s.phrases.closings.empty();
        if (!g && !c) return;
        for (const auto& a : compOrder) {
            auto& [t, first, last] = comp[a];
            if (!inP(t)) continue;
            acc[a].checked++;
            acc[a].compliant += (!g || contains(first, s.phrases.greetings)) && (!c || contains(last, s.phrases.closings));
        }
    }

    std::string attribute(const std::string& buyer, int64_t at) const {
        std::tuple<int64_t, int64_t, size_t, size_t> best{-1, 0, 0, 0};
        std::string who;
        for (const auto& [name, se] : sessions) {
            if (se.buyer != buyer) continue;
            auto eff = effectiveAgents(se);
            for (size_t i = 0; i < se.rows.size(); ++i) {
                const Row& r = se.rows[i];
                if (r.role != 1 || eff[i].empty() || r.t > at || r.t < at - s.attributionWindowS) continue;
                std::tuple<int64_t, int64_t, size_t, size_t> key{r.t, se.start, se.firstIdx, i};
                if (key > best) { best = key; who = eff[i]; }
            }
        }
        return who;
    }

    void orders(std::string_view text) {
        std::set<std::tuple<std::string, std::string, int64_t, int>> ev;
        for (auto& r : csvRows(text)) {
            int64_t created = *parseShopTime(r["created"], s.tzOffsetMinutes, true);
            std::optional<int64_t> paid, refundTime;
            if (!r["paid"].empty()) paid = parseShopTime(r["paid"], s.tzOffsetMinutes, true);
            if (!r["refund_time"].empty()) refundTime = parseShopTime(r["refund_time"], s.tzOffsetMinutes, true);
            double amount = r["amount"].empty() ? 0 : std::stod(r["amount"]);
            double refund = r["refund_amount"].empty() ? 0 : std::stod(r["refund_amount"]);
            if (refund > 0 && !refundTime) refundTime = paid ? *paid : created;
            bool c = inP(created), p = paid && inP(*paid), f = refund > 0 && inP(*refundTime);
            if (!c && !p && !f) continue;
            std::string a = r["agent"].empty() ? attribute(r["buyer"], created) : r["agent"];
            if (a.empty()) continue;
            if (c) ev.insert({a, r["buyer"], created / 86400, 0});
            if (p) { ev.insert({a, r["buyer"], *paid / 86400, 1}); acc[a].salesFen += std::llround(amount * 100); }
            if (f) ev.insert({a, r["buyer"], *refundTime / 86400, 2});
        }
        for (const auto& [a, b, d, k] : ev) (k == 0 ? acc[a].ordered : k == 1 ? acc[a].paid : acc[a].refunds) += 1;
    }

    void finish() {
        for (const auto& [key, flags] : pairs) {
            Acc& a = acc[std::get<0>(key)];
            a.receptions++;
            a.replied += (flags & 1) != 0;
            a.slow += (flags & 2) != 0;
            a.inquiries += (flags & 4) != 0;
        }
        for (auto& [agent, times] : agentTimes) {
            std::sort(times.begin(), times.end());
            int64_t prevDay = -1, prevT = 0;
            for (int64_t t : times) {
                if (!inP(t)) continue;
                Acc& a = acc[agent];
                if (t / 86400 != prevDay) a.activeDays++;
                else if (t - prevT <= s.onlineGapS) a.online += double(t - prevT);
                prevDay = t / 86400;
                prevT = t;
            }
        }
    }
};

inline std::optional<double> div(double a, double b) { return b == 0 ? std::nullopt : std::optional<double>(a / b); }

inline std::map<std::string, ChatValues> referenceValues(std::string_view messages, std::string_view orders, const ChatSettings& s,
                                                        const char* month) {
    Reference r(s, month);
    r.readMessages(messages);
    for (const auto& [name, se] : r.sessions) r.session(se);
    if (!orders.empty()) r.orders(orders);
    r.finish();
    std::map<std::string, ChatValues> out;
    for (const auto& [agent, a] : r.acc) {
        ChatValues v;
        v["receptions"] = a.receptions; v["replied_customers"] = a.replied; v["reply_rate"] = div(a.replied, a.receptions);
        v["inquiries"] = a.inquiries; v["slow_response_count"] = a.slow; v["slow_response_share"] = div(a.slow, a.receptions);
        v["first_response_s"] = div(a.firstSum, a.firstResponses); v["avg_response_s"] = div(a.responseSum, a.timedAnswered);
        v["response_3min_rate"] = div(a.fastAnswered, a.timedBlocks); v["buyer_messages"] = a.buyerMessages;
        v["agent_messages"] = a.agentMessages; v["qa_ratio"] = div(a.agentMessages, a.buyerMessages);
        v["online_hours_per_day"] = div(a.online / 3600, a.activeDays); v["working_days"] = a.activeDays;
        v["ordered_customers"] = a.ordered; v["paid_customers"] = a.paid; v["conversion_rate"] = div(a.paid, a.inquiries);
        v["sales_amount"] = a.salesFen / 100; v["avg_order_value"] = div(a.salesFen / 100, a.paid);
        v["refund_customers"] = a.refunds; v["refund_rate"] = div(a.refunds, a.ordered);
        v["forbidden_phrases"] = a.hits; v["compliant_greeting_rate"] = div(a.compliant, a.checked);
        bool any = false;
        for (double x : {a.buyerMessages, a.agentMessages, a.timedBlocks, a.receptions, a.activeDays, a.ordered, a.paid,
                         a.refunds, a.checked, a.hits, a.salesFen})
            any = any || x != 0;
        if (any) out[agent] = v;
    }
    return out;
}

// Same agents, and every id equal (both no value, or within 1e-9 relative).
inline void compareValues(const std::map<std::string, ChatValues>& fast, const std::map<std::string, ChatValues>& slow,
                   const std::vector<std::string>& ids) {
    std::vector<std::string> fa, sa;
    for (const auto& [a, v] : fast) fa.push_back(a);
    for (const auto& [a, v] : slow) sa.push_back(a);
    CHECK(fa == sa);
    for (const auto& entry : fast) { // no structured binding: INFO captures in a lambda (clang 14)
        const std::string& agent = entry.first;
        const ChatValues& v = entry.second;
        auto it = slow.find(agent);
        if (it == slow.end()) continue;
        for (const auto& id : ids) {
            auto x = v.at(id), y = it->second.at(id);
            INFO(agent << " " << id << ": " << (x ? std::to_string(*x) : "none") << " vs reference " << (y ? std::to_string(*y) : "none"));
            CHECK(x.has_value() == y.has_value());
            if (x && y) CHECK(std::fabs(*x - *y) <= 1e-9 * std::max(1.0, std::fabs(*y)));
        }
    }
}

} // namespace kefu::test::ref
