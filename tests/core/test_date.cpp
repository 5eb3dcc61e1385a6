#include <doctest/doctest.h>

#include "date.h"

using namespace kefu::core;

TEST_CASE("date difference as in the probation example") {
    auto hire = parseDate("2024-03-02");
    REQUIRE(hire);
    CHECK(daysBetween(*hire, lastDay({2024, 3})) == 29);
    CHECK(formatDate(civilFromDays(daysFromCivil(*hire))) == "2024-03-02");
}

TEST_CASE("date forms") {
    CHECK(parseDate("2024/3/5") == Date{2024, 3, 5});
    CHECK(parseDate("2024-03-05 10:00:00") == Date{2024, 3, 5});
    CHECK_FALSE(parseDate("2024-02-30"));
    CHECK_FALSE(parseDate("2024-3"));
    CHECK_FALSE(parseDate("abc"));
    CHECK(parseMonth("2024-12") == Month{2024, 12});
    CHECK(addMonths({2024, 1}, -1) == Month{2023, 12});
    CHECK_FALSE(parseMonth("2024-13"));
}
