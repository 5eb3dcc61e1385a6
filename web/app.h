// The app: owns the AppState, the queue of actions and the panels' UI-only state. frame() draws
// every panel from the const state, then applies the queued actions with core::apply(), and
// connects the storage side: autosave, the version list, opened files and the other tabs.
#pragma once
#include "app_state.h"
#include "autosave.h"
#include "import_stream.h"
#include "ui/analysis_windows.h"
#include "ui/charts_window.h"
#include "ui/coach_windows.h"
#include "ui/panels.h"

namespace kefu::web {

struct AppOptions {
    bool openDemo = false;     // ?demo=1
    bool offerDemo = false;    // first open: ask
};

class App {
public:
    void init(const AppOptions& options);
    // Between ImGui::NewFrame() and ImGui::Render().
    void frame(const ui::StatusInfo& status);
    const core::AppState& state() const { return m_state; }
    const Autosave& autosave() const { return m_autosave; }
    // Queues an action for the end of the next frame (the test hook's window.kefu.act).
    void push(core::Action a) { m_actions.push(std::move(a)); }
    // Text pasted while no text field has the keyboard (the page's paste event; Ctrl+V on the
    // desktop): the data grid takes it when its tab is open.
    void pasteText(std::string text);
    // What Ctrl+C copies when no text field has the keyboard: the data grid as TSV, or nothing.
    std::string copyText() const;

private:
    void drawPanels(const ui::Layout& layout);
    void drawWindows();
    void handleStorage();
    void handleShortcuts();
    void applyActions();
    void noteStateText() const;

    core::AppState m_state;
    Autosave m_autosave;
    ui::Actions m_actions;
    ui::MenuBar m_menu;
    ui::RosterPanel m_roster;
    ui::ResultsPanel m_results;
    ui::DataPanel m_data;
    ui::PayPanel m_pay;
    ui::EventsPanel m_events;
    ui::SchemePanel m_scheme;
    ui::Tab m_tab = ui::Tab::Overview;
    ui::WelcomeDialog m_welcome;
    ui::HistoryWindow m_history;
    ui::ImportWindow m_import;
    ui::AuditWindow m_audit;
    ui::SettingsWindow m_settings;
    ui::PeriodDialog m_period;
    ui::DataImportDialog m_dataImport;
    ui::WhatIfWindow m_whatIf;       // 分析 > 假设分析
    ui::StabilityWindow m_stability; // 分析 > 排名稳定性
    ui::GapsWindow m_gaps;           // 分析 > 差距卡片
    ui::CoachingWindow m_coaching;   // 分析 > 辅导卡
    ui::GoalsWindow m_goals;         // 分析 > 团队目标
    ui::AppealsWindow m_appeals;     // 分析 > 申诉
    ui::ChartsWindow m_charts;       // 分析 > 图表
    ImportStreams m_streams; // text files read in pieces for m_dataImport
};

App& app();

} // namespace kefu::web
