// The page's translations (assets/i18n/*.json): both languages have the same keys, no empty
// text, and the same {n} placeholders, so a language switch never shows a raw key.
#include <doctest/doctest.h>

#include <set>

#include "i18n_files.h"

using namespace kefu::core;
using kefu::test::readI18n;

namespace {
std::set<std::string> placeholders(const std::string& s) {
    std::set<std::string> out;
    for (size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1))
        if (i + 2 < s.size() && s[i + 2] == '}') out.insert(s.substr(i, 3));
    return out;
}
} // namespace

TEST_CASE("zh and en translations have the same keys and placeholders") {
    Json zh = readI18n("zh"), en = readI18n("en");
    CHECK(zh.members().size() == en.members().size());
    for (const auto& member : zh.members()) {
        const std::string& key = member.first;
        const Json& text = member.second;
        INFO("key " << key);
        const Json* other = en.find(key);
        REQUIRE(other != nullptr);
        REQUIRE(text.isString());
        REQUIRE(other->isString());
        CHECK_FALSE(text.asString().empty());
        CHECK_FALSE(other->asString().empty());
        CHECK(placeholders(text.asString()) == placeholders(other->asString()));
    }
    for (const auto& member : en.members()) {
        const std::string& key = member.first;
        CHECK_MESSAGE(zh.find(key) != nullptr, "only in en.json: " << key);
    }
}
