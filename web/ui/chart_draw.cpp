// Charts on ImGui's draw list (chart_draw.h). Colours follow the report's SVG palette.
#include "ui/chart_draw.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "fonts.h"
#include "i18n.h"
#include "test_hook.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
constexpr float kPi = 3.14159265f;
const ImU32 kPalette[] = {IM_COL32(63, 127, 208, 255), IM_COL32(232, 131, 58, 255), IM_COL32(46, 157, 104, 255),
                          IM_COL32(192, 57, 43, 255),  IM_COL32(142, 94, 196, 255), IM_COL32(31, 163, 163, 255),
                          IM_COL32(181, 139, 0, 255),  IM_COL32(211, 93, 155, 255)};
ImU32 textColour() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 gridColour() { return ImGui::GetColorU32(ImGuiCol_Border); }


// Horizontal grid lines with their values on the left of x0.
void valueGrid(ChartCanvas& c, const core::ChartScale& sc, float x0, float x1, float top, float bottom, const std::string& metric) {
    for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {
        const float y = sc.at(v, bottom, top);
        c.list()->AddLine({x0, y}, {x1, y}, gridColour());
        c.label({x0 - 6, y - ImGui::GetFontSize() / 2}, textColour(), metric.empty() ? core::formatValue(v) : core::chartValue(metric, v), 1);
    }
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : uiLanguage() == core::Lang::Zh ? "、" : ", ") + n;
    return out;
}
} // namespace

ChartCanvas::ChartCanvas(const std::string& title, ImVec2 size) {
    size.x = std::max(size.x, 200.0f), size.y = std::max(size.y, 150.0f);
    ImGui::InvisibleButton("charts.plot", size);
    m_hovered = ImGui::IsItemHovered();
    recordItem("charts.plot", title, "chart");
    m_min = ImGui::GetItemRectMin(), m_max = ImGui::GetItemRectMax();
    m_list = ImGui::GetWindowDrawList();
    m_list->PushClipRect(m_min, m_max, true);
}

void ChartCanvas::mark(ImVec2 a, ImVec2 b, const std::string& tip) {
    ImVec2 lo{std::min(a.x, b.x), std::min(a.y, b.y)}, hi{std::max(a.x, b.x), std::max(a.y, b.y)};
    const auto grow = [](float& l, float& h) {
        const float m = (l + h) / 2;
        l = std::min(l, m - 4), h = std::max(h, m + 4);
    };
    grow(lo.x, hi.x), grow(lo.y, hi.y);
    recordRect("charts.mark." + std::to_string(m_marks++), tip, "mark", lo.x, lo.y, hi.x - lo.x, hi.y - lo.y);
    fonts().noteText(tip);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (m_hovered && mouse.x >= lo.x && mouse.x <= hi.x && mouse.y >= lo.y && mouse.y <= hi.y) m_tip = tip;
}

void ChartCanvas::label(ImVec2 pos, ImU32 colour, const std::string& text, float alignX) {
    fonts().noteText(text);
    if (alignX != 0) pos.x -= ImGui::CalcTextSize(text.c_str()).x * alignX;
    m_list->AddText(pos, colour, text.c_str());
}

void ChartCanvas::end() {
    m_list->PopClipRect();
    if (m_tip.empty()) return;
    ImGui::BeginTooltip();
    text("charts.tooltip", m_tip);
    ImGui::EndTooltip();
}

void drawTrend(ChartCanvas& c, const core::TrendChart& t, const std::vector<bool>& show, core::Lang lang) {
    double lo = 0, hi = 0;
    bool any = false;
    for (size_t s = 0; s < t.series.size(); ++s)
        for (const auto& v : t.series[s].values)
            if (show[s] && v) lo = any ? std::min(lo, *v) : *v, hi = any ? std::max(hi, *v) : *v, any = true;
    if (!any) return;
    const core::ChartScale sc = core::niceScale(std::min(lo, 0.0), hi);
    const float left = c.min().x + 80, right = c.max().x - 150, top = c.min().y + 10, bottom = c.max().y - 30;
    valueGrid(c, sc, left, right, top, bottom, t.metric);
    const size_t n = t.months.size();
    const auto x = [&](size_t i) { return n == 1 ? (left + right) / 2 : left + (right - left) * float(i) / float(n - 1); };
    for (size_t i = 0; i < n; ++i) c.label({x(i), bottom + 6}, textColour(), t.months[i], 0.5f);
    int shown = 0;
    for (size_t s = 0; s < t.series.size(); ++s) {
        if (!show[s]) continue;
        const ImU32 colour = kPalette[size_t(shown) % std::size(kPalette)];
        const float legendY = top + float(shown++) * (ImGui::GetFontSize() + 4);
        c.list()->AddRectFilled({right + 12, legendY + 3}, {right + 22, legendY + 13}, colour);
        c.label({right + 26, legendY}, textColour(), t.series[s].name);
        std::optional<ImVec2> prev;
        for (size_t i = 0; i < n; ++i) {
            const auto& v = t.series[s].values[i];
            if (!v) {
                prev.reset();
                continue;
            }
            const ImVec2 p{x(i), sc.at(*v, bottom, top)};
            if (prev) c.list()->AddLine(*prev, p, colour, t.series[s].isGroup ? 3.0f : 2.0f);
            c.list()->AddCircleFilled(p, 4, colour);
            c.mark({p.x - 4, p.y - 4}, {p.x + 4, p.y + 4},
                   t.series[s].name + " · " + t.months[i] + " · " + core::textIn(core::chartMetricLabel(t.metric), lang) +
                       " " + core::chartValue(t.metric, *v));
            prev = p;
        }
    }
}

void drawBars(ChartCanvas& c, const std::vector<BarRow>& rows) {
    if (rows.empty()) return;
    float labelRoom = 40;
    for (const auto& r : rows) labelRoom = std::max(labelRoom, std::min(180.0f, ImGui::CalcTextSize(r.label.c_str()).x));
    double lo = 0, hi = 0;
    for (const auto& r : rows) lo = std::min(lo, r.value), hi = std::max(hi, r.value);
    const core::ChartScale sc = core::niceScale(lo, hi);
    const float left = c.min().x + labelRoom + 12, right = c.max().x - 90, top = c.min().y + 4;
    const float row = std::clamp((c.max().y - top - 24) / float(rows.size()), 6.0f, 26.0f), bottom = top + row * float(rows.size());
    for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {
        const float x = sc.at(v, left, right);
        c.list()->AddLine({x, top}, {x, bottom}, gridColour());
        c.label({x, bottom + 4}, textColour(), core::formatValue(v), 0.5f);
    }
    const float zero = sc.at(0, left, right);
    for (size_t i = 0; i < rows.size(); ++i) {
        const BarRow& r = rows[i];
        const float y = top + row * float(i), end = sc.at(r.value, left, right);
        const ImVec2 a{std::min(zero, end), y + row * 0.15f}, b{std::max(zero, end), y + row * 0.85f};
        c.list()->AddRectFilled(a, b, r.value < 0 ? kPalette[3] : kPalette[0]);
        if (row >= ImGui::GetFontSize()) {
            c.label({left - 6, y + (row - ImGui::GetFontSize()) / 2}, textColour(), r.label, 1);
            c.label({b.x + 4, y + (row - ImGui::GetFontSize()) / 2}, textColour(), r.valueText);
        }
        c.mark(a, {b.x, b.y}, r.tip);
    }
}

void drawRadar(ChartCanvas& c, const core::RadarChart& r, core::Lang lang) {
    const size_t n = r.axes.size();
    const ImVec2 centre{(c.min().x + c.max().x) / 2 - 60, (c.min().y + c.max().y) / 2};
    const float radius = std::max(20.0f, std::min(c.max().x - c.min().x - 120, c.max().y - c.min().y) / 2 - 50);
    const auto at = [&](size_t i, double rr) {
        const float a = -kPi / 2 + 2 * kPi * float(i) / float(n);
        return ImVec2{centre.x + radius * float(rr) * std::cos(a), centre.y + radius * float(rr) * std::sin(a)};
    };
    for (float ring : {0.25f, 0.5f, 0.75f, 1.0f}) {
        std::vector<ImVec2> pts;
        for (size_t i = 0; i < n; ++i) pts.push_back(at(i, ring));
        c.list()->AddPolyline(pts.data(), int(pts.size()), gridColour(), ImDrawFlags_Closed, 1);
    }
    for (size_t i = 0; i < n; ++i) {
        const ImVec2 rim = at(i, 1.0), out = at(i, 1.12);
        c.list()->AddLine(centre, rim, gridColour());
        const float align = std::abs(out.x - centre.x) < 8 ? 0.5f : out.x < centre.x ? 1.0f : 0.0f;
        c.label({out.x, out.y - ImGui::GetFontSize() / 2}, textColour(), core::textIn(r.axes[i].label, lang), align);
    }
    const auto shape = [&](std::optional<double> core::RadarAxis::*field, ImU32 colour) {
        std::vector<ImVec2> pts;
        for (size_t i = 0; i < n; ++i) pts.push_back(at(i, (r.axes[i].*field).value_or(0)));
        // A fan of triangles from the centre: a radar shape is seldom convex.
        for (size_t i = 0; i < n; ++i) c.list()->AddTriangleFilled(centre, pts[i], pts[(i + 1) % n], (colour & 0x00ffffff) | 0x28000000);
        c.list()->AddPolyline(pts.data(), int(pts.size()), colour, ImDrawFlags_Closed, 2);
    };
    shape(&core::RadarAxis::groupR, kPalette[1]);
    shape(&core::RadarAxis::agentR, kPalette[0]);
    for (size_t i = 0; i < n; ++i) {
        const core::RadarAxis& a = r.axes[i];
        const auto val = [&](const std::optional<double>& v) { return v ? core::chartValue(a.metric, *v) : "-"; };
        const std::string tip = core::textIn(a.label, lang) + "\n" + tr("charts.agent_value") + " " + val(a.agent) + "\n" +
                                tr("charts.group_value") + " " + val(a.group) + "\n" + tr("charts.benchmark") + " " +
                                val(a.benchmark);
        if (a.benchmarkR) {
            const ImVec2 p = at(i, *a.benchmarkR);
            c.list()->AddQuadFilled({p.x, p.y - 6}, {p.x + 6, p.y}, {p.x, p.y + 6}, {p.x - 6, p.y}, kPalette[2]);
        }
        const ImVec2 p = at(i, a.agentR.value_or(0));
        c.list()->AddCircleFilled(p, 4, kPalette[0]);
        c.mark({p.x - 5, p.y - 5}, {p.x + 5, p.y + 5}, tip);
    }
    const char* keys[] = {"charts.agent_value", "charts.group_value", "charts.benchmark"};
    for (int k = 0; k < 3; ++k) {
        const ImVec2 p{c.max().x - 110, c.min().y + 10 + float(k) * (ImGui::GetFontSize() + 6)};
        c.list()->AddRectFilled({p.x, p.y + 3}, {p.x + 10, p.y + 13}, kPalette[k]);
        c.label({p.x + 14, p.y}, textColour(), tr(keys[k]));
    }
}

void drawHistogram(ChartCanvas& c, const core::Histogram& h, core::Lang lang) {
    if (h.bins.empty()) return;
    size_t most = 1;
    for (const auto& b : h.bins) most = std::max(most, b.agents.size());
    core::ChartScale sc = core::niceScale(0, double(most));
    sc.step = std::max(1.0, sc.step);
    const float left = c.min().x + 50, right = c.max().x - 20, top = c.min().y + 10, bottom = c.max().y - 30;
    valueGrid(c, sc, left, right, top, bottom, "");
    const float w = (right - left) / float(h.bins.size());
    for (size_t i = 0; i < h.bins.size(); ++i) {
        const core::HistogramBin& b = h.bins[i];
        const float x = left + w * float(i), y = sc.at(double(b.agents.size()), bottom, top);
        c.list()->AddRectFilled({x + 2, y}, {x + w - 2, bottom}, kPalette[5]);
        const std::string range = core::chartValue(h.metric, b.lo) + "–" + core::chartValue(h.metric, b.hi);
        c.label({x + w / 2, bottom + 6}, textColour(), range, 0.5f);
        if (!b.agents.empty()) c.label({x + w / 2, y - ImGui::GetFontSize() - 2}, textColour(), std::to_string(b.agents.size()), 0.5f);
        c.mark({x + 2, std::min(y, bottom - 8)}, {x + w - 2, bottom},
               core::textIn(core::chartMetricLabel(h.metric), lang) + " " + range + "\n" +
                   trf("charts.agent_count", {std::to_string(b.agents.size())}) + (b.agents.empty() ? "" : "\n" + joinNames(b.agents)));
    }
}

} // namespace kefu::web::ui
