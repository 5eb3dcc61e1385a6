// A small ordered JSON tree for schemes, presets and results: parsed without exceptions
// (rapidjson's SAX reader) so a bad file yields "line L, column C: what was expected".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expected.h"

namespace kefu::core {

class Json {
public:
    enum class Type : uint8_t { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<std::string, Json>;

    Json() = default;
    static Json null() { return Json(); }
    static Json boolean(bool b);
    static Json number(double d);
    static Json string(std::string s);
    static Json array();
    static Json object();

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool asBool() const { return m_bool; }
    double asNumber() const { return m_number; }
    const std::string& asString() const { return m_string; }
    const std::vector<Json>& items() const { return m_items; }
    std::vector<Json>& items() { return m_items; }
    const std::vector<Member>& members() const { return m_members; }
    std::vector<Member>& members() { return m_members; }

    // Object access; nullptr when absent or not an object.
    const Json* find(std::string_view key) const;
    Json* find(std::string_view key);
    // Inserts or replaces (keeps the original key order).
    Json& set(std::string key, Json value);
    Json& push(Json value);

    // Where the value started in its source text (1-based; 0 when built in code).
    uint32_t line = 0, column = 0;

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    std::string m_string;
    std::vector<Json> m_items;
    std::vector<Member> m_members;
};

// Parses JSON text; the error reads "line L, column C: message".
Expected<Json> parseJson(std::string_view text);
// Compact (indent < 0) or pretty-printed output. Numbers print in the shortest exact form.
std::string writeJson(const Json& value, int indent = -1);
// Shortest decimal form of d that reads back as d; integers without ".0".
std::string formatNumber(double d);

} // namespace kefu::core
