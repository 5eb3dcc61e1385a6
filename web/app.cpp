#include "app.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <random>

#include "demo_data.h"
#include "fonts.h"
#include "i18n.h"
#include "platform.h"
#include "reports.h"
#include "storage.h"

namespace kefu::web {

namespace {
int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Opened files ending in .json are scheme files; everything else is taken for a snapshot.
bool isSchemeFile(const std::string& name) {
    return name.size() >= 5 && std::equal(name.end() - 5, name.end(), ".json", [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// New record ids come from the platform's randomness (crypto.getRandomValues in the page).
uint64_t randomSeed() {
    static std::random_device device;
    return (uint64_t(device()) << 32) ^ uint64_t(device());
}
} // namespace

App& app() {
    static App instance;
    return instance;
}

void App::init(const AppOptions& options) {
    storage::setFileStreamHandler(&m_streams);
    for (const auto& s : allTranslations()) fonts().noteText(s);
    m_actions.push(core::SetManagerName{platform::loadSetting("manager")});
    // ?demo=1 opens the demo shop; otherwise the shop saved last time comes back.
    const bool restored = !options.openDemo && m_autosave.restore(m_state);
    const bool writable = storage::writable();
    if (!writable) m_actions.push(core::SetReadOnly{true});
    if (options.openDemo && writable) m_actions.push(demoShopAction());
    m_welcome.pending = options.offerDemo && !options.openDemo && !restored && writable;
    applyActions();
}

void App::frame(const ui::StatusInfo& fontStatus) {
    setUiLanguage(m_state.language);
    handleStorage();
    handleShortcuts();
    const ui::Layout layout = ui::computeLayout();
    ui::drawMenuBar(m_menu, m_state, m_actions);
    drawPanels(layout);
    if (m_pay.print) m_pay.printedTo = platform::printHtml(m_pay.print->title, m_pay.print->html);
    m_pay.print.reset();
    runReportRequests(m_menu, m_state);
    if (!m_scheme.exportName.empty()) storage::download(std::exchange(m_scheme.exportName, ""), m_scheme.exportText);
    if (std::exchange(m_scheme.pickFile, false)) {
        if (storage::canPickByDialog()) storage::pickFile(".json,application/json");
        else m_import.askPath = true; // the desktop reads a typed path; a .json one comes back here
    }
    ui::StatusInfo status = fontStatus;
    status.save = int(m_autosave.state());
    status.saveError = m_autosave.error();
    status.readOnly = m_state.readOnly;
    ui::drawStatusBar(m_state, status, layout);
    if (ui::drawSaveFailed(m_autosave.state() == SaveState::Failed && !m_autosave.failureSeen, m_autosave.error()))
        m_menu.exportSnapshot = true;
    if (m_autosave.state() == SaveState::Failed && ui::saveFailedClosed()) m_autosave.failureSeen = true;
    if (m_menu.exportSnapshot) m_autosave.exportNow(m_state);
    m_menu.exportSnapshot = false;
    drawWindows();
    ui::drawNotices(m_state, m_actions, layout);
    if (m_menu.openDemo || m_welcome.openDemo) m_actions.push(demoShopAction());
    m_menu.openDemo = m_welcome.openDemo = false;
    applyActions();
    m_autosave.frame(m_state, ImGui::GetTime());
}

void App::drawWindows() {
    ui::drawAboutWindow(m_menu);
    ui::drawWelcomeDialog(m_welcome, m_state, m_actions);
    if (std::exchange(m_menu.showHistory, false)) m_history.open = m_history.refresh = true;
    if (std::exchange(m_menu.showAudit, false)) m_audit.open = true;
    if (std::exchange(m_menu.showSettings, false)) m_settings.open = true;
    if (std::exchange(m_settings.exportSnapshot, false)) m_autosave.exportNow(m_state);
    if (std::exchange(m_settings.importSnapshot, false)) m_menu.importSnapshot = true;
    if (std::exchange(m_menu.newShop, false)) m_welcome.pending = m_welcome.setup = true;
    if (std::exchange(m_menu.addPeriod, false)) m_period.adding = true;
    if (std::exchange(m_menu.editScheme, false)) m_tab = ui::Tab::Scheme;
    if (m_menu.closePeriod >= 0) m_period.closing = std::exchange(m_menu.closePeriod, -1);
    if (m_menu.reopenPeriod >= 0) m_period.reopening = std::exchange(m_menu.reopenPeriod, -1);
    if (std::exchange(m_menu.importSnapshot, false)) {
        if (storage::canPickByDialog()) storage::pickFile(".kefu");
        else m_import.askPath = true;
    }
    if (m_tab == ui::Tab::Overview) ui::drawScorecard(m_results, m_state, m_actions);
    ui::drawHistoryWindow(m_history, m_state);
    ui::drawImportWindow(m_import, m_state, m_actions);
    ui::drawAuditWindow(m_audit, m_state);
    ui::drawSettingsWindow(m_settings, m_state, m_actions);
    ui::drawPeriodDialog(m_period, m_state, m_actions);
    ui::drawDataImportDialog(m_dataImport, m_state, m_actions);
    if (std::exchange(m_menu.showWhatIf, false)) m_whatIf.open = true;
    if (std::exchange(m_menu.showStability, false)) m_stability.open = true;
    if (std::exchange(m_menu.showGaps, false)) m_gaps.open = true;
    ui::drawWhatIfWindow(m_whatIf, m_state, m_actions);
    ui::drawStabilityWindow(m_stability, m_state);
    ui::drawGapsWindow(m_gaps, m_state);
    if (std::exchange(m_menu.showCoaching, false)) m_coaching.open = true;
    if (std::exchange(m_menu.showGoals, false)) m_goals.open = true;
    if (std::exchange(m_menu.showAppeals, false)) m_appeals.open = true;
    ui::drawCoachingWindow(m_coaching, m_state, m_actions);
    ui::drawGoalsWindow(m_goals, m_state, m_actions);
    ui::drawAppealsWindow(m_appeals, m_state, m_actions);
    if (std::exchange(m_menu.showCharts, false)) m_charts.open = true;
    ui::drawChartsWindow(m_charts, m_state);
    if (m_coaching.print) platform::printHtml(m_coaching.print->title, m_coaching.print->html);
    m_coaching.print.reset();
    const bool pickData = std::exchange(m_menu.importData, false);
    const bool pickOrders = std::exchange(m_dataImport.pickOrders, false);
    m_dataImport.awaitingOrders |= pickOrders;
    if (pickData || pickOrders) {
        if (storage::canPickByDialog()) storage::pickFile(pickOrders ? ".csv,.txt" : ".csv,.tsv,.txt,.xlsx");
        else m_import.askPath = true; // the desktop reads a typed path; the file comes back here
    }
}

// Results of storage calls and events from outside: the version list, a version to restore,
// opened files, the other tabs.
void App::handleStorage() {
    if (std::exchange(m_import.openPath, false)) storage::pickFile("", m_import.path);
    // Files read in pieces: reports, chat logs, the orders file the dialog asked for.
    m_streams.prepare(m_state.settings, m_dataImport.awaitingOrders ? m_dataImport.log : nullptr, m_dataImport.ordersWith);
    if (std::exchange(m_dataImport.cancelRead, false)) m_streams.cancel();
    if (auto p = m_streams.progress()) m_dataImport.reading = ui::DataImportDialog::Reading{p->name, p->size, p->done, p->seconds};
    else m_dataImport.reading.reset();
    for (auto& f : m_streams.take()) {
        if (f.orders) ui::attachOrders(m_dataImport, f.name, f.error, f.cancelled, f.head);
        else if (f.cancelled) continue;
        else if (!f.error.empty()) ui::openDataImport(m_dataImport, m_state, f.name, "", f.error);
        else if (f.log) {
            ui::openChatImport(m_dataImport, m_state, f.name, std::move(f.log), std::move(f.columns));
            m_dataImport.stream = f.stream;
            m_dataImport.head = std::move(f.head);
        } else {
            ui::openDataImport(m_dataImport, m_state, f.name, std::move(f.bytes));
        }
    }
    // 查看上下文 on a chat-log hit: the slice of the messages file around it, parsed by the dialog.
    if (const int hit = std::exchange(m_dataImport.askContext, -1); hit >= 0 && m_dataImport.log && m_dataImport.stream) {
        const core::HitSlice slice = core::hitSlice(m_dataImport.log->hits[size_t(hit)], 0);
        storage::readSlice(m_dataImport.stream, slice.offset, slice.length,
                           [this, hit, slice, log = m_dataImport.log](std::string bytes, std::string error) {
                               if (m_dataImport.log != log) return; // another file since
                               const bool end = error.empty() && bytes.size() < slice.length;
                               ui::showHitContext(m_dataImport, m_state, hit, bytes, slice.offset, end, error);
                           });
    }
    for (auto& f : storage::takeOpenedFiles()) {
        if (ui::isDataFile(f.name)) { // a report or chat logs: previewed in the import dialog
            ui::openDataImport(m_dataImport, m_state, f.name, std::move(f.bytes), f.error);
            continue;
        }
        if (isSchemeFile(f.name)) { // a scheme file: shown in the scheme editor, nothing saved yet
            m_scheme.loadedName = f.name;
            m_scheme.loadedText = std::move(f.bytes);
            m_tab = ui::Tab::Scheme;
            continue;
        }
        if (!f.error.empty()) m_actions.push(core::OpenSnapshotFile{f.name, ""}); // refused with the file's name
        else m_actions.push(core::OpenSnapshotFile{f.name, std::move(f.bytes)});
    }
    if (m_history.refresh && !m_history.loading) {
        m_history.refresh = false;
        m_history.loading = true;
        const std::string shopId = m_state.record.id;
        storage::listVersions([this, shopId](std::vector<storage::Version> versions, std::string error) {
            m_history.loading = false;
            m_history.error = error;
            m_history.versions.clear();
            for (const auto& v : versions)
                m_history.versions.push_back({v.seq, v.at, v.size, v.current, !shopId.empty() && v.shopId != shopId});
        });
    }
    if (m_history.restore && !m_history.restoring) {
        const int64_t seq = std::exchange(m_history.restore, 0);
        int64_t at = 0;
        for (const auto& v : m_history.versions)
            if (v.seq == seq) at = v.at;
        m_history.restoring = seq;
        storage::loadVersion(seq, [this, at](std::string bytes, std::string error) {
            m_history.restoring = 0;
            if (!error.empty()) {
                m_history.error = error;
                return;
            }
            m_actions.push(core::RestoreVersion{std::move(bytes), ui::formatTime(at)});
            m_history.refresh = true;
        });
    }
    storage::TabEvents tabs = storage::takeTabEvents();
    for (auto& bytes : tabs.saved) m_actions.push(core::FollowSaved{std::move(bytes)});
    if (tabs.becameWritable) m_actions.push(core::SetReadOnly{false});
}

// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, unless a text field has the keyboard.
void App::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_V), false)) {
        std::string text = platform::clipboardForPaste();
        if (!text.empty()) pasteText(std::move(text));
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false)) {
        std::string text = copyText();
        if (!text.empty()) ImGui::SetClipboardText(text.c_str());
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false))
        m_actions.push(io.KeyShift ? core::Action{core::Redo{}} : core::Action{core::Undo{}});
    else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false))
        m_actions.push(core::Redo{});
}

void App::pasteText(std::string text) {
    if (m_tab == ui::Tab::Data) m_data.pasted = std::move(text);
}

std::string App::copyText() const { return m_tab == ui::Tab::Data ? ui::dataPanelTsv(m_data, m_state) : std::string(); }

// The tabs; under them roster on the left and results on the right (stacked when the window is
// narrow), or the data grid.
void App::drawPanels(const ui::Layout& l) {
    const float tabs = ImGui::GetFrameHeight() + 8;
    ui::drawTabs(m_tab, l.contentPos, l.contentSize.x);
    const ImVec2 p(l.contentPos.x, l.contentPos.y + tabs), s(l.contentSize.x, l.contentSize.y - tabs);
    if (m_tab == ui::Tab::Data) {
        ui::drawDataPanel(m_data, m_state, m_actions, p, s);
        return;
    }
    if (m_tab == ui::Tab::Pay) {
        ui::drawPayPanel(m_pay, m_state, m_actions, p, s);
        return;
    }
    if (m_tab == ui::Tab::Events) {
        ui::drawEventsPanel(m_events, m_state, m_actions, p, s);
        return;
    }
    if (m_tab == ui::Tab::Scheme) {
        ui::drawSchemePanel(m_scheme, m_state, m_actions, p, s);
        return;
    }
    if (s.x >= 900) {
        const float left = std::max(420.0f, s.x * 0.38f);
        ui::drawRosterPanel(m_roster, m_state, m_actions, p, ImVec2(left, s.y));
        ui::drawResultsPanel(m_results, m_state, m_actions, ImVec2(p.x + left, p.y), ImVec2(s.x - left, s.y));
    } else {
        const float top = s.y * 0.45f;
        ui::drawRosterPanel(m_roster, m_state, m_actions, p, ImVec2(s.x, top));
        ui::drawResultsPanel(m_results, m_state, m_actions, ImVec2(p.x, p.y + top), ImVec2(s.x, s.y - top));
    }
}

void App::applyActions() {
    if (m_actions.queue.empty()) return;
    std::vector<core::Action> queue;
    queue.swap(m_actions.queue);
    const std::string manager = m_state.managerName;
    for (const auto& a : queue) core::apply(m_state, a, core::ApplyContext{nowMs(), randomSeed()});
    if (m_state.managerName != manager) platform::saveSetting("manager", m_state.managerName);
    noteStateText();
}

// Names and groups from imports reach the glyph atlas before they are first drawn.
void App::noteStateText() const {
    fonts().noteText(m_state.shopName);
    fonts().noteText(m_state.managerName);
    for (const auto& a : m_state.roster) {
        fonts().noteText(a.name);
        fonts().noteText(a.group);
        fonts().noteText(a.level);
    }
    for (const auto& n : m_state.notices) {
        fonts().noteText(n.zh);
        fonts().noteText(n.en);
    }
    for (const auto& e : m_state.record.audit) fonts().noteText(e.detail);
    for (const auto& e : m_state.fund) fonts().noteText(e.note);
    if (m_state.incoming) {
        fonts().noteText(m_state.incoming->fileName);
        fonts().noteText(m_state.incoming->summary.shopName);
        fonts().noteText(m_state.incoming->summary.lastAuthor);
        for (const auto& c : m_state.incoming->conflicts) fonts().noteText(c.key);
    }
}

} // namespace kefu::web
