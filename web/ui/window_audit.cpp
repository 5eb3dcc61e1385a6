// 操作记录 (the audit log: who changed what, when), 设置 (the manager's name, the author of every
// change) and the dialogs for closing a month and reopening it with a reason.
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

void drawAuditWindow(AuditWindow& w, const core::AppState& s) {
    if (!w.open) return;
    if (beginDialog("audit.window", tr("audit.title"), &w.open, 760, 440)) {
        const auto& log = s.record.audit;
        if (log.empty()) textDisabled("audit.empty", tr("audit.empty"));
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
        if (!log.empty() && ImGui::BeginTable("audit.table", 4, flags)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(tr("audit.when").c_str(), ImGuiTableColumnFlags_WidthFixed, 150);
            ImGui::TableSetupColumn(tr("audit.who").c_str(), ImGuiTableColumnFlags_WidthFixed, 90);
            ImGui::TableSetupColumn(tr("audit.what").c_str(), ImGuiTableColumnFlags_WidthFixed, 110);
            ImGui::TableSetupColumn(tr("audit.detail").c_str());
            ImGui::TableHeadersRow();
            ImGuiListClipper clip;
            clip.Begin(int(log.size()));
            while (clip.Step())
                for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
                    const core::LogEntry& e = log[log.size() - 1 - size_t(k)]; // newest first
                    const std::string row = "audit.r" + std::to_string(k);
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    text((row + ".when").c_str(), formatTime(e.at));
                    ImGui::TableNextColumn();
                    text((row + ".who").c_str(), e.author.empty() ? tr("audit.nobody") : e.author);
                    ImGui::TableNextColumn();
                    const std::string key = "audit." + e.action;
                    text((row + ".what").c_str(), hasTr(key) ? tr(key) : e.action);
                    ImGui::TableNextColumn();
                    text((row + ".detail").c_str(), e.detail);
                }
            ImGui::EndTable();
        }
    }
    endDialog();
}

void drawSettingsWindow(SettingsWindow& w, const core::AppState& s, Actions& out) {
    if (!w.open) {
        w.filled = false;
        return;
    }
    if (!w.filled) {
        w.managerName = s.managerName;
        w.filled = true;
    }
    if (beginDialog("settings.window", tr("settings.title"), &w.open, 480)) {
        text("settings.manager_label", tr("settings.manager_label"));
        bool enter = inputText("settings.manager", tr("settings.manager_hint"), w.managerName, 240);
        textDisabled("settings.manager_note", tr("settings.manager_note"));
        if ((button("settings.save", tr("settings.save")) || enter) && !s.readOnly) {
            out.push(core::SetManagerName{w.managerName});
            w.open = false;
        }
        ImGui::SameLine();
        if (button("settings.cancel", tr("settings.cancel"))) w.open = false;
    }
    endDialog();
}

void drawPeriodDialog(PeriodDialog& d, const core::AppState& s, Actions& out) {
    const bool closing = d.closing >= 0 && d.closing < int(s.periods.size());
    const bool reopening = d.reopening >= 0 && d.reopening < int(s.periods.size());
    if (!closing && !reopening) {
        d.closing = d.reopening = -1;
        return;
    }
    const int index = closing ? d.closing : d.reopening;
    const std::string month = core::formatMonth(s.periods[size_t(index)].month);
    bool open = true;
    if (beginDialog("period.window", tr(closing ? "period.close_title" : "period.reopen_title"), &open, 520)) {
        textWrapped("period.text", trf(closing ? "period.close_text" : "period.reopen_text", {month}));
        inputText("period.reason", tr(closing ? "period.close_hint" : "period.reopen_hint"), d.reason, 360);
        const bool ready = closing || !d.reason.empty();
        if (!ready) textDisabled("period.reason_needed", tr("period.reason_needed"));
        if (button("period.confirm", tr(closing ? "period.close" : "period.reopen")) && ready) {
            if (closing) out.push(core::ClosePeriod{index, d.reason});
            else out.push(core::ReopenPeriod{index, d.reason});
            open = false;
        }
        ImGui::SameLine();
        if (button("period.cancel", tr("period.cancel"))) open = false;
    }
    endDialog();
    if (!open) {
        d.closing = d.reopening = -1;
        d.reason.clear();
    }
}

} // namespace kefu::web::ui
