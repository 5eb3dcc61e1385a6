// Calendar dates and months (YYYY-MM periods) as plain values; day arithmetic for tenure rules.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kefu::core {

struct Date {
    int32_t year = 0, month = 0, day = 0;
    bool operator==(const Date&) const = default;
    auto operator<=>(const Date&) const = default;
};

// Days since 1970-01-01 (proleptic Gregorian); negative before.
int64_t daysFromCivil(const Date& d);
Date civilFromDays(int64_t days);
inline int64_t daysBetween(const Date& from, const Date& to) { return daysFromCivil(to) - daysFromCivil(from); }

// Accepts YYYY-MM-DD, YYYY/M/D, YYYY-M-D, YYYY.M.D, and a trailing time (ignored).
std::optional<Date> parseDate(std::string_view s);
std::string formatDate(const Date& d);

struct Month {
    int32_t year = 0, month = 0;
    bool operator==(const Month&) const = default;
    auto operator<=>(const Month&) const = default;
};
std::optional<Month> parseMonth(std::string_view s); // YYYY-MM
std::string formatMonth(const Month& m);
Month addMonths(Month m, int delta);
Date lastDay(const Month& m);
Date firstDay(const Month& m);
inline Month monthOf(const Date& d) { return {d.year, d.month}; }

} // namespace kefu::core
