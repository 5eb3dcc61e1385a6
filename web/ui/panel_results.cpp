// The results of the selected month: per group, each agent's score, rank, money and flags.
#include <algorithm>

#include "i18n.h"
#include "metrics.h"
#include "ui/panels.h"
#include "test_hook.h"
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

void drawRow(size_t i, const core::AgentResult& a, ResultsPanel& p) {
    const std::string row = "results.r" + std::to_string(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((row + ".rank").c_str(), a.rank ? std::to_string(*a.rank) : "-");
    ImGui::TableNextColumn();
    if (ImGui::Selectable(imguiLabel(a.agent, (row + ".agent").c_str()).c_str(), p.scorecard == a.agent)) p.scorecard = a.agent;
    recordItem(row + ".agent", a.agent, "button");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("results.open_scorecard").c_str());
    ImGui::TableNextColumn();
    text((row + ".group").c_str(), a.group);
    ImGui::TableNextColumn();
    text((row + ".score").c_str(), a.score ? core::formatValue(*a.score) : "-");
    ImGui::TableNextColumn();
    text((row + ".money").c_str(), core::formatYuan(a.totalFen()));
    ImGui::TableNextColumn();
    text((row + ".flags").c_str(), flagText(a.flags));
}

// Sorting by a clicked column header (rank, agent, group, score, money); ties keep the group order.
void sortBy(std::vector<size_t>& order, const core::Results& r, const ImGuiTableColumnSortSpecs& spec) {
    const bool down = spec.SortDirection == ImGuiSortDirection_Descending;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto &x = r.agents[a], &y = r.agents[b];
        int c = 0;
        switch (spec.ColumnIndex) {
        case 0: c = (x.rank.value_or(1 << 30) > y.rank.value_or(1 << 30)) - (x.rank.value_or(1 << 30) < y.rank.value_or(1 << 30)); break;
        case 1: c = x.agent.compare(y.agent); break;
        case 2: c = x.group.compare(y.group); break;
        case 3: c = (x.score.value_or(-1e300) > y.score.value_or(-1e300)) - (x.score.value_or(-1e300) < y.score.value_or(-1e300)); break;
        case 4: c = (x.totalFen() > y.totalFen()) - (x.totalFen() < y.totalFen()); break;
        default: return false;
        }
        return down ? c > 0 : c < 0;
    });
}

void drawFilter(const core::Results& r, ResultsPanel& p) {
    std::vector<std::string> groups{tr("results.all_groups")};
    for (const auto& g : r.groups) groups.push_back(g.group);
    if (p.group >= int(groups.size())) p.group = 0;
    combo("results.filter", tr("results.filter"), p.group, groups, 160);
}

void drawTable(const core::Results& r, ResultsPanel& p) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SortTristate; // unsorted at first: by group, then rank
    if (!ImGui::BeginTable("##results_table", 6, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const char* keys[] = {"results.rank", "results.agent", "results.group", "results.score", "results.money", "results.flags"};
    const float weights[] = {0.6f, 1.0f, 1.0f, 0.8f, 1.0f, 2.6f};
    for (int c = 0; c < 6; ++c)
        ImGui::TableSetupColumn(imguiLabel(tr(keys[c]), keys[c]).c_str(),
                                ImGuiTableColumnFlags_WidthStretch | (c == 5 ? ImGuiTableColumnFlags_NoSort : 0), weights[c]);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers); // the headers one by one, so each is a recorded item
    for (int c = 0; c < 6; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        recordItem(std::string(keys[c]) + ".header", tr(keys[c]), "header");
    }
    std::vector<size_t> order = displayOrder(r);
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0)
        sortBy(order, r, specs->Specs[0]);
    const std::string group = p.group > 0 && p.group <= int(r.groups.size()) ? r.groups[size_t(p.group - 1)].group : "";
    for (size_t i : order) {
        if (!group.empty() && r.agents[i].group != group) continue;
        ImGui::PushID(int(i));
        drawRow(i, r.agents[i], p);
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

} // namespace

void drawMonthChoice(const char* prefix, const core::AppState& s, Actions& out) {
    text((std::string(prefix) + "_label").c_str(), tr("results.period_label"));
    for (int i = 0; i < int(s.periods.size()); ++i) {
        ImGui::SameLine();
        std::string id = std::string(prefix) + "." + std::to_string(i);
        const auto& p = s.periods[size_t(i)];
        const std::string label = core::formatMonth(p.month) + (p.closed ? " " + tr("results.closed_mark") : "");
        if (radio(id.c_str(), label, i == s.selectedPeriod)) out.push(core::SelectPeriod{i});
    }
    const auto& p = s.periods[size_t(s.selectedPeriod)];
    if (p.closed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.8f, 1.0f, 1));
        textWrapped((std::string(prefix) + "_closed").c_str(), trf("results.closed", {core::formatMonth(p.month)}));
        ImGui::PopStyleColor();
    }
}
void drawResultsPanel(ResultsPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    if (beginPanel("panel.results", tr("results.title"), pos, size)) {
        const core::Results* r = core::selectedResults(s);
        if (!r) {
            textWrapped("results.no_data", tr("results.no_data"));
        } else {
            drawMonthChoice("results.period", s, out);
            drawSchemeLine(s);
            ImGui::Separator();
            drawFilter(*r, p);
            drawTable(*r, p);
            text("results.fund", trf("results.fund", {core::formatYuan(r->fundTotalFen)}));
        }
    }
    endPanel();
}

namespace {
std::string ruleName(const core::IStr& rule) { return rule.str(); }

// Each score line: rule, metric and value, the points, and under it how they were computed.
void drawBreakdown(const core::AgentResult& a, core::Lang lang) {
    if (a.breakdown.empty()) return;
    text("scorecard.scores", tr("scorecard.scores"));
    for (size_t i = 0; i < a.breakdown.size(); ++i) {
        const core::BreakdownLine& b = a.breakdown[i];
        const std::string row = "scorecard.b" + std::to_string(i);
        const std::string& metric = b.metric.str();
        const core::IText2 label = core::metricLabel(metric);
        std::string line = "  " + ruleName(b.rule) + " · ";
        if (!metric.empty()) line += (lang == core::Lang::Zh ? label.zh().str() : label.en().str()) + " ";
        if (b.value) line += core::formatValue(*b.value);
        line += "  →  " + (b.points ? core::formatValue(*b.points) : std::string("-"));
        text((row + ".line").c_str(), line);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        textWrapped((row + ".why").c_str(), "      " + b.why.format(lang));
        ImGui::PopStyleColor();
    }
}

void drawMoney(const core::AgentResult& a, core::Lang lang) {
    text("scorecard.money", trf("scorecard.money", {core::formatYuan(a.totalFen())}));
    for (size_t i = 0; i < a.money.size(); ++i) {
        const core::MoneyLine& m = a.money[i];
        const std::string row = "scorecard.m" + std::to_string(i);
        const std::string kind = "money." + std::string(core::moneyKindId(m.kind));
        text((row + ".amount").c_str(), "  " + (hasTr(kind) ? tr(kind) : std::string(core::moneyKindId(m.kind))) + "  " +
                                            core::formatYuan(m.amountFen) + "  (" + ruleName(m.rule) + ")");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        textWrapped((row + ".why").c_str(), "    " + m.why.format(lang));
        ImGui::PopStyleColor();
    }
}
} // namespace

void drawScorecard(ResultsPanel& p, const core::AppState& s) {
    if (p.scorecard.empty()) return;
    const core::Results* r = core::selectedResults(s);
    const core::AgentResult* a = nullptr;
    if (r)
        for (const auto& x : r->agents)
            if (x.agent == p.scorecard) a = &x;
    if (!a) {
        p.scorecard.clear();
        return;
    }
    bool open = true;
    const std::string month = core::formatMonth(s.periods[size_t(s.selectedPeriod)].month);
    if (beginDialog("scorecard.window", trf("scorecard.title", {a->agent, month}), &open, 760, 560)) {
        text("scorecard.who", trf("scorecard.who", {a->group, tr(a->status == core::Status::Regular ? "status.regular" : "status.probation")}));
        text("scorecard.total", trf("scorecard.total", {a->score ? core::formatValue(*a->score) : "-",
                                                        a->rank ? std::to_string(*a->rank) : "-"}));
        if (!a->flags.empty()) textWrapped("scorecard.flags", trf("scorecard.flags", {flagText(a->flags)}));
        ImGui::Separator();
        drawMoney(*a, s.language);
        ImGui::Spacing();
        drawBreakdown(*a, s.language);
    }
    endDialog();
    if (!open) p.scorecard.clear();
}

} // namespace kefu::web::ui
