// The panel entries of panel_registry.h, drawn like web/app.cpp draws them.
#include "panel_registry.h"

#include <algorithm>
#include <cstring>

#include <doctest/doctest.h>

#include "i18n.h"

namespace kefu::test {

namespace ui = web::ui;

const char* const kReportFile = "旺旺昵称,接待人数,平均响应时长(秒),旺旺回复率\n"
                                "小美家居旗舰店:小喆,600,18,98.5%\n"
                                "小美家居旗舰店:新人,40,-,90%\n"
                                "汇总值,640,18,98%\n";
const char* const kChatLogFile = "session_id,time,role,agent,buyer,text\n"
                                 "s1,2024-03-04 09:00:00,buyer,王喆,b1,在吗\n"
                                 "s1,2024-03-04 09:00:30,agent,王喆,b1,您好\n"
                                 "s2,2024-03-04 23:00:00,buyer,王喆,b2,在吗\n"
                                 "s2,2024-03-04 23:05:00,agent,王喆,b2,\"您好，地址我不能改, 抱歉\"\n"
                                 "s3,2024-03-05 10:00:00,buyer,小新,b3,发货了吗\n"
                                 "s3,2024-03-05 10:01:00,agent,小新,b3,亲，已发货\n";
const std::string kChatLogOtherHeaders =
    std::string("对话编号,发送时刻,发送者类型,接待客服,顾客ID,聊天内容") + std::strchr(kChatLogFile, '\n');
using core::AppState;

namespace {
// The roster beside the results, or above them when the window is narrow (web/app.cpp).
void drawContent(PanelUi& u, const AppState& s, ui::Actions& out) {
    const ui::Layout l = ui::computeLayout();
    const ImVec2 p = l.contentPos, size = l.contentSize;
    if (size.x >= 900) {
        const float left = std::max(420.0f, size.x * 0.38f);
        ui::drawRosterPanel(u.roster, s, out, p, ImVec2(left, size.y));
        ui::drawResultsPanel(u.results, s, out, ImVec2(p.x + left, p.y), ImVec2(size.x - left, size.y));
    } else {
        const float top = size.y * 0.45f;
        ui::drawRosterPanel(u.roster, s, out, p, ImVec2(size.x, top));
        ui::drawResultsPanel(u.results, s, out, ImVec2(p.x, p.y + top), ImVec2(size.x, size.y - top));
    }
}

void drawScheme(PanelUi& u, const AppState& s, ui::Actions& out) {
    const ui::Layout l = ui::computeLayout();
    ui::drawSchemePanel(u.scheme, s, out, l.contentPos, l.contentSize);
}

void openHistory(PanelUi& u, const AppState&) {
    u.history.open = true;
    u.history.versions = {{3, 1711929600000, 48 * 1024, true, false},
                          {2, 1711843200000, 47 * 1024, false, false},
                          {1, 1711756800000, 12 * 1024, false, true}};
}

// Closes the selected month, or reopens it when it is closed already.
void openPeriod(PanelUi& u, const AppState& s) {
    if (s.selectedPeriod < 0) return;
    if (s.periods[size_t(s.selectedPeriod)].closed)
        u.period.reopening = s.selectedPeriod;
    else
        u.period.closing = s.selectedPeriod;
    u.period.reason = "月底结算";
}

void drawStatus(PanelUi& u, const AppState& s, ui::Actions&) {
    ui::StatusInfo info = u.status;
    info.readOnly = s.readOnly;
    ui::drawStatusBar(s, info, ui::computeLayout());
}

// Every panel in one frame, in App::frame's order.
void drawAll(PanelUi& u, const AppState& s, ui::Actions& out) {
    const ui::Layout layout = ui::computeLayout();
    ui::drawMenuBar(u.menu, s, out);
    drawContent(u, s, out);
    drawStatus(u, s, out);
    u.exportAsked |= ui::drawSaveFailed(u.saveFailed, u.status.saveError);
    ui::drawAboutWindow(u.menu);
    ui::drawWelcomeDialog(u.welcome, s, out);
    ui::drawHistoryWindow(u.history, s);
    ui::drawImportWindow(u.import, s, out);
    ui::drawAuditWindow(u.audit, s);
    ui::drawSettingsWindow(u.settings, s, out);
    ui::drawPeriodDialog(u.period, s, out);
    ui::drawNotices(s, out, layout);
}

void drawRoster(PanelUi& u, const AppState& s, ui::Actions& out) {
    const ui::Layout l = ui::computeLayout();
    ui::drawRosterPanel(u.roster, s, out, l.contentPos, l.contentSize);
}

// Everything at once but the welcome dialog (a modal: the menu poke could not reach the menu).
void openAll(PanelUi& u, const AppState& s) {
    u.status = {true, false, 4, "QuotaExceededError"};
    u.saveFailed = u.menu.showAbout = u.audit.open = u.settings.open = true;
    openHistory(u, s);
    openPeriod(u, s);
}
} // namespace

const std::vector<PanelEntry>& allPanels() {
    static const std::vector<PanelEntry> panels = {
        {"menu bar",
         nullptr,
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawMenuBar(u.menu, s, out); },
         {"menu.file", "menu.edit", "menu.data", "menu.assess", "menu.report", "menu.help"}},
        {"status bar",
         [](PanelUi& u, const AppState&) {
             u.status = {true, false, 4, "QuotaExceededError"};
         },
         drawStatus,
         {}},
        {"roster panel", nullptr, drawRoster, {"roster.group", "roster.r0.remove", "roster.r0.leave", "roster.inactive"}},
        {"results panel",
         nullptr,
         [](PanelUi& u, const AppState& s, ui::Actions& out) {
             const ui::Layout l = ui::computeLayout();
             ui::drawResultsPanel(u.results, s, out, l.contentPos, l.contentSize);
         },
         {"results.period.0"}},
        {"scorecard",
         [](PanelUi& u, const AppState& s) {
             if (const core::Results* r = core::selectedResults(s); r && !r->agents.empty()) u.results.scorecard = r->agents.front().agent;
         },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawScorecard(u.results, s, out); },
         {}},
        {"data panel",
         nullptr,
         [](PanelUi& u, const AppState& s, ui::Actions& out) {
             const ui::Layout l = ui::computeLayout();
             ui::drawDataPanel(u.data, s, out, l.contentPos, l.contentSize);
         },
         {"data.r0.c0", "data.month.0"}},
        {"pay panel",
         nullptr,
         [](PanelUi& u, const AppState& s, ui::Actions& out) {
             const ui::Layout l = ui::computeLayout();
             ui::drawPayPanel(u.pay, s, out, l.contentPos, l.contentSize);
         },
         {"pay.month.0", "pay.r0.slip", "pay.print_all"}},
        {"events panel",
         nullptr,
         [](PanelUi& u, const AppState& s, ui::Actions& out) {
             const ui::Layout l = ui::computeLayout();
             ui::drawEventsPanel(u.events, s, out, l.contentPos, l.contentSize);
         },
         {"events.month.0", "events.kind", "events.filter_kind", "events.r0.edit", "events.r0.remove"}},
        {"scheme panel",
         nullptr,
         drawScheme,
         {"scheme.pick", "scheme.r1.id", "scheme.copy_preset", "scheme.copy_add", "scheme.suggest_id", "scheme.r0.down", "scheme.discard"}},
        {"scheme panel with an opened file",
         [](PanelUi& u, const AppState&) { // a scheme file with problems in every part of the editor
             u.scheme.loadedName = "方案.json";
             u.scheme.loadedText = R"({"id": "shop-default", "name": "店铺", "extra": 1, "rules": [
                 {"id": "r1", "type": "rank_points", "scope": {"groups": ["售前*"], "statuses": ["nobody"]},
                  "params": {"weights": {"sales_amount": 0.5, "no_such_metric": 0.2}, "bonus_first": -1}},
                 {"id": "r1", "type": "no_such_type"},
                 {"id": "r3", "type": "commission_pool", "params": {"brackets": [{"up_to": 5, "rate": 0.1}, {"up_to": 1, "rate": 0.2}]}}]})";
         },
         drawScheme,
         {"scheme.r2.id", "scheme.r1.id", "scheme.r0.id"}},
        {"scheme panel with a file that is not JSON",
         [](PanelUi& u, const AppState&) {
             u.scheme.loadedName = "broken.json";
             u.scheme.loadedText = "{\n  \"id\": \"x\",\n  \"rules\": [,]\n}";
         },
         drawScheme,
         {"scheme.discard"}},
        {"scorecard with flags",
         [](PanelUi& u, const AppState& s) { // the agent with the most flags (actions, warnings, advice)
             const core::Results* r = core::selectedResults(s);
             size_t most = 0;
             if (r)
                 for (const auto& a : r->agents)
                     if (a.flags.size() > most) {
                         most = a.flags.size();
                         u.results.scorecard = a.agent;
                     }
         },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawScorecard(u.results, s, out); },
         {"scorecard.flags_title", "scorecard.attitude_good", "scorecard.regularize"}},
        {"tabs",
         nullptr,
         [](PanelUi& u, const AppState&, ui::Actions&) {
             const ui::Layout l = ui::computeLayout();
             ui::drawTabs(u.tab, l.contentPos, l.contentSize.x);
         },
         {"tab.data", "tab.pay", "tab.overview"}},
        {"welcome dialog",
         [](PanelUi& u, const AppState&) { u.welcome.pending = true; },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawWelcomeDialog(u.welcome, s, out); },
         {"welcome.setup", "welcome.group_add", "welcome.start"}},
        {"about window",
         [](PanelUi& u, const AppState&) { u.menu.showAbout = true; },
         [](PanelUi& u, const AppState&, ui::Actions&) { ui::drawAboutWindow(u.menu); },
         {}},
        {"notices",
         nullptr,
         [](PanelUi&, const AppState& s, ui::Actions& out) { ui::drawNotices(s, out, ui::computeLayout()); },
         {}},
        {"save-failed dialog",
         [](PanelUi& u, const AppState&) { u.saveFailed = true; },
         [](PanelUi& u, const AppState&, ui::Actions&) {
             u.exportAsked |= ui::drawSaveFailed(u.saveFailed, "QuotaExceededError");
         },
         {}},
        {"history window",
         openHistory,
         [](PanelUi& u, const AppState& s, ui::Actions&) { ui::drawHistoryWindow(u.history, s); },
         {}},
        {"import window",
         [](PanelUi& u, const AppState&) { u.import.askPath = true; },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawImportWindow(u.import, s, out); },
         {"import.replace"}},
        {"audit window",
         [](PanelUi& u, const AppState&) { u.audit.open = true; },
         [](PanelUi& u, const AppState& s, ui::Actions&) { ui::drawAuditWindow(u.audit, s); },
         {}},
        {"settings window",
         [](PanelUi& u, const AppState&) { u.settings.open = true; },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawSettingsWindow(u.settings, s, out); },
         {"settings.thousands", "settings.whole_yuan"}},
        {"period dialog",
         openPeriod,
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawPeriodDialog(u.period, s, out); },
         {}},
        {"data import dialog (report)",
         [](PanelUi& u, const AppState& s) { ui::openDataImport(u.dataImport, s, "qianniu.csv", kReportFile); },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawDataImportDialog(u.dataImport, s, out); },
         {"dataimport.columns", "dataimport.unknown", "dataimport.problems"}},
        {"data import dialog (chat log)",
         [](PanelUi& u, const AppState& s) { ui::openDataImport(u.dataImport, s, "messages.csv", kChatLogFile); },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawDataImportDialog(u.dataImport, s, out); },
         {"dataimport.pick_orders"}},
        {"data import dialog (chat log, other headers)",
         [](PanelUi& u, const AppState& s) { ui::openDataImport(u.dataImport, s, "chats.csv", kChatLogOtherHeaders); },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawDataImportDialog(u.dataImport, s, out); },
         {}},
        {"new month dialog",
         [](PanelUi& u, const AppState&) { u.period.adding = true; },
         [](PanelUi& u, const AppState& s, ui::Actions& out) { ui::drawPeriodDialog(u.period, s, out); },
         {}},
        {"roster leave dialog",
         [](PanelUi& u, const AppState& s) {
             if (!s.roster.empty()) u.roster.leaving = s.roster.front().name;
             u.roster.moveFrom = -1;
         },
         drawRoster,
         {"roster.move_from"}},
        {"roster groups dialog",
         [](PanelUi& u, const AppState& s) {
             u.roster.editingGroups = true;
             u.roster.groups = core::rosterGroups(s);
         },
         drawRoster,
         {"roster.group_add"}},
        {"all panels together", openAll, drawAll, {"menu.edit"}},
    };
    return panels;
}

const PanelEntry& panel(const char* name) {
    for (const auto& p : allPanels())
        if (std::string(p.name) == name) return p;
    FAIL("no panel entry named " << std::string(name));
    return allPanels().front();
}

DrawFn drawFn(PanelUi& ui, const AppState& s, DrawPanel draw) {
    return [&ui, &s, draw](web::ui::Actions& out) {
        web::setUiLanguage(s.language);
        draw(ui, s, out);
    };
}

} // namespace kefu::test
