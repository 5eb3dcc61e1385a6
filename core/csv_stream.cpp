#include "csv_stream.h"
#include "byte_scan.h"

namespace kefu::core {


CsvStream::CsvStream(char delimiter) : m_delim(delimiter == '\t' || delimiter == ';' || delimiter == ',' ? delimiter : 0) {}

void CsvStream::decideDelimiter() {
    int counts[3] = {0, 0, 0};
    const char cands[3] = {',', '\t', ';'};
    bool quoted = false;
    for (char c : m_head) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) break;
        for (int k = 0; k < 3 && !quoted; ++k) counts[k] += c == cands[k];
    }
    int best = 0;
    for (int k = 1; k < 3; ++k)
        if (counts[k] > counts[best]) best = k;
    m_delim = cands[best];
    m_chunk = m_head; // everything so far, from offset 0
    m_pos = 0;
}

void CsvStream::feed(std::string_view chunk) {
    if (!m_delim) {
        m_head.append(chunk);
        if (m_head.find('\n') != std::string::npos || m_head.size() > (size_t(1) << 20)) decideDelimiter();
        return;
    }
    m_chunkBase += m_chunk.size();
    m_chunk = chunk;
    m_pos = 0;
    if (!m_head.empty()) std::string().swap(m_head); // read through by now
}

void CsvStream::end() {
    m_ended = true;
    if (!m_delim) decideDelimiter();
}

inline void CsvStream::append(const char* b, const char* e) {
    if (b == e) return;
    const size_t col = m_fields.size();
    if (!m_keepAll && (col >= m_keep.size() || !m_keep[col])) return;
    const size_t n = size_t(e - b);
    m_recordBytes += n;
    if (m_recordBytes > kMaxRecordBytes && m_error.empty())
        m_error = "line " + std::to_string(m_recLine) + ": a record longer than 16 MB (is a quote not closed?)";
    if (!m_fieldCopied) {
        if (m_field.size == 0) { m_field = {b, 0, uint32_t(n)}; return; }             // the first run
        if (m_field.at + m_field.size == b) { m_field.size += uint32_t(n); return; }  // the run goes on
        m_fieldBuf.assign(m_field.at, m_field.size); // two runs: the field is copied from here on
        m_fieldCopied = true;
    }
    m_fieldBuf.append(b, n);
    m_field.size += uint32_t(n);
}

inline void CsvStream::endField() {
    if (m_fieldCopied) {
        m_fields.push_back({nullptr, uint32_t(m_buf.size()), m_field.size});
        m_buf.append(m_fieldBuf);
        m_fieldBuf.clear();
        m_fieldCopied = false;
    } else {
        m_fields.push_back(m_field);
    }
    m_field = {};
}

void CsvStream::keepPartialRecord() {
    for (Span& f : m_fields) {
        if (!f.at) continue;
        const uint32_t offset = uint32_t(m_buf.size());
        m_buf.append(f.at, f.size);
        f = {nullptr, offset, f.size};
    }
    if (!m_fieldCopied && m_field.size) {
        m_fieldBuf.assign(m_field.at, m_field.size);
        m_fieldCopied = true;
    }
}

bool CsvStream::endRecord() {
    bool blank = m_fields.size() == 1 && !m_content;
    m_content = false;
    if (blank) {
        m_buf.clear();
        m_fields.clear();
        m_recordBytes = 0;
        m_inRecord = false;
        return false;
    }
    m_deliver = true;
    return true;
}

void CsvStream::startRecordIfNeeded(uint64_t at) {
    if (m_inRecord) return;
    m_inRecord = true;
    m_recOffset = at;
    m_recLine = m_line;
}

// The UTF-8 byte order mark is skipped (it may arrive split over chunks); a UTF-16 mark is an error.
// Returns true when the byte was consumed.
bool CsvStream::handleBom(char c) {
    static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
    unsigned char u = static_cast<unsigned char>(c);
    if (m_bomSeen == 0 && (u == 0xFF || u == 0xFE)) {
        m_error = "line 1: the file is UTF-16; save it as UTF-8 CSV";
        return false;
    }
    if (u == bom[m_bomSeen]) {
        if (++m_bomSeen == 3) { m_hadBom = true; m_state = State::FieldStart; }
        return true;
    }
    m_state = State::FieldStart;
    if (m_bomSeen > 0) { // the bytes were data after all
        startRecordIfNeeded(0);
        m_content = true;
        const char* b = reinterpret_cast<const char*>(bom);
        append(b, b + m_bomSeen);
        m_state = State::Unquoted;
    }
    return false;
}

bool CsvStream::next() {
    if (m_deliver) {
        m_buf.clear();
        m_fields.clear();
        m_recordBytes = 0;
        m_deliver = false;
        m_inRecord = false;
    }
    if (failed() || !m_delim) return false;
    const char* base = m_chunk.data();
    const char* p = base + m_pos;
    const char* end = base + m_chunk.size();
    while (p < end && m_error.empty()) {
        switch (m_state) {
        case State::Bom:
            if (handleBom(*p)) ++p;
            break;
        case State::AfterCr:
            if (*p == '\n') ++p;
            m_state = State::FieldStart;
            break;
        case State::FieldStart:
            startRecordIfNeeded(m_chunkBase + uint64_t(p - base));
            if (*p == '"') {
                m_content = true;
                m_quoteLine = m_line;
                m_state = State::Quoted;
                ++p;
            } else {
                m_state = State::Unquoted;
            }
            break;
        case State::Unquoted: {
            const char* s = p;
            p = scan::findAny(p, end, m_delim, '"', '\r', '\n');
            if (p != s) { m_content = true; append(s, p); }
            if (p == end) break;
            char c = *p++;
            if (c == m_delim) {
                m_content = true;
                endField();
                m_state = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                endField();
                ++m_line;
                m_state = c == '\r' ? State::AfterCr : State::FieldStart;
                if (endRecord()) {
                    m_pos = size_t(p - base);
                    return true;
                }
            } else { // a quote inside an unquoted field is an ordinary character
                m_content = true;
                append(p - 1, p);
            }
            break;
        }
        case State::Quoted: {
            // Up to the closing quote; line ends inside the field only count lines.
            const char* stop = scan::findAny(p, end, '"', '\n', '"', '\n');
            if (stop == end) {
                append(p, end);
                p = end;
            } else if (*stop == '\n') {
                ++m_line;
                append(p, stop + 1);
                p = stop + 1;
            } else {
                append(p, stop);
                p = stop + 1;
                m_state = State::QuoteInQuoted;
            }
            break;
        }
        case State::QuoteInQuoted:
            if (*p == '"') { // "" inside quotes is one quote
                append(p, p + 1);
                ++p;
                m_state = State::Quoted;
            } else {
                m_state = State::Unquoted; // text after the closing quote is kept as it is
            }
            break;
        }
    }
    m_pos = size_t(p - base);
    if (!m_error.empty()) return false;
    if (!m_ended) {
        if (m_inRecord) keepPartialRecord(); // the piece may be gone when the record goes on
        return false;
    }
    if (p < end) return false;
    // End of input: a record without a final line end.
    if (m_state == State::Quoted) {
        m_error = "line " + std::to_string(m_quoteLine) + ": a quoted field is not closed";
        return false;
    }
    if (!m_inRecord) return false;
    endField();
    m_state = State::FieldStart;
    if (endRecord()) return true;
    return false;
}

} // namespace kefu::core
