// The shop of the snapshot benchmark (bench_snapshot.cpp): a deterministic Shop of N agents x M
// consecutive months, each month ~30 imported metric cells per agent with provenance and stamps,
// a few events, and the first months closed with the frozen scheme, inputs and results the app
// keeps. Same bytes natively and in wasm (splitmix64, fixed dates and times, no clock).
#pragma once
#include <cmath>
#include <cstdint>
#include <string>

#include "app_state.h"
#include "json.h"
#include "presets.h"
#include "random.h"
#include "results.h"
#include "shop.h"
#include "shop_state.h"

namespace kefu::bench {

struct BenchShopDesc {
    int agents = 50;
    int months = 24;
    int closedMonths = 3; // the oldest months, closed with frozen scheme/results/cells
};

using BenchRng = core::SplitMix64;

namespace detail {
using namespace kefu::core;

constexpr int64_t kStart = 1672531200000; // 2023-01-01 00:00 UTC, unix ms
constexpr int64_t kDay = 86400000;
inline const char* const kAuthors[] = {"王经理", "李主管", "店长"};

// A record stamped `edits` times by the shop's managers, from day `day` of the history on.
inline Stamp stampAt(BenchRng& r, int64_t day, int edits) {
    Stamp s;
    for (int k = 0; k < edits; ++k) { // one statement per draw: argument order differs between compilers
        const int64_t at = kStart + day * kDay + int64_t(r.below(80000000));
        s = restamp(s, at, kAuthors[r.below(3)]);
    }
    return s;
}

inline AgentRecord makeAgent(BenchRng& r, int i) {
    static const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    static const char* givens[] = {"喆", "芳", "静", "伟", "敏", "丽", "强", "磊",
                                   "洋", "艳", "杰", "娟", "涛", "明", "超"};
    static const char* groups[] = {"售前A组", "售前B组", "售前C组", "售后组"};
    static const char* levels[] = {"初级", "中级", "高级", "资深"};
    AgentRecord a;
    a.id = makeId(r.next());
    a.name = std::string(surnames[i % 10]) + givens[(i / 10) % 15] + (i >= 150 ? std::to_string(i) : "");
    a.group = groups[i % 4];
    a.status = r.below(6) == 0 ? Status::Probation : Status::Regular;
    a.hireDate = civilFromDays(daysFromCivil({2022, 12, 1}) - r.below(1500));
    if (a.status == Status::Regular) a.regularSince = civilFromDays(daysFromCivil(*a.hireDate) + 90);
    a.level = levels[r.below(4)];
    a.nicknames.push_back({"淘宝", "小美旗舰店:" + a.name});
    a.nicknames.push_back({"京东", "小美京东自营:客服" + std::to_string(100 + i)});
    if (r.below(4) == 0) a.changes.push_back({Date{2023, 1 + r.below(12), 1}, "group", groups[r.below(4)]});
    a.stamp = stampAt(r, 0, 1 + r.below(3));
    return a;
}

struct MetricSpec {
    const char* id;
    double lo, hi;
};
inline const MetricSpec kMetrics[] = {
    {"receptions", 100, 900},       {"consultations", 150, 1200},   {"inquiries", 80, 600},
    {"ordered_customers", 20, 300}, {"paid_customers", 15, 280},    {"sales_amount", 5000, 200000},
    {"sales_units", 20, 900},       {"refund_customers", 0, 30},    {"replied_customers", 90, 900},
    {"slow_response_count", 0, 60}, {"buyer_messages", 1000, 9000}, {"agent_messages", 900, 10000},
    {"working_days", 20, 26},       {"opinions_collected", 0, 8},   {"low_ratings", 0, 4},
    {"named_praises", 0, 60},       {"complaints", 0, 3},           {"avg_response_s", 8, 70},
    {"first_response_s", 5, 40},    {"response_3min_rate", 0.6, 1}, {"online_hours_per_day", 4, 10},
    {"exam_score", 50, 100},        {"typing_speed", 50, 140},      {"typing_accuracy", 0.75, 1},
    {"attitude_score", 60, 100},    {"comp_team_task", 10, 30},     {"comp_handover", 8, 20},
    {"comp_revisit", 10, 30},       {"comp_ability", 8, 20},        {"csat", 3.5, 5}};

// One month: every agent's imported metrics (a few typed corrections on top) and some events.
inline PeriodRecord makePeriod(BenchRng& r, const Shop& shop, int index) {
    PeriodRecord p;
    p.month = Month{2023 + index / 12, 1 + index % 12};
    const int64_t day = index * 31 + 33; // imported early the next month
    const std::string file = "生意参谋-客服绩效-" + formatMonth(p.month) + ".xlsx";
    for (size_t a = 0; a < shop.agents.size(); ++a)
        for (const MetricSpec& m : kMetrics) {
            double v = r.uniform(m.lo, m.hi);
            bool typed = r.below(40) == 0;
            Provenance prov = typed ? Provenance{Origin::Typed, "", "", 0}
                                    : Provenance{Origin::Imported, file, "客服绩效", uint32_t(a + 2)};
            p.cells.push_back(
                {shop.agents[a].id, m.id, m.hi > 2 ? std::round(v) : v, prov, stampAt(r, day, typed ? 2 : 1)});
        }
    static const char* kinds[] = {"complaint",       "late",           "missed_handover", "add_extra_work",
                                  "violation_light", "add_cover_shift"};
    static const char* notes[] = {"买家投诉回复慢", "迟到15分钟", "交接表未填", "大促加班", "用语不规范", ""};
    for (int k = 4 + r.below(5); k > 0; --k) {
        int kind = r.below(6);
        EventRecord e{makeId(r.next()),
                      shop.agents[size_t(r.below(int(shop.agents.size())))].id,
                      Date{p.month.year, p.month.month, 1 + r.below(28)},
                      kinds[kind],
                      1 + r.below(2),
                      std::nullopt,
                      notes[kind],
                      r.below(20) == 0,
                      stampAt(r, day, 1 + r.below(2))};
        p.events.push_back(e);
    }
    p.stamp = stampAt(r, day, 1);
    return p;
}

inline std::string presetJson(const std::string& id) {
    for (const auto& f : presetFiles())
        if (f.id == id) return std::string(f.json);
    return {};
}
} // namespace detail

// The shop; the closed months carry the results the scoring core computes for them.
inline core::Shop makeBenchShop(const BenchShopDesc& desc) {
    using namespace kefu::core;
    using namespace detail;
    BenchRng r{20240601};
    Shop shop;
    shop.id = makeId(r.next());
    shop.name = "小美旗舰店";
    shop.managerName = "王经理";
    shop.activeSchemeId = "shop-default";
    shop.stamp = stampAt(r, 0, 2);
    for (int i = 0; i < desc.agents; ++i) shop.agents.push_back(makeAgent(r, i));
    for (int m = 0; m < desc.months; ++m) {
        shop.periods.push_back(makePeriod(r, shop, m));
        shop.audit.push_back({kStart + (m * 31 + 33) * kDay, kAuthors[0], "import",
                              "metrics " + formatMonth(shop.periods.back().month)});
    }
    const std::string scheme = presetJson(shop.activeSchemeId);
    shop.schemes.push_back({shop.activeSchemeId, scheme, stampAt(r, 0, 1)});
    shop.customMetrics.push_back({"repeat_rate", "复购率", "repeat rate", "%", "higher", "复购客户数/成交客户数",
                                  "repeat customers / paying customers", "repeat_customers / paid_customers",
                                  stampAt(r, 0, 1)});
    AppState state;
    stateFromShop(state, shop); // the results the closed months froze
    for (int m = 0; m < desc.closedMonths && m < desc.months; ++m) {
        PeriodRecord& p = shop.periods[size_t(m)];
        p.closed = true;
        p.frozenScheme = scheme;
        p.frozenResults = writeJson(resultsToJson(state.periods[size_t(m)].results, Lang::Zh));
        p.frozenCells = p.cells;
        LogEntry close{kStart + (m * 31 + 40) * kDay, kAuthors[0], "close", "月度考核确认，已发放"};
        p.closings.push_back(close);
        shop.audit.push_back(close);
    }
    return shop;
}

} // namespace kefu::bench
