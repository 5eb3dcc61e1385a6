#include "app.h"

#include <algorithm>

#include "demo_data.h"
#include "fonts.h"
#include "i18n.h"

namespace kefu::web {

App& app() {
    static App instance;
    return instance;
}

void App::init(const AppOptions& options) {
    for (const auto& s : allTranslations()) fonts().noteText(s);
    // ?demo=1 opens the demo shop; otherwise the shop saved last time comes back.
    const bool restored = !options.openDemo && m_autosave.restore(m_state);
    if (options.openDemo) m_actions.push(demoShopAction());
    m_welcome.pending = options.offerDemo && !options.openDemo && !restored;
    applyActions();
}

void App::frame(const ui::StatusInfo& fontStatus) {
    setUiLanguage(m_state.language);
    const ui::Layout layout = ui::computeLayout();
    ui::drawMenuBar(m_menu, m_state, m_actions);
    drawPanels(layout);
    ui::StatusInfo status = fontStatus;
    status.save = int(m_autosave.state());
    status.saveError = m_autosave.error();
    ui::drawStatusBar(m_state, status, layout);
    if (ui::drawSaveFailed(m_autosave.state() == SaveState::Failed && !m_autosave.failureSeen, m_autosave.error()))
        m_menu.exportSnapshot = true;
    if (m_autosave.state() == SaveState::Failed && ui::saveFailedClosed()) m_autosave.failureSeen = true;
    if (m_menu.exportSnapshot) m_autosave.exportNow(m_state);
    m_menu.exportSnapshot = false;
    ui::drawNotices(m_state, m_actions, layout);
    ui::drawAboutWindow(m_menu);
    ui::drawWelcomeDialog(m_welcome, m_state);
    if (m_menu.openDemo || m_welcome.openDemo) m_actions.push(demoShopAction());
    m_menu.openDemo = m_welcome.openDemo = false;
    applyActions();
    m_autosave.frame(m_state, ImGui::GetTime());
}

// Roster on the left, results on the right; stacked when the window is narrow.
void App::drawPanels(const ui::Layout& l) {
    const ImVec2 p = l.contentPos, s = l.contentSize;
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
    for (const auto& a : queue) core::apply(m_state, a);
    noteStateText();
}

// Names and groups from imports reach the glyph atlas before they are first drawn.
void App::noteStateText() const {
    fonts().noteText(m_state.shopName);
    for (const auto& a : m_state.roster) {
        fonts().noteText(a.name);
        fonts().noteText(a.group);
        fonts().noteText(a.level);
    }
    for (const auto& n : m_state.notices) {
        fonts().noteText(n.zh);
        fonts().noteText(n.en);
    }
}

} // namespace kefu::web
