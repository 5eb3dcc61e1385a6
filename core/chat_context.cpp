// hitContext(): the records of a hit's session around it, parsed from a slice of the messages file.
#include "chat_context.h"

#include <algorithm>

#include "chatlog_internal.h"
#include "csv.h"
#include "csv_stream.h"
#include "text.h"

namespace kefu::core {

using namespace chat;

namespace {
struct Record {
    uint64_t offset; // in the slice
    uint32_t line;   // 1-based, counted from where the parse began
    std::vector<std::string> fields;
};

// Whole records of `bytes`; false on a tokenizer error.
bool parseRecords(std::string_view bytes, char delim, bool atEnd, std::vector<Record>& out) {
    out.clear();
    CsvStream csv(delim);
    csv.feed(bytes);
    if (atEnd) csv.end();
    while (csv.next()) {
        Record r{csv.offset(), csv.line(), {}};
        for (size_t i = 0; i < csv.fieldCount(); ++i) r.fields.emplace_back(csv.field(i));
        out.push_back(std::move(r));
    }
    return !csv.failed();
}

// The records from the earliest line start before `hitAt` that parses cleanly into it; `hitIndex`
// is the hit record's place. Empty when the slice does not hold the hit record whole.
std::vector<Record> recordsAround(std::string_view slice, uint64_t sliceOffset, size_t hitAt, char delim, bool atEnd,
                                  size_t& hitIndex) {
    constexpr int kMaxTries = 64;
    std::vector<Record> recs;
    int tries = 0;
    for (size_t p = 0; p <= hitAt; ++p) {
        bool lineStart = p == hitAt || (p == 0 ? sliceOffset == 0 : slice[p - 1] == '\n');
        if (!lineStart) continue;
        if (p < hitAt && ++tries > kMaxTries) p = hitAt; // a pathological slice: the hit and what follows
        if (!parseRecords(slice.substr(p), delim, atEnd, recs)) continue;
        if (p == 0 && sliceOffset == 0 && !recs.empty()) recs.erase(recs.begin()); // the header
        auto h = std::find_if(recs.begin(), recs.end(), [&](const Record& r) { return p + r.offset == hitAt; });
        if (h == recs.end()) continue;
        bool even = std::all_of(recs.begin(), h, [&](const Record& r) { return r.fields.size() == h->fields.size(); });
        if (!even) continue;
        for (Record& r : recs) r.offset += p;
        hitIndex = size_t(h - recs.begin());
        return recs;
    }
    return {};
}

// UTF-8 unless a field is not valid UTF-8 (then GBK, as the readers decide).
bool allUtf8(const std::vector<Record>& recs) {
    for (const Record& r : recs)
        for (const std::string& f : r.fields)
            if (!isValidUtf8(f)) return false;
    return true;
}

std::string cellText(const Record& r, int col, bool utf8) {
    if (col < 0 || size_t(col) >= r.fields.size()) return {};
    const std::string& raw = r.fields[size_t(col)];
    return std::string(trim(utf8 ? raw : gbkToUtf8(raw)));
}
} // namespace

HitSlice hitSlice(const PhraseHit& hit, uint64_t fileSize, uint64_t margin) {
    HitSlice s;
    s.offset = hit.offset > margin ? hit.offset - margin : 0;
    uint64_t end = hit.offset + margin;
    if (fileSize && end > fileSize) end = fileSize;
    s.length = end > s.offset ? end - s.offset : 0;
    return s;
}

Expected<std::vector<ContextLine>> hitContext(std::string_view head, std::string_view slice, uint64_t sliceOffset,
                                              const ChatLog& log, const PhraseHit& hit, const HitContextOptions& opt) {
    CsvStream header;
    header.feed(head);
    header.end();
    if (!header.next()) return Error{"the file has no header line"};
    std::vector<std::string> headerNames;
    TextDecoder dec;
    auto cols = mapColumns(header, messageColumns(), opt.columns, headerNames, dec);
    if (!cols) return Error{cols.error()};
    const std::vector<int>& col = *cols;
    if (col[kMsgText] < 0) return Error{"the messages file has no text column"};
    if (hit.offset < sliceOffset || hit.offset - sliceOffset >= slice.size())
        return Error{"the slice does not hold the message"};

    size_t hitIndex = 0;
    std::vector<Record> recs = recordsAround(slice, sliceOffset, size_t(hit.offset - sliceOffset), header.delimiter(),
                                             opt.sliceReachesEnd, hitIndex);
    if (recs.empty()) return Error{"the message is not whole in the slice read"};
    const bool utf8 = allUtf8(recs);
    const Record& hr = recs[hitIndex];
    const std::string session = cellText(hr, col[kMsgSession], utf8);
    const std::string phrase = hit.phrase < log.phrases.forbidden.size() ? log.phrases.forbidden[hit.phrase] : "";
    if (hit.session >= log.sessionNames.size() || session != log.sessionNames.name(hit.session) ||
        cellText(hr, col[kMsgText], utf8).find(phrase) == std::string::npos)
        return Error{"the file has changed since it was read"};

    std::vector<size_t> keep; // indexes of the session's records, hit included, in file order
    auto sameSession = [&](size_t i) { return cellText(recs[i], col[kMsgSession], utf8) == session; };
    for (size_t i = hitIndex; i-- > 0 && keep.size() < opt.before;)
        if (sameSession(i)) keep.push_back(i);
    std::reverse(keep.begin(), keep.end());
    keep.push_back(hitIndex);
    const size_t last = keep.size() + opt.after;
    for (size_t i = hitIndex + 1; i < recs.size() && keep.size() < last; ++i)
        if (sameSession(i)) keep.push_back(i);

    std::vector<ContextLine> out;
    for (size_t i : keep) {
        const Record& r = recs[i];
        out.push_back({uint32_t(int64_t(hit.line) + int64_t(r.line) - int64_t(hr.line)),
                       cellText(r, col[kMsgTime], utf8), cellText(r, col[kMsgRole], utf8),
                       cellText(r, col[kMsgAgent], utf8), cellText(r, col[kMsgText], utf8), i == hitIndex});
    }
    return out;
}

} // namespace kefu::core
