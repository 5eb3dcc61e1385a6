// Text decoding for imported files: UTF-8 (with or without BOM), UTF-16 (BOM), else GBK.
// Always returns UTF-8; the detected encoding is reported so messages can name it.
#pragma once
#include <string>
#include <string_view>

namespace kefu::core {

enum class Encoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Gbk };
const char* encodingName(Encoding e);

bool isValidUtf8(std::string_view s);
std::string decodeText(std::string_view bytes, Encoding* detected = nullptr);
std::string gbkToUtf8(std::string_view bytes);
// Appends the GBK bytes decoded to UTF-8 (streaming readers reuse one buffer).
void appendGbkAsUtf8(std::string& out, std::string_view bytes);
void appendUtf8(std::string& out, uint32_t codepoint);
// Next code point of UTF-8 text at i (advances i); U+FFFD on malformed input.
uint32_t nextCodepoint(std::string_view s, size_t& i);

} // namespace kefu::core
