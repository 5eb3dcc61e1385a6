// Reading ZIP archives (the container of .xlsx files): the central directory, stored and
// deflated entries. Inflate is implemented here (RFC 1951), so the same code runs in wasm
// without zlib. Sizes are bounded before allocation; damaged archives give errors, not crashes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"

namespace kefu::core {

struct ZipEntry {
    std::string name;
    uint16_t method = 0; // 0 stored, 8 deflate
    uint64_t compressedSize = 0, size = 0;
    uint64_t localHeaderOffset = 0;
};

class ZipReader {
public:
    static Expected<ZipReader> open(std::string_view bytes);
    const std::vector<ZipEntry>& entries() const { return m_entries; }
    const ZipEntry* find(std::string_view name) const;
    // The uncompressed bytes of an entry (at most `maxSize`).
    Expected<std::string> read(const ZipEntry& e, uint64_t maxSize = 256u << 20) const;

private:
    std::string_view m_bytes;
    std::vector<ZipEntry> m_entries;
};

// Raw DEFLATE stream to bytes; refuses output beyond `maxSize`.
Expected<std::string> inflate(std::string_view deflated, uint64_t expectedSize, uint64_t maxSize);

} // namespace kefu::core
