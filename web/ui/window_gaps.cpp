// 分析 > 差距卡片: for one agent of the selected month (a combo), what is still needed to reach each
// target of the scheme (core/gaps.h), one card per target in words a person understands: the
// metric's change in its own unit ("+2.1 个百分点"), and for a rate what that means in whole
// customers or replies at the agent's volume ("≈ 再多 9 付款人数（按当前约 400 询单人数）").
#include <algorithm>
#include <cmath>

#include "csv.h"
#include "i18n.h"
#include "metrics.h"
#include "month_analysis.h"
#include "test_hook.h"
#include "ui/analysis_windows.h"
#include "ui/scheme_editor.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const ImVec4 kProblemColour(1.0f, 0.45f, 0.4f, 1), kTitleColour(0.55f, 0.8f, 1.0f, 1);

// Two decimals at most, as a person reads a number.
std::string num(double v) { return core::formatNumber(std::round(v * 100) / 100); }

// The denominator of a rate "numerator / denominator" and its value for the agent (0 when unknown).
std::pair<std::string, double> denominator(const core::MonthAnalysis& m, size_t row, const std::string& metric) {
    const core::MetricDef* def = m.catalog.find(metric);
    if (!def) return {};
    const size_t slash = def->formula.find('/');
    if (slash == std::string::npos) return {};
    const std::string id(core::trim(std::string_view(def->formula).substr(slash + 1)));
    const auto v = m.input.metrics.get(row, id);
    return {id, v ? *v : 0};
}

void compute(GapsWindow& w, const core::AppState& s) {
    const std::string key = std::to_string(s.selectedPeriod) + "|" + std::to_string(s.revision) + "|" + w.agent;
    if (key == w.computedKey) return;
    w.computedKey = key;
    w.report.reset();
    w.error.clear();
    w.denominators.clear();
    auto m = core::monthAnalysis(s, s.selectedPeriod);
    if (!m) return void(w.error = core::textIn(core::errorText(m.failure()), uiLanguage()));
    const auto agent = std::find_if(m->input.agents.begin(), m->input.agents.end(),
                                    [&w](const core::Agent& a) { return a.name == w.agent; });
    if (agent == m->input.agents.end()) return;
    const core::Results results = core::evaluate(m->input, m->scheme, m->history, m->catalog);
    auto r = core::computeGaps(m->input, m->scheme, results, m->catalog, w.agent);
    if (!r) return void(w.error = r.error());
    const size_t row = size_t(agent - m->input.agents.begin());
    for (const core::Gap& g : r->gaps) w.denominators.push_back(denominator(*m, row, g.metric));
    w.report = std::move(*r);
}

// What the card is about: "达标奖 conversion", "追上排名前一位的 王喆", "区间满分" ...
std::string cardTitle(const core::Gap& g) {
    const std::string& t = g.target;
    const size_t colon = t.find(':');
    const std::string kind = t.substr(0, colon), what = colon == std::string::npos ? "" : t.substr(colon + 1);
    if (kind == "target") return trf("gaps.title_target", {what, g.rule});
    if (kind == "stage") return trf("gaps.title_stage", {what, g.rule});
    if (kind == "rank") return trf("gaps.title_rank", {what, g.rule});
    if (kind == "dsr") return trf("gaps.title_dsr", {what, g.rule});
    if (t == "interval.lo" || t == "interval.hi") {
        const bool start = (t == "interval.lo") != g.lowerBetter;
        return trf(start ? "gaps.title_interval_start" : "gaps.title_interval_full", {g.rule});
    }
    return g.rule + " " + t;
}

// "转化率 +2.1 个百分点（现在 43.9%，目标 46%）"
std::string cardMain(const core::Gap& g) {
    const std::string metric = scheme::metricName(g.metric);
    const std::string sign = g.difference > 0 ? "+" : "";
    if (g.unit == "percentage_points")
        return trf("gaps.points", {metric, sign + num(g.difference), num(g.current * 100), num(g.target_value * 100)});
    const std::string unitKey = "gaps.unit_" + g.unit;
    const std::string unit = hasTr(unitKey) ? tr(unitKey) : "";
    return trf("gaps.value", {metric, sign + num(g.difference), num(g.current), num(g.target_value), unit});
}

// "≈ 再多 9 付款人数（按当前约 400 询单人数）"; empty without a whole-count meaning.
std::string cardCount(const core::Gap& g, const std::pair<std::string, double>& denom) {
    if (!g.extraCount) return "";
    const int64_t n = *g.extraCount;
    const std::string count = scheme::metricName(g.countMetric);
    if (denom.first.empty() || denom.second <= 0)
        return trf(n > 0 ? "gaps.more" : "gaps.fewer", {std::to_string(n > 0 ? n : -n), count});
    return trf(n > 0 ? "gaps.more_of" : "gaps.fewer_of",
               {std::to_string(n > 0 ? n : -n), count, num(denom.second), scheme::metricName(denom.first)});
}

void drawCards(const GapsWindow& w) {
    const core::GapReport& r = *w.report;
    if (r.gaps.empty()) return textWrapped("gaps.none", trf("gaps.none", {r.agent}));
    ImGui::BeginChild("gaps.cards", ImVec2(0, 0), false);
    for (size_t i = 0; i < r.gaps.size(); ++i) {
        const core::Gap& g = r.gaps[i];
        const std::string id = "gaps.c" + std::to_string(i);
        ImGui::PushStyleColor(ImGuiCol_Text, kTitleColour);
        text((id + ".title").c_str(), cardTitle(g));
        ImGui::PopStyleColor();
        ImGui::Indent();
        textWrapped((id + ".main").c_str(), cardMain(g));
        const std::string count = cardCount(g, w.denominators[i]);
        if (!count.empty()) textWrapped((id + ".count").c_str(), count);
        ImGui::Unindent();
        ImGui::Separator();
    }
    ImGui::EndChild();
}

// The month's agents in a combo; the first one until another is chosen.
void drawAgentChoice(GapsWindow& w, const core::Results& res) {
    std::vector<std::string> names;
    int current = 0;
    for (const auto& a : res.agents) {
        if (a.agent == w.agent) current = int(names.size());
        names.push_back(a.agent);
    }
    if (names.empty()) return;
    if (std::find(names.begin(), names.end(), w.agent) == names.end()) w.agent = names.front();
    ImGui::AlignTextToFramePadding();
    text("gaps.agent_label", tr("gaps.agent"));
    ImGui::SameLine();
    if (combo("gaps.agent", "", current, names, 220)) w.agent = names[size_t(current)];
}
} // namespace

void drawGapsWindow(GapsWindow& w, const core::AppState& s) {
    if (!w.open) return;
    const core::Results* res = core::selectedResults(s);
    if (beginDialog("gaps.window", tr("gaps.title"), &w.open, 720, 540)) {
        textWrapped("gaps.intro", tr("gaps.intro"));
        if (res) drawAgentChoice(w, *res);
        compute(w, s);
        if (!w.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
            textWrapped("gaps.error", w.error);
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        if (w.report) drawCards(w);
    }
    endDialog();
}

} // namespace kefu::web::ui
