// Chat-log metrics on real third-party data in ../shared/realdata (see its README): the Twitter
// customer-care dialogues as chat logs and the call-centre month as a response-time source, both
// converted to the canonical messages CSV here, at test time. The data is not part of the project:
// when the folder is absent (a plain clone), these tests say so and pass without checking.
#include <cctype>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "chat_reference.h"
#include "json.h"

using namespace kefu::test;

namespace {
const std::string kRealData = KEFU_SOURCE_DIR "/../shared/realdata";

std::optional<std::string> readRealData(const std::string& name) {
    std::ifstream f(kRealData + "/" + name, std::ios::binary);
    if (!f) return std::nullopt;
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string isoUtc(int64_t ms) {
    int64_t s = ms / 1000;
    Date d = civilFromDays(s / 86400);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03dZ", formatDate(d).c_str(), int(s % 86400 / 3600), int(s % 3600 / 60),
                  int(s % 60), int(ms % 1000));
    return buf;
}

// Replies are often signed ("... *SR", "^JK", "-Becky", "~ Olivia"): the signer is the agent,
// "Company/SR"; an unsigned reply is the company's own account.
std::string signer(const std::string& company, std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    size_t end = text.size(), i = end;
    while (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) --i;
    if (i == end || end - i > 12 || !std::isupper(static_cast<unsigned char>(text[i]))) return company;
    size_t mark = i;
    if (mark > 0 && text[mark - 1] == ' ') --mark;
    if (mark == 0 || std::string_view("^*~-").find(text[mark - 1]) == std::string_view::npos) return company;
    if (mark >= 2 && std::isalnum(static_cast<unsigned char>(text[mark - 2])) && text[mark - 1] == '-') return company; // a hyphenated word
    return company + "/" + text.substr(i);
}

struct TwitterStats {
    size_t dialogues = 0, messages = 0, finalReplies = 0;
};

// One row per message; buyer rows leave `agent` empty (the session's agent fills it).
std::string twitterToCsv(const Json& dialogues, TwitterStats& st) {
    std::string out;
    for (const Json& d : dialogues.items()) {
        const Json& h = *d.find("dialogHeader");
        std::string company = h.find("company")->asString(), session = h.find("sessionID")->asString(), buyer;
        ++st.dialogues;
        auto row = [&](const std::string& time, const char* role, const std::string& agent, const std::string& text) {
            out += csvField(session) + "," + time + "," + role + "," + csvField(agent) + "," + csvField(buyer) + "," + csvField(text) + "\n";
            ++st.messages;
        };
        for (const Json& m : d.find("dialogContent")->items()) {
            const std::string& text = m.find("message")->asString();
            if (const Json* a = m.find("agent")) {
                row(m.find("datetime")->asString(), "agent", signer(a->asString(), text), text);
                continue;
            }
            const Json* c = m.find("client") ? m.find("client") : m.find("client1");
            if (buyer.empty()) buyer = c->asString();
            row(m.find("datetime")->asString(), "buyer", "", text);
        }
        if (const Json* u = d.find("agentURL")) { // the final reply: its time is in the tweet id
            int64_t ms = int64_t(std::stoull(u->find("tweet_ID")->asString()) >> 22) + 1288834974657LL;
            const std::string& text = u->find("url_utterance")->asString();
            row(isoUtc(ms), "agent", signer(company, text), text);
            ++st.finalReplies;
        }
    }
    return out;
}

ChatSettings englishPhrases() {
    ChatSettings s;
    s.phrases = {.forbidden = {"not our problem", "can't help", "cannot help"},
                 .greetings = {"Hi", "Hello", "Hey", "Thanks for"},
                 .closings = {"Let us know", "let us know", "Thanks", "help"}};
    return s;
}

std::vector<Month> monthsOf(const ChatLog& log) {
    std::set<Month> months;
    for (uint32_t t : log.time) months.insert(monthOf(civilFromDays(t / 86400)));
    return {months.begin(), months.end()};
}
} // namespace

TEST_CASE("chatlog real data: Twitter customer care dialogues") {
    auto dev = readRealData("twitter_customer_care_dev.json");
    auto test = readRealData("twitter_customer_care_test.json");
    if (!dev || !test) {
        MESSAGE("skipped: " << kRealData << " is absent (real data lives outside the project)");
        return;
    }
    TwitterStats st;
    std::string csv = "session_id,time,role,agent,buyer,text\n";
    for (const std::string* file : {&*dev, &*test}) {
        auto j = parseJson(*file);
        REQUIRE(j.ok());
        csv += twitterToCsv(*j, st);
    }
    CHECK(st.dialogues == 1025);
    ChatSettings s = englishPhrases();
    ChatLog log = readChat(csv, s, {}, 65536);
    CHECK(log.messageCount() == st.messages);
    CHECK(log.sessionCount() == 1025);
    CHECK(log.agents.size() > 26); // signed replies: several agents per company

    ChatCounts shop;
    size_t agentMonths = 0, midnight = 0;
    for (Month m : monthsOf(log)) {
        std::string month = formatMonth(m);
        INFO(month);
        auto fast = chatValues(log, s, month.c_str());
        ref::compareValues(fast, ref::referenceValues(csv, {}, s, month.c_str()), chatMetricIds(log));
        ChatMetrics cm = computeChatMetrics(log, s, m);
        agentMonths += cm.agents.size();
        for (const auto& c : cm.totals) shop.add(c);
    }
    for (size_t k = 0; k < log.sessionCount(); ++k) // dialogues that span midnight in shop time
        midnight += log.time[log.sessionBegin[k]] / 86400 != log.time[log.sessionBegin[k + 1] - 1] / 86400;
    CHECK(midnight > 0);
    CHECK(shop.receptions >= 1025);
    CHECK(shop.timedAnswered > 0);
    MESSAGE("Twitter: " << st.messages << " messages, " << log.sessionCount() << " sessions, " << log.agents.size()
                        << " agents, " << agentMonths << " agent-months, " << midnight << " sessions over midnight (UTC+8); receptions "
                        << shop.receptions << ", replied " << shop.replied << ", avg response " << shop.responseSum / shop.timedAnswered
                        << " s, first response " << shop.firstResponseSum / shop.firstResponses << " s, 3-minute rate "
                        << double(shop.fastAnswered) / shop.timedBlocks << ", slow share " << double(shop.slow) / shop.receptions
                        << ", qa ratio " << double(shop.agentMessages) / shop.buyerMessages << ", greeting/closing compliance "
                        << double(shop.compliantSessions) / shop.checkedSessions);
}

namespace {
// "7:02:55" → seconds of the day; -1 when malformed.
int64_t clock(const std::string& s) {
    int h = 0, m = 0, sec = 0;
    if (std::sscanf(s.c_str(), "%d:%d:%d", &h, &m, &sec) != 3) return -1;
    return h * 3600 + m * 60 + sec;
}

std::string localText(int64_t t) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", formatDate(civilFromDays(t / 86400)).c_str(), int(t % 86400 / 3600),
                  int(t % 3600 / 60), int(t % 60));
    return buf;
}

struct CallStats {
    std::map<std::string, std::pair<double, int>> wait; // server -> (sum, answered calls)
    size_t calls = 0, withoutServer = 0;
};

// A call is a session (date + call id + vru line). The customer "writes" when the wait for an agent
// starts (queue start, else the VRU exit) and the agent "answers" at service start and "writes" again
// at service end. Clock skew (service a second before the queue exit) is a wait of 0; times before
// the VRU entry are after midnight. customer_id 0 is anonymous: an empty buyer.
std::string callsToCsv(const std::string& tsv, CallStats& st) {
    auto table = parseCsv(tsv, '\t');
    REQUIRE(table.ok());
    const auto& rows = table->rows;
    std::string out = "session_id,time,role,agent,buyer\n";
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& c = rows[r];
        if (c.size() < 17) continue;
        std::string date = "19" + c[5].substr(0, 2) + "-" + c[5].substr(2, 2) + "-" + c[5].substr(4, 2);
        int64_t day = daysFromCivil(*parseDate(date)) * 86400, entry = clock(c[6]);
        auto at = [&](const std::string& s) { int64_t t = clock(s); return day + t + (t < entry ? 86400 : 0); };
        std::string session = c[5] + "-" + c[1] + "-" + c[0], buyer = c[2] == "0" ? "" : c[2];
        std::string server = std::string(trim(c[16])) == "NO_SERVER" ? "" : std::string(trim(c[16]));
        int64_t ask = c[9] != "0:00:00" ? at(c[9]) : at(c[7]);
        ++st.calls;
        out += session + "," + localText(ask) + ",buyer," + server + "," + buyer + "\n";
        if (server.empty()) { ++st.withoutServer; continue; }
        if (c[12] != "AGENT" || c[13] == "0:00:00") continue;
        int64_t start = std::max(at(c[13]), ask), end = std::max(at(c[14]), start);
        out += session + "," + localText(start) + ",agent," + server + "," + buyer + "\n";
        out += session + "," + localText(end) + ",agent," + server + "," + buyer + "\n";
        auto& w = st.wait[server];
        w.first += double(start - ask);
        ++w.second;
    }
    return out;
}
} // namespace

TEST_CASE("chatlog real data: the call-centre month as a response-time source") {
    auto tsv = readRealData("callcenter_anonymous_bank_1999_02.tsv");
    if (!tsv) {
        MESSAGE("skipped: " << kRealData << " is absent (real data lives outside the project)");
        return;
    }
    CallStats st;
    std::string csv = callsToCsv(*tsv, st);
    CHECK(st.calls == 33344);
    ChatLog log = readChat(csv, {}, {}, 100000);
    ChatMetrics m = computeChatMetrics(log, {}, {1999, 2});
    // Every call without an agent (hung up, phantom, NO_SERVER) is a block without an agent.
    CHECK(m.blocksWithoutAgent == st.withoutServer);
    double sum = 0;
    int answered = 0;
    for (size_t i = 0; i < m.agents.size(); ++i) {
        std::string name(log.agents.name(m.agents[i]));
        auto w = st.wait[name];
        INFO(name);
        REQUIRE(w.second > 0);
        CHECK(m.totals[i].timedAnswered == uint32_t(w.second));
        CHECK(m.totals[i].responseSum == doctest::Approx(w.first));
        sum += w.first;
        answered += w.second;
    }
    ref::compareValues(chatValues(log, {}, "1999-02"), ref::referenceValues(csv, {}, {}, "1999-02"), chatMetricIds(log));
    ChatCounts shop;
    for (const auto& c : m.totals) shop.add(c);
    MESSAGE("call centre: " << st.calls << " calls, " << m.agents.size() << " agents, " << answered << " answered, mean wait "
                            << sum / answered << " s, 3-minute rate " << double(shop.fastAnswered) / shop.timedBlocks
                            << ", slow (> 200 s) share " << double(shop.slow) / shop.receptions << ", reply rate "
                            << double(shop.replied) / shop.receptions << ", online hours per agent-day "
                            << shop.onlineSeconds / 3600.0 / shop.activeDays);
}
