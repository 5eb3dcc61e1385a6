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
    CHECK(report.warnings[0].en.find("神秘列") != std::string::npos);
    CHECK(report.warnings[1].en.find("line 4, column 2 (接待人数)") != std::string::npos);
}

TEST_CASE("metrics file: a text cell and an unknown column warn in Chinese and English at the same cell") {
    LoadReport report;
    auto in = loadMetricsCsv("客服,组别,状态,销售额,服务态度,神秘列,转化率\n张三,A,转正,1,90,x,0.5\n李四,A,转正,2,91,x,0.4\n"
                             "王五,A,转正,3,92,x,0.3\n赵六,A,转正,4,93,x,-\n",
                             "metrics-2024-03.csv", Catalog::builtin(), nullptr, report);
    REQUIRE(in.ok());
    CHECK_FALSE(in->metrics.get(3, "conversion_rate"));
    REQUIRE(report.warnings.size() == 2);
    CHECK(report.warnings[0].zh == "文件 metrics-2024-03.csv 第 1 行第 6 列（神秘列）：不认识这一列，已忽略");
    CHECK(report.warnings[0].en == "metrics-2024-03.csv: line 1, column 6 (神秘列): unknown column, ignored");
    CHECK(report.warnings[1].zh == "文件 metrics-2024-03.csv 第 5 行第 7 列（转化率）：“-”不是数字，按无值处理");
    CHECK(report.warnings[1].en == "metrics-2024-03.csv: line 5, column 7 (转化率): '-' is not a number, taken as no value");
}

TEST_CASE("loaders: errors of a bad file in Chinese and English, with the same place") {
    auto status = loadRoster("客服,组别,状态\n张三,A,转正\n李四,A,实习\n", "roster.csv");
    REQUIRE_FALSE(status.ok());
    CHECK(status.error() == "roster.csv: line 3, column 3 (状态): unknown status '实习' (expected 转正/regular or 试用/probation)");
    CHECK(errorText(status.failure()).zh == "文件 roster.csv 第 3 行第 3 列（状态）：不认识的状态“实习”（应为 转正/regular 或 试用/probation）");
    CHECK(errorText(status.failure()).en == status.error());

    LoadReport report;
    auto quote = loadMetricsCsv("客服,接待人数\n张三,\"5\n", "m.csv", Catalog::builtin(), nullptr, report);
    REQUIRE_FALSE(quote.ok());
    CHECK(quote.error() == "m.csv: line 2: a quoted field is not closed");
    CHECK(quote.failure().zh == "文件 m.csv：第 2 行：引号里的内容没有结束（缺少后引号）");

    std::vector<Agent> roster(1);
    roster[0].name = "张三";
    auto unknown = loadMetricsCsv("客服,接待人数\n张三,1\n钱七,2\n孙八,3\n", "m.csv", Catalog::builtin(), &roster, report);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error() == "m.csv: unknown agents or nicknames, bind them in the roster first: 钱七 (line 3), 孙八 (line 4)");
    CHECK(unknown.failure().zh == "文件 m.csv：名单里没有这些客服或昵称，请先在名单中绑定：钱七（第 3 行）、孙八（第 4 行）");

    auto kind = loadEventsCsv("agent,date,kind\n张三,2024-03-05,lateness\n", "events-2024-03.csv", roster, {});
    REQUIRE_FALSE(kind.ok());
    CHECK(kind.error() == "events-2024-03.csv: line 2, column 3 (kind): unknown event kind 'lateness'");
    CHECK(kind.failure().zh == "文件 events-2024-03.csv 第 2 行第 3 列（kind）：不认识的事件类型“lateness”");
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

TEST_CASE("roster: a per-platform account column binds its nicknames to that platform") {
    CHECK(nicknamePlatform("京东账号") == "jd");
    CHECK(nicknamePlatform("千牛账号") == "taobao");
    CHECK(nicknamePlatform("旺旺昵称").empty());
    CHECK(agentColumnId("抖店账号") == "nickname");
    auto roster = loadRoster("客服,天猫账号,京东账号,旺旺昵称\n小美,店:小美,jd_小美,老账号\n", "r.csv");
    REQUIRE(roster.ok());
    REQUIRE(roster->size() == 1);
    CHECK((*roster)[0].nicknames == std::vector<NicknameBinding>{{"tmall", "店:小美"}, {"jd", "jd_小美"}, {"", "老账号"}});
    LoadReport report;
    auto in = load("京东账号,接待人数\njd_小美,7\n", report, &*roster);
    REQUIRE(in.agents.size() == 1);
    CHECK(in.agents[0].name == "小美");
    // A name column matches names before accounts: 阿强's account "小美" does not take 小美's row.
    std::vector<Agent> two(2);
    two[0].name = "阿强";
    two[0].nicknames = {{"", "小美"}};
    two[1].name = "小美";
    auto byName = load("客服,接待人数\n小美,3\n", report, &two);
    REQUIRE(byName.agents.size() == 1);
    CHECK(byName.agents[0].name == "小美");
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
