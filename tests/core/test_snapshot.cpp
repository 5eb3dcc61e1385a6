#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "shop_gen.h"
#include "snapshot.h"

using namespace kefu::core;
using kefu::test::randomShop;

namespace {
std::string readFixture(const std::string& name) {
    std::ifstream f(std::string(KEFU_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
    REQUIRE(f.good());
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

void putLE(std::string& b, size_t at, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) b[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
}

// Re-seals the checksums so a test reaches the payload decoder with a crafted payload.
void reseal(std::string& b) {
    putLE(b, 16, b.size() - kSnapshotHeaderSize, 8);
    putLE(b, 24, crc32(std::string_view(b).substr(kSnapshotHeaderSize)), 4);
    putLE(b, 28, crc32(std::string_view(b).substr(0, 28)), 4);
}
} // namespace

TEST_CASE("snapshot: random shops round-trip exactly") {
    for (uint64_t seed = 1; seed <= 200; ++seed) {
        Shop shop = randomShop(seed);
        std::string bytes = encodeSnapshot(shop);
        auto back = decodeSnapshot(bytes);
        REQUIRE_MESSAGE(back.ok(), "seed " << seed << ": " << back.error());
        CHECK_MESSAGE(*back == shop, "seed " << seed);
        CHECK(encodeSnapshot(*back) == bytes);
    }
}

TEST_CASE("snapshot: every format version's fixture loads") {
    auto v1 = decodeSnapshot(readFixture("snapshot-v1.kefu"));
    REQUIRE_MESSAGE(v1.ok(), v1.error());
    CHECK(v1->id == "fixture-shop-v1");
    CHECK(v1->name == "小美家居");
    REQUIRE(v1->agents.size() == 3);
    CHECK(v1->agents[2].name == "王五");
    CHECK(v1->agents[2].status == Status::Probation);
    CHECK(v1->agents[2].hireDate == Date{2024, 2, 10});
    REQUIRE(v1->periods.size() == 1);
    CHECK(v1->periods[0].month == Month{2024, 3});
    CHECK(v1->periods[0].cells.size() == 15);
    CHECK(v1->periods[0].events.size() == 2);
    CHECK(v1->schemes.at(0).id == "presales-rank");
    CHECK(readSnapshotHeader(readFixture("snapshot-v1.kefu"))->version == 1);

    const std::string bytes2 = readFixture("snapshot-v2.kefu");
    CHECK(readSnapshotHeader(bytes2)->version == 2);
    auto v2 = decodeSnapshot(bytes2);
    REQUIRE_MESSAGE(v2.ok(), v2.error());
    CHECK(v2->id == "fixture-shop-v2");
    CHECK(v2->agents == v1->agents);
    CHECK(v2->periods[0].cells == v1->periods[0].cells);
    CHECK(v2->groups.empty());
    CHECK(v2->fund.empty());
    CHECK(encodeSnapshot(*v2, 2) == bytes2);

    const std::string bytes3 = readFixture("snapshot-v3.kefu");
    CHECK(readSnapshotHeader(bytes3)->version == 3);
    auto v3 = decodeSnapshot(bytes3);
    REQUIRE_MESSAGE(v3.ok(), v3.error());
    CHECK(v3->id == "fixture-shop-v3");
    CHECK(v3->periods[0].cells == v1->periods[0].cells);
    CHECK(v3->periods[0].appeals.empty());
    CHECK(encodeSnapshot(*v3) == bytes3);
}

TEST_CASE("snapshot: damaged files are refused with a reason") {
    const std::string good = encodeSnapshot(randomShop(7));
    SUBCASE("truncated at every length") {
        for (size_t n = 0; n < good.size(); n += (n < 64 ? 1 : 37)) {
            auto r = decodeSnapshot(std::string_view(good).substr(0, n));
            CHECK_FALSE(r.ok());
        }
    }
    SUBCASE("bit flips anywhere are caught") {
        for (size_t i = 0; i < good.size(); i += 3) {
            std::string bad = good;
            bad[i] = char(bad[i] ^ (1 << (i % 8)));
            CHECK_FALSE(decodeSnapshot(bad).ok());
        }
    }
    SUBCASE("wrong magic, future version, extra bytes") {
        std::string bad = good;
        bad[0] = 'X';
        CHECK(decodeSnapshot(bad).error().find("wrong magic") != std::string::npos);
        std::string future = good;
        putLE(future, 8, kSnapshotVersion + 1, 4);
        putLE(future, 28, crc32(std::string_view(future).substr(0, 28)), 4);
        CHECK(decodeSnapshot(future).error().find("newer than this program") != std::string::npos);
        CHECK(decodeSnapshot(good + "x").error().find("extra bytes") != std::string::npos);
    }
    SUBCASE("an oversized length inside a checksummed payload allocates nothing") {
        std::string bad = good;
        // The payload starts with the shop id's length (u64): claim 2^60 bytes.
        putLE(bad, kSnapshotHeaderSize, 1ull << 60, 8);
        reseal(bad);
        auto r = decodeSnapshot(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("exceeds") != std::string::npos);
    }
    SUBCASE("an oversized payload size in the header") {
        std::string bad = good;
        putLE(bad, 16, 1ull << 40, 8);
        putLE(bad, 28, crc32(std::string_view(bad).substr(0, 28)), 4);
        CHECK(decodeSnapshot(bad).error().find("too large") != std::string::npos);
    }
    SUBCASE("a bool byte of 2 is damage") {
        Shop one;
        one.id = "x";
        AgentRecord a;
        a.id = "a";
        one.agents.push_back(a);
        std::string on = encodeSnapshot(one);
        one.agents[0].active = false;
        std::string off = encodeSnapshot(one);
        size_t at = kSnapshotHeaderSize;
        while (at < on.size() && on[at] == off[at]) ++at; // the byte of `active`
        REQUIRE(at < on.size());
        CHECK(on[at] == 1);
        CHECK(off[at] == 0);
        on[at] = 2;
        reseal(on);
        auto r = decodeSnapshot(on);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("bool byte holds 2") != std::string::npos);
    }
}

TEST_CASE("snapshot: JSON export holds the data") {
    auto shop = decodeSnapshot(readFixture("snapshot-v1.kefu"));
    REQUIRE(shop.ok());
    Json j = shopToJson(*shop);
    CHECK(j.find("name")->asString() == "小美家居");
    CHECK(j.find("agents")->items().size() == 3);
    auto again = parseJson(writeJson(j, 2));
    REQUIRE(again.ok());
    CHECK(again->find("periods")->items()[0].find("month")->asString() == "2024-03");
}
