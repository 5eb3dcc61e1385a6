// Snapshot save and load of a shop of 50 agents x 24 months (bench_shop.h), natively and in the
// browser. Natively: save = encode + write a temporary file + rename (no fsync), load = read the
// file + decode + stateFromShop (what opening the app does); one JSON line per measurement with
// every sample. Usage: bench_snapshot [rounds=21] [dir=.] [agents=50] [months=24]
// Built with Emscripten it has no main: bench/browser/snapshot.html calls the kefu_bench_*
// functions below and times them together with the IndexedDB transactions.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_shop.h"
#include "snapshot.h"

using namespace kefu::core;

namespace {
size_t cellCount(const Shop& shop) {
    size_t n = 0;
    for (const auto& p : shop.periods) n += p.cells.size();
    return n;
}

// The money of every period's results: the same number natively and in wasm, or a bug.
int64_t totalFen(const AppState& state) {
    int64_t sum = 0;
    for (const auto& p : state.periods)
        for (const auto& a : p.results.agents) sum += a.totalFen();
    return sum;
}
} // namespace

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

namespace {
Shop g_shop;         // the generated shop, what a save encodes
std::string g_bytes; // the last encoded snapshot
Shop g_loaded;       // the last decoded snapshot
AppState g_state;    // the app state rebuilt from g_loaded
} // namespace

extern "C" {
// Generates the shop; returns its number of metric cells.
EMSCRIPTEN_KEEPALIVE int kefu_bench_make_shop(int agents, int months, int closedMonths) {
    g_shop = kefu::bench::makeBenchShop({.agents = agents, .months = months, .closedMonths = closedMonths});
    return int(cellCount(g_shop));
}
// Takes a snapshot file's shop (a shop made elsewhere, e.g. by `kefu snapshot create`) as the shop
// to save; returns its number of metric cells, or -1 when the bytes are refused.
EMSCRIPTEN_KEEPALIVE int kefu_bench_use_shop(const char* data, int size) {
    auto shop = decodeSnapshot(std::string_view(data, size_t(size)));
    if (!shop) return -1;
    g_shop = std::move(*shop);
    return int(cellCount(g_shop));
}
// The shop's size, for the report: agents, months, closed months.
EMSCRIPTEN_KEEPALIVE int kefu_bench_shop_agents() { return int(g_shop.agents.size()); }
EMSCRIPTEN_KEEPALIVE int kefu_bench_shop_months() { return int(g_shop.periods.size()); }
EMSCRIPTEN_KEEPALIVE int kefu_bench_shop_closed() {
    return int(std::count_if(g_shop.periods.begin(), g_shop.periods.end(), [](const auto& p) { return p.closed; }));
}
// Encodes the shop; the bytes stay valid until the next call (size: kefu_bench_encoded_size).
EMSCRIPTEN_KEEPALIVE const char* kefu_bench_encode() {
    g_bytes = encodeSnapshot(g_shop);
    return g_bytes.data();
}
EMSCRIPTEN_KEEPALIVE int kefu_bench_encoded_size() { return int(g_bytes.size()); }
// Decodes `size` bytes; returns the number of agents, or -1 when the snapshot is refused.
EMSCRIPTEN_KEEPALIVE int kefu_bench_decode(const char* data, int size) {
    auto shop = decodeSnapshot(std::string_view(data, size_t(size)));
    if (!shop) return -1;
    g_loaded = std::move(*shop);
    return int(g_loaded.agents.size());
}
// Rebuilds the app state from the decoded shop (with recompute); returns the results' total fen.
EMSCRIPTEN_KEEPALIVE double kefu_bench_apply_loaded() {
    stateFromShop(g_state, g_loaded);
    return double(totalFen(g_state));
}
// Frees the previous round's bytes, decoded shop and state, so that a timed call does not pay for it
// (natively they are freed after the round's clocks stopped).
EMSCRIPTEN_KEEPALIVE void kefu_bench_reset() {
    g_bytes = std::string();
    g_loaded = Shop{};
    g_state = AppState{};
}
// 1 when the decoded shop equals the generated one.
EMSCRIPTEN_KEEPALIVE int kefu_bench_loaded_equal() { return g_loaded == g_shop ? 1 : 0; }
}

#else
namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

bool writeFile(const std::string& path, const std::string& bytes) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

bool readFile(const std::string& path, std::string& out) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::fseek(f, 0, SEEK_END);
    long n = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    out.assign(size_t(std::max(n, 0L)), '\0');
    bool ok = n >= 0 && std::fread(out.data(), 1, out.size(), f) == out.size();
    std::fclose(f);
    return ok;
}

struct Samples {
    const char* name;
    std::vector<double> ms;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void printSamples(const Samples& s, const Shop& shop, size_t bytes, int64_t fen) {
    double med = median(s.ms);
    size_t closed =
        size_t(std::count_if(shop.periods.begin(), shop.periods.end(), [](const auto& p) { return p.closed; }));
    std::printf(
        "{\"bench\":\"snapshot\",\"engine\":\"native\",\"name\":\"%s\",\"agents\":%zu,\"months\":%zu,"
        "\"cells\":%zu,\"closed_months\":%zu,\"bytes\":%zu,\"total_fen\":%lld,\"rounds\":%zu,\"median_ms\":%.3f,"
        "\"mb_per_s\":%.1f,\"samples_ms\":[",
        s.name, shop.agents.size(), shop.periods.size(), cellCount(shop), closed, bytes, (long long)fen, s.ms.size(),
        med, med > 0 ? double(bytes) / 1e3 / med : 0.0);
    for (size_t i = 0; i < s.ms.size(); ++i) std::printf("%s%.3f", i ? "," : "", s.ms[i]);
    std::printf("]}\n");
}

// One save and one load; false (with a message) when the file cannot be written or read back equal.
bool runRound(const Shop& shop, const std::string& path, std::vector<Samples*> out, size_t& bytes, int64_t& fen) {
    const std::string tmp = path + ".tmp";
    auto t0 = Clock::now();
    std::string data = encodeSnapshot(shop);
    double tEncode = msSince(t0);
    if (!writeFile(tmp, data) || std::rename(tmp.c_str(), path.c_str()) != 0)
        return std::fprintf(stderr, "bench_snapshot: cannot write %s\n", path.c_str()), false;
    double tSave = msSince(t0);
    auto t1 = Clock::now();
    std::string in;
    if (!readFile(path, in)) return std::fprintf(stderr, "bench_snapshot: cannot read %s\n", path.c_str()), false;
    double tRead = msSince(t1);
    auto decoded = decodeSnapshot(in);
    double tDecode = msSince(t1) - tRead;
    if (!decoded) return std::fprintf(stderr, "bench_snapshot: %s\n", decoded.error().c_str()), false;
    AppState app;
    stateFromShop(app, *decoded);
    double tLoad = msSince(t1);
    if (!(*decoded == shop)) return std::fprintf(stderr, "bench_snapshot: the round trip differs\n"), false;
    bytes = data.size();
    fen = totalFen(app);
    const double ms[] = {tSave, tEncode, tSave - tEncode, tLoad, tRead, tDecode, tLoad - tRead - tDecode};
    for (size_t i = 0; i < out.size(); ++i) out[i]->ms.push_back(ms[i]);
    return true;
}
} // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 21, warmup = 3;
    const std::string dir = argc > 2 ? argv[2] : ".";
    const int agents = argc > 3 ? std::atoi(argv[3]) : 50, months = argc > 4 ? std::atoi(argv[4]) : 24;
    // A fifth argument: a snapshot file whose shop is saved and loaded instead of a generated one.
    Shop shop;
    if (argc > 5) {
        std::string bytes;
        if (!readFile(argv[5], bytes)) return std::fprintf(stderr, "bench_snapshot: cannot read %s\n", argv[5]), 1;
        auto decoded = decodeSnapshot(bytes);
        if (!decoded) return std::fprintf(stderr, "bench_snapshot: %s: %s\n", argv[5], decoded.error().c_str()), 1;
        shop = std::move(*decoded);
    } else {
        shop = kefu::bench::makeBenchShop({.agents = agents, .months = months});
    }
    const std::string path = dir + "/bench_snapshot.kefu";
    Samples save{"save", {}}, encode{"encode", {}}, write{"write", {}};
    Samples load{"load", {}}, read{"read", {}}, decode{"decode", {}}, state{"state", {}};
    std::vector<Samples*> all = {&save, &encode, &write, &load, &read, &decode, &state};
    Samples discard{"", {}};
    std::vector<Samples*> none(all.size(), &discard);
    size_t bytes = 0;
    int64_t fen = 0;
    for (int r = 0; r < warmup + rounds; ++r)
        if (!runRound(shop, path, r < warmup ? none : all, bytes, fen)) return 1;
    std::remove(path.c_str());
    for (const Samples* s : all) printSamples(*s, shop, bytes, fen);
    return 0;
}
#endif
