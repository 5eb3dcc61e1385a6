// Times evaluate() alone (explanations kept as data, never formatted) for a generated shop of
// N agents x 30 metrics under a preset. Prints one JSON line: {"name","agents","runs","median_ms",...}.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "evaluate.h"
#include "presets.h"
#include "random.h"

using namespace kefu::core;

namespace {
using Rng = kefu::core::SplitMix64; // the same numbers natively and in wasm

PeriodInput makeShop(int agents, Rng& rng) {
    static const char* groups[] = {"售前A组", "售前B组", "售前C组", "售后组"};
    static const char* levels[] = {"初级", "中级", "高级", "资深"};
    struct M { const char* id; double lo, hi; };
    static const M metrics[] = {
        {"receptions", 100, 900}, {"consultations", 150, 1200}, {"inquiries", 80, 600}, {"ordered_customers", 20, 300},
        {"paid_customers", 15, 280}, {"sales_amount", 5000, 200000}, {"sales_units", 20, 900}, {"refund_customers", 0, 30},
        {"replied_customers", 90, 900}, {"slow_response_count", 0, 60}, {"buyer_messages", 1000, 9000},
        {"agent_messages", 900, 10000}, {"working_days", 20, 26}, {"opinions_collected", 0, 8}, {"low_ratings", 0, 4},
        {"named_praises", 0, 60}, {"complaints", 0, 3}, {"avg_response_s", 8, 70}, {"first_response_s", 5, 40},
        {"response_3min_rate", 0.6, 1}, {"online_hours_per_day", 4, 10}, {"exam_score", 50, 100},
        {"typing_speed", 50, 140}, {"typing_accuracy", 0.75, 1}, {"attitude_score", 60, 100}, {"comp_team_task", 10, 30},
        {"comp_handover", 8, 20}, {"comp_revisit", 10, 30}, {"comp_ability", 8, 20}, {"csat", 3.5, 5}};
    PeriodInput in;
    in.period = Month{2024, 6};
    in.metrics.resizeRows(size_t(agents));
    for (int i = 0; i < agents; ++i) {
        Agent a;
        a.name = "客服" + std::to_string(i);
        a.group = groups[rng.next() % 4];
        a.status = rng.next() % 5 == 0 ? Status::Probation : Status::Regular;
        a.hireDate = civilFromDays(daysFromCivil({2024, 6, 30}) - int64_t(rng.next() % 900));
        a.level = levels[rng.next() % 4];
        in.agents.push_back(a);
        for (const M& m : metrics) {
            double v = rng.uniform(m.lo, m.hi);
            in.metrics.set(size_t(i), in.metrics.addColumn(m.id), m.hi > 2 ? std::round(v) : v);
        }
    }
    static const char* kinds[] = {"complaint", "late", "missed_handover", "add_extra_work", "violation_light", "check_bad:typos"};
    for (int i = 0; i < agents / 4; ++i) {
        Event e;
        e.agent = in.agents[rng.next() % size_t(agents)].name;
        e.date = {2024, 6, int32_t(1 + rng.next() % 30)};
        e.kind = kinds[rng.next() % 6];
        in.events.push_back(e);
    }
    deriveMetrics(Catalog::builtin(), in.metrics);
    return in;
}
} // namespace

int main(int argc, char** argv) {
    int agents = argc > 1 ? std::atoi(argv[1]) : 10000;
    int runs = argc > 2 ? std::atoi(argv[2]) : 15;
    std::string preset = argc > 3 ? argv[3] : "shop-default";
    Problems problems;
    auto scheme = loadPreset(preset, Catalog::builtin(), problems);
    if (!scheme) {
        std::fprintf(stderr, "bench_evaluate: %s\n", scheme.error().c_str());
        return 2;
    }
    Rng rng{42};
    PeriodInput shop = makeShop(agents, rng);
    History history;
    std::vector<double> ms;
    int64_t checksum = 0;
    for (int r = 0; r < runs + 1; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        Results res = evaluate(shop, *scheme, history);
        auto t1 = std::chrono::steady_clock::now();
        if (r > 0) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count()); // first run warms up
        checksum = 0;
        for (const auto& a : res.agents) checksum += a.totalFen();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("{\"name\":\"evaluate\",\"preset\":\"%s\",\"agents\":%d,\"metrics\":%zu,\"runs\":%d,"
                "\"median_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"total_fen\":%lld}\n",
                preset.c_str(), agents, shop.metrics.columns().size(), runs, ms[ms.size() / 2], ms.front(), ms.back(),
                (long long)checksum);
    return 0;
}
