// String interning for large logs: names (sessions, agents, buyers) become dense uint32 ids in
// order of first appearance. All names live in one arena string, so interning allocates only when
// the arena or the table grows, never per name.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::core {

class Interner {
public:
    static constexpr uint32_t kNone = UINT32_MAX;

    // The id of s, added when new. kNone when the arena would exceed 4 GB.
    uint32_t intern(std::string_view s);
    // intern() in two steps for a caller with other work in between: prefetch() starts loading the
    // table slot s will probe (a large table's slots are rarely in a cache) and returns what
    // intern(s, ticket) needs; nothing may be interned into this table in between.
    struct Ticket {
        uint32_t hash = 0;
        bool last = false; // s is the name interned last
    };
    Ticket prefetch(std::string_view s) const;
    uint32_t intern(std::string_view s, Ticket t);
    uint32_t find(std::string_view s); // kNone when absent
    std::string_view name(uint32_t id) const {
        return std::string_view(m_arena).substr(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }
    uint32_t size() const { return uint32_t(m_offsets.size() - 1); }
    size_t memoryBytes() const;
    // Frees the lookup table when no more names will come (the names stay); a later intern() or
    // find() builds it again.
    void dropIndex() { std::vector<uint64_t>().swap(m_slots); }
    // Sizes the lookup table for n names, so that interning up to n names never rehashes.
    void reserve(size_t n);

private:
    size_t lookup(std::string_view s, uint32_t h) const; // slot index
    void grow(size_t minNames = 0);

    std::string m_arena;
    std::vector<uint32_t> m_offsets{0};
    // hash << 32 | (id + 1), 0 = empty; a power of two in size. One load per probe: the name
    // itself is compared only when the hashes agree.
    std::vector<uint64_t> m_slots;
    uint32_t m_lastId = kNone; // rows of one session repeat their names
};

uint64_t hashBytes(std::string_view s);

} // namespace kefu::core
