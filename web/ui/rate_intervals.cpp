// Rates with their Wilson 95% intervals in the data grid and the scorecard.
#include "ui/rate_intervals.h"

#include <cstdio>

#include "i18n.h"
#include "small_sample.h"
#include "test_hook.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
std::string percent(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
    return buf;
}

std::string label(const std::string& metric) {
    const core::IText2 l = core::metricLabel(metric);
    return uiLanguage() == core::Lang::Zh ? l.zh().str() : l.en().str();
}

std::string intervalText(const core::RateInterval& r, const std::string& volume) {
    return trf("rate.interval", {percent(r.interval.lo), percent(r.interval.hi), label(volume), core::formatValue(r.volume)});
}

const core::PeriodData* selected(const core::AppState& s) {
    if (s.selectedPeriod < 0 || s.selectedPeriod >= int(s.periods.size())) return nullptr;
    return &s.periods[size_t(s.selectedPeriod)];
}
} // namespace

std::string rateIntervalText(const core::MetricTable& table, size_t row, const std::string& metric) {
    const core::MetricDef* d = core::Catalog::builtin().find(metric);
    if (!d || row >= table.rows()) return "";
    auto r = core::rateInterval(table, row, *d);
    return r ? intervalText(*r, core::rateVolumeMetric(*d)) : "";
}

void rateCellTooltip(const std::string& id, const core::MetricTable& table, size_t row, const std::string& metric) {
    const std::string tip = rateIntervalText(table, row, metric);
    if (tip.empty()) return;
    ImGui::SetTooltip("%s", tip.c_str());
    recordItem(id + ".tip", tip, "tooltip");
}

void drawAgentRates(const core::AppState& s, const core::AgentResult& a) {
    const core::PeriodData* p = selected(s);
    if (!p) return;
    size_t row = p->input.agents.size();
    for (size_t i = 0; i < p->input.agents.size(); ++i)
        if (p->input.agents[i].name == a.agent) row = i;
    if (row == p->input.agents.size()) return;
    core::MetricTable shown = p->input.metrics; // derived rates too (conversion from its counts)
    core::deriveMetrics(core::Catalog::builtin(), shown);
    bool header = false;
    int n = 0;
    for (const auto& d : core::Catalog::builtin().all()) {
        auto r = core::rateInterval(shown, row, d);
        const core::LowConfidence* low = nullptr;
        for (const auto& l : a.lowConfidence)
            if (l.metric == d.id) low = &l;
        if (!r && !low) continue;
        if (!header) text("scorecard.rates", tr("scorecard.rates"));
        header = true;
        const std::string id = "scorecard.rate" + std::to_string(n++);
        std::string line = "  " + label(d.id) + "  ";
        if (r) line += percent(r->value) + "  ·  " + intervalText(*r, core::rateVolumeMetric(d));
        else if (low) line += percent(low->value);
        if (low) line += "  ·  " + tr("scorecard.low_confidence");
        if (low) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.75f, 0.3f, 1));
        text((id + ".line").c_str(), line);
        if (low) ImGui::PopStyleColor();
        if (!low) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        textWrapped((id + ".why").c_str(), "      " + low->why.format(s.language));
        ImGui::PopStyleColor();
    }
    if (header) ImGui::Spacing();
}

} // namespace kefu::web::ui
