#include "demo_data.h"

#ifdef KEFU_HAVE_DEMO_FILES
#include "demo.inc" // kEmbeddedFiles: {"roster", ...}, {"metrics-2024-01", ...}, ...
#endif

namespace kefu::web {

namespace {
#ifndef KEFU_HAVE_DEMO_FILES
// Used only while assets/demo/ is empty: three agents, one month.
const char* kSampleRoster = "客服,组别,状态,入职日期,级别\n王喆,售前A组,转正,2021-02-08,资深\n"
                            "李赟,售前A组,转正,2022-03-01,高级\n张堃,售后组,转正,2020-05-06,资深\n";
const char* kSampleMetrics = "客服,组别,状态,销售额,服务态度,询单人数,付款人数,平均响应时间,接待人数\n"
                             "王喆,售前A组,转正,101759.26,95,887,453,14.2,1404\n"
                             "李赟,售前A组,转正,88120.50,93,810,380,16.0,1320\n"
                             "张堃,售后组,转正,12000,94,120,40,18,900\n";
#endif
} // namespace

core::LoadShop demoShopAction() {
    core::LoadShop a;
    a.shopName = "小美家居旗舰店";
    a.demo = true;
#ifdef KEFU_HAVE_DEMO_FILES
    for (const auto& f : kEmbeddedFiles) a.files.push_back({std::string(f.name) + ".csv", std::string(f.data, f.size)});
#else
    a.files = {{"roster.csv", kSampleRoster}, {"metrics-2024-03.csv", kSampleMetrics}};
#endif
    return a;
}

} // namespace kefu::web
