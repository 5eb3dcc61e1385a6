// The team: the shop's agents (name, group, status, level) and a row to add one.
#include <algorithm>

#include "csv.h"
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const char* const kLevels[] = {"初级", "中级", "高级", "资深"};

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
    if (smallButton((row + ".edit").c_str(), tr("roster.edit"))) {
        p.editing = a.name;
        p.editName = a.name;
        p.editGroup = a.group;
        p.editStatus = a.status == core::Status::Regular ? 0 : 1;
        p.editHire = a.hireDate ? core::formatDate(*a.hireDate) : "";
        p.editRegular = a.regularSince ? core::formatDate(*a.regularSince) : "";
        p.editAccounts.clear();
        for (const auto& n : a.nicknames) p.editAccounts.push_back({platformIndex(n.platform), n.account});
        p.editLevel = 0;
        for (int k = 0; k < 4; ++k)
            if (a.level == kLevels[k]) p.editLevel = k + 1;
        p.editFrom = -1; // the selected month, set when the dialog opens
        p.editProblem.clear();
    }
    ImGui::SameLine();
    if (smallButton((row + ".leave").c_str(), tr("roster.leave"))) {
        p.leaving = a.name;
        p.moveFrom = -1;
    }
    ImGui::SameLine();
    if (smallButton((row + ".remove").c_str(), tr("roster.remove"))) p.removing = a.name;
}

// The month a leaving or return starts from (the selected one by default).
void drawFromMonth(RosterPanel& p, const core::AppState& s) {
    if (p.moveFrom < 0) p.moveFrom = std::max(0, s.selectedPeriod);
    std::vector<std::string> months;
    for (const auto& m : s.periods) months.push_back(core::formatMonth(m.month));
    if (!months.empty()) combo("roster.move_from", tr("roster.edit_from"), p.moveFrom, months, 200);
}

// 停用: off the team from a month on; earlier months keep the agent and their numbers.
void drawLeaveDialog(RosterPanel& p, const core::AppState& s, Actions& out) {
    if (p.leaving.empty() && p.returning.empty()) return;
    const bool leaving = !p.leaving.empty();
    const std::string& name = leaving ? p.leaving : p.returning;
    bool open = true;
    if (beginDialog("roster.move_window", trf(leaving ? "roster.leave_title" : "roster.return_title", {name}), &open, 460)) {
        textWrapped("roster.move_text", trf(leaving ? "roster.leave_text" : "roster.return_text", {name}));
        drawFromMonth(p, s);
        if (button("roster.move_confirm", tr(leaving ? "roster.leave" : "roster.return"))) {
            if (leaving) out.push(core::DeactivateAgent{name, p.moveFrom});
            else out.push(core::ReactivateAgent{name, p.moveFrom});
            open = false;
        }
        ImGui::SameLine();
        if (button("roster.move_cancel", tr("settings.cancel"))) open = false;
    }
    endDialog();
    if (!open) p.leaving.clear(), p.returning.clear();
}

// 已停用: agents off the team, each with 恢复.
void drawInactive(RosterPanel& p, const core::AppState& s) {
    if (s.inactive.empty()) return;
    if (!collapsingHeader("roster.inactive", trf("roster.inactive", {std::to_string(s.inactive.size())}))) return;
    for (size_t i = 0; i < s.inactive.size(); ++i) {
        const std::string row = "roster.inactive" + std::to_string(i);
        text((row + ".name").c_str(), s.inactive[i].name + "  (" + s.inactive[i].group + ")");
        ImGui::SameLine();
        if (smallButton((row + ".return").c_str(), tr("roster.return"))) {
            p.returning = s.inactive[i].name;
            p.moveFrom = -1;
        }
    }
}

// 管理组别: add, rename is not offered (agents carry the name), remove unused, reorder.
void drawGroupsDialog(RosterPanel& p, Actions& out) {
    if (!p.editingGroups) return;
    bool open = true;
    if (beginDialog("roster.groups_window", tr("roster.groups_title"), &open, 420)) {
        textWrapped("roster.groups_text", tr("roster.groups_text"));
        int remove = -1, up = -1;
        for (size_t i = 0; i < p.groups.size(); ++i) {
            const std::string id = "roster.groups" + std::to_string(i);
            ImGui::PushID(int(i));
            inputText(id.c_str(), tr("welcome.group_hint"), p.groups[i], 200);
            ImGui::SameLine();
            if (i > 0 && smallButton((id + ".up").c_str(), tr("roster.group_up"))) up = int(i);
            ImGui::SameLine();
            if (smallButton((id + ".remove").c_str(), tr("welcome.group_remove"))) remove = int(i);
            ImGui::PopID();
        }
        if (up > 0) std::swap(p.groups[size_t(up)], p.groups[size_t(up) - 1]);
        if (remove >= 0) p.groups.erase(p.groups.begin() + remove);
        if (smallButton("roster.group_add", tr("welcome.group_add"))) p.groups.emplace_back();
        if (button("roster.groups_save", tr("settings.save"))) {
            out.push(core::SetGroups{p.groups});
            open = false;
        }
        ImGui::SameLine();
        if (button("roster.groups_cancel", tr("settings.cancel"))) open = false;
    }
    endDialog();
    if (!open) p.editingGroups = false;
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

// A date field's text: empty is no date; anything else must be YYYY-MM-DD.
bool readDate(const std::string& text, std::optional<core::Date>& out) {
    const std::string_view t = core::trim(text);
    if (t.empty()) { out.reset(); return true; }
    out = core::parseDate(t);
    return out.has_value();
}

// The agent's platform accounts (nickname bindings): a platform and an account per row.
void drawAccounts(RosterPanel& p) {
    text("roster.edit_nicks_label", tr("roster.nicknames"));
    const std::vector<std::string> platforms = platformLabels();
    for (size_t k = 0; k < p.editAccounts.size(); ++k) {
        const std::string row = "roster.acc" + std::to_string(k);
        auto& acc = p.editAccounts[k];
        combo((row + ".platform").c_str(), "", acc.platform, platforms, 110);
        ImGui::SameLine();
        inputText((row + ".account").c_str(), tr("roster.nicknames_hint"), acc.account, 260);
        ImGui::SameLine();
        if (smallButton((row + ".remove").c_str(), tr("roster.account_remove"))) {
            p.editAccounts.erase(p.editAccounts.begin() + std::ptrdiff_t(k));
            break;
        }
    }
    if (smallButton("roster.account_add", tr("roster.account_add"))) p.editAccounts.push_back({});
}

// 编辑客服: every field of an agent and the month the change starts from.
void drawEditDialog(RosterPanel& p, const core::AppState& s, Actions& out) {
    if (p.editing.empty()) return;
    auto it = std::find_if(s.roster.begin(), s.roster.end(), [&](const core::Agent& a) { return a.name == p.editing; });
    if (it == s.roster.end()) { p.editing.clear(); return; }
    if (p.editFrom < 0) p.editFrom = std::max(0, s.selectedPeriod);
    bool open = true;
    if (beginDialog("roster.edit_window", trf("roster.edit_title", {p.editing}), &open, 520)) {
        const float w = 260;
        text("roster.edit_name_label", tr("roster.name"));
        inputText("roster.edit_name", tr("roster.new_name"), p.editName, w);
        text("roster.edit_group_label", tr("roster.group"));
        inputText("roster.edit_group", tr("roster.new_group"), p.editGroup, w);
        if (radio("roster.edit_regular", tr("status.regular"), p.editStatus == 0)) p.editStatus = 0;
        ImGui::SameLine();
        if (radio("roster.edit_probation", tr("status.probation"), p.editStatus == 1)) p.editStatus = 1;
        std::vector<std::string> levels{"-"};
        for (const char* l : kLevels) levels.push_back(l);
        combo("roster.edit_level", tr("roster.level"), p.editLevel, levels, w);
        text("roster.edit_hire_label", tr("roster.hire_date"));
        inputText("roster.edit_hire", "YYYY-MM-DD", p.editHire, w);
        text("roster.edit_regular_label", tr("roster.regular_since"));
        inputText("roster.edit_regular_since", "YYYY-MM-DD", p.editRegular, w);
        drawAccounts(p);
        if (!s.periods.empty()) {
            std::vector<std::string> months;
            for (const auto& m : s.periods) months.push_back(core::formatMonth(m.month));
            combo("roster.edit_from", tr("roster.edit_from"), p.editFrom, months, w);
        }
        if (!p.editProblem.empty()) text("roster.edit_problem", p.editProblem);
        if (button("roster.edit_save", tr("settings.save"))) {
            core::Agent next = *it;
            next.name = p.editName;
            next.group = p.editGroup;
            next.status = p.editStatus == 0 ? core::Status::Regular : core::Status::Probation;
            next.level = p.editLevel > 0 ? kLevels[p.editLevel - 1] : "";
            next.nicknames.clear();
            for (const auto& acc : p.editAccounts) {
                const std::string account(core::trim(acc.account));
                if (account.empty()) continue;
                next.nicknames.push_back({acc.platform > 0 ? core::platformIds()[size_t(acc.platform - 1)] : "", account});
            }
            if (!readDate(p.editHire, next.hireDate) || !readDate(p.editRegular, next.regularSince)) {
                p.editProblem = tr("roster.bad_date");
            } else {
                out.push(core::UpdateAgent{p.editing, next, p.editFrom});
                open = false;
            }
        }
        ImGui::SameLine();
        if (button("roster.edit_cancel", tr("settings.cancel"))) open = false;
    }
    endDialog();
    if (!open) p.editing.clear();
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
        ImGui::SameLine();
        if (smallButton("roster.groups", tr("roster.groups")) && !s.readOnly) {
            p.editingGroups = true;
            p.groups = core::rosterGroups(s);
        }
        ImGui::Separator();
        drawAddRow(p, s, out);
        ImGui::Separator();
        drawInactive(p, s); // above the table, which takes the rest of the height
        if (s.roster.empty()) textWrapped("roster.empty", tr(s.shopName.empty() ? "roster.no_shop" : "roster.empty"));
        else drawTable(s, p);
        drawRemoveConfirm(p, out);
        drawEditDialog(p, s, out);
        drawLeaveDialog(p, s, out);
        drawGroupsDialog(p, out);
    }
    endPanel();
}

} // namespace kefu::web::ui
