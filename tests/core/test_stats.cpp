// core/stats.h: Wilson intervals against published values, shrinkage by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "stats.h"

using namespace kefu::core;

// Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
// seven methods", Statistics in Medicine 17:857-872, Table I, method 3 (score method without
// continuity correction), given to 4 decimals: 81/263, 15/148, 0/20, 1/29. 0/10 and 10/10 are
// the usual textbook pair (upper 0.2775 / lower 0.7225).
TEST_CASE("wilsonInterval: Newcombe 1998 Table I") {
    const double eps = 5e-5;
    auto i = wilsonInterval(81, 263);
    CHECK(std::abs(i.lo - 0.2553) < eps);
    CHECK(std::abs(i.hi - 0.3662) < eps);
    i = wilsonInterval(15, 148);
    CHECK(std::abs(i.lo - 0.0624) < eps);
    CHECK(std::abs(i.hi - 0.1605) < eps);
    i = wilsonInterval(0, 20);
    CHECK(i.lo == 0);
    CHECK(std::abs(i.hi - 0.1611) < eps);
    i = wilsonInterval(1, 29);
    CHECK(std::abs(i.lo - 0.0061) < eps);
    CHECK(std::abs(i.hi - 0.1718) < eps);
}

TEST_CASE("wilsonInterval: the edges k = 0 and k = n, symmetric, no trials") {
    auto zero = wilsonInterval(0, 10);
    CHECK(zero.lo == 0);
    CHECK(std::abs(zero.hi - 0.2775) < 5e-5);
    auto all = wilsonInterval(10, 10);
    CHECK(std::abs(all.lo - 0.7225) < 5e-5);
    CHECK(all.hi <= 1);
    CHECK(all.hi == doctest::Approx(1.0));
    CHECK(all.lo == doctest::Approx(1 - zero.hi)); // k and n-k mirror each other
    auto none = wilsonInterval(0, 0);
    CHECK(none.lo == 0);
    CHECK(none.hi == 1);
    // The interval contains p and narrows as n grows at the same p.
    auto small = wilsonInterval(3, 10), large = wilsonInterval(300, 1000);
    CHECK(small.lo < 0.3);
    CHECK(small.hi > 0.3);
    CHECK(large.hi - large.lo < small.hi - small.lo);
}

TEST_CASE("shrinkRate: (k + m p) / (n + m)") {
    CHECK(shrinkRate(3, 10, 0.5, 10) == doctest::Approx(0.4));    // (3 + 5) / 20
    CHECK(shrinkRate(3, 10, 0.5, 0) == doctest::Approx(0.3));     // m = 0: the raw rate
    CHECK(shrinkRate(0, 0, 0.42, 20) == doctest::Approx(0.42));   // no trials: the group rate
    CHECK(shrinkRate(0, 0, 0.42, 0) == doctest::Approx(0.42));    // nothing at all: the group rate
    CHECK(shrinkRate(90, 100, 0.5, 100) == doctest::Approx(0.7)); // (90 + 50) / 200
    // More trials pull toward the agent's own rate.
    CHECK(shrinkRate(900, 1000, 0.5, 100) > shrinkRate(90, 100, 0.5, 100));
}
