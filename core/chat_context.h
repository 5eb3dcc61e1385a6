// The context of a forbidden-phrase hit (ChatLog::hits): the log never keeps message text, so a UI
// reads a slice of the messages file around the hit's byte offset (Blob.slice in the browser, a
// file range on the desktop) and this parses it. The caller owns the bytes; results are copies.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chatlog.h"
#include "expected.h"

namespace kefu::core {

// One message of the hit's session, as written in the file (decoded to UTF-8).
struct ContextLine {
    uint32_t line = 0; // physical line of the record in the file
    std::string time, role, agent, text;
    bool hit = false; // the record that holds the phrase
};

struct HitContextOptions {
    size_t before = 3, after = 3; // messages of the same session kept around the hit (file order)
    bool sliceReachesEnd = false; // the slice ends at the end of the file: a last record without a line end counts
    // The header mapping the file was read with (ChatReadOptions::columns).
    std::vector<std::pair<std::string, std::string>> columns;
};

// How much to read around a hit: [sliceStart, sliceStart + sliceLength) of the file.
struct HitSlice {
    uint64_t offset = 0, length = 0;
};
HitSlice hitSlice(const PhraseHit& hit, uint64_t fileSize, uint64_t margin = 64 * 1024);

// `head`: the first bytes of the file (at least its header line); `slice`: the file's bytes from
// `sliceOffset`, holding the hit's record. Records before the hit are found by trying line starts
// in the slice until one parses into whole records that reach the hit's offset exactly, all with
// the hit record's field count (a line start inside a quoted text does not).
Expected<std::vector<ContextLine>> hitContext(std::string_view head, std::string_view slice, uint64_t sliceOffset,
                                              const ChatLog& log, const PhraseHit& hit,
                                              const HitContextOptions& opt = {});

} // namespace kefu::core
