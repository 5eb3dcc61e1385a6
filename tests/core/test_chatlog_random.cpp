// Random logs: the columnar metrics equal a slow reference implementation of the definitions
// for many settings and periods, and feeding the file in any chunk size gives the same log.
#include <cstdio>
#include <random>

#include "chat_reference.h"

using namespace kefu::test;

namespace {
std::string formatLocal(int64_t t) {
    Date d = civilFromDays(t / 86400);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", formatDate(d).c_str(), int(t % 86400 / 3600), int(t % 3600 / 60), int(t % 60));
    return buf;
}

// A time in one of the accepted forms, all meaning shop-local t in UTC+8.
std::string formatAny(int64_t t, std::mt19937& rng) {
    switch (rng() % 4) {
    case 0: return formatLocal(t);
    case 1: { std::string s = formatLocal(t - 8 * 3600); s[10] = 'T'; return s + "Z"; }
    case 2: return formatLocal(t) + "+08:00";
    default: return std::to_string(t - 8 * 3600);
    }
}

struct RandomLog {
    std::string messages, orders;
};

RandomLog randomLog(uint32_t seed, int sessions) {
    std::mt19937 rng(seed);
    const std::vector<std::string> agents = {"A", "B", "C", "小美"};
    const std::vector<std::string> texts = {"亲，您好", "好的", "再见", "我不能", "这不是我们的问题", "您好，我们不负责，再见",
                                            "稍等", "hello, \"world\"", "多行\n文本 再见", ""};
    const int64_t lo = daysFromCivil({2024, 2, 27}) * 86400, span = 36 * 86400;
    std::vector<std::pair<int64_t, std::string>> rows; // (sort key, line)
    for (int s = 0; s < sessions; ++s) {
        std::string sid = "S" + std::to_string(rng() % (sessions * 2)); // some ids repeat: longer sessions
        std::string buyer = rng() % 10 ? "b" + std::to_string(rng() % 15) : "";
        std::string agent = agents[rng() % agents.size()];
        std::string kind = rng() % 5 ? "" : "after-sales";
        int64_t t = lo + int64_t(rng() % span);
        int n = 1 + int(rng() % 12);
        for (int k = 0; k < n; ++k) {
            t += rng() % 6 == 0 ? int64_t(rng() % 7200) : int64_t(rng() % 400);
            if (rng() % 10 == 0) agent = agents[rng() % agents.size()];
            int r = int(rng() % 20);
            const char* role = r < 9 ? "buyer" : r < 16 ? "agent" : r < 18 ? "robot" : "system";
            std::string who = rng() % 5 ? agent : "";
            // One rng() per statement: the order of calls inside one expression differs by compiler.
            std::string time = formatAny(t, rng);
            std::string text = csvField(texts[rng() % texts.size()]);
            std::string line = sid + "," + time + "," + role + "," + csvField(who) + "," + buyer + "," + text + "," + kind + "\n";
            int64_t key = rng() % 4 ? t : lo + int64_t(rng() % span); // some rows out of order
            rows.push_back({key, line});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    RandomLog out;
    out.messages = "session_id,time,role,agent,buyer,text,kind\n";
    for (const auto& r : rows) out.messages += r.second;
    out.orders = "order_id,buyer,agent,created,paid,amount,refund_amount,refund_time\n";
    for (int o = 0; o < sessions / 2; ++o) {
        int64_t created = lo + int64_t(rng() % span);
        std::string paid = rng() % 5 < 3 ? formatLocal(created + int64_t(rng() % 86400)) : "";
        std::string refund = rng() % 5 == 0 ? std::to_string(rng() % 50) + ".5" : "";
        std::string refundTime = !refund.empty() && rng() % 2 ? formatLocal(created + int64_t(rng() % (5 * 86400))) : "";
        std::string buyer = "b" + std::to_string(rng() % 17);
        std::string agent = rng() % 3 ? "" : agents[rng() % 4];
        std::string yuan = std::to_string(rng() % 500);
        std::string amount = yuan + "." + std::to_string(rng() % 100);
        out.orders += "o" + std::to_string(o) + "," + buyer + "," + agent + "," + formatLocal(created) + "," + paid + "," + amount +
                      "," + refund + "," + refundTime + "\n";
    }
    return out;
}

ChatSettings randomSettings(std::mt19937& rng) {
    ChatSettings s;
    const char* hours[] = {"", "08:00-24:00", "22:00-02:00", "09:00-23:00"};
    if (const char* h = hours[rng() % 4]; *h) s.serviceHours = {*parseServiceHours(h)};
    if (rng() % 4 == 0) s.serviceHours.push_back(*parseServiceHours("03:00-04:30"));
    s.hoursBy = rng() % 3 ? HoursBy::Block : HoursBy::Session;
    s.responseCapS = rng() % 2 ? 0 : 300;
    s.slowResponseS = rng() % 2 ? 200 : 60;
    s.fastResponseS = rng() % 2 ? 180 : 30;
    s.robot = rng() % 3 ? RobotMode::NotAResponse : RobotMode::Response;
    for (int k = int(rng() % 4); k > 0; --k) s.exemptDays.push_back({2024, 3, int32_t(1 + rng() % 31)});
    s.attributionWindowS = rng() % 2 ? 86400 : 7200;
    s.onlineGapS = rng() % 2 ? 1800 : 300;
    return s;
}

} // namespace

TEST_CASE("chatlog random: columnar metrics equal the reference for many settings and periods") {
    std::mt19937 rng(7);
    for (uint32_t seed = 1; seed <= 12; ++seed) {
        RandomLog r = randomLog(seed, 60);
        ChatSettings s = randomSettings(rng);
        if (seed % 3 == 0) s.phrases.closings.clear();
        ChatLog log = readChat(r.messages, s, r.orders);
        for (const char* month : {"2024-02", "2024-03", "2024-04"}) {
            INFO("seed " << seed << " month " << month);
            ref::compareValues(chatValues(log, s, month), ref::referenceValues(r.messages, r.orders, s, month), chatMetricIds(log));
        }
    }
}

TEST_CASE("chatlog random: any chunking gives the same log; per-day counts add up to the period") {
    RandomLog r = randomLog(99, 80);
    ChatLog whole = readChat(r.messages, {}, r.orders);
    for (size_t chunk : {1, 2, 3, 7, 64, 4093}) {
        INFO("chunk " << chunk);
        CHECK(sameLog(readChat(r.messages, {}, r.orders, chunk), whole));
    }
    ChatMetrics m = computeChatMetrics(whole, {}, {2024, 3});
    REQUIRE(!m.agents.empty());
    size_t d = 0;
    for (size_t i = 0; i < m.agents.size(); ++i) {
        ChatCounts sum;
        for (; d < m.days.size() && m.days[d].agent == m.agents[i]; ++d) sum.add(m.days[d].counts);
        CHECK(std::fabs(sum.responseSum - m.totals[i].responseSum) < 1e-6);
        sum.responseSum = m.totals[i].responseSum;
        sum.firstResponseSum = m.totals[i].firstResponseSum;
        CHECK(sum == m.totals[i]);
    }
    CHECK(d == m.days.size());
    // Recomputing with other settings on the same log equals reading again with them.
    ChatSettings tb = *chatPreset("taobao");
    tb.exemptDays = {{2024, 3, 8}};
    auto again = chatValues(readChat(r.messages, tb, r.orders), tb, "2024-03");
    ref::compareValues(chatValues(whole, tb, "2024-03"), again, chatMetricIds(whole));
}
