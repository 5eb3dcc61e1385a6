// Which of a list of phrases occur in a text (exact UTF-8 substrings), in one pass over the text:
// the chat-log reader checks every human agent message against the forbidden, greeting and
// closing phrases. A 65,536-bit filter keyed by the first three bytes of each phrase (one CJK
// character) skips almost every position; the phrases starting at a position that passes are
// compared whole. Phrases shorter than three bytes are searched for one by one.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::core {

class PhraseMatcher {
public:
    PhraseMatcher() = default;
    explicit PhraseMatcher(std::vector<std::string> phrases);

    size_t size() const { return m_phrases.size(); }
    // found[k] becomes 1 when phrase k occurs in text, else 0 (found is resized to size()).
    // An empty phrase occurs in every text.
    void match(std::string_view text, std::vector<uint8_t>& found) const;

private:
    static uint32_t key3(const unsigned char* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16; }
    static uint32_t bit(uint32_t key) { return (key * 0x9E3779B1u) >> 16; }

    std::vector<std::string> m_phrases;
    std::vector<uint32_t> m_short;                      // phrases under 3 bytes
    std::vector<std::pair<uint32_t, uint32_t>> m_long;  // (first three bytes, phrase), sorted
    std::vector<uint64_t> m_filter;                     // bit(key) of every long phrase
};

} // namespace kefu::core
