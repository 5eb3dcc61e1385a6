// 操作记录 (the audit log: who changed what, when), 设置 (the manager's name, the author of every
// change) and the dialogs for closing a month and reopening it with a reason.
#include "csv.h"
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

namespace {
void fillSettings(SettingsWindow& w, const core::AppState& s) {
    w.managerName = s.managerName;
    w.english = s.language == core::Lang::En;
    w.thousands = s.settings.number.thousands;
    w.wholeYuan = s.settings.number.moneyDecimals == 0;
    w.serviceHours.clear();
    for (const auto& h : s.settings.chat.serviceHours) w.serviceHours += (w.serviceHours.empty() ? "" : " ") + core::formatServiceHours(h);
    w.capS = s.settings.chat.responseCapS ? std::to_string(s.settings.chat.responseCapS) : "";
    w.slowS = std::to_string(s.settings.chat.slowResponseS);
    w.problem.clear();
    w.filled = true;
}

// Whole seconds >= 0 (empty = 0); false when the text is something else.
bool readSeconds(const std::string& text, int32_t& out) {
    const std::string_view t = core::trim(text);
    if (t.empty()) { out = 0; return true; }
    int64_t v = 0;
    for (char c : t) {
        if (c < '0' || c > '9' || v > 86400) return false;
        v = v * 10 + (c - '0');
    }
    out = int32_t(v);
    return v <= 86400;
}

// The typed shop settings, or false with the problem.
bool readSettings(SettingsWindow& w, const core::AppState& s, core::ShopSettings& out) {
    out = s.settings;
    out.number.thousands = w.thousands;
    out.number.moneyDecimals = w.wholeYuan ? 0 : 2;
    out.chat.serviceHours.clear();
    std::string part;
    for (char c : w.serviceHours + " ") {
        if (c != ' ' && c != ',') { part += c; continue; }
        if (part.empty()) continue;
        auto h = core::parseServiceHours(part);
        if (!h) return w.problem = trf("settings.bad_hours", {part}), false;
        out.chat.serviceHours.push_back(*h);
        part.clear();
    }
    if (!readSeconds(w.capS, out.chat.responseCapS)) return w.problem = tr("settings.bad_seconds"), false;
    if (!readSeconds(w.slowS, out.chat.slowResponseS) || out.chat.slowResponseS == 0)
        return w.problem = tr("settings.bad_seconds"), false;
    return true;
}
} // namespace

void drawSettingsWindow(SettingsWindow& w, const core::AppState& s, Actions& out) {
    if (!w.open) {
        w.filled = false;
        return;
    }
    if (!w.filled) fillSettings(w, s);
    if (beginDialog("settings.window", tr("settings.title"), &w.open, 560)) {
        text("settings.language_label", tr("settings.language"));
        ImGui::SameLine();
        if (radio("settings.lang_zh", "中文", !w.english)) w.english = false;
        ImGui::SameLine();
        if (radio("settings.lang_en", "English", w.english)) w.english = true;
        text("settings.manager_label", tr("settings.manager_label"));
        bool enter = inputText("settings.manager", tr("settings.manager_hint"), w.managerName, 240);
        textDisabled("settings.manager_note", tr("settings.manager_note"));
        ImGui::Separator();
        text("settings.money_label", tr("settings.money"));
        checkbox("settings.thousands", tr("settings.thousands"), w.thousands);
        ImGui::SameLine();
        checkbox("settings.whole_yuan", tr("settings.whole_yuan"), w.wholeYuan);
        textDisabled("settings.money_example", trf("settings.money_example",
                                                   {core::formatMoney(123456750, {w.thousands, w.wholeYuan ? 0 : 2})}));
        ImGui::Separator();
        text("settings.chat_label", tr("settings.chat"));
        text("settings.hours_label", tr("settings.hours"));
        enter |= inputText("settings.hours", "08:00-24:00", w.serviceHours, 240);
        text("settings.cap_label", tr("settings.cap"));
        enter |= inputText("settings.cap", tr("settings.cap_hint"), w.capS, 120);
        text("settings.slow_label", tr("settings.slow"));
        enter |= inputText("settings.slow", "200", w.slowS, 120);
        textDisabled("settings.chat_note", tr("settings.chat_note"));
        ImGui::Separator();
        if (button("settings.export", tr("file.export_snapshot"))) w.exportSnapshot = true;
        ImGui::SameLine();
        if (button("settings.import", tr("file.import_snapshot"))) w.importSnapshot = true;
        ImGui::Separator();
        if (!w.problem.empty()) text("settings.problem", w.problem);
        if (s.readOnly) textDisabled("settings.read_only", tr("settings.read_only"));
        core::ShopSettings settings;
        if ((button("settings.save", tr("settings.save")) || enter) && readSettings(w, s, settings)) {
            out.push(core::SetLanguage{w.english ? core::Lang::En : core::Lang::Zh});
            if (!s.readOnly) {
                out.push(core::SetManagerName{w.managerName});
                out.push(core::SetSettings{settings});
            }
            w.open = false;
        }
        ImGui::SameLine();
        if (button("settings.cancel", tr("settings.cancel"))) w.open = false;
    }
    endDialog();
}

namespace {
// 新建考核月份: the month after the newest one by default.
void drawAddPeriod(PeriodDialog& d, const core::AppState& s, Actions& out) {
    if (d.month.empty() && !s.periods.empty()) d.month = core::formatMonth(core::addMonths(s.periods.back().month, 1));
    bool open = true;
    if (beginDialog("period.add_window", tr("period.add_title"), &open, 420)) {
        textWrapped("period.add_text", tr("period.add_text"));
        const bool enter = inputText("period.month", "YYYY-MM", d.month, 140);
        if (!d.problem.empty()) text("period.add_problem", d.problem);
        if (button("period.add", tr("period.add")) || enter) {
            if (auto m = core::parseMonth(core::trim(d.month))) {
                out.push(core::AddPeriod{*m});
                open = false;
            } else {
                d.problem = tr("welcome.bad_month");
            }
        }
        ImGui::SameLine();
        if (button("period.add_cancel", tr("period.cancel"))) open = false;
    }
    endDialog();
    if (!open) {
        d.adding = false;
        d.month.clear();
        d.problem.clear();
    }
}
} // namespace

void drawPeriodDialog(PeriodDialog& d, const core::AppState& s, Actions& out) {
    if (d.adding) return drawAddPeriod(d, s, out);
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
