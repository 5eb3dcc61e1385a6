// The first open without ?demo=1: offer the demo shop or a blank start.
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

void drawWelcomeDialog(WelcomeDialog& d, const core::AppState&) {
    const std::string popupId = imguiLabel(tr("welcome.title"), "welcome");
    if (d.pending) {
        ImGui::OpenPopup(popupId.c_str());
        d.pending = false;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(420, 0));
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    textWrapped("welcome.text", tr("welcome.text"));
    ImGui::Spacing();
    if (button("welcome.open_demo", tr("welcome.open_demo"))) {
        d.openDemo = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button("welcome.blank", tr("welcome.blank"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace kefu::web::ui
