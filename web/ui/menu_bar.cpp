// The main menu: 文件 / 编辑 / 数据 / 考核 / 分析 / 报表 / 帮助, and the 中文/English switch at the right.
#include <string>

#include "i18n.h"
#include "presets.h"
#include "scheme.h"
#include "metrics.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
void drawFileMenu(MenuBar& m, const core::AppState& s) {
    if (!beginMenu("menu.file", tr("menu.file"))) return;
    const bool hasData = !s.roster.empty() || !s.periods.empty();
    if (menuItem("file.new_shop", tr("file.new_shop"), false, !hasData && !s.readOnly)) m.newShop = true;
    if (menuItem("file.open_demo", tr("file.open_demo"), false, !s.readOnly)) m.openDemo = true;
    if (menuItem("file.import_snapshot", tr("file.import_snapshot"), false, !s.readOnly)) m.importSnapshot = true;
    if (menuItem("file.export_snapshot", tr("file.export_snapshot"), false, hasData)) m.exportSnapshot = true;
    if (menuItem("file.history", tr("file.history"))) m.showHistory = true;
    ImGui::Separator();
    if (menuItem("file.import", tr("file.import"), false, !s.readOnly && !s.periods.empty())) m.importData = true;
    ImGui::Separator();
    if (menuItem("file.audit", tr("file.audit"))) m.showAudit = true;
    if (menuItem("file.settings", tr("file.settings"))) m.showSettings = true;
    ImGui::EndMenu();
}

// 编辑: undo and redo, named after the step they take back or again (Ctrl+Z / Ctrl+Y).
void drawEditMenu(const core::AppState& s, Actions& out) {
    if (!beginMenu("menu.edit", tr("menu.edit"))) return;
    const core::UndoStep* u = core::undoStep(s);
    const core::UndoStep* r = core::redoStep(s);
    std::string undo = u ? trf("edit.undo_what", {tr("audit." + u->action)}) : tr("edit.undo");
    std::string redo = r ? trf("edit.redo_what", {tr("audit." + r->action)}) : tr("edit.redo");
    if (menuItem("edit.undo", undo + "    Ctrl+Z", false, u && !s.readOnly)) out.push(core::Undo{});
    if (menuItem("edit.redo", redo + "    Ctrl+Y", false, r && !s.readOnly)) out.push(core::Redo{});
    ImGui::EndMenu();
}

void drawDataMenu(MenuBar& m, const core::AppState& s, Actions& out) {
    if (!beginMenu("menu.data", tr("menu.data"))) return;
    if (s.periods.empty()) menuItem("data.no_period", tr("data.no_period"), false, false);
    for (int i = 0; i < int(s.periods.size()); ++i) {
        const auto& p = s.periods[size_t(i)];
        std::string id = "data.period." + std::to_string(i);
        std::string label = trf(p.closed ? "data.period_closed" : "data.period", {core::formatMonth(p.month)});
        if (menuItem(id.c_str(), label, i == s.selectedPeriod)) out.push(core::SelectPeriod{i});
    }
    ImGui::Separator();
    if (menuItem("data.add_period", tr("data.add_period"), false, !s.readOnly && !s.shopName.empty())) m.addPeriod = true;
    if (s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size())) {
        const auto& p = s.periods[size_t(s.selectedPeriod)];
        const std::string month = core::formatMonth(p.month);
        if (!p.closed && menuItem("data.close", trf("data.close", {month}), false, !s.readOnly)) m.closePeriod = s.selectedPeriod;
        if (p.closed && menuItem("data.reopen", trf("data.reopen", {month}), false, !s.readOnly)) m.reopenPeriod = s.selectedPeriod;
    }
    ImGui::EndMenu();
}

void drawAssessMenu(MenuBar& m, const core::AppState& s, Actions& out) {
    if (!beginMenu("menu.assess", tr("menu.assess"))) return;
    for (const auto& p : core::presetNames()) {
        std::string id = "assess.scheme." + p.id;
        std::string label = (uiLanguage() == core::Lang::Zh ? p.name.zh : p.name.en) + "  (" + p.id + ")";
        if (menuItem(id.c_str(), label, p.id == s.schemeId, !s.readOnly)) out.push(core::SelectScheme{p.id});
    }
    if (!s.schemes.empty()) ImGui::Separator();
    for (const auto& [schemeId, json] : s.schemes) {
        std::string id = "assess.scheme." + schemeId;
        if (menuItem(id.c_str(), trf("assess.own_scheme", {schemeId}), schemeId == s.schemeId, !s.readOnly))
            out.push(core::SelectScheme{schemeId});
    }
    ImGui::Separator();
    if (menuItem("assess.edit", tr("assess.edit"))) m.editScheme = true;
    ImGui::EndMenu();
}

// 分析: charts and analyses of the selected month, each in a window of its own (web/ui/window_*.cpp).
// Each analysis adds one line here and one flag in MenuBar.
void drawAnalysisMenu(MenuBar& m, const core::AppState& s) {
    if (!beginMenu("menu.analysis", tr("menu.analysis"))) return;
    const bool month = core::selectedResults(s) != nullptr;
    (void)m;
    (void)month;
    if (menuItem("analysis.charts", tr("analysis.charts"), false, month)) m.showCharts = true;
    if (menuItem("analysis.whatif", tr("analysis.whatif"), false, month)) m.showWhatIf = true;
    if (menuItem("analysis.stability", tr("analysis.stability"), false, month)) m.showStability = true;
    if (menuItem("analysis.gaps", tr("analysis.gaps"), false, month)) m.showGaps = true;
    if (menuItem("analysis.coaching", tr("analysis.coaching"), false, month)) m.showCoaching = true;
    if (menuItem("analysis.goals", tr("analysis.goals"))) m.showGoals = true;
    if (menuItem("analysis.appeals", tr("analysis.appeals"), false, !s.periods.empty())) m.showAppeals = true;
    ImGui::EndMenu();
}

// 报表: the selected month's monthly report (printed) and its tables as spreadsheets.
void drawReportMenu(MenuBar& m, const core::AppState& s) {
    if (!beginMenu("menu.report", tr("menu.report"))) return;
    const bool month = core::selectedResults(s) != nullptr;
    if (menuItem("report.monthly", tr("report.monthly"), false, month)) m.printReport = true;
    ImGui::Separator();
    for (const char* what : {"results", "payroll", "metrics"})
        for (const char* format : {"xlsx", "csv"}) {
            const std::string id = std::string("report.") + what + "_" + format;
            if (menuItem(id.c_str(), tr(id), false, month)) {
                m.exportWhat = what;
                m.exportFormat = format;
            }
        }
    ImGui::EndMenu();
}

void drawLanguageSwitch(const core::AppState& s, Actions& out) {
    const std::string& label = tr("lang.switch");
    float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
    ImGui::SetCursorPosX(ImGui::GetWindowWidth() - w - ImGui::GetStyle().ItemSpacing.x);
    if (smallButton("lang.switch", label))
        out.push(core::SetLanguage{s.language == core::Lang::Zh ? core::Lang::En : core::Lang::Zh});
}
} // namespace

void drawMenuBar(MenuBar& m, const core::AppState& s, Actions& out) {
    if (!ImGui::BeginMainMenuBar()) return;
    drawFileMenu(m, s);
    drawEditMenu(s, out);
    drawDataMenu(m, s, out);
    drawAssessMenu(m, s, out);
    drawAnalysisMenu(m, s);
    drawReportMenu(m, s);
    if (beginMenu("menu.help", tr("menu.help"))) {
        if (menuItem("help.about", tr("help.about"))) m.showAbout = true;
        ImGui::EndMenu();
    }
    drawLanguageSwitch(s, out);
    ImGui::EndMainMenuBar();
}

Layout computeLayout() {
    const ImGuiIO& io = ImGui::GetIO();
    Layout l;
    float menu = ImGui::GetFrameHeight();
    l.statusBarHeight = ImGui::GetFrameHeight() + 2;
    l.contentPos = ImVec2(0, menu);
    l.contentSize = ImVec2(io.DisplaySize.x, io.DisplaySize.y - menu - l.statusBarHeight);
    return l;
}

} // namespace kefu::web::ui
