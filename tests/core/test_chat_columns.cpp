// Chat-log files with other headers: the column mapping (chat_columns.h) as the import screen and
// `kefu metrics --columns` use it, read by the same readers, and remembered per header row.
#include <doctest/doctest.h>

#include "app_fixtures.h"
#include "chat_columns.h"
#include "chat_metrics.h"
#include "chatlog.h"
#include "import_preview.h"
#include "shop_settings.h"

using namespace kefu::core;
using kefu::test::appShop;

namespace {
const char* kCanonical = "session_id,time,role,agent,buyer,text\n"
                         "s1,2024-03-04 09:00:00,buyer,张三,b1,在吗\n"
                         "s1,2024-03-04 09:00:40,agent,张三,b1,您好\n"
                         "s2,2024-03-05 10:00:00,buyer,李四,b2,发货了吗\n"
                         "s2,2024-03-05 10:05:00,agent,李四,b2,已发\n";
// The same messages with other headers, in another order.
const char* kOther = "接待客服,发送时刻,对话编号,顾客ID,发送者类型,聊天内容\n"
                     "张三,2024-03-04 09:00:00,s1,b1,buyer,在吗\n"
                     "张三,2024-03-04 09:00:40,s1,b1,agent,您好\n"
                     "李四,2024-03-05 10:00:00,s2,b2,buyer,发货了吗\n"
                     "李四,2024-03-05 10:05:00,s2,b2,agent,已发\n";
const ColumnMapping kOtherMapping = {{"session_id", "对话编号"}, {"time", "发送时刻"}, {"role", "发送者类型"},
                                     {"agent", "接待客服"},     {"buyer", "顾客ID"},   {"text", "聊天内容"}};

Expected<std::string> metricsOf(const std::string& bytes, const ColumnMapping& columns) {
    ChatLog log;
    ChatReadOptions opt;
    opt.columns = columns;
    MessageReader reader(log, opt);
    if (auto r = reader.feed(bytes); !r) return Error{r.error()};
    if (auto r = reader.finish(); !r) return Error{r.error()};
    std::vector<std::string> warnings;
    return chatLogMetricsCsv(log, "m.csv", ChatSettings{}, Month{2024, 3}, warnings);
}
} // namespace

TEST_CASE("chat columns: the columns of each file, and what the readers pick in a header row") {
    auto m = chatColumns(ChatFile::Messages);
    REQUIRE(m.size() == 7);
    CHECK(m[0].name == "session_id");
    CHECK(m[0].required);
    CHECK_FALSE(m[5].required); // text
    auto o = chatColumns(ChatFile::Orders);
    CHECK(o[1].name == "buyer");
    CHECK(o[1].required);

    const auto headers = csvHeaderCells(kOther);
    CHECK(headers == std::vector<std::string>{"接待客服", "发送时刻", "对话编号", "顾客ID", "发送者类型", "聊天内容"});
    // Nothing of these names is known: every column is empty until chosen.
    auto none = resolveChatColumns(ChatFile::Messages, headers, {});
    for (const auto& [name, header] : none) CHECK(header.empty());
    auto some = resolveChatColumns(ChatFile::Messages, headers, {{"time", "发送时刻"}});
    CHECK(some[1] == std::pair<std::string, std::string>{"time", "发送时刻"});
    // Aliases fill in what they can (会话ID, 时间, 客服 ...).
    auto aliased = resolveChatColumns(ChatFile::Messages, csvHeaderCells("会话ID,时间,角色,客服,买家,内容\n"), {});
    CHECK(aliased[0].second == "会话ID");
    CHECK(aliased[3].second == "客服");
    CHECK(aliased[6].second.empty()); // kind

    // GBK header rows decode.
    const std::string gbk = "\xBF\xCD\xB7\xFE,\xCA\xB1\xBC\xE4\n\xD0\xA1\xC3\xC0,2024-03-04\n"; // 客服,时间 / 小美
    CHECK(csvHeaderCells(gbk) == std::vector<std::string>{"客服", "时间"});
}

TEST_CASE("chat columns: a file with other headers gives the same metrics as the canonical one") {
    auto canonical = metricsOf(kCanonical, {});
    REQUIRE(canonical.ok());
    auto other = metricsOf(kOther, kOtherMapping);
    REQUIRE(other.ok());
    CHECK(*other == *canonical);
    CHECK(canonical->find("张三,1,1,1") != std::string::npos);

    // Without the mapping the reader says which column it misses.
    auto unmapped = metricsOf(kOther, {});
    REQUIRE_FALSE(unmapped.ok());
    CHECK(unmapped.error().find("line 1: no 'session_id' column") != std::string::npos);
    // A chosen header the file lacks, and a name that is no column.
    ColumnMapping wrong = kOtherMapping;
    wrong[1].second = "发送时间";
    auto missing = metricsOf(kOther, wrong);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error() == "line 1: no column '发送时间' (chosen for 'time')");
    auto unknown = metricsOf(kOther, {{"tim", "发送时刻"}});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("'tim' is not a column of this file (session_id, time, role") != std::string::npos);
}

TEST_CASE("chat columns: orders with other headers") {
    const std::string orders = "顾客ID,单号,下单时刻,付款时刻,成交金额\n"
                               "b1,o1,2024-03-04 12:00:00,2024-03-04 12:01:00,99\n";
    ChatLog log;
    ChatReadOptions opt;
    MessageReader reader(log, opt);
    REQUIRE(reader.feed(kCanonical).ok());
    REQUIRE(reader.finish().ok());
    {
        OrderReader bad(log, opt);
        auto r = bad.feed(orders);
        if (r) r = bad.finish();
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("no 'buyer' column") != std::string::npos);
    }
    opt.columns = {{"buyer", "顾客ID"}, {"order_id", "单号"}, {"created", "下单时刻"}, {"paid", "付款时刻"}, {"amount", "成交金额"}};
    OrderReader good(log, opt);
    REQUIRE(good.feed(orders).ok());
    REQUIRE(good.finish().ok());
    REQUIRE(log.orders.size() == 1);
    std::vector<std::string> warnings;
    const std::string csv = chatLogMetricsCsv(log, "m.csv", ChatSettings{}, Month{2024, 3}, warnings);
    CHECK(csv.find("sales_amount") != std::string::npos);
    CHECK(csv.find(",99,") != std::string::npos);
}

TEST_CASE("chat columns: --columns text") {
    auto m = parseColumnMapping(ChatFile::Messages, "session_id=对话编号, time = 发送时刻,");
    REQUIRE(m.ok());
    CHECK(*m == ColumnMapping{{"session_id", "对话编号"}, {"time", "发送时刻"}});
    CHECK(parseColumnMapping(ChatFile::Orders, "buyer=顾客ID").ok());
    CHECK(parseColumnMapping(ChatFile::Messages, "buyer=顾客ID").ok());
    CHECK_FALSE(parseColumnMapping(ChatFile::Messages, "created=下单时刻").ok()); // an orders column
    CHECK(parseColumnMapping(ChatFile::Messages, "time").error().find("expected name=header") != std::string::npos);
    CHECK(parseColumnMapping(ChatFile::Messages, "time=").error().find("no header after '='") != std::string::npos);
    CHECK(parseColumnMapping(ChatFile::Messages, "time=a,time=b").error() == "'time' is given twice");
    CHECK_FALSE(parseColumnMapping(ChatFile::Messages, "").ok());
}

TEST_CASE("chat columns: what a file is, from its header row and the remembered layouts") {
    ShopSettings s;
    CHECK(detectFileLayout(kCanonical, s).kind == FileLayout::Kind::Messages);
    CHECK(detectFileLayout("会话ID,时间,角色,客服\n", s).kind == FileLayout::Kind::Messages);
    CHECK(detectFileLayout(kOther, s).kind == FileLayout::Kind::Report); // not known yet
    CHECK(detectFileLayout("", s).kind == FileLayout::Kind::Report);

    s.layouts.push_back(chatLayout(ChatFile::Messages, csvHeaderCells(kOther), kOtherMapping));
    auto known = detectFileLayout(kOther, s);
    CHECK(known.kind == FileLayout::Kind::Messages);
    CHECK(known.columns == kOtherMapping);
    s.layouts.push_back(chatLayout(ChatFile::Orders, {"顾客ID", "单号"}, {{"buyer", "顾客ID"}}));
    CHECK(detectFileLayout("顾客ID,单号\nb1,o1\n", s).kind == FileLayout::Kind::Orders);
    // A header row remembered as a report stays a report, even with chat-log names.
    s.layouts.push_back({"session_id|time|role|agent|buyer|text", {{"agent", ""}}, ""});
    CHECK(detectFileLayout(kCanonical, s).kind == FileLayout::Kind::Report);

    // The kind survives the settings JSON (saved with the shop).
    auto back = parseShopSettings(shopSettingsJson(s));
    REQUIRE(back.ok());
    CHECK(back->layouts == s.layouts);
    CHECK(back->layouts[0].kind == "messages");
    CHECK_FALSE(parseShopSettings(R"({"layouts": [{"headers": "a", "kind": "photos", "columns": []}]})").ok());
}

TEST_CASE("chat columns: an import remembers the chat-log layouts it was read with") {
    AppState s = appShop();
    ImportValues a;
    a.period = 1;
    a.file = "chats.csv";
    a.values.push_back({"张三", "receptions", 7, 0});
    a.layouts.push_back(chatLayout(ChatFile::Messages, csvHeaderCells(kOther), kOtherMapping));
    a.layouts.push_back(chatLayout(ChatFile::Orders, {"顾客ID", "单号"}, {{"buyer", "顾客ID"}}));
    apply(s, a, {5000, 9});
    REQUIRE(s.settings.layouts.size() == 2);
    CHECK(detectFileLayout(kOther, s.settings).kind == FileLayout::Kind::Messages);
    apply(s, Undo{});
    CHECK(s.settings.layouts.empty());
}
