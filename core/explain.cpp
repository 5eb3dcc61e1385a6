#include "explain.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>

#include "metrics.h"

namespace kefu::core {

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

IStr::IStr(std::string_view s) {
    // Keys view the owned strings, which never move; the pool lives as long as the program.
    static auto* pool = new std::unordered_map<std::string_view, std::unique_ptr<std::string>>();
    auto it = pool->find(s);
    if (it == pool->end()) {
        auto owned = std::make_unique<std::string>(s);
        std::string_view key = *owned;
        it = pool->emplace(key, std::move(owned)).first;
    }
    m_p = it->second.get();
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
