// The panels of the page, one file each (web/ui/panel_*.cpp), each with one draw entry point.
// Panels read a const AppState and push Actions; what they keep themselves is UI-only state
// (text being typed, open dialogs). The app applies the actions after the frame (STYLE.md 3).
#pragma once
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
    bool openDemo = false; // set by 文件 > 打开示例店铺; the app turns it into LoadShop
};
void drawMenuBar(MenuBar& m, const core::AppState& s, Actions& out);

struct StatusInfo {
    bool fullFont = false;
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
};
void drawRosterPanel(RosterPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);

struct ResultsPanel {};
void drawResultsPanel(ResultsPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size);

struct WelcomeDialog {
    bool pending = false; // open it on the next frame
    bool openDemo = false;
};
void drawWelcomeDialog(WelcomeDialog& d, const core::AppState& s);

void drawAboutWindow(MenuBar& m);
void drawNotices(const core::AppState& s, Actions& out, const Layout& layout);

} // namespace kefu::web::ui
