// Chat-log metrics on small hand-computed logs: every definition of docs/chatlog-metrics.md.
#include "chat_helpers.h"

using namespace kefu::test;

namespace {
const std::string H = "session_id,time,role,agent,buyer,text\n";

ChatSettings withHours(const char* hours) {
    ChatSettings s;
    s.serviceHours = {*parseServiceHours(hours)};
    return s;
}
} // namespace

TEST_CASE("chatlog: a block runs from its first buyer message to the next human agent message") {
    auto log = readChat(H +
                        "s1,2024-03-05 10:00:00,buyer,A,b1,q1\n"
                        "s1,2024-03-05 10:00:20,buyer,A,b1,q2\n"  // same block
                        "s1,2024-03-05 10:01:00,agent,A,b1,a1\n"  // 60 s
                        "s1,2024-03-05 10:02:00,agent,A,b1,a2\n"
                        "s1,2024-03-05 10:03:00,buyer,A,b1,q3\n"
                        "s1,2024-03-05 10:03:10,agent,A,b1,a3\n"); // 10 s
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "avg_response_s") == 35);
    CHECK(chatValue(v, "A", "first_response_s") == 60);
    CHECK(chatValue(v, "A", "response_3min_rate") == 1);
    CHECK(chatValue(v, "A", "receptions") == 1);
    CHECK(chatValue(v, "A", "replied_customers") == 1);
    CHECK(chatValue(v, "A", "buyer_messages") == 3);
    CHECK(chatValue(v, "A", "agent_messages") == 3);
    CHECK(chatValue(v, "A", "qa_ratio") == 1);
    CHECK(chatValue(v, "A", "slow_response_count") == 0);
    CHECK(chatValue(v, "A", "online_hours_per_day") == round6(130.0 / 3600)); // 10:01:00 to 10:03:10
    CHECK(chatValue(v, "A", "working_days") == 1);
}

TEST_CASE("chatlog: robot messages neither answer nor split a block, unless robot replies count") {
    std::string csv = H +
                      "s1,2024-03-05 10:00:00,buyer,A,b1,q\n"
                      "s1,2024-03-05 10:00:05,robot,店小蜜,b1,auto\n"
                      "s1,2024-03-05 10:00:30,buyer,A,b1,q2\n"
                      "s1,2024-03-05 10:04:00,agent,A,b1,a\n";
    auto log = readChat(csv);
    auto v = chatValues(log, {}, "2024-03");
    CHECK(v.count("店小蜜") == 0); // a robot row's own agent name is not an agent
    CHECK(chatValue(v, "A", "avg_response_s") == 240);
    CHECK(chatValue(v, "A", "slow_response_count") == 1);
    CHECK(chatValue(v, "A", "response_3min_rate") == 0);
    CHECK(chatValue(v, "A", "agent_messages") == 1);
    ChatSettings robot;
    robot.robot = RobotMode::Response;
    auto r = chatValues(log, robot, "2024-03"); // same log, new settings: no re-reading
    CHECK(chatValue(r, "A", "first_response_s") == 5);
    CHECK(chatValue(r, "A", "avg_response_s") == 107.5); // (5 + 210) / 2
    CHECK(chatValue(r, "A", "response_3min_rate") == 0.5);
    CHECK(chatValue(r, "A", "agent_messages") == 2);
    CHECK(chatValue(r, "A", "online_hours_per_day") == 0); // robots do not make a human online
}

TEST_CASE("chatlog: system messages are ignored") {
    auto log = readChat(H +
                        "s1,2024-03-05 10:00:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 10:00:10,system,,b1,转接中\n"
                        "s1,2024-03-05 10:00:20,buyer,A,b1,q2\n"
                        "s1,2024-03-05 10:00:50,agent,A,b1,a\n");
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "avg_response_s") == 50);
    CHECK(chatValue(v, "A", "response_3min_rate") == 1);
    CHECK(chatValue(v, "A", "agent_messages") == 1);
}

TEST_CASE("chatlog: unanswered blocks are unreplied, not a time") {
    auto log = readChat(H +
                        "s1,2024-03-05 10:00:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 10:00:30,agent,A,b1,a\n"
                        "s1,2024-03-05 10:05:00,buyer,A,b1,thanks\n" // never answered
                        "s2,2024-03-05 11:00:00,buyer,A,b2,hello?\n"); // a session nobody answered
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "receptions") == 2);
    CHECK(chatValue(v, "A", "replied_customers") == 1);
    CHECK(chatValue(v, "A", "reply_rate") == 0.5);
    CHECK(chatValue(v, "A", "avg_response_s") == 30);
    CHECK(chatValue(v, "A", "first_response_s") == 30); // s2's first block has no answer: no time
    CHECK(chatValue(v, "A", "response_3min_rate") == round6(1.0 / 3));
}

TEST_CASE("chatlog: a block belongs to the day it starts; the period counts blocks and pairs by that day") {
    auto log = readChat(H +
                        "s1,2024-02-29 23:59:00,buyer,A,b1,q\n"
                        "s1,2024-03-01 00:01:00,agent,A,b1,a\n" // 120 s, a February block
                        "s1,2024-03-31 23:58:00,buyer,A,b1,q\n"
                        "s1,2024-04-01 00:03:00,agent,A,b1,a\n"); // 300 s, a March block
    auto mar = chatValues(log, {}, "2024-03");
    CHECK(chatValue(mar, "A", "avg_response_s") == 300);
    CHECK(chatValue(mar, "A", "slow_response_count") == 1);
    CHECK_FALSE(chatValue(mar, "A", "first_response_s")); // the session's first block is in February
    CHECK(chatValue(mar, "A", "receptions") == 1);
    CHECK(chatValue(mar, "A", "agent_messages") == 1); // 03-01 00:01; the 04-01 message is April's
    CHECK(chatValue(mar, "A", "buyer_messages") == 1);
    CHECK(chatValue(mar, "A", "working_days") == 1);
    auto feb = chatValues(log, {}, "2024-02");
    CHECK(chatValue(feb, "A", "first_response_s") == 120);
    CHECK(chatValue(feb, "A", "receptions") == 1);
    CHECK(chatValue(feb, "A", "agent_messages") == 0);
    auto apr = chatValues(log, {}, "2024-04");
    CHECK(chatValue(apr, "A", "agent_messages") == 1);
    CHECK_FALSE(chatValue(apr, "A", "reply_rate")); // no receptions: no value
    // Per day: the March days hold the parts, and they add up to the month.
    ChatMetrics m = computeChatMetrics(log, {}, {2024, 3});
    REQUIRE(m.days.size() == 2);
    CHECK(formatDate(civilFromDays(m.days[0].day)) == "2024-03-01");
    CHECK(m.days[0].counts.agentMessages == 1);
    CHECK(formatDate(civilFromDays(m.days[1].day)) == "2024-03-31");
    CHECK(m.days[1].counts.receptions == 1);
}

TEST_CASE("chatlog: service hours leave blocks out of time metrics, never out of receptions") {
    auto log = readChat(H +
                        "s1,2024-03-05 07:59:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 08:05:00,agent,A,b1,a\n" // 360 s, outside 08:00-24:00
                        "s1,2024-03-05 08:10:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 08:10:40,agent,A,b1,a\n"); // 40 s
    auto all = chatValues(log, {}, "2024-03");
    CHECK(chatValue(all, "A", "avg_response_s") == 200);
    CHECK(chatValue(all, "A", "first_response_s") == 360);
    CHECK(chatValue(all, "A", "slow_response_count") == 1);
    auto tb = chatValues(log, *chatPreset("taobao"), "2024-03");
    CHECK(chatValue(tb, "A", "avg_response_s") == 40);
    CHECK_FALSE(chatValue(tb, "A", "first_response_s")); // the first block is out of hours
    CHECK(chatValue(tb, "A", "slow_response_count") == 0);
    CHECK(chatValue(tb, "A", "response_3min_rate") == 1);
    CHECK(chatValue(tb, "A", "receptions") == 1);
    CHECK(chatValue(tb, "A", "replied_customers") == 1);
    // Hours over midnight: 22:00-02:00 holds neither block.
    auto night = chatValues(log, withHours("22:00-02:00"), "2024-03");
    CHECK_FALSE(chatValue(night, "A", "avg_response_s"));
    CHECK_FALSE(chatValue(night, "A", "response_3min_rate"));
    // By session (JD): the session starts 07:59, outside 08:00-23:00, so neither block counts.
    ChatSettings bySession = withHours("08:00-23:00");
    bySession.hoursBy = HoursBy::Session;
    CHECK_FALSE(chatValue(chatValues(log, bySession, "2024-03"), "A", "avg_response_s"));
}

TEST_CASE("chatlog: the per-response cap bounds the averaged times; slow and 3-minute use the real time") {
    auto log = readChat(H +
                        "s1,2024-03-05 10:00:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 10:15:00,agent,A,b1,a\n" // 900 s
                        "s1,2024-03-05 10:20:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 10:21:00,agent,A,b1,a\n"); // 60 s
    CHECK(chatValue(chatValues(log, {}, "2024-03"), "A", "avg_response_s") == 480);
    auto tb = chatValues(log, *chatPreset("taobao"), "2024-03"); // cap 600
    CHECK(chatValue(tb, "A", "avg_response_s") == 330);
    CHECK(chatValue(tb, "A", "first_response_s") == 600);
    CHECK(chatValue(tb, "A", "slow_response_count") == 1);
    CHECK(chatValue(tb, "A", "response_3min_rate") == 0.5);
}

TEST_CASE("chatlog: exempt days leave their blocks out of time metrics") {
    auto log = readChat(H +
                        "s1,2024-03-05 10:00:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 10:05:00,agent,A,b1,a\n" // 300 s on an exempt day
                        "s2,2024-03-06 10:00:00,buyer,A,b1,q\n"
                        "s2,2024-03-06 10:01:40,agent,A,b1,a\n"); // 100 s
    ChatSettings s;
    s.exemptDays = {{2024, 3, 5}};
    auto v = chatValues(log, s, "2024-03");
    CHECK(chatValue(v, "A", "avg_response_s") == 100);
    CHECK(chatValue(v, "A", "slow_response_count") == 0);
    CHECK(chatValue(v, "A", "receptions") == 2);
    CHECK(chatValue(v, "A", "response_3min_rate") == 1);
    CHECK(chatValue(v, "A", "first_response_s") == 100);
}

TEST_CASE("chatlog: Z and offset times are converted to the shop zone; plain times are shop time") {
    std::string csv = H +
                      "s1,2024-03-31T15:59:00Z,buyer,A,b1,q\n"         // 23:59 in UTC+8
                      "s1,2024-04-01 00:01:00+08:00,agent,A,b1,a\n"; // 120 s later, April
    auto v = chatValues(readChat(csv), {}, "2024-03");
    CHECK(chatValue(v, "A", "avg_response_s") == 120);
    CHECK(chatValue(v, "A", "agent_messages") == 0);
    ChatSettings utc;
    utc.tzOffsetMinutes = 0; // a read-time setting: read again
    auto u = chatValues(readChat(csv, utc), utc, "2024-03");
    CHECK(chatValue(u, "A", "agent_messages") == 1); // 16:01 UTC on 03-31
    CHECK(parseShopTime("2024-03-31T15:59:00Z", 480) == parseShopTime("2024-03-31 23:59:00", 480));
    CHECK(parseShopTime("2024-03-31T20:29:00.750+05:30", 480) == parseShopTime("2024-03-31 22:59:00", 480));
    CHECK(parseShopTime("2024/3/1 9:05", 480) == parseShopTime("2024-03-01 09:05:00", 480));
    CHECK(parseShopTime("1709254800", 480) == parseShopTime("2024-03-01 09:00:00", 480)); // Unix seconds (UTC 01:00)
    CHECK(parseShopTime("1709254800123", 480) == parseShopTime("2024-03-01 09:00:00", 480));
    CHECK_FALSE(parseShopTime("2024-02-30 10:00:00", 480));
    CHECK_FALSE(parseShopTime("2024-03-01", 480));
    CHECK(parseShopTime("2024-03-01", 480, true) == parseShopTime("2024-03-01 00:00:00", 480));
    CHECK_FALSE(parseShopTime("2024-03-01 25:00:00", 480));
    CHECK_FALSE(parseShopTime("yesterday", 480));
}

TEST_CASE("chatlog: receptions are distinct (buyer, day) pairs per agent, transfers count for both") {
    auto log = readChat(H +
                        "s1,2024-03-05 10:00:00,buyer,A,b1,q\n"
                        "s1,2024-03-05 10:00:10,agent,A,b1,a\n"
                        "s2,2024-03-05 15:00:00,buyer,A,b1,q\n" // same buyer, same day: one pair
                        "s2,2024-03-05 15:00:10,agent,A,b1,a\n"
                        "s3,2024-03-06 09:00:00,buyer,A,b1,q\n" // another day: another pair
                        "s3,2024-03-06 09:00:10,agent,A,b1,a\n"
                        "s4,2024-03-05 11:00:00,buyer,B,b1,q\n" // another agent
                        "s4,2024-03-05 11:00:10,agent,B,b1,a\n"
                        "s5,2024-03-05 12:00:00,buyer,A,b2,q\n" // transferred from A to B
                        "s5,2024-03-05 12:00:10,agent,A,b2,a\n"
                        "s5,2024-03-05 12:01:00,buyer,,b2,q\n"
                        "s5,2024-03-05 12:01:30,agent,B,b2,a\n");
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "receptions") == 3);
    CHECK(chatValue(v, "B", "receptions") == 2);
    CHECK(chatValue(v, "A", "buyer_messages") == 5); // s5's second buyer row has no agent: A was in charge
    CHECK(chatValue(v, "B", "avg_response_s") == 20); // (10 + 30) / 2
}

TEST_CASE("chatlog: inquiries leave out pairs that only come from after-sales sessions") {
    auto log = readChat("session_id,time,role,agent,buyer,kind\n"
                        "s1,2024-03-05 10:00:00,buyer,A,b1,售前\n"
                        "s1,2024-03-05 10:00:10,agent,A,b1,售前\n"
                        "s2,2024-03-05 10:00:00,buyer,A,b2,after-sales\n"
                        "s2,2024-03-05 10:00:10,agent,A,b2,after-sales\n"
                        "s3,2024-03-05 16:00:00,buyer,A,b1,售后\n"
                        "s3,2024-03-05 16:00:10,agent,A,b1,\n");
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "receptions") == 2);
    CHECK(chatValue(v, "A", "inquiries") == 1);
    CHECK_FALSE(log.hasText);
    CHECK(v["A"].count("forbidden_phrases") == 0); // no text column: no text checks
}

TEST_CASE("chatlog: online hours per active day, gaps over 30 minutes removed, days split at midnight") {
    auto log = readChat(H +
                        "s1,2024-03-05 09:00:00,agent,A,b1,x\n"
                        "s2,2024-03-05 09:20:00,agent,A,b2,x\n" // 20 min counted (another session)
                        "s1,2024-03-05 10:30:00,agent,A,b1,x\n" // 70 min gap removed
                        "s1,2024-03-05 10:40:00,agent,A,b1,x\n" // 10 min
                        "s3,2024-03-06 23:50:00,agent,A,b3,x\n"
                        "s3,2024-03-07 00:10:00,agent,A,b3,x\n"); // the next day
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "working_days") == 3);
    CHECK(chatValue(v, "A", "online_hours_per_day") == round6(0.5 / 3));
    CHECK(chatValue(v, "A", "receptions") == 0); // nobody wrote in
    ChatSettings gap;
    gap.onlineGapS = 90 * 60;
    CHECK(chatValue(chatValues(log, gap, "2024-03"), "A", "online_hours_per_day") == round6((100.0 / 60) / 3));
}

TEST_CASE("chatlog: orders go to their agent or to the one who last served the buyer within the window") {
    std::string msgs = H +
                       "s1,2024-03-05 10:00:00,buyer,A,b1,q\n"
                       "s1,2024-03-05 10:00:10,agent,A,b1,a\n"
                       "s2,2024-03-05 20:00:00,buyer,B,b1,q\n"
                       "s2,2024-03-05 20:00:10,agent,B,b1,a\n"
                       "s3,2024-03-01 10:00:00,buyer,A,b2,q\n"
                       "s3,2024-03-01 10:00:10,agent,A,b2,a\n";
    std::string orders = "order_id,buyer,agent,created,paid,amount,refund_amount,refund_time\n"
                         "o1,b1,,2024-03-05 21:00:00,2024-03-05 21:05:00,100.50,,\n"          // B served last
                         "o2,b1,,2024-03-05 19:00:00,2024-03-06 09:00:00,50,20,2024-03-10 12:00:00\n" // A
                         "o3,b2,,2024-03-03 10:00:00,,80,,\n"                                  // 48 h after: none
                         "o4,b3,A,2024-03-07 10:00:00,2024-03-07 10:00:00,30,,\n"              // named agent
                         "o5,b1,,2024-03-05 09:00:00,,10,,\n";                                 // before any chat
    auto log = readChat(msgs, {}, orders);
    ChatMetrics m = computeChatMetrics(log, {}, {2024, 3});
    CHECK(m.ordersInPeriod == 5);
    CHECK(m.ordersUnattributed == 2);
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "ordered_customers") == 2);
    CHECK(chatValue(v, "A", "paid_customers") == 2);
    CHECK(chatValue(v, "A", "sales_amount") == 80);
    CHECK(chatValue(v, "A", "avg_order_value") == 40);
    CHECK(chatValue(v, "A", "refund_customers") == 1);
    CHECK(chatValue(v, "A", "refund_rate") == 0.5);
    CHECK(chatValue(v, "A", "inquiries") == 2);
    CHECK(chatValue(v, "A", "conversion_rate") == 1);
    CHECK(chatValue(v, "B", "sales_amount") == 100.5);
    CHECK(chatValue(v, "B", "conversion_rate") == 1);
    ChatSettings wide;
    wide.attributionWindowS = 48 * 3600;
    CHECK(chatValue(chatValues(log, wide, "2024-03"), "A", "ordered_customers") == 3); // o3 now reaches A
    CHECK(attributeOrder(log, log.buyers.find("b1"), *parseShopTime("2024-03-05 20:00:05", 480), 86400) == log.agents.find("A"));
}

TEST_CASE("chatlog: text checks count forbidden phrases and greeting/closing compliance, with hit locations") {
    std::string csv = H +
                      "s1,2024-03-05 10:00:00,buyer,A,b1,你好\n"
                      "s1,2024-03-05 10:00:10,agent,A,b1,\"亲，您好，有什么可以帮您\"\n"
                      "s1,2024-03-05 10:01:00,buyer,A,b1,发货了吗\n"
                      "s1,2024-03-05 10:01:30,agent,A,b1,\"这不是我们的问题,\n我不能处理\"\n" // two phrases, two lines
                      "s1,2024-03-05 10:02:00,agent,A,b1,好的，再见\n"
                      "s2,2024-03-05 11:00:00,buyer,A,b2,在吗\n"
                      "s2,2024-03-05 11:00:10,agent,A,b2,在的\n"
                      "s2,2024-03-05 11:00:20,robot,A,b2,我不能\n"; // robots are not checked
    auto log = readChat(csv);
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "A", "forbidden_phrases") == 2);
    CHECK(chatValue(v, "A", "compliant_greeting_rate") == 0.5); // s1 yes, s2 no greeting and no closing
    REQUIRE(log.hits.size() == 2);
    const PhraseHit& h = log.hits[0];
    CHECK(log.phrases.forbidden[h.phrase] == "这不是我们的问题");
    CHECK(log.phrases.forbidden[log.hits[1].phrase] == "我不能");
    CHECK(h.line == 5);
    CHECK(csv.substr(h.offset, 3) == "s1,");
    CHECK(log.sessionNames.name(h.session) == "s1");
    CHECK(log.agents.name(h.agent) == "A");
    CHECK(h.time == *parseShopTime("2024-03-05 10:01:30", 480));
    // The context: the hit's message and its neighbours in the session.
    CHECK(log.time[h.message] == h.time);
    CHECK(roleOf(log.role[h.message - 1]) == ChatRole::Buyer);
    // Lists are settings: only closings required.
    ChatSettings s;
    s.phrases = {.forbidden = {}, .greetings = {}, .closings = {"再见"}};
    auto c = chatValues(readChat(csv, s), s, "2024-03");
    CHECK(chatValue(c, "A", "compliant_greeting_rate") == 0.5);
    CHECK(c["A"].count("forbidden_phrases") == 0);
}

TEST_CASE("chatlog: GBK files are read, names and phrases converted") {
    std::string csv = H + "s1,2024-03-05 10:00:00,buyer,\xD0\xA1\xC3\xC0,b1,\xC4\xE3\xBA\xC3\n" // 小美, 你好
                          "s1,2024-03-05 10:00:10,agent,\xD0\xA1\xC3\xC0,b1,\xC7\xD7\xC4\xFA\xBA\xC3\n" // 亲您好
                          "s1,2024-03-05 10:00:20,agent,\xD0\xA1\xC3\xC0,b1,\xCE\xD2\xB2\xBB\xC4\xDC\xD4\xD9\xBC\xFB\n"; // 我不能再见
    auto log = readChat(csv, {}, {}, 1);
    auto v = chatValues(log, {}, "2024-03");
    CHECK(chatValue(v, "小美", "forbidden_phrases") == 1);
    CHECK(chatValue(v, "小美", "compliant_greeting_rate") == 1);
}

TEST_CASE("chatlog: errors name the line and the column") {
    CHECK(messagesError(H + "s1,2024-03-05 10:00:00,buyer,A,b1,q\ns1,2024-13-05 10:00:00,agent,A,b1,a\n") ==
          "line 3, column 2 (time): cannot read the time '2024-13-05 10:00:00' (expected 2024-03-01 09:00:00 or ISO 8601)");
    CHECK(messagesError(H + "s1,2024-03-05 10:00:00,customer,A,b1,q\ns1,2024-03-05 10:00:00,客人,A,b1,a\n") ==
          "line 3, column 3 (role): unknown role '客人' (buyer, agent, robot or system)");
    CHECK(messagesError(H + "s1,2024-03-05 10:00:00,buyer,A,b1,hello, world\n") ==
          "line 2: 7 fields, the header has 6 (quote texts that hold commas)");
    CHECK(messagesError("session_id,role,agent\n").find("no 'time' column") != std::string::npos);
    CHECK(messagesError(H + ",2024-03-05 10:00:00,buyer,A,b1,q\n") == "line 2, column 1 (session_id): empty session id");
    CHECK(messagesError(H + "s1,2024-03-05 10:00:00,buyer,A,b1,\"never closed\n") == "line 2: a quoted field is not closed");
    CHECK(messagesError("") == "line 1: the file is empty (no header row)");
    CHECK(messagesError("\xFF\xFEs\0e") == "line 1: the file is UTF-16; save it as UTF-8 CSV");
    // Line numbers count the lines inside quoted texts.
    CHECK(messagesError(H + "s1,2024-03-05 10:00:00,buyer,A,b1,\"a\nb\nc\"\ns1,bad,agent,A,b1,x\n", 1).rfind("line 5, column 2", 0) == 0);
}

TEST_CASE("chatlog: header aliases, column order, BOM, CRLF, quotes and blank lines") {
    std::string csv = "\xEF\xBB\xBF买家,时间,会话ID,角色,客服,内容\r\n"
                      "b1,2024-03-05 10:00:00,s1,买家,小美,\"他说\"\"你好\"\"\"\r\n"
                      "\r\n"
                      "b1,2024-03-05 10:00:30,s1,客服,小美,您好，再见\r\n";
    for (size_t chunk : {0, 1, 2, 3, 5}) {
        auto log = readChat(csv, {}, {}, chunk);
        auto v = chatValues(log, {}, "2024-03");
        CHECK(chatValue(v, "小美", "avg_response_s") == 30);
        CHECK(chatValue(v, "小美", "compliant_greeting_rate") == 1);
    }
    // Tab- or semicolon-separated files: the delimiter comes from the header line.
    for (size_t chunk : {0, 1, 4}) {
        auto tsv = readChat("session_id\ttime\trole\tagent\tbuyer\ttext\n"
                            "s1\t2024-03-05 10:00:00\tbuyer\tA\tb1\t\"a, b\"\n"
                            "s1\t2024-03-05 10:00:09\tagent\tA\tb1\tok; fine\n", {}, {}, chunk);
        CHECK(chatValue(chatValues(tsv, {}, "2024-03"), "A", "avg_response_s") == 9);
        auto semi = readChat("session_id;time;role;agent\ns1;2024-03-05 10:00:00;buyer;A\ns1;2024-03-05 10:00:07;agent;A", {}, {}, chunk);
        CHECK(chatValue(chatValues(semi, {}, "2024-03"), "A", "avg_response_s") == 7);
    }
    // A mapping from the mapping screen picks a column the aliases would not.
    ChatReadOptions opt;
    opt.columns = {{"session_id", "对话"}, {"time", "when"}};
    ChatLog log;
    MessageReader r(log, opt);
    REQUIRE(feedChunks(r, "对话,when,role,agent\nx,2024-03-05 10:00:00,agent,A\n", 0).ok());
    CHECK(log.sessionNames.name(0) == "x");
}

TEST_CASE("chatlog: settings JSON, presets and errors") {
    auto s = parseChatSettings(R"({"preset": "taobao", "timezone": "+07:00", "exempt_days": ["2024-11-10..2024-11-12"],
        "robot": "response", "phrases": {"forbidden": ["滚"]}, "attribution_window_h": 48, "service_hours": ["08:00-12:00", "13:00-24:00"]})");
    REQUIRE(s.ok());
    CHECK(s->responseCapS == 600);
    CHECK(s->tzOffsetMinutes == 420);
    CHECK(s->exemptDays.size() == 3);
    CHECK(s->robot == RobotMode::Response);
    CHECK(s->phrases.forbidden == std::vector<std::string>{"滚"});
    CHECK(s->phrases.greetings == defaultPhrases().greetings);
    CHECK(s->attributionWindowS == 48 * 3600);
    CHECK(s->serviceHours.size() == 2);
    auto back = parseChatSettings(writeJson(chatSettingsToJson(*s)));
    REQUIRE(back.ok());
    CHECK(back->serviceHours == s->serviceHours);
    CHECK(back->exemptDays == s->exemptDays);
    CHECK(back->tzOffsetMinutes == 420);
    CHECK(back->phrases == s->phrases);
    CHECK(parseChatSettings("{\n  \"cap\": 600\n}").error() == "line 2, column 10: unknown setting 'cap'");
    CHECK(parseChatSettings(R"({"service_hours": "8-24"})").error().find("'service_hours'") != std::string::npos);
    CHECK_FALSE(parseChatSettings(R"({"preset": "pdd"})").ok());
    CHECK_FALSE(parseChatSettings(R"({"timezone": "+25:00"})").ok());
    CHECK(parseChatSettings(R"({"timezone": "UTC-5"})")->tzOffsetMinutes == -300);
    CHECK(chatPreset("jd")->hoursBy == HoursBy::Session);
    CHECK(formatServiceHours(*parseServiceHours("08:00-24:00")) == "08:00-24:00");
}

TEST_CASE("chatlog: the metrics CSV is what kefu score reads") {
    auto log = readChat(H +
                        "s1,2024-03-05 10:00:00,buyer,\"Li, Mei\",b1,q\n"
                        "s1,2024-03-05 10:00:10,agent,\"Li, Mei\",b1,您好 再见\n"
                        "s2,2024-03-05 10:00:00,buyer,B,b2,q\n");
    std::vector<std::string> warnings;
    std::string csv = writeChatMetricsCsv(log, computeChatMetrics(log, {}, {2024, 3}), false, warnings);
    CHECK(csv.rfind("agent,receptions,replied_customers,reply_rate,", 0) == 0);
    CHECK(csv.find("\n\"Li, Mei\",1,1,1,1,0,0,10,10,1,1,1,1,0,1,0,1\n") != std::string::npos);
    CHECK(csv.find("\nB,1,0,0,1,0,0,,,0,1,0,0,,0,0,\n") != std::string::npos);
    CHECK(warnings.empty());
    LoadReport report;
    auto in = loadMetricsCsv(csv, "metrics.csv", Catalog::builtin(), nullptr, report);
    REQUIRE(in.ok());
    CHECK(report.warnings.empty());
    CHECK(in->agents.size() == 2);
    CHECK(*in->metrics.get(0, "avg_response_s") == 10);
}
