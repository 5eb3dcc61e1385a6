// The widgets every panel uses: thin wrappers over ImGui that take a stable id and a translated
// label, give ImGui "label###id" (so ids survive a language switch), note the label's characters
// for the glyph atlas and record the item for the test hook. Panels call only these for
// anything a user sees or clicks.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app_state.h"

namespace kefu::web::ui {

bool button(const char* id, std::string_view label, ImVec2 size = {0, 0});
bool smallButton(const char* id, std::string_view label);
// A section that opens and closes when its header is clicked; returns true while open.
bool collapsingHeader(const char* id, std::string_view label);
bool beginMenu(const char* id, std::string_view label, bool enabled = true);
bool menuItem(const char* id, std::string_view label, bool selected = false, bool enabled = true);
// A single-line text field; returns true when Enter was pressed (the value is edited in place).
bool inputText(const char* id, std::string_view hint, std::string& value, float width = -1);
// Empties a field after its value was submitted: an active ImGui field keeps its own copy of the
// text, so it is deactivated and focused again on the next frame, ready for the next entry.
void clearField(const char* id, std::string& value, bool refocus);
// A drop-down of translated items; returns true when the selection changed.
bool combo(const char* id, std::string_view label, int& current, const std::vector<std::string>& items, float width = -1);
// The same for long lists (the catalog's metrics): a text field on top of the list keeps the items
// that contain the typed text (`filter` holds it; emptied whenever the list opens).
bool filteredCombo(const char* id, std::string_view label, int& current, const std::vector<std::string>& items,
                   std::string* filter, float width = -1);
bool radio(const char* id, std::string_view label, bool active);
bool checkbox(const char* id, std::string_view label, bool& value);
void text(const char* id, std::string_view s);
void textDisabled(const char* id, std::string_view s);
void textWrapped(const char* id, std::string_view s);
// Begins a full-size panel window at a fixed place (no move/resize); records its title.
bool beginPanel(const char* id, std::string_view title, ImVec2 pos, ImVec2 size);
void endPanel();
// Begins a movable window centred on its first appearance (`open` gets a close button); records it.
// height 0: as tall as its content.
bool beginDialog(const char* id, std::string_view title, bool* open, float width, float height = 0);
void endDialog();
// Money in yuan as the shop's settings show it (thousands separator, decimals).
std::string money(const core::AppState& s, int64_t fen);
// The platforms of nickname bindings for a combo: 其他平台 first, then core::platformIds() in order;
// platformIndex maps an id to its combo index (0 for empty or unknown).
std::vector<std::string> platformLabels();
int platformIndex(const std::string& platformId);
// "label###id" for ImGui calls that the wrappers do not cover (tables, popups).
std::string imguiLabel(std::string_view label, const char* id);

} // namespace kefu::web::ui
