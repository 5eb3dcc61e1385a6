// 帮助 > 关于: what the app is for and its version.
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

void drawAboutWindow(MenuBar& m) {
    if (!m.showAbout) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(440, 0), ImGuiCond_Appearing);
    const std::string title = imguiLabel(tr("about.title"), "about");
    if (ImGui::Begin(title.c_str(), &m.showAbout, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        text("about.app", trf("about.app", {KEFU_VERSION}));
        textWrapped("about.text", tr("about.text"));
        if (button("about.close", tr("about.close"))) m.showAbout = false;
    }
    ImGui::End();
}

} // namespace kefu::web::ui
