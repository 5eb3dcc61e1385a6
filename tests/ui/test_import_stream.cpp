// Files read in pieces for the import dialog (web/import_stream.cpp): chat logs go into the readers
// piece by piece and are never kept whole, a report is gathered, the orders file goes into the
// dialog's log, progress is known on the way, and cancelling or a bad line stops the reading.
#include <doctest/doctest.h>

#include "import_stream.h"
#include "panel_test.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;
using web::ImportStreams;

namespace {
// Feeds `text` in pieces of `piece` bytes; false when the reader stopped the reading.
bool feedAll(ImportStreams& st, int64_t id, const std::string& text, size_t piece) {
    for (size_t at = 0; at < text.size(); at += piece)
        if (!st.chunk(id, std::string_view(text).substr(at, piece))) return false;
    return true;
}
} // namespace

TEST_CASE("import streams: chat logs in small pieces, with progress; the bytes are not kept") {
    ImportStreams st;
    st.prepare(ShopSettings{}, nullptr, {});
    const std::string messages = kChatLogFile;
    const int64_t id = st.begin("messages.csv", messages.size());
    REQUIRE(st.chunk(id, std::string_view(messages).substr(0, 50)));
    auto p = st.progress();
    REQUIRE(p);
    CHECK(p->name == "messages.csv");
    CHECK(p->done == 50);
    CHECK(p->size == messages.size());
    REQUIRE(feedAll(st, id, messages.substr(50), 7));
    CHECK(st.take().empty()); // not finished yet
    st.end(id, "");
    CHECK(!st.progress());
    auto done = st.take();
    REQUIRE(done.size() == 1);
    CHECK(done[0].error.empty());
    REQUIRE(done[0].log);
    CHECK(done[0].log->messageCount() == 6);
    CHECK(done[0].bytes.empty());
    CHECK(!done[0].orders);
    CHECK(done[0].stream == id); // for the hits' contexts (storage::readSlice) ...
    CHECK(done[0].head.rfind("session_id,time,", 0) == 0); // ... and their header line

    // The orders file the dialog waits for goes into that log.
    st.prepare(ShopSettings{}, done[0].log, {});
    const std::string orders = "order_id,buyer,agent,created,paid,amount\no1,b1,王喆,2024-03-04 09:10:00,2024-03-04 09:12:00,99.5\n";
    const int64_t oid = st.begin("orders.csv", orders.size());
    REQUIRE(feedAll(st, oid, orders, 5));
    st.end(oid, "");
    auto o = st.take();
    REQUIRE(o.size() == 1);
    CHECK(o[0].orders);
    CHECK(o[0].error.empty());
    CHECK(done[0].log->orders.size() == 1);
}

TEST_CASE("import streams: a report is gathered whole; a bad line or 取消 stops the reading") {
    ImportStreams st;
    st.prepare(ShopSettings{}, nullptr, {});
    const std::string report = kReportFile;
    int64_t id = st.begin("qianniu.csv", report.size());
    REQUIRE(feedAll(st, id, report, 3));
    st.end(id, "");
    auto done = st.take();
    REQUIRE(done.size() == 1);
    CHECK(done[0].bytes == report);
    CHECK(!done[0].log);

    const std::string bad = "session_id,time,role,agent,buyer\ns1,2024-03-04 09:00:00,buyer,王喆,b1\ns1,not a time,agent,王喆,b1\n";
    id = st.begin("bad.csv", bad.size());
    CHECK_FALSE(feedAll(st, id, bad, bad.size()));
    st.end(id, "");
    done = st.take();
    REQUIRE(done.size() == 1);
    CHECK(done[0].error.find("bad.csv: line 3") != std::string::npos);
    CHECK(!done[0].log);

    id = st.begin("messages.csv", 1000);
    REQUIRE(st.chunk(id, std::string_view(kChatLogFile).substr(0, 60)));
    st.cancel();
    CHECK_FALSE(st.chunk(id, std::string_view(kChatLogFile).substr(60)));
    st.end(id, "");
    done = st.take();
    REQUIRE(done.size() == 1);
    CHECK(done[0].cancelled);
}

TEST_CASE("import dialog: the reading shows progress, the time left and 取消读取; a failed orders file counts for nothing") {
    PanelTest t("data import dialog (chat log)", demoState());
    t.ui.dataImport.reading = web::ui::DataImportDialog::Reading{"orders.csv", 40u << 20, 10u << 20, 2.0};
    t.nb.frames(2, t.draw);
    CHECK(t.label("dataimport.reading") == "正在读取 orders.csv：10 / 40 MB");
    CHECK(t.label("dataimport.left") == "约剩 6 秒");
    REQUIRE(t.click("dataimport.cancel_read"));
    CHECK(t.ui.dataImport.cancelRead);

    auto log = t.ui.dataImport.log;
    REQUIRE(log);
    log->orders.buyer.push_back(0); // a part of an orders file
    log->hasOrders = true;
    t.ui.dataImport.reading.reset();
    attachOrders(t.ui.dataImport, "orders.csv", "orders.csv: line 9, column 4 (created): not a time");
    t.nb.frames(2, t.draw);
    CHECK(log->orders.size() == 0);
    CHECK(t.label("dataimport.orders_error").find("line 9") != std::string::npos);
    CHECK(t.label("dataimport.orders_file") == "订单文件：未选择（可选，用于询单转化、销售额）");
}

} // namespace kefu::test
