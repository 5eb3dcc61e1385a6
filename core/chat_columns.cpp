#include "chat_columns.h"

#include <algorithm>

#include "chatlog_internal.h"
#include "csv.h"
#include "metrics.h"
#include "text.h"

namespace kefu::core {

namespace {
const std::vector<chat::ColumnSpec>& specsOf(ChatFile f) {
    return f == ChatFile::Messages ? chat::messageColumns() : chat::orderColumns();
}

std::string namesOf(ChatFile f) {
    std::string names;
    for (const auto& s : specsOf(f)) names += (names.empty() ? "" : ", ") + std::string(s.name);
    return names;
}

const std::string* chosenFor(const ColumnMapping& m, const std::string& name) {
    for (const auto& [column, header] : m)
        if (column == name) return &header;
    return nullptr;
}
} // namespace

const char* chatFileKind(ChatFile f) { return f == ChatFile::Messages ? "messages" : "orders"; }

std::vector<ChatColumnInfo> chatColumns(ChatFile f) {
    std::vector<ChatColumnInfo> out;
    for (const auto& s : specsOf(f)) out.push_back({s.name, s.required});
    return out;
}

std::vector<std::string> csvHeaderCells(std::string_view head) {
    const std::string text = decodeText(head.substr(0, std::min<size_t>(head.size(), 64 * 1024)));
    auto csv = parseCsv(std::string_view(text).substr(0, text.find('\n')));
    std::vector<std::string> out;
    if (!csv || csv->rows.empty()) return out;
    for (const auto& cell : csv->rows[0]) out.emplace_back(trim(cell));
    return out;
}

ColumnMapping resolveChatColumns(ChatFile f, const std::vector<std::string>& headers, const ColumnMapping& chosen) {
    ColumnMapping out;
    std::vector<bool> taken(headers.size(), false);
    for (const auto& spec : specsOf(f)) {
        std::string header;
        if (const std::string* c = chosenFor(chosen, spec.name)) {
            header = *c;
        } else {
            for (size_t i = 0; i < headers.size() && header.empty(); ++i) {
                const std::string h = normalizeHeader(headers[i]);
                bool match = h == normalizeHeader(spec.name);
                for (const char* a : spec.aliases) match = match || h == normalizeHeader(a);
                if (match && !taken[i]) {
                    header = headers[i];
                    taken[i] = true;
                }
            }
        }
        out.emplace_back(spec.name, header);
    }
    return out;
}

Expected<ColumnMapping> parseColumnMapping(ChatFile f, std::string_view text) {
    ColumnMapping out;
    const std::string expected = "expected name=header[,name=header...] with names from " + namesOf(f);
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = trim(text.substr(start, end - start));
        start = end + 1;
        if (item.empty()) {
            if (end == text.size()) break;
            continue;
        }
        const size_t eq = item.find('=');
        if (eq == std::string_view::npos) return Error{"'" + std::string(item) + "': " + expected};
        const std::string name(trim(item.substr(0, eq))), header(trim(item.substr(eq + 1)));
        const auto& specs = specsOf(f);
        if (std::none_of(specs.begin(), specs.end(), [&](const chat::ColumnSpec& s) { return name == s.name; }))
            return Error{"'" + name + "' is not a column of the " + chatFileKind(f) + " file (" + namesOf(f) + ")"};
        if (header.empty()) return Error{"'" + std::string(item) + "': no header after '='"};
        if (chosenFor(out, name)) return Error{"'" + name + "' is given twice"};
        out.emplace_back(name, header);
    }
    if (out.empty()) return Error{expected};
    return out;
}

FileLayout detectFileLayout(std::string_view head, const ShopSettings& settings) {
    const std::vector<std::string> headers = csvHeaderCells(head);
    FileLayout out;
    if (headers.empty()) return out;
    if (const ReportLayout* l = findLayout(settings, layoutKey(headers))) {
        if (l->kind == "messages" || l->kind == "orders") {
            out.kind = l->kind == "messages" ? FileLayout::Kind::Messages : FileLayout::Kind::Orders;
            out.columns = l->columns;
        }
        return out; // a remembered report layout stays a report
    }
    const ColumnMapping found = resolveChatColumns(ChatFile::Messages, headers, {});
    // The session, time and role columns (names or aliases) make a messages file.
    size_t known = 0;
    for (size_t k = 0; k < 3 && k < found.size(); ++k) known += !found[k].second.empty();
    if (known == 3) out.kind = FileLayout::Kind::Messages;
    return out;
}

ReportLayout chatLayout(ChatFile f, const std::vector<std::string>& headers, const ColumnMapping& columns) {
    ReportLayout l;
    l.headers = layoutKey(headers);
    l.kind = chatFileKind(f);
    l.columns = columns;
    return l;
}

} // namespace kefu::core
