// Small HTML pieces shared by the printable documents (pay slips, the monthly report): escaping
// of data, the document's head, and table cells. Labels are trusted text; data goes through escapeHtml.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "explain.h"

namespace kefu::core {

// Text safe inside HTML elements, quoted attributes and inline SVG text (& < > " ').
std::string escapeHtml(std::string_view text);

// "<!doctype html>...<body>\n": UTF-8, the language's lang attribute, the title (data, escaped)
// and the inline style sheet.
std::string htmlDocumentStart(Lang lang, std::string_view title, std::string_view css);

// Builds a document in one language.
struct HtmlWriter {
    Lang lang;
    std::string out;
    const char* t(const Msg& m) const { return lang == Lang::Zh ? m.zh : m.en; }
    // Cells: a label, a data text, an amount of money (marked when negative).
    static std::string th(std::string_view label) { return "<th>" + std::string(label) + "</th>"; }
    static std::string td(std::string_view data) { return "<td>" + escapeHtml(data) + "</td>"; }
    static std::string yuan(int64_t fen) {
        return std::string(fen < 0 ? "<td class=\"yuan neg\">" : "<td class=\"yuan\">") + formatYuan(fen) + "</td>";
    }
};

} // namespace kefu::core
