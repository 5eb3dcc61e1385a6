// The compact storage behind results: explanation argument lists carved from shared blocks,
// interned ids, sorted score tables, and the library-free rounding. Each must behave exactly like
// the standard type or function it stands in for.
#include "helpers.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <random>

using namespace kefu::test;

namespace {
const Msg kThree{"{0} / {1} / {2}", "{0} / {1} / {2}"};
const Msg kSum{"{0} = {1+}", "{0} = {1+}"};

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b)); }
} // namespace

TEST_CASE("WhyArgs: built from braces, copied and moved like a vector") {
    Why a{&kThree, {1.5, Fen{12345}, IStr("x")}};
    CHECK(a.args.size() == 3);
    CHECK(a.format(Lang::En) == "1.5 / 123.45 / x");
    Why copy = a;
    copy.args[0] = 2.0;
    CHECK(a.format(Lang::En) == "1.5 / 123.45 / x");
    CHECK(copy.format(Lang::En) == "2 / 123.45 / x");
    Why moved = std::move(copy);
    CHECK(moved.format(Lang::En) == "2 / 123.45 / x");
    CHECK(copy.args.empty()); // a moved-from list is left empty
    copy = moved;
    CHECK(copy.format(Lang::Zh) == "2 / 123.45 / x");
    Why none{&kThree, {}};
    CHECK(none.args.empty());
    CHECK(none.format(Lang::En) == "{0} / {1} / {2}");
}

TEST_CASE("WhyArgs: push_back, insert and reserve keep the arguments in order") {
    Why w{&kSum, {0.0}};
    for (int i = 1; i <= 40; ++i) w.args.push_back(double(i));
    w.args.push_back(w.args[1]); // an argument of the list itself, while the list grows
    CHECK(w.args.size() == 42);
    w.args[0] = 861.0;
    const std::string text = w.format(Lang::En);
    CHECK(text.starts_with("861 = 1 + 2 + 3 + "));
    CHECK(text.ends_with(" + 39 + 40 + 1"));
    Why mid{&kThree, {1.0, 3.0}};
    mid.args.insert(mid.args.begin() + 1, {2.0});
    CHECK(mid.format(Lang::En) == "1 / 2 / 3");
    Why end{&kThree, {IText2(Text2{"甲", "A"})}};
    end.args.reserve(8);
    end.args.insert(end.args.end(), {Fen{-5}, 0.25});
    CHECK(end.format(Lang::Zh) == "甲 / -0.05 / 0.25");
    CHECK(end.format(Lang::En) == "A / -0.05 / 0.25");
}

TEST_CASE("WhyArgs: lists outlive and outnumber their blocks in any order") {
    std::vector<Why> kept;
    std::mt19937 rng(7);
    for (int i = 0; i < 30000; ++i) {
        Why w{&kThree, {double(i), double(i) + 0.5, IStr("k")}};
        if (rng() % 3 == 0) kept.push_back(w); // a copy; the original goes at once
        if (rng() % 5 == 0 && !kept.empty()) kept.erase(kept.begin() + std::ptrdiff_t(rng() % kept.size()));
    }
    Why longList{&kSum, {0.0}};
    longList.args.reserve(5000); // larger than a shared block
    for (int i = 0; i < 5000; ++i) longList.args.push_back(1.0);
    CHECK(longList.args.size() == 5001);
    for (const Why& w : kept) {
        const double first = std::get<double>(w.args[0]);
        CHECK(std::get<double>(w.args[1]) == first + 0.5);
    }
}

TEST_CASE("IStr: interned text reads like a string") {
    IStr empty, alsoEmpty(""), a("dsr"), b(std::string("dsr"));
    CHECK(empty.empty());
    CHECK(alsoEmpty.empty());
    CHECK(empty == "");
    CHECK(a == "dsr");
    CHECK(a == std::string("dsr"));
    CHECK_FALSE(a == "dsr.");
    CHECK(a.same(b));
    const std::string& s = a;
    CHECK(s.size() == 3);
}

TEST_CASE("KeyedValues: a sorted table that answers like std::map") {
    KeyedValues<double> t;
    std::map<std::string, double> m;
    for (const char* k : {"rank", "dsr.efficiency", "dsr.ability", "dsr.attitude", "composite", "dsr.ability"}) {
        t[k] = double(std::strlen(k));
        m[k] = double(std::strlen(k));
    }
    CHECK(t.size() == m.size());
    CHECK(std::map<std::string, double>(t) == m);
    auto it = m.begin();
    for (const auto& [k, v] : t) {
        CHECK(k == it->first);
        CHECK(v == it->second);
        ++it;
    }
    CHECK(t.at("rank") == 4.0);
    CHECK_THROWS_AS(t.at("nope"), std::out_of_range);
    CHECK(t.find("nope") == t.end());
    CHECK(t.count("composite") == 1);
    CHECK_FALSE(t.insert({"rank", 9.0}).second);
    CHECK(t.at("rank") == 4.0);
    CHECK_FALSE(t.insert_or_assign("rank", 9.0).second);
    CHECK(t.at("rank") == 9.0);
    CHECK(t.emplace("a", 1.0).second);
    CHECK(t.begin()->first == "a");
    CHECK(t.erase("a") == 1);
    CHECK(t.erase("a") == 0);
    KeyedValues<double> u(m);
    u["rank"] = 9.0;
    CHECK(t == u);
}

TEST_CASE("round6: the library-free rounding is std::round bit for bit") {
    const double specials[] = {0.0,
                               -0.0,
                               0.5,
                               -0.5,
                               2.5,
                               -2.5,
                               0.49999999999999994,
                               -0.49999999999999994,
                               4503599627370495.5,
                               -4503599627370495.5,
                               4503599627370496.0,
                               1e300,
                               -1e300,
                               std::numeric_limits<double>::infinity(),
                               -std::numeric_limits<double>::infinity(),
                               std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::denorm_min(),
                               -0.3};
    for (double x : specials) CHECK(sameBits(roundHalfAway(x), std::round(x)));
    std::mt19937_64 rng(11);
    int mismatches = 0;
    for (int i = 0; i < 200000; ++i) {
        uint64_t bits = rng();
        double any;
        std::memcpy(&any, &bits, sizeof any);
        double half = std::ldexp(double(int64_t(rng() >> 11)) / 4.0, int(rng() % 60) - 30);
        for (double x : {any, half, -half, std::nextafter(half, 0.0), 1234.5678915 * double(i)})
            if (!sameBits(roundHalfAway(x), std::round(x))) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(round6(0.1234565) == std::round(0.1234565 * 1e6) / 1e6);
}
