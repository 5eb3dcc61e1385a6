// Rank stability (core/stability.h) of one month of 50 agents with 1,000 samples, natively and in
// the browser: the month is the first of the generated shop of bench_shop.h (four groups, three of
// them ranked by shop-default's rank_points), opened as the app opens it and analysed on the
// inputs core/month_analysis.h gives the app's 排名稳定性 window.
// Natively: one JSON line with every timed run. Usage: bench_stability [rounds=21] [agents=50] [samples=1000]
// Built with Emscripten it has no main: bench/browser/stability.html calls kefu_bench_stability_*
// and times each run with performance.now().
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "bench_shop.h"
#include "month_analysis.h"
#include "shop_state.h"
#include "stability.h"

using namespace kefu::core;

namespace {
std::optional<MonthAnalysis> g_month;

// The month to analyse: a shop of `agents` agents and one month, opened as the app opens it.
bool setUp(int agents) {
    const Shop shop = kefu::bench::makeBenchShop({.agents = agents, .months = 1, .closedMonths = 0});
    AppState state;
    stateFromShop(state, shop);
    auto m = monthAnalysis(state, 0);
    if (!m) {
        std::fprintf(stderr, "bench_stability: %s\n", m.error().c_str());
        return false;
    }
    g_month = std::move(*m);
    return true;
}

StabilityOptions options(int samples, uint64_t seed) {
    StabilityOptions o;
    o.samples = samples;
    o.seed = seed;
    return o;
}

// One analysis; returns a checksum of the rank counts (the same natively and in wasm, or a bug),
// or -1 when the analysis is refused.
double runOnce(int samples, uint64_t seed) {
    auto r = analyseStability(g_month->input, g_month->scheme, g_month->history, g_month->catalog,
                              options(samples, seed));
    if (!r) return -1;
    double sum = 0;
    for (size_t i = 0; i < r->agents.size(); ++i)
        for (const RankShare& share : r->agents[i].ranks)
            sum += double(i + 1) * double(share.rank.value_or(0) + 1) * double(share.count);
    return sum;
}

int unstableCount(int samples, uint64_t seed) {
    auto r = analyseStability(g_month->input, g_month->scheme, g_month->history, g_month->catalog,
                              options(samples, seed));
    if (!r) return -1;
    return int(std::count_if(r->agents.begin(), r->agents.end(), [](const AgentStability& a) { return a.unstable; }));
}
} // namespace

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

extern "C" {
// Generates the month; 1 when it can be analysed.
EMSCRIPTEN_KEEPALIVE int kefu_bench_stability_setup(int agents) { return setUp(agents) ? 1 : 0; }
// One timed analysis (the page times this call); the checksum of its rank counts.
EMSCRIPTEN_KEEPALIVE double kefu_bench_stability_run(int samples, double seed) { return runOnce(samples, uint64_t(seed)); }
EMSCRIPTEN_KEEPALIVE int kefu_bench_stability_unstable(int samples, double seed) { return unstableCount(samples, uint64_t(seed)); }
EMSCRIPTEN_KEEPALIVE int kefu_bench_stability_agents() { return g_month ? int(g_month->input.agents.size()) : 0; }
}

#else
namespace {
double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
} // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 21;
    const int agents = argc > 2 ? std::atoi(argv[2]) : 50;
    const int samples = argc > 3 ? std::atoi(argv[3]) : 1000;
    if (rounds < 1 || agents < 1 || samples < 1) {
        std::fprintf(stderr, "usage: bench_stability [rounds>=1] [agents>=1] [samples>=1]\n");
        return 2;
    }
    if (!setUp(agents)) return 1;
    using Clock = std::chrono::steady_clock;
    std::vector<double> ms;
    double checksum = 0;
    for (int r = 0; r < rounds + 3; ++r) { // 3 warm-up runs first
        const auto t0 = Clock::now();
        checksum = runOnce(samples, 1);
        const double took = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (checksum < 0) return 1;
        if (r >= 3) ms.push_back(took);
    }
    std::string list;
    for (double v : ms) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%.3f", list.empty() ? "" : ",", v);
        list += buf;
    }
    std::printf("{\"bench\":\"stability\",\"engine\":\"native\",\"agents\":%d,\"samples\":%d,\"seed\":1,\"rounds\":%d,"
                "\"median_ms\":%.3f,\"checksum\":%.0f,\"unstable\":%d,\"samples_ms\":[%s]}\n",
                agents, samples, rounds, median(ms), checksum, unstableCount(samples, 1), list.c_str());
    return 0;
}
#endif
