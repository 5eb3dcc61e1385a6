// 考试与打字成绩 under the events: per agent of the month, exam_score / typing_speed /
// typing_accuracy typed and checked as typed (core/metric_input.h), saved as one SetMetricValues.
#include "i18n.h"
#include "metric_input.h"
#include "metrics.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const char* const kExamMetrics[] = {"exam_score", "typing_speed", "typing_accuracy"};

std::string examCell(const core::PeriodData& period, size_t row, int k) {
    const auto v = period.input.metrics.get(row, kExamMetrics[k]);
    if (!v) return "";
    return k == 2 ? core::formatValue(*v * 100) + "%" : core::formatValue(*v);
}

// The fields take the state's values in another month, and after a change when nothing is typed.
void refreshExam(EventsPanel& p, const core::AppState& s, const core::PeriodData& period) {
    const size_t n = 3 * period.input.agents.size();
    const bool same = p.examPeriod == s.selectedPeriod && p.exam.size() == n && p.examShown.size() == n;
    if (same && (p.examRevision == s.revision || p.exam != p.examShown)) return;
    p.examPeriod = s.selectedPeriod;
    p.examRevision = s.revision;
    p.examShown.assign(n, "");
    for (size_t r = 0; r < period.input.agents.size(); ++r)
        for (int k = 0; k < 3; ++k) p.examShown[r * 3 + size_t(k)] = examCell(period, r, k);
    p.exam = p.examShown;
}

std::string metricName(const core::MetricDef& m) { return uiLanguage() == core::Lang::Zh ? m.zh : m.en; }

// The changed values as edits, or the first one that does not read as its metric.
std::string examEdits(const EventsPanel& p, const core::PeriodData& period, std::vector<core::ValueEdit>& edits) {
    for (size_t i = 0; i < p.exam.size(); ++i) {
        if (p.exam[i] == p.examShown[i]) continue;
        const core::MetricDef* m = core::Catalog::builtin().find(kExamMetrics[i % 3]);
        if (!m) continue;
        const core::ParsedValue v = core::parseMetricValue(*m, p.exam[i]);
        const std::string& agent = period.input.agents[i / 3].name;
        if (v.problem) return trf("events.exam_problem", {agent, metricName(*m), core::textIn(*v.problem, uiLanguage())});
        edits.push_back({agent, m->id, v.value});
    }
    return "";
}

// The cells of 考试与打字成绩 (text fields when editable); true when Enter was pressed in one.
bool drawExamTable(EventsPanel& p, const core::PeriodData& period, bool editable) {
    bool enter = false;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("##events_exam", 4, flags)) {
        ImGui::TableSetupColumn(imguiLabel(tr("events.agent"), "events.exam.agent").c_str(), ImGuiTableColumnFlags_WidthFixed, 100);
        for (const char* id : kExamMetrics) {
            const core::MetricDef* m = core::Catalog::builtin().find(id);
            ImGui::TableSetupColumn(imguiLabel(m ? metricName(*m) : id, id).c_str(), ImGuiTableColumnFlags_WidthFixed, 130);
        }
        ImGui::TableHeadersRow();
        for (size_t r = 0; r < period.input.agents.size(); ++r) {
            const std::string row = "events.exam.r" + std::to_string(r);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text((row + ".agent").c_str(), period.input.agents[r].name);
            for (size_t k = 0; k < 3; ++k) {
                ImGui::TableNextColumn();
                const std::string id = row + ".c" + std::to_string(k);
                if (editable) enter |= inputText(id.c_str(), "", p.exam[r * 3 + k], -1);
                else text(id.c_str(), p.exam[r * 3 + k]);
            }
        }
        ImGui::EndTable();
    }
    return enter;
}
} // namespace

// 考试与打字成绩: a row per agent of the month; 保存成绩 (or Enter) sends the changes as one action.
void drawExamResults(EventsPanel& p, const core::AppState& s, const core::PeriodData& period, bool editable, Actions& out) {
    refreshExam(p, s, period);
    text("events.exam_title", tr("events.exam_title"));
    if (!editable) {
        drawExamTable(p, period, false);
        return;
    }
    textDisabled("events.exam_hint", tr("events.exam_hint"));
    std::vector<core::ValueEdit> edits;
    const std::string problem = examEdits(p, period, edits); // checked as typed, shown above the rows
    bool save = button("events.exam_save", tr("events.exam_save"));
    if (!problem.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1));
        textWrapped("events.exam_problem", problem);
        ImGui::PopStyleColor();
    }
    save = drawExamTable(p, period, true) || save;
    if (!save || !problem.empty() || edits.empty()) return;
    out.push(core::SetMetricValues{s.selectedPeriod, std::move(edits)});
    p.examShown = p.exam; // filled again from the state once the values are in
}

} // namespace kefu::web::ui
