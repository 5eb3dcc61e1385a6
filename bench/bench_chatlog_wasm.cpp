// The wasm half of the chat-log benchmark, a module for bench/browser/chatlog.html: the page picks
// a File, streams its slices into kefu_cl_feed (MessageReader, as the app's import does), then
// computes the metrics with the default settings and recomputes them after settings changes from
// the parsed log. kefu_cl_table returns the compared agent x metric table (bench_chatlog_table.h).
#include <emscripten/emscripten.h>

#include <algorithm>
#include <memory>
#include <string>

#include "bench_chatlog_table.h"
#include "chat_metrics.h"

using namespace kefu::core;

namespace {
struct Run {
    ChatLog log;
    std::unique_ptr<MessageReader> reader;
    ChatMetrics metrics;
};
std::unique_ptr<Run> g_run;
std::string g_error, g_table;
const Month kPeriod{2024, 3};
} // namespace

extern "C" {
// Starts a new log for a file of `bytes` bytes (the columns are reserved once).
EMSCRIPTEN_KEEPALIVE void kefu_cl_begin(double bytes) {
    g_run.reset();
    g_run = std::make_unique<Run>();
    g_error.clear();
    g_table.clear();
    ChatReadOptions opt = chatReadOptions(ChatSettings{});
    opt.expectedBytes = uint64_t(bytes);
    g_run->reader = std::make_unique<MessageReader>(g_run->log, opt);
}

// 1 = read, 0 = error (kefu_cl_error says which).
EMSCRIPTEN_KEEPALIVE int kefu_cl_feed(const char* data, int size) {
    auto r = g_run->reader->feed(std::string_view(data, size_t(size)));
    if (!r) g_error = r.error();
    return r ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int kefu_cl_finish() {
    auto r = g_run->reader->finish();
    if (!r) { g_error = r.error(); return 0; }
    g_run->reader.reset();
    return 1;
}

// The metrics with the default settings; returns the number of agents.
EMSCRIPTEN_KEEPALIVE int kefu_cl_compute() {
    g_run->metrics = computeChatMetrics(g_run->log, ChatSettings{}, kPeriod);
    return int(g_run->metrics.agents.size());
}

// A settings change recomputed from the parsed log: 0 taobao preset (hours 08-24, cap 600 s),
// 1 slow threshold 120 s, 2 service hours 09:00-21:00. Returns the number of agents.
EMSCRIPTEN_KEEPALIVE int kefu_cl_recompute(int which) {
    ChatSettings s;
    if (which == 0) s = *chatPreset("taobao");
    if (which == 1) s.slowResponseS = 120;
    if (which == 2) s.serviceHours = {*parseServiceHours("09:00-21:00")};
    return int(computeChatMetrics(g_run->log, s, kPeriod).agents.size());
}

EMSCRIPTEN_KEEPALIVE const char* kefu_cl_table() {
    g_table = kefu::bench::chatMetricTable(g_run->log, g_run->metrics);
    return g_table.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* kefu_cl_error() { return g_error.c_str(); }
EMSCRIPTEN_KEEPALIVE double kefu_cl_messages() { return double(g_run->log.messageCount()); }
EMSCRIPTEN_KEEPALIVE double kefu_cl_log_bytes() { return double(g_run->log.memoryBytes()); }
}
