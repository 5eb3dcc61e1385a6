// Every panel of web/ui/ (panel_registry.cpp) drawn for several frames in every test state, in
// Chinese and English, in a wide and a narrow window: no ImGui assert, no exception. Menus and
// popups are opened by clicks so that their contents draw too.
#include <doctest/doctest.h>

#include "panel_registry.h"
#include "test_states.h"

namespace kefu::test {

namespace {
const ImVec2 kSizes[] = {{1280, 800}, {860, 640}};

// Draws one panel: frames with it open, each poke clicked (then a click on an empty corner closes
// what it opened), frames again.
void drawPanel(const PanelEntry& p, const core::AppState& s, ImVec2 display) {
    NullBackend nb(display);
    PanelUi ui;
    if (p.open) p.open(ui, s);
    const DrawFn draw = drawFn(ui, s, p.draw);
    nb.frames(3, draw);
    for (const char* id : p.pokes) {
        if (!nb.click(id, draw)) continue;
        nb.frames(2, draw);
        nb.clickAt(ImVec2(display.x - 4, display.y * 0.5f), draw);
    }
    nb.frames(2, draw);
}

// Every panel in every language variant of the states named `prefix`.
void drawEveryPanel(const std::string& prefix) {
    int drawn = 0;
    for (const NamedState& ns : allStates()) {
        if (ns.name.rfind(prefix, 0) != 0) continue;
        for (const ImVec2& size : kSizes)
            for (const PanelEntry& p : allPanels()) {
                INFO("panel '" << p.name << "', state '" << ns.name << "', " << size.x << "x" << size.y);
                CHECK_NOTHROW(drawPanel(p, ns.state, size));
                ++drawn;
            }
    }
    CHECK(drawn == 4 * int(allPanels().size())); // two languages, two sizes
}
} // namespace

TEST_CASE("every panel draws an empty app") { drawEveryPanel("empty"); }
TEST_CASE("every panel draws the demo shop") { drawEveryPanel("demo"); }
TEST_CASE("every panel draws a snapshot preview") { drawEveryPanel("preview"); }
TEST_CASE("every panel draws a merge with conflicts") { drawEveryPanel("merge conflicts"); }
TEST_CASE("every panel draws a read-only tab") { drawEveryPanel("read-only"); }
TEST_CASE("every panel draws a closed month") { drawEveryPanel("closed month"); }

TEST_CASE("the test states are what their names say") {
    const core::AppState demo = demoState();
    CHECK(demo.shopName == "小美家居旗舰店");
    CHECK(demo.periods.size() == 3);
    CHECK(demo.roster.size() >= 20);
    CHECK(core::undoStep(demo));
    const core::AppState preview = previewState();
    REQUIRE(preview.incoming);
    CHECK(preview.incoming->sameShop);
    CHECK_FALSE(preview.incoming->merging);
    const core::AppState merging = conflictState();
    REQUIRE(merging.incoming);
    CHECK(merging.incoming->merging);
    CHECK(merging.incoming->conflicts.size() == 1);
    CHECK(readOnlyState().readOnly);
    const core::AppState closed = closedState();
    CHECK(closed.periods[size_t(closed.selectedPeriod)].closed);
    CHECK_FALSE(closed.notices.empty());
}

TEST_CASE("an ImGui assert fails the test instead of aborting") {
    ExpectImGuiAssert expected; // counted here instead of failing this test
    NullBackend nb;
    std::string what;
    try {
        nb.frame([](web::ui::Actions&) { ImGui::End(); }); // End() without Begin()
    } catch (const std::exception& e) {
        what = e.what();
    }
    CHECK(expected.count() >= 1);
    CHECK(what.find("IM_ASSERT") != std::string::npos);
}

} // namespace kefu::test
