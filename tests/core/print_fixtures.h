// For the tests of the printed documents (pay slips, the monthly report): a small shop under
// shop-default and a count of occurrences in the output.
#pragma once
#include <string>

#include "app_state.h"

namespace kefu::test {

inline size_t countOf(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Four agents in two groups, March 2024: three ranked in 售前A组 (赵六 weak on conversion, so a
// DSR warning), 李四 with a complaint (a fine), 王五 on probation with a late arrival; levels
// only for 张三.
inline core::AppState printShop() {
    const char* metrics =
        "客服,组别,状态,级别,入职日期,销售额,服务态度,询单人数,付款人数,平均响应时间,接待人数,出勤天数\n"
        "张三,售前A组,转正,中级,2023-01-05,52000,92,400,180,18,620,26\n"
        "李四,售前A组,转正,,2023-03-01,48000,88,380,150,25,590,26\n"
        "赵六,售前A组,转正,,2023-04-01,30000,80,300,60,40,300,26\n"
        "王五,售后组,试用,,2024-01-02,12000,80,100,30,40,200,20\n";
    const char* events = "agent,date,kind\n王五,2024-03-10,late\n李四,2024-03-12,complaint\n";
    core::AppState s;
    core::apply(s, core::LoadShop{"小美家居", {{"metrics-2024-03.csv", metrics}, {"events-2024-03.csv", events}}});
    core::apply(s, core::SelectScheme{"shop-default"});
    return s;
}

} // namespace kefu::test
