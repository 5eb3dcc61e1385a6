// 分析 > 团队目标: the team's goals (core/goals.h) with the progress from the baseline month towards
// the target, the forecast at the current trend for the deadline, and a form to add or edit one.
#include <algorithm>
#include <cmath>

#include "csv.h"
#include "goals.h"
#include "i18n.h"
#include "ui/coach_windows.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const std::vector<core::MetricDef>& metrics() { return core::Catalog::builtin().all(); }

std::string metricName(const std::string& id) {
    const core::MetricDef* d = core::Catalog::builtin().find(id);
    if (!d) return id;
    return uiLanguage() == core::Lang::Zh ? d->zh : d->en;
}

std::string valueText(const std::string& metric, std::optional<double> v) {
    if (!v) return "-";
    const core::MetricDef* d = core::Catalog::builtin().find(metric);
    if (d && d->unit == core::Unit::Fraction) return core::formatValue(core::round6(*v * 100)) + "%";
    return core::formatValue(core::round6(*v));
}

std::string targetText(const core::Goal& g) {
    if (!g.relative) return valueText(g.metric, g.target);
    return (g.target > 0 ? "+" : "") + core::formatValue(core::round6(g.target * 100)) + "%";
}

void openForm(GoalsWindow& w, const core::AppState& s, const core::Goal* g) {
    w.formOpen = true;
    w.problem.clear();
    w.editing = g ? g->id : "";
    const auto& all = metrics();
    const std::string metric = g ? g->metric : "complaints";
    w.metric = int(std::find_if(all.begin(), all.end(), [&](const core::MetricDef& d) { return d.id == metric; }) - all.begin());
    if (w.metric >= int(all.size())) w.metric = 0;
    w.kind = g && !g->relative ? 0 : 1;
    w.target = g ? core::formatValue(g->relative ? core::round6(g->target * 100) : g->target) : "-30";
    const core::Month first = s.periods.empty() ? core::Month{2024, 1} : s.periods.front().month;
    w.baseline = core::formatMonth(g ? g->baseline : first);
    w.deadline = core::formatMonth(g ? g->deadline : core::addMonths(first, 11));
    w.note = g ? g->note : "";
}

// The goal as typed, or nullopt with w.problem set.
std::optional<core::Goal> typedGoal(GoalsWindow& w) {
    core::Goal g;
    g.id = w.editing;
    g.metric = metrics()[size_t(w.metric)].id;
    g.relative = w.kind == 1;
    auto target = core::parseNumberCell(core::trim(w.target));
    auto baseline = core::parseMonth(core::trim(w.baseline));
    auto deadline = core::parseMonth(core::trim(w.deadline));
    if (!target) return w.problem = tr("goals.bad_target"), std::nullopt;
    if (!baseline || !deadline) return w.problem = tr("goals.bad_month"), std::nullopt;
    // A change is in percent; a value of a rate may be typed as "50%".
    g.target = g.relative || target->percent ? target->value / 100 : target->value;
    g.baseline = *baseline;
    g.deadline = *deadline;
    g.note = w.note;
    return g;
}

void drawForm(GoalsWindow& w, Actions& out) {
    std::vector<std::string> names;
    for (const auto& d : metrics()) names.push_back(uiLanguage() == core::Lang::Zh ? d.zh : d.en);
    text("goals.form_title", tr(w.editing.empty() ? "goals.new" : "goals.edit_title"));
    filteredCombo("goals.metric", tr("goals.metric"), w.metric, names, &w.metricFilter, 220);
    combo("goals.kind", tr("goals.kind"), w.kind, {tr("goals.kind_value"), tr("goals.kind_change")}, 220);
    inputText("goals.target", tr(w.kind == 1 ? "goals.target_change" : "goals.target_value"), w.target, 220);
    inputText("goals.baseline", tr("goals.baseline"), w.baseline, 220);
    inputText("goals.deadline", tr("goals.deadline"), w.deadline, 220);
    inputText("goals.note", tr("goals.note"), w.note, 220);
    if (!w.problem.empty()) textWrapped("goals.problem", w.problem);
    if (button("goals.save", tr("goals.save"))) {
        if (auto g = typedGoal(w)) {
            if (w.editing.empty()) out.push(core::AddGoal{*g});
            else out.push(core::UpdateGoal{*g});
            w.formOpen = false;
        }
    }
    ImGui::SameLine();
    if (button("goals.cancel", tr("goals.cancel"))) w.formOpen = false;
}

void drawProgress(const core::Goal& g, const core::GoalProgress& p, const std::string& row) {
    const float fraction = p.progress ? float(std::clamp(*p.progress, 0.0, 1.0)) : 0.0f;
    const std::string overlay = p.progress ? core::formatValue(core::round6(*p.progress * 100)) + "%" : "-";
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), overlay.c_str());
    text((row + ".values").c_str(), trf("goals.values", {valueText(g.metric, p.baselineValue), valueText(g.metric, p.latest),
                                                         valueText(g.metric, p.targetValue)}));
    if (!p.baselineValue) return textDisabled((row + ".forecast").c_str(), trf("goals.no_baseline", {core::formatMonth(g.baseline)}));
    if (!p.forecast) return textDisabled((row + ".forecast").c_str(), tr("goals.no_trend"));
    const std::string verdict = tr(p.reached ? "goals.reached" : p.onTrack ? "goals.on_track" : "goals.off_track");
    ImGui::PushStyleColor(ImGuiCol_Text, p.onTrack || p.reached ? ImVec4(0.45f, 0.85f, 0.55f, 1) : ImVec4(1.0f, 0.6f, 0.4f, 1));
    text((row + ".forecast").c_str(), trf("goals.forecast", {core::formatMonth(g.deadline), valueText(g.metric, p.forecast), verdict}));
    ImGui::PopStyleColor();
}

void drawGoal(GoalsWindow& w, const core::AppState& s, const std::vector<core::MonthInput>& months, size_t i, Actions& out) {
    const core::Goal& g = s.settings.goals[i];
    const std::string row = "goals.g" + std::to_string(i);
    ImGui::Separator();
    text((row + ".title").c_str(), trf("goals.line", {metricName(g.metric), targetText(g), core::formatMonth(g.baseline),
                                                      core::formatMonth(g.deadline)}));
    if (!g.note.empty()) textDisabled((row + ".note").c_str(), g.note);
    drawProgress(g, core::goalProgress(g, months, core::Catalog::builtin()), row);
    if (s.readOnly) return;
    if (smallButton((row + ".edit").c_str(), tr("goals.edit"))) openForm(w, s, &g);
    ImGui::SameLine();
    if (w.removing != g.id) {
        if (smallButton((row + ".remove").c_str(), tr("goals.remove"))) w.removing = g.id;
        return;
    }
    if (smallButton((row + ".confirm_remove").c_str(), tr("goals.confirm_remove"))) out.push(core::RemoveGoal{g.id});
    ImGui::SameLine();
    if (smallButton((row + ".keep").c_str(), tr("goals.cancel"))) w.removing.clear();
}
} // namespace

void drawGoalsWindow(GoalsWindow& w, const core::AppState& s, Actions& out) {
    if (!w.open) return;
    if (beginDialog("goals.window", tr("goals.title"), &w.open, 600, 560)) {
        std::vector<core::MonthInput> months;
        for (const auto& p : s.periods) months.push_back({p.month, &p.input});
        if (s.settings.goals.empty()) textWrapped("goals.empty", tr("goals.empty"));
        for (size_t i = 0; i < s.settings.goals.size(); ++i) drawGoal(w, s, months, i, out);
        ImGui::Separator();
        if (w.formOpen) drawForm(w, out);
        else if (!s.readOnly && button("goals.add", tr("goals.add"))) openForm(w, s, nullptr);
    }
    endDialog();
}

} // namespace kefu::web::ui
