// The panel tests' ImGui "null backend": a context with a display size, a time step and a font
// atlas built in memory, frames run with no window and no renderer, and a mouse and keyboard
// driven by the test. Clicks land at the rectangle the test hook (web/test_hook.h) recorded for a
// widget id, as a user's would. One NullBackend per test: it owns its ImGui context, so an assert
// in one test (which throws out of the frame) leaves nothing broken for the next.
#pragma once
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "test_hook.h"
#include "ui/panels.h"

namespace kefu::test {

// What one frame draws; actions the panels push go into the queue it is given.
using DrawFn = std::function<void(web::ui::Actions&)>;

class NullBackend {
public:
    explicit NullBackend(ImVec2 display = {1280, 800});
    ~NullBackend();
    NullBackend(const NullBackend&) = delete;
    NullBackend& operator=(const NullBackend&) = delete;

    // One frame: NewFrame, draw, Render (which ends the frame); the test hook records its items.
    void frame(const DrawFn& draw);
    void frames(int n, const DrawFn& draw);
    // The item with this id in the last frame (of any backend), as the widgets recorded it
    // (web::itemsJson()).
    std::optional<web::ItemRecord> item(std::string_view id) const;
    // A left click at the item's centre: move, press, release (three frames), after up to three
    // frames more while the item is not drawn yet (a window appearing). False: it never showed.
    bool click(std::string_view id, const DrawFn& draw);
    // The mouse over an item's centre for two frames (tooltips).
    bool hover(std::string_view id, const DrawFn& draw);
    // A left click at a point (e.g. outside a popup, to close it).
    void clickAt(ImVec2 pos, const DrawFn& draw);
    // Text typed into the focused field (one frame), and a key tapped (two frames).
    void type(const char* utf8, const DrawFn& draw);
    void tapKey(ImGuiKey key, const DrawFn& draw);
    // What the panels pushed since the last call, in order.
    std::vector<core::Action> takeActions();

private:
    ImGuiIO& io();

    ImGuiContext* m_context = nullptr;
    web::ui::Actions m_actions;
};

// While one is alive, a failed IM_ASSERT is counted instead of failing the test (it still throws
// out of the frame): for the test of the harness itself.
class ExpectImGuiAssert {
public:
    ExpectImGuiAssert();
    ~ExpectImGuiAssert();
    ExpectImGuiAssert(const ExpectImGuiAssert&) = delete;
    ExpectImGuiAssert& operator=(const ExpectImGuiAssert&) = delete;
    int count() const { return m_count; }

private:
    int m_count = 0;
};

// The first action of type T in a list, or nullptr.
template <class T> const T* findAction(const std::vector<core::Action>& actions) {
    for (const auto& a : actions)
        if (const T* t = std::get_if<T>(&a)) return t;
    return nullptr;
}

} // namespace kefu::test
