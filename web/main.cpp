// KefuScore's window: SDL2 + OpenGL (WebGL2 in the page, OpenGL 3 on the desktop) + Dear ImGui.
// One frame: events -> glyph atlas -> ImGui frame (the app draws, then applies actions) -> GL.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <chrono>
#include <cstdio>

#include "app.h"
#include "fonts.h"
#include "platform.h"
#include "storage.h"
#include "test_hook.h"
#include "text_input.h"

namespace {

struct Runtime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    bool texturesLive = false; // the backend made its GL objects (after the first NewFrame)
    bool quit = false;
    long frames = 0;
};

bool createWindow(Runtime& rt) {
#ifdef __EMSCRIPTEN__
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    int w = 0, h = 0;
    kefu::web::platform::initialWindowSize(w, h);
    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    rt.window = SDL_CreateWindow("KefuScore 客服考核", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!rt.window) return false;
    rt.gl = SDL_GL_CreateContext(rt.window);
    if (!rt.gl) return false;
    SDL_GL_MakeCurrent(rt.window, rt.gl);
    SDL_GL_SetSwapInterval(1);
    return true;
}

void setupImGui(Runtime& rt) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // panels have fixed places; nothing to remember
    ImGui::StyleColorsDark();
    ImGui::GetStyle().WindowRounding = 0;
    ImGui_ImplSDL2_InitForOpenGL(rt.window, rt.gl);
#ifdef __EMSCRIPTEN__
    ImGui_ImplOpenGL3_Init("#version 300 es");
#else
    ImGui_ImplOpenGL3_Init("#version 150");
#endif
    kefu::web::platform::setupClipboard();
    bool full = false;
    kefu::web::fonts().setFontData(kefu::web::platform::takeInitialFont(full), full);
}

// The device pixel ratio: drawable (canvas backing store) size over window (CSS) size.
float pixelRatio(SDL_Window* window) {
    int w = 0, h = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(window, &w, &h);
    SDL_GL_GetDrawableSize(window, &dw, &dh);
    return w > 0 && dw > 0 ? float(dw) / float(w) : 1.0f;
}

void pollEvents(Runtime& rt) {
    kefu::web::beginInputFrame();
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        kefu::web::processEvent(e);
        if (e.type == SDL_QUIT) rt.quit = true;
#ifndef __EMSCRIPTEN__
        if (e.type == SDL_DROPFILE) { // the page gets dropped files from shell.html instead
            kefu::web::storage::pickFile("", e.drop.file);
            SDL_free(e.drop.file);
        }
#endif
    }
}

void render(Runtime& rt) {
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, int(io.DisplaySize.x * io.DisplayFramebufferScale.x), int(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0.10f, 0.11f, 0.13f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(rt.window);
}

void frame(void* arg) {
    Runtime& rt = *static_cast<Runtime*>(arg);
    const auto t0 = std::chrono::steady_clock::now();
    const int rebuilds = kefu::web::fonts().rebuilds();
    pollEvents(rt);
    kefu::web::fonts().prepare(pixelRatio(rt.window), rt.texturesLive);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    rt.texturesLive = true;
    ImGui::NewFrame();
    kefu::web::beginItemFrame();
    kefu::web::ui::StatusInfo status;
    status.fullFont = kefu::web::fonts().fullFont();
    kefu::web::app().frame(status);
    kefu::web::endItemFrame();
    render(rt);
    if (rt.frames > 0 && kefu::web::fonts().rebuilds() == rebuilds)
        kefu::web::recordFrameTime(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (!kefu::web::platform::frameDone(rt.frames == 0, kefu::web::activeTextField())) rt.quit = true;
    ++rt.frames;
}

} // namespace

int main(int argc, char** argv) {
    kefu::web::platform::init(argc, argv);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    static Runtime rt;
    if (!createWindow(rt)) {
        std::fprintf(stderr, "window/GL context: %s\n", SDL_GetError());
        return 1;
    }
    setupImGui(rt);
    const bool first = kefu::web::platform::firstOpen();
    kefu::web::app().init({kefu::web::platform::demoRequested(), first});
    if (first) kefu::web::platform::rememberOpened();
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(frame, &rt, 0, false);
#else
    while (!rt.quit) frame(&rt);
    kefu::web::platform::exitReport();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(rt.gl);
    SDL_DestroyWindow(rt.window);
    SDL_Quit();
#endif
    return 0;
}
