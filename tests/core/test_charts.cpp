// Chart data (core/charts.h): trends per agent and group across months, group values (rates from
// the group's totals), the ranking order, radar axes with the better end outward, histogram bins,
// and the texts in both languages.
#include <algorithm>

#include <doctest/doctest.h>

#include "app_fixtures.h"
#include "charts.h"

using namespace kefu::core;
using kefu::test::appShop;

namespace {
// The shop of app_fixtures.h with 张三's sales in 2024-02 lowered to 40000 (shop-default scheme).
AppState chartShop() {
    AppState s = appShop();
    apply(s, SetMetricValue{0, "张三", "sales_amount", 40000.0});
    return s;
}

const ChartSeries* seriesOf(const TrendChart& c, const std::string& name, bool group) {
    for (const auto& s : c.series)
        if (s.name == name && s.isGroup == group) return &s;
    return nullptr;
}

const RadarAxis* axisOf(const RadarChart& c, const std::string& metric) {
    for (const auto& a : c.axes)
        if (a.metric == metric) return &a;
    return nullptr;
}
} // namespace

TEST_CASE("charts: a metric's trend per agent and per group, one value per month") {
    const ChartSource src = chartSource(chartShop());
    REQUIRE(src.periods.size() == 2);
    CHECK(src.selected == 1);
    CHECK(src.groups == std::vector<std::string>{"售前A组", "售后组"});
    const TrendChart t = trendChart(src, "sales_amount");
    CHECK(t.months == std::vector<std::string>{"2024-02", "2024-03"});
    REQUIRE(t.series.size() == 5); // two groups, then three agents
    CHECK(t.series[0].isGroup);
    CHECK_FALSE(t.series[2].isGroup);
    const ChartSeries* zhang = seriesOf(t, "张三", false);
    REQUIRE(zhang);
    CHECK(zhang->group == "售前A组");
    CHECK(zhang->values == std::vector<std::optional<double>>{40000.0, 52000.0});
    const ChartSeries* presales = seriesOf(t, "售前A组", true);
    REQUIRE(presales);
    CHECK(*presales->values[0] == doctest::Approx((40000.0 + 48000) / 2));
    CHECK(*presales->values[1] == doctest::Approx(50000));
    const ChartSeries* after = seriesOf(t, "售后组", true);
    REQUIRE(after);
    CHECK(after->values == std::vector<std::optional<double>>{12000.0, 12000.0});
}

TEST_CASE("charts: an agent without a value in a month has a gap there") {
    AppState s = chartShop();
    apply(s, SetMetricValue{0, "李四", "attitude_score", std::nullopt});
    const TrendChart t = trendChart(chartSource(s), "attitude_score");
    const ChartSeries* li = seriesOf(t, "李四", false);
    REQUIRE(li);
    CHECK_FALSE(li->values[0].has_value());
    CHECK(*li->values[1] == 88);
    const ChartSeries* presales = seriesOf(t, "售前A组", true);
    REQUIRE(presales);
    CHECK(*presales->values[0] == 92); // 张三 alone
}

TEST_CASE("charts: group values are means, and rates come from the group's totals") {
    const ChartSource src = chartSource(chartShop());
    const ChartPeriod& march = src.periods[1];
    // conversion_rate = paid_customers / inquiries: (180 + 150) / (400 + 380), not the mean of 45% and 39.5%.
    CHECK(*groupValue(march, "售前A组", "conversion_rate") == doctest::Approx(330.0 / 780));
    CHECK(*groupValue(march, "售前A组", "avg_response_s") == doctest::Approx(21.5));
    CHECK_FALSE(groupValue(march, "售前A组", "exam_score").has_value());
    CHECK_FALSE(groupValue(march, "没有的组", "sales_amount").has_value());
    const GroupChart g = groupChart(src, "conversion_rate");
    CHECK(g.month == "2024-03");
    REQUIRE(g.bars.size() == 2);
    CHECK(g.bars[0].group == "售前A组");
    CHECK(g.bars[0].agents == 2);
    CHECK(*g.bars[0].value == doctest::Approx(330.0 / 780));
    CHECK(g.bars[1].agents == 1);
    CHECK(*g.bars[1].value == doctest::Approx(0.3));
}

TEST_CASE("charts: the ranking lists scored agents by group, then rank") {
    const ChartSource src = chartSource(chartShop());
    const RankingChart r = rankingChart(src);
    const Results& results = src.periods[1].results;
    size_t scored = 0;
    for (const auto& a : results.agents) scored += a.score.has_value();
    REQUIRE(r.bars.size() == scored);
    REQUIRE(scored >= 2);
    for (size_t i = 1; i < r.bars.size(); ++i)
        if (r.bars[i].group == r.bars[i - 1].group) CHECK(r.bars[i - 1].rank.value_or(99) <= r.bars[i].rank.value_or(99));
    for (const auto& b : r.bars)
        for (const auto& a : results.agents)
            if (a.agent == b.agent) CHECK(b.score == *a.score);
}

TEST_CASE("charts: radar positions put the better end outward") {
    CHECK(radarPosition(15, 10, 20, Direction::Higher) == doctest::Approx(0.5));
    CHECK(radarPosition(20, 10, 20, Direction::Higher) == doctest::Approx(1));
    CHECK(radarPosition(12, 10, 20, Direction::Lower) == doctest::Approx(0.8));
    CHECK(radarPosition(10, 10, 20, Direction::Lower) == doctest::Approx(1));
    CHECK(radarPosition(7, 7, 7, Direction::Higher) == doctest::Approx(0.5));
}

TEST_CASE("charts: an agent's radar against the group and the scheme's benchmarks") {
    const ChartSource src = chartSource(chartShop());
    // shop-default: the response target (<= 20 s) comes before the DSR bench (15 s).
    Problems problems;
    const auto scheme = activeScheme(chartShop(), problems);
    REQUIRE(scheme);
    const auto bench = schemeBenchmarks(*scheme);
    const auto response = std::find_if(bench.begin(), bench.end(), [](const Benchmark& b) { return b.metric == "avg_response_s"; });
    REQUIRE(response != bench.end());
    CHECK(response->rule == "targets");
    auto radar = radarChart(src, "张三");
    REQUIRE(radar);
    CHECK(radar->group == "售前A组");
    CHECK(radar->month == "2024-03");
    // The metrics the scheme reads that 张三 has, in rule order: the rank weights first.
    REQUIRE(radar->axes.size() >= 4);
    CHECK(radar->axes[0].metric == "sales_amount");
    CHECK(radar->axes[3].metric == "avg_response_s");
    const RadarAxis* speed = axisOf(*radar, "avg_response_s");
    REQUIRE(speed);
    CHECK(*speed->benchmark == 20);
    CHECK(speed->lo == 18); // 张三 18, 李四 25, the group 21.5, the benchmark 20
    CHECK(speed->hi == 25);
    CHECK(*speed->agentR == doctest::Approx(1)); // the fastest: outward
    CHECK(*speed->benchmarkR == doctest::Approx(1 - 2.0 / 7));
    CHECK(*speed->groupR == doctest::Approx(1 - 3.5 / 7));
    const RadarAxis* conversion = axisOf(*radar, "conversion_rate");
    REQUIRE(conversion);
    CHECK(*conversion->benchmark == doctest::Approx(0.45));
    CHECK(*conversion->agentR == doctest::Approx(1)); // 45% is the best of the group and the target
    const RadarAxis* sales = axisOf(*radar, "sales_amount");
    REQUIRE(sales);
    CHECK_FALSE(sales->benchmark.has_value());
    CHECK(*sales->agentR == doctest::Approx(1));
    auto li = radarChart(src, "李四");
    REQUIRE(li);
    CHECK(*axisOf(*li, "avg_response_s")->agentR == doctest::Approx(0)); // the slowest: at the centre
    CHECK(*axisOf(*li, "sales_amount")->agentR == doctest::Approx(0));
    CHECK_FALSE(radarChart(src, "没有这个人"));
}

TEST_CASE("charts: histogram bins of a nice width hold every value once") {
    const Histogram h = histogramOf({{"a", 1}, {"b", 2}, {"c", 2}, {"d", 3}, {"e", 10}});
    // 5 values: 4 bins wanted, (10 - 1) / 4 = 2.25 rounds up to a width of 5, edges at multiples of 5.
    REQUIRE(h.bins.size() == 2);
    CHECK(h.bins[0].lo == 0);
    CHECK(h.bins[0].hi == 5);
    CHECK(h.bins[0].agents == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(h.bins[1].agents == std::vector<std::string>{"e"}); // the last bin includes its upper edge
    std::vector<std::pair<std::string, double>> ten;
    for (int i = 0; i < 10; ++i) ten.emplace_back(std::to_string(i), i);
    const Histogram t = histogramOf(ten); // 5 bins wanted, 9 / 5 = 1.8: a width of 2
    REQUIRE(t.bins.size() == 5);
    for (const auto& b : t.bins) CHECK(b.agents.size() == 2);
    CHECK(t.bins[4].hi == 10);
    const Histogram same = histogramOf({{"a", 3}, {"b", 3}});
    REQUIRE(same.bins.size() == 1);
    CHECK(same.bins[0].agents.size() == 2);
    CHECK(histogramOf({}).bins.empty());
    const Histogram month = histogram(chartSource(chartShop()), "avg_response_s");
    CHECK(month.values == 3);
    size_t counted = 0;
    for (const auto& b : month.bins) counted += b.agents.size();
    CHECK(counted == 3);
}

TEST_CASE("charts: titles, units and values in both languages") {
    const ChartSource src = chartSource(chartShop());
    const TrendChart t = trendChart(src, "sales_amount");
    CHECK(t.title.zh == "销售额：各月趋势");
    CHECK(t.title.en == "Sales: trend by month");
    CHECK(groupChart(src, "conversion_rate").title.zh == "询单转化率：各组对比（2024-03）");
    CHECK(groupChart(src, "conversion_rate").title.en == "Inquiry conversion: groups compared (2024-03)");
    CHECK(histogram(src, "avg_response_s").title.en == "Average response time: distribution (2024-03)");
    CHECK(radarChart(src, "张三")->title.zh == "张三：与组内平均和基准对比（2024-03）");
    CHECK(chartUnitLabel("avg_response_s").zh == "秒");
    CHECK(chartUnitLabel("avg_response_s").en == "s");
    CHECK(chartUnitLabel("sales_amount").zh == "元");
    CHECK(chartValue("conversion_rate", 330.0 / 780) == "42.3%");
    CHECK(chartValue("sales_amount", 1234.567) == "1234.57");
    CHECK(chartValue("avg_response_s", 21.46) == "21.5");
    const auto metrics = chartMetrics(src);
    CHECK(std::find(metrics.begin(), metrics.end(), "conversion_rate") != metrics.end()); // derived
    CHECK(std::find(metrics.begin(), metrics.end(), "exam_score") == metrics.end());      // no values
}

TEST_CASE("charts: a shop without months has nothing to chart") {
    const ChartSource src = chartSource(AppState{});
    CHECK(src.periods.empty());
    CHECK(chartMetrics(src).empty());
    CHECK(rankingChart(src).bars.empty());
    CHECK(histogram(src, "sales_amount").bins.empty());
    CHECK_FALSE(radarChart(src, "张三"));
}

TEST_CASE("charts: one month with the earlier months' inputs (kefu report --history-metrics)") {
    const AppState s = chartShop();
    Problems problems;
    const auto scheme = activeScheme(s, problems);
    REQUIRE(scheme);
    const ChartSource app = chartSource(s);
    const ChartSource cli = chartSource(s.periods[1].input, s.periods[1].results, *scheme, {s.periods[0].input});
    REQUIRE(cli.periods.size() == 2);
    CHECK(cli.selected == 1);
    CHECK(cli.periods[0].month == "2024-02");
    CHECK(cli.groups == app.groups);
    CHECK(cli.schemeMetrics == app.schemeMetrics);
    const TrendChart a = trendChart(app, "conversion_rate"), c = trendChart(cli, "conversion_rate");
    REQUIRE(a.series.size() == c.series.size());
    for (size_t i = 0; i < a.series.size(); ++i) {
        CHECK(a.series[i].name == c.series[i].name);
        CHECK(a.series[i].values == c.series[i].values);
    }
    const ChartSource alone = chartSource(s.periods[1].input, s.periods[1].results, *scheme);
    CHECK(alone.periods.size() == 1);
    CHECK(trendChart(alone, "sales_amount").months == std::vector<std::string>{"2024-03"});
}
