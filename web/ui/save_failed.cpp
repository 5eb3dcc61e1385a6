// The save-failure message: the browser refused to store the shop (quota full, private mode, a
// blocked database). Nothing in memory is lost; the user is offered the file export at once.
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
bool g_closed = false;
}

bool drawSaveFailed(bool show, const std::string& error) {
    g_closed = false;
    if (!show) return false;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(520, 0));
    bool exportNow = false;
    if (ImGui::Begin(tr("save.failed_title").c_str(), nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        textWrapped("save.failed_text", tr("save.failed_text"));
        textDisabled("save.failed_reason", trf("save.failed_reason", {error}));
        exportNow = button("save.export", tr("save.export"));
        ImGui::SameLine();
        g_closed = button("save.close", tr("save.close"));
    }
    ImGui::End();
    return exportNow;
}

bool saveFailedClosed() { return g_closed; }

} // namespace kefu::web::ui
