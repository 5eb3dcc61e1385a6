// Typed and pasted metric values: units, ranges, percent columns, header rows and agent columns.
#include <doctest/doctest.h>

#include "app_state.h"
#include "metric_input.h"

using namespace kefu::core;

namespace {
const MetricDef& def(const char* id) {
    const MetricDef* m = Catalog::builtin().find(id);
    REQUIRE(m);
    return *m;
}

std::vector<Agent> team() {
    std::vector<Agent> v(3);
    v[0].name = "张三";
    v[1].name = "李四";
    v[2].name = "王五";
    return v;
}

const std::vector<std::string> kColumns{"sales_amount", "paid_customers", "response_3min_rate", "conversion_rate"};
} // namespace

TEST_CASE("a typed value is checked against its metric's unit and range") {
    CHECK(parseMetricValue(def("sales_amount"), "¥1,234.50").value == 1234.5);
    CHECK(parseMetricValue(def("response_3min_rate"), "45%").value == doctest::Approx(0.45));
    CHECK(parseMetricValue(def("response_3min_rate"), "0.45").value == doctest::Approx(0.45));
    CHECK(parseMetricValue(def("response_3min_rate"), "45").value == doctest::Approx(0.45));
    CHECK(parseMetricValue(def("response_3min_rate"), "0.45", true).value == doctest::Approx(0.0045));
    CHECK(parseMetricValue(def("avg_response_s"), "2分30秒").value == 150.0);
    auto empty = parseMetricValue(def("sales_amount"), "  ");
    CHECK_FALSE(empty.value);
    CHECK_FALSE(empty.problem);
    auto text = parseMetricValue(def("sales_amount"), "很多");
    REQUIRE(text.problem);
    CHECK(text.problem->zh == "“很多”不是数字");
    CHECK(text.problem->en == "'很多' is not a number");
    auto neg = parseMetricValue(def("paid_customers"), "-3");
    REQUIRE(neg.problem);
    CHECK(neg.problem->en == "Paid customers cannot be negative");
    CHECK(parseMetricValue(def("paid_customers"), "3.5").problem->zh == "付款人数 应是整数");
    CHECK(parseMetricValue(def("response_3min_rate"), "130%").problem->en.find("between 0% and 100%") != std::string::npos);
    CHECK(parseMetricValue(def("csat"), "6").problem);
    CHECK(parseMetricValue(def("csat"), "4.8").value == 4.8);
}

TEST_CASE("a block without headers lands at the selected cell") {
    auto plan = planPaste(team(), kColumns, "52000\t180\n48000\t150\r\n", 1, 0, Catalog::builtin());
    CHECK_FALSE(plan.headerRow);
    CHECK_FALSE(plan.agentColumn);
    CHECK(plan.problems.empty());
    REQUIRE(plan.edits.size() == 4);
    CHECK(plan.edits[0] == ValueEdit{"李四", "sales_amount", 52000.0});
    CHECK(plan.edits[1] == ValueEdit{"李四", "paid_customers", 180.0});
    CHECK(plan.edits[3] == ValueEdit{"王五", "paid_customers", 150.0});
    // Cells past the last row or column are refused with their place in the block.
    plan = planPaste(team(), kColumns, "1\t2\n3\t4", 2, 3, Catalog::builtin());
    std::vector<std::string> problems;
    for (const auto& p : plan.problems) problems.push_back(p.zh);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == "第 1 行第 1 列：询单转化率 由其他指标算出，不能直接填写");
    CHECK(problems[1] == "第 1 行第 2 列：超出表格范围");
    CHECK(problems[2] == "第 2 行第 1 列：超出表格范围"); // row 4 of a 3-agent grid
    CHECK(plan.edits.empty());
}

TEST_CASE("a block with a header row and an agent column goes by names, a percent column as a whole") {
    const char* block =
        "客服\t付款人数\t3分钟回复率\t销售额\n"
        "王五\t30\t95.5\t12000\n"
        "张三\t180\t1\t52,000\n"
        "赵六\t1\t1\t1\n";
    auto plan = planPaste(team(), kColumns, block, 0, 0, Catalog::builtin());
    CHECK(plan.headerRow);
    CHECK(plan.agentColumn);
    REQUIRE(plan.problems.size() == 1);
    CHECK(plan.problems[0].zh == "第 4 行第 1 列：名单里没有“赵六”");
    REQUIRE(plan.edits.size() == 6);
    CHECK(plan.edits[0] == ValueEdit{"王五", "paid_customers", 30.0});
    CHECK(plan.edits[1].value == doctest::Approx(0.955));
    CHECK(plan.edits[4].value == doctest::Approx(0.01)); // "1" in a percent column is 1%
    CHECK(plan.edits[5] == ValueEdit{"张三", "sales_amount", 52000.0});
}

TEST_CASE("names in the first column without a header; derived metrics are read-only; bad cells are named") {
    auto plan = planPaste(team(), kColumns, "张三\t100\t10\t0.9\t0.5\n李四\tabc\t\t\t\n", 0, 0, Catalog::builtin());
    CHECK(plan.agentColumn);
    CHECK_FALSE(plan.headerRow);
    std::vector<std::string> problems;
    for (const auto& p : plan.problems) problems.push_back(p.en);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == "row 1, column 5: Inquiry conversion is computed from other metrics and cannot be typed");
    CHECK(problems[1] == "row 2, column 2: 'abc' is not a number");
    CHECK(plan.edits.size() == 3 + 2); // 张三's three, and 李四's emptied cells (not the derived one)
    CHECK(plan.edits[3] == ValueEdit{"李四", "paid_customers", std::nullopt});
}

TEST_CASE("the grid as TSV round-trips through a paste") {
    AppState s;
    apply(s, LoadShop{"店", {{"metrics-2024-03.csv", "客服,销售额,付款人数\n张三,52000,180\n李四,48000.5,150\n"}}});
    const auto& in = s.periods[0].input;
    std::string tsv = tableToTsv(in.agents, {"sales_amount", "paid_customers"}, in.metrics, Lang::Zh);
    CHECK(tsv == "客服\t销售额\t付款人数\n张三\t52000\t180\n李四\t48000.5\t150\n");
    auto plan = planPaste(in.agents, {"sales_amount", "paid_customers"}, tsv, 0, 0, Catalog::builtin());
    CHECK(plan.problems.empty());
    CHECK(plan.edits.size() == 4);
    // Applied as one step, undone as one.
    for (auto& e : plan.edits) e.value = *e.value + 1;
    apply(s, SetMetricValues{0, plan.edits});
    CHECK(s.periods[0].input.metrics.get(1, "paid_customers") == 151.0);
    CHECK(s.record.audit.back().action == "paste");
    CHECK(s.record.audit.back().detail == "2024-03: 4");
    apply(s, Undo{});
    CHECK(s.periods[0].input.metrics.get(1, "paid_customers") == 150.0);
    // All or nothing: one bad edit refuses the block.
    apply(s, SetMetricValues{0, {{"张三", "sales_amount", 1.0}, {"nobody", "sales_amount", 1.0}}});
    CHECK(s.periods[0].input.metrics.get(0, "sales_amount") == 52000.0);
    CHECK(s.notices.back().en == "No agent 'nobody' on the roster");
    apply(s, SetMetricValues{0, {{"张三", "conversion_rate", 0.5}}});
    CHECK(s.notices.back().en == "Inquiry conversion is computed from other metrics and cannot be typed");
}
