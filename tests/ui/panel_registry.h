// Every panel of web/ui/panels.h as the smoke tests draw it: its name, how to make it show (the
// UI-only flags the app would set) and its draw call. A new panel is one entry in allPanels()
// (panel_registry.cpp), plus a field in PanelUi when it keeps UI-only state.
#pragma once
#include <string>
#include <vector>

#include "null_backend.h"

namespace kefu::test {

// The panels' UI-only state, as web/app.h keeps it.
struct PanelUi {
    web::ui::MenuBar menu;
    web::ui::RosterPanel roster;
    web::ui::ResultsPanel results;
    web::ui::DataPanel data;
    web::ui::PayPanel pay;
    web::ui::EventsPanel events;
    web::ui::SchemePanel scheme;
    web::ui::Tab tab = web::ui::Tab::Overview;
    web::ui::WelcomeDialog welcome;
    web::ui::HistoryWindow history;
    web::ui::ImportWindow import;
    web::ui::AuditWindow audit;
    web::ui::SettingsWindow settings;
    web::ui::PeriodDialog period;
    web::ui::DataImportDialog dataImport;
    web::ui::StatusInfo status;
    bool saveFailed = false;
    bool exportAsked = false; // drawSaveFailed returned true
};

using DrawPanel = void (*)(PanelUi&, const core::AppState&, web::ui::Actions&);

struct PanelEntry {
    const char* name;
    // Opens the panel with content for this state (nullptr: it shows by itself).
    void (*open)(PanelUi&, const core::AppState&);
    DrawPanel draw;
    // Ids clicked in turn by the smoke test (when drawn), so that menus and popups draw too.
    std::vector<const char*> pokes;
};

const std::vector<PanelEntry>& allPanels();
// Files the import dialog entries open: a 千牛-style report (a demo account, a name the roster does
// not know, a summary row, a cell that is not a number) and chat logs of demo agents in 2024-03.
extern const char* const kReportFile;
extern const char* const kChatLogFile;
extern const std::string kChatLogOtherHeaders; // the same messages under other headers
// The entry named `name` (a test of its actions); fails the test when there is none.
const PanelEntry& panel(const char* name);
// A frame of one panel: the UI language follows the state, as App::frame sets it.
DrawFn drawFn(PanelUi& ui, const core::AppState& s, DrawPanel draw);

} // namespace kefu::test
