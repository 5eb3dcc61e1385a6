// MessageReader reserves its columns once from the file size and the bytes per row of the first
// rows: the parsed log is the same as without a size, and a file of long rows (texts) does not
// reserve several times the columns it needs (the wasm heap would grow to cover them).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "chat_metrics.h"

using namespace kefu::core;

namespace {
// 10,000 rows of about 150 bytes: sessions of a buyer and an agent turn with long texts.
std::string longRows() {
    std::string csv = "session_id,time,role,agent,buyer,text\n";
    char line[128];
    for (int i = 0; i < 10000; ++i) {
        std::snprintf(line, sizeof line, "S%05d,2024-03-%02d %02d:%02d:%02d,%s,客服%02d,buyer%04d,", i / 2, 1 + i % 28, 8 + i % 12,
                      i % 60, (i * 7) % 60, i % 2 ? "agent" : "buyer", i % 13, i / 2 % 3000);
        csv += line;
        csv += "\"亲，您好，这款有现货的哦, 今天下午四点前付款当天发货，\"\"包邮\"\"\"\n";
    }
    return csv;
}

ChatLog read(const std::string& csv, uint64_t expectedBytes, size_t* capacityBeforeFinish) {
    ChatLog log;
    ChatReadOptions opt = chatReadOptions(ChatSettings{});
    opt.expectedBytes = expectedBytes;
    MessageReader reader(log, opt);
    for (size_t i = 0; i < csv.size(); i += 65536) REQUIRE(reader.feed(std::string_view(csv).substr(i, 65536)));
    *capacityBeforeFinish = log.time.capacity();
    REQUIRE(reader.finish());
    return log;
}
} // namespace

TEST_CASE("chatlog: columns reserved from the file size hold the rows without a large surplus; the log is the same") {
    const std::string csv = longRows();
    size_t sized = 0, unsized = 0;
    const ChatLog a = read(csv, csv.size(), &sized), b = read(csv, 0, &unsized);
    CHECK(a.messageCount() == 10000);
    CHECK(sized >= 10000);
    CHECK(sized <= 10000 * 5 / 4 + 1024); // rows of ~150 bytes; a 40-byte guess reserved 3.7x
    CHECK(a.time == b.time);
    CHECK(a.agent == b.agent);
    CHECK(a.role == b.role);
    const ChatMetrics ma = computeChatMetrics(a, {}, {2024, 3}), mb = computeChatMetrics(b, {}, {2024, 3});
    REQUIRE(ma.agents == mb.agents);
    for (size_t i = 0; i < ma.totals.size(); ++i) CHECK(ma.totals[i] == mb.totals[i]);
}
