// Chat metrics as catalog values, and the canonical metrics CSV / a JSON view of them.
#include <cmath>

#include "chat_metrics.h"
#include "csv.h"
#include "json.h"
#include "metrics.h"
#include "model.h"

namespace kefu::core {

namespace {
std::optional<double> ratio(double num, double den) {
    if (den == 0) return std::nullopt;
    return num / den;
}

bool hasPhraseMetric(const ChatLog& log, bool forbidden) {
    if (!log.hasText) return false;
    return forbidden ? !log.phrases.forbidden.empty() : !(log.phrases.greetings.empty() && log.phrases.closings.empty());
}

std::string dayText(int32_t day) { return formatDate(civilFromDays(day)); }
} // namespace

std::vector<std::string> chatMetricIds(const ChatLog& log) {
    std::vector<std::string> ids = {"receptions",       "replied_customers", "reply_rate",         "inquiries",
                                    "slow_response_count", "slow_response_share", "first_response_s", "avg_response_s",
                                    "response_3min_rate", "buyer_messages",   "agent_messages",     "qa_ratio",
                                    "online_hours_per_day", "working_days"};
    if (log.hasOrders)
        for (const char* id : {"ordered_customers", "paid_customers", "conversion_rate", "sales_amount", "avg_order_value",
                               "refund_customers", "refund_rate"})
            ids.push_back(id);
    if (hasPhraseMetric(log, true)) ids.push_back("forbidden_phrases");
    if (hasPhraseMetric(log, false)) ids.push_back("compliant_greeting_rate");
    return ids;
}

std::optional<double> chatMetricValue(std::string_view id, const ChatCounts& c) {
    if (id == "receptions") return c.receptions;
    if (id == "replied_customers") return c.replied;
    if (id == "reply_rate") return ratio(c.replied, c.receptions);
    if (id == "inquiries") return c.inquiries;
    if (id == "slow_response_count") return c.slow;
    if (id == "slow_response_share") return ratio(c.slow, c.receptions);
    if (id == "first_response_s") return ratio(c.firstResponseSum, c.firstResponses);
    if (id == "avg_response_s") return ratio(c.responseSum, c.timedAnswered);
    if (id == "response_3min_rate") return ratio(c.fastAnswered, c.timedBlocks);
    if (id == "buyer_messages") return c.buyerMessages;
    if (id == "agent_messages") return c.agentMessages;
    if (id == "qa_ratio") return ratio(c.agentMessages, c.buyerMessages);
    if (id == "online_hours_per_day") return ratio(c.onlineSeconds / 3600.0, c.activeDays);
    if (id == "working_days") return c.activeDays;
    if (id == "ordered_customers") return c.ordered;
    if (id == "paid_customers") return c.paid;
    if (id == "conversion_rate") return ratio(c.paid, c.inquiries);
    if (id == "sales_amount") return double(c.salesFen) / 100;
    if (id == "avg_order_value") return ratio(double(c.salesFen) / 100, c.paid);
    if (id == "refund_customers") return c.refunds;
    if (id == "refund_rate") return ratio(c.refunds, c.ordered);
    if (id == "forbidden_phrases") return c.forbiddenHits;
    if (id == "compliant_greeting_rate") return ratio(c.compliantSessions, c.checkedSessions);
    return std::nullopt;
}

namespace {
// A fraction column with a value above 1 would be read back as percentages: it is left out.
std::vector<bool> columnsLeftOut(const ChatLog& log, const ChatMetrics& m, const std::vector<std::string>& ids,
                                 std::vector<std::string>& warnings) {
    std::vector<bool> skip(ids.size(), false);
    for (size_t k = 0; k < ids.size(); ++k) {
        const MetricDef* d = Catalog::builtin().find(ids[k]);
        if (!d || d->unit != Unit::Fraction) continue;
        for (size_t i = 0; i < m.agents.size() && !skip[k]; ++i) {
            auto v = chatMetricValue(ids[k], m.totals[i]);
            if (!v || round6(*v) <= 1) continue;
            skip[k] = true;
            warnings.push_back(ids[k] + " of " + std::string(log.agents.name(m.agents[i])) + " is " + formatNumber(round6(*v)) +
                               " (above 1): the column is left out, its counts are written");
        }
    }
    return skip;
}
} // namespace

std::string writeChatMetricsCsv(const ChatLog& log, const ChatMetrics& m, bool byDay, std::vector<std::string>& warnings) {
    const std::vector<std::string> ids = chatMetricIds(log);
    const std::vector<bool> skip = columnsLeftOut(log, m, ids, warnings);
    std::string out = byDay ? "agent,date" : "agent";
    for (size_t k = 0; k < ids.size(); ++k)
        if (!skip[k]) out += "," + ids[k];
    out += "\n";
    auto row = [&](uint32_t agent, const ChatCounts& c, const std::string* date) {
        out += csvField(log.agents.name(agent));
        if (date) out += "," + *date;
        for (size_t k = 0; k < ids.size(); ++k) {
            if (skip[k]) continue;
            out += ",";
            if (auto v = chatMetricValue(ids[k], c)) out += formatNumber(round6(*v));
        }
        out += "\n";
    };
    if (!byDay)
        for (size_t i = 0; i < m.agents.size(); ++i) row(m.agents[i], m.totals[i], nullptr);
    else
        for (const ChatAgentDay& d : m.days) {
            const std::string date = dayText(d.day);
            row(d.agent, d.counts, &date);
        }
    return out;
}

std::string writeChatMetricsJson(const ChatLog& log, const ChatMetrics& m, bool byDay) {
    std::vector<std::string> ids = chatMetricIds(log);
    auto values = [&](const ChatCounts& c) {
        Json o = Json::object();
        for (const auto& id : ids) {
            auto v = chatMetricValue(id, c);
            o.set(id, v ? Json::number(round6(*v)) : Json::null());
        }
        return o;
    };
    Json root = Json::object();
    root.set("period", Json::string(formatMonth(m.period)));
    Json agents = Json::array();
    size_t d = 0;
    for (size_t i = 0; i < m.agents.size(); ++i) {
        Json a = Json::object();
        a.set("agent", Json::string(std::string(log.agents.name(m.agents[i]))));
        a.set("metrics", values(m.totals[i]));
        Json days = Json::array();
        for (; d < m.days.size() && m.days[d].agent == m.agents[i]; ++d) {
            Json day = Json::object();
            day.set("date", Json::string(dayText(m.days[d].day)));
            day.set("metrics", values(m.days[d].counts));
            days.push(day);
        }
        if (byDay) a.set("days", days);
        agents.push(a);
    }
    root.set("agents", agents);
    Json stats = Json::object();
    stats.set("messages", Json::number(double(log.messageCount())));
    stats.set("sessions", Json::number(double(log.sessionCount())));
    stats.set("blocks_without_agent", Json::number(m.blocksWithoutAgent));
    stats.set("orders_in_period", Json::number(m.ordersInPeriod));
    stats.set("orders_unattributed", Json::number(m.ordersUnattributed));
    root.set("stats", stats);
    return writeJson(root, 2) + "\n";
}

} // namespace kefu::core
