// The status bar: version, shop, save state, scheme and the font that is loaded.
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
void separator() {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
}
} // namespace

void drawStatusBar(const core::AppState& s, const StatusInfo& info, const Layout& layout) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - layout.statusBarHeight));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, layout.statusBarHeight));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##status", nullptr, flags);
    text("status.version", trf("status.version", {KEFU_VERSION}));
    separator();
    std::string shop = s.shopName.empty() ? tr("status.no_shop") : s.shopName;
    if (s.demo) shop += " " + tr("status.demo");
    text("status.shop", shop);
    separator();
    static const char* const kSaveKeys[] = {"status.nothing_to_save", "status.unsaved", "status.saving", "status.saved",
                                            "status.save_failed"};
    const int save = info.save >= 0 && info.save < 5 ? info.save : 0;
    if (info.readOnly) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.75f, 0.3f, 1.0f));
        text("status.save", tr("status.read_only"));
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("status.read_only_tip").c_str());
    } else {
        text("status.save", tr(save == 0 && !(s.periods.empty() && s.roster.empty()) ? "status.unsaved" : kSaveKeys[save]));
    }
    if (!s.managerName.empty()) {
        separator();
        text("status.manager", trf("status.manager", {s.managerName}));
    }
    separator();
    text("status.font", tr(info.fullFont ? "status.font_full" : "status.font_loading"));
    ImGui::End();
    ImGui::PopStyleVar(2);
}

} // namespace kefu::web::ui
