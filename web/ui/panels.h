// The panels of the page, one file each (web/ui/panel_*.cpp), each with one draw entry point.
// Panels read a const AppState and push Actions; what they keep themselves is UI-only state
// (text being typed, open dialogs). The app applies the actions after the frame (STYLE.md 3).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "app_state.h"

namespace kefu::web::ui {

struct Actions {
    std::vector<core::Action> queue;
    void push(core::Action a) { queue.push_back(std::move(a)); }
};

// Where the panels go this frame (CSS pixels), computed from the window size.
struct Layout {
    ImVec2 contentPos, contentSize; // between the menu bar and the status bar
    float statusBarHeight = 0;
};
Layout computeLayout();

struct MenuBar {
    bool showAbout = false;
    bool exportSnapshot = false; // 文件 > 导出快照
    bool importSnapshot = false; // 文件 > 导入快照 (the app opens the file picker)
    bool openDemo = false; // set by 文件 > 打开示例店铺; the app turns it into LoadShop
    bool showHistory = false, showAudit = false, showSettings = false;
    int closePeriod = -1, reopenPeriod = -1; // 数据 > 结算 / 重新打开 (asks for the reason)
};
void drawMenuBar(MenuBar& m, const core::AppState& s, Actions& out);

struct StatusInfo {
    bool fullFont = false;
    bool readOnly = false;
    int save = 0;          // web::SaveState: nothing, unsaved, saving, saved, failed
    std::string saveError;
};
void drawStatusBar(const core::AppState& s, const StatusInfo& info, const Layout& layout);
// The message when the browser refuses to save (quota, private mode, blocked): the data stays in
// memory; returns true when the user asks for the file export. saveFailedClosed(): dismissed.
bool drawSaveFailed(bool show, const std::string& error);
bool saveFailedClosed();

struct RosterPanel {
    std::string newName;
    int newGroup = 0;
    std::string newGroupName; // used when the shop has no groups yet
    int newStatus = 0;        // 0 regular, 1 probation
    std::string removing;     // asking to confirm removing this agent
    // The edit dialog: the agent being edited and the fields as typed.
    std::string editing;
    std::string editName, editGroup, editHire, editRegular, editNicks;
    int editStatus = 0, editLevel = 0, editFrom = 0;
    std::string editProblem;
};
void drawRosterPanel(RosterPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);

struct ResultsPanel {
    std::string scorecard; // the agent whose scorecard is open (empty: none)
    int group = 0;         // the group filter: 0 all, else the results' group index + 1
};
void drawResultsPanel(ResultsPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);
// One agent's scorecard: every score and every yuan with its explanation (rule, inputs, formula).
void drawScorecard(ResultsPanel& p, const core::AppState& s);

// 数据: the selected month as a grid of agents x metrics. Arrows, Tab and Enter move; typing or
// Enter edits a cell (checked as typed); a block pasted from Excel/WPS lands at the selected cell
// (or by its header row and agent column); derived metrics are shown read-only.
struct DataPanel {
    int row = 0, col = 0;      // the selected cell (col indexes the grid's metric columns)
    bool editing = false;
    bool startEdit = false;    // focus the cell's field on the next frame
    bool caretPlaced = false;  // the caret was put after the text once the field was active
    std::string edit;          // the text being typed
    std::string problem;       // why the typed text was refused
    std::string pasted;        // text pasted outside a text field, for the grid (set by the app)
    std::vector<core::Text2> pasteProblems;
    uint64_t cachedRevision = ~0ull; // the derived values below belong to this state revision
    int cachedPeriod = -1;
    std::vector<std::string> columns;
    std::vector<bool> derived;
    core::MetricTable shown;   // inputs plus derived values
};
void drawDataPanel(DataPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);
// The grid as TSV (copy out).
std::string dataPanelTsv(const DataPanel& p, const core::AppState& s);

// The month choice above a panel (ids <prefix>.N, <prefix>_label, <prefix>_closed), closed months
// marked and the selected one's closing said.
void drawMonthChoice(const char* prefix, const core::AppState& s, Actions& out);

// 薪资: the payroll sheet of the selected month.
void drawPayPanel(const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);

// The tabs above the panels.
enum class Tab { Overview, Data, Pay };
void drawTabs(Tab& tab, ImVec2 pos, float width);

struct WelcomeDialog {
    bool pending = false; // open it on the next frame
    bool openDemo = false;
};
void drawWelcomeDialog(WelcomeDialog& d, const core::AppState& s);

void drawAboutWindow(MenuBar& m);

// 历史版本: the saved versions, newest first; restoring one is an undoable action. The app fills
// `versions` (asynchronously) when `refresh` is set and loads the version `restore` names.
struct VersionRow {
    int64_t seq = 0, at = 0, size = 0;
    bool current = false, otherShop = false;
};
struct HistoryWindow {
    bool open = false;
    bool refresh = false;  // ask storage for the list
    bool loading = false;
    std::vector<VersionRow> versions;
    std::string error;
    int64_t restore = 0;   // the version to load and restore (0: none)
    int64_t restoring = 0; // being loaded
};
void drawHistoryWindow(HistoryWindow& w, const core::AppState& s);

// The opened snapshot file: a preview (shop, months, agents, last change, author), then replace or
// merge; a merge with conflicts lists them side by side for a choice each.
struct ImportWindow {
    std::map<std::string, core::Prefer> choices;
    bool confirmClosed = false;
    bool confirmReplace = false;
    bool askPath = false; // desktop: no file dialog, a path is typed
    std::string path;
    bool openPath = false; // the typed path is to be read
};
void drawImportWindow(ImportWindow& w, const core::AppState& s, Actions& out);

// 操作记录: the audit log, newest first.
struct AuditWindow {
    bool open = false;
};
void drawAuditWindow(AuditWindow& w, const core::AppState& s);

// 设置: the manager's name (the author of every change).
struct SettingsWindow {
    bool open = false;
    bool filled = false;
    std::string managerName;
};
void drawSettingsWindow(SettingsWindow& w, const core::AppState& s, Actions& out);

// Closing a month (optional note) or reopening it (a reason is required).
struct PeriodDialog {
    int closing = -1, reopening = -1;
    std::string reason;
};
void drawPeriodDialog(PeriodDialog& d, const core::AppState& s, Actions& out);

// "2026-11-22 21:30" in the browser's time zone.
std::string formatTime(int64_t unixMs);
void drawNotices(const core::AppState& s, Actions& out, const Layout& layout);

} // namespace kefu::web::ui
