// What differs between the page and the desktop window, behind one header (STYLE.md 2):
// platform_web.cpp (URL, localStorage, fonts the page fetches, the page's hidden text field,
// window.kefu) and platform_desktop.cpp (command line, a settings file, the system font, SDL's IME).
#pragma once
#include <string>
#include <vector>

#include "text_input.h"

namespace kefu::web::platform {

void init(int argc, char** argv);
// The window's initial size in CSS pixels (the page: the canvas' CSS size).
void initialWindowSize(int& w, int& h);
bool demoRequested(); // ?demo=1 in the URL, --demo on the command line
bool firstOpen();     // never opened here before: offer the demo
void rememberOpened();
// Settings of this browser / this computer, not of the shop (the manager's name): localStorage in
// the page, ~/.kefuscore-<key> on the desktop. Empty when never set.
std::string loadSetting(const char* key);
void saveSetting(const char* key, const std::string& value);
// The font for the first frame (the page: the GB2312 subset it preloaded) and whether it is
// already the full one; the full font arrives later through fonts().setFontData().
std::vector<unsigned char> takeInitialFont(bool& full);
// After every frame: the first one starts the lazy font load and hides the page's loading
// indicator; the text field state places the page's hidden input (or SDL's IME rectangle).
// Returns false when the app should stop (desktop: --frames N).
bool frameDone(bool first, const TextFieldState& field);
// At exit (desktop): --print-state prints the state and the last frame's items as JSON.
void exitReport();
// Installs ImGui's clipboard callbacks.
void setupClipboard();
// What Ctrl+V outside a text field pastes: the system clipboard on the desktop; empty in the page,
// whose paste event delivers the text instead (App::pasteText).
std::string clipboardForPaste();
// Prints a self-contained HTML document (pay slips): the page loads it into a hidden iframe and
// opens the browser's print dialog (window.kefu.lastPrint keeps it for tests); the desktop writes
// it to an .html file in the home folder (or the working folder). Returns that file's path, or
// empty (the page, or the file could not be written).
std::string printHtml(const std::string& title, const std::string& html);

} // namespace kefu::web::platform
