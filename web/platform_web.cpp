// The page build: shell.html owns the DOM side (loading indicator, font fetches, the hidden
// <input> for IME and clipboard, window.kefu); this file is its C side: calls into
// Module.kefuPage through EM_JS and the exported functions the page calls back.
#include <cstdlib>
#include <string>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "app.h"
#include "fonts.h"
#include "platform.h"
#include "test_hook.h"
#include "text.h"

// clang-format off
EM_JS(int, js_demo_requested, (), {
    return new URLSearchParams(window.location.search).get("demo") === "1" ? 1 : 0;
});
EM_JS(int, js_first_open, (), {
    try { return localStorage.getItem("kefu.opened") ? 0 : 1; } catch (e) { return 0; }
});
EM_JS(void, js_remember_opened, (), {
    try { localStorage.setItem("kefu.opened", "1"); } catch (e) {}
});
EM_JS(char*, js_load_setting, (const char* key), {
    let v = "";
    try { v = localStorage.getItem("kefu." + UTF8ToString(key)) || ""; } catch (e) {}
    const n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(void, js_save_setting, (const char* key, const char* value), {
    try { localStorage.setItem("kefu." + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
// The page keeps fetched fonts in Module.kefuFonts.initial / .full until C++ copies them out.
EM_JS(int, js_font_size, (int full), {
    const f = Module.kefuFonts && Module.kefuFonts[full ? "full" : "initial"];
    return f ? f.length : 0;
});
EM_JS(void, js_font_take, (int full, unsigned char* dst), {
    const key = full ? "full" : "initial";
    HEAPU8.set(Module.kefuFonts[key], dst);
    Module.kefuFonts[key] = null;
});
EM_JS(void, js_frame_done, (int first, int active, float x, float y, float h), {
    if (Module.kefuPage) Module.kefuPage.frameDone(first, active, x, y, h);
});
EM_JS(void, js_set_clipboard, (const char* text), {
    if (Module.kefuPage) Module.kefuPage.setClipboard(UTF8ToString(text));
});
EM_JS(void, js_print_html, (const char* title, const char* html), {
    if (Module.kefuPage) Module.kefuPage.printHtml(UTF8ToString(title), UTF8ToString(html));
});
// clang-format on

namespace kefu::web::platform {

namespace {
std::string g_clipboard;

const char* getClipboard(void*) { return g_clipboard.c_str(); }
void setClipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_set_clipboard(g_clipboard.c_str());
}
} // namespace

void init(int, char**) {}

void initialWindowSize(int& w, int& h) {
    double cw = 0, ch = 0;
    emscripten_get_element_css_size("#canvas", &cw, &ch);
    w = cw > 0 ? int(cw) : 1280;
    h = ch > 0 ? int(ch) : 800;
}

bool demoRequested() { return js_demo_requested() != 0; }
bool firstOpen() { return js_first_open() != 0; }
void rememberOpened() { js_remember_opened(); }

std::string loadSetting(const char* key) {
    char* p = js_load_setting(key);
    std::string v = p ? p : "";
    std::free(p);
    return v;
}

void saveSetting(const char* key, const std::string& value) { js_save_setting(key, value.c_str()); }

// Copies a font the page fetched out of JS (also used by kefu_font_arrived below).
std::vector<unsigned char> takeFont(bool full) {
    std::vector<unsigned char> bytes(static_cast<size_t>(js_font_size(full)));
    if (!bytes.empty()) js_font_take(full, bytes.data());
    return bytes;
}

std::vector<unsigned char> takeInitialFont(bool& full) {
    full = false;
    return takeFont(false);
}

bool frameDone(bool first, const TextFieldState& f) {
    js_frame_done(first, f.active, f.x, f.y, f.h);
    return true;
}

void exitReport() {}

void setupClipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
}

std::string clipboardForPaste() { return {}; }

std::string printHtml(const std::string& title, const std::string& html) {
    js_print_html(title.c_str(), html.c_str());
    return {};
}

} // namespace kefu::web::platform

// Called by shell.html. Returned strings stay valid until the next call of the same function.
extern "C" {

EMSCRIPTEN_KEEPALIVE const char* kefu_items_json() {
    static std::string s;
    s = kefu::web::itemsJson();
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* kefu_state_json() {
    static std::string s;
    s = kefu::core::writeJson(kefu::core::appStateToJson(kefu::web::app().state()));
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* kefu_font_info() {
    static std::string s;
    const auto& f = kefu::web::fonts();
    std::string missing;
    for (uint32_t cp : f.missingGlyphs()) kefu::core::appendUtf8(missing, cp);
    kefu::core::Json j = kefu::core::Json::object();
    j.set("full", kefu::core::Json::boolean(f.fullFont()));
    j.set("rebuilds", kefu::core::Json::number(f.rebuilds()));
    j.set("missing", kefu::core::Json::string(missing));
    s = kefu::core::writeJson(j);
    return s.c_str();
}

// window.kefu.act(json): an action for the next frame; returns "" or why it was refused.
EMSCRIPTEN_KEEPALIVE const char* kefu_test_action(const char* json) {
    static std::string s;
    s.clear();
    auto j = kefu::core::parseJson(json);
    if (!j) return (s = j.error()).c_str();
    auto a = kefu::core::actionFromJson(kefu::web::app().state(), *j);
    if (!a) return (s = a.error()).c_str();
    kefu::web::app().push(std::move(*a));
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE long kefu_frame_count() { return kefu::web::frameCount(); }

// Whether the last frame drew Chinese text (shell.html notes the time of the first such frame).
EMSCRIPTEN_KEEPALIVE int kefu_frame_showed_text() { return kefu::web::lastFrameShowedCjk() ? 1 : 0; }

// The frame times since the last call, as a JSON array of milliseconds (the frame-time benchmark).
EMSCRIPTEN_KEEPALIVE const char* kefu_frame_times() {
    static std::string s;
    kefu::core::Json list = kefu::core::Json::array();
    for (double ms : kefu::web::takeFrameTimes()) list.push(kefu::core::Json::number(ms));
    s = kefu::core::writeJson(list);
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE void kefu_text_input(const char* utf8) { kefu::web::insertText(utf8); }

// Copy: the active text field's selection, or (no field active) what the app copies (the grid).
EMSCRIPTEN_KEEPALIVE const char* kefu_copy_text() {
    static std::string s;
    s = kefu::web::activeTextField().active ? kefu::web::selectedText() : kefu::web::app().copyText();
    return s.c_str();
}

// Paste outside a text field (the page's document-level paste event).
EMSCRIPTEN_KEEPALIVE void kefu_paste_outside(const char* utf8) { kefu::web::app().pasteText(utf8 ? utf8 : ""); }

EMSCRIPTEN_KEEPALIVE const char* kefu_cut_text() {
    static std::string s;
    s = kefu::web::cutSelection();
    return s.c_str();
}

// The page fetched the full font into Module.kefuFonts.full; the next frame uses it.
EMSCRIPTEN_KEEPALIVE void kefu_font_arrived() {
    auto bytes = kefu::web::platform::takeFont(true);
    if (!bytes.empty()) kefu::web::fonts().setFontData(std::move(bytes), true);
}

} // extern "C"
