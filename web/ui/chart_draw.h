// Drawing of the analysis charts (core/charts.h) with ImGui's draw list, for the 图表 window: a
// canvas that records every mark (a point, a bar, a radar vertex) for the test hook with its
// values as label, and shows those values in a tooltip when the mouse is over the mark.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "charts.h"

namespace kefu::web::ui {

// One chart's area: an invisible button of `size` at the cursor (id "charts.plot"); marks are
// "charts.mark.N" in drawing order. The tooltip ("charts.tooltip") shows in end().
class ChartCanvas {
public:
    ChartCanvas(const std::string& title, ImVec2 size);
    ImDrawList* list() const { return m_list; }
    ImVec2 min() const { return m_min; }
    ImVec2 max() const { return m_max; }
    // A mark over the rectangle [a, b]; hovered when the mouse is inside (grown to at least 8 px).
    void mark(ImVec2 a, ImVec2 b, const std::string& tip);
    // Text in the chart (its glyphs noted for the atlas).
    void label(ImVec2 pos, ImU32 colour, const std::string& text, float alignX = 0);
    void end();

private:
    ImDrawList* m_list;
    ImVec2 m_min, m_max;
    bool m_hovered;
    int m_marks = 0;
    std::string m_tip;
};

// The series whose `show` flag is set, as lines over the months; the value axis on the left.
void drawTrend(ChartCanvas& c, const core::TrendChart& chart, const std::vector<bool>& show, core::Lang lang);
// Horizontal bars with labels on the left (ranking, group means).
struct BarRow {
    std::string label;
    double value = 0;
    std::string valueText, tip;
};
void drawBars(ChartCanvas& c, const std::vector<BarRow>& rows);
void drawRadar(ChartCanvas& c, const core::RadarChart& chart, core::Lang lang);
void drawHistogram(ChartCanvas& c, const core::Histogram& chart, core::Lang lang);

} // namespace kefu::web::ui
