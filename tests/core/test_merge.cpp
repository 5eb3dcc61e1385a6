#include <doctest/doctest.h>

#include "merge.h"

using namespace kefu::core;

namespace {
// A shop of two agents with one month of values, as a manager would have made it at t=1000.
Shop baseShop() {
    Shop s;
    s.id = "shop-1";
    s.name = "小美家居";
    s.stamp = restamp({}, 1000, "王经理");
    for (const char* name : {"张三", "李四"}) {
        AgentRecord a;
        a.id = std::string("id-") + name;
        a.name = name;
        a.group = "售前A组";
        a.stamp = restamp({}, 1000, "王经理");
        s.agents.push_back(a);
    }
    PeriodRecord p;
    p.month = {2024, 3};
    p.stamp = restamp({}, 1000, "王经理");
    for (const auto& a : s.agents)
        p.cells.push_back({a.id, "sales_amount", 100.0, {}, restamp({}, 1000, "王经理")});
    s.periods.push_back(p);
    return s;
}

MetricCell& cell(Shop& s, const std::string& agentId) {
    for (auto& c : s.periods[0].cells)
        if (c.agentId == agentId) return c;
    FAIL("no cell");
    return s.periods[0].cells[0];
}

void edit(Shop& s, const std::string& agentId, double v, int64_t at, const char* author) {
    MetricCell& c = cell(s, agentId);
    c.value = v;
    c.stamp = restamp(c.stamp, at, author);
}
} // namespace

TEST_CASE("merge: two managers' edits to different agents merge by themselves") {
    Shop a = baseShop(), b = baseShop();
    edit(a, "id-张三", 150, 2000, "王经理");
    edit(b, "id-李四", 250, 2100, "李主管");
    auto r = mergeShops(a, b, Prefer::None, 3000, "王经理");
    REQUIRE(r.ok());
    CHECK(r->conflicts.empty());
    CHECK(cell(r->merged, "id-张三").value == 150);
    CHECK(cell(r->merged, "id-李四").value == 250);
    CHECK(r->takenFromB == 1);
    CHECK(r->merged.audit.back().action == "merge");
    // Merging the result again with either side changes nothing.
    auto again = mergeShops(r->merged, b, Prefer::None, 4000, "王经理");
    REQUIRE(again.ok());
    CHECK(again->conflicts.empty());
    CHECK(cell(again->merged, "id-李四").value == 250);
}

TEST_CASE("merge: the same cell edited twice is a conflict; --prefer resolves it") {
    Shop a = baseShop(), b = baseShop();
    edit(a, "id-张三", 150, 2000, "王经理");
    edit(b, "id-张三", 170, 2100, "李主管");
    auto r = mergeShops(a, b, Prefer::None, 3000, "王经理");
    REQUIRE(r.ok());
    REQUIRE(r->conflicts.size() == 1);
    CHECK(r->unresolved() == 1);
    CHECK(r->conflicts[0].kind == "cell");
    CHECK(r->conflicts[0].key == "2024-03 / 张三 / sales_amount");
    CHECK(r->conflicts[0].a.asNumber() == 150);
    CHECK(r->conflicts[0].b.asNumber() == 170);
    auto pb = mergeShops(a, b, Prefer::B, 3000, "王经理");
    CHECK(pb->unresolved() == 0);
    CHECK(cell(pb->merged, "id-张三").value == 170);
    auto pa = mergeShops(a, b, Prefer::A, 3000, "王经理");
    CHECK(cell(pa->merged, "id-张三").value == 150);
}

TEST_CASE("merge: a later edit on top of the other's edit is not a conflict") {
    Shop a = baseShop();
    edit(a, "id-张三", 150, 2000, "王经理");
    Shop b = a; // the colleague received a's file, then edited the same cell
    edit(b, "id-张三", 180, 2500, "李主管");
    auto r = mergeShops(a, b, Prefer::None, 3000, "王经理");
    REQUIRE(r.ok());
    CHECK(r->conflicts.empty());
    CHECK(cell(r->merged, "id-张三").value == 180);
}

TEST_CASE("merge: records only one side has are added; different shops are refused") {
    Shop a = baseShop(), b = baseShop();
    AgentRecord c;
    c.id = "id-王五";
    c.name = "王五";
    c.stamp = restamp({}, 2000, "李主管");
    b.agents.push_back(c);
    PeriodRecord april;
    april.month = {2024, 4};
    b.periods.push_back(april);
    auto r = mergeShops(a, b, Prefer::None, 3000, "王经理");
    REQUIRE(r.ok());
    CHECK(r->merged.agents.size() == 3);
    CHECK(r->merged.periods.size() == 2);
    Shop other = baseShop();
    other.id = "shop-2";
    auto refused = mergeShops(a, other, Prefer::None, 3000, "王经理");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("different shops") != std::string::npos);
}

TEST_CASE("merge: a closed period is never changed without confirmation") {
    Shop a = baseShop();
    a.periods[0].closed = true;
    a.periods[0].stamp = restamp(a.periods[0].stamp, 1500, "王经理");
    Shop b = a;
    edit(b, "id-张三", 999, 2000, "李主管"); // b edits a frozen value
    b.periods[0].cells.push_back({"id-李四", "exam_score", 90.0, {}, restamp({}, 2000, "李主管")});
    auto r = mergeShops(a, b, Prefer::None, 3000, "王经理");
    REQUIRE(r.ok());
    CHECK(r->unresolved() == 2);
    for (const auto& c : r->conflicts) CHECK(c.kind == "closed_period");
    CHECK(cell(r->merged, "id-张三").value == 100);
    CHECK(r->merged.periods[0].cells.size() == 2);
    auto confirmed = mergeShops(a, b, Prefer::B, 3000, "王经理");
    CHECK(confirmed->unresolved() == 0);
    CHECK(cell(confirmed->merged, "id-张三").value == 999);
    CHECK(confirmed->merged.periods[0].cells.size() == 3);
}
