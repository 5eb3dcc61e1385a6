// Chat-log throughput: generates a messages CSV of N messages in memory (sessions of buyer and
// agent turns, 400 agents, Chinese text, one month), streams it through MessageReader in 1 MB pieces, then
// recomputes the metrics with two settings. Prints one JSON line: parse MB/s, index and recompute
// times, and the log's memory per CSV byte. Usage: bench_chatlog [messages=2000000] [text=1]
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "chat_metrics.h"
#include "random.h"

using namespace kefu::core;

namespace {
using Rng = kefu::core::SplitMix64; // the same numbers natively and in wasm

std::string makeCsv(uint64_t messages, bool text) {
    static const char* texts[] = {"亲，您好，请问有什么可以帮您", "这款有现货吗，今天能发货吗", "好的，已经为您备注，再见",
                                  "我不能确定，稍等帮您查一下", "\"尺码, 颜色\"都有的哦"};
    std::string out = text ? "session_id,time,role,agent,buyer,text\n" : "session_id,time,role,agent,buyer\n";
    out.reserve(messages * (text ? 90 : 50));
    Rng rng{42};
    const int64_t month = daysFromCivil({2024, 3, 1}) * 86400;
    char line[256];
    for (uint64_t m = 0, session = 0; m < messages; ++session) {
        // Platforms route a returning buyer to the agent who served them before: 90% stick.
        uint64_t buyer = rng.next() % (messages / 20 + 1), n = 2 + rng.next() % 14;
        uint64_t agent = rng.next() % 10 ? (buyer * 0x9E3779B97F4A7C15ull >> 40) % 400 : rng.next() % 400;
        int64_t t = month + int64_t(rng.next() % (31 * 86400 - 7200));
        for (uint64_t k = 0; k < n && m < messages; ++k, ++m) {
            t += int64_t(rng.next() % 240);
            Date d = civilFromDays(t / 86400);
            int len = std::snprintf(line, sizeof line, "S%09llu,%04d-%02d-%02d %02d:%02d:%02d,%s,客服%03llu,buyer%07llu",
                                    (unsigned long long)session, int(d.year), int(d.month), int(d.day), int(t % 86400 / 3600),
                                    int(t % 3600 / 60), int(t % 60), k % 2 ? (rng.next() % 10 ? "agent" : "robot") : "buyer",
                                    (unsigned long long)agent, (unsigned long long)buyer);
            out.append(line, size_t(len));
            if (text) { out += ','; out += texts[rng.next() % 5]; }
            out += '\n';
        }
    }
    return out;
}

// Linux: resident and peak-resident kB from /proc; 0 elsewhere. Writing 5 to clear_refs resets the peak.
long procKb(const char* field) {
    long v = 0;
    if (FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f))
            if (std::strncmp(line, field, std::strlen(field)) == 0) v = std::atol(line + std::strlen(field));
        std::fclose(f);
    }
    return v;
}
void resetPeak() {
    if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) { std::fputs("5", f); std::fclose(f); }
}

double cpuMsSince(std::clock_t c0) { return double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC; }
} // namespace

int main(int argc, char** argv) {
    uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2000000;
    bool text = argc > 2 ? std::atoi(argv[2]) != 0 : true;
    std::string csv = makeCsv(n, text);
    ChatSettings settings;
    ChatLog log;
    ChatReadOptions opt = chatReadOptions(settings);
    opt.expectedBytes = csv.size();
    resetPeak();
    const long rssBefore = procKb("VmRSS:");
    std::clock_t c0 = std::clock(); // CPU time: the machine may be shared
    MessageReader reader(log, opt);
    for (size_t i = 0; i < csv.size(); i += size_t(1) << 20)
        if (!reader.feed(std::string_view(csv).substr(i, size_t(1) << 20))) return 1;
    double parseMs = cpuMsSince(c0);
    c0 = std::clock();
    if (!reader.finish()) return 1;
    double indexMs = cpuMsSince(c0);
    const long peakKb = procKb("VmHWM:") - rssBefore; // what reading and indexing added at most
    // Recompute: the best of 10 runs, in CPU time (the machine may be shared).
    double computeMs = 1e30, recomputeMs = 1e30;
    ChatMetrics a, b;
    for (int run = 0; run < 10; ++run) {
        c0 = std::clock();
        a = computeChatMetrics(log, settings, {2024, 3});
        computeMs = std::min(computeMs, cpuMsSince(c0));
        c0 = std::clock();
        b = computeChatMetrics(log, *chatPreset("taobao"), {2024, 3});
        recomputeMs = std::min(recomputeMs, cpuMsSince(c0));
    }
    std::printf("{\"name\":\"chatlog\",\"messages\":%llu,\"text\":%s,\"csv_mb\":%.1f,\"parse_mb_s\":%.1f,\"index_ms\":%.1f,"
                "\"compute_ms\":%.1f,\"recompute_ms\":%.1f,\"log_bytes_per_csv_byte\":%.3f,\"peak_bytes_per_csv_byte\":%.3f,"
                "\"agents\":%zu,\"check\":%u}\n",
                (unsigned long long)n, text ? "true" : "false", double(csv.size()) / 1e6, double(csv.size()) / 1e6 / (parseMs / 1e3),
                indexMs, computeMs, recomputeMs, double(log.memoryBytes()) / double(csv.size()), double(peakKb) * 1024 / double(csv.size()), a.agents.size(),
                b.totals.empty() ? 0u : b.totals[0].receptions);
    return 0;
}
