// One panel of the registry drawn with a state and its UI-only state, on the null backend: what
// every panel test starts from (clicks, typed text, labels, the actions queued, applying them).
#pragma once
#include <string>

#include <doctest/doctest.h>

#include "panel_registry.h"

namespace kefu::test {

struct PanelTest {
    NullBackend nb;
    PanelUi ui;
    core::AppState state;
    DrawFn draw;

    PanelTest(const char* name, core::AppState s, ImVec2 display = {1280, 800}) : nb(display), state(std::move(s)) {
        const PanelEntry& p = panel(name);
        if (p.open) p.open(ui, state);
        draw = drawFn(ui, state, p.draw);
        nb.frames(2, draw);
    }
    bool click(const std::string& id) { return nb.click(id, draw); }
    // A click, and a frame to show what it changed (a field drawn before the button shows it then).
    bool clickAndDraw(const std::string& id) {
        const bool clicked = nb.click(id, draw);
        nb.frames(1, draw);
        return clicked;
    }
    std::string label(const std::string& id) {
        auto it = nb.item(id);
        return it ? it->label : "(" + id + " not drawn)";
    }
    std::string value(const std::string& id) {
        auto it = nb.item(id);
        return it ? it->value : "(" + id + " not drawn)";
    }
    // Applies the queued actions like the app after a frame, and draws again.
    void applyActions() {
        for (const auto& a : nb.takeActions()) core::apply(state, a);
        nb.frames(2, draw);
    }
};

} // namespace kefu::test
