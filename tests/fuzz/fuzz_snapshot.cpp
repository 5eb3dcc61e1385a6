// Fuzzes the snapshot decoder: any input must be refused with a reason or decode to a shop
// that encodes back to the same bytes (in the file's format version); never a crash, a leak or an unbounded allocation.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto shop = kefu::core::decodeSnapshot(bytes);
    if (shop.ok() && kefu::core::encodeSnapshot(*shop, kefu::core::readSnapshotHeader(bytes)->version) != bytes)
        std::abort(); // an older format encodes back in its own format
    // Also reach the payload decoder past the checksums: reseal the input as a payload.
    if (size > 0) {
        kefu::core::Shop empty;
        std::string sealed = kefu::core::encodeSnapshot(empty);
        sealed.resize(kefu::core::kSnapshotHeaderSize);
        sealed.append(bytes);
        auto putLE = [&](size_t at, uint64_t v, int n) {
            for (int i = 0; i < n; ++i) sealed[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
        };
        putLE(16, size, 8);
        putLE(24, kefu::core::crc32(bytes), 4);
        putLE(28, kefu::core::crc32(std::string_view(sealed).substr(0, 28)), 4);
        auto inner = kefu::core::decodeSnapshot(sealed);
        if (inner.ok() && kefu::core::encodeSnapshot(*inner) != sealed) std::abort();
    }
    return 0;
}
