// Snapshot files (.kefu): a checked envelope around a cereal binary payload of a Shop.
// Layout (little-endian): "KEFUSNAP" | u32 format version | u32 flags (0) | u64 payload size |
// u32 CRC-32 of the payload | u32 CRC-32 of the 24 bytes before it | payload.
// Everything is validated before cereal sees a byte, and every length read is bounded by the
// bytes that remain, so a hostile file cannot make the decoder allocate without bound.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "expected.h"
#include "json.h"
#include "shop.h"

namespace kefu::core {

constexpr uint32_t kSnapshotVersion = 3; // 2: groups, settings and the fund ledger; 3: appeals
constexpr size_t kSnapshotHeaderSize = 32;
constexpr uint64_t kSnapshotMaxPayload = 1ull << 31; // 2 GiB

uint32_t crc32(std::string_view data, uint32_t crc = 0);

// `version` 1 (for tests of the migration) leaves out what format 2 added.
std::string encodeSnapshot(const Shop& shop, uint32_t version = kSnapshotVersion);
// Refuses (with the reason) wrong magic, future versions, truncated or oversized files, checksum
// mismatches and malformed payloads; older versions are migrated.
Expected<Shop> decodeSnapshot(std::string_view bytes);

struct SnapshotInfo {
    uint32_t version = 0;
    uint64_t payloadSize = 0;
};
Expected<SnapshotInfo> readSnapshotHeader(std::string_view bytes);

// The same data for people and scripts.
Json shopToJson(const Shop& shop);

} // namespace kefu::core
