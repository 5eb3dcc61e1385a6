#include "ui/widgets.h"

#include <algorithm>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "fonts.h"
#include "i18n.h"
#include "test_hook.h"

namespace kefu::web::ui {

std::string imguiLabel(std::string_view label, const char* id) {
    fonts().noteText(label);
    std::string s(label);
    s += "###";
    s += id;
    return s;
}

std::string money(const core::AppState& s, int64_t fen) { return core::formatMoney(fen, s.settings.number); }

std::vector<std::string> platformLabels() {
    std::vector<std::string> out{tr("platform.none")};
    for (const auto& id : core::platformIds()) out.push_back(tr("platform." + id));
    return out;
}

int platformIndex(const std::string& platformId) {
    const auto& ids = core::platformIds();
    auto it = std::find(ids.begin(), ids.end(), platformId);
    return it == ids.end() ? 0 : int(it - ids.begin()) + 1;
}

bool button(const char* id, std::string_view label, ImVec2 size) {
    bool pressed = ImGui::Button(imguiLabel(label, id).c_str(), size);
    recordItem(id, label, "button");
    return pressed;
}

bool smallButton(const char* id, std::string_view label) {
    bool pressed = ImGui::SmallButton(imguiLabel(label, id).c_str());
    recordItem(id, label, "button");
    return pressed;
}

bool collapsingHeader(const char* id, std::string_view label) {
    bool open = ImGui::CollapsingHeader(imguiLabel(label, id).c_str());
    recordItem(id, label, "header");
    return open;
}

bool beginMenu(const char* id, std::string_view label, bool enabled) {
    bool open = ImGui::BeginMenu(imguiLabel(label, id).c_str(), enabled);
    recordItem(id, label, "menu");
    return open;
}

bool menuItem(const char* id, std::string_view label, bool selected, bool enabled) {
    bool clicked = ImGui::MenuItem(imguiLabel(label, id).c_str(), nullptr, selected, enabled);
    recordItem(id, label, "menu_item");
    return clicked;
}

namespace {
std::string g_refocus; // id of the field to focus on its next appearance
} // namespace

void clearField(const char* id, std::string& value, bool refocus) {
    value.clear();
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId) ImGui::ClearActiveID();
    if (refocus) g_refocus = id;
}

bool inputText(const char* id, std::string_view hint, std::string& value, float width) {
    if (g_refocus == id) {
        ImGui::SetKeyboardFocusHere();
        g_refocus.clear();
    }
    fonts().noteText(value);
    fonts().noteText(hint);
    ImGui::SetNextItemWidth(width);
    const std::string key = std::string("##") + id, hintText(hint);
    bool enter = ImGui::InputTextWithHint(key.c_str(), hintText.c_str(), &value, ImGuiInputTextFlags_EnterReturnsTrue);
    recordItem(id, hint, "input", value);
    return enter;
}

bool combo(const char* id, std::string_view label, int& current, const std::vector<std::string>& items, float width) {
    return filteredCombo(id, label, current, items, nullptr, width);
}

bool filteredCombo(const char* id, std::string_view label, int& current, const std::vector<std::string>& items,
                   std::string* filter, float width) {
    for (const auto& s : items) fonts().noteText(s);
    ImGui::SetNextItemWidth(width);
    const char* preview = current >= 0 && current < int(items.size()) ? items[size_t(current)].c_str() : "";
    bool changed = false;
    if (ImGui::BeginCombo(imguiLabel(label, id).c_str(), preview, filter ? ImGuiComboFlags_HeightLarge : 0)) {
        if (filter) { // typed text narrows the list; the field has the keyboard when the list opens
            if (ImGui::IsWindowAppearing()) {
                filter->clear();
                ImGui::SetKeyboardFocusHere();
            }
            inputText((std::string(id) + ".filter").c_str(), tr("widgets.filter_hint"), *filter, -1);
        }
        for (int i = 0; i < int(items.size()); ++i) {
            if (filter && !filter->empty() && items[size_t(i)].find(*filter) == std::string::npos) continue;
            std::string itemId = std::string(id) + "." + std::to_string(i);
            if (ImGui::Selectable(imguiLabel(items[size_t(i)], itemId.c_str()).c_str(), i == current)) {
                current = i;
                changed = true;
            }
            recordItem(itemId, items[size_t(i)], "option");
        }
        ImGui::EndCombo();
    }
    recordItem(id, preview, "combo");
    return changed;
}

bool radio(const char* id, std::string_view label, bool active) {
    bool clicked = ImGui::RadioButton(imguiLabel(label, id).c_str(), active);
    recordItem(id, label, "radio");
    return clicked;
}

bool checkbox(const char* id, std::string_view label, bool& value) {
    bool changed = ImGui::Checkbox(imguiLabel(label, id).c_str(), &value);
    recordItem(id, label, "checkbox", value ? "1" : "0");
    return changed;
}

void text(const char* id, std::string_view s) {
    fonts().noteText(s);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    recordItem(id, s, "text");
}

void textDisabled(const char* id, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text(id, s);
    ImGui::PopStyleColor();
}

void textWrapped(const char* id, std::string_view s) {
    ImGui::PushTextWrapPos(0.0f);
    text(id, s);
    ImGui::PopTextWrapPos();
}

bool beginPanel(const char* id, std::string_view title, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    bool open = ImGui::Begin(imguiLabel(title, id).c_str(), nullptr, flags);
    recordRect(id, title, "window", pos.x, pos.y, size.x, size.y);
    return open;
}

void endPanel() { ImGui::End(); }

bool beginDialog(const char* id, std::string_view title, bool* open, float width, float height) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.45f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
    const float w = std::min(width, io.DisplaySize.x - 20);
    if (height > 0) {
        ImGui::SetNextWindowSize(ImVec2(w, height), ImGuiCond_Appearing);
    } else { // fixed width, as tall as its content (up to the screen)
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, io.DisplaySize.y - 40));
        flags |= ImGuiWindowFlags_AlwaysAutoResize;
    }
    bool visible = ImGui::Begin(imguiLabel(title, id).c_str(), open, flags);
    ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    recordRect(id, title, "window", p.x, p.y, sz.x, sz.y);
    return visible;
}

void endDialog() { ImGui::End(); }

} // namespace kefu::web::ui
