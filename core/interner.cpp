#include "interner.h"

#include "byte_scan.h"

#include <algorithm>
#include <cstring>

namespace kefu::core {

namespace {
bool same(std::string_view a, std::string_view b) { return a.size() == b.size() && scan::equalBytes(a.data(), b.data(), a.size()); }
} // namespace

uint64_t hashBytes(std::string_view s) {
    // 8 bytes at a time, multiply-xorshift mixing; good enough for open addressing of short keys.
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xFF51AFD7ED558CCDull);
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    if (s.size() > i) std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 32;
    return h;
}

size_t Interner::lookup(std::string_view s, uint32_t h) const {
    const size_t mask = m_slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const uint64_t v = m_slots[i];
        if (v == 0) return i;
        if (uint32_t(v >> 32) == h && same(name(uint32_t(v) - 1), s)) return i;
    }
}

// Doubles the table (at least), moving the slots over: each slot keeps its name's hash, so no name
// is read or hashed again. After dropIndex() the table is built from the names.
void Interner::grow(size_t minNames) {
    size_t n = 64;
    while (n < (std::max<size_t>(size(), minNames) + 1) * 2) n *= 2;
    if (n < m_slots.size() * 2) n = m_slots.size() * 2;
    std::vector<uint64_t> slots(n, 0);
    const size_t mask = n - 1;
    const auto put = [&](uint64_t v) {
        size_t i = uint32_t(v >> 32) & mask;
        while (slots[i]) i = (i + 1) & mask;
        slots[i] = v;
    };
    if (m_slots.empty()) {
        for (uint32_t id = 0; id < size(); ++id) put(uint64_t(uint32_t(hashBytes(name(id)))) << 32 | (id + 1));
    } else {
        for (uint64_t v : m_slots)
            if (v) put(v);
    }
    m_slots.swap(slots);
}

void Interner::reserve(size_t n) {
    if ((n + 1) * 2 > m_slots.size()) grow(n);
}

uint32_t Interner::intern(std::string_view s) { return intern(s, prefetch(s)); }

Interner::Ticket Interner::prefetch(std::string_view s) const {
    if (m_lastId != kNone && same(name(m_lastId), s)) return {0, true};
    const uint32_t h = uint32_t(hashBytes(s));
    if (!m_slots.empty()) __builtin_prefetch(&m_slots[h & (m_slots.size() - 1)]);
    return {h, false};
}

uint32_t Interner::intern(std::string_view s, Ticket t) {
    if (t.last) return m_lastId;
    if ((size_t(size()) + 1) * 2 > m_slots.size()) grow();
    const size_t slot = lookup(s, t.hash);
    if (m_slots[slot]) return m_lastId = uint32_t(m_slots[slot]) - 1;
    if (m_arena.size() + s.size() > UINT32_MAX - 1) return kNone;
    m_arena.append(s);
    m_offsets.push_back(uint32_t(m_arena.size()));
    m_slots[slot] = uint64_t(t.hash) << 32 | size();
    return m_lastId = size() - 1;
}

uint32_t Interner::find(std::string_view s) {
    if (size() == 0) return kNone;
    if (m_slots.empty()) grow();
    const uint64_t v = m_slots[lookup(s, uint32_t(hashBytes(s)))];
    return v ? uint32_t(v) - 1 : kNone;
}

size_t Interner::memoryBytes() const {
    return m_arena.capacity() + m_offsets.capacity() * sizeof(uint32_t) + m_slots.capacity() * sizeof(uint64_t);
}

} // namespace kefu::core
