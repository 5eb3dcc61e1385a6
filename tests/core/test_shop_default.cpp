#include "helpers.h"

using namespace kefu::test;

// shop-default = presales-rank (售前*) + veteran-targets + probation-stages + exam-typing +
// dsr-warning + composite-100 (with its pool) + fines-escalating + pay-levels, pay last.

TEST_CASE("shop-default: loads with every rule, in order, rank_points primary") {
    Problems problems;
    auto s = loadPreset("shop-default", Catalog::builtin(), problems);
    INFO(problems.joined());
    REQUIRE(s.ok());
    std::vector<std::string> ids, types;
    for (const auto& r : s->rules) {
        ids.push_back(r.id);
        types.push_back(r.type);
    }
    CHECK(ids == std::vector<std::string>{"rank", "targets", "stages", "exam", "dsr", "composite", "pool", "fines", "pay"});
    CHECK(types == std::vector<std::string>{"rank_points", "target_bonus", "probation_stages", "exam_typing", "dsr_dimensions",
                                            "composite_100", "commission_pool", "fines_escalating", "pay"});
    CHECK(s->rules[0].primary);
    CHECK(s->rules[0].scope.groups == std::vector<std::string>{"售前*"});
    for (size_t i = 1; i < s->rules.size(); ++i) CHECK_FALSE(s->rules[i].primary);
}

TEST_CASE("shop-default: a small shop scores with exact money") {
    Period p;
    p.agent("张三", "售前A组", Status::Regular,
            {{"sales_amount", 200000}, {"attitude_score", 95}, {"conversion_rate", 0.50}, {"avg_response_s", 15}, {"receptions", 500},
             {"comp_team_task", 30}, {"comp_handover", 18}, {"comp_revisit", 27}, {"comp_ability", 17},
             {"exam_score", 96}, {"typing_speed", 90}, {"typing_accuracy", 0.95}});
    p.at("张三").level = "中级";
    p.at("张三").regularSince = parseDate("2022-04-01");
    p.agent("李四", "售前A组", Status::Regular,
            {{"sales_amount", 100000}, {"attitude_score", 90}, {"conversion_rate", 0.40}, {"avg_response_s", 25}, {"receptions", 480},
             {"comp_team_task", 20}, {"comp_handover", 10}, {"comp_revisit", 20}, {"comp_ability", 5},
             {"exam_score", 80}, {"typing_speed", 110}, {"typing_accuracy", 0.92}});
    p.at("李四").level = "初级";
    p.at("李四").regularSince = parseDate("2023-08-01");
    p.agent("王五", "售后组", Status::Regular,
            {{"sales_amount", 50000}, {"attitude_score", 85}, {"conversion_rate", 0.30}, {"avg_response_s", 30}, {"receptions", 300},
             {"comp_team_task", 25}, {"comp_handover", 18}, {"comp_revisit", 25}, {"comp_ability", 15},
             {"exam_score", 70}, {"typing_speed", 85}, {"typing_accuracy", 0.90}});
    p.at("王五").hireDate = parseDate("2023-01-01");
    p.agent("赵六", "售前A组", Status::Probation,
            {{"sales_amount", 8000}, {"conversion_rate", 0.46}, {"avg_response_s", 18}, {"receptions", 100},
             {"exam_score", 97}, {"typing_speed", 105}, {"typing_accuracy", 0.93}});
    p.at("赵六").hireDate = parseDate("2024-03-02");
    p.event("李四", "2024-03-06", "complaint");
    p.event("李四", "2024-03-07", "late");
    p.event("赵六", "2024-03-09", "off_task");
    auto r = p.runPreset("shop-default");

    const auto& zs = byName(r, "张三");
    // rank 1200 + targets 3 × 100 + exam 100 + commission 2000 (500000 × 92/230) + attendance 100
    // + awards (sales, conversion, composite) 300 = 4000 > guarantee 2200.
    CHECK(zs.score == doctest::Approx(2.0));
    CHECK(zs.rank == 1);
    CHECK(moneyOf(zs, MoneyKind::Bonus, "rank") == 120000);
    CHECK(moneyOf(zs, MoneyKind::Bonus, "targets") == 30000);
    CHECK(moneyOf(zs, MoneyKind::Bonus, "exam") == 10000);
    CHECK(moneyOf(zs, MoneyKind::Commission) == 200000);
    CHECK(moneyOf(zs, MoneyKind::Attendance) == 10000);
    CHECK(moneyOf(zs, MoneyKind::Award) == 30000);
    CHECK(moneyOf(zs, MoneyKind::GuaranteeTopup) == 0);
    CHECK(zs.totalFen() == 400000);
    CHECK(hasFlag(zs, "composite_first"));

    const auto& ls = byName(r, "李四");
    // rank 1100 + targets (typing) 100 + exam (typing) 100 + commission 1195.65 (500000 × 55/230,
    // floor 119565) = 2495.65 > 2000; fines: composite 55 < 60 -100, complaint -100; late: no attendance.
    CHECK(moneyOf(ls, MoneyKind::Bonus) == 110000 + 10000 + 10000);
    CHECK(moneyOf(ls, MoneyKind::Commission) == 119565);
    CHECK(moneyOf(ls, MoneyKind::Attendance) == 0);
    CHECK(moneyOf(ls, MoneyKind::Fine) == -20000);
    CHECK(ls.totalFen() == 229565);
    CHECK(hasFlag(ls, "composite_below_60"));

    const auto& ww = byName(r, "王五");
    // Not pre-sales: no rank score. Commission 500000 × 83/230 = 180434.78 (+1 fen by largest
    // remainder) + attendance 100 = 1904.35 < 2000: top-up 95.65.
    CHECK_FALSE(ww.score.has_value());
    CHECK(moneyOf(ww, MoneyKind::Commission) == 180435);
    CHECK(moneyOf(ww, MoneyKind::GuaranteeTopup) == 9565);
    CHECK(ww.totalFen() == 200000);

    const auto& zl = byName(r, "赵六");
    // Probation: bounties 50 × 4 (targets: conversion, response, typing, exam) + 50 × 2 (exam rule:
    // exam, typing) stay; base 1600; off_task -50.
    CHECK(moneyOf(zl, MoneyKind::Bounty) == 30000);
    CHECK(moneyOf(zl, MoneyKind::Bonus) == 0);
    CHECK(moneyOf(zl, MoneyKind::Base) == 160000);
    CHECK(moneyOf(zl, MoneyKind::Fine) == -5000);
    CHECK(zl.totalFen() == 185000);
    CHECK(zl.stage == "15d");

    int64_t commission = 0;
    for (const auto& a : r.agents) commission += moneyOf(a, MoneyKind::Commission);
    CHECK(commission == 500000); // 350000: 1000 + 3000 + 1000 yuan
    CHECK(r.fundTotalFen == 25000);
    CHECK(r.group("售前A组").activityFundFen == 50000);
    CHECK_FALSE(r.group("售后组").activityFundFen.has_value());
}
