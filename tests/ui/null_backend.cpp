// ImGui frames without a platform or renderer backend, and IM_ASSERT as a test failure.
#include "null_backend.h"

#include <exception>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include "json.h"

namespace kefu::test {

namespace {
bool g_tearingDown = false; // DestroyContext runs in a destructor: never throw from there
int* g_expected = nullptr;  // an ExpectImGuiAssert is counting

struct ImGuiAssertion : std::runtime_error {
    using std::runtime_error::runtime_error;
};
} // namespace

// IM_ASSERT of imgui_test_config.h: the failure is recorded at ImGui's (or the panel's) line; then
// a throw leaves the frame, which ImGui could not finish sensibly. While the stack unwinds (a
// destructor asserting after an earlier failure) or the context is being destroyed, recording
// is all it does.
void imguiAssertFailed(const char* expr, const char* file, int line) {
    if (g_expected)
        ++*g_expected;
    else
        ADD_FAIL_CHECK_AT(file, line, "IM_ASSERT(" << std::string(expr) << ") failed"); // not as a pointer
    if (g_tearingDown || std::uncaught_exceptions() > 0) return;
    throw ImGuiAssertion(std::string("IM_ASSERT(") + expr + ") at " + file + ":" + std::to_string(line));
}

ExpectImGuiAssert::ExpectImGuiAssert() { g_expected = &m_count; }
ExpectImGuiAssert::~ExpectImGuiAssert() { g_expected = nullptr; }

NullBackend::NullBackend(ImVec2 display) {
    IMGUI_CHECKVERSION();
    m_context = ImGui::CreateContext();
    ImGuiIO& io = this->io();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k; // keys tapped by their ImGuiKey index
    ImGui::StyleColorsDark();
    ImGui::GetStyle().WindowRounding = 0;
    // The atlas in memory only: ImGui's default font (no CJK glyphs: those draw as '?'), no texture.
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    web::beginItemFrame(); // forget the items of an earlier context
    web::endItemFrame();
}

NullBackend::~NullBackend() {
    g_tearingDown = true;
    ImGui::DestroyContext(m_context);
    g_tearingDown = false;
}

// CreateContext keeps an earlier context current: every call makes this one current, so that two
// backends can be alive in one test.
ImGuiIO& NullBackend::io() {
    ImGui::SetCurrentContext(m_context);
    return ImGui::GetIO();
}

void NullBackend::frame(const DrawFn& draw) {
    io().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    web::beginItemFrame();
    draw(m_actions);
    web::endItemFrame();
    ImGui::Render(); // ends the frame (EndFrame) and builds draw lists that nothing renders
}

void NullBackend::frames(int n, const DrawFn& draw) {
    for (int i = 0; i < n; ++i) frame(draw);
}

std::optional<web::ItemRecord> NullBackend::item(std::string_view id) const {
    auto list = core::parseJson(web::itemsJson());
    if (!list || !list->isArray()) return std::nullopt;
    for (const core::Json& j : list->items()) {
        const core::Json* itemId = j.find("id");
        if (!itemId || itemId->asString() != id) continue;
        auto str = [&](const char* k) {
            const core::Json* v = j.find(k);
            return v ? v->asString() : std::string();
        };
        auto num = [&](const char* k) {
            const core::Json* v = j.find(k);
            return v ? float(v->asNumber()) : 0.0f;
        };
        return web::ItemRecord{str("id"), str("label"), str("type"), str("value"),
                               num("x"),  num("y"),     num("w"),    num("h")};
    }
    return std::nullopt;
}

bool NullBackend::click(std::string_view id, const DrawFn& draw) {
    std::optional<web::ItemRecord> it = item(id);
    for (int i = 0; i < 3 && !it; ++i) {
        frame(draw);
        it = item(id);
    }
    if (!it) return false;
    ImGuiIO& io = this->io();
    io.MousePos = ImVec2(it->x + it->w * 0.5f, it->y + it->h * 0.5f);
    frame(draw);
    if (auto moved = item(id)) io.MousePos = ImVec2(moved->x + moved->w * 0.5f, moved->y + moved->h * 0.5f);
    io.MouseDown[0] = true;
    frame(draw);
    io.MouseDown[0] = false;
    frame(draw);
    return true;
}

bool NullBackend::hover(std::string_view id, const DrawFn& draw) {
    std::optional<web::ItemRecord> it = item(id);
    if (!it) return false;
    io().MousePos = ImVec2(it->x + it->w * 0.5f, it->y + it->h * 0.5f);
    frames(2, draw);
    return true;
}

void NullBackend::clickAt(ImVec2 pos, const DrawFn& draw) {
    ImGuiIO& io = this->io();
    io.MousePos = pos;
    frame(draw);
    io.MouseDown[0] = true;
    frame(draw);
    io.MouseDown[0] = false;
    frame(draw);
}

void NullBackend::type(const char* utf8, const DrawFn& draw) {
    io().AddInputCharactersUTF8(utf8);
    frame(draw);
}

void NullBackend::tapKey(ImGuiKey key, const DrawFn& draw) {
    ImGuiIO& io = this->io();
    io.KeysDown[key] = true;
    frame(draw);
    io.KeysDown[key] = false;
    frame(draw);
}

std::vector<core::Action> NullBackend::takeActions() {
    std::vector<core::Action> out;
    out.swap(m_actions.queue);
    return out;
}

} // namespace kefu::test
