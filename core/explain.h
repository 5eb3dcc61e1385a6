// Explanations kept as data: a message template (zh + en, placeholders {0} {1} ...) and its
// arguments; formatted only when shown, so evaluation stays fast.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kefu::core {

enum class Lang : uint8_t { Zh, En };

// Templates live as static constants in the rule files: `static const Msg kPoints{"...", "..."};`.
struct Msg {
    const char* zh;
    const char* en;
};

struct Fen {
    int64_t fen;
};

// A text argument may itself be bilingual (a metric label): zh and en.
struct Text2 {
    std::string zh, en;
};

using WhyArg = std::variant<double, Fen, std::string, Text2>;

struct Why {
    const Msg* msg = nullptr;
    std::vector<WhyArg> args;
    std::string format(Lang lang) const;
};

// Numbers: up to 6 decimals, trailing zeros removed; Fen as yuan with 2 decimals ("1,200.00" -> "1200.00").
std::string formatValue(double v);
std::string formatYuan(int64_t fen);
// Label of a metric in the language, falling back to the id (for user metrics too, via the catalog).
Text2 metricLabel(const std::string& metricId);

} // namespace kefu::core
