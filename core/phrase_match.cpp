#include "phrase_match.h"

#include "byte_scan.h"

#include <algorithm>
#include <cstring>

namespace kefu::core {

PhraseMatcher::PhraseMatcher(std::vector<std::string> phrases) : m_phrases(std::move(phrases)), m_filter(1024, 0) {
    for (uint32_t k = 0; k < m_phrases.size(); ++k) {
        const std::string& p = m_phrases[k];
        if (p.size() < 3) {
            m_short.push_back(k);
            continue;
        }
        const uint32_t key = key3(reinterpret_cast<const unsigned char*>(p.data()));
        m_long.emplace_back(key, k);
        m_filter[bit(key) >> 6] |= uint64_t(1) << (bit(key) & 63);
    }
    std::sort(m_long.begin(), m_long.end());
}

void PhraseMatcher::match(std::string_view text, std::vector<uint8_t>& found) const {
    found.assign(m_phrases.size(), 0);
    for (uint32_t k : m_short) found[k] = text.find(m_phrases[k]) != std::string_view::npos;
    if (m_long.empty() || text.size() < 3) return;
    const auto* t = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    for (size_t i = 0; i + 3 <= n; ++i) {
        const uint32_t key = key3(t + i);
        const uint32_t b = bit(key);
        if (!(m_filter[b >> 6] >> (b & 63) & 1)) continue;
        auto it = std::lower_bound(m_long.begin(), m_long.end(), std::make_pair(key, uint32_t(0)));
        for (; it != m_long.end() && it->first == key; ++it) {
            const std::string& p = m_phrases[it->second];
            if (!found[it->second] && p.size() <= n - i && scan::equalBytes(reinterpret_cast<const char*>(t + i), p.data(), p.size())) found[it->second] = 1;
        }
    }
}

} // namespace kefu::core
