// CSV reading (RFC 4180 quotes, embedded newlines, CRLF) with the physical line of each record,
// delimiter detected from the header (comma, tab or semicolon); and cell value parsing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "expected.h"

namespace kefu::core {

struct CsvTable {
    std::vector<std::vector<std::string>> rows; // rows[0] = header
    std::vector<uint32_t> lines;                // physical line where each row starts (1-based)
    char delimiter = ',';
};

// `utf8` is already decoded. Errors name the line: an unterminated quote.
Expected<CsvTable> parseCsv(std::string_view utf8, char delimiter = 0);
// Writes one CSV field (quoted when needed).
std::string csvField(std::string_view s, char delimiter = ',');

// Without spaces, tabs, line ends and ideographic spaces (U+3000) at either end. Inline for the
// common cell with nothing to trim (the chat-log reader trims every cell of every row).
std::string_view trimEdges(std::string_view s);
inline std::string_view trim(std::string_view s) {
    const auto edge = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    if (s.empty() || (!edge(s.front()) && s.front() != '\xE3' && !edge(s.back()) && s.back() != '\x80')) return s;
    return trimEdges(s);
}

// Number cells as spreadsheets show them: "1,234.50", "¥1234.5", "45%" (isPercent set),
// durations "7小时41分52秒" / "2分30秒" / "11秒" (seconds), "1.2e3". nullopt = not a number.
struct ParsedNumber {
    double value;
    bool percent = false;
};
std::optional<ParsedNumber> parseNumberCell(std::string_view cell);
// Cells that mean "no value" without a warning: empty, "-", "—", "--", "/", "N/A".
bool isBlankCell(std::string_view cell);

} // namespace kefu::core
