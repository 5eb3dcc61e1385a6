// Problems of the last action (a refused agent name, a bad file), until the user dismisses them.
#include <algorithm>

#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

void drawNotices(const core::AppState& s, Actions& out, const Layout& layout) {
    if (s.notices.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float width = std::min(520.0f, io.DisplaySize.x - 20);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y - layout.statusBarHeight - 10), ImGuiCond_Always,
                            ImVec2(1, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowBgAlpha(0.95f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::Begin("##notices", nullptr, flags)) {
        const size_t shown = std::min<size_t>(s.notices.size(), 6);
        for (size_t i = 0; i < shown; ++i)
            textWrapped(("notice." + std::to_string(i)).c_str(), s.language == core::Lang::Zh ? s.notices[i].zh : s.notices[i].en);
        if (s.notices.size() > shown) text("notice.more", trf("notice.more", {std::to_string(s.notices.size() - shown)}));
        if (button("notice.dismiss", tr("notice.dismiss"))) out.push(core::ClearNotices{});
    }
    ImGui::End();
}

} // namespace kefu::web::ui
