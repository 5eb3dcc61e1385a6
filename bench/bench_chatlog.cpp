// Chat-log metrics natively from a messages CSV on disk (bench/gen_chatlog.cpp makes them): the
// file is read in 4 MB pieces into MessageReader (the page streams File slices the same way), then
// the metrics are computed with the default settings and recomputed after settings changes (service
// hours and cap of the taobao preset, a slow threshold of 120 s, service hours 09:00-21:00) from the
// parsed log without reading the file again. Prints one JSON line; writes the compared agent x metric
// table (bench_chatlog_table.h) to TABLE.
// Times are wall-clock (total_ms: open to metrics, feed_ms: inside MessageReader::feed) with the
// process's CPU time beside them (cpu_ms, feed_cpu_ms), as the machine may be shared.
// Usage: bench_chatlog MESSAGES.csv TABLE [recompute-runs=5]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "bench_chatlog_table.h"
#include "chat_metrics.h"

using namespace kefu::core;

namespace {
double nowMs() { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count(); }
double cpuMs() { return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC; }

// The settings changes a user makes in 设置; each is recomputed from the parsed log.
std::vector<std::pair<const char*, ChatSettings>> changedSettings() {
    ChatSettings slow, hours;
    slow.slowResponseS = 120;
    hours.serviceHours = {*parseServiceHours("09:00-21:00")};
    return {{"taobao", *chatPreset("taobao")}, {"slow_120s", slow}, {"hours_09_21", hours}};
}
} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_chatlog MESSAGES.csv TABLE [recompute-runs]\n");
        return 2;
    }
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    const Month period{2024, 3};
    const double t0 = nowMs();
    FILE* f = std::fopen(argv[1], "rb");
    if (!f) { std::fprintf(stderr, "bench_chatlog: cannot open %s\n", argv[1]); return 2; }
    std::fseek(f, 0, SEEK_END);
    const long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    ChatSettings settings;
    ChatLog log;
    ChatReadOptions opt = chatReadOptions(settings);
    opt.expectedBytes = uint64_t(size);
    MessageReader reader(log, opt);
    std::vector<char> buf(size_t(4) << 20);
    double feedMs = 0, feedCpu = 0;
    for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), f)) > 0;) {
        const double a = nowMs(), c = cpuMs();
        auto r = reader.feed(std::string_view(buf.data(), n));
        feedMs += nowMs() - a;
        feedCpu += cpuMs() - c;
        if (!r) { std::fprintf(stderr, "bench_chatlog: %s: %s\n", argv[1], r.error().c_str()); return 1; }
    }
    std::fclose(f);
    double a = nowMs();
    if (auto r = reader.finish(); !r) { std::fprintf(stderr, "bench_chatlog: %s\n", r.error().c_str()); return 1; }
    const double finishMs = nowMs() - a;
    a = nowMs();
    const ChatMetrics m = computeChatMetrics(log, settings, period);
    const double computeMs = nowMs() - a, totalMs = nowMs() - t0, totalCpu = cpuMs();
    std::string recompute, recomputeCpu;
    for (const auto& [name, s] : changedSettings()) {
        double best = 1e30, bestCpu = 1e30;
        for (int i = 0; i < runs; ++i) {
            a = nowMs();
            const double c = cpuMs();
            ChatMetrics again = computeChatMetrics(log, s, period);
            best = std::min(best, nowMs() - a);
            bestCpu = std::min(bestCpu, cpuMs() - c);
            if (again.agents.empty()) return 1;
        }
        char item[96];
        std::snprintf(item, sizeof item, "%s\"%s\":%.1f", recompute.empty() ? "" : ",", name, best);
        recompute += item;
        std::snprintf(item, sizeof item, "%s\"%s\":%.1f", recomputeCpu.empty() ? "" : ",", name, bestCpu);
        recomputeCpu += item;
    }
    const std::string table = kefu::bench::chatMetricTable(log, m);
    if (FILE* t = std::fopen(argv[2], "wb")) { std::fwrite(table.data(), 1, table.size(), t); std::fclose(t); }
    else { std::fprintf(stderr, "bench_chatlog: cannot write %s\n", argv[2]); return 2; }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("{\"bench\":\"chatlog\",\"engine\":\"kefu-native\",\"bytes\":%ld,\"messages\":%zu,\"sessions\":%zu,\"agents\":%zu,"
                "\"total_ms\":%.1f,\"feed_ms\":%.1f,\"feed_cpu_ms\":%.1f,\"finish_ms\":%.1f,\"compute_ms\":%.1f,"
                "\"cpu_ms\":%.1f,\"recompute_ms\":{%s},\"recompute_cpu_ms\":{%s},\"log_bytes\":%zu,\"peak_bytes\":%lld}\n",
                size, log.messageCount(), log.sessionCount(), m.agents.size(), totalMs, feedMs, feedCpu, finishMs, computeMs,
                totalCpu, recompute.c_str(), recomputeCpu.c_str(), log.memoryBytes(), (long long)ru.ru_maxrss * 1024);
    return 0;
}
