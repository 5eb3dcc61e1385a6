// Timestamp parsing for chat logs and orders: the hot path of the reader, so no allocation and
// no locale; see parseShopTime() in chatlog.h.
#include "chatlog.h"

#include "date.h"

namespace kefu::core {

namespace {
struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool digits(int minN, int maxN, int32_t& out) {
        size_t st = i;
        int32_t v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && int(i - st) < maxN) v = v * 10 + (s[i++] - '0');
        if (int(i - st) < minN) return false;
        out = v;
        return true;
    }
    bool eat(char c) {
        if (i < s.size() && s[i] == c) { ++i; return true; }
        return false;
    }
    bool done() const { return i >= s.size(); }
};

bool validDate(int32_t y, int32_t m, int32_t d) {
    static const int dm[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > dm[m - 1]) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

// Unix seconds (10 digits) or milliseconds (13 digits), UTC.
std::optional<int64_t> parseEpoch(std::string_view s, int32_t tzOffsetMinutes) {
    if (s.size() != 10 && s.size() != 13) return std::nullopt;
    int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (s.size() == 13) v /= 1000;
    return v + int64_t(tzOffsetMinutes) * 60;
}

// "Z", "+08:00", "+0800", "+08", " UTC"; returns the offset in seconds, or false when malformed.
bool parseZone(Cursor& c, bool& zoned, int32_t& offsetS) {
    while (c.eat(' ')) {}
    if (c.done()) return true;
    zoned = true;
    if (c.eat('Z') || c.s.substr(c.i) == "UTC" || c.s.substr(c.i) == "GMT") { c.i = c.s.size(); offsetS = 0; return true; }
    int sign = c.eat('+') ? 1 : c.eat('-') ? -1 : 0;
    int32_t hh = 0, mm = 0;
    if (!sign || !c.digits(2, 2, hh)) return false;
    c.eat(':');
    if (!c.done() && !c.digits(2, 2, mm)) return false;
    if (!c.done() || hh > 14 || mm > 59) return false;
    offsetS = sign * (hh * 3600 + mm * 60);
    return true;
}

// "2024-03-01 09:00:00", the form of almost every export, read at fixed places; other forms take
// the general path below, which gives the same result for this one.
bool fixedForm(std::string_view s) {
    if (s.size() != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}
std::optional<int64_t> parseFixed(std::string_view s) {
    const auto two = [&](size_t i) { return int32_t(s[i] - '0') * 10 + int32_t(s[i + 1] - '0'); };
    const int32_t y = two(0) * 100 + two(2), mo = two(5), d = two(8), h = two(11), mi = two(14), se = two(17);
    if (!validDate(y, mo, d) || h > 24 || mi > 59 || se > 60 || (h == 24 && (mi || se))) return std::nullopt;
    return daysFromCivil({y, mo, d}) * 86400 + h * 3600 + mi * 60 + se;
}
} // namespace

std::optional<int64_t> parseShopTime(std::string_view s, int32_t tzOffsetMinutes, bool allowDateOnly) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (fixedForm(s)) return parseFixed(s);
    if (auto e = parseEpoch(s, tzOffsetMinutes)) return e;
    Cursor c{s};
    int32_t y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (!c.digits(4, 4, y) || c.done()) return std::nullopt;
    char sep = s[c.i];
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    ++c.i;
    if (!c.digits(1, 2, mo) || !c.eat(sep) || !c.digits(1, 2, d) || !validDate(y, mo, d)) return std::nullopt;
    int64_t days = daysFromCivil({y, mo, d});
    if (c.done()) {
        if (!allowDateOnly) return std::nullopt;
        return days * 86400;
    }
    if (!c.eat('T') && !c.eat(' ')) return std::nullopt;
    while (c.eat(' ')) {}
    if (!c.digits(1, 2, h) || !c.eat(':') || !c.digits(2, 2, mi)) return std::nullopt;
    if (c.eat(':') && !c.digits(2, 2, se)) return std::nullopt;
    if (c.eat('.') || c.eat(',')) {
        int32_t frac = 0;
        if (!c.digits(1, 9, frac)) return std::nullopt; // dropped: times are whole seconds
    }
    if (h > 24 || mi > 59 || se > 60 || (h == 24 && (mi || se))) return std::nullopt;
    bool zoned = false;
    int32_t offsetS = 0;
    if (!parseZone(c, zoned, offsetS)) return std::nullopt;
    int64_t t = days * 86400 + h * 3600 + mi * 60 + se;
    if (zoned) t += int64_t(tzOffsetMinutes) * 60 - offsetS;
    return t;
}

} // namespace kefu::core
