// Explanations kept as data: a message template (zh + en, placeholders {0} {1} ...) and its
// arguments; formatted only when shown, so evaluation stays fast.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <string>
#include <string_view>
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

// Interned text: equal strings share one immutable copy for the program's life, so a text
// argument of an explanation costs one pointer and no allocation. Only for small vocabularies
// (labels, ids, kinds, dates, names), never for per-row composed text.
class IStr {
public:
    IStr() : IStr(std::string_view()) {}
    IStr(std::string_view s);
    IStr(const std::string& s) : IStr(std::string_view(s)) {}
    IStr(const char* s) : IStr(std::string_view(s)) {}
    const std::string& str() const { return *m_p; }

private:
    const std::string* m_p;
};

// A bilingual text, interned as one pair (one pointer).
class IText2 {
public:
    IText2(const Text2& t);
    const IStr& zh() const { return m_p->first; }
    const IStr& en() const { return m_p->second; }

private:
    const std::pair<IStr, IStr>* m_p;
};

using WhyArg = std::variant<double, Fen, IStr, IText2>;

using WhyArgs = std::vector<WhyArg>;

// Placeholders: {N} one argument; {N+} the numbers from N on joined by " + "; {N*} the numbers
// from N on in pairs, "a × b + c × d" (weighted sums), so variable-length formulas stay data.
struct Why {
    const Msg* msg = nullptr;
    WhyArgs args;
    std::string format(Lang lang) const;
};

// Numbers: up to 6 decimals, trailing zeros removed; Fen as yuan with 2 decimals ("1,200.00" -> "1200.00").
std::string formatValue(double v);
std::string formatYuan(int64_t fen);
// Label of a metric in both languages, falling back to the id.
IText2 metricLabel(const std::string& metricId);

} // namespace kefu::core
