// 薪资: the selected month's payroll sheet (base, guarantee top-up, bonuses, bounties,
// commission, awards, attendance, fines, total) with a totals row and the department fund.
#include "i18n.h"
#include "payroll.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

void drawPayPanel(const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    if (beginPanel("panel.pay", tr("pay.title"), pos, size)) {
        const core::Results* r = core::selectedResults(s);
        if (!r) {
            textWrapped("pay.empty", tr("results.no_data"));
        } else {
            drawMonthChoice("pay.month", s, out);
            const core::Payroll p = core::payroll(*r);
            const int cols = 3 + int(core::kMoneyKinds);
            const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                          ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
            if (ImGui::BeginTable("pay.table", cols, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) {
                ImGui::TableSetupScrollFreeze(1, 1);
                ImGui::TableSetupColumn(imguiLabel(tr("results.agent"), "pay.h.agent").c_str(), 0, 90);
                ImGui::TableSetupColumn(imguiLabel(tr("results.group"), "pay.h.group").c_str(), 0, 80);
                // Base pay first, fines last: the order of a pay slip.
                static const core::MoneyKind order[] = {core::MoneyKind::Base,       core::MoneyKind::GuaranteeTopup,
                                                        core::MoneyKind::Bonus,      core::MoneyKind::Bounty,
                                                        core::MoneyKind::Commission, core::MoneyKind::Award,
                                                        core::MoneyKind::Attendance, core::MoneyKind::Fine};
                for (core::MoneyKind k : order) {
                    const std::string key = std::string("money.") + core::moneyKindId(k);
                    ImGui::TableSetupColumn(imguiLabel(tr(key), ("pay.h." + key).c_str()).c_str(), 0, 80);
                }
                ImGui::TableSetupColumn(imguiLabel(tr("pay.total"), "pay.h.total").c_str(), 0, 90);
                ImGui::TableHeadersRow();
                auto drawRow = [&](const core::PayRow& row, const std::string& id, const std::string& name) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    text((id + ".agent").c_str(), name);
                    ImGui::TableNextColumn();
                    text((id + ".group").c_str(), row.group);
                    for (core::MoneyKind k : order) {
                        ImGui::TableNextColumn();
                        const int64_t fen = row.fen[size_t(k)];
                        text((id + "." + core::moneyKindId(k)).c_str(), fen ? core::formatYuan(fen) : "");
                    }
                    ImGui::TableNextColumn();
                    text((id + ".total").c_str(), core::formatYuan(row.totalFen));
                };
                for (size_t i = 0; i < p.rows.size(); ++i) drawRow(p.rows[i], "pay.r" + std::to_string(i), p.rows[i].agent);
                drawRow(p.totals, "pay.totals", tr("pay.totals"));
                ImGui::EndTable();
            }
            text("pay.fund", trf("results.fund", {core::formatYuan(p.fundFen)}));
        }
    }
    endPanel();
}

} // namespace kefu::web::ui
