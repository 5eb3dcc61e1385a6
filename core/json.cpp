#include "json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace kefu::core {

Json Json::boolean(bool b) { Json j; j.m_type = Type::Bool; j.m_bool = b; return j; }
Json Json::number(double d) { Json j; j.m_type = Type::Number; j.m_number = d; return j; }
Json Json::string(std::string s) { Json j; j.m_type = Type::String; j.m_string = std::move(s); return j; }
Json Json::array() { Json j; j.m_type = Type::Array; return j; }
Json Json::object() { Json j; j.m_type = Type::Object; return j; }

const Json* Json::find(std::string_view key) const {
    if (m_type != Type::Object) return nullptr;
    for (const auto& [k, v] : m_members)
        if (k == key) return &v;
    return nullptr;
}
Json* Json::find(std::string_view key) { return const_cast<Json*>(std::as_const(*this).find(key)); }

Json& Json::set(std::string key, Json value) {
    if (Json* existing = find(key)) return *existing = std::move(value);
    m_members.emplace_back(std::move(key), std::move(value));
    return m_members.back().second;
}

Json& Json::push(Json value) {
    m_items.push_back(std::move(value));
    return m_items.back();
}

namespace {

// Builds the tree from SAX events; the stream position gives each value's line and column.
class TreeBuilder {
public:
    explicit TreeBuilder(std::string_view text) : m_text(text) {}
    size_t pos = 0; // updated by the caller's stream before each event
    Json root;
    bool Null() { return add(Json::null()); }
    bool Bool(bool b) { return add(Json::boolean(b)); }
    bool Int(int i) { return add(Json::number(i)); }
    bool Uint(unsigned u) { return add(Json::number(u)); }
    bool Int64(int64_t i) { return add(Json::number(double(i))); }
    bool Uint64(uint64_t u) { return add(Json::number(double(u))); }
    bool Double(double d) { return add(Json::number(d)); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
    bool String(const char* s, rapidjson::SizeType n, bool) { return add(Json::string(std::string(s, n))); }
    bool StartObject() { return open(Json::object()); }
    bool Key(const char* s, rapidjson::SizeType n, bool) { m_key.assign(s, n); m_haveKey = true; return true; }
    bool EndObject(rapidjson::SizeType) { m_stack.pop_back(); return true; }
    bool StartArray() { return open(Json::array()); }
    bool EndArray(rapidjson::SizeType) { m_stack.pop_back(); return true; }

    // Values arrive in text order, so the scan continues from the last position (linear, not
    // quadratic, for large files); an earlier offset starts over.
    void locate(size_t offset, uint32_t& line, uint32_t& col) const {
        if (offset < m_locOffset) { m_locOffset = 0; m_locLine = 1; m_locCol = 1; }
        size_t i = m_locOffset;
        for (; i < offset && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') { ++m_locLine; m_locCol = 1; }
            else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++m_locCol; // count characters
        }
        m_locOffset = i;
        line = m_locLine; col = m_locCol;
    }

private:
    Json* place(Json v) {
        uint32_t line, col;
        locate(m_valueStart, line, col);
        v.line = line; v.column = col;
        if (m_stack.empty()) { root = std::move(v); return &root; }
        Json* parent = m_stack.back();
        if (parent->isArray()) return &parent->push(std::move(v));
        m_haveKey = false;
        parent->members().emplace_back(m_key, std::move(v));
        return &parent->members().back().second;
    }
    bool add(Json v) { place(std::move(v)); return true; }
    bool open(Json v) { m_stack.push_back(place(std::move(v))); return true; }

    std::string_view m_text;
    mutable size_t m_locOffset = 0;
    mutable uint32_t m_locLine = 1, m_locCol = 1;
    std::vector<Json*> m_stack;
    std::string m_key;
    bool m_haveKey = false;

public:
    size_t m_valueStart = 0;
};

// A rapidjson input stream that tells the builder where each token starts.
struct TrackingStream {
    using Ch = char;
    const char* begin; const char* cur; const char* end; TreeBuilder* builder;
    Ch Peek() const { return cur < end ? *cur : '\0'; }
    Ch Take() { return cur < end ? *cur++ : '\0'; }
    size_t Tell() const { return size_t(cur - begin); }
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    size_t PutEnd(Ch*) { return 0; }
};

// rapidjson's messages in Chinese (its en.h suggests a copy of GetParseError_En for this).
const char* parseErrorZh(rapidjson::ParseErrorCode code) {
    switch (code) {
    case rapidjson::kParseErrorDocumentEmpty: return "JSON 内容是空的";
    case rapidjson::kParseErrorDocumentRootNotSingular: return "JSON 值后面还有其他值";
    case rapidjson::kParseErrorValueInvalid: return "无效的值";
    case rapidjson::kParseErrorObjectMissName: return "对象成员缺少名称";
    case rapidjson::kParseErrorObjectMissColon: return "对象成员名称后缺少冒号";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket: return "对象成员后缺少逗号或“}”";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket: return "数组元素后缺少逗号或“]”";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex: return "字符串里 \\u 转义后的十六进制数字不对";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid: return "字符串里的代理对无效";
    case rapidjson::kParseErrorStringEscapeInvalid: return "字符串里的转义字符无效";
    case rapidjson::kParseErrorStringMissQuotationMark: return "字符串缺少结束的引号";
    case rapidjson::kParseErrorStringInvalidEncoding: return "字符串编码无效";
    case rapidjson::kParseErrorNumberTooBig: return "数字太大";
    case rapidjson::kParseErrorNumberMissFraction: return "数字缺少小数部分";
    case rapidjson::kParseErrorNumberMissExponent: return "数字缺少指数部分";
    default: return "语法错误";
    }
}

// "line 3, column 7: ..." in both languages.
Error errorAt(uint32_t line, uint32_t col, const std::string& en, const std::string& zh) {
    const std::string l = std::to_string(line), c = std::to_string(col);
    return {"line " + l + ", column " + c + ": " + en, "第 " + l + " 行第 " + c + " 列：" + zh};
}

} // namespace

Expected<Json> parseJson(std::string_view text) {
    // Skip a UTF-8 byte order mark.
    size_t skip = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    TreeBuilder builder(text);
    // rapidjson reports values after reading them; record each token start by scanning
    // whitespace ourselves through a wrapper handler is overkill, so we locate values
    // at the position the reader had reached when the previous event fired, advanced past
    // separators and whitespace.
    struct Handler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
        TreeBuilder* b; TrackingStream* s; std::string_view text;
        void mark() {
            size_t p = b->pos;
            while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r' ||
                                       text[p] == ',' || text[p] == ':' || text[p] == '[' || text[p] == '{'))
                ++p;
            b->m_valueStart = p;
        }
        void after() { b->pos = s->Tell(); }
        bool Null() { mark(); bool r = b->Null(); after(); return r; }
        bool Bool(bool v) { mark(); bool r = b->Bool(v); after(); return r; }
        bool Int(int v) { mark(); bool r = b->Int(v); after(); return r; }
        bool Uint(unsigned v) { mark(); bool r = b->Uint(v); after(); return r; }
        bool Int64(int64_t v) { mark(); bool r = b->Int64(v); after(); return r; }
        bool Uint64(uint64_t v) { mark(); bool r = b->Uint64(v); after(); return r; }
        bool Double(double v) { mark(); bool r = b->Double(v); after(); return r; }
        bool String(const char* v, rapidjson::SizeType n, bool c) { mark(); bool r = b->String(v, n, c); after(); return r; }
        bool StartObject() { b->m_valueStart = s->Tell() - 1; bool r = b->StartObject(); after(); return r; }
        bool Key(const char* v, rapidjson::SizeType n, bool c) { bool r = b->Key(v, n, c); after(); return r; }
        bool EndObject(rapidjson::SizeType n) { bool r = b->EndObject(n); after(); return r; }
        bool StartArray() { b->m_valueStart = s->Tell() - 1; bool r = b->StartArray(); after(); return r; }
        bool EndArray(rapidjson::SizeType n) { bool r = b->EndArray(n); after(); return r; }
    };
    TrackingStream stream{text.data(), text.data() + skip, text.data() + text.size(), &builder};
    builder.pos = skip;
    Handler h;
    h.b = &builder; h.s = &stream; h.text = text;
    rapidjson::Reader reader;
    rapidjson::ParseResult r = reader.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseNanAndInfFlag>(stream, h);
    if (!r) {
        uint32_t line, col;
        builder.locate(r.Offset(), line, col);
        return errorAt(line, col, rapidjson::GetParseError_En(r.Code()), parseErrorZh(r.Code()));
    }
    // Only whitespace may follow the value.
    for (size_t p = stream.Tell(); p < text.size(); ++p) {
        char c = text[p];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            uint32_t line, col;
            builder.locate(p, line, col);
            return errorAt(line, col, "unexpected text after the JSON value", "JSON 值后面有多余的内容");
        }
    }
    return std::move(builder.root);
}

std::string formatNumber(double d) {
    if (std::isnan(d) || std::isinf(d)) return "null";
    if (d == 0) return "0";
    if (std::fabs(d) < 1e15 && d == std::floor(d)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", d);
        return buf;
    }
    char buf[40];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    return buf;
}

namespace {
void writeString(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

void writeValue(std::string& out, const Json& v, int indent, int depth) {
    auto newline = [&](int d) {
        if (indent < 0) return;
        out += '\n';
        out.append(size_t(indent * d), ' ');
    };
    switch (v.type()) {
    case Json::Type::Null: out += "null"; break;
    case Json::Type::Bool: out += v.asBool() ? "true" : "false"; break;
    case Json::Type::Number: out += formatNumber(v.asNumber()); break;
    case Json::Type::String: writeString(out, v.asString()); break;
    case Json::Type::Array:
        out += '[';
        for (size_t i = 0; i < v.items().size(); ++i) {
            if (i) out += ',';
            newline(depth + 1);
            writeValue(out, v.items()[i], indent, depth + 1);
        }
        if (!v.items().empty()) newline(depth);
        out += ']';
        break;
    case Json::Type::Object:
        out += '{';
        for (size_t i = 0; i < v.members().size(); ++i) {
            if (i) out += ',';
            newline(depth + 1);
            writeString(out, v.members()[i].first);
            out += indent < 0 ? ":" : ": ";
            writeValue(out, v.members()[i].second, indent, depth + 1);
        }
        if (!v.members().empty()) newline(depth);
        out += '}';
        break;
    }
}
} // namespace

std::string writeJson(const Json& value, int indent) {
    std::string out;
    writeValue(out, value, indent, 0);
    return out;
}

} // namespace kefu::core
