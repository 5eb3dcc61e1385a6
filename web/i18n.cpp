#include "i18n.h"

#include <map>

#include "json.h"

#include "i18n.inc" // kEmbeddedFiles: {"en", ...}, {"zh", ...} from assets/i18n/*.json

namespace kefu::web {

namespace {
using Table = std::map<std::string, std::string, std::less<>>;

struct Tables {
    Table zh, en;
};

Table parseTable(std::string_view name) {
    Table t;
    for (const auto& f : kEmbeddedFiles) {
        if (name != f.name) continue;
        auto j = core::parseJson(std::string_view(f.data, f.size));
        if (!j || !j->isObject()) return t;
        for (const auto& [k, v] : j->members())
            if (v.isString()) t[k] = v.asString();
    }
    return t;
}

const Tables& tables() {
    static const Tables t{parseTable("zh"), parseTable("en")};
    return t;
}

core::Lang g_lang = core::Lang::Zh;
} // namespace

void setUiLanguage(core::Lang lang) { g_lang = lang; }
core::Lang uiLanguage() { return g_lang; }

const std::string& tr(std::string_view key) {
    const Table& t = g_lang == core::Lang::Zh ? tables().zh : tables().en;
    if (auto it = t.find(key); it != t.end()) return it->second;
    static Table missing; // keys shown as themselves; stable references
    return missing.try_emplace(std::string(key), std::string(key)).first->second;
}

bool hasTr(std::string_view key) {
    const Table& t = g_lang == core::Lang::Zh ? tables().zh : tables().en;
    return t.find(key) != t.end();
}

std::string trf(std::string_view key, const std::vector<std::string>& args) {
    const std::string& pattern = tr(key);
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            size_t n = size_t(pattern[i + 1] - '0');
            if (n < args.size()) out += args[n];
            i += 2;
            continue;
        }
        out += pattern[i];
    }
    return out;
}

std::vector<std::string> allTranslations() {
    std::vector<std::string> all;
    for (const Table* t : {&tables().zh, &tables().en})
        for (const auto& [k, v] : *t) all.push_back(v);
    return all;
}

} // namespace kefu::web
