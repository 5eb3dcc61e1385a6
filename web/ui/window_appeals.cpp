// 分析 > 申诉: the selected month's appeals (core/appeals.h). An agent's appeal on a metric value
// or an event's points/count is filed with the value asked for, the reason and who files it; the
// manager accepts it (with that or another value) or rejects it, with a reason. A closed month
// lists its appeals but takes no new ones and no decisions.
#include <algorithm>

#include "csv.h"
#include "i18n.h"
#include "ui/coach_windows.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const std::vector<core::MetricDef>& metrics() { return core::Catalog::builtin().all(); }

bool isFraction(const std::string& metric) {
    const core::MetricDef* d = core::Catalog::builtin().find(metric);
    return d && d->unit == core::Unit::Fraction;
}

std::string valueText(const std::string& metric, std::optional<double> v) {
    if (!v) return "-";
    return isFraction(metric) ? core::formatValue(core::round6(*v * 100)) + "%" : core::formatValue(core::round6(*v));
}

// A number as typed; a rate may be typed as "35%".
std::optional<double> typedNumber(const std::string& text, const std::string& metric) {
    auto n = core::parseNumberCell(core::trim(text));
    if (!n) return std::nullopt;
    return n->percent && isFraction(metric) ? n->value / 100 : n->value;
}

std::vector<const core::Event*> eventsOf(const core::PeriodData& p, const std::string& agent) {
    std::vector<const core::Event*> out;
    for (const auto& e : p.input.events)
        if (e.agent == agent) out.push_back(&e);
    return out;
}

std::string eventLabel(const core::Event& e) {
    std::string s = core::formatDate(e.date) + " " + (hasTr("event_kind." + e.kind) ? tr("event_kind." + e.kind) : e.kind) +
                    " ×" + std::to_string(e.count);
    if (e.points) s += " (" + core::formatValue(*e.points) + ")";
    if (!e.note.empty()) s += " " + e.note;
    return s;
}

std::string subjectText(const core::Appeal& a) {
    if (a.metric.empty()) return a.agent + " / " + core::formatDate(a.eventDate) + " " + a.eventKind + " / " + tr("appeals.field_" + a.field);
    const core::MetricDef* d = core::Catalog::builtin().find(a.metric);
    return a.agent + " / " + (d ? (uiLanguage() == core::Lang::Zh ? d->zh : d->en) : a.metric);
}

void drawFileForm(AppealsWindow& w, const core::AppState& s, const core::PeriodData& p, Actions& out) {
    std::vector<std::string> agents;
    for (const auto& a : p.input.agents) agents.push_back(a.name);
    if (agents.empty()) return;
    if (w.agent >= int(agents.size())) w.agent = 0;
    text("appeals.file_title", tr("appeals.file_title"));
    combo("appeals.agent", tr("appeals.agent"), w.agent, agents, 220);
    combo("appeals.subject", tr("appeals.subject"), w.subject, {tr("appeals.subject_metric"), tr("appeals.subject_event")}, 220);
    core::Appeal a;
    a.agent = agents[size_t(w.agent)];
    if (w.subject == 0) {
        std::vector<std::string> names;
        for (const auto& d : metrics()) names.push_back(uiLanguage() == core::Lang::Zh ? d.zh : d.en);
        filteredCombo("appeals.metric", tr("appeals.metric"), w.metric, names, &w.metricFilter, 220);
        a.metric = metrics()[size_t(std::clamp(w.metric, 0, int(names.size()) - 1))].id;
        core::MetricTable t = p.input.metrics;
        core::deriveMetrics(core::Catalog::builtin(), t);
        text("appeals.current", trf("appeals.current_value", {valueText(a.metric, t.get(size_t(w.agent), a.metric))}));
    } else {
        const auto events = eventsOf(p, a.agent);
        if (events.empty()) return textDisabled("appeals.no_events", tr("appeals.no_events"));
        std::vector<std::string> labels;
        for (const auto* e : events) labels.push_back(eventLabel(*e));
        if (w.event >= int(labels.size())) w.event = 0;
        combo("appeals.event", tr("appeals.event"), w.event, labels, 320);
        const core::Event& e = *events[size_t(w.event)];
        a.eventDate = e.date, a.eventKind = e.kind, a.eventNote = e.note;
        a.field = e.points ? "points" : "count";
        text("appeals.current", trf("appeals.current_value", {e.points ? core::formatValue(*e.points) : std::to_string(e.count)}));
    }
    inputText("appeals.requested", tr("appeals.requested"), w.requested, 220);
    inputText("appeals.reason", tr("appeals.reason"), w.reason, 320);
    inputText("appeals.filed_by", tr("appeals.filed_by"), w.filedBy, 220);
    if (!w.problem.empty()) textWrapped("appeals.problem", w.problem);
    if (button("appeals.file", tr("appeals.file"))) {
        auto v = typedNumber(w.requested, a.metric);
        if (!v) return void(w.problem = tr("appeals.bad_value"));
        a.requested = *v;
        a.reason = w.reason;
        a.filedBy = w.filedBy;
        out.push(core::FileAppeal{s.selectedPeriod, a});
        w.problem.clear();
        w.requested.clear(), w.reason.clear();
    }
}

void drawDecideForm(AppealsWindow& w, const core::AppState& s, const core::Appeal& a, Actions& out) {
    inputText("appeals.decide_value", tr("appeals.decide_value"), w.decideValue, 200);
    inputText("appeals.decide_reason", tr("appeals.decide_reason"), w.decideReason, 320);
    if (!w.decideProblem.empty()) textWrapped("appeals.decide_problem", w.decideProblem);
    if (button("appeals.accept", tr("appeals.accept"))) {
        auto v = typedNumber(w.decideValue, a.metric);
        if (!v) return void(w.decideProblem = tr("appeals.bad_value"));
        out.push(core::DecideAppeal{s.selectedPeriod, a.id, true, *v, w.decideReason});
        w.deciding.clear();
    }
    ImGui::SameLine();
    if (button("appeals.reject", tr("appeals.reject"))) {
        out.push(core::DecideAppeal{s.selectedPeriod, a.id, false, std::nullopt, w.decideReason});
        w.deciding.clear();
    }
    ImGui::SameLine();
    if (button("appeals.cancel", tr("appeals.cancel"))) w.deciding.clear();
}

void drawAppeal(AppealsWindow& w, const core::AppState& s, const core::PeriodData& p, size_t i, Actions& out) {
    const core::Appeal& a = p.appeals[i];
    const std::string row = "appeals.a" + std::to_string(i);
    ImGui::Separator();
    const std::string field = a.metric.empty() ? "" : a.metric;
    text((row + ".subject").c_str(), subjectText(a) + ": " + valueText(field, a.current) + " → " + valueText(field, a.requested));
    textWrapped((row + ".reason").c_str(), trf("appeals.filed_line", {a.filedBy, formatTime(a.filedAt), a.reason}));
    const std::string status = tr(std::string("appeals.status_") + core::appealStatusId(a.status));
    if (a.status == core::AppealStatus::Pending) {
        text((row + ".status").c_str(), status);
        if (p.closed || s.readOnly) return;
        ImGui::SameLine();
        if (w.deciding != a.id && smallButton((row + ".decide").c_str(), tr("appeals.decide"))) {
            w.deciding = a.id;
            w.decideValue = valueText(field, a.requested);
            w.decideReason.clear(), w.decideProblem.clear();
        }
        if (w.deciding == a.id) drawDecideForm(w, s, a, out);
        return;
    }
    const std::string value = a.decidedValue ? " = " + valueText(field, a.decidedValue) : "";
    textWrapped((row + ".status").c_str(), status + value + " (" + a.decidedBy + ", " + formatTime(a.decidedAt) + "): " + a.decisionReason);
}
} // namespace

void drawAppealsWindow(AppealsWindow& w, const core::AppState& s, Actions& out) {
    if (!w.open) return;
    if (beginDialog("appeals.window", tr("appeals.title"), &w.open, 620, 580)) {
        if (s.selectedPeriod < 0 || s.selectedPeriod >= int(s.periods.size())) {
            textWrapped("appeals.no_month", tr("appeals.no_month"));
        } else {
            const core::PeriodData& p = s.periods[size_t(s.selectedPeriod)];
            drawMonthChoice("appeals.month", s, out);
            if (p.closed) textWrapped("appeals.closed", trf("appeals.closed", {core::formatMonth(p.month)}));
            if (p.appeals.empty()) textDisabled("appeals.empty", tr("appeals.empty"));
            for (size_t i = 0; i < p.appeals.size(); ++i) drawAppeal(w, s, p, i, out);
            ImGui::Separator();
            if (!p.closed && !s.readOnly) drawFileForm(w, s, p, out);
        }
    }
    endDialog();
}

} // namespace kefu::web::ui
