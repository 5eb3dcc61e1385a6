#include "text.h"

#include <cstdint>

#include "gbk_table.inc"

namespace kefu::core {

const char* encodingName(Encoding e) {
    switch (e) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Utf8Bom: return "UTF-8 (BOM)";
    case Encoding::Utf16Le: return "UTF-16LE";
    case Encoding::Utf16Be: return "UTF-16BE";
    case Encoding::Gbk: return "GBK";
    }
    return "UTF-8";
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    }
}

uint32_t nextCodepoint(std::string_view s, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + size_t(len) > s.size()) { ++i; return 0xFFFD; }
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
        unsigned char cc = byte(i + size_t(k));
        if ((cc >> 6) != 2) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    static const uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
    i += size_t(len);
    return cp;
}

bool isValidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        size_t before = i;
        if (nextCodepoint(s, i) == 0xFFFD && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) return false;
    }
    return true;
}

std::string gbkToUtf8(std::string_view b) {
    std::string out;
    out.reserve(b.size() * 3 / 2);
    appendGbkAsUtf8(out, b);
    return out;
}

void appendGbkAsUtf8(std::string& out, std::string_view b) {
    for (size_t i = 0; i < b.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(b[i]);
        if (c < 0x80) { out += char(c); continue; }
        if (c == 0x80) { appendUtf8(out, 0x20AC); continue; } // CP936 euro sign
        if (c == 0xFF || i + 1 >= b.size()) { appendUtf8(out, 0xFFFD); continue; }
        unsigned char t = static_cast<unsigned char>(b[i + 1]);
        uint32_t cp = (t >= 0x40 && t <= 0xFE) ? kGbkTable[c - 0x81][t - 0x40] : 0;
        if (cp) { appendUtf8(out, cp); ++i; }
        else appendUtf8(out, 0xFFFD);
    }
}

namespace {
std::string utf16ToUtf8(std::string_view b, bool little) {
    std::string out;
    auto unit = [&](size_t k) -> uint32_t {
        unsigned char lo = static_cast<unsigned char>(b[k + (little ? 0 : 1)]);
        unsigned char hi = static_cast<unsigned char>(b[k + (little ? 1 : 0)]);
        return uint32_t(hi) << 8 | lo;
    };
    for (size_t i = 0; i + 1 < b.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
            uint32_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
                continue;
            }
        }
        appendUtf8(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
    }
    return out;
}
} // namespace

std::string decodeText(std::string_view bytes, Encoding* detected) {
    auto set = [&](Encoding e) { if (detected) *detected = e; };
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") { set(Encoding::Utf8Bom); return std::string(bytes.substr(3)); }
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") { set(Encoding::Utf16Le); return utf16ToUtf8(bytes.substr(2), true); }
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") { set(Encoding::Utf16Be); return utf16ToUtf8(bytes.substr(2), false); }
    if (isValidUtf8(bytes)) { set(Encoding::Utf8); return std::string(bytes); }
    set(Encoding::Gbk);
    return gbkToUtf8(bytes);
}

} // namespace kefu::core
