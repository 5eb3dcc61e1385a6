// The panels of the page, one file each (web/ui/panel_*.cpp), each with one draw entry point.
// Panels read a const AppState and push Actions; what they keep themselves is UI-only state
// (text being typed, open dialogs). The app applies the actions after the frame (STYLE.md 3).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app_state.h"
#include "chat_columns.h"
#include "chat_context.h"
#include "import_preview.h"

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
    bool newShop = false;    // 文件 > 新建店铺 (the setup of the welcome dialog)
    bool addPeriod = false;  // 数据 > 新建考核月份
    bool editScheme = false; // 考核 > 编辑方案 (the 考核方案 tab)
    int closePeriod = -1, reopenPeriod = -1; // 数据 > 结算 / 重新打开 (asks for the reason)
    bool importData = false; // 文件 > 导入数据 (the file picker; the import dialog previews the file)
    // 报表: a spreadsheet of the selected month ("results", "payroll", "metrics") as "csv" or
    // "xlsx", or the printable monthly report; the app (web/reports.cpp) makes and offers the file.
    std::string exportWhat, exportFormat;
    bool printReport = false;
    bool showWhatIf = false, showStability = false, showGaps = false; // 分析 > 假设分析 / 排名稳定性 / 差距卡片
    bool showCoaching = false, showGoals = false, showAppeals = false; // 分析 > 辅导卡 / 团队目标 / 申诉
    bool showCharts = false; // 分析 > 图表
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
    std::string editName, editGroup, editHire, editRegular;
    struct Account {
        int platform = 0; // 0 = not said, else platformIds()[platform - 1]
        std::string account;
    };
    std::vector<Account> editAccounts; // the agent's nickname bindings, one row each
    int editStatus = 0, editLevel = 0, editFrom = 0;
    std::string editProblem;
    // Taking an agent off the team, or bringing one back, from a chosen month on.
    std::string leaving, returning;
    int moveFrom = 0;
    // 管理组别: the groups as being edited.
    bool editingGroups = false;
    std::vector<std::string> groups;
};
void drawRosterPanel(RosterPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);

struct ResultsPanel {
    std::string scorecard; // the agent whose scorecard is open (empty: none)
    int group = 0;         // the group filter: 0 all, else the results' group index + 1
    bool confirmRegular = false; // the scorecard asks to confirm 确认转正
    // The ids of the month's dsr_dimensions rules (their warning and advice lines), per revision.
    uint64_t rulesRevision = ~0ull;
    int rulesPeriod = -1;
    std::vector<std::string> dsrRules;
};
void drawResultsPanel(ResultsPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);
// One agent's scorecard: every score and every yuan with its explanation (rule, inputs, formula),
// and every flag with what it means and the action it calls for (attitude review, 确认转正).
void drawScorecard(ResultsPanel& p, const core::AppState& s, Actions& out);

// 数据: the selected month as a grid of agents x metrics. Arrows, Tab and Enter move; typing or
// Enter edits a cell (checked as typed); a block pasted from Excel/WPS lands at the selected cell
// (or by its header row and agent column); derived metrics are shown read-only.
struct DataPanel {
    int row = 0, col = 0;      // the selected cell (col indexes the grid's metric columns)
    bool editing = false;
    bool startEdit = false;    // focus the cell's field on the next frame
    bool caretPlaced = false;  // the caret was put after the text once the field was active
    std::string edit;          // the text being typed
    std::optional<core::Text2> problem; // why the typed text was refused, shown in the page's language
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

// 薪资: the payroll sheet of the selected month with its pay slips (工资条) to print, and the
// department fund ledger (部门基金) over every month. A click on 工资条 leaves the document in
// `print`; the app hands it to platform::printHtml and clears it.
struct PrintRequest {
    std::string title, html;
};
struct PayPanel {
    std::optional<PrintRequest> print;
    std::string printedTo; // desktop: the file the last slips went to (shown under the sheet)
    // A fund entry being typed: date, amount in yuan (negative = spent), what for.
    std::string fundDate, fundAmount, fundNote, fundProblem;
    std::string removingFund; // the entry whose deletion is being confirmed
};
void drawPayPanel(PayPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);

// 事件: the selected month's events (fines, attendance, additions, deductions, attitude reviews,
// checklist items) with date, count, points and note; added, edited and removed as actions. Below
// them the month's exam and typing results, saved as one SetMetricValues.
struct EventsPanel {
    int editing = -1;  // the event being edited (index into the month's events), -1 = adding
    int removing = -1; // asking to confirm deleting this event
    int period = -1;   // the month the form's fields belong to (they start over in another month)
    // The form as typed. `kind` is a kind id, or a checklist prefix ("check_good:") with `item`.
    std::string agent, date, kind = "complaint", item = "on_time", count = "1", points, note;
    std::string filterAgent; // empty: every agent
    int filterGroup = 0;     // 0 every kind, else core::EventGroup + 1
    uint64_t kindsRevision = ~0ull;
    std::vector<std::string> schemeKinds; // kinds the active scheme adds to the fixed ones
    // Exam and typing: per agent of the month, exam_score, typing_speed, typing_accuracy as typed
    // (`exam`) and as last filled from the state (`examShown`).
    uint64_t examRevision = ~0ull;
    int examPeriod = -1;
    std::vector<std::string> exam, examShown;
};
void drawEventsPanel(EventsPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);
// The exam and typing section under the events (panel_events_exam.cpp).
void drawExamResults(EventsPanel& p, const core::AppState& s, const core::PeriodData& period, bool editable, Actions& out);

// 考核方案: the active scheme (presets and the shop's own), its rule instances and their
// parameters, edited with validation next to the field; saved as the shop's scheme, or to a file.
// The editor works on its own copy (`doc`): nothing reaches the shop until 保存方案 pushes SaveScheme.
struct SchemePanel {
    std::string loadedName, loadedText; // a scheme file the user opened, for the editor (set by the app)
    bool pickFile = false;              // 导入方案文件: the app opens the file picker (.json)
    std::string exportName, exportText; // 导出方案文件: the app downloads this file, then clears the name
    // The copy being edited: the text validated (a file's own text until the first edit, so that
    // lines and columns match it), its JSON tree (null when the text is not JSON) and the problems.
    std::string text;
    core::Json doc;
    bool docOk = false;
    std::vector<core::Problem> problems;
    bool edited = false;             // differs from the shop's active scheme
    std::string source, base;        // the scheme id the copy was taken from, and its text then
    std::string fileName;            // the opened file the copy came from (empty: the shop)
    std::string savedId, savedText;  // the last SaveScheme pushed: the copy is clean once the shop has it
    uint64_t seenRevision = ~0ull;   // the state revision last looked at (~0: take the active scheme again)
    int rule = 0;                    // the selected rule instance
    int copyPreset = 0, copyRule = 0; // 添加规则: the preset and its rule to copy
    std::string groupText;           // a group or prefix (售前*) typed for the scope
};
void drawSchemePanel(SchemePanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);

// The tabs above the panels.
enum class Tab { Overview, Data, Events, Scheme, Pay };
void drawTabs(Tab& tab, ImVec2 pos, float width);

// The first start: the demo shop, or the setup (shop name, manager, groups, scheme, first month).
struct WelcomeDialog {
    bool pending = false; // open it on the next frame
    bool openDemo = false;
    bool setup = false;   // the setup form instead of the greeting
    bool filled = false;  // the form has its defaults
    std::string shopName, managerName, month, problem;
    std::vector<std::string> groups;
    int scheme = 0;       // index into core::presetNames()
};
void drawWelcomeDialog(WelcomeDialog& d, const core::AppState& s, Actions& out);

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

// 导入数据: a platform report (CSV in any encoding, XLSX) or chat logs (messages CSV, orders CSV
// optional, computed with the shop's chat settings), previewed before anything changes: the month,
// the sheet, each column's metric (the mapping screen; remembered per header row), names the
// roster does not know bound to agents, every cell's problem, the values; 导入 is one undoable step.
struct DataImportDialog {
    bool open = false;
    std::string fileName, bytes; // the report or the messages file
    bool chatLog = false;
    std::shared_ptr<core::ChatLog> log; // chat logs: read once, in pieces; metrics computed from it
    std::string ordersName;             // chat logs: the orders file read into the log (optional)
    std::string orderError;             // the orders file could not be read: none of it counts
    // A file being read: the app fills this every frame; 取消 sets cancelRead.
    struct Reading {
        std::string name;
        uint64_t size = 0, done = 0;
        double seconds = 0;
    };
    std::optional<Reading> reading;
    bool cancelRead = false;
    bool pickOrders = false;     // 选择订单文件 was clicked: the app opens the file picker
    bool awaitingOrders = false; // the next opened file is the orders file
    int period = -1;
    int sheet = 0;
    int platform = 0; // of the bound accounts: 0 = not said, else core::platformIds()[platform - 1]
    core::ImportChoices choices;
    bool layoutApplied = false; // the remembered choices of this header row were taken once
    bool dirty = true;          // the file or a choice changed: read it again
    std::optional<core::ImportPreview> preview;
    std::string error;                     // the file could not be read (file, line, column)
    std::vector<std::string> chatWarnings; // chat logs: blocks without agent, unattributed orders
    std::string chatSettingsUsed;          // what the metrics were computed with, shown
    core::ChatSettings computedWith;       // ... as settings: a change in 设置 computes again
    std::string metricFilter;              // the text typed into an open column's metric list
    // Chat logs: forbidden-phrase hits (禁用语) and the context of the one opened (查看上下文). The
    // log keeps no text: the app reads a slice of the messages file around the hit (storage::readSlice
    // on `stream`; a file opened whole keeps its bytes in `bytes`) and calls showHitContext.
    int64_t stream = 0; // the messages file's stream id; 0: opened whole
    std::string head;   // its first bytes (the header line)
    struct HitContext {
        int hit = -1; // index into log->hits; -1: none opened
        bool loading = false;
        std::string error;
        std::vector<core::ContextLine> lines;
    } context;
    int askContext = -1; // 查看上下文 was clicked on this hit: the app reads the slice
    // Chat-log files with other headers (the same mapping screen): a file shown as a report can be
    // read as messages with the columns chosen here; an orders file whose columns were not found
    // asks for them and is picked again. What was chosen is remembered with the shop on 导入.
    int readAs = 0;                              // 文件类型: 0 platform report, 1 chat messages
    std::vector<std::string> messageHeaders;     // the report's first line, for the messages choice
    core::ColumnMapping messageColumns;          // chosen for messages (also: the columns the log was read with)
    std::string readAsError;                     // reading as messages failed (line, column)
    std::vector<std::string> orderHeaders;       // an orders file failed at its header row: its cells
    core::ColumnMapping orderColumns;            // chosen for it
    core::ColumnMapping ordersWith;              // the next orders file is read with these columns
    std::vector<core::ReportLayout> chatLayouts; // remembered on 导入
};
// Opens the dialog on a report (a new file resets the choices), or on chat logs read into `log`;
// attachOrders: the orders file was read into the dialog's log (or failed with `error`).
void openDataImport(DataImportDialog& d, const core::AppState& s, std::string fileName, std::string bytes,
                    std::string error = "");
void openChatImport(DataImportDialog& d, const core::AppState& s, std::string fileName, std::shared_ptr<core::ChatLog> log,
                    core::ColumnMapping columns = {});
// `head`: the orders file's first bytes (its header row, for the mapping when its columns were not found).
void attachOrders(DataImportDialog& d, std::string fileName, const std::string& error, bool cancelled = false,
                  const std::string& head = "");
// The slice [offset, offset + bytes.size()) of the messages file read for hit `hit` (or why not);
// `reachesEnd`: it ends at the end of the file (dialog_import_hits.cpp).
void showHitContext(DataImportDialog& d, const core::AppState& s, int hit, std::string_view bytes, uint64_t offset,
                    bool reachesEnd, const std::string& error);
// The 禁用语 list and the opened context, inside the chat-log preview.
void drawChatHits(DataImportDialog& d, const core::AppState& s);
// Files that go to the import dialog rather than being opened as a snapshot: .csv .tsv .txt .xlsx.
bool isDataFile(const std::string& fileName);
void drawDataImportDialog(DataImportDialog& d, const core::AppState& s, Actions& out);

// 操作记录: the audit log, newest first.
struct AuditWindow {
    bool open = false;
};
void drawAuditWindow(AuditWindow& w, const core::AppState& s);

// 设置: the language, the manager's name (the author of every change; this copy's setting), and
// the shop's settings: money format, the service hours and response thresholds imports use;
// shortcuts to the snapshot export and import.
struct SettingsWindow {
    bool open = false;
    bool filled = false;
    std::string managerName;
    bool english = false, thousands = true, wholeYuan = false;
    std::string serviceHours, capS, slowS, problem;
    bool exportSnapshot = false, importSnapshot = false; // the shortcuts (the app acts on them)
};
void drawSettingsWindow(SettingsWindow& w, const core::AppState& s, Actions& out);

// Closing a month (optional note) or reopening it (a reason is required); adding a new month.
struct PeriodDialog {
    int closing = -1, reopening = -1;
    std::string reason;
    bool adding = false;  // a new month: `month` as typed (YYYY-MM)
    std::string month, problem;
};
void drawPeriodDialog(PeriodDialog& d, const core::AppState& s, Actions& out);

// "2026-11-22 21:30" in the browser's time zone.
std::string formatTime(int64_t unixMs);
void drawNotices(const core::AppState& s, Actions& out, const Layout& layout);

} // namespace kefu::web::ui
