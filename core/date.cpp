#include "date.h"

#include <cstdio>

namespace kefu::core {

int64_t daysFromCivil(const Date& d) {
    int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t mp = (d.month + 9) % 12;
    const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civilFromDays(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int32_t d = int32_t(doy - (153 * mp + 2) / 5 + 1);
    const int32_t m = int32_t(mp < 10 ? mp + 3 : mp - 9);
    return {int32_t(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

namespace {
// Reads digits at s[i...]; returns false when there are none or too many.
bool readInt(std::string_view s, size_t& i, int maxDigits, int32_t& out) {
    size_t start = i;
    int32_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && int(i - start) < maxDigits) v = v * 10 + (s[i++] - '0');
    if (i == start) return false;
    out = v;
    return true;
}
int daysInMonth(int32_t y, int32_t m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}
} // namespace

std::optional<Date> parseDate(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    size_t i = 0;
    Date d;
    if (!readInt(s, i, 4, d.year) || i != 4) return std::nullopt;
    if (i >= s.size()) return std::nullopt;
    char sep = s[i];
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    ++i;
    if (!readInt(s, i, 2, d.month) || i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    if (!readInt(s, i, 2, d.day)) return std::nullopt;
    if (i < s.size() && s[i] != ' ' && s[i] != 'T') return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return std::nullopt;
    return d;
}

std::string formatDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year), int(d.month), int(d.day));
    return buf;
}

std::optional<Month> parseMonth(std::string_view s) {
    size_t i = 0;
    Month m;
    if (!readInt(s, i, 4, m.year) || i != 4 || i >= s.size() || s[i] != '-') return std::nullopt;
    ++i;
    if (!readInt(s, i, 2, m.month) || i != s.size() || s.size() != 7 || m.month < 1 || m.month > 12) return std::nullopt;
    return m;
}

std::string formatMonth(const Month& m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", int(m.year), int(m.month));
    return buf;
}

Month addMonths(Month m, int delta) {
    int32_t idx = m.year * 12 + (m.month - 1) + delta;
    return {idx / 12, idx % 12 + 1};
}

Date lastDay(const Month& m) { return {m.year, m.month, daysInMonth(m.year, m.month)}; }
Date firstDay(const Month& m) { return {m.year, m.month, 1}; }

} // namespace kefu::core
