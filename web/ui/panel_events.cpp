// 事件: the selected month's events as a table (sorted by date or agent, filtered by agent and by
// kind group) with 编辑 and 删除, a form that adds or edits one (checked as typed), and the
// month's exam and typing results. Everything leaves as actions; a closed month is read-only.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "csv.h"
#include "event_kinds.h"
#include "fonts.h"
#include "i18n.h"
#include "test_hook.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const ImVec4 kProblemColour(1.0f, 0.55f, 0.45f, 1);
const std::string_view kChecks[] = {"check_good:", "check_bad:", "check_na:"};

std::string inUi(const core::Text2& t) { return core::textIn(t, uiLanguage()); }

void problemText(const char* id, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
    textWrapped(id, s);
    ImGui::PopStyleColor();
}

// "check_good:" for a checklist kind (or the bare prefix), else "".
std::string_view checkPrefix(std::string_view kind) {
    for (std::string_view c : kChecks)
        if (kind.substr(0, c.size()) == c) return c;
    return {};
}

// The kind the form names: a checklist prefix takes the chosen item.
std::string formKind(const EventsPanel& p) { return !p.kind.empty() && p.kind.back() == ':' ? p.kind + p.item : p.kind; }

core::EventGroup groupOf(std::string_view kind) {
    for (const auto& k : core::eventKinds())
        if (kind == k.id) return k.group;
    return checkPrefix(kind).empty() ? core::EventGroup::Scheme : core::EventGroup::Checklist;
}

std::string kindLabel(std::string_view kind) {
    if (!kind.empty() && kind.back() == ':') return tr("events." + std::string(kind.substr(0, kind.size() - 1)));
    return inUi(core::eventKindLabel(kind));
}

// Which rule uses a kind and how, as a tooltip of the item just drawn.
void kindTooltip(std::string_view kind) {
    if (!ImGui::IsItemHovered()) return;
    const std::string_view prefix = checkPrefix(kind);
    const std::string key = "events.help." + std::string(prefix.empty() ? kind : prefix.substr(0, prefix.size() - 1));
    ImGui::SetTooltip("%s", (hasTr(key) ? tr(key) : tr("events.help.scheme")).c_str());
}

bool onTeam(const core::PeriodData& period, const std::string& name) {
    return std::any_of(period.input.agents.begin(), period.input.agents.end(), [&](const core::Agent& a) { return a.name == name; });
}

// Kinds the active scheme defines beyond the fixed ones, read again when the state changed.
void refreshSchemeKinds(EventsPanel& p, const core::AppState& s) {
    if (p.kindsRevision == s.revision) return;
    p.kindsRevision = s.revision;
    p.schemeKinds.clear();
    core::Problems problems;
    auto scheme = core::activeScheme(s, problems);
    if (!scheme) return;
    for (auto& k : core::schemeEventKinds(*scheme))
        if (groupOf(k) == core::EventGroup::Scheme) p.schemeKinds.push_back(k);
}

// The form starts over in another month: its last day, its first agent, nothing being edited.
void startForm(EventsPanel& p, const core::AppState& s, const core::PeriodData& period) {
    if (p.editing >= int(period.input.events.size())) p.editing = -1;
    if (p.removing >= int(period.input.events.size())) p.removing = -1;
    if (!p.filterAgent.empty() && !onTeam(period, p.filterAgent)) p.filterAgent.clear();
    if (p.agent.empty() || !onTeam(period, p.agent)) p.agent = period.input.agents.front().name;
    if (p.period == s.selectedPeriod) return;
    p.period = s.selectedPeriod;
    p.editing = p.removing = -1;
    p.date = core::formatDate(core::lastDay(period.month));
    p.count = "1";
    p.points.clear();
    p.note.clear();
}

// The event the form describes, or why it cannot be saved (in the page's language).
std::string readForm(const EventsPanel& p, const core::PeriodData& period, core::Event& e) {
    if (!onTeam(period, p.agent)) return tr("events.pick_agent");
    const auto date = core::parseDate(core::trim(p.date));
    if (!date) return trf("events.bad_date", {core::formatDate(core::lastDay(period.month))});
    if (core::monthOf(*date) != period.month)
        return trf("events.date_outside", {core::formatDate(*date), core::formatMonth(period.month)});
    const std::string count(core::trim(p.count)), points(core::trim(p.points));
    char* end = nullptr;
    const long n = std::strtol(count.c_str(), &end, 10);
    if (count.empty() || *end || n < 1 || n > 1000000) return tr("events.bad_count");
    std::optional<double> value;
    if (!points.empty()) {
        const double v = std::strtod(points.c_str(), &end);
        if (*end || !std::isfinite(v)) return tr("events.bad_points");
        value = v;
    }
    e = core::Event{p.agent, *date, formKind(p), int32_t(n), value, p.note};
    return "";
}

void kindOption(EventsPanel& p, std::string_view kind) {
    const std::string id = "events.kind." + std::string(kind.back() == ':' ? kind.substr(0, kind.size() - 1) : kind);
    const std::string label = kindLabel(kind);
    if (ImGui::Selectable(imguiLabel(label, id.c_str()).c_str(), p.kind == kind)) p.kind = std::string(kind);
    recordItem(id, label, "option");
    kindTooltip(kind);
}

// The kind picker, grouped like the rules use the kinds; the checklist's three marks take an item.
void drawKindChoice(EventsPanel& p) {
    using G = core::EventGroup;
    const std::string preview = kindLabel(p.kind);
    fonts().noteText(preview);
    ImGui::SetNextItemWidth(200);
    if (ImGui::BeginCombo(imguiLabel("", "events.kind").c_str(), preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        auto header = [](G g) { textDisabled(("events.kind_group." + std::to_string(int(g))).c_str(), inUi(core::eventGroupLabel(g))); };
        for (G g : {G::Fine, G::Attendance, G::Addition, G::Deduction, G::Attitude}) {
            header(g);
            for (const auto& k : core::eventKinds())
                if (k.group == g) kindOption(p, k.id);
        }
        header(G::Checklist);
        for (std::string_view c : kChecks) kindOption(p, c);
        if (!p.schemeKinds.empty()) header(G::Scheme);
        for (const auto& k : p.schemeKinds) kindOption(p, k);
        ImGui::EndCombo();
    }
    recordItem("events.kind", preview, "combo");
    kindTooltip(formKind(p));
}

// The checklist item of a check_good:/check_bad:/check_na: event, by category.
void drawItemChoice(EventsPanel& p) {
    const core::ChecklistItemInfo* current = core::findChecklistItem(p.item);
    const std::string preview = current ? inUi({current->zh, current->en}) : p.item;
    fonts().noteText(preview);
    ImGui::SetNextItemWidth(180);
    if (ImGui::BeginCombo(imguiLabel("", "events.item").c_str(), preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        using C = core::ChecklistCategory;
        for (C c : {C::Conduct, C::Chat, C::Execution}) {
            textDisabled(("events.item_group." + std::to_string(int(c))).c_str(), inUi(core::checklistCategoryLabel(c)));
            for (const auto& item : core::checklistItems()) {
                if (item.category != c) continue;
                const std::string id = std::string("events.item.") + item.id, label = inUi({item.zh, item.en});
                if (ImGui::Selectable(imguiLabel(label, id.c_str()).c_str(), p.item == item.id)) p.item = item.id;
                recordItem(id, label, "option");
            }
        }
        ImGui::EndCombo();
    }
    recordItem("events.item", preview, "combo");
}

void fieldLabel(const char* id, const char* key) {
    text(id, tr(key));
    ImGui::SameLine();
}

// The form's fields: agent, date, kind (and item) on one line; count, points, note on the next.
void drawFields(EventsPanel& p, const core::PeriodData& period) {
    std::vector<std::string> names;
    int agent = 0;
    for (const auto& a : period.input.agents) {
        if (a.name == p.agent) agent = int(names.size());
        names.push_back(a.name);
    }
    fieldLabel("events.agent_label", "events.agent");
    if (combo("events.agent", "", agent, names, 120)) p.agent = names[size_t(agent)];
    ImGui::SameLine();
    fieldLabel("events.date_label", "events.date");
    inputText("events.date", "YYYY-MM-DD", p.date, 110);
    ImGui::SameLine();
    fieldLabel("events.kind_label", "events.kind");
    drawKindChoice(p);
    if (!checkPrefix(p.kind).empty()) {
        ImGui::SameLine();
        drawItemChoice(p);
    }
    fieldLabel("events.count_label", "events.count");
    inputText("events.count", "1", p.count, 50);
    ImGui::SameLine();
    fieldLabel("events.points_label", "events.points");
    inputText("events.points", tr("events.points_hint"), p.points, 70);
    ImGui::SameLine();
    fieldLabel("events.note_label", "events.note");
    inputText("events.note", tr("events.note_hint"), p.note, -1);
}

// 登记事件 / 修改事件, refused with the reason (checked as typed) until the fields make an event.
void drawForm(EventsPanel& p, const core::AppState& s, const core::PeriodData& period, Actions& out) {
    text("events.form_title", p.editing >= 0 ? trf("events.edit_title", {std::to_string(p.editing + 1)}) : tr("events.add_title"));
    drawFields(p, period);
    core::Event e;
    const std::string problem = readForm(p, period, e);
    const bool submit = button("events.submit", tr(p.editing >= 0 ? "events.save" : "events.add"));
    if (p.editing >= 0) {
        ImGui::SameLine();
        if (button("events.cancel_edit", tr("events.cancel_edit"))) p.editing = -1;
    }
    if (!problem.empty()) {
        ImGui::SameLine();
        problemText("events.problem", problem);
    }
    if (!submit || !problem.empty()) return;
    if (p.editing >= 0) out.push(core::UpdateEvent{s.selectedPeriod, p.editing, e});
    else out.push(core::AddEvent{s.selectedPeriod, e});
    p.editing = -1;
    p.count = "1";
    p.points.clear();
    clearField("events.note", p.note, false);
}

// 编辑 fills the form with the event.
void editEvent(EventsPanel& p, const core::Event& e, int index) {
    p.editing = index;
    p.agent = e.agent;
    p.date = core::formatDate(e.date);
    const std::string_view prefix = checkPrefix(e.kind);
    p.kind = prefix.empty() ? e.kind : std::string(prefix);
    if (!prefix.empty()) p.item = e.kind.substr(prefix.size());
    p.count = std::to_string(e.count);
    p.points = e.points ? core::formatValue(*e.points) : "";
    p.note = e.note;
}

bool passesFilters(const EventsPanel& p, const core::Event& e) {
    if (!p.filterAgent.empty() && e.agent != p.filterAgent) return false;
    return p.filterGroup == 0 || int(groupOf(e.kind)) == p.filterGroup - 1;
}

void drawFilters(EventsPanel& p, const core::PeriodData& period) {
    std::vector<std::string> agents{tr("events.all_agents")};
    int agent = 0;
    for (const auto& a : period.input.agents) {
        if (a.name == p.filterAgent) agent = int(agents.size());
        agents.push_back(a.name);
    }
    if (combo("events.filter_agent", tr("events.filter_agent"), agent, agents, 120))
        p.filterAgent = agent == 0 ? "" : agents[size_t(agent)];
    ImGui::SameLine();
    std::vector<std::string> groups{tr("events.all_kinds")};
    for (int g = 0; g <= int(core::EventGroup::Scheme); ++g) groups.push_back(inUi(core::eventGroupLabel(core::EventGroup(g))));
    combo("events.filter_kind", tr("events.filter_kind"), p.filterGroup, groups, 120);
    const auto& events = period.input.events;
    const auto shown = std::count_if(events.begin(), events.end(), [&](const core::Event& e) { return passesFilters(p, e); });
    ImGui::SameLine();
    textDisabled("events.shown", trf("events.count_shown", {std::to_string(events.size()), std::to_string(shown)}));
}

// The filtered rows, by date (then as entered) or by agent in team order (then by date).
std::vector<size_t> shownRows(const EventsPanel& p, const core::PeriodData& period) {
    const auto& events = period.input.events;
    std::vector<size_t> rows;
    for (size_t i = 0; i < events.size(); ++i)
        if (passesFilters(p, events[i])) rows.push_back(i);
    const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    const bool byAgent = specs && specs->SpecsCount > 0 && specs->Specs[0].ColumnIndex == 1;
    const bool down = specs && specs->SpecsCount > 0 && specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    auto team = [&](const std::string& name) {
        const auto& a = period.input.agents;
        return std::find_if(a.begin(), a.end(), [&](const core::Agent& x) { return x.name == name; }) - a.begin();
    };
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
        const core::Event &x = events[a], &y = events[b];
        if (byAgent && team(x.agent) != team(y.agent)) return down ? team(x.agent) > team(y.agent) : team(x.agent) < team(y.agent);
        if (x.date != y.date) return down && !byAgent ? x.date > y.date : x.date < y.date;
        return false;
    });
    return rows;
}

void drawRow(EventsPanel& p, const core::Event& e, size_t i, bool editable) {
    const std::string row = "events.r" + std::to_string(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((row + ".date").c_str(), core::formatDate(e.date));
    ImGui::TableNextColumn();
    text((row + ".agent").c_str(), e.agent);
    ImGui::TableNextColumn();
    text((row + ".kind").c_str(), kindLabel(e.kind));
    kindTooltip(e.kind);
    ImGui::TableNextColumn();
    text((row + ".count").c_str(), std::to_string(e.count));
    ImGui::TableNextColumn();
    text((row + ".points").c_str(), e.points ? core::formatValue(*e.points) : "-");
    ImGui::TableNextColumn();
    text((row + ".note").c_str(), e.note);
    ImGui::TableNextColumn();
    if (!editable) return;
    if (smallButton((row + ".edit").c_str(), tr("events.edit"))) editEvent(p, e, int(i));
    ImGui::SameLine();
    if (smallButton((row + ".remove").c_str(), tr("events.remove"))) p.removing = int(i);
}

void drawTable(EventsPanel& p, const core::PeriodData& period, bool editable) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable;
    const auto& events = period.input.events;
    const auto shown = std::count_if(events.begin(), events.end(), [&](const core::Event& e) { return passesFilters(p, e); });
    const float row = ImGui::GetFrameHeight(), avail = ImGui::GetContentRegionAvail().y;
    const float height = std::clamp(row * float(shown + 1) + 8, row * 4, std::max(row * 4, avail * 0.55f));
    if (!ImGui::BeginTable("##events_table", 7, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const char* keys[] = {"events.date", "events.agent", "events.kind", "events.count", "events.points", "events.note", "events.actions"};
    const float weights[] = {1.0f, 0.9f, 1.5f, 0.5f, 0.5f, 2.2f, 1.0f};
    for (int c = 0; c < 7; ++c) {
        const std::string id = std::string(keys[c]) + ".col";
        ImGuiTableColumnFlags f = ImGuiTableColumnFlags_WidthStretch;
        if (c == 0) f |= ImGuiTableColumnFlags_DefaultSort;
        if (c > 1) f |= ImGuiTableColumnFlags_NoSort;
        ImGui::TableSetupColumn(imguiLabel(tr(keys[c]), id.c_str()).c_str(), f, weights[c]);
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers); // one by one, so each header is a recorded item
    for (int c = 0; c < 7; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        recordItem(std::string(keys[c]) + ".header", tr(keys[c]), "header");
    }
    const std::vector<size_t> rows = shownRows(p, period);
    for (size_t i : rows) {
        ImGui::PushID(int(i));
        drawRow(p, period.input.events[i], i, editable);
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (rows.empty()) textDisabled("events.none_shown", tr("events.none_shown"));
}

std::string describe(const core::Event& e) {
    return core::formatDate(e.date) + " " + e.agent + " " + kindLabel(e.kind) + " ×" + std::to_string(e.count) +
           (e.note.empty() ? "" : " (" + e.note + ")");
}

// 删除 asks first.
void drawRemoveConfirm(EventsPanel& p, const core::AppState& s, const core::PeriodData& period, Actions& out) {
    const std::string popupId = imguiLabel(tr("events.confirm_title"), "events.confirm");
    if (p.removing >= 0 && !ImGui::IsPopupOpen(popupId.c_str())) ImGui::OpenPopup(popupId.c_str());
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    if (p.removing >= 0) text("events.confirm_text", trf("events.confirm_text", {describe(period.input.events[size_t(p.removing)])}));
    if (p.removing >= 0 && button("events.confirm_remove", tr("events.confirm_remove"))) {
        out.push(core::RemoveEvent{s.selectedPeriod, p.removing});
        if (p.editing == p.removing) p.editing = -1;
        else if (p.editing > p.removing) --p.editing;
        p.removing = -1;
    }
    ImGui::SameLine();
    if (button("events.cancel_remove", tr("events.cancel_remove"))) p.removing = -1;
    if (p.removing < 0) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void drawMonth(EventsPanel& p, const core::AppState& s, const core::PeriodData& period, Actions& out) {
    const bool editable = !period.closed && !s.readOnly;
    if (period.closed) {
        const std::string reason = period.closeReason.empty() ? tr("events.no_reason") : period.closeReason;
        textDisabled("events.closed", trf("events.closed", {reason}));
    } else if (s.readOnly) {
        textDisabled("events.read_only", tr("events.read_only"));
    }
    if (period.input.agents.empty()) {
        textWrapped("events.no_agents", tr("events.no_agents"));
        return;
    }
    startForm(p, s, period);
    refreshSchemeKinds(p, s);
    if (editable) {
        drawForm(p, s, period, out);
        ImGui::Separator();
    }
    if (period.input.events.empty()) {
        textWrapped("events.no_events", tr(editable ? "events.no_events" : "events.no_events_closed"));
    } else {
        drawFilters(p, period);
        drawTable(p, period, editable);
    }
    if (editable) drawRemoveConfirm(p, s, period, out);
    ImGui::Separator();
    drawExamResults(p, s, period, editable, out);
}
} // namespace

void drawEventsPanel(EventsPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    if (beginPanel("panel.events", tr("events.title"), pos, size)) {
        if (s.selectedPeriod < 0 || s.selectedPeriod >= int(s.periods.size())) {
            textWrapped("events.no_month", tr("events.no_month"));
        } else {
            drawMonthChoice("events.month", s, out);
            drawMonth(p, s, s.periods[size_t(s.selectedPeriod)], out);
        }
    }
    endPanel();
}

} // namespace kefu::web::ui
