#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "shop_state.h"
#include "snapshot.h"

using namespace kefu::core;

namespace {
std::string readAsset(const std::string& name) {
    std::ifstream f(std::string(KEFU_SOURCE_DIR) + "/assets/demo/" + name, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), name);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

AppState demoState() {
    LoadShop load;
    load.shopName = "小美家居旗舰店";
    load.demo = true;
    for (const char* n : {"roster.csv", "metrics-2024-01.csv", "metrics-2024-02.csv", "metrics-2024-03.csv",
                          "events-2024-01.csv", "events-2024-02.csv", "events-2024-03.csv"})
        load.files.push_back({n, readAsset(n)});
    AppState s;
    apply(s, load);
    REQUIRE(s.periods.size() == 3);
    return s;
}

std::vector<int64_t> totals(const AppState& s) {
    std::vector<int64_t> out;
    for (const auto& p : s.periods)
        for (const auto& a : p.results.agents) out.push_back(a.totalFen());
    return out;
}
} // namespace

TEST_CASE("shop state: the demo shop survives a snapshot round trip with equal results") {
    AppState s = demoState();
    Shop shop = shopFromState(s, Shop{}, 1000, "王经理", 42);
    CHECK(shop.agents.size() == s.roster.size());
    auto bytes = encodeSnapshot(shop);
    auto back = decodeSnapshot(bytes);
    REQUIRE(back.ok());
    AppState restored;
    stateFromShop(restored, *back);
    CHECK(restored.shopName == s.shopName);
    CHECK(restored.roster.size() == s.roster.size());
    REQUIRE(restored.periods.size() == 3);
    CHECK(totals(restored) == totals(s));
    // Saving again without a change keeps every record and stamp: nothing for a merge to see.
    Shop again = shopFromState(restored, *back, 2000, "王经理", 43);
    CHECK(again == *back);
}

TEST_CASE("shop state: only changed records get new stamps; removed agents stay inactive") {
    AppState s = demoState();
    Shop first = shopFromState(s, Shop{}, 1000, "王经理", 42);
    const std::string removed = s.roster.front().name;
    std::string removedId;
    for (const auto& a : first.agents)
        if (a.name == removed) removedId = a.id;
    apply(s, AddAgent{"张喆", "售后组", Status::Probation, "初级"});
    apply(s, RemoveAgent{removed});
    Shop second = shopFromState(s, first, 2000, "王经理", 43);
    CHECK(second.id == first.id);
    size_t restamped = 0, inactive = 0;
    for (const auto& a : second.agents) {
        restamped += a.stamp.at == 2000;
        inactive += !a.active;
    }
    CHECK(restamped == 2); // the new agent and the removed one
    CHECK(inactive == 1);
    // Removing an agent removes their values (RemoveAgent's meaning); everyone else's stay as they were.
    for (size_t i = 0; i < second.periods.size(); ++i) {
        std::vector<MetricCell> kept;
        for (const auto& c : first.periods[i].cells)
            if (c.agentId != removedId) kept.push_back(c);
        CHECK(second.periods[i].cells == kept);
    }
}
