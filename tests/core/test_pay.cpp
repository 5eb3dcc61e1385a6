#include "helpers.h"

#include <tuple>

using namespace kefu::test;

namespace {
const char* kPay = R"({"id":"t","rules":[{"id":"pay","type":"pay"}]})";

// Runs the pay rule alone over money lines that "earlier rules" made (rule id "seed").
Results payAfter(Period& p, const std::vector<std::tuple<std::string, MoneyKind, int64_t>>& lines, const std::string& params = "{}") {
    Problems problems;
    auto scheme = parseScheme(R"({"id":"t","rules":[{"id":"pay","type":"pay","params":)" + params + "}]}", Catalog::builtin(), problems);
    INFO(problems.joined());
    REQUIRE(scheme.ok());
    Results r;
    for (const Agent& a : p.input.agents) {
        AgentResult ar;
        ar.agent = a.name;
        ar.group = a.group;
        ar.status = a.status;
        r.agents.push_back(ar);
    }
    for (const auto& [name, kind, fen] : lines)
        for (auto& a : r.agents)
            if (a.agent == name) a.money.push_back({"seed", kind, fen, Why{}});
    EvalContext ctx(p.input, p.history, Catalog::builtin(), r, &*scheme);
    payRule().evaluate(scheme->rules[0], ctx);
    return r;
}

int64_t kindOf(const AgentResult& a, MoneyKind k) { return moneyOf(a, k); }

bool said(const AgentResult& a, const std::string& text, Lang lang = Lang::Zh) {
    for (const auto& m : a.money)
        if (m.why.format(lang) == text) return true;
    for (const auto& b : a.breakdown)
        if (b.why.format(lang) == text) return true;
    return false;
}
} // namespace

TEST_CASE("pay: the worked example: guarantee 2000, commission 1500, award 100, attendance 100, fine -100 -> 1900") {
    Period p;
    p.agent("A", "售前A组", Status::Regular,
            {{"sales_amount", 150000}, {"comp_team_task", 30}, {"comp_handover", 10}, {"comp_revisit", 30}, {"comp_ability", 10}});
    p.at("A").level = "初级";
    p.event("A", "2024-03-12", "complaint");
    auto r = p.run(R"({"id":"t","rules":[
        {"id":"c","type":"composite_100"},
        {"id":"pool","type":"commission_pool","params":{"brackets":[{"rate":0.01}]}},
        {"id":"fines","type":"fines_escalating"},
        {"id":"pay","type":"pay","params":{"award_metrics":["sales_amount"],"award_composite":false}}]})");
    const auto& a = byName(r, "A");
    CHECK(kindOf(a, MoneyKind::Commission) == 150000);
    CHECK(kindOf(a, MoneyKind::Award) == 10000);
    CHECK(kindOf(a, MoneyKind::Attendance) == 10000);
    CHECK(kindOf(a, MoneyKind::GuaranteeTopup) == 30000);
    CHECK(kindOf(a, MoneyKind::Fine) == -10000);
    CHECK(a.totalFen() == 190000);
    CHECK(said(a, "收入 1700.00 元 < 保底 2000.00 元：补差 2000.00 - 1700.00 = 300.00 元"));
    CHECK(said(a, "实发 = max(保底 2000.00, 收入 1700.00) + 罚款 -100.00 = 1900.00 元"));
    CHECK(said(a, "pay = max(guarantee 2000.00, earnings 1700.00) + fines -100.00 = 1900.00 yuan", Lang::En));
}

TEST_CASE("pay: earnings above the guarantee get no top-up; fines still apply") {
    Period p;
    p.agent("A", "g", Status::Regular);
    auto r = payAfter(p, {{"A", MoneyKind::Bonus, 250000}, {"A", MoneyKind::Bounty, 100}, {"A", MoneyKind::Fine, -3000}});
    const auto& a = byName(r, "A");
    CHECK(kindOf(a, MoneyKind::GuaranteeTopup) == 0);
    CHECK(a.totalFen() == 250000 + 100 + 10000 - 3000);
}

TEST_CASE("pay: earnings exactly at the guarantee get no top-up") {
    Period p;
    p.agent("A", "g", Status::Regular);
    auto r = payAfter(p, {{"A", MoneyKind::Bonus, 190000}});
    CHECK(byName(r, "A").money.size() == 2); // the bonus and attendance
    CHECK(byName(r, "A").totalFen() == 200000);
}

TEST_CASE("pay: guarantee by level and level eligibility by tenure") {
    Period p; // last day 2024-03-31
    p.agent("mid", "g", Status::Regular);
    p.at("mid").level = "中级";
    p.at("mid").hireDate = parseDate("2024-01-01"); // 90 days: eligible
    p.agent("midEarly", "g", Status::Regular);
    p.at("midEarly").level = "中级";
    p.at("midEarly").hireDate = parseDate("2024-01-02"); // 89 days
    p.agent("senior", "g", Status::Regular);
    p.at("senior").level = "高级";
    p.at("senior").hireDate = parseDate("2020-01-01");
    p.at("senior").regularSince = parseDate("2023-06-01"); // 304 days since regularization
    p.agent("expert", "g", Status::Regular);
    p.at("expert").level = "资深";
    p.agent("none", "g", Status::Regular);
    p.agent("odd", "g", Status::Regular);
    p.at("odd").level = "专家";
    auto r = p.run(kPay);
    CHECK(byName(r, "mid").totalFen() == 220000);
    CHECK_FALSE(hasFlag(byName(r, "mid"), "level_not_eligible"));
    CHECK(hasFlag(byName(r, "midEarly"), "level_not_eligible"));
    CHECK(byName(r, "midEarly").totalFen() == 220000); // the flag asks the manager; the guarantee follows the level column
    CHECK(hasFlag(byName(r, "senior"), "level_not_eligible"));
    CHECK(said(byName(r, "senior"), "级别 高级 需转正满 365 天，实际 304 天"));
    CHECK(byName(r, "senior").totalFen() == 250000);
    CHECK(hasFlag(byName(r, "expert"), "missing:regular_since"));
    CHECK(byName(r, "expert").totalFen() == 280000);
    CHECK(byName(r, "none").totalFen() == 200000);
    CHECK(byName(r, "none").flags.empty());
    CHECK(byName(r, "odd").totalFen() == 200000);
    bool warned = false;
    for (const auto& w : r.warnings) warned |= w.format(Lang::Zh) == "odd 的级别“专家”未定义，按 初级 计";
    CHECK(warned);
}

TEST_CASE("pay: full attendance needs no late, early_leave, absence or leave event in the period") {
    Period p;
    for (const char* n : {"full", "late", "early", "absent", "leave", "lateInFebruary"}) p.agent(n, "g", Status::Regular);
    p.event("late", "2024-03-04", "late");
    p.event("early", "2024-03-04", "early_leave");
    p.event("absent", "2024-03-04", "absence");
    p.event("leave", "2024-03-04", "leave");
    p.event("lateInFebruary", "2024-02-28", "late");
    auto r = payAfter(p, {{"full", MoneyKind::Bonus, 300000}, {"late", MoneyKind::Bonus, 300000}});
    CHECK(kindOf(byName(r, "full"), MoneyKind::Attendance) == 10000);
    CHECK(said(byName(r, "full"), "全勤（本期无迟到、早退、缺勤、请假）：全勤奖 100 元"));
    CHECK(kindOf(byName(r, "late"), MoneyKind::Attendance) == 0);
    CHECK(said(byName(r, "late"), "本期迟到、早退、缺勤、请假 1 次：无全勤奖"));
    CHECK(byName(r, "late").totalFen() == 300000);
    CHECK(kindOf(byName(r, "early"), MoneyKind::Attendance) == 0);
    CHECK(kindOf(byName(r, "absent"), MoneyKind::Attendance) == 0);
    CHECK(kindOf(byName(r, "leave"), MoneyKind::Attendance) == 0);
    CHECK(kindOf(byName(r, "lateInFebruary"), MoneyKind::Attendance) == 10000);
}

TEST_CASE("pay: awards among all regular agents in scope, ties all win, stackable") {
    Period p;
    p.agent("A", "售前A组", Status::Regular, {{"sales_amount", 5000}, {"conversion_rate", 0.45}});
    p.agent("B", "售前B组", Status::Regular, {{"sales_amount", 5000}, {"conversion_rate", 0.4}});
    p.agent("C", "售前B组", Status::Regular, {{"sales_amount", 100}, {"conversion_rate", 0.103}});
    p.agent("D", "售前B组", Status::Regular, {{"sales_amount", 100}});
    p.agent("new", "售前A组", Status::Probation, {{"sales_amount", 9000}, {"conversion_rate", 0.9}});
    auto r = payAfter(p, {{"A", MoneyKind::Bonus, 500000}, {"B", MoneyKind::Bonus, 500000}, {"C", MoneyKind::Bonus, 500000},
                          {"D", MoneyKind::Bonus, 500000}});
    CHECK(kindOf(byName(r, "A"), MoneyKind::Award) == 20000);
    CHECK(kindOf(byName(r, "B"), MoneyKind::Award) == 10000);
    CHECK(kindOf(byName(r, "C"), MoneyKind::Award) == 0);
    CHECK(hasFlag(byName(r, "D"), "missing:conversion_rate"));
    CHECK(kindOf(byName(r, "new"), MoneyKind::Award) == 0);
    CHECK(said(byName(r, "A"), "销售额最高（5000，共 4 人）：单项奖 100 元"));
}

TEST_CASE("pay: the composite award when composite_100 is in the scheme; a lower-better award metric") {
    Period p;
    p.agent("A", "g", Status::Regular, {{"comp_team_task", 30}, {"comp_handover", 20}, {"comp_revisit", 30}, {"comp_ability", 20}, {"avg_response_s", 30}});
    p.agent("B", "g", Status::Regular, {{"comp_team_task", 20}, {"comp_handover", 20}, {"comp_revisit", 30}, {"comp_ability", 20}, {"avg_response_s", 12}});
    auto with = p.run(R"({"id":"t","rules":[{"id":"c","type":"composite_100"},
        {"id":"pay","type":"pay","params":{"award_metrics":["avg_response_s"]}}]})");
    CHECK(kindOf(byName(with, "A"), MoneyKind::Award) == 10000); // composite 100
    CHECK(kindOf(byName(with, "B"), MoneyKind::Award) == 10000); // fastest response
    auto without = p.run(R"({"id":"t","rules":[{"id":"pay","type":"pay","params":{"award_metrics":[]}}]})");
    CHECK(kindOf(byName(without, "A"), MoneyKind::Award) == 0);
    CHECK(kindOf(byName(without, "B"), MoneyKind::Award) == 0);
}

TEST_CASE("pay: probation gets base 1600 and loses bonus, award, commission and attendance; bounty and fines stay") {
    Period p;
    p.agent("new", "g", Status::Probation, {{"sales_amount", 999999}});
    auto r = payAfter(p, {{"new", MoneyKind::Bonus, 10000}, {"new", MoneyKind::Bounty, 5000}, {"new", MoneyKind::Commission, 20000},
                          {"new", MoneyKind::Award, 10000}, {"new", MoneyKind::Attendance, 10000}, {"new", MoneyKind::Fine, -5000}});
    const auto& a = byName(r, "new");
    REQUIRE(a.money.size() == 3);
    CHECK(a.money[0].kind == MoneyKind::Bounty);
    CHECK(a.money[1].kind == MoneyKind::Fine);
    CHECK(a.money[2].kind == MoneyKind::Base);
    CHECK(a.money[2].amountFen == 160000);
    CHECK(a.totalFen() == 160000);
    CHECK(said(a, "试用期不发提成：移除规则 seed 的 200.00 元"));
    CHECK(said(a, "probation: no bonus; removed 100.00 yuan of rule seed", Lang::En));
    CHECK(said(a, "实发 = 底薪 1600.00 + 其他收入 50.00 + 罚款 -50.00 = 1600.00 元"));
    CHECK(kindOf(a, MoneyKind::GuaranteeTopup) == 0);
}

TEST_CASE("pay: probation agents lose a real rule's bonus; fines from the fines rule stay") {
    Period p;
    p.agent("new", "g", Status::Probation, {{"sales_amount", 100}});
    p.event("new", "2024-03-03", "off_task");
    auto r = p.run(R"({"id":"t","rules":[
        {"id":"r1","type":"rank_points","scope":{"statuses":["probation"]},"params":{"weights":{"sales_amount":1}}},
        {"id":"fines","type":"fines_escalating"},
        {"id":"pay","type":"pay"}]})");
    const auto& a = byName(r, "new");
    CHECK(kindOf(a, MoneyKind::Bonus) == 0);
    CHECK(said(a, "试用期不发奖金：移除规则 r1 的 1200.00 元"));
    CHECK(a.totalFen() == 160000 - 5000);
    CHECK(r.fundTotalFen == 5000);
}

TEST_CASE("pay: the preset; pay needs the period") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.agent("B", "g", Status::Probation);
    auto r = p.runPreset("pay-levels");
    CHECK(byName(r, "A").totalFen() == 200000);
    CHECK(byName(r, "B").totalFen() == 160000);
    CHECK(findRuleType("pay")->needsPeriod);
}

TEST_CASE("pay: validation") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"pay","type":"pay","params":{
        "probation_removes": ["bonus", "salary"], "levels": {"初级": {"guarantee": -1}, "中级": {"min_days": -5}},
        "default_level": "新手", "award_metrics": ["nope"], "award_composite": "yes"}}]})");
    CHECK(problems.find("probation_removes: unknown money kind 'salary'") != std::string::npos);
    CHECK(problems.find("levels.初级.guarantee: a negative amount") != std::string::npos);
    CHECK(problems.find("levels.中级.min_days: a number of days cannot be negative") != std::string::npos);
    CHECK(problems.find("levels.中级: a level needs a guarantee") != std::string::npos);
    CHECK(problems.find("default_level: '新手' is not one of the levels") != std::string::npos);
    CHECK(problems.find("unknown metric 'nope'") != std::string::npos);
    CHECK(problems.find("award_composite: expected true or false") != std::string::npos);
}
