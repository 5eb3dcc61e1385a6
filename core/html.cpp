// HTML helpers (html.h).
#include "html.h"

namespace kefu::core {

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const char* entity = c == '&'    ? "&amp;"
                             : c == '<'  ? "&lt;"
                             : c == '>'  ? "&gt;"
                             : c == '"'  ? "&quot;"
                             : c == '\'' ? "&#39;"
                                         : nullptr;
        entity ? out.append(entity) : out.append(1, c);
    }
    return out;
}

std::string htmlDocumentStart(Lang lang, std::string_view title, std::string_view css) {
    std::string out = "<!doctype html>\n<html lang=\"" + std::string(lang == Lang::Zh ? "zh-CN" : "en") + "\"><head>";
    out += "<meta charset=\"utf-8\"><title>" + escapeHtml(title) + "</title><style>" + std::string(css);
    out += "</style></head><body>\n";
    return out;
}

} // namespace kefu::core
