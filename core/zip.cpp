#include "zip.h"

#include <array>

namespace kefu::core {

namespace {
uint64_t le(std::string_view b, size_t at, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + size_t(i)]);
    return v;
}

class BitReader {
public:
    explicit BitReader(std::string_view s) : m_s(s) {}
    // Returns -1 past the end.
    int bits(int n) {
        while (m_count < n) {
            if (m_pos >= m_s.size()) return -1;
            m_buf |= uint32_t(static_cast<unsigned char>(m_s[m_pos++])) << m_count;
            m_count += 8;
        }
        int v = int(m_buf & ((1u << n) - 1));
        m_buf >>= n;
        m_count -= n;
        return v;
    }
    void alignToByte() { m_buf = 0; m_count = 0; }
    size_t pos() const { return m_pos; }
    void skip(size_t n) { m_pos += n; }
    std::string_view rest() const { return m_s.substr(m_pos); }

private:
    std::string_view m_s;
    size_t m_pos = 0;
    uint32_t m_buf = 0;
    int m_count = 0;
};

// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    std::array<uint16_t, 16> count{};
    std::array<uint16_t, 320> symbol{};
    bool build(const uint8_t* lengths, int n) {
        count.fill(0);
        for (int i = 0; i < n; ++i) ++count[lengths[i]];
        count[0] = 0;
        int left = 1;
        for (int len = 1; len < 16; ++len) {
            left = left * 2 - count[size_t(len)];
            if (left < 0) return false; // over-subscribed
        }
        std::array<uint16_t, 16> offs{};
        for (int len = 1; len < 15; ++len) offs[size_t(len) + 1] = uint16_t(offs[size_t(len)] + count[size_t(len)]);
        for (int i = 0; i < n; ++i)
            if (lengths[i]) symbol[offs[lengths[i]]++] = uint16_t(i);
        return true;
    }
    int decode(BitReader& in) const {
        int code = 0, first = 0, index = 0;
        for (int len = 1; len < 16; ++len) {
            int b = in.bits(1);
            if (b < 0) return -1;
            code |= b;
            int c = count[size_t(len)];
            if (code - c < first) return symbol[size_t(index + (code - first))];
            index += c;
            first = (first + c) << 1;
            code <<= 1;
        }
        return -1;
    }
};

const uint16_t kLenBase[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
const uint8_t kLenExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
const uint16_t kDistBase[] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
const uint8_t kDistExtra[] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

Expected<bool> inflateBlock(BitReader& in, std::string& out, const Huffman& lit, const Huffman& dist, uint64_t maxSize) {
    while (true) {
        int sym = lit.decode(in);
        if (sym < 0) return Error{"damaged compressed data"};
        if (sym < 256) {
            if (out.size() >= maxSize) return Error{"an entry is larger than allowed"};
            out += char(sym);
            continue;
        }
        if (sym == 256) return true;
        sym -= 257;
        if (sym >= 29) return Error{"damaged compressed data (length code)"};
        int extra = in.bits(kLenExtra[sym]);
        int d = dist.decode(in);
        if (extra < 0 || d < 0 || d >= 30) return Error{"damaged compressed data (distance code)"};
        int dextra = in.bits(kDistExtra[d]);
        if (dextra < 0) return Error{"damaged compressed data"};
        size_t len = size_t(kLenBase[sym] + extra), distance = size_t(kDistBase[d] + dextra);
        if (distance > out.size()) return Error{"damaged compressed data (distance too far)"};
        if (out.size() + len > maxSize) return Error{"an entry is larger than allowed"};
        for (size_t i = 0; i < len; ++i) out += out[out.size() - distance];
    }
}

Expected<bool> dynamicTables(BitReader& in, Huffman& lit, Huffman& dist) {
    int nlen = in.bits(5), ndist = in.bits(5), ncode = in.bits(4);
    if (nlen < 0 || ndist < 0 || ncode < 0) return Error{"damaged compressed data"};
    nlen += 257; ndist += 1; ncode += 4;
    if (nlen > 286 || ndist > 30) return Error{"damaged compressed data (table sizes)"};
    static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    uint8_t lengths[320] = {};
    for (int i = 0; i < ncode; ++i) {
        int b = in.bits(3);
        if (b < 0) return Error{"damaged compressed data"};
        lengths[order[i]] = uint8_t(b);
    }
    Huffman lencode;
    if (!lencode.build(lengths, 19)) return Error{"damaged compressed data (code lengths)"};
    int index = 0;
    while (index < nlen + ndist) {
        int sym = lencode.decode(in);
        if (sym < 0) return Error{"damaged compressed data"};
        if (sym < 16) { lengths[index++] = uint8_t(sym); continue; }
        int repeat = 0, value = 0;
        if (sym == 16) {
            if (index == 0) return Error{"damaged compressed data (repeat)"};
            value = lengths[index - 1];
            repeat = 3 + in.bits(2);
        } else if (sym == 17) repeat = 3 + in.bits(3);
        else repeat = 11 + in.bits(7);
        if (repeat < 3 || index + repeat > nlen + ndist) return Error{"damaged compressed data (repeat)"};
        while (repeat--) lengths[index++] = uint8_t(value);
    }
    if (!lit.build(lengths, nlen) || !dist.build(lengths + nlen, ndist)) return Error{"damaged compressed data (tables)"};
    return true;
}

void fixedTables(Huffman& lit, Huffman& dist) {
    uint8_t l[288];
    for (int i = 0; i < 144; ++i) l[i] = 8;
    for (int i = 144; i < 256; ++i) l[i] = 9;
    for (int i = 256; i < 280; ++i) l[i] = 7;
    for (int i = 280; i < 288; ++i) l[i] = 8;
    lit.build(l, 288);
    uint8_t d[30];
    for (auto& x : d) x = 5;
    dist.build(d, 30);
}
} // namespace

Expected<std::string> inflate(std::string_view deflated, uint64_t expectedSize, uint64_t maxSize) {
    std::string out;
    out.reserve(size_t(std::min(expectedSize, maxSize)));
    BitReader in(deflated);
    int last = 0;
    while (!last) {
        last = in.bits(1);
        int type = in.bits(2);
        if (last < 0 || type < 0) return Error{"damaged compressed data (ends early)"};
        if (type == 0) {
            in.alignToByte();
            std::string_view rest = in.rest();
            if (rest.size() < 4) return Error{"damaged compressed data"};
            size_t len = size_t(le(rest, 0, 2));
            if ((len ^ 0xFFFF) != le(rest, 2, 2) || rest.size() < 4 + len) return Error{"damaged stored block"};
            if (out.size() + len > maxSize) return Error{"an entry is larger than allowed"};
            out.append(rest.substr(4, len));
            in.skip(4 + len);
            continue;
        }
        if (type == 3) return Error{"damaged compressed data (block type)"};
        Huffman lit, dist;
        if (type == 1) fixedTables(lit, dist);
        else if (auto ok = dynamicTables(in, lit, dist); !ok) return Error{ok.error()};
        if (auto ok = inflateBlock(in, out, lit, dist, maxSize); !ok) return Error{ok.error()};
    }
    return out;
}

Expected<ZipReader> ZipReader::open(std::string_view b) {
    if (b.size() < 22) return Error{"not a ZIP archive (too short)"};
    size_t eocd = std::string_view::npos;
    size_t stop = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
    for (size_t i = b.size() - 22 + 1; i-- > stop;)
        if (le(b, i, 4) == 0x06054b50) { eocd = i; break; }
    if (eocd == std::string_view::npos) return Error{"not a ZIP archive (no end record)"};
    uint64_t count = le(b, eocd + 10, 2), cdSize = le(b, eocd + 12, 4), cdOffset = le(b, eocd + 16, 4);
    if (cdOffset + cdSize > eocd) return Error{"damaged ZIP archive (central directory)"};
    ZipReader z;
    z.m_bytes = b;
    size_t p = size_t(cdOffset);
    for (uint64_t i = 0; i < count; ++i) {
        if (p + 46 > b.size() || le(b, p, 4) != 0x02014b50) return Error{"damaged ZIP archive (entry " + std::to_string(i) + ")"};
        ZipEntry e;
        e.method = uint16_t(le(b, p + 10, 2));
        e.compressedSize = le(b, p + 20, 4);
        e.size = le(b, p + 24, 4);
        size_t nameLen = size_t(le(b, p + 28, 2)), extraLen = size_t(le(b, p + 30, 2)), commentLen = size_t(le(b, p + 32, 2));
        e.localHeaderOffset = le(b, p + 42, 4);
        if (p + 46 + nameLen > b.size()) return Error{"damaged ZIP archive (name)"};
        e.name = std::string(b.substr(p + 46, nameLen));
        z.m_entries.push_back(std::move(e));
        p += 46 + nameLen + extraLen + commentLen;
    }
    return z;
}

const ZipEntry* ZipReader::find(std::string_view name) const {
    for (const auto& e : m_entries)
        if (e.name == name) return &e;
    return nullptr;
}

Expected<std::string> ZipReader::read(const ZipEntry& e, uint64_t maxSize) const {
    const auto& b = m_bytes;
    size_t h = size_t(e.localHeaderOffset);
    if (h + 30 > b.size() || le(b, h, 4) != 0x04034b50) return Error{e.name + ": damaged ZIP entry header"};
    size_t data = h + 30 + size_t(le(b, h + 26, 2)) + size_t(le(b, h + 28, 2));
    if (data > b.size() || e.compressedSize > b.size() - data) return Error{e.name + ": the entry runs past the end of the file"};
    if (e.size > maxSize) return Error{e.name + ": the entry is larger than allowed"};
    std::string_view raw = b.substr(data, size_t(e.compressedSize));
    if (e.method == 0) return std::string(raw);
    if (e.method != 8) return Error{e.name + ": unsupported compression method " + std::to_string(e.method)};
    auto out = inflate(raw, e.size, maxSize);
    if (!out) return Error{e.name + ": " + out.error()};
    return out;
}

} // namespace kefu::core
