// kefu snapshot create|info|check|merge|export-json: shops as .kefu files on disk.
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "cli.h"
#include "input.h"
#include "merge.h"
#include "shop_build.h"
#include "snapshot.h"

namespace kefu::cli {

using namespace core;

namespace {
// Milliseconds since 1970; KEFU_NOW_MS fixes it for reproducible files and tests.
int64_t nowMs() {
    if (const char* fixed = std::getenv("KEFU_NOW_MS")) return std::atoll(fixed);
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string author(const Args& args) {
    if (auto a = args.one("--author")) return *a;
    if (const char* u = std::getenv("USER")) return u;
    return "kefu";
}

Expected<Shop> readShop(const std::string& path) {
    auto bytes = readFile(path);
    if (!bytes) return Error{bytes.error()};
    auto shop = decodeSnapshot(*bytes);
    if (!shop) return Error{path + ": " + shop.error()};
    return shop;
}

int create(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 3, {"--metrics", "--period", "--events", "--scheme", "--roster", "--shop-id", "--shop-name",
                                          "--author", "-o"}, {});
    if (!args) return fail(args.error());
    auto out = args->one("-o");
    auto metrics = args->one("--metrics");
    auto period = args->one("--period");
    if (!out || !metrics || !period) return fail("snapshot create needs --metrics FILE --period YYYY-MM -o OUT.kefu");
    auto month = parseMonth(*period);
    if (!month) return fail("--period '" + *period + "' is not YYYY-MM");
    std::vector<std::string> warnings;
    std::vector<Agent> roster;
    if (auto r = args->one("--roster")) {
        auto text = readFile(*r);
        if (!text) return fail(text.error());
        auto parsed = loadRoster(*text, *r);
        if (!parsed) return fail(parsed.error());
        roster = std::move(*parsed);
    }
    // No --lang here: warnings in English.
    auto input = loadMetricsArg(*metrics, args->has("--roster") ? &roster : nullptr, warnings, Lang::En);
    if (!input) return fail(input.error());
    input->period = month;
    if (auto e = args->one("--events")) {
        auto text = readFile(*e);
        if (!text) return fail(text.error());
        auto ev = loadEventsCsv(*text, *e, input->agents, {});
        if (!ev) return fail(ev.error());
        input->events = std::move(*ev);
    }
    const int64_t now = nowMs();
    Shop shop;
    shop.id = args->one("--shop-id").value_or(makeId(uint64_t(now) ^ 0x5EED));
    shop.name = args->one("--shop-name").value_or("我的店铺");
    shop.managerName = author(*args);
    shop.stamp = restamp({}, now, shop.managerName);
    if (auto s = args->one("--scheme")) {
        auto scheme = loadSchemeArg(*s, Catalog::builtin());
        if (!scheme) return fail(scheme.error());
        shop.schemes.push_back({scheme->id, writeJson(schemeToJson(*scheme), 2), restamp({}, now, shop.managerName)});
        shop.activeSchemeId = scheme->id;
    }
    ImportContext ctx{shop.managerName, now, uint64_t(now), *metrics};
    auto written = importPeriod(shop, *input, ctx);
    if (!written) return fail(written.error());
    for (const auto& w : warnings) std::cerr << "kefu: warning: " << w << "\n";
    auto ok = writeFile(*out, encodeSnapshot(shop));
    if (!ok) return fail(ok.error());
    std::cout << *out << ": " << shop.agents.size() << " agents, " << *written << " values for " << *period << "\n";
    return 0;
}

int info(int argc, char** argv) {
    if (argc < 4) return fail("snapshot info FILE");
    auto shop = readShop(argv[3]);
    if (!shop) return fail(shop.error());
    int64_t last = shop->stamp.at;
    std::string who = shop->stamp.author;
    for (const auto& l : shop->audit)
        if (l.at >= last) { last = l.at; who = l.author; }
    std::cout << "shop: " << shop->name << " (" << shop->id << ")\n"
              << "manager: " << shop->managerName << "\n"
              << "agents: " << shop->agents.size() << "\n"
              << "periods:";
    for (const auto& p : shop->periods) std::cout << " " << formatMonth(p.month) << (p.closed ? " (closed)" : "");
    std::cout << "\nschemes:";
    for (const auto& s : shop->schemes) std::cout << " " << s.id;
    std::cout << "\nlast change: " << last << " by " << who << "\n";
    return 0;
}

int check(int argc, char** argv) {
    if (argc < 4) return fail("snapshot check FILE");
    auto shop = readShop(argv[3]);
    if (!shop) return fail(shop.error());
    std::cout << argv[3] << ": valid (" << shop->agents.size() << " agents, " << shop->periods.size() << " periods)\n";
    return 0;
}

int merge(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 3, {"-o", "--prefer", "--author"}, {});
    if (!args) return fail(args.error());
    if (args->positional.size() != 2 || !args->one("-o")) return fail("snapshot merge A B -o OUT [--prefer a|b]");
    Prefer prefer = Prefer::None;
    if (auto p = args->one("--prefer")) {
        if (*p == "a") prefer = Prefer::A;
        else if (*p == "b") prefer = Prefer::B;
        else return fail("--prefer must be a or b");
    }
    auto a = readShop(args->positional[0]);
    if (!a) return fail(a.error());
    auto b = readShop(args->positional[1]);
    if (!b) return fail(b.error());
    auto report = mergeShops(*a, *b, prefer, nowMs(), author(*args));
    if (!report) return fail(report.error());
    for (const auto& c : report->conflicts)
        std::cerr << (c.resolved ? "resolved " : "conflict ") << c.kind << ": " << c.key << "\n    a: " << writeJson(c.a)
                  << " (" << c.stampA.author << ")\n    b: " << writeJson(c.b) << " (" << c.stampB.author << ")\n";
    if (report->unresolved() > 0) {
        std::cerr << "kefu: " << report->unresolved() << " conflicts; nothing written. Choose with --prefer a|b\n";
        return 3;
    }
    auto ok = writeFile(*args->one("-o"), encodeSnapshot(report->merged));
    if (!ok) return fail(ok.error());
    std::cout << *args->one("-o") << ": merged, " << report->takenFromB << " changes from " << args->positional[1] << ", "
              << report->conflicts.size() << " conflicts resolved\n";
    return 0;
}

int exportJson(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 3, {"-o"}, {});
    if (!args) return fail(args.error());
    if (args->positional.size() != 1) return fail("snapshot export-json FILE [-o OUT.json]");
    auto shop = readShop(args->positional[0]);
    if (!shop) return fail(shop.error());
    std::string text = writeJson(shopToJson(*shop), 2) + "\n";
    if (auto o = args->one("-o")) {
        auto ok = writeFile(*o, text);
        if (!ok) return fail(ok.error());
    } else {
        std::cout << text;
    }
    return 0;
}
} // namespace

int cmdSnapshot(int argc, char** argv) {
    std::string sub = argc > 2 ? argv[2] : "";
    if (sub == "create") return create(argc, argv);
    if (sub == "info") return info(argc, argv);
    if (sub == "check") return check(argc, argv);
    if (sub == "merge") return merge(argc, argv);
    if (sub == "export-json") return exportJson(argc, argv);
    return fail("snapshot needs one of: create, info, check, merge, export-json");
}

} // namespace kefu::cli
