#include "csv.h"

#include <cmath>
#include <cstdlib>

namespace kefu::core {

std::string_view trimEdges(std::string_view s) {
    auto ws = [](std::string_view t, size_t i) {
        char c = t[i];
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    // Ideographic spaces (U+3000) count too, mixed with the others in any order.
    for (size_t before = s.size() + 1; s.size() != before;) {
        before = s.size();
        while (!s.empty() && ws(s, 0)) s.remove_prefix(1);
        while (!s.empty() && ws(s, s.size() - 1)) s.remove_suffix(1);
        while (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
        while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
    }
    return s;
}

namespace {
char detectDelimiter(std::string_view text) {
    int counts[3] = {0, 0, 0};
    const char cands[3] = {',', '\t', ';'};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '\n') break;
        if (quoted) continue;
        for (int k = 0; k < 3; ++k) counts[k] += c == cands[k];
    }
    int best = 0;
    for (int k = 1; k < 3; ++k)
        if (counts[k] > counts[best]) best = k;
    return cands[best];
}
} // namespace

Expected<CsvTable> parseCsv(std::string_view text, char delimiter) {
    CsvTable t;
    t.delimiter = delimiter ? delimiter : detectDelimiter(text);
    const char d = t.delimiter;
    std::vector<std::string> row;
    std::string field;
    uint32_t line = 1, rowLine = 1, quoteLine = 0;
    bool quoted = false, fieldStarted = false, any = false;
    auto endRow = [&] {
        row.push_back(std::move(field));
        field.clear();
        bool empty = row.size() == 1 && row[0].empty();
        if (!empty) { t.rows.push_back(std::move(row)); t.lines.push_back(rowLine); }
        row.clear();
        fieldStarted = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        any = true;
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
                else quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted) { quoted = true; fieldStarted = true; quoteLine = line; continue; }
        if (c == d) { row.push_back(std::move(field)); field.clear(); fieldStarted = false; continue; }
        if (c == '\r') continue;
        if (c == '\n') { endRow(); ++line; rowLine = line; continue; }
        field += c;
        fieldStarted = true;
    }
    if (quoted) {
        const std::string n = std::to_string(quoteLine);
        return Error{"line " + n + ": a quoted field is not closed", "第 " + n + " 行：引号里的内容没有结束（缺少后引号）"};
    }
    if (any && (!field.empty() || !row.empty())) endRow();
    return t;
}

std::string csvField(std::string_view s, char delimiter) {
    bool needs = s.find_first_of(std::string("\"\r\n") + delimiter) != std::string_view::npos;
    if (!needs) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool isBlankCell(std::string_view cell) {
    cell = trim(cell);
    return cell.empty() || cell == "-" || cell == "--" || cell == "\xE2\x80\x94" || cell == "\xE2\x80\x94\xE2\x80\x94" ||
           cell == "/" || cell == "N/A" || cell == "n/a" || cell == "NA";
}

namespace {
std::optional<double> plainNumber(std::string_view s) {
    std::string clean;
    for (char c : s)
        if (c != ',') clean += c;
    if (clean.empty()) return std::nullopt;
    const char* b = clean.c_str();
    char* end = nullptr;
    double v = std::strtod(b, &end);
    if (end != b + clean.size() || !std::isfinite(v)) return std::nullopt;
    if (clean.find_first_of("xXpP") != std::string::npos) return std::nullopt; // no hex floats
    if (clean.find("inf") != std::string::npos || clean.find("nan") != std::string::npos) return std::nullopt;
    return v;
}

// "7小时41分52秒", "2分30秒", "11秒", "1小时", "3分钟" -> seconds.
std::optional<double> durationText(std::string_view s) {
    static const struct { const char* unit; double seconds; } units[] = {
        {"小时", 3600}, {"时", 3600}, {"分钟", 60}, {"分", 60}, {"秒", 1}};
    double total = 0;
    bool any = false;
    while (!s.empty()) {
        size_t i = 0;
        while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
        if (i == 0) return std::nullopt;
        auto num = plainNumber(s.substr(0, i));
        if (!num) return std::nullopt;
        s.remove_prefix(i);
        bool matched = false;
        for (const auto& u : units) {
            std::string_view unit(u.unit);
            if (s.substr(0, unit.size()) == unit) {
                total += *num * u.seconds;
                s.remove_prefix(unit.size());
                matched = any = true;
                break;
            }
        }
        if (!matched) return std::nullopt;
    }
    if (!any) return std::nullopt;
    return total;
}
} // namespace

std::optional<ParsedNumber> parseNumberCell(std::string_view cell) {
    std::string_view s = trim(cell);
    if (s.empty()) return std::nullopt;
    bool percent = false;
    if (s.back() == '%') { percent = true; s.remove_suffix(1); }
    else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBC\x85") { percent = true; s.remove_suffix(3); } // ％
    for (std::string_view prefix : {"\xC2\xA5", "\xEF\xBF\xA5", "$"}) // ¥ ￥ $
        if (s.substr(0, prefix.size()) == prefix) s.remove_prefix(prefix.size());
    for (std::string_view suffix : {"\xE5\x85\x83"}) // 元
        if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) s.remove_suffix(suffix.size());
    s = trim(s);
    if (auto v = plainNumber(s)) return ParsedNumber{*v, percent};
    if (!percent)
        if (auto d = durationText(s)) return ParsedNumber{*d, false};
    return std::nullopt;
}

} // namespace kefu::core
