#include "helpers.h"

using namespace kefu::test;

namespace {
PeriodInput load(const std::string& csv, LoadReport& report, const std::vector<Agent>* roster = nullptr) {
    auto in = loadMetricsCsv(csv, "m.csv", Catalog::builtin(), roster, report);
    INFO((in.ok() ? std::string() : in.error()));
    REQUIRE(in.ok());
    return *in;
}
} // namespace

TEST_CASE("metrics file: agent columns, statuses, dates, ids and labels") {
    LoadReport report;
    auto in = load("客服,组别,状态,入职日期,级别,sales_amount,3分钟人工响应率\n"
                   "张三,售前A组,试用期,2024/3/2,中级,100,0.9\n李四,售后组,已转正,,,200,0.5\n",
                   report);
    REQUIRE(in.agents.size() == 2);
    CHECK(in.agents[0].status == Status::Probation);
    CHECK(in.agents[0].hireDate == Date{2024, 3, 2});
    CHECK(in.agents[0].level == "中级");
    CHECK(in.agents[1].status == Status::Regular);
    CHECK(in.metrics.get(1, "sales_amount") == 200);
    CHECK(in.metrics.get(0, "response_3min_rate") == doctest::Approx(0.9));
}

TEST_CASE("metrics file: a percent column is decided per column") {
    LoadReport report;
    auto in = load("客服,回复率,3分钟响应率,平均响应时间\nA,0.9,85%,30\nB,95,0.5,40\n", report);
    CHECK(*in.metrics.get(0, "reply_rate") == doctest::Approx(0.009)); // 95 > 1: the column is percent numbers
    CHECK(*in.metrics.get(1, "reply_rate") == doctest::Approx(0.95));
    CHECK(*in.metrics.get(0, "response_3min_rate") == doctest::Approx(0.85));
    CHECK(*in.metrics.get(1, "response_3min_rate") == doctest::Approx(0.005));
    CHECK(*in.metrics.get(1, "avg_response_s") == 40); // seconds are never divided
}

TEST_CASE("metrics file: summary rows skipped, unknown columns warned, text cells warned") {
    LoadReport report;
    auto in = load("客服,接待人数,神秘列\nA,10,x\n汇总值,100,x\nB,延迟统计,x\n", report);
    CHECK(in.agents.size() == 2);
    CHECK_FALSE(in.metrics.get(1, "receptions"));
    REQUIRE(report.warnings.size() == 2);
    CHECK(report.warnings[0].find("神秘列") != std::string::npos);
    CHECK(report.warnings[1].find("line 4, column 2 (接待人数)") != std::string::npos);
}

TEST_CASE("metrics file: errors name file, line and column") {
    LoadReport report;
    auto bad = loadMetricsCsv("客服,入职日期\nA,2024-13-01\n", "m.csv", Catalog::builtin(), nullptr, report);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("m.csv: line 2, column 2 (入职日期)") != std::string::npos);
    auto noAgent = loadMetricsCsv("组别,接待人数\nA,1\n", "m.csv", Catalog::builtin(), nullptr, report);
    REQUIRE_FALSE(noAgent.ok());
    CHECK(noAgent.error().find("no agent column") != std::string::npos);
    auto empty = loadMetricsCsv("客服,接待人数\n,5\n", "m.csv", Catalog::builtin(), nullptr, report);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().find("line 2, column 1 (客服): the agent name is empty") != std::string::npos);
}

TEST_CASE("roster: nicknames bind accounts; several accounts combine by counts") {
    auto roster = loadRoster("客服,组别,状态,旺旺昵称\n小美,售前A组,转正,店:小美|店:小美2\n阿强,售后组,试用,店:阿强\n", "r.csv");
    REQUIRE(roster.ok());
    REQUIRE(roster->size() == 2);
    CHECK((*roster)[0].nicknames.size() == 2);
    LoadReport report;
    auto in = load("旺旺昵称,接待人数,回复人数,回复率,平均响应时间\n"
                   "店:小美,100,90,0.9,10\n店:小美2,300,300,1.0,30\n店:阿强,50,40,0.8,20\n",
                   report, &*roster);
    REQUIRE(in.agents.size() == 2);
    CHECK(in.agents[0].name == "小美");
    CHECK(in.agents[0].group == "售前A组");
    CHECK(in.agents[1].status == Status::Probation);
    CHECK(*in.metrics.get(0, "receptions") == 400);
    CHECK(*in.metrics.get(0, "replied_customers") == 390);
    deriveMetrics(Catalog::builtin(), in.metrics);
    CHECK(*in.metrics.get(0, "reply_rate") == doctest::Approx(390.0 / 400)); // recomputed, not averaged
    CHECK(*in.metrics.get(0, "avg_response_s") == doctest::Approx((10 * 100 + 30 * 300) / 400.0)); // weighted by receptions
    auto unknown = loadMetricsCsv("旺旺昵称,接待人数\n店:陌生人,5\n", "m.csv", Catalog::builtin(), &*roster, report);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("店:陌生人 (line 2)") != std::string::npos);
}

TEST_CASE("events file") {
    std::vector<Agent> agents(1);
    agents[0].name = "张三";
    auto ev = loadEventsCsv("agent,date,kind,count,points,note\n张三,2024-03-05,violation_light,2,3,迟到\n张三,2024/3/6,check_good:polite,,,\n",
                            "e.csv", agents, {});
    REQUIRE(ev.ok());
    REQUIRE(ev->size() == 2);
    CHECK((*ev)[0].count == 2);
    CHECK((*ev)[0].points == 3);
    CHECK((*ev)[0].note == "迟到");
    CHECK((*ev)[1].date == Date{2024, 3, 6});
    auto badCount = loadEventsCsv("agent,date,kind,count\n张三,2024-03-05,late,0\n", "e.csv", agents, {});
    REQUIRE_FALSE(badCount.ok());
    CHECK(badCount.error().find("line 2, column 4 (count)") != std::string::npos);
    auto badDate = loadEventsCsv("agent,date,kind\n张三,3月5日,late\n", "e.csv", agents, {});
    REQUIRE_FALSE(badDate.ok());
    auto custom = loadEventsCsv("agent,date,kind\n张三,2024-03-05,my_kind\n", "e.csv", agents, {"my_kind"});
    CHECK(custom.ok());
}

TEST_CASE("history: an earlier result JSON") {
    auto h = loadHistoryJson(R"({"period":"2024-02","agents":[{"agent":"张三","flags":["exam_fail"],"scores":{"r1":3.5}}]})", "h.json");
    REQUIRE(h.ok());
    CHECK(h->period == Month{2024, 2});
    CHECK(h->agents[0].hasFlag("exam_fail"));
    CHECK(h->agents[0].scores.at("r1") == 3.5);
    CHECK_FALSE(loadHistoryJson(R"({"period":"2024-2","agents":[]})", "h.json").ok());
    CHECK_FALSE(loadHistoryJson(R"([1,2])", "h.json").ok());
}
