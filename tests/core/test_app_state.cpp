// apply(state, action): the app's state changes, tested without any UI.
#include <doctest/doctest.h>

#include "app_state.h"
#include "presets.h"

using namespace kefu::core;

namespace {
const char* kRoster =
    "客服,组别,状态,入职日期,级别\n"
    "张三,售前A组,转正,2023-01-05,中级\n"
    "李四,售前A组,转正,2023-03-01,初级\n"
    "王五,售后组,试用,2024-02-20,\n";
const char* kMetrics =
    "客服,销售额,服务态度,询单人数,付款人数,平均响应时间,接待人数\n"
    "张三,52000,92,400,180,18,620\n"
    "李四,48000,88,380,150,25,590\n"
    "王五,12000,80,100,30,40,200\n";
const char* kEvents = "agent,date,kind\n王五,2024-03-10,late\n";

AppState demoState() {
    AppState s;
    apply(s, LoadShop{"测试店铺", {{"roster.csv", kRoster}, {"metrics-2024-03.csv", kMetrics},
                                  {"events-2024-03.csv", kEvents}, {"metrics-2024-02.csv", kMetrics}}, true});
    return s;
}

const AgentResult* resultOf(const AppState& s, const std::string& name) {
    const Results* r = selectedResults(s);
    if (!r) return nullptr;
    for (const auto& a : r->agents)
        if (a.agent == name) return &a;
    return nullptr;
}
} // namespace

TEST_CASE("LoadShop reads roster, months and events, and scores the latest month") {
    AppState s = demoState();
    for (const auto& n : s.notices) MESSAGE(n.en); // the import's warnings, if any
    CHECK(s.notices.size() <= 1);
    CHECK(s.shopName == "测试店铺");
    CHECK(s.demo);
    CHECK(s.roster.size() == 3);
    REQUIRE(s.periods.size() == 2);
    CHECK(formatMonth(s.periods[0].month) == "2024-02"); // sorted oldest first
    CHECK(s.selectedPeriod == 1);
    CHECK(s.periods[1].input.events.size() == 1);
    CHECK(s.schemeId == defaultSchemeId());
    CHECK(s.schemeIsFallback == (defaultSchemeId() != "shop-default"));
    const AgentResult* zhang = resultOf(s, "张三");
    REQUIRE(zhang);
    CHECK(zhang->score.has_value());
    CHECK(zhang->group == "售前A组");
}

TEST_CASE("LoadShop keeps the old shop when a file is bad") {
    AppState s = demoState();
    uint64_t before = s.periods.size();
    apply(s, LoadShop{"坏数据", {{"metrics-2024-13.csv", kMetrics}}, false});
    CHECK(s.notices.size() == 1);
    CHECK(s.periods.size() == before);
    CHECK(s.shopName == "测试店铺");
    apply(s, LoadShop{"坏数据", {{"roster.csv", kRoster}, {"metrics-2024-04.csv", "客服,销售额\n赵六,100\n"}}, false});
    CHECK(s.notices.size() == 2);
    CHECK(s.notices.back().en.find("赵六") != std::string::npos);
    apply(s, ClearNotices{});
    CHECK(s.notices.empty());
}

TEST_CASE("AddAgent adds to the roster and to every month, with no metric values") {
    AppState s = demoState();
    s.notices.clear();
    apply(s, AddAgent{"  张喆 ", "售前A组", Status::Probation, ""});
    REQUIRE(s.notices.empty());
    REQUIRE(s.roster.size() == 4);
    CHECK(s.roster.back().name == "张喆");
    CHECK(s.roster.back().status == Status::Probation);
    for (const auto& p : s.periods) {
        CHECK(p.input.agents.back().name == "张喆");
        CHECK(p.input.metrics.rows() == 4);
        CHECK(p.results.agents.size() == 4);
    }
    CHECK(resultOf(s, "张喆") != nullptr);
}

TEST_CASE("AddAgent refuses empty and duplicate names") {
    AppState s = demoState();
    apply(s, AddAgent{"   ", "售前A组"});
    apply(s, AddAgent{"张三", "售前A组"});
    apply(s, AddAgent{"赵六", ""});
    REQUIRE(s.notices.size() == 3);
    CHECK(s.notices[0].zh == "请填写客服姓名");
    CHECK(s.notices[1].en == "Agent '张三' is already on the roster");
    CHECK(s.roster.size() == 3);
}

TEST_CASE("AddAgent works on an empty shop") {
    AppState s;
    apply(s, AddAgent{"赟", "售后组"});
    CHECK(s.notices.empty());
    CHECK(s.roster.size() == 1);
    CHECK(selectedResults(s) == nullptr);
    CHECK(rosterGroups(s) == std::vector<std::string>{"售后组"});
}

TEST_CASE("RemoveAgent drops the agent's row and events everywhere") {
    AppState s = demoState();
    apply(s, RemoveAgent{"王五"});
    CHECK(s.roster.size() == 2);
    for (const auto& p : s.periods) {
        CHECK(p.input.agents.size() == 2);
        CHECK(p.input.metrics.rows() == 2);
        CHECK(p.input.events.empty());
    }
    apply(s, RemoveAgent{"张三"});
    REQUIRE(s.periods[1].input.agents.size() == 1);
    CHECK(s.periods[1].input.metrics.get(0, "sales_amount") == 48000.0); // 李四's row moved up intact
    apply(s, RemoveAgent{"nobody"});
    CHECK(s.notices.size() == 1);
}

TEST_CASE("SetLanguage, SelectPeriod and SelectScheme") {
    AppState s = demoState();
    uint64_t rev = s.revision;
    apply(s, SetLanguage{Lang::En});
    CHECK(s.language == Lang::En);
    CHECK(s.revision == rev + 1);
    apply(s, SelectPeriod{0});
    CHECK(s.selectedPeriod == 0);
    apply(s, SelectPeriod{7});
    CHECK(s.selectedPeriod == 0);
    apply(s, SelectScheme{"no-such-scheme"});
    CHECK(s.notices.size() == 1);
    apply(s, SelectScheme{"presales-rank"});
    CHECK(s.schemeId == "presales-rank");
    CHECK(s.schemeNameZh == "售前排序权重分");
    CHECK_FALSE(s.schemeIsFallback);
}

TEST_CASE("the state as JSON") {
    AppState s = demoState();
    apply(s, SetLanguage{Lang::En});
    std::string text = writeJson(appStateToJson(s));
    auto j = parseJson(text);
    REQUIRE(j.ok());
    CHECK(j->find("language")->asString() == "en");
    CHECK(j->find("shop")->asString() == "测试店铺");
    CHECK(j->find("period")->asString() == "2024-03");
    CHECK(j->find("roster")->items().size() == 3);
    const auto& results = j->find("results")->items();
    REQUIRE(results.size() == 3);
    CHECK(results[0].find("agent")->asString() == "张三");
    CHECK(results[0].find("total_fen")->isNumber());
    CHECK(j->find("periods")->items().size() == 2);
}
