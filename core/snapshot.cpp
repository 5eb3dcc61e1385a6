#include "snapshot.h"

#include <array>
#include <cstring>

#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "snapshot_archive.h"

namespace kefu::core {

// Field order is the format: changing it needs a new format version and a migration.
template <class A> void serialize(A& ar, Date& d) { ar(d.year, d.month, d.day); }
template <class A> void serialize(A& ar, Month& m) { ar(m.year, m.month); }
template <class A> void serialize(A& ar, Stamp& s) { ar(s.at, s.author, s.ancestry); }
template <class A> void serialize(A& ar, NicknameBinding& n) { ar(n.platform, n.account); }
template <class A> void serialize(A& ar, AgentChange& c) { ar(c.date, c.field, c.value); }
template <class A> void serialize(A& ar, AgentRecord& a) {
    uint8_t status = uint8_t(a.status);
    ar(a.id, a.name, a.group, status, a.hireDate, a.regularSince, a.level, a.nicknames, a.changes, a.active, a.stamp);
    if (status > uint8_t(Status::Probation)) throw cereal::Exception("unknown status " + std::to_string(status));
    a.status = Status(status);
}
template <class A> void serialize(A& ar, Provenance& p) {
    uint8_t origin = uint8_t(p.origin);
    ar(origin, p.file, p.sheet, p.row);
    if (origin > uint8_t(Origin::Appeal)) throw cereal::Exception("unknown provenance " + std::to_string(origin));
    p.origin = Origin(origin);
}
template <class A> void serialize(A& ar, MetricCell& c) { ar(c.agentId, c.metric, c.value, c.provenance, c.stamp); }
template <class A> void serialize(A& ar, EventRecord& e) {
    ar(e.id, e.agentId, e.date, e.kind, e.count, e.points, e.note, e.deleted, e.stamp);
}
template <class A> void serialize(A& ar, LogEntry& l) { ar(l.at, l.author, l.action, l.detail); }
template <class A> void serialize(A& ar, PeriodRecord& p) {
    ar(p.month, p.cells, p.events, p.closed, p.frozenScheme, p.frozenResults, p.frozenCells, p.closings, p.stamp);
}
template <class A> void serialize(A& ar, SchemeRecord& s) { ar(s.id, s.json, s.stamp); }
template <class A> void serialize(A& ar, CustomMetricRecord& m) {
    ar(m.id, m.zh, m.en, m.unit, m.direction, m.definitionZh, m.definitionEn, m.formula, m.stamp);
}
template <class A> void serialize(A& ar, Shop& s) {
    ar(s.id, s.name, s.managerName, s.activeSchemeId, s.agents, s.periods, s.schemes, s.customMetrics, s.audit, s.stamp);
}
template <class A> void serialize(A& ar, FundEntry& e) { ar(e.id, e.date, e.amountFen, e.note); }
template <class A> void serialize(A& ar, FundRecord& f) { ar(f.entry, f.deleted, f.stamp); }
// Format 2 appends what format 1 did not have, after the format 1 fields.
struct ShopV2 {
    Shop& s;
    template <class A> void serialize(A& ar) { ar(s.groups, s.settings, s.fund); }
};

template <class A> void serialize(A& ar, Appeal& x) {
    uint8_t status = uint8_t(x.status);
    ar(x.id, x.agent, x.metric, x.field, x.eventDate, x.eventKind, x.eventNote, x.current, x.requested, x.reason,
       x.filedBy, x.filedAt, status, x.decidedValue, x.decisionReason, x.decidedBy, x.decidedAt);
    if (status > uint8_t(AppealStatus::Rejected)) throw cereal::Exception("unknown appeal status " + std::to_string(status));
    x.status = AppealStatus(status);
}
template <class A> void serialize(A& ar, AppealRecord& r) { ar(r.appeal, r.stamp); }
// Format 3 appends each period's appeals, in the order of the periods.
struct ShopV3 {
    Shop& s;
    template <class A> void serialize(A& ar) {
        for (auto& p : s.periods) ar(p.appeals);
    }
};

namespace {
const char kMagic[8] = {'K', 'E', 'F', 'U', 'S', 'N', 'A', 'P'};

// Slicing-by-8 CRC-32 (IEEE 802.3, reflected 0xEDB88320).
const std::array<std::array<uint32_t, 256>, 8>& crcTables() {
    static const auto tables = [] {
        std::array<std::array<uint32_t, 256>, 8> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[0][i] = c;
        }
        for (uint32_t i = 0; i < 256; ++i)
            for (int s = 1; s < 8; ++s) t[size_t(s)][i] = (t[size_t(s) - 1][i] >> 8) ^ t[0][t[size_t(s) - 1][i] & 0xFF];
        return t;
    }();
    return tables;
}

void putU32(std::string& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out += char((v >> (8 * i)) & 0xFF);
}
void putU64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out += char((v >> (8 * i)) & 0xFF);
}
uint64_t getLE(std::string_view b, size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + size_t(i)]);
    return v;
}

// Format 1 is format 2 without its appended fields, format 2 format 3 without the appeals (they stay empty).
Expected<Shop> decode(std::string_view payload, uint32_t version) {
    Shop shop;
    try {
        SnapReader reader(payload.data(), payload.size());
        reader(shop);
        if (version >= 2) {
            ShopV2 extra{shop};
            reader(extra);
        }
        if (version >= 3) {
            ShopV3 appeals{shop};
            reader(appeals);
        }
        if (reader.remaining() != 0)
            return Error{"the payload has " + std::to_string(reader.remaining()) + " unread bytes"};
    } catch (const std::exception& e) { // cereal::Exception, std::bad_alloc: the only catch in core/
        return Error{std::string("the payload is malformed: ") + e.what()};
    }
    return shop;
}
} // namespace

uint32_t crc32(std::string_view data, uint32_t crc) {
    const auto& t = crcTables();
    crc = ~crc;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
    size_t n = data.size();
    while (n >= 8) {
        uint32_t lo = crc ^ (uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24);
        crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^ t[3][p[4]] ^
              t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
        p += 8;
        n -= 8;
    }
    while (n--) crc = t[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

std::string encodeSnapshot(const Shop& shop, uint32_t version) {
    std::string payload;
    {
        SnapWriter writer(payload);
        Shop& s = const_cast<Shop&>(shop); // serialize() is shared with loading; saving does not modify
        writer(s);
        ShopV2 extra{s};
        if (version >= 2) writer(extra);
        ShopV3 appeals{s};
        if (version >= 3) writer(appeals);
    }
    std::string out;
    out.reserve(kSnapshotHeaderSize + payload.size());
    out.append(kMagic, 8);
    putU32(out, version);
    putU32(out, 0);
    putU64(out, payload.size());
    putU32(out, crc32(payload));
    putU32(out, crc32(std::string_view(out.data(), 28)));
    out += payload;
    return out;
}

Expected<SnapshotInfo> readSnapshotHeader(std::string_view b) {
    if (b.size() < 8 || std::memcmp(b.data(), kMagic, 8) != 0) return Error{"not a KefuScore snapshot (wrong magic)"};
    if (b.size() < kSnapshotHeaderSize) return Error{"truncated: the header needs 32 bytes, the file has " + std::to_string(b.size())};
    if (uint32_t(getLE(b, 28, 4)) != crc32(b.substr(0, 28))) return Error{"the header checksum does not match (damaged file)"};
    SnapshotInfo info;
    info.version = uint32_t(getLE(b, 8, 4));
    info.payloadSize = getLE(b, 16, 8);
    if (info.version == 0 || info.version > kSnapshotVersion)
        return Error{"format version " + std::to_string(info.version) + " is newer than this program understands (" +
                     std::to_string(kSnapshotVersion) + "); update KefuScore"};
    if (getLE(b, 12, 4) != 0) return Error{"unknown header flags"};
    if (info.payloadSize > kSnapshotMaxPayload) return Error{"the payload size " + std::to_string(info.payloadSize) + " is too large"};
    if (b.size() - kSnapshotHeaderSize < info.payloadSize)
        return Error{"truncated: the payload should be " + std::to_string(info.payloadSize) + " bytes, the file has " +
                     std::to_string(b.size() - kSnapshotHeaderSize)};
    if (b.size() - kSnapshotHeaderSize > info.payloadSize) return Error{"the file has extra bytes after the payload"};
    return info;
}

Expected<Shop> decodeSnapshot(std::string_view bytes) {
    auto info = readSnapshotHeader(bytes);
    if (!info) return Error{info.error()};
    std::string_view payload = bytes.substr(kSnapshotHeaderSize, size_t(info->payloadSize));
    if (crc32(payload) != uint32_t(getLE(bytes, 24, 4))) return Error{"the payload checksum does not match (damaged file)"};
    switch (info->version) {
    case 1:
    case 2:
    case 3: return decode(payload, info->version);
    default: return Error{"unsupported format version " + std::to_string(info->version)};
    }
}

} // namespace kefu::core
