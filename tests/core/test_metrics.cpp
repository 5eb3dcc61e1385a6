#include "helpers.h"

#include "formula.h"

using namespace kefu::test;

TEST_CASE("catalog: every built-in metric is well formed, labels are aliases") {
    const auto& c = Catalog::builtin();
    CHECK(c.all().size() >= 44);
    for (const auto& d : c.all()) {
        CHECK_FALSE(d.zh.empty());
        CHECK_FALSE(d.en.empty());
        CHECK_FALSE(d.definitionZh.empty());
        if (!d.formula.empty()) CHECK(d.compiled);
    }
    CHECK(c.findByHeader("询单人数")->id == "inquiries");
    CHECK(c.findByHeader("咨询人数")->id == "consultations"); // never an alias of inquiries
    CHECK(c.findByHeader("聊天人数（原咨询人数）")->id == "consultations");
    CHECK(c.findByHeader("慢接待人数")->id == "slow_response_count");
    CHECK(c.findByHeader("首次响应时长（秒)")->id == "first_response_s");
    CHECK(c.findByHeader("付款人数")->id == "paid_customers");
    CHECK(c.findByHeader("最终付款人数")->id == "paid_customers");
}

TEST_CASE("derived metrics: computed, given wins with a warning, division by zero is no value") {
    MetricTable t;
    t.resizeRows(3);
    int paid = t.addColumn("paid_customers"), inq = t.addColumn("inquiries"), conv = t.addColumn("conversion_rate");
    t.set(0, paid, 9); t.set(0, inq, 20);
    t.set(1, paid, 9); t.set(1, inq, 20); t.set(1, conv, 0.6);
    t.set(2, paid, 3); t.set(2, inq, 0);
    auto warnings = deriveMetrics(Catalog::builtin(), t);
    CHECK(*t.get(0, conv) == 0.45);
    CHECK(*t.get(1, conv) == 0.6);
    CHECK_FALSE(t.get(2, conv));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].row == 1);
    CHECK(warnings[0].computed == 0.45);
    // Equal at the given value's precision: 0.45 given, 9/20 computed: no warning.
    MetricTable u;
    u.resizeRows(1);
    u.set(0, u.addColumn("paid_customers"), 1);
    u.set(0, u.addColumn("inquiries"), 3);
    u.set(0, u.addColumn("conversion_rate"), 0.33);
    CHECK(deriveMetrics(Catalog::builtin(), u).empty());
}

TEST_CASE("user metrics with formulas") {
    Catalog c = Catalog::builtin();
    MetricDef transfer;
    transfer.id = "transfer_rate";
    transfer.zh = "转接率";
    transfer.en = "Transfer rate";
    transfer.unit = Unit::Fraction;
    transfer.direction = Direction::Lower;
    transfer.formula = "transfers / receptions";
    CHECK_FALSE(c.addCustom(transfer).ok()); // transfers unknown
    MetricDef transfers;
    transfers.id = "transfers";
    transfers.zh = "转出人数";
    transfers.en = "Transfers";
    REQUIRE(c.addCustom(transfers).ok());
    REQUIRE(c.addCustom(transfer).ok());
    CHECK_FALSE(c.addCustom(transfers).ok()); // exists
    CHECK(c.findByHeader("转接率")->id == "transfer_rate");
    MetricTable t;
    t.resizeRows(1);
    t.set(0, t.addColumn("transfers"), 5);
    t.set(0, t.addColumn("receptions"), 200);
    deriveMetrics(c, t);
    CHECK(*t.get(0, "transfer_rate") == 0.025);
}

TEST_CASE("formulas: precedence, parentheses, errors") {
    auto f = parseFormula("(a + b) * 2 - c / 4");
    REQUIRE(f.ok());
    auto v = f->eval([](const std::string& m) -> std::optional<double> { return m == "a" ? 1 : m == "b" ? 2 : 8; });
    CHECK(*v == 4);
    CHECK_FALSE(f->eval([](const std::string& m) -> std::optional<double> { if (m == "c") return std::nullopt; return 1.0; }));
    auto bad = parseFormula("a + * b");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("position 5") != std::string::npos);
    CHECK_FALSE(parseFormula("(a").ok());
    CHECK_FALSE(parseFormula("a b").ok());
}

TEST_CASE("money arithmetic: fen rounding half away from zero, largest remainder") {
    CHECK(yuanToFen(1.005) == 101);
    CHECK(yuanToFen(-1.005) == -101);
    CHECK(yuanToFen(2.675) == 268);
    CHECK(yuanToFen(0.125) == 13);
    auto split = splitLargestRemainder(100, {1, 1, 1});
    CHECK(split == std::vector<int64_t>{34, 33, 33}); // equal remainders: earlier first
    auto withZero = splitLargestRemainder(1001, {2, 0, 3, -1});
    CHECK(withZero[1] == 0);
    CHECK(withZero[3] == 0);
    CHECK(withZero[0] + withZero[2] == 1001);
    CHECK(splitLargestRemainder(500, {0, 0}) == std::vector<int64_t>{0, 0});
    auto ranks = competitionRanks({5.0, 7.0, 7.0, std::nullopt, 1.0}, false);
    CHECK(ranks[0] == 3);
    CHECK(ranks[1] == 1);
    CHECK(ranks[2] == 1);
    CHECK_FALSE(ranks[3]);
    CHECK(ranks[4] == 4);
}
