#include "explain.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

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

Text2 metricLabel(const std::string& metricId) {
    if (const MetricDef* d = Catalog::builtin().find(metricId)) return {d->zh, d->en};
    return {metricId, metricId};
}

std::string Why::format(Lang lang) const {
    if (!msg) return {};
    const char* t = lang == Lang::Zh ? msg->zh : msg->en;
    std::string out;
    for (const char* p = t; *p; ++p) {
        if (*p == '{' && p[1] >= '0' && p[1] <= '9') {
            char* end = nullptr;
            long idx = std::strtol(p + 1, &end, 10);
            if (*end == '}' && idx >= 0 && size_t(idx) < args.size()) {
                const WhyArg& a = args[size_t(idx)];
                if (auto d = std::get_if<double>(&a)) out += formatValue(*d);
                else if (auto f = std::get_if<Fen>(&a)) out += formatYuan(f->fen);
                else if (auto s = std::get_if<std::string>(&a)) out += *s;
                else if (auto t2 = std::get_if<Text2>(&a)) out += lang == Lang::Zh ? t2->zh : t2->en;
                p = end;
                continue;
            }
        }
        out += *p;
    }
    return out;
}

} // namespace kefu::core
