// The page's translation files (assets/i18n/<lang>.json) read as JSON objects, for the tests that
// check them and the tests that compare the core's own labels with them.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "json.h"

namespace kefu::test {

inline core::Json readI18n(const char* lang) {
    std::ifstream f(std::string(KEFU_SOURCE_DIR) + "/assets/i18n/" + lang + ".json", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    auto j = core::parseJson(ss.str());
    REQUIRE_MESSAGE(j.ok(), lang << ".json: " << (j.ok() ? "" : j.error()));
    REQUIRE(j->isObject());
    return *j;
}

} // namespace kefu::test
