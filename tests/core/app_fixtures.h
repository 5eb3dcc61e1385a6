// A small shop for the app-state tests: three agents in two groups, months of metrics, and
// look-ups of names, values and results.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"
#include "snapshot.h"

namespace kefu::test {

inline const char* kAppRoster =
    "客服,组别,状态,入职日期,级别\n"
    "张三,售前A组,转正,2023-01-05,中级\n"
    "李四,售前A组,转正,2023-03-01,初级\n"
    "王五,售后组,试用,2024-02-20,\n";
inline const char* kAppMetrics =
    "客服,销售额,服务态度,询单人数,付款人数,平均响应时间,接待人数\n"
    "张三,52000,92,400,180,18,620\n"
    "李四,48000,88,380,150,25,590\n"
    "王五,12000,80,100,30,40,200\n";

// A shop with the months given (default 2024-02 and 2024-03), made at t = 1000 by 王经理.
inline core::AppState appShop(std::vector<std::string> months = {"2024-02", "2024-03"}) {
    core::AppState s;
    core::apply(s, core::SetManagerName{"王经理"}, {1000, 1});
    std::vector<core::ShopFile> files{{"roster.csv", kAppRoster}};
    for (const auto& m : months) files.push_back({"metrics-" + m + ".csv", kAppMetrics});
    core::apply(s, core::LoadShop{"测试店铺", files}, {1001, 2});
    s.notices.clear();
    return s;
}

inline std::vector<std::string> rosterNames(const std::vector<core::Agent>& agents) {
    std::vector<std::string> out;
    for (const auto& a : agents) out.push_back(a.name);
    return out;
}

inline std::optional<double> cellValue(const core::AppState& s, int period, const std::string& agent, const char* metric) {
    const auto& in = s.periods[size_t(period)].input;
    for (size_t r = 0; r < in.agents.size(); ++r)
        if (in.agents[r].name == agent) return in.metrics.get(r, metric);
    return std::nullopt;
}

inline const core::AgentResult* resultOf(const core::PeriodData& p, const std::string& name) {
    for (const auto& a : p.results.agents)
        if (a.agent == name) return &a;
    return nullptr;
}

// The state the saved file of `s` opens to (encoded, decoded, opened), as after a reload.
inline core::AppState reopened(const core::AppState& s) {
    auto shop = core::decodeSnapshot(core::encodeSnapshot(s.record));
    core::AppState out;
    if (shop) core::openShop(out, *shop);
    return out;
}

} // namespace kefu::test
