#include "xlsx.h"

#include <cstdlib>

#include "json.h"
#include "text.h"
#include "zip.h"

namespace kefu::core {

namespace {
// A minimal scanner for the XML that spreadsheet programs write: elements, attributes, text.
struct Tag {
    std::string_view name; // without namespace prefix
    std::string_view attrs;
    bool closing = false, selfClosing = false;
    size_t end = 0; // position after '>'
};

bool nextTag(std::string_view x, size_t& pos, Tag& t) {
    while (true) {
        size_t lt = x.find('<', pos);
        if (lt == std::string_view::npos) return false;
        if (x.substr(lt, 4) == "<!--") { pos = x.find("-->", lt); if (pos == std::string_view::npos) return false; continue; }
        if (x.substr(lt, 2) == "<?" || x.substr(lt, 2) == "<!") { pos = x.find('>', lt); if (pos == std::string_view::npos) return false; continue; }
        size_t gt = x.find('>', lt);
        if (gt == std::string_view::npos) return false;
        std::string_view body = x.substr(lt + 1, gt - lt - 1);
        t = Tag{};
        if (!body.empty() && body[0] == '/') { t.closing = true; body.remove_prefix(1); }
        if (!body.empty() && body.back() == '/') { t.selfClosing = true; body.remove_suffix(1); }
        size_t sp = body.find_first_of(" \t\r\n");
        t.name = body.substr(0, sp);
        if (size_t colon = t.name.find(':'); colon != std::string_view::npos) t.name.remove_prefix(colon + 1);
        t.attrs = sp == std::string_view::npos ? std::string_view() : body.substr(sp);
        t.end = gt + 1;
        pos = gt + 1;
        return true;
    }
}

std::string unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') { out += s[i]; continue; }
        size_t semi = s.find(';', i);
        if (semi == std::string_view::npos) { out += s[i]; continue; }
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        if (ent == "amp") out += '&';
        else if (ent == "lt") out += '<';
        else if (ent == "gt") out += '>';
        else if (ent == "quot") out += '"';
        else if (ent == "apos") out += '\'';
        else if (!ent.empty() && ent[0] == '#') {
            bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
            unsigned long cp = std::strtoul(std::string(ent.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
            appendUtf8(out, cp > 0 && cp <= 0x10FFFF ? uint32_t(cp) : 0xFFFD);
        } else { out += s.substr(i, semi - i + 1); }
        i = semi;
    }
    return out;
}

std::string attr(std::string_view attrs, std::string_view name) {
    size_t p = 0;
    while ((p = attrs.find(name, p)) != std::string_view::npos) {
        bool startOk = p == 0 || attrs[p - 1] == ' ' || attrs[p - 1] == '\t' || attrs[p - 1] == '\n' || attrs[p - 1] == ':';
        size_t eq = p + name.size();
        if (startOk && eq < attrs.size() && attrs[eq] == '=' && eq + 1 < attrs.size()) {
            char q = attrs[eq + 1];
            size_t close = attrs.find(q, eq + 2);
            if (close != std::string_view::npos) return unescape(attrs.substr(eq + 2, close - eq - 2));
        }
        p = eq;
    }
    return {};
}

// Text of <t> elements until the closing `until` tag (handles rich-text runs).
std::string collectText(std::string_view x, size_t& pos, std::string_view until) {
    std::string out;
    Tag t;
    while (nextTag(x, pos, t)) {
        if (t.closing && t.name == until) break;
        if (!t.closing && !t.selfClosing && t.name == "t") {
            size_t end = x.find('<', pos);
            out += unescape(x.substr(pos, end - pos));
            pos = end;
        }
        if (t.name == "rPh" && !t.closing && !t.selfClosing) { // phonetic hints are not cell text
            size_t close = x.find("rPh>", pos);
            pos = close == std::string_view::npos ? x.size() : close + 4;
        }
    }
    return out;
}

std::vector<std::string> sharedStrings(const ZipReader& zip) {
    std::vector<std::string> out;
    const ZipEntry* e = zip.find("xl/sharedStrings.xml");
    if (!e) return out;
    auto xml = zip.read(*e);
    if (!xml) return out;
    size_t pos = 0;
    Tag t;
    while (nextTag(*xml, pos, t))
        if (t.name == "si" && !t.closing) out.push_back(t.selfClosing ? std::string() : collectText(*xml, pos, "si"));
    return out;
}

// "AB12" -> column 27 (0-based), row 12.
bool cellRef(const std::string& r, size_t& col, uint32_t& row) {
    size_t i = 0, c = 0;
    while (i < r.size() && r[i] >= 'A' && r[i] <= 'Z') c = c * 26 + size_t(r[i++] - 'A' + 1);
    if (c == 0 || i == r.size() || c > 16384) return false;
    col = c - 1;
    row = uint32_t(std::strtoul(r.c_str() + i, nullptr, 10));
    return row > 0;
}

struct SheetRef {
    std::string name, target;
};

Expected<std::vector<SheetRef>> sheetRefs(const ZipReader& zip) {
    const ZipEntry* wb = zip.find("xl/workbook.xml");
    const ZipEntry* rels = zip.find("xl/_rels/workbook.xml.rels");
    if (!wb || !rels) return Error{"not an XLSX workbook (no xl/workbook.xml)"};
    auto wbXml = zip.read(*wb);
    auto relXml = zip.read(*rels);
    if (!wbXml) return Error{wbXml.error()};
    if (!relXml) return Error{relXml.error()};
    std::vector<SheetRef> out;
    size_t pos = 0;
    Tag t;
    while (nextTag(*wbXml, pos, t)) {
        if (t.name != "sheet" || t.closing) continue;
        std::string rid = attr(t.attrs, "r:id");
        if (rid.empty()) rid = attr(t.attrs, "id");
        size_t rp = 0;
        Tag r;
        std::string target;
        while (nextTag(*relXml, rp, r))
            if (r.name == "Relationship" && attr(r.attrs, "Id") == rid) target = attr(r.attrs, "Target");
        if (target.rfind("/xl/", 0) == 0) target = target.substr(1);
        else if (target.rfind("xl/", 0) != 0) target = "xl/" + target;
        out.push_back({attr(t.attrs, "name"), target});
    }
    if (out.empty()) return Error{"the workbook has no sheets"};
    return out;
}

void parseCells(std::string_view x, const std::vector<std::string>& shared, Sheet& sheet) {
    size_t pos = 0;
    Tag t;
    std::vector<std::string>* row = nullptr;
    while (nextTag(x, pos, t)) {
        if (t.name == "row" && !t.closing) {
            uint32_t r = uint32_t(std::strtoul(attr(t.attrs, "r").c_str(), nullptr, 10));
            sheet.rows.emplace_back();
            sheet.lines.push_back(r ? r : uint32_t(sheet.lines.empty() ? 1 : sheet.lines.back() + 1));
            row = t.selfClosing ? nullptr : &sheet.rows.back();
            continue;
        }
        if (t.name != "c" || t.closing || !row) continue;
        size_t col = row->size();
        uint32_t rr = 0;
        if (std::string ref = attr(t.attrs, "r"); !ref.empty() && !cellRef(ref, col, rr)) col = row->size();
        std::string type = attr(t.attrs, "t"), value;
        if (!t.selfClosing) {
            if (type == "inlineStr") value = collectText(x, pos, "c");
            else {
                Tag v;
                while (nextTag(x, pos, v) && !(v.closing && v.name == "c"))
                    if (v.name == "v" && !v.closing && !v.selfClosing) {
                        size_t end = x.find('<', pos);
                        value = unescape(x.substr(pos, end - pos));
                        pos = end;
                    }
                if (type == "s") {
                    size_t idx = size_t(std::strtoul(value.c_str(), nullptr, 10));
                    value = idx < shared.size() ? shared[idx] : std::string();
                } else if (type == "b") value = value == "1" ? "TRUE" : "FALSE";
                else if (type.empty() || type == "n") {
                    char* end = nullptr;
                    double d = std::strtod(value.c_str(), &end);
                    if (!value.empty() && end && *end == '\0') value = formatNumber(d); // 0.45000000000000001 -> 0.45
                }
            }
        }
        if (col >= 16384) continue;
        if (row->size() <= col) row->resize(col + 1);
        (*row)[col] = std::move(value);
    }
}
} // namespace

bool looksLikeXlsx(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == "PK\x03\x04"; }

Expected<std::vector<std::string>> xlsxSheetNames(std::string_view bytes) {
    auto zip = ZipReader::open(bytes);
    if (!zip) return Error{zip.error()};
    auto refs = sheetRefs(*zip);
    if (!refs) return Error{refs.error()};
    std::vector<std::string> names;
    for (const auto& r : *refs) names.push_back(r.name);
    return names;
}

Expected<Sheet> readXlsxSheet(std::string_view bytes, const std::string& sheetName) {
    auto zip = ZipReader::open(bytes);
    if (!zip) return Error{zip.error()};
    auto refs = sheetRefs(*zip);
    if (!refs) return Error{refs.error()};
    const SheetRef* ref = &refs->front();
    if (!sheetName.empty()) {
        ref = nullptr;
        for (const auto& r : *refs)
            if (r.name == sheetName) ref = &r;
        if (!ref) return Error{"no sheet named '" + sheetName + "'"};
    }
    const ZipEntry* e = zip->find(ref->target);
    if (!e) return Error{"sheet '" + ref->name + "' is missing from the archive (" + ref->target + ")"};
    auto xml = zip->read(*e);
    if (!xml) return Error{xml.error()};
    Sheet sheet;
    sheet.name = ref->name;
    parseCells(*xml, sharedStrings(*zip), sheet);
    // Leading empty rows (titles above the header are kept: the loader needs the header first).
    while (!sheet.rows.empty() && sheet.rows.front().empty()) {
        sheet.rows.erase(sheet.rows.begin());
        sheet.lines.erase(sheet.lines.begin());
    }
    return sheet;
}

} // namespace kefu::core
