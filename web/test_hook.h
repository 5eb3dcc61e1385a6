// The page's test hook (window.kefu in shell.html): every widget the panels draw is recorded
// here with its label, stable id, type and screen rectangle (CSS pixels), one list per frame.
// Present in every build: tests click and type at these rectangles like a user would.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kefu::web {

struct ItemRecord {
    std::string id;    // stable across languages ("menu.file")
    std::string label; // what the user sees ("文件")
    std::string type;  // "button", "menu", "menu_item", "input", "text", "window", ...
    std::string value; // inputs: the current text
    float x = 0, y = 0, w = 0, h = 0;
};

// Records ImGui's last item (skipped when it is not visible).
void recordItem(std::string_view id, std::string_view label, const char* type, std::string_view value = {});
// Records an explicit rectangle (windows).
void recordRect(std::string_view id, std::string_view label, const char* type, float x, float y, float w, float h);
void beginItemFrame();
void endItemFrame();
// The last complete frame's items as a JSON array.
std::string itemsJson();
// Frames drawn so far.
long frameCount();
// CPU time of the frames (milliseconds, from the start of event polling to the end of the GL
// calls), for the frame-time benchmark: the first frame and frames that rebuilt the glyph atlas
// are left out. Returns the samples since the last call and starts over.
void recordFrameTime(double ms);
std::vector<double> takeFrameTimes();
// Whether the last complete frame drew Chinese text with real glyphs: an item's label has a CJK
// character that the glyph atlas held while the frame was drawn (the start-up benchmark's "first
// frame with text"; the atlas learns new characters one frame after they are first shown).
bool lastFrameShowedCjk();

} // namespace kefu::web
