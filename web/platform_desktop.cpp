// The desktop build: --demo on the command line, a marker file for "opened before", the whole
// system CJK font at once (KEFU_FONT overrides its path), SDL's own IME and clipboard.
// For smoke tests: --frames N stops after N frames, --print-state prints state and items.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include <SDL.h>
#include <imgui.h>

#include "app.h"
#include "platform.h"
#include "test_hook.h"

namespace kefu::web::platform {

namespace {
bool g_demo = false, g_printState = false;
long g_maxFrames = -1, g_frames = 0;

std::string markerPath() {
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.kefuscore-opened";
}
} // namespace

void init(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--demo") == 0) g_demo = true;
        if (std::strcmp(argv[i], "--print-state") == 0) g_printState = true;
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) g_maxFrames = std::atol(argv[++i]);
    }
}

void initialWindowSize(int& w, int& h) {
    w = 1280;
    h = 800;
}

bool demoRequested() { return g_demo; }
bool firstOpen() { return !std::ifstream(markerPath()).good(); }
void rememberOpened() { std::ofstream(markerPath()) << "1\n"; }

namespace {
std::string settingPath(const char* key) {
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.kefuscore-" + key;
}
} // namespace

std::string loadSetting(const char* key) {
    std::ifstream f(settingPath(key), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

void saveSetting(const char* key, const std::string& value) { std::ofstream(settingPath(key), std::ios::binary) << value; }

std::vector<unsigned char> takeInitialFont(bool& full) {
    const char* path = std::getenv("KEFU_FONT");
    std::ifstream f(path ? path : KEFU_DESKTOP_FONT, std::ios::binary);
    full = true;
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

bool frameDone(bool, const TextFieldState& field) {
    static bool wasActive = false;
    if (field.active) {
        SDL_Rect r{int(field.x), int(field.y), 1, int(field.h)};
        SDL_SetTextInputRect(&r);
    }
    if (field.active != wasActive) field.active ? SDL_StartTextInput() : SDL_StopTextInput();
    wasActive = field.active;
    return g_maxFrames < 0 || ++g_frames < g_maxFrames;
}

void exitReport() {
    if (!g_printState) return;
    std::printf("%s\n%s\n", core::writeJson(core::appStateToJson(app().state())).c_str(), itemsJson().c_str());
}

void setupClipboard() {} // ImGui's SDL backend already uses SDL's clipboard

std::string clipboardForPaste() {
    char* text = SDL_GetClipboardText();
    std::string out = text ? text : "";
    SDL_free(text);
    return out;
}

// The title as a file name (characters that file systems refuse become '_'), in the home folder
// beside the settings, else in the working folder.
std::string printHtml(const std::string& title, const std::string& html) {
    std::string name = title;
    for (char& c : name)
        if (std::strchr("/\\:*?\"<>|", c) || (unsigned char)c < 32) c = '_';
    const char* home = std::getenv("HOME");
    for (std::string dir : {std::string(home ? home : "."), std::string(".")}) {
        const std::string path = dir + "/" + name + ".html";
        std::ofstream f(path, std::ios::binary);
        if (f << html && f.flush()) return path;
    }
    return {};
}

} // namespace kefu::web::platform
