#include "text_input.h"

#include <vector>

#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_internal.h>

#include "fonts.h"

namespace kefu::web {

namespace {
std::vector<SDL_Event> g_deferred;      // key releases for the next frame
std::vector<SDL_Scancode> g_downThisFrame;
int g_backspaceTap = 0;                 // 2: press this frame, 1: release this frame

bool wentDownThisFrame(SDL_Scancode sc) {
    for (SDL_Scancode s : g_downThisFrame)
        if (s == sc) return true;
    return false;
}

// ImGui 1.86's SDL backend reads modifiers from SDL_GetModState() when it handles the event,
// which is already the state after every queued event; the event's own snapshot is right.
void setModifiers(const SDL_Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    const Uint16 mod = e.key.keysym.mod;
    io.KeyShift = (mod & KMOD_SHIFT) != 0;
    io.KeyCtrl = (mod & KMOD_CTRL) != 0;
    io.KeyAlt = (mod & KMOD_ALT) != 0;
    io.KeySuper = (mod & KMOD_GUI) != 0;
}

void tapBackspace() {
    ImGuiIO& io = ImGui::GetIO();
    const int key = io.KeyMap[ImGuiKey_Backspace];
    if (g_backspaceTap == 2) io.KeysDown[key] = true;
    if (g_backspaceTap == 1) io.KeysDown[key] = false;
    if (g_backspaceTap > 0) --g_backspaceTap;
}
} // namespace

void beginInputFrame() {
    g_downThisFrame.clear();
    std::vector<SDL_Event> released;
    released.swap(g_deferred);
    for (const SDL_Event& e : released) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        setModifiers(e);
    }
    tapBackspace();
}

void processEvent(const SDL_Event& e) {
    if (e.type == SDL_TEXTINPUT) fonts().noteText(e.text.text);
    if (e.type == SDL_KEYUP && wentDownThisFrame(e.key.keysym.scancode)) {
        g_deferred.push_back(e);
        return;
    }
    if (e.type == SDL_KEYDOWN) g_downThisFrame.push_back(e.key.keysym.scancode);
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) setModifiers(e);
}

void insertText(const char* utf8) {
    if (!utf8 || !*utf8) return;
    fonts().noteText(utf8);
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

std::string selectedText() {
    ImGuiContext& g = *GImGui;
    const ImGuiInputTextState& st = g.InputTextState;
    if (g.ActiveId == 0 || st.ID != g.ActiveId || !st.HasSelection()) return {};
    int a = ImMin(st.Stb.select_start, st.Stb.select_end), b = ImMax(st.Stb.select_start, st.Stb.select_end);
    a = ImClamp(a, 0, st.CurLenW);
    b = ImClamp(b, 0, st.CurLenW);
    std::string out(size_t(b - a) * 4 + 1, '\0');
    int n = ImTextStrToUtf8(out.data(), int(out.size()), st.TextW.Data + a, st.TextW.Data + b);
    out.resize(size_t(n));
    return out;
}

std::string cutSelection() {
    std::string s = selectedText();
    if (!s.empty()) g_backspaceTap = 2;
    return s;
}

TextFieldState activeTextField() {
    ImGuiContext& g = *GImGui;
    TextFieldState t;
    t.active = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
    t.x = g.PlatformImePos.x;
    t.y = g.PlatformImePos.y;
    t.h = g.FontSize;
    return t;
}

} // namespace kefu::web
