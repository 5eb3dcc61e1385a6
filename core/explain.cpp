#include "explain.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <new>
#include <ostream>
#include <type_traits>
#include <memory>
#include <unordered_map>

#include "metrics.h"

namespace kefu::core {

namespace {
std::string fillPattern(const char* pattern, const std::vector<std::string>& args) {
    std::string out;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            if (size_t(p[1] - '0') < args.size()) out += args[size_t(p[1] - '0')];
            p += 2;
            continue;
        }
        out += *p;
    }
    return out;
}
} // namespace

Text2 fillMsg(const Msg& msg, const std::vector<std::string>& args) {
    return {fillPattern(msg.zh, args), fillPattern(msg.en, args)};
}

Error errorOf(const Text2& text) { return {text.en, text.zh}; }
Text2 errorText(const Error& error) { return {error.zh.empty() ? error.message : error.zh, error.message}; }

std::string formatValue(double v) {
    if (std::isnan(v)) return "—";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string formatYuan(int64_t fen) {
    char buf[48];
    int64_t a = fen < 0 ? -fen : fen;
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld", fen < 0 ? "-" : "", (long long)(a / 100), (long long)(a % 100));
    return buf;
}

IText2 metricLabel(const std::string& metricId) {
    // Interned once per built-in metric; user metrics show their id.
    static const std::vector<IText2> labels = [] {
        std::vector<IText2> v;
        for (const auto& d : Catalog::builtin().all()) v.push_back(Text2{d.zh, d.en});
        return v;
    }();
    const auto& all = Catalog::builtin().all();
    for (size_t i = 0; i < all.size(); ++i)
        if (all[i].id == metricId) return labels[i];
    return Text2{metricId, metricId};
}

const std::string* IStr::intern(std::string_view s) {
    // Keys view the owned strings, which never move; the pool lives as long as the program.
    static auto* pool = new std::unordered_map<std::string_view, std::unique_ptr<std::string>>();
    auto it = pool->find(s);
    if (it == pool->end()) {
        auto owned = std::make_unique<std::string>(s);
        std::string_view key = *owned;
        it = pool->emplace(key, std::move(owned)).first;
    }
    return it->second.get();
}

IText2::IText2(const Text2& t) {
    static auto* pool = new std::unordered_map<std::string, std::unique_ptr<std::pair<IStr, IStr>>>();
    std::string key = t.zh;
    key += '\0';
    key += t.en;
    auto it = pool->find(key);
    if (it == pool->end()) it = pool->emplace(key, std::make_unique<std::pair<IStr, IStr>>(IStr(t.zh), IStr(t.en))).first;
    m_p = it->second.get();
}

std::ostream& operator<<(std::ostream& os, const IStr& s) { return os << s.str(); }

namespace {
using detail::ArgBlock;
static_assert(std::is_trivially_copyable_v<WhyArg> && std::is_trivially_destructible_v<WhyArg>,
              "argument lists copy their slots as bytes and never destroy them");
static_assert(sizeof(ArgBlock) % alignof(WhyArg) == 0);

// About 64 KiB: small enough for malloc to reuse freed blocks rather than map fresh pages.
constexpr uint32_t kBlockSlots = 4000;

ArgBlock* newBlock(uint32_t cap, uint32_t refs) {
    void* raw = ::operator new(sizeof(ArgBlock) + size_t(cap) * sizeof(WhyArg));
    return new (raw) ArgBlock{refs, 0, cap, 0};
}
} // namespace

constinit thread_local ArgBlock* detail::t_filling = nullptr;

void detail::freeArgBlock(ArgBlock* b) { ::operator delete(b); }

// A long list gets a block of its own; otherwise the next block is started.
detail::ArgSlots detail::takeArgSlotsSlow(size_t size) {
    const uint32_t n = uint32_t(size);
    if (n > kBlockSlots / 16) {
        ArgBlock* own = newBlock(n, 1);
        own->used = n;
        return {own->slots(), own};
    }
    if (t_filling) releaseArgSlots(t_filling);
    ArgBlock* b = t_filling = newBlock(kBlockSlots, 2); // filling + this list
    b->used = n;
    return {b->slots(), b};
}

WhyArgs& WhyArgs::operator=(const WhyArgs& other) {
    if (this == &other) return *this;
    if (other.m_size > m_cap) {
        WhyArgs copy(other);
        swap(copy);
        return *this;
    }
    if (other.m_size) std::memcpy(static_cast<void*>(m_data), other.m_data, other.m_size * sizeof(WhyArg));
    m_size = other.m_size;
    return *this;
}

WhyArgs WhyArgs::regrow(size_t cap) {
    WhyArgs old;
    old.swap(*this);
    const detail::ArgSlots slots = detail::takeArgSlots(cap);
    m_data = slots.data;
    m_block = slots.block;
    m_cap = uint32_t(cap);
    if (old.m_size) std::memcpy(static_cast<void*>(m_data), old.m_data, old.m_size * sizeof(WhyArg));
    m_size = old.m_size;
    return old;
}

void WhyArgs::reserve(size_t n) {
    if (n > m_cap) regrow(n);
}

void WhyArgs::copyFrom(const WhyArgs& other) {
    if (other.m_size == 0) return;
    const detail::ArgSlots slots = detail::takeArgSlots(other.m_size);
    m_data = slots.data;
    m_block = slots.block;
    m_cap = m_size = other.m_size;
    std::memcpy(static_cast<void*>(m_data), other.m_data, m_size * sizeof(WhyArg));
}

WhyArgs::iterator WhyArgs::insert(const_iterator pos, std::initializer_list<WhyArg> args) {
    const size_t at = size_t(pos - m_data), n = args.size();
    if (m_size + n > m_cap) reserve(std::max(m_size + n, size_t(m_cap) * 2));
    if (at < m_size)
        std::memmove(static_cast<void*>(m_data + at + n), m_data + at, (m_size - at) * sizeof(WhyArg));
    for (size_t k = 0; k < n; ++k) ::new (static_cast<void*>(m_data + at + k)) WhyArg(args.begin()[k]);
    m_size += uint32_t(n);
    return m_data + at;
}

namespace {
std::string formatArg(const WhyArg& a, Lang lang) {
    if (auto d = std::get_if<double>(&a)) return formatValue(*d);
    if (auto f = std::get_if<Fen>(&a)) return formatYuan(f->fen);
    if (auto s = std::get_if<IStr>(&a)) return s->str();
    const auto& t2 = std::get<IText2>(a);
    return lang == Lang::Zh ? t2.zh().str() : t2.en().str();
}

// "{N+}" and "{N*}": the arguments from N on as a sum or a weighted sum.
std::string formatList(const WhyArgs& args, size_t from, char kind, Lang lang) {
    std::string out;
    const size_t step = kind == '*' ? 2 : 1;
    for (size_t i = from; i + step <= args.size(); i += step) {
        if (i > from) out += " + ";
        out += formatArg(args[i], lang);
        if (kind == '*') out += " × " + formatArg(args[i + 1], lang);
    }
    return out;
}
} // namespace

std::string Why::format(Lang lang) const {
    if (!msg) return {};
    const char* t = lang == Lang::Zh ? msg->zh : msg->en;
    std::string out;
    for (const char* p = t; *p; ++p) {
        if (*p == '{' && p[1] >= '0' && p[1] <= '9') {
            char* end = nullptr;
            long idx = std::strtol(p + 1, &end, 10);
            if (idx >= 0 && size_t(idx) < args.size()) {
                if (*end == '}') {
                    out += formatArg(args[size_t(idx)], lang);
                    p = end;
                    continue;
                }
                if ((*end == '+' || *end == '*') && end[1] == '}') {
                    out += formatList(args, size_t(idx), *end, lang);
                    p = end + 1;
                    continue;
                }
            }
        }
        out += *p;
    }
    return out;
}

} // namespace kefu::core
