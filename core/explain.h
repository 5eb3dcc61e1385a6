// Explanations kept as data: a message template (zh + en, placeholders {0} {1} ...) and its
// arguments; formatted only when shown, so evaluation stays fast.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <new>
#include <type_traits>
#include <utility>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "expected.h"

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

// A message with {0} {1} ... filled from plain text arguments, in both languages (notices and
// input problems; explanations of numbers use Why below).
Text2 fillMsg(const Msg& msg, const std::vector<std::string>& args);
// Errors in both languages: an Error from a text, and an error's text (English for both when it
// has no Chinese).
Error errorOf(const Text2& text);
Text2 errorText(const Error& error);
// The text in one language.
inline const std::string& textIn(const Text2& text, Lang lang) { return lang == Lang::Zh ? text.zh : text.en; }

// Interned text: equal strings share one immutable copy for the program's life, so a text
// argument of an explanation costs one pointer and no allocation. Only for small vocabularies
// (labels, ids, kinds, dates, names), never for per-row composed text. Result lines keep their
// rule and metric ids this way too; it reads like a const std::string.
class IStr {
public:
    IStr() : m_p(emptyText()) {}
    IStr(std::string_view s) : m_p(s.empty() ? emptyText() : intern(s)) {}
    IStr(const std::string& s) : IStr(std::string_view(s)) {}
    IStr(const char* s) : IStr(std::string_view(s)) {}
    const std::string& str() const { return *m_p; }
    operator const std::string&() const { return *m_p; }
    bool empty() const { return m_p->empty(); }
    size_t size() const { return m_p->size(); }
    const char* c_str() const { return m_p->c_str(); }
    // One copy per text: equal interned strings are the same pointer.
    bool same(const IStr& other) const { return m_p == other.m_p; }
    friend bool operator==(const IStr& a, std::string_view b) { return std::string_view(*a.m_p) == b; }
    friend std::ostream& operator<<(std::ostream& os, const IStr& s);

private:
    static const std::string* intern(std::string_view s);
    // The empty text skips the pool: result lines without a metric are common.
    static const std::string* emptyText() {
        static const std::string empty;
        return &empty;
    }
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

namespace detail {
// A block of argument slots handed out front to back; freed when no list uses it any more. Each
// thread fills its own block, but the count is not atomic: like the intern pools, explanations
// must not be built or dropped on two threads at once.
struct ArgBlock {
    uint32_t refs; // lists in the block, plus one while it is the block being filled
    uint32_t used, cap, pad;
    WhyArg* slots() { return reinterpret_cast<WhyArg*>(this + 1); }
};
extern constinit thread_local ArgBlock* t_filling; // the block new lists are carved from

// n argument slots and the block they belong to. Returned by value and inline for the common
// case: a call per list, or the pair going through memory, cost more than the bookkeeping.
struct ArgSlots {
    WhyArg* data;
    ArgBlock* block;
};
ArgSlots takeArgSlotsSlow(size_t n); // starts a new block
inline ArgSlots takeArgSlots(size_t n) {
    ArgBlock* b = t_filling;
    if (b && n <= b->cap - b->used) [[likely]] {
        WhyArg* p = b->slots() + b->used;
        b->used += uint32_t(n);
        ++b->refs;
        return {p, b};
    }
    return takeArgSlotsSlow(n);
}
void freeArgBlock(ArgBlock* block);
inline void releaseArgSlots(ArgBlock* block) {
    if (--block->refs == 0) freeArgBlock(block);
}
} // namespace detail

// The arguments of one explanation, used like a std::vector<WhyArg>. An evaluation makes hundreds
// of thousands of these lists of a few arguments each; one heap allocation apiece made malloc and
// free the hot spot, so a list is carved from a shared block that is freed when its last list
// goes. Each list still owns its arguments: copies, moves and lifetimes are those of a vector.
class WhyArgs {
public:
    using value_type = WhyArg;
    using iterator = WhyArg*;
    using const_iterator = const WhyArg*;

    WhyArgs() = default;
    // `{label, value, points}` builds each argument straight in its slot: no temporary array (an
    // initializer_list) to fill and then copy, which was a measurable share of every line.
    template <class... A>
        requires(sizeof...(A) > 0 && (std::is_constructible_v<WhyArg, A> && ...) &&
                 !(std::is_same_v<std::remove_cvref_t<A>, WhyArgs> || ...))
    WhyArgs(A&&... args) {
        const detail::ArgSlots slots = detail::takeArgSlots(sizeof...(A));
        m_data = slots.data;
        m_block = slots.block;
        m_cap = m_size = uint32_t(sizeof...(A));
        WhyArg* slot = m_data;
        ((::new (static_cast<void*>(slot++)) WhyArg(std::forward<A>(args))), ...);
    }
    WhyArgs(const WhyArgs& other) { copyFrom(other); }
    WhyArgs(WhyArgs&& other) noexcept
        : m_data(other.m_data), m_block(other.m_block), m_size(other.m_size), m_cap(other.m_cap) {
        other.m_data = nullptr;
        other.m_block = nullptr;
        other.m_size = other.m_cap = 0;
    }
    WhyArgs& operator=(const WhyArgs& other);
    WhyArgs& operator=(WhyArgs&& other) noexcept {
        WhyArgs gone(std::move(*this));
        swap(other);
        return *this;
    }
    ~WhyArgs() {
        if (m_block) detail::releaseArgSlots(m_block);
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    WhyArg& operator[](size_t i) { return m_data[i]; }
    const WhyArg& operator[](size_t i) const { return m_data[i]; }
    iterator begin() { return m_data; }
    iterator end() { return m_data + m_size; }
    const_iterator begin() const { return m_data; }
    const_iterator end() const { return m_data + m_size; }

    template <class A>
        requires std::is_constructible_v<WhyArg, A>
    void push_back(A&& arg) {
        WhyArg value(std::forward<A>(arg)); // may refer into this list, which growing moves
        if (m_size == m_cap) reserve(m_cap == 0 ? 4 : size_t(m_cap) * 2);
        ::new (static_cast<void*>(m_data + m_size)) WhyArg(value);
        ++m_size;
    }
    iterator insert(const_iterator pos, std::initializer_list<WhyArg> args);
    void reserve(size_t n);
    void swap(WhyArgs& other) noexcept {
        std::swap(m_data, other.m_data);
        std::swap(m_block, other.m_block);
        std::swap(m_size, other.m_size);
        std::swap(m_cap, other.m_cap);
    }

private:
    void copyFrom(const WhyArgs& other); // into an empty list
    WhyArgs regrow(size_t cap); // moves to new slots; returns the old ones
    WhyArg* m_data = nullptr;
    detail::ArgBlock* m_block = nullptr; // the block holding m_data; null when empty
    uint32_t m_size = 0, m_cap = 0;
};

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
