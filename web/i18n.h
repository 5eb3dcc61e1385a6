// UI translations: every label of the page comes from assets/i18n/<lang>.json (embedded at build
// time) through tr(). The language follows AppState::language, set once per frame by the app.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "explain.h"

namespace kefu::web {

void setUiLanguage(core::Lang lang);
core::Lang uiLanguage();
// The text of `key` in the current language; the key itself when missing (visible, and a
// test checks that both files have the same keys).
const std::string& tr(std::string_view key);
// Whether `key` has a text in the current language (optional labels such as flag names).
bool hasTr(std::string_view key);
// tr() with {0} {1} ... replaced by the arguments.
std::string trf(std::string_view key, const std::vector<std::string>& args);
// Every text of every language (for the glyph atlas).
std::vector<std::string> allTranslations();

} // namespace kefu::web
