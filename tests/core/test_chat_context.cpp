// The context of a forbidden-phrase hit, parsed from slices of a small messages file: quoted texts
// with commas and line breaks, a slice that starts inside a quoted text, other sessions left out,
// GBK, and a file that changed since it was read.
#include "chat_context.h"
#include "chat_helpers.h"

using namespace kefu::test;

namespace {
const std::string kFile = "session_id,time,role,agent,buyer,text\n"
                          "s1,2024-03-05 10:00:00,buyer,A,b1,\"hi, is it\nthere?\"\n"        // lines 2-3
                          "s2,2024-03-05 10:00:05,buyer,B,b2,other\n"                        // 4
                          "s1,2024-03-05 10:00:10,agent,A,b1,\"well, \"\"我不能\"\" say\"\n" // 5
                          "s1,2024-03-05 10:00:20,buyer,A,b1,\"why\nnot\"\n"                 // 6-7
                          "s1,2024-03-05 10:00:30,agent,A,b1,ok\n";                          // 8

std::string head(const std::string& file) { return file.substr(0, file.find('\n') + 1); }

std::vector<ContextLine> context(const std::string& file, const ChatLog& log, uint64_t from, uint64_t to,
                                 HitContextOptions opt = {}) {
    REQUIRE(log.hits.size() == 1);
    opt.sliceReachesEnd = to == file.size();
    auto r = hitContext(head(file), std::string_view(file).substr(from, to - from), from, log, log.hits[0], opt);
    INFO((r ? std::string() : r.error()));
    REQUIRE(r.ok());
    return r.value();
}
} // namespace

TEST_CASE("chat context: the hit's session around it, quoted texts whole") {
    ChatLog log = readChat(kFile);
    auto lines = context(kFile, log, 0, kFile.size());
    REQUIRE(lines.size() == 4); // s2 is left out
    CHECK(lines[0].line == 2);
    CHECK(lines[0].text == "hi, is it\nthere?");
    CHECK(lines[0].role == "buyer");
    CHECK_FALSE(lines[0].hit);
    CHECK(lines[1].line == 5);
    CHECK(lines[1].hit);
    CHECK(lines[1].text == "well, \"我不能\" say");
    CHECK(lines[1].agent == "A");
    CHECK(lines[1].time == "2024-03-05 10:00:10");
    CHECK(lines[2].line == 6);
    CHECK(lines[2].text == "why\nnot");
    CHECK(lines[3].line == 8);
    CHECK(lines[3].text == "ok");
}

TEST_CASE("chat context: before/after limits and a slice without the file's end") {
    ChatLog log = readChat(kFile);
    HitContextOptions opt;
    opt.before = 0;
    opt.after = 1;
    auto lines = context(kFile, log, 0, kFile.size() - 1, opt); // the last record has no line end: not whole
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].hit);
    CHECK(lines[1].text == "why\nnot");
}

TEST_CASE("chat context: a slice that starts inside a quoted text finds the record boundaries") {
    ChatLog log = readChat(kFile);
    const uint64_t inside = kFile.find("there?"); // after the line break inside the first text
    auto lines = context(kFile, log, inside, kFile.size());
    REQUIRE(lines.size() == 3); // the first message is not whole in the slice
    CHECK(lines[0].hit);
    CHECK(lines[0].line == 5);
    CHECK(lines[1].line == 6);
    // hitSlice keeps the record whole and stays within the file
    HitSlice s = hitSlice(log.hits[0], kFile.size(), 10);
    CHECK(s.offset == log.hits[0].offset - 10);
    CHECK(s.offset + s.length == log.hits[0].offset + 10);
    CHECK(hitSlice(log.hits[0], kFile.size()).length == kFile.size());
}

TEST_CASE("chat context: GBK files are decoded as the reader did") {
    const std::string gbk = "session_id,time,role,agent,buyer,text\n"
                            "s1,2024-03-05 10:00:00,\xc2\xf2\xbc\xd2,A,b1,\"\xc4\xe3\xba\xc3, \xcd\xcb\xbf\xee\"\n"
                            "s1,2024-03-05 10:00:10,\xbf\xcd\xb7\xfe,A,b1,\xce\xd2\xb2\xbb\xc4\xdc\n";
    ChatLog log = readChat(gbk);
    auto lines = context(gbk, log, 0, gbk.size());
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].role == "买家");
    CHECK(lines[0].text == "你好, 退款");
    CHECK(lines[1].text == "我不能");
    CHECK(lines[1].hit);
}

TEST_CASE("chat context: a changed file or a slice without the hit is an error") {
    ChatLog log = readChat(kFile);
    std::string changed = kFile;
    changed.replace(changed.find("我不能"), std::string("我不能").size(), "我可以");
    CHECK_FALSE(hitContext(head(changed), changed, 0, log, log.hits[0]).ok());
    CHECK_FALSE(hitContext(head(kFile), std::string_view(kFile).substr(0, 20), 0, log, log.hits[0]).ok());
    CHECK_FALSE(hitContext("", kFile, 0, log, log.hits[0]).ok());
}
