// The team: the shop's agents (name, group, status, level) and a row to add one.
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
std::string statusLabel(core::Status s) { return tr(s == core::Status::Regular ? "status.regular" : "status.probation"); }

// Group choice: the shop's groups, or a text field when it has none yet.
std::string drawGroupChoice(RosterPanel& p, const std::vector<std::string>& groups) {
    if (groups.empty()) {
        inputText("roster.new_group", tr("roster.new_group"), p.newGroupName, 140);
        return p.newGroupName;
    }
    if (p.newGroup >= int(groups.size())) p.newGroup = 0;
    combo("roster.group", "", p.newGroup, groups, 140);
    return groups[size_t(p.newGroup)];
}

void drawAddRow(RosterPanel& p, const core::AppState& s, Actions& out) {
    text("roster.add_title", tr("roster.add_title"));
    bool submit = inputText("roster.new_name", tr("roster.new_name"), p.newName, 160);
    ImGui::SameLine();
    std::string group = drawGroupChoice(p, core::rosterGroups(s));
    if (radio("roster.regular", tr("status.regular"), p.newStatus == 0)) p.newStatus = 0;
    ImGui::SameLine();
    if (radio("roster.probation", tr("status.probation"), p.newStatus == 1)) p.newStatus = 1;
    ImGui::SameLine();
    const bool clicked = button("roster.add", tr("roster.add"));
    if (!submit && !clicked) return;
    out.push(core::AddAgent{p.newName, group, p.newStatus == 0 ? core::Status::Regular : core::Status::Probation, ""});
    clearField("roster.new_name", p.newName, submit);
}

void drawRow(size_t i, const core::Agent& a, RosterPanel& p) {
    const std::string row = "roster.r" + std::to_string(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((row + ".name").c_str(), a.name);
    ImGui::TableNextColumn();
    text((row + ".group").c_str(), a.group);
    ImGui::TableNextColumn();
    text((row + ".status").c_str(), statusLabel(a.status));
    ImGui::TableNextColumn();
    text((row + ".level").c_str(), a.level.empty() ? "-" : a.level);
    ImGui::TableNextColumn();
    if (smallButton((row + ".remove").c_str(), tr("roster.remove"))) p.removing = a.name;
}

// Removing drops the agent's data in every month, so it asks first.
void drawRemoveConfirm(RosterPanel& p, Actions& out) {
    const std::string popupId = imguiLabel(tr("roster.confirm_title"), "roster.confirm");
    if (!p.removing.empty() && !ImGui::IsPopupOpen(popupId.c_str())) ImGui::OpenPopup(popupId.c_str());
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    text("roster.confirm_text", trf("roster.confirm_text", {p.removing}));
    if (button("roster.confirm_remove", tr("roster.confirm_remove"))) {
        out.push(core::RemoveAgent{p.removing});
        p.removing.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button("roster.cancel_remove", tr("roster.cancel_remove"))) {
        p.removing.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawTable(const core::AppState& s, RosterPanel& p) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##roster_table", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"roster.name", "roster.group", "roster.status", "roster.level", "roster.actions"})
        ImGui::TableSetupColumn(imguiLabel(tr(key), key).c_str());
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < s.roster.size(); ++i) {
        ImGui::PushID(int(i));
        drawRow(i, s.roster[i], p);
        ImGui::PopID();
    }
    ImGui::EndTable();
}
} // namespace

void drawRosterPanel(RosterPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    if (beginPanel("panel.roster", tr("roster.title"), pos, size)) {
        std::string shop = s.shopName.empty() ? tr("status.no_shop") : s.shopName;
        text("roster.shop", shop);
        ImGui::SameLine();
        textDisabled("roster.count", trf("roster.count", {std::to_string(s.roster.size())}));
        ImGui::Separator();
        drawAddRow(p, s, out);
        ImGui::Separator();
        if (s.roster.empty()) textWrapped("roster.empty", tr("roster.empty"));
        else drawTable(s, p);
        drawRemoveConfirm(p, out);
    }
    endPanel();
}

} // namespace kefu::web::ui
