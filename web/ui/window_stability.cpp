// 分析 > 排名稳定性: how much each agent's rank in the selected month depends on the exact weights
// (core/stability.h): samples, spread (± percent of each weight) and seed as typed, 运行 runs the
// analysis, then per agent the probability of each rank as a small heat table, the agents whose
// rank a small weight change overturns, and the ties that decide money.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "csv.h"
#include "i18n.h"
#include "month_analysis.h"
#include "test_hook.h"
#include "ui/analysis_windows.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const ImVec4 kProblemColour(1.0f, 0.45f, 0.4f, 1), kFlagColour(1.0f, 0.75f, 0.35f, 1);

// A whole number in [lo, hi] as typed, or nullopt.
std::optional<uint64_t> readWhole(const std::string& text, uint64_t lo, uint64_t hi) {
    const std::string_view t = core::trim(text);
    uint64_t v = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || v < lo || v > hi) return std::nullopt;
    return v;
}

// A percentage as typed: "10" or "10%".
std::optional<double> readPercent(const std::string& text) {
    const auto n = core::parseNumberCell(core::trim(text));
    if (!n) return std::nullopt;
    return n->percent ? n->value * 100 : n->value;
}

// The options as typed, or false with the problem shown.
bool readOptions(StabilityWindow& w, core::StabilityOptions& o) {
    const auto samples = readWhole(w.samples, 1, 100000);
    if (!samples) return w.problem = tr("stability.bad_samples"), false;
    const auto spread = readPercent(w.spread);
    if (!spread || !(*spread >= 0 && *spread < 100)) return w.problem = tr("stability.bad_spread"), false;
    const auto seed = readWhole(w.seed, 0, UINT64_MAX);
    if (!seed) return w.problem = tr("stability.bad_seed"), false;
    o.samples = int(*samples);
    o.delta = *spread / 100;
    o.seed = *seed;
    w.problem.clear();
    return true;
}

void run(StabilityWindow& w, const core::AppState& s) {
    core::StabilityOptions o;
    if (!readOptions(w, o)) return;
    w.report.reset();
    w.error.clear();
    w.period = s.selectedPeriod;
    w.revision = s.revision;
    auto m = core::monthAnalysis(s, s.selectedPeriod);
    if (!m) return void(w.error = core::textIn(core::errorText(m.failure()), uiLanguage()));
    auto r = core::analyseStability(m->input, m->scheme, m->history, m->catalog, o);
    if (!r) return void(w.error = r.error());
    w.report = std::move(*r);
}

std::string percent(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", p * 100);
    return buf;
}

// The highest rank any agent reached in any sample (the heat table's columns).
int maxRank(const core::StabilityReport& r) {
    int most = 0;
    for (const auto& a : r.agents)
        for (const auto& share : a.ranks)
            if (share.rank) most = std::max(most, *share.rank);
    return most;
}

// One agent's row: name, group, baseline rank, P(each rank) shaded by its size, P(rank differs), flag.
void drawAgentRow(const core::StabilityReport& r, size_t i, int row, int ranks) {
    const core::AgentStability& a = r.agents[i];
    const std::string id = "stability.r" + std::to_string(row);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((id + ".agent").c_str(), r.baseline.agents[i].agent);
    ImGui::TableNextColumn();
    text((id + ".group").c_str(), r.baseline.agents[i].group);
    ImGui::TableNextColumn();
    text((id + ".rank").c_str(), a.baselineRank ? std::to_string(*a.baselineRank) : "-");
    for (int k = 1; k <= ranks + 1; ++k) { // ranks 1..N, then "no rank"
        ImGui::TableNextColumn();
        const std::optional<int> rank = k <= ranks ? std::optional<int>(k) : std::nullopt;
        auto it = std::find_if(a.ranks.begin(), a.ranks.end(), [&rank](const core::RankShare& x) { return x.rank == rank; });
        if (it == a.ranks.end()) continue;
        const float heat = float(it->p);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImVec4(0.15f, 0.45f, 0.85f, 0.15f + 0.75f * heat)));
        ImGui::TextUnformatted(percent(it->p).c_str());
        recordItem(id + ".p" + (rank ? std::to_string(*rank) : std::string("none")), percent(it->p), "text",
                   core::formatNumber(it->p));
    }
    ImGui::TableNextColumn();
    text((id + ".differs").c_str(), percent(a.pDiffers));
    ImGui::TableNextColumn();
    if (!a.unstable) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kFlagColour);
    text((id + ".flag").c_str(), tr("stability.unstable"));
    ImGui::PopStyleColor();
}

void drawTable(const core::StabilityReport& r) {
    const int ranks = maxRank(r);
    const int columns = 3 + ranks + 1 + 2;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    if (columns > 64 || !ImGui::BeginTable("stability.table", columns, flags, ImVec2(0, 300))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(imguiLabel(tr("stability.col_agent"), "stability.col_agent").c_str());
    ImGui::TableSetupColumn(imguiLabel(tr("stability.col_group"), "stability.col_group").c_str());
    ImGui::TableSetupColumn(imguiLabel(tr("stability.col_rank"), "stability.col_rank").c_str());
    for (int k = 1; k <= ranks; ++k) {
        const std::string id = "stability.col_p" + std::to_string(k);
        ImGui::TableSetupColumn(imguiLabel(trf("stability.col_p", {std::to_string(k)}), id.c_str()).c_str());
    }
    ImGui::TableSetupColumn(imguiLabel(tr("stability.col_none"), "stability.col_none").c_str());
    ImGui::TableSetupColumn(imguiLabel(tr("stability.col_differs"), "stability.col_differs").c_str());
    ImGui::TableSetupColumn(imguiLabel(tr("stability.col_flag"), "stability.col_flag").c_str());
    ImGui::TableHeadersRow();
    int row = 0;
    for (size_t i = 0; i < r.agents.size(); ++i) // agents never ranked (out of the rule's scope) are left out
        if (r.agents[i].baselineRank || r.agents[i].ranks.size() > 1 || (!r.agents[i].ranks.empty() && r.agents[i].ranks[0].rank))
            drawAgentRow(r, i, row++, ranks);
    ImGui::EndTable();
}

// Ties that decide money: same score and rank, different money.
void drawMoneyTies(const core::StabilityReport& r, const core::AppState& s) {
    if (r.moneyTies.empty()) return textDisabled("stability.no_ties", tr("stability.no_ties"));
    for (size_t t = 0; t < r.moneyTies.size(); ++t) {
        const core::MoneyTie& tie = r.moneyTies[t];
        std::string who;
        for (size_t k : tie.agents)
            who += (who.empty() ? "" : tr("stability.list_sep")) + r.baseline.agents[k].agent + " (" +
                   r.baseline.agents[k].group + ", " + money(s, r.baseline.agents[k].totalFen()) + ")";
        ImGui::PushStyleColor(ImGuiCol_Text, kFlagColour);
        textWrapped(("stability.tie" + std::to_string(t)).c_str(),
                    trf("stability.tie", {std::to_string(tie.rank), core::formatNumber(tie.score), who}));
        ImGui::PopStyleColor();
    }
}

void drawReport(const StabilityWindow& w, const core::AppState& s) {
    const core::StabilityReport& r = *w.report;
    if (w.period != s.selectedPeriod || w.revision != s.revision) textDisabled("stability.stale", tr("stability.stale"));
    std::string maps;
    for (const auto& m : r.perturbed) maps += (maps.empty() ? "" : ", ") + m.rule + "." + m.map;
    textWrapped("stability.summary", trf("stability.summary", {std::to_string(r.options.samples),
                                                               core::formatNumber(r.options.delta * 100), maps}));
    int unstable = 0;
    for (const auto& a : r.agents) unstable += a.unstable ? 1 : 0;
    text("stability.unstable_count", trf("stability.unstable_count", {std::to_string(unstable)}));
    drawTable(r);
    text("stability.ties_title", tr("stability.ties_title"));
    drawMoneyTies(r, s);
}
} // namespace

void drawStabilityWindow(StabilityWindow& w, const core::AppState& s) {
    if (!w.open) return;
    if (beginDialog("stability.window", tr("stability.title"), &w.open, 900, 560)) {
        textWrapped("stability.intro", tr("stability.intro"));
        ImGui::AlignTextToFramePadding();
        text("stability.samples_label", tr("stability.samples"));
        ImGui::SameLine();
        bool enter = inputText("stability.samples", "1000", w.samples, 90);
        ImGui::SameLine();
        text("stability.spread_label", tr("stability.spread"));
        ImGui::SameLine();
        enter |= inputText("stability.spread", "10", w.spread, 60);
        ImGui::SameLine();
        text("stability.seed_label", tr("stability.seed"));
        ImGui::SameLine();
        enter |= inputText("stability.seed", "1", w.seed, 90);
        ImGui::SameLine();
        ImGui::BeginDisabled(!core::selectedResults(s));
        if (button("stability.run", tr("stability.run")) || enter) run(w, s);
        ImGui::EndDisabled();
        if (!w.problem.empty() || !w.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
            textWrapped("stability.problem", w.problem.empty() ? w.error : w.problem);
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        if (w.report) drawReport(w, s);
        else textDisabled("stability.not_run", tr("stability.not_run"));
    }
    endDialog();
}

} // namespace kefu::web::ui
