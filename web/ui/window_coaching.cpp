// 分析 > 辅导卡: one agent's coaching card for the selected month (core/coaching.h): score, rank and
// pay against last month, strengths, weaknesses with their benchmarks and the DSR advice, every
// metric against the group; 打印辅导卡 prints the one-page card.
#include <cmath>

#include "i18n.h"
#include "scheme.h"
#include "ui/coach_windows.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

std::optional<core::Scheme> schemeOfPeriod(const core::AppState& s, const core::PeriodData& p) {
    core::Problems problems;
    if (p.closed && !p.frozenScheme.empty()) {
        auto frozen = core::parseScheme(p.frozenScheme, core::Catalog::builtin(), problems);
        return frozen ? std::optional<core::Scheme>(std::move(*frozen)) : std::nullopt;
    }
    auto active = core::activeScheme(s, problems);
    return active ? std::optional<core::Scheme>(std::move(*active)) : std::nullopt;
}

namespace {
core::CoachingRequest requestFor(const core::AppState& s, int index, const core::Scheme& scheme) {
    const core::PeriodData& p = s.periods[size_t(index)];
    core::CoachingRequest q;
    q.input = &p.input, q.results = &p.results, q.scheme = &scheme;
    if (index > 0 && !s.periods[size_t(index) - 1].results.agents.empty()) {
        q.previousInput = &s.periods[size_t(index) - 1].input;
        q.previousResults = &s.periods[size_t(index) - 1].results;
    }
    return q;
}

// At most two decimals, as the printed card shows them.
std::string two(double v) { return core::formatValue(core::roundHalfAway(v * 100) / 100); }
std::string shown(const core::CoachingMetric& m, std::optional<double> v) {
    if (!v) return "-";
    return m.unit == core::Unit::Fraction ? two(*v * 100) + "%" : two(*v);
}

void refresh(CoachingWindow& w, const core::AppState& s, const std::vector<std::string>& names) {
    if (w.revision == s.revision && w.cachedAgent == w.agent) return;
    w.revision = s.revision;
    w.cachedAgent = w.agent;
    w.card.reset();
    w.error.clear();
    auto scheme = schemeOfPeriod(s, s.periods[size_t(s.selectedPeriod)]);
    if (!scheme) return void(w.error = tr("coaching.no_scheme"));
    core::CoachingRequest q = requestFor(s, s.selectedPeriod, *scheme);
    q.agent = names[size_t(w.agent)];
    auto card = core::coachingCard(q);
    if (card) w.card = std::move(*card);
    else w.error = card.error();
}

void drawSummary(const core::CoachingCard& c, const core::AppState& s) {
    const auto num = [](const std::optional<double>& v) { return v ? core::formatValue(*v) : std::string("-"); };
    const auto rank = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); };
    text("coaching.score", trf("coaching.score_line", {num(c.score), num(c.previousScore)}));
    text("coaching.rank", trf("coaching.rank_line", {rank(c.rank), rank(c.previousRank)}));
    text("coaching.pay", trf("coaching.pay_line", {money(s, c.totalFen), c.previousTotalFen ? money(s, *c.previousTotalFen) : "-"}));
}

std::string lineOf(const core::CoachingMetric& m) {
    const bool zh = uiLanguage() == core::Lang::Zh;
    std::string line = (zh ? m.label.zh : m.label.en) + " " + shown(m, m.value);
    if (m.standing) {
        const std::string pct = two(std::fabs(*m.standing) * 100) + "%";
        line += trf(*m.standing >= 0 ? "coaching.better" : "coaching.worse", {pct});
    }
    if (m.benchmark) line += (zh ? "；" : "; ") + (zh ? m.benchmarkOf.zh : m.benchmarkOf.en);
    return line;
}

void drawPicks(const core::CoachingCard& c) {
    const auto list = [&](const char* id, const char* title, const std::vector<size_t>& idx, ImVec4 colour) {
        text(id, tr(title));
        if (idx.empty()) textDisabled((std::string(id) + ".none").c_str(), tr("coaching.none"));
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        for (size_t k = 0; k < idx.size(); ++k)
            textWrapped((std::string(id) + "." + std::to_string(k)).c_str(), "· " + lineOf(c.metrics[idx[k]]));
        ImGui::PopStyleColor();
    };
    list("coaching.strengths", "coaching.strengths", c.strengths, ImVec4(0.45f, 0.85f, 0.55f, 1));
    list("coaching.weaknesses", "coaching.weaknesses", c.weaknesses, ImVec4(1.0f, 0.55f, 0.5f, 1));
    if (c.advice.empty()) return;
    text("coaching.advice", tr("coaching.advice"));
    const bool zh = uiLanguage() == core::Lang::Zh;
    for (size_t k = 0; k < c.advice.size(); ++k)
        textWrapped(("coaching.advice." + std::to_string(k)).c_str(), "· " + (zh ? c.advice[k].text.zh : c.advice[k].text.en));
}

void drawMetrics(const core::CoachingCard& c) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
    if (c.metrics.empty() || !ImGui::BeginTable("coaching.metrics", 5, flags)) return;
    for (const char* h : {"coaching.metric", "coaching.value", "coaching.group", "coaching.bench", "coaching.last"})
        ImGui::TableSetupColumn(tr(h).c_str());
    ImGui::TableHeadersRow();
    const bool zh = uiLanguage() == core::Lang::Zh;
    for (size_t i = 0; i < c.metrics.size(); ++i) {
        const core::CoachingMetric& m = c.metrics[i];
        const std::string row = "coaching.m" + std::to_string(i);
        ImGui::TableNextRow();
        const std::string cells[] = {zh ? m.label.zh : m.label.en, shown(m, m.value), shown(m, m.group), shown(m, m.benchmark),
                                     shown(m, m.previous)};
        const char* cols[] = {".metric", ".value", ".group", ".bench", ".last"};
        for (size_t k = 0; k < 5; ++k) {
            ImGui::TableNextColumn();
            text((row + cols[k]).c_str(), cells[k]);
        }
    }
    ImGui::EndTable();
}
} // namespace

std::vector<core::CoachingCard> coachingCardsFor(const core::AppState& s, int index) {
    if (index < 0 || index >= int(s.periods.size()) || s.periods[size_t(index)].results.agents.empty()) return {};
    auto scheme = schemeOfPeriod(s, s.periods[size_t(index)]);
    if (!scheme) return {};
    return core::coachingCards(requestFor(s, index, *scheme));
}

void drawCoachingWindow(CoachingWindow& w, const core::AppState& s, Actions& out) {
    if (!w.open) return;
    if (beginDialog("coaching.window", tr("coaching.title"), &w.open, 640, 560)) {
        const core::Results* r = core::selectedResults(s);
        if (!r || r->agents.empty()) {
            textWrapped("coaching.no_data", tr("coaching.no_data"));
        } else {
            drawMonthChoice("coaching.month", s, out);
            std::vector<std::string> names;
            for (const auto& a : r->agents) names.push_back(a.agent);
            if (w.agent >= int(names.size())) w.agent = 0;
            combo("coaching.agent", tr("coaching.agent"), w.agent, names, 220);
            refresh(w, s, names);
            if (!w.error.empty()) textWrapped("coaching.error", w.error);
            if (w.card) {
                ImGui::SameLine();
                if (button("coaching.print", tr("coaching.print")))
                    w.print = PrintRequest{trf("coaching.print_title", {w.card->agent, w.card->period}),
                                           core::coachingCardHtml(*w.card, s.shopName, s.language)};
                ImGui::Separator();
                drawSummary(*w.card, s);
                drawPicks(*w.card);
                drawMetrics(*w.card);
            }
        }
    }
    endDialog();
}

} // namespace kefu::web::ui
