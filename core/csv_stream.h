// A chunked CSV tokenizer for large files: bytes arrive in pieces of any size (a browser File read
// in slices, a CLI read loop) and whole records come out with their physical line and byte offset.
// A field is handed out where it lies in the fed piece; only a field that is not one run of the
// piece's bytes ("" inside quotes, text after a closing quote) and the fields of a record that
// goes on in the next piece are copied, into the tokenizer's one record buffer. Fields the caller
// does not keep are scanned but never copied.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::core {

class CsvStream {
public:
    // delimiter 0: comma, tab or semicolon, whichever the first line holds most of (outside quotes);
    // the first line is gathered before anything is tokenized.
    explicit CsvStream(char delimiter = 0);

    // Columns whose bytes are kept (1) or only skipped (0); columns beyond the list are skipped.
    // Until called, every column is kept (the header).
    void keepColumns(std::vector<uint8_t> keep) { m_keep = std::move(keep); m_keepAll = false; }

    // Hands over the next piece of input; it must stay alive until next() returns false.
    void feed(std::string_view chunk);
    // Marks the end of input: a last record without a line end is returned by next().
    void end();
    // Advances to the next complete record of the fed input; false when more input is needed,
    // at the end, or on an error (failed()).
    bool next();

    bool failed() const { return !m_error.empty(); }
    const std::string& error() const { return m_error; }

    // The current record (valid after next() returned true, until the next call).
    size_t fieldCount() const { return m_fields.size(); }
    std::string_view field(size_t i) const {
        if (i >= m_fields.size()) return {};
        const Span& f = m_fields[i];
        return std::string_view(f.at ? f.at : m_buf.data() + f.offset, f.size);
    }
    uint32_t line() const { return m_recLine; }      // physical line where the record starts (1-based)
    uint64_t offset() const { return m_recOffset; }  // byte offset of its first byte in the input
    uint64_t bytesSeen() const { return m_delim ? m_chunkBase + m_pos : m_head.size(); }
    bool hadBom() const { return m_hadBom; }
    char delimiter() const { return m_delim; }

    // Kept bytes of one record above this are an error (an unclosed quote swallowing the file).
    static constexpr size_t kMaxRecordBytes = size_t(16) << 20;

private:
    enum class State : uint8_t { Bom, FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCr };
    // A field's bytes: at `at` in the fed piece (or static memory), or at `offset` in m_buf when at
    // is null.
    struct Span {
        const char* at = nullptr;
        uint32_t offset = 0, size = 0;
    };
    // Per field and run: inlined into next() (defined and used only in csv_stream.cpp).
    [[gnu::always_inline]] inline void append(const char* b, const char* e);
    [[gnu::always_inline]] inline void endField();
    void keepPartialRecord(); // the piece ends inside a record: copy what of it is still a view
    bool endRecord(); // true when the record is delivered (not a blank line)
    void startRecordIfNeeded(uint64_t at);
    bool handleBom(char c);
    void decideDelimiter(); // from m_head, which then becomes the chunk being read

    char m_delim;
    State m_state = State::Bom;
    bool m_keepAll = true, m_ended = false, m_inRecord = false, m_hadBom = false;
    bool m_deliver = false, m_content = false;
    uint8_t m_bomSeen = 0;
    std::vector<uint8_t> m_keep;
    std::string m_buf;        // copied fields of the record (see Span)
    std::string m_fieldBuf;   // the field being read, once it is copied
    std::vector<Span> m_fields;
    Span m_field;             // the field being read (in m_fieldBuf when m_fieldCopied)
    bool m_fieldCopied = false;
    size_t m_recordBytes = 0; // kept bytes of the record
    std::string m_head; // input gathered until the delimiter is known
    std::string_view m_chunk;
    size_t m_pos = 0;
    uint64_t m_chunkBase = 0, m_recOffset = 0;
    uint32_t m_line = 1, m_recLine = 1, m_quoteLine = 0;
    std::string m_error;
};

} // namespace kefu::core
