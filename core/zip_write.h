// Writing ZIP archives (the container of .xlsx files) with stored, uncompressed entries: no
// deflate code to carry into wasm, and exports are small. The caller owns the entries' bytes.
#pragma once
#include <string>
#include <vector>

#include "expected.h"

namespace kefu::core {

struct ZipFile {
    std::string name; // path inside the archive, '/' separated
    std::string data;
};

// The archive in entry order, each with its CRC-32. Timestamps are fixed (1980-01-01 00:00) so
// the same entries give the same bytes. Refuses what would need ZIP64 (4 GiB, 65535 entries).
Expected<std::string> storeZip(const std::vector<ZipFile>& files);

} // namespace kefu::core
