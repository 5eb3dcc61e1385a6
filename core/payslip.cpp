// Pay slips as HTML (payslip.h). The subtotals and the total come from the payroll sheet's row of
// the agent, so a slip says to the fen what the sheet says.
#include "payslip.h"

#include <algorithm>

#include "payroll.h"

namespace kefu::core {

namespace {
const Msg kTitle{"工资条", "Pay slip"};
const Msg kShop{"店铺", "Shop"};
const Msg kMonth{"月份", "Month"};
const Msg kAgent{"客服", "Agent"};
const Msg kGroup{"组别", "Group"};
const Msg kStatus{"状态", "Status"};
const Msg kLevel{"级别", "Level"};
const Msg kRegular{"转正", "Regular"};
const Msg kProbation{"试用", "Probation"};
const Msg kItem{"项目", "Item"};
const Msg kRule{"规则", "Rule"};
const Msg kAmount{"金额（元）", "Amount (yuan)"};
const Msg kWhy{"说明", "Explanation"};
const Msg kNoLines{"本月没有金额项目", "No money lines this month"};
const Msg kSubtotals{"小计", "Subtotals"};
const Msg kTotal{"实发合计", "Total pay"};
const Msg kSign{"本人签字：", "Signature: "};
const Msg kDate{"日期：", "Date: "};
// By MoneyKind, in its order.
const Msg kKinds[kMoneyKinds] = {
    {"奖金", "Bonus"},      {"悬赏金", "Bounty"}, {"提成", "Commission"},           {"奖励", "Award"},
    {"全勤", "Attendance"}, {"底薪", "Base pay"}, {"保底补足", "Guarantee top-up"}, {"罚款", "Fine"}};

const char* kStyle = R"(
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f3; color: #1d2129;
  font: 13px/1.5 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
  "Source Han Sans SC", SimSun, sans-serif; }
.slip { max-width: 190mm; margin: 16px auto; padding: 12mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15);
  page-break-after: always; break-after: page; page-break-inside: avoid; }
.slip:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 18px; margin: 0 0 8px; text-align: center; }
h2 { font-size: 14px; margin: 12px 0 4px; }
table { width: 100%; border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #c9cdd4; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f2f3f5; font-weight: 600; white-space: nowrap; }
.yuan { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.why { font-size: 11px; color: #4e5969; word-break: break-all; }
.neg { color: #c0392b; }
tr.total th, tr.total td { font-size: 15px; font-weight: 700; border-top: 2px solid #1d2129; }
.sign { margin: 20px 0 0; }
.blank { display: inline-block; width: 45mm; border-bottom: 1px solid #1d2129; margin: 0 16px 0 4px; }
@page { margin: 10mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .slip { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

std::string levelOf(const AgentResult& a, const std::vector<Agent>* agents) {
    if (!agents) return {};
    for (const auto& g : *agents)
        if (a.id.empty() ? g.name == a.agent : g.id == a.id) return g.level;
    return {};
}

void writeWho(HtmlWriter& w, const PaySlipRequest& q, const std::string& month, const AgentResult& a) {
    w.out += "<table class=\"who\"><tr>" + w.th(w.t(kShop)) + w.td(q.shopName) + w.th(w.t(kMonth)) + w.td(month);
    w.out += "</tr><tr>" + w.th(w.t(kAgent)) + w.td(a.agent) + w.th(w.t(kGroup)) + w.td(a.group) + "</tr><tr>";
    const std::string level = levelOf(a, q.agents);
    const char* status = w.t(a.status == Status::Regular ? kRegular : kProbation);
    if (level.empty())
        w.out += w.th(w.t(kStatus)) + "<td colspan=\"3\">" + status + "</td>";
    else
        w.out += w.th(w.t(kStatus)) + "<td>" + status + "</td>" + w.th(w.t(kLevel)) + w.td(level);
    w.out += "</tr></table>";
}

void writeLines(HtmlWriter& w, const AgentResult& a) {
    w.out += "<table class=\"lines\"><thead><tr>" + w.th(w.t(kItem)) + w.th(w.t(kRule));
    w.out += "<th class=\"yuan\">" + std::string(w.t(kAmount)) + "</th>" + w.th(w.t(kWhy)) + "</tr></thead><tbody>";
    for (const auto& m : a.money) {
        w.out +=
            "<tr><td>" + std::string(w.t(kKinds[size_t(m.kind)])) + "</td>" + w.td(m.rule.str()) + w.yuan(m.amountFen);
        w.out += "<td class=\"why\">" + escapeHtml(m.why.format(w.lang)) + "</td></tr>";
    }
    if (a.money.empty()) w.out += "<tr><td colspan=\"4\">" + std::string(w.t(kNoLines)) + "</td></tr>";
    w.out += "</tbody></table>";
}

// Two kinds per row (fits an A5 page), then the total.
void writeSums(HtmlWriter& w, const PayRow& row) {
    w.out += "<h2>" + std::string(w.t(kSubtotals)) + "</h2><table class=\"sums\">";
    for (size_t i = 0; i < kPaySheetOrder.size(); ++i) {
        const MoneyKind k = kPaySheetOrder[i];
        w.out +=
            (i % 2 ? "" : "<tr>") + w.th(w.t(kKinds[size_t(k)])) + w.yuan(row.fen[size_t(k)]) + (i % 2 ? "</tr>" : "");
    }
    w.out += "<tr class=\"total\"><th colspan=\"3\">" + std::string(w.t(kTotal)) + "</th>" + w.yuan(row.totalFen);
    w.out += "</tr></table>";
}

} // namespace

const char* paySlipCss() { return kStyle; }

std::string paySlipHtml(const PaySlipRequest& q, const std::string& month, const AgentResult& a, const PayRow& row) {
    HtmlWriter w{q.lang, {}};
    w.out += "<section class=\"slip\" data-agent=\"" + escapeHtml(a.agent) + "\" data-total-fen=\"";
    w.out += std::to_string(row.totalFen) + "\"><h1>" + escapeHtml(q.shopName) + (q.shopName.empty() ? "" : " · ");
    w.out += std::string(w.t(kTitle)) + " · " + escapeHtml(month) + "</h1>";
    writeWho(w, q, month, a);
    writeLines(w, a);
    writeSums(w, row);
    const std::string blank = "<span class=\"blank\"></span>";
    w.out += "<p class=\"sign\">" + std::string(w.t(kSign)) + blank + w.t(kDate) + blank + "</p></section>\n";
    return std::move(w.out);
}

Expected<std::string> paySlipsHtml(const PaySlipRequest& q) {
    if (!q.results) return Error{"no results to print", "没有可打印的考核结果"};
    const Results& r = *q.results;
    const auto matches = [&](const AgentResult& a) {
        return q.agent.empty() || a.agent == q.agent || (!a.id.empty() && a.id == q.agent);
    };
    if (!q.agent.empty() && std::none_of(r.agents.begin(), r.agents.end(), matches))
        return Error{"no agent '" + q.agent + "' in the results of " + r.period,
                     "结果中没有客服“" + q.agent + "”（" + r.period + "）"};
    const std::string month = q.month.empty() ? r.period : q.month;
    const Payroll sheet = payroll(r);
    HtmlWriter w{q.lang, {}};
    w.out = htmlDocumentStart(q.lang, std::string(w.t(kTitle)) + " " + q.shopName + " " + month, kStyle);
    for (size_t i = 0; i < r.agents.size(); ++i)
        if (matches(r.agents[i])) w.out += paySlipHtml(q, month, r.agents[i], sheet.rows[i]);
    w.out += "</body></html>\n";
    return std::move(w.out);
}

} // namespace kefu::core
