#include "test_hook.h"

#include <imgui.h>

#include "json.h"
#include "text.h"

namespace kefu::web {

namespace {
std::vector<ItemRecord> g_current, g_last;
std::vector<double> g_frameTimes;
long g_frames = 0;
} // namespace

void recordRect(std::string_view id, std::string_view label, const char* type, float x, float y, float w, float h) {
    g_current.push_back(ItemRecord{std::string(id), std::string(label), type, {}, x, y, w, h});
}

void recordItem(std::string_view id, std::string_view label, const char* type, std::string_view value) {
    if (!ImGui::IsItemVisible()) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    recordRect(id, label, type, a.x, a.y, b.x - a.x, b.y - a.y);
    g_current.back().value = std::string(value);
}

void beginItemFrame() { g_current.clear(); }

void endItemFrame() {
    g_last.swap(g_current);
    ++g_frames;
}

long frameCount() { return g_frames; }

void recordFrameTime(double ms) {
    if (g_frameTimes.size() < 100000) g_frameTimes.push_back(ms);
}

std::vector<double> takeFrameTimes() {
    std::vector<double> out;
    out.swap(g_frameTimes);
    return out;
}

bool lastFrameShowedCjk() {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!atlas || atlas->Fonts.empty()) return false;
    const ImFont* font = atlas->Fonts[0];
    for (const auto& it : g_last)
        for (size_t i = 0; i < it.label.size();) {
            if (uint8_t(it.label[i]) < 0x80) { ++i; continue; }
            const uint32_t cp = core::nextCodepoint(it.label, i);
            if (cp >= 0x4E00 && cp <= 0x9FFF && font->FindGlyphNoFallback(ImWchar(cp))) return true;
        }
    return false;
}

std::string itemsJson() {
    using core::Json;
    Json list = Json::array();
    for (const auto& it : g_last) {
        Json j = Json::object();
        j.set("id", Json::string(it.id));
        j.set("label", Json::string(it.label));
        j.set("type", Json::string(it.type));
        if (!it.value.empty()) j.set("value", Json::string(it.value));
        j.set("x", Json::number(it.x));
        j.set("y", Json::number(it.y));
        j.set("w", Json::number(it.w));
        j.set("h", Json::number(it.h));
        list.push(std::move(j));
    }
    return core::writeJson(list);
}

} // namespace kefu::web
