// The results of the selected month: per group, each agent's score, rank, money and flags.
#include <algorithm>

#include "i18n.h"
#include "metrics.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
// Agents by group (first-appearance order), then rank (unranked last), then input order.
std::vector<size_t> displayOrder(const core::Results& r) {
    std::vector<size_t> order(r.agents.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto groupIndex = [&](const std::string& g) {
        for (size_t i = 0; i < r.groups.size(); ++i)
            if (r.groups[i].group == g) return i;
        return r.groups.size();
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto &x = r.agents[a], &y = r.agents[b];
        if (groupIndex(x.group) != groupIndex(y.group)) return groupIndex(x.group) < groupIndex(y.group);
        return x.rank.value_or(1 << 30) < y.rank.value_or(1 << 30);
    });
    return order;
}

// "missing:exam_score" -> "缺数据：考试成绩"; unknown flags stay as they are.
std::string flagLabel(const std::string& flag) {
    const size_t colon = flag.find(':');
    const std::string head = flag.substr(0, colon), key = "flag." + head;
    if (!hasTr(key)) return flag;
    if (colon == std::string::npos) return tr(key);
    const std::string arg = flag.substr(colon + 1);
    std::string shown = arg;
    if (head == "missing") {
        const core::MetricDef* d = core::Catalog::builtin().find(arg);
        if (d) shown = uiLanguage() == core::Lang::Zh ? d->zh : d->en;
    } else if (hasTr("flag_arg." + arg)) {
        shown = tr("flag_arg." + arg);
    }
    return tr(key) + (uiLanguage() == core::Lang::Zh ? "：" : ": ") + shown;
}

std::string flagText(const std::vector<std::string>& flags) {
    std::string out;
    for (const auto& f : flags) out += (out.empty() ? "" : uiLanguage() == core::Lang::Zh ? "，" : ", ") + flagLabel(f);
    return out;
}

void drawRow(size_t i, const core::AgentResult& a) {
    const std::string row = "results.r" + std::to_string(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((row + ".rank").c_str(), a.rank ? std::to_string(*a.rank) : "-");
    ImGui::TableNextColumn();
    text((row + ".agent").c_str(), a.agent);
    ImGui::TableNextColumn();
    text((row + ".group").c_str(), a.group);
    ImGui::TableNextColumn();
    text((row + ".score").c_str(), a.score ? core::formatValue(*a.score) : "-");
    ImGui::TableNextColumn();
    text((row + ".money").c_str(), core::formatYuan(a.totalFen()));
    ImGui::TableNextColumn();
    text((row + ".flags").c_str(), flagText(a.flags));
}

void drawTable(const core::Results& r) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##results_table", 6, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const char* keys[] = {"results.rank", "results.agent", "results.group", "results.score", "results.money", "results.flags"};
    const float weights[] = {0.6f, 1.0f, 1.0f, 0.8f, 1.0f, 2.6f};
    for (int c = 0; c < 6; ++c)
        ImGui::TableSetupColumn(imguiLabel(tr(keys[c]), keys[c]).c_str(), ImGuiTableColumnFlags_WidthStretch, weights[c]);
    ImGui::TableHeadersRow();
    for (size_t i : displayOrder(r)) {
        ImGui::PushID(int(i));
        drawRow(i, r.agents[i]);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void drawSchemeLine(const core::AppState& s) {
    const std::string& name = uiLanguage() == core::Lang::Zh ? s.schemeNameZh : s.schemeNameEn;
    text("results.scheme", trf("results.scheme", {name.empty() ? s.schemeId : name + " (" + s.schemeId + ")"}));
    if (s.schemeIsFallback) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.7f, 0.2f, 1));
        textWrapped("results.fallback", tr("results.fallback"));
        ImGui::PopStyleColor();
    }
}

void drawPeriodChoice(const core::AppState& s, Actions& out) {
    text("results.period_label", tr("results.period_label"));
    for (int i = 0; i < int(s.periods.size()); ++i) {
        ImGui::SameLine();
        std::string id = "results.period." + std::to_string(i);
        const auto& p = s.periods[size_t(i)];
        const std::string label = core::formatMonth(p.month) + (p.closed ? " " + tr("results.closed_mark") : "");
        if (radio(id.c_str(), label, i == s.selectedPeriod)) out.push(core::SelectPeriod{i});
    }
    const auto& p = s.periods[size_t(s.selectedPeriod)];
    if (p.closed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.8f, 1.0f, 1));
        textWrapped("results.closed", trf("results.closed", {core::formatMonth(p.month)}));
        ImGui::PopStyleColor();
    }
}
} // namespace

void drawResultsPanel(ResultsPanel&, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    if (beginPanel("panel.results", tr("results.title"), pos, size)) {
        const core::Results* r = core::selectedResults(s);
        if (!r) {
            textWrapped("results.no_data", tr("results.no_data"));
        } else {
            drawPeriodChoice(s, out);
            drawSchemeLine(s);
            ImGui::Separator();
            drawTable(*r);
            text("results.fund", trf("results.fund", {core::formatYuan(r->fundTotalFen)}));
        }
    }
    endPanel();
}

} // namespace kefu::web::ui
