#include "zip_write.h"

#include <cstdint>

#include "snapshot.h" // crc32

namespace kefu::core {

namespace {
constexpr uint16_t kVersion = 20;     // 2.0: stored entries and folders
constexpr uint16_t kUtf8Names = 0x0800; // general purpose flag bit 11: names are UTF-8
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest DOS date

void put(std::string& out, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += char((v >> (8 * i)) & 0xFF);
}

// The fields that the local header and the central directory entry share, from "version needed" on.
void putCommon(std::string& out, const ZipFile& f, uint32_t crc) {
    put(out, kVersion, 2);
    put(out, kUtf8Names, 2);
    put(out, 0, 2); // method: stored
    put(out, 0, 2); // time 00:00
    put(out, kDosDate, 2);
    put(out, crc, 4);
    put(out, f.data.size(), 4); // compressed size = size
    put(out, f.data.size(), 4);
    put(out, f.name.size(), 2);
    put(out, 0, 2); // extra field length
}
} // namespace

Expected<std::string> storeZip(const std::vector<ZipFile>& files) {
    if (files.size() > 0xFFFF) return Error{"too many files for a ZIP archive"};
    std::string out, central;
    for (const auto& f : files) {
        if (f.name.size() > 0xFFFF) return Error{"a file name is too long for a ZIP archive"};
        if (f.data.size() >= 0xFFFFFFFFu || out.size() + 30 + f.name.size() + f.data.size() >= 0xFFFFFFFFu)
            return Error{"the archive would be larger than 4 GiB"};
        const uint32_t crc = crc32(f.data);
        const uint64_t offset = out.size();
        put(out, 0x04034b50, 4);
        putCommon(out, f, crc);
        out += f.name;
        out += f.data;
        put(central, 0x02014b50, 4);
        put(central, kVersion, 2); // version made by: MS-DOS attributes, 2.0
        putCommon(central, f, crc);
        put(central, 0, 2); // comment length
        put(central, 0, 2); // disk number
        put(central, 0, 2); // internal attributes
        put(central, 0, 4); // external attributes
        put(central, offset, 4);
        central += f.name;
    }
    if (out.size() + central.size() >= 0xFFFFFFFFu) return Error{"the archive would be larger than 4 GiB"};
    const uint64_t centralOffset = out.size();
    out += central;
    put(out, 0x06054b50, 4);
    put(out, 0, 2); // this disk
    put(out, 0, 2); // the disk with the central directory
    put(out, files.size(), 2);
    put(out, files.size(), 2);
    put(out, central.size(), 4);
    put(out, centralOffset, 4);
    put(out, 0, 2); // comment length
    return out;
}

} // namespace kefu::core
