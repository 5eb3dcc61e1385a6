// 薪资: the selected month's payroll sheet (base, guarantee top-up, bonuses, bounties, commission,
// awards, attendance, fines, total) with a totals row, a pay slip (工资条) to print per agent or for
// all; below it the department fund ledger (部门基金) over every month.
#include <algorithm>

#include "csv.h"
#include "fund.h"
#include "metric_input.h"
#include "metrics.h"
#include "i18n.h"
#include "payroll.h"
#include "payslip.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
// The sheet's column widths.
constexpr float kAgentWidth = 90, kGroupWidth = 80, kMoneyWidth = 80, kTotalWidth = 90, kSlipWidth = 70;
constexpr float kSheetWidth = kAgentWidth + kGroupWidth + kMoneyWidth * core::kMoneyKinds + kTotalWidth + kSlipWidth;
constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                        ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;

// The selected month's slips (one agent's, or everyone's when `agent` is empty), left for the app.
void requestPrint(PayPanel& p, const core::AppState& s, const core::Results& r, const std::string& agent) {
    const core::PeriodData& period = s.periods[size_t(s.selectedPeriod)];
    const std::string month = core::formatMonth(period.month);
    auto html = core::paySlipsHtml({.shopName = s.shopName,
                                    .month = month,
                                    .lang = s.language,
                                    .results = &r,
                                    .agents = &period.input.agents,
                                    .agent = agent});
    if (!html) return; // the agent is on the sheet, so in the results
    const std::string who = agent.empty() ? s.shopName : agent;
    p.print = PrintRequest{trf("pay.slip_title", {who, month}), std::move(*html)};
}

void drawSheetRow(const core::AppState& s, const core::PayRow& row, const std::string& id, const std::string& name) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((id + ".agent").c_str(), name);
    ImGui::TableNextColumn();
    text((id + ".group").c_str(), row.group);
    for (core::MoneyKind k : core::kPaySheetOrder) {
        ImGui::TableNextColumn();
        const int64_t fen = row.fen[size_t(k)];
        text((id + "." + core::moneyKindId(k)).c_str(), fen ? money(s, fen) : "");
    }
    ImGui::TableNextColumn();
    text((id + ".total").c_str(), money(s, row.totalFen));
}

void drawSheet(PayPanel& p, const core::AppState& s, const core::Results& r, float height) {
    const core::Payroll sheet = core::payroll(r);
    if (!ImGui::BeginTable("pay.table", 4 + int(core::kMoneyKinds), kTableFlags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(imguiLabel(tr("results.agent"), "pay.h.agent").c_str(), 0, kAgentWidth);
    ImGui::TableSetupColumn(imguiLabel(tr("results.group"), "pay.h.group").c_str(), 0, kGroupWidth);
    for (core::MoneyKind k : core::kPaySheetOrder) {
        const std::string key = std::string("money.") + core::moneyKindId(k);
        ImGui::TableSetupColumn(imguiLabel(tr(key), ("pay.h." + key).c_str()).c_str(), 0, kMoneyWidth);
    }
    ImGui::TableSetupColumn(imguiLabel(tr("pay.total"), "pay.h.total").c_str(), 0, kTotalWidth);
    ImGui::TableSetupColumn(imguiLabel(tr("pay.slip"), "pay.h.slip").c_str(), 0, kSlipWidth);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < sheet.rows.size(); ++i) {
        const std::string id = "pay.r" + std::to_string(i);
        drawSheetRow(s, sheet.rows[i], id, sheet.rows[i].agent);
        ImGui::TableNextColumn();
        if (smallButton((id + ".slip").c_str(), tr("pay.slip"))) requestPrint(p, s, r, sheet.rows[i].agent);
    }
    drawSheetRow(s, sheet.totals, "pay.totals", tr("pay.totals"));
    ImGui::EndTable();
    text("pay.fund", trf("results.fund", {money(s, sheet.fundFen)}));
}

void drawFundLine(PayPanel& p, const core::AppState& s, const core::FundLine& l, size_t i) {
    const std::string id = "fund.r" + std::to_string(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((id + ".date").c_str(), core::formatDate(l.date));
    ImGui::TableNextColumn();
    text((id + ".month").c_str(), core::formatMonth(l.month));
    ImGui::TableNextColumn();
    text((id + ".kind").c_str(), tr(l.kind == "fines" ? "fund.fines" : "fund.entry"));
    ImGui::TableNextColumn();
    text((id + ".who").c_str(), l.kind == "fines" ? l.agent : l.note);
    ImGui::TableNextColumn();
    text((id + ".amount").c_str(), money(s, l.amountFen));
    ImGui::TableNextColumn();
    if (l.balanceFen < 0) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
    text((id + ".balance").c_str(), money(s, l.balanceFen));
    if (l.balanceFen < 0) ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    if (!l.entryId.empty() && !s.readOnly && smallButton((id + ".remove").c_str(), tr("fund.remove"))) p.removingFund = l.entryId;
}

// Deleting an entry asks first (it can be undone as well).
void drawRemoveFund(PayPanel& p, const core::AppState& s, Actions& out) {
    if (p.removingFund.empty()) return;
    auto it = std::find_if(s.fund.begin(), s.fund.end(), [&](const core::FundEntry& e) { return e.id == p.removingFund; });
    if (it == s.fund.end()) return p.removingFund.clear();
    bool open = true;
    if (beginDialog("fund.remove_window", tr("fund.remove_title"), &open, 420)) {
        textWrapped("fund.remove_text", trf("fund.remove_text", {core::formatDate(it->date), money(s, it->amountFen), it->note}));
        if (button("fund.remove_confirm", tr("fund.remove"))) {
            out.push(core::RemoveFundEntry{p.removingFund});
            open = false;
        }
        ImGui::SameLine();
        if (button("fund.remove_cancel", tr("settings.cancel"))) open = false;
    }
    endDialog();
    if (!open) p.removingFund.clear();
}

// Money typed in yuan ("-300", "1,200.50", "¥80"): fen, or nullopt.
std::optional<int64_t> readYuan(const std::string& text) {
    static const core::MetricDef* yuan = core::Catalog::builtin().find("sales_amount"); // a money metric
    std::string t(core::trim(text));
    const bool negative = !t.empty() && t[0] == '-';
    if (negative) t.erase(0, 1);
    auto v = core::parseMetricValue(*yuan, t);
    if (v.problem || !v.value) return std::nullopt;
    const int64_t fen = int64_t(core::roundHalfAway(*v.value * 100));
    return negative ? -fen : fen;
}

// 记一笔: what the manager spends from the fund or puts in.
void drawFundForm(PayPanel& p, const core::AppState& s, Actions& out) {
    if (s.readOnly) return;
    if (p.fundDate.empty() && s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size()))
        p.fundDate = core::formatDate(core::lastDay(s.periods[size_t(s.selectedPeriod)].month));
    text("fund.add_label", tr("fund.add"));
    ImGui::SameLine();
    inputText("fund.date_field", "YYYY-MM-DD", p.fundDate, 110);
    ImGui::SameLine();
    inputText("fund.amount_field", tr("fund.amount_hint"), p.fundAmount, 110);
    ImGui::SameLine();
    bool enter = inputText("fund.note_field", tr("fund.note_hint"), p.fundNote, 220);
    ImGui::SameLine();
    if (button("fund.add", tr("fund.add_button")) || enter) {
        auto date = core::parseDate(core::trim(p.fundDate));
        auto fen = readYuan(p.fundAmount);
        if (!date) p.fundProblem = tr("fund.bad_date");
        else if (!fen || *fen == 0) p.fundProblem = tr("fund.bad_amount");
        else if (core::trim(p.fundNote).empty()) p.fundProblem = tr("fund.need_note");
        else {
            out.push(core::AddFundEntry{{"", *date, *fen, p.fundNote}});
            p.fundProblem.clear();
            clearField("fund.amount_field", p.fundAmount, false);
            clearField("fund.note_field", p.fundNote, false);
        }
    }
    if (!p.fundProblem.empty()) text("fund.problem", p.fundProblem);
}

// Every month's fines per agent and the manager's entries, by date, with the running balance.
void drawFund(PayPanel& p, const core::AppState& s, Actions& out) {
    std::vector<std::pair<core::Month, const core::Results*>> months;
    for (const auto& period : s.periods) months.emplace_back(period.month, &period.results);
    const std::vector<core::FundLine> lines = core::fundLedger(months, s.fund);
    ImGui::Separator();
    text("fund.title", tr("fund.title"));
    ImGui::SameLine();
    text("fund.balance", trf("fund.balance", {money(s, lines.empty() ? 0 : lines.back().balanceFen)}));
    drawFundForm(p, s, out);
    if (lines.empty()) {
        textWrapped("fund.empty", tr("fund.empty"));
        return;
    }
    const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 4);
    if (!ImGui::BeginTable("fund.table", 7, kTableFlags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const char* columns[][2] = {{"fund.date", "fund.h.date"},     {"fund.month", "fund.h.month"},
                                {"fund.what", "fund.h.what"},     {"fund.who", "fund.h.who"},
                                {"fund.amount", "fund.h.amount"}, {"fund.balance_col", "fund.h.balance"}};
    for (int i = 0; i < 6; ++i)
        ImGui::TableSetupColumn(imguiLabel(tr(columns[i][0]), columns[i][1]).c_str(), 0, i == 3 ? 220 : 90);
    ImGui::TableSetupColumn("##fund.actions", 0, 60);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < lines.size(); ++i) drawFundLine(p, s, lines[i], i);
    ImGui::EndTable();
    drawRemoveFund(p, s, out);
}

// The sheet as tall as its rows (header, agents, totals), leaving the fund ledger a few lines.
float sheetHeight(size_t agents) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeight() + 2 * style.CellPadding.y;
    const float wide =
        kSheetWidth + float(4 + core::kMoneyKinds) * (2 * style.CellPadding.x + 1); // with padding, borders
    const float scrollbar = ImGui::GetContentRegionAvail().x < wide ? style.ScrollbarSize : 0;
    const float rows = row * float(agents + 2) + scrollbar + 8;
    const float fund = ImGui::GetTextLineHeightWithSpacing() * 2 + row * 4;
    return std::max(row * 4, std::min(rows, ImGui::GetContentRegionAvail().y - fund));
}

} // namespace

void drawPayPanel(PayPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    if (beginPanel("panel.pay", tr("pay.title"), pos, size)) {
        const core::Results* r = core::selectedResults(s);
        if (!r) {
            textWrapped("pay.empty", tr("results.no_data"));
        } else {
            drawMonthChoice("pay.month", s, out);
            if (r->agents.empty()) textWrapped("pay.month_empty", tr("results.month_empty"));
            if (button("pay.print_all", tr("pay.print_all"))) requestPrint(p, s, *r, "");
            if (!p.printedTo.empty()) textWrapped("pay.printed", trf("pay.printed_to", {p.printedTo}));
            drawSheet(p, s, *r, sheetHeight(r->agents.size()));
        }
        drawFund(p, s, out);
    }
    endPanel();
}

} // namespace kefu::web::ui
