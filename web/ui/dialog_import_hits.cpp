// 导入聊天记录 > 禁用语（N 处）: each forbidden-phrase hit (agent, time, phrase, file line) with
// 查看上下文, which shows the messages of its session around it, read again from the file.
#include <algorithm>
#include <cstdio>

#include "date.h"
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const ImVec4 kHitColour(1.0f, 0.75f, 0.3f, 1);
const ImVec4 kErrorColour(1.0f, 0.55f, 0.45f, 1);

// Shop-local seconds as "2024-03-05 10:00:10".
std::string timeText(uint32_t t) {
    const uint32_t s = t % 86400;
    char hms[40];
    std::snprintf(hms, sizeof hms, " %02u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
    return core::formatDate(core::civilFromDays(t / 86400)) + hms;
}

std::string hitText(const core::ChatLog& log, const core::PhraseHit& h) {
    const std::string agent = h.agent < log.agents.size() ? std::string(log.agents.name(h.agent)) : "-";
    const std::string phrase = h.phrase < log.phrases.forbidden.size() ? log.phrases.forbidden[h.phrase] : "?";
    return trf("dataimport.hit", {agent, timeText(h.time), phrase, std::to_string(h.line)});
}

void drawHitList(DataImportDialog& d) {
    const std::vector<core::PhraseHit>& hits = d.log->hits;
    const float rows = float(std::min<size_t>(hits.size(), 8));
    ImGui::BeginChild("##dataimport_hits",
                      ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y));
    ImGuiListClipper clip;
    clip.Begin(int(hits.size()));
    if (d.context.hit >= 0) clip.ForceDisplayRangeByIndices(d.context.hit, d.context.hit + 1);
    while (clip.Step())
        for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
            const std::string id = "dataimport.hit" + std::to_string(k);
            if (smallButton((id + ".open").c_str(), tr("dataimport.hit_open"))) d.askContext = k;
            ImGui::SameLine();
            if (k == d.context.hit) ImGui::PushStyleColor(ImGuiCol_Text, kHitColour);
            text(id.c_str(), hitText(*d.log, hits[size_t(k)]));
            if (k == d.context.hit) ImGui::PopStyleColor();
        }
    ImGui::EndChild();
}

void drawContext(const DataImportDialog& d) {
    const auto& c = d.context;
    textDisabled("dataimport.ctx_title", trf("dataimport.ctx_title", {std::to_string(c.hit + 1)}));
    if (c.loading) return text("dataimport.ctx_loading", tr("dataimport.ctx_loading"));
    if (!c.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
        textWrapped("dataimport.ctx_error", trf("dataimport.ctx_error", {c.error}));
        ImGui::PopStyleColor();
        return;
    }
    for (size_t i = 0; i < c.lines.size(); ++i) {
        const core::ContextLine& l = c.lines[i];
        if (l.hit) ImGui::PushStyleColor(ImGuiCol_Text, kHitColour);
        const std::string line = trf("dataimport.ctx_line", {std::to_string(l.line), l.time, l.role, l.agent, l.text});
        textWrapped(("dataimport.ctx" + std::to_string(i)).c_str(), line);
        if (l.hit) ImGui::PopStyleColor();
    }
}
} // namespace

void showHitContext(DataImportDialog& d, const core::AppState& s, int hit, std::string_view bytes, uint64_t offset,
                    bool reachesEnd, const std::string& error) {
    if (!d.log || hit != d.context.hit || hit < 0 || size_t(hit) >= d.log->hits.size()) return; // another hit since
    d.context.loading = false;
    d.context.lines.clear();
    d.context.error = error;
    if (!error.empty()) return;
    core::HitContextOptions opt;
    opt.sliceReachesEnd = reachesEnd;
    opt.columns = d.messageColumns; // the columns the log was read with
    auto r = core::hitContext(d.head, bytes, offset, *d.log, d.log->hits[size_t(hit)], opt);
    if (r)
        d.context.lines = std::move(r.value());
    else
        d.context.error = r.error();
}

void drawChatHits(DataImportDialog& d, const core::AppState& s) {
    if (!d.log || !d.log->hasText || d.log->phrases.forbidden.empty()) return;
    const size_t n = d.log->hits.size();
    if (!collapsingHeader("dataimport.hits", trf("dataimport.hits", {std::to_string(n)})) || n == 0) return;
    d.askContext = -1;
    drawHitList(d);
    if (d.askContext >= 0) {
        d.context = DataImportDialog::HitContext{d.askContext, true, {}, {}};
        if (d.stream == 0) { // opened whole: the bytes are at hand
            d.head = d.bytes.substr(0, 64 * 1024);
            showHitContext(d, s, d.askContext, d.bytes, 0, true, d.bytes.empty() ? tr("dataimport.ctx_gone") : "");
            d.askContext = -1;
        }
    }
    if (d.context.hit >= 0) drawContext(d);
}

} // namespace kefu::web::ui
