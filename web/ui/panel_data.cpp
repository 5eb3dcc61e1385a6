// 数据: the selected month's values as a grid of agents x metrics, edited like a spreadsheet.
// Values are checked as they are typed (core/metric_input.h); a pasted block is one action.
#include <algorithm>

#include <imgui_internal.h>

#include "i18n.h"
#include "metric_input.h"
#include "metrics.h"
#include "ui/panels.h"
#include "ui/rate_intervals.h"
#include "test_hook.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const core::PeriodData* selected(const core::AppState& s) {
    if (s.selectedPeriod < 0 || s.selectedPeriod >= int(s.periods.size())) return nullptr;
    return &s.periods[size_t(s.selectedPeriod)];
}

// The grid's columns: the month's input metrics in catalog order, then the derived ones (every
// input metric of the catalog when the month has none yet).
void refresh(DataPanel& p, const core::AppState& s) {
    if (p.cachedRevision == s.revision && p.cachedPeriod == s.selectedPeriod) return;
    p.cachedRevision = s.revision;
    p.cachedPeriod = s.selectedPeriod;
    p.columns.clear();
    p.derived.clear();
    const core::PeriodData* period = selected(s);
    if (!period) return;
    const core::Catalog& catalog = core::Catalog::builtin();
    p.shown = period->input.metrics;
    core::deriveMetrics(catalog, p.shown);
    const bool empty = period->input.metrics.columns().empty();
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& m : catalog.all()) {
            const bool isDerived = !m.formula.empty();
            if (isDerived != (pass == 1)) continue;
            if (p.shown.column(m.id) < 0 && !(empty && !isDerived)) continue;
            p.columns.push_back(m.id);
            p.derived.push_back(isDerived);
        }
    p.row = std::clamp(p.row, 0, std::max(0, int(period->input.agents.size()) - 1));
    p.col = std::clamp(p.col, 0, std::max(0, int(p.columns.size()) - 1));
}

std::string cellText(const DataPanel& p, size_t row, size_t col) {
    if (row >= p.shown.rows()) return "";
    auto v = p.shown.get(row, p.shown.column(p.columns[col]));
    if (!v) return "";
    const core::MetricDef* m = core::Catalog::builtin().find(p.columns[col]);
    if (m && m->unit == core::Unit::Fraction) return core::formatValue(*v * 100) + "%";
    return core::formatValue(*v);
}

std::string columnLabel(const std::string& id) {
    const core::MetricDef* m = core::Catalog::builtin().find(id);
    if (!m) return id;
    return uiLanguage() == core::Lang::Zh ? m->zh : m->en;
}

// Commits the typed text; false (with the reason shown) when it is refused.
bool commit(DataPanel& p, const core::AppState& s, Actions& out) {
    const core::PeriodData* period = selected(s);
    const core::MetricDef* m = core::Catalog::builtin().find(p.columns[size_t(p.col)]);
    if (!period || !m) return false;
    core::ParsedValue v = core::parseMetricValue(*m, p.edit);
    if (v.problem) {
        p.problem = v.problem;
        return false;
    }
    out.push(core::SetMetricValue{s.selectedPeriod, period->input.agents[size_t(p.row)].name, m->id, v.value});
    p.editing = false;
    p.problem.reset();
    return true;
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

// Appends the characters typed this frame (while no field takes them) to `text`.
void takeTypedChars(std::string& text) {
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, unsigned(c));
        text += utf8;
    }
}

// Arrows, Tab, Enter and typing on the selected cell while the grid has the keyboard.
void handleKeys(DataPanel& p, const core::AppState& s, Actions& out, int rows, bool closed) {
    const int cols = int(p.columns.size());
    const ImGuiIO& io = ImGui::GetIO();
    if (p.editing) {
        if (pressed(ImGuiKey_Escape)) {
            p.editing = false;
            p.problem.reset();
        }
        return; // Enter and Tab are read from the field itself
    }
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) || io.WantTextInput) return;
    if (pressed(ImGuiKey_UpArrow)) p.row = std::max(0, p.row - 1);
    if (pressed(ImGuiKey_DownArrow)) p.row = std::min(rows - 1, p.row + 1);
    if (pressed(ImGuiKey_LeftArrow)) p.col = std::max(0, p.col - 1);
    if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_Tab)) p.col = std::min(cols - 1, p.col + 1);
    const bool editable = !closed && !s.readOnly && !p.derived[size_t(p.col)];
    if (editable && pressed(ImGuiKey_Enter)) {
        p.editing = p.startEdit = true;
        p.edit = cellText(p, size_t(p.row), size_t(p.col));
    } else if (editable && !io.KeyCtrl && !io.InputQueueCharacters.empty()) { // typing replaces the value
        p.editing = p.startEdit = true;
        p.edit.clear();
        takeTypedChars(p.edit); // these keys start the edit: they are its first text
    }
    if (editable && (pressed(ImGuiKey_Delete) || pressed(ImGuiKey_Backspace)))
        out.push(core::SetMetricValue{s.selectedPeriod, selected(s)->input.agents[size_t(p.row)].name,
                                      p.columns[size_t(p.col)], std::nullopt});
}

// The cell being edited: a text field; Enter commits and moves down, Tab commits and moves right.
bool drawEditor(DataPanel& p, const core::AppState& s, Actions& out, int rows) {
    if (p.startEdit) { // the field takes the keyboard next frame: keys typed until then are kept
        ImGui::SetKeyboardFocusHere();
        p.startEdit = false;
        p.caretPlaced = false;
        takeTypedChars(p.edit);
    }
    const bool enter = inputText("data.cell", "", p.edit, -1);
    if (ImGui::IsItemActive() && p.startEdit == false && !p.caretPlaced) { // the caret after the text, not before
        if (ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetItemID())) {
            st->Stb.cursor = st->Stb.select_start = st->Stb.select_end = st->CurLenW;
            p.caretPlaced = true;
        }
    }
    const bool tab = ImGui::IsItemActive() && pressed(ImGuiKey_Tab);
    if ((enter || tab) && commit(p, s, out)) {
        if (enter) p.row = std::min(rows - 1, p.row + 1);
        else p.col = std::min(int(p.columns.size()) - 1, p.col + 1);
        ImGui::ClearActiveID();
        return true;
    }
    return false;
}

void drawGrid(DataPanel& p, const core::AppState& s, Actions& out, const core::PeriodData& period) {
    const int rows = int(period.input.agents.size()), cols = int(p.columns.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("data.grid", cols + 1, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(imguiLabel(tr("data.agent"), "data.agent").c_str(), ImGuiTableColumnFlags_WidthFixed, 90);
    for (int c = 0; c < cols; ++c) {
        const std::string label = columnLabel(p.columns[size_t(c)]);
        const std::string head = "data.h" + std::to_string(c);
        ImGui::TableSetupColumn(imguiLabel(label, head.c_str()).c_str(), ImGuiTableColumnFlags_WidthFixed,
                                std::max(70.0f, ImGui::CalcTextSize(label.c_str()).x + 12));
    }
    // The header row by hand: a metric's header shows its catalog definition when hovered.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c <= cols; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        if (c == 0) continue;
        recordItem("data.h" + std::to_string(c - 1), columnLabel(p.columns[size_t(c - 1)]), "header");
        if (!ImGui::IsItemHovered()) continue;
        const core::MetricDef* m = core::Catalog::builtin().find(p.columns[size_t(c - 1)]);
        if (!m) continue;
        const std::string& definition = uiLanguage() == core::Lang::Zh ? m->definitionZh : m->definitionEn;
        if (definition.empty()) continue;
        ImGui::SetTooltip("%s", definition.c_str());
        recordItem("data.header_tip", definition, "tooltip");
    }
    bool committed = false; // the key that committed an edit does not also move or start one
    ImGuiListClipper clip;
    clip.Begin(rows);
    if (p.row >= 0) clip.ForceDisplayRangeByIndices(p.row, p.row + 1); // the selected row keeps its widgets
    while (clip.Step())
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string row = "data.r" + std::to_string(r);
            text((row + ".agent").c_str(), period.input.agents[size_t(r)].name);
            for (int c = 0; c < cols; ++c) {
                ImGui::TableNextColumn();
                const std::string id = row + ".c" + std::to_string(c);
                const bool isSelected = r == p.row && c == p.col;
                if (isSelected && p.editing) {
                    committed = drawEditor(p, s, out, rows) || committed;
                    continue;
                }
                const std::string value = cellText(p, size_t(r), size_t(c));
                if (p.derived[size_t(c)]) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                if (ImGui::Selectable(imguiLabel(value, id.c_str()).c_str(), isSelected, ImGuiSelectableFlags_AllowDoubleClick)) {
                    p.row = r;
                    p.col = c;
                    p.problem.reset();
                    const bool editable = !period.closed && !s.readOnly && !p.derived[size_t(c)];
                    if (editable && ImGui::IsMouseDoubleClicked(0)) {
                        p.editing = p.startEdit = true;
                        p.edit = value;
                    }
                }
                if (p.derived[size_t(c)]) ImGui::PopStyleColor();
                recordItem(id, value, "cell", value);
                if (ImGui::IsItemHovered()) rateCellTooltip(id, p.shown, size_t(r), p.columns[size_t(c)]);
            }
        }
    ImGui::EndTable();
    if (!committed) handleKeys(p, s, out, rows, period.closed);
}

void applyPaste(DataPanel& p, const core::AppState& s, Actions& out, const core::PeriodData& period) {
    if (p.pasted.empty()) return;
    std::string text = std::move(p.pasted);
    p.pasted.clear();
    if (period.closed || s.readOnly) return;
    core::PastePlan plan = core::planPaste(period.input.agents, p.columns, text, size_t(std::max(0, p.row)),
                                           size_t(std::max(0, p.col)), core::Catalog::builtin());
    p.pasteProblems = plan.problems;
    if (!plan.edits.empty()) out.push(core::SetMetricValues{s.selectedPeriod, std::move(plan.edits)});
}
} // namespace

std::string dataPanelTsv(const DataPanel& p, const core::AppState& s) {
    const core::PeriodData* period = selected(s);
    if (!period) return "";
    return core::tableToTsv(period->input.agents, p.columns, p.shown, s.language);
}

void drawDataPanel(DataPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    refresh(p, s);
    if (beginPanel("panel.data", tr("data.title"), pos, size)) {
        const core::PeriodData* period = selected(s);
        if (!period) {
            textWrapped("data.empty", tr("data.empty"));
        } else {
            drawMonthChoice("data.month", s, out);
            if (smallButton("data.copy", tr("data.copy"))) ImGui::SetClipboardText(dataPanelTsv(p, s).c_str());
            textDisabled("data.hint", tr(period->closed ? "data.closed" : "data.hint"));
            applyPaste(p, s, out, *period);
            if (!p.columns.empty() && !period->input.agents.empty()) drawGrid(p, s, out, *period);
            if (p.problem) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1));
                text("data.problem", core::textIn(*p.problem, uiLanguage()));
                ImGui::PopStyleColor();
            }
            if (!p.pasteProblems.empty()) {
                const auto& first = p.pasteProblems.front();
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1));
                text("data.paste_problems",
                     trf("data.paste_problems", {std::to_string(p.pasteProblems.size()),
                                                 core::textIn(first, uiLanguage())}));
                ImGui::PopStyleColor();
            }
        }
    }
    endPanel();
}

void drawTabs(Tab& tab, ImVec2 pos, float width) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(ImVec2(width, ImGui::GetFrameHeight() + 8));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 4));
    ImGui::Begin("##tabs", nullptr, flags);
    const struct { Tab tab; const char* id; } tabs[] = {{Tab::Overview, "tab.overview"}, {Tab::Data, "tab.data"},
                                                        {Tab::Events, "tab.events"},     {Tab::Scheme, "tab.scheme"},
                                                        {Tab::Pay, "tab.pay"}};
    for (const auto& t : tabs) {
        if (t.tab != Tab::Overview) ImGui::SameLine();
        const bool active = tab == t.tab;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (button(t.id, tr(t.id))) tab = t.tab;
        if (active) ImGui::PopStyleColor();
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

} // namespace kefu::web::ui
