#include "import_stream.h"

#include <chrono>

#include "import_preview.h"

namespace kefu::web {

namespace {
double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
constexpr size_t kHeadMax = 64 * 1024; // the header line is found within this much
} // namespace

struct ImportStreams::Stream {
    enum class Kind { Unknown, Report, Messages, Orders };
    std::string name;
    uint64_t size = 0, done = 0;
    double started = 0;
    Kind kind = Kind::Unknown;
    std::string bytes; // a report, or the head of a file whose kind is not known yet
    std::string head;  // chat logs: the first bytes (the header line), for hit contexts
    core::ColumnMapping columns; // messages: read with these (a remembered layout)
    std::shared_ptr<core::ChatLog> log;
    std::unique_ptr<core::MessageReader> messages;
    std::unique_ptr<core::OrderReader> orders;
    std::string error;
    bool cancelled = false;
};

void ImportStreams::prepare(const core::ShopSettings& settings, std::shared_ptr<core::ChatLog> ordersInto,
                            const core::ColumnMapping& ordersColumns) {
    m_options = core::chatReadOptions(settings.chat);
    if (!(m_layouts == settings.layouts)) m_layouts = settings.layouts;
    m_ordersInto = std::move(ordersInto);
    m_ordersColumns = ordersColumns;
}

std::optional<ImportStreams::Progress> ImportStreams::progress() const {
    if (m_streams.empty()) return std::nullopt;
    const Stream& s = *m_streams.begin()->second;
    return Progress{s.name, s.size, s.done, nowSeconds() - s.started};
}

void ImportStreams::cancel() {
    for (auto& [id, s] : m_streams) s->cancelled = true;
}

std::vector<ImportStreams::Done> ImportStreams::take() {
    std::vector<Done> out;
    out.swap(m_done);
    return out;
}

int64_t ImportStreams::begin(const std::string& name, uint64_t size) {
    auto s = std::make_shared<Stream>();
    s->name = name;
    s->size = size;
    s->started = nowSeconds();
    const int64_t id = m_next++;
    m_streams[id] = std::move(s);
    return id;
}

// Decides the kind from the header line, then hands the bytes to the reader of that kind.
bool ImportStreams::feed(Stream& s, std::string_view bytes) {
    using Kind = Stream::Kind;
    if (s.kind == Kind::Unknown) {
        s.bytes.append(bytes);
        if (s.bytes.find('\n') == std::string::npos && s.bytes.size() < kHeadMax && s.done < s.size) return true;
        core::ChatReadOptions opt = m_options;
        opt.expectedBytes = s.size;
        core::ShopSettings known;
        known.layouts = m_layouts;
        const core::FileLayout layout = core::detectFileLayout(s.bytes, known);
        if (m_ordersInto) {
            s.kind = Kind::Orders;
            s.log = std::exchange(m_ordersInto, nullptr);
            opt.columns = !m_ordersColumns.empty() ? m_ordersColumns
                          : layout.kind == core::FileLayout::Kind::Orders ? layout.columns : core::ColumnMapping{};
            s.orders = std::make_unique<core::OrderReader>(*s.log, opt);
        } else if (layout.kind == core::FileLayout::Kind::Messages) {
            s.kind = Kind::Messages;
            s.log = std::make_shared<core::ChatLog>();
            s.columns = layout.columns;
            opt.columns = layout.columns;
            s.messages = std::make_unique<core::MessageReader>(*s.log, opt);
        } else {
            s.kind = Kind::Report;
            return true;
        }
        const std::string head = std::move(s.bytes);
        s.bytes.clear();
        s.head = head.substr(0, kHeadMax);
        return feed(s, head);
    }
    if (s.kind == Kind::Report) {
        s.bytes.append(bytes);
        return true;
    }
    auto r = s.messages ? s.messages->feed(bytes) : s.orders->feed(bytes);
    if (!r) s.error = s.name + ": " + r.error();
    return r.ok();
}

bool ImportStreams::chunk(int64_t stream, std::string_view bytes) {
    auto it = m_streams.find(stream);
    if (it == m_streams.end()) return false;
    Stream& s = *it->second;
    if (s.cancelled || !s.error.empty()) return false;
    s.done += bytes.size();
    return feed(s, bytes);
}

void ImportStreams::end(int64_t stream, const std::string& error) {
    auto it = m_streams.find(stream);
    if (it == m_streams.end()) return;
    std::shared_ptr<Stream> s = it->second;
    m_streams.erase(it);
    Done d;
    d.name = s->name;
    d.cancelled = s->cancelled;
    d.stream = stream;
    d.head = std::move(s->head);
    d.columns = s->columns;
    d.error = !error.empty() ? s->name + ": " + error : s->error;
    if (s->kind == Stream::Kind::Unknown && d.error.empty() && !d.cancelled) feed(*s, {}); // a file without a newline
    d.orders = s->kind == Stream::Kind::Orders; // failed too: the dialog shows why (and its columns)
    if (d.error.empty() && !d.cancelled) {
        if (s->messages || s->orders) {
            auto r = s->messages ? s->messages->finish() : s->orders->finish();
            if (!r) d.error = s->name + ": " + r.error();
        }
        d.log = s->log;
        d.bytes = std::move(s->bytes);
    }
    m_done.push_back(std::move(d));
}

} // namespace kefu::web
