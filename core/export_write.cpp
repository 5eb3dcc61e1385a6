// The CSV and XLSX writers of export.h. Both write the same Table, so a number is a number and a
// text a text in either format.
#include <cmath>

#include "csv.h"
#include "export.h"
#include "json.h"
#include "text.h"
#include "zip_write.h"

namespace kefu::core {

namespace {
std::vector<Cell> headerCells(const Table& t) {
    std::vector<Cell> cells;
    for (const auto& h : t.header) cells.push_back(Cell::str(h));
    return cells;
}

// CSV numbers as plain decimals (no exponent: the canonical file promises plain decimals);
// table values are already rounded to at most 6 places.
std::string csvNumber(double v) { return std::isfinite(v) ? formatValue(v) : std::string(); }

std::string csvText(const std::string& s, CsvFlavor flavor) {
    if (flavor == CsvFlavor::Excel && looksLikeFormula(s)) return csvField("'" + s);
    return csvField(s);
}

void csvRow(std::string& out, const std::vector<Cell>& cells, CsvFlavor flavor) {
    for (size_t c = 0; c < cells.size(); ++c) {
        if (c) out += ',';
        out += cells[c].isNumber ? csvNumber(cells[c].number) : csvText(cells[c].text, flavor);
    }
    out += flavor == CsvFlavor::Excel ? "\r\n" : "\n";
}

// Text for XML content and attributes. Control characters other than tab, LF and CR are not
// allowed in XML 1.0 at all (a reader would refuse the file), so they are dropped.
std::string xmlText(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
            out += c;
        }
    }
    return out;
}

// "A", "B", ..., "Z", "AA", ...
std::string columnName(size_t col) {
    std::string name;
    for (size_t n = col + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), char('A' + (n - 1) % 26));
    return name;
}

// A cell; `style` 1 is the bold header. A text is an inline string, never a formula (<f>), so a
// name like "=HYPERLINK(...)" or "+1" is shown as typed and cannot run: safe by construction,
// no ' guard needed (and none added, so the text reads back as it was).
void xlsxCell(std::string& out, const Cell& cell, const std::string& ref, int style) {
    const std::string s = style ? " s=\"" + std::to_string(style) + "\"" : "";
    if (cell.isNumber) {
        if (std::isfinite(cell.number)) out += "<c r=\"" + ref + "\"" + s + "><v>" + formatNumber(cell.number) + "</v></c>";
        return;
    }
    if (cell.text.empty()) return;
    out += "<c r=\"" + ref + "\"" + s + " t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xmlText(cell.text) + "</t></is></c>";
}

void xlsxRow(std::string& out, const std::vector<Cell>& cells, size_t row, int style) {
    const std::string r = std::to_string(row + 1);
    out += "<row r=\"" + r + "\">";
    for (size_t c = 0; c < cells.size(); ++c) xlsxCell(out, cells[c], columnName(c) + r, style);
    out += "</row>";
}

const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const char* kPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";

std::string sheetXml(const Table& t) {
    std::string x = std::string(kXmlHead) + "<worksheet xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\">";
    // The header row stays in view while scrolling.
    x += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
         "state=\"frozen\"/></sheetView></sheetViews>";
    x += "<sheetFormatPr baseColWidth=\"10\" defaultColWidth=\"14\" defaultRowHeight=\"15\"/><sheetData>";
    xlsxRow(x, headerCells(t), 0, 1);
    for (size_t r = 0; r < t.rows.size(); ++r) xlsxRow(x, t.rows[r], r + 1, 0);
    return x + "</sheetData></worksheet>";
}

// Excel refuses sheet names with []:*?/\ or longer than 31 characters.
std::string sheetName(std::string_view name) {
    std::string out;
    size_t chars = 0;
    for (size_t i = 0; i < name.size() && chars < 31; ++chars) {
        const uint32_t cp = nextCodepoint(name, i);
        const bool forbidden = cp < 0x80 && std::string_view("[]:*?/\\").find(char(cp)) != std::string_view::npos;
        appendUtf8(out, cp < 0x20 || forbidden ? uint32_t('_') : cp);
    }
    return out.empty() ? "Sheet1" : out;
}

std::string workbookXml(const Table& t) {
    return std::string(kXmlHead) + "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\"><sheets><sheet name=\"" +
           xmlText(sheetName(t.name)) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
}

// Two cell formats: 0 plain, 1 bold (the header). Fills 0 and 1 are the two that Excel requires.
const char* kStyles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    "</styleSheet>";

const char* kContentTypes =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    "</Types>";

std::string relationship(const char* id, const std::string& type, const char* target) {
    return std::string("<Relationship Id=\"") + id + "\" Type=\"" + kRel + "/" + type + "\" Target=\"" + target + "\"/>";
}
} // namespace

bool looksLikeFormula(std::string_view s) {
    return !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos;
}

std::string writeCsv(const Table& t, CsvFlavor flavor) {
    std::string out = flavor == CsvFlavor::Excel ? "\xEF\xBB\xBF" : "";
    csvRow(out, headerCells(t), flavor);
    for (const auto& row : t.rows) csvRow(out, row, flavor);
    return out;
}

Expected<std::string> writeXlsx(const Table& t) {
    const std::string head = kXmlHead;
    const std::string open = std::string("<Relationships xmlns=\"") + kPkgRel + "\">";
    return storeZip({
        {"[Content_Types].xml", head + kContentTypes},
        {"_rels/.rels", head + open + relationship("rId1", "officeDocument", "xl/workbook.xml") + "</Relationships>"},
        {"xl/workbook.xml", workbookXml(t)},
        {"xl/_rels/workbook.xml.rels", head + open + relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
                                           relationship("rId2", "styles", "styles.xml") + "</Relationships>"},
        {"xl/worksheets/sheet1.xml", sheetXml(t)},
        {"xl/styles.xml", head + kStyles},
    });
}

} // namespace kefu::core
