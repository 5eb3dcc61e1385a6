// The monthly report (report.h). Money comes from the payroll sheet, like the slips, so the
// report, the sheet and the slips agree to the fen; the slips are the pay slips' own (payslip.h).
#include "report.h"

#include <algorithm>

#include "charts_svg.h"
#include "flag_text.h"
#include "html.h"
#include "payroll.h"
#include "payslip.h"
#include "report_chart.h"

namespace kefu::core {

namespace {
const Msg kTitle{"月度考核报告", "Monthly assessment report"};
const Msg kScheme{"考核方案", "Scheme"};
const Msg kSummary{"团队概况", "Team summary"};
const Msg kAgents{"客服", "Agents"};
const Msg kAgentsSplit{"{0} 人（转正 {1}，试用 {2}）", "{0} ({1} regular, {2} on probation)"};
const Msg kGroups{"组别", "Groups"};
const Msg kTotalPay{"实发合计（元）", "Total pay (yuan)"};
const Msg kFund{"部门基金（元）", "Department fund (yuan)"};
const Msg kWarnings{"预警", "Warnings"};
const Msg kToDos{"待处理", "To do"};
const Msg kAllFlags{"标记合计", "All flags"};
const Msg kDataWarnings{"数据提示", "Data warnings"};
const Msg kRankings{"各组排名", "Ranking by group"};
const Msg kRank{"名次", "Rank"};
const Msg kAgent{"客服", "Agent"};
const Msg kGroup{"组别", "Group"};
const Msg kScore{"得分", "Score"};
const Msg kPay{"实发（元）", "Pay (yuan)"};
const Msg kUnscored{"-：不在主评分规则的范围内，没有得分和名次。",
                    "-: outside the primary rule's scope, no score or rank."};
const Msg kFlagsTitle{"预警与标记", "Warnings and flags"};
const Msg kFlag{"标记", "Flag"};
const Msg kDetails{"说明", "Details"};
const Msg kNoFlags{"本月没有标记。", "No flags this month."};
const Msg kStage{"试用阶段：{0}", "Probation stage: {0}"};
const Msg kCharts{"图表", "Charts"};
const Msg kScoreChart{"{0}：得分排名", "{0}: scores by rank"};
const Msg kMoneyChart{"每位客服的实发（元）", "Each agent's pay (yuan)"};

const char* kReportStyle = R"(
@page { size: A4; margin: 12mm; }
.report { max-width: 190mm; margin: 16px auto; padding: 12mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15);
  page-break-after: always; break-after: page; }
.report h1 { font-size: 20px; }
.report h2 { font-size: 15px; margin: 18px 0 6px; padding-bottom: 2px; border-bottom: 2px solid #1d2129;
  page-break-after: avoid; break-after: avoid; }
.report h3 { font-size: 13px; margin: 10px 0 2px; page-break-after: avoid; break-after: avoid; }
.meta { text-align: center; color: #4e5969; margin: 0 0 8px; }
.report tr, .report li { page-break-inside: avoid; break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.ranking th, table.ranking td { width: 25%; }
table.flags td { white-space: nowrap; }
table.flags td.why { white-space: normal; width: 100%; word-break: normal; overflow-wrap: anywhere; }
tr.warn td.flag { color: #c0392b; font-weight: 600; }
tr.todo td.flag { color: #b45f06; font-weight: 600; }
svg.chart { display: block; width: 100%; height: auto; margin: 2px 0 10px; page-break-inside: avoid;
  break-inside: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
svg.chart text { fill: #1d2129; font-family: inherit; }
svg.chart .label { font-size: 12px; }
svg.chart .value { font-size: 11px; font-weight: 600; }
svg.chart .tick, svg.chart .axis-title { font-size: 10px; fill: #4e5969; }
svg.chart .grid { stroke: #e5e6eb; stroke-width: 1; }
svg.chart .axis { stroke: #4e5969; stroke-width: 1; }
@media print {
  .report { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  tr.warn td.flag, tr.todo td.flag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

// What every section reads: the request, the month, the payroll sheet, the groups in
// first-appearance order and each group's agents by rank (unranked last, then input order).
struct Report {
    const Results& r;
    std::string month;
    Payroll sheet;
    std::vector<std::string> groups;
    std::vector<std::vector<size_t>> members; // by groups' index: agent indices
};

Report prepare(const ReportRequest& q) {
    Report p{*q.results, q.month.empty() ? q.results->period : q.month, payroll(*q.results), {}, {}};
    for (size_t i = 0; i < p.r.agents.size(); ++i) {
        const std::string& g = p.r.agents[i].group;
        const size_t at = size_t(std::find(p.groups.begin(), p.groups.end(), g) - p.groups.begin());
        if (at == p.groups.size()) p.groups.push_back(g), p.members.emplace_back();
        p.members[at].push_back(i);
    }
    for (auto& m : p.members)
        std::stable_sort(m.begin(), m.end(), [&](size_t a, size_t b) {
            return p.r.agents[a].rank.value_or(1 << 30) < p.r.agents[b].rank.value_or(1 << 30);
        });
    return p;
}

std::string fill(const Msg& m, Lang lang, const std::vector<std::string>& args) {
    return textIn(fillMsg(m, args), lang);
}

size_t countFlags(const Results& r, FlagSeverity s) {
    size_t n = 0;
    for (const auto& a : r.agents)
        n += size_t(
            std::count_if(a.flags.begin(), a.flags.end(), [&](const std::string& f) { return flagSeverity(f) == s; }));
    return n;
}

void writeSummary(HtmlWriter& w, const Report& p) {
    const auto regular = std::count_if(p.r.agents.begin(), p.r.agents.end(),
                                       [](const AgentResult& a) { return a.status == Status::Regular; });
    size_t flags = 0;
    for (const auto& a : p.r.agents) flags += a.flags.size();
    for (const auto& g : p.r.groups) flags += g.flags.size();
    const std::string agents = fill(kAgentsSplit, w.lang,
                                    {std::to_string(p.r.agents.size()), std::to_string(regular),
                                     std::to_string(p.r.agents.size() - size_t(regular))});
    const auto cell = [](size_t n) { return "<td class=\"num\">" + std::to_string(n) + "</td>"; };
    w.out += "<h2>" + std::string(w.t(kSummary)) + "</h2><table class=\"summary\"><tr>" + w.th(w.t(kAgents)) +
             w.td(agents) + w.th(w.t(kGroups)) + cell(p.groups.size()) + "</tr><tr>";
    w.out += w.th(w.t(kTotalPay)) + w.yuan(p.sheet.totals.totalFen) + w.th(w.t(kFund)) + w.yuan(p.r.fundTotalFen);
    w.out += "</tr><tr>" + w.th(w.t(kWarnings)) + cell(countFlags(p.r, FlagSeverity::Warning)) + w.th(w.t(kToDos)) +
             cell(countFlags(p.r, FlagSeverity::ToDo)) + "</tr><tr>" + w.th(w.t(kAllFlags)) + cell(flags) +
             w.th(w.t(kDataWarnings)) + cell(p.r.warnings.size()) + "</tr></table>";
}

std::string optionalNumber(const std::optional<double>& v) { return v ? formatValue(*v) : "-"; }

void writeRankings(HtmlWriter& w, const Report& p) {
    w.out += "<h2>" + std::string(w.t(kRankings)) + "</h2>";
    for (size_t g = 0; g < p.groups.size(); ++g) {
        w.out += "<h3>" + escapeHtml(p.groups[g]) + "</h3><table class=\"ranking\"><thead><tr><th class=\"num\">" +
                 w.t(kRank) + "</th>" + w.th(w.t(kAgent)) + "<th class=\"num\">" + w.t(kScore) +
                 "</th><th class=\"yuan\">" + w.t(kPay) + "</th></tr></thead><tbody>";
        for (size_t i : p.members[g]) {
            const AgentResult& a = p.r.agents[i];
            const std::string rank = a.rank ? std::to_string(*a.rank) : "-";
            w.out += "<tr><td class=\"num\">" + rank + "</td>" + w.td(a.agent) + "<td class=\"num\">" +
                     optionalNumber(a.score) + "</td>" + w.yuan(p.sheet.rows[i].totalFen) + "</tr>";
        }
        w.out += "</tbody></table>";
        const auto unscored = [&](size_t i) { return !p.r.agents[i].score; };
        if (std::any_of(p.members[g].begin(), p.members[g].end(), unscored))
            w.out += "<p class=\"why\">" + std::string(w.t(kUnscored)) + "</p>";
    }
}

// The lines that explain the k-th dsr_warning flag: the warning and its advice. dsr_dimensions
// writes them together, without points, in the order it raises the flags; its rules are those
// with a score "<rule>.<dimension>". (With two DSR rules warning on one dimension the flag is
// raised once: the first rule's lines are shown.)
std::vector<std::string> dsrLines(const AgentResult& a, const std::string& dimension, size_t k, Lang lang) {
    const auto isDsr = [&](const std::string& rule) {
        return std::any_of(a.scores.begin(), a.scores.end(),
                           [&](const auto& s) { return s.first == rule + "." + dimension; });
    };
    std::vector<std::string> out;
    size_t block = 0;
    bool inBlock = false;
    for (const auto& b : a.breakdown) {
        if (b.points || !isDsr(b.rule))
            inBlock = false;
        else if (b.metric.empty())
            inBlock = block++ == k;
        if (inBlock) out.push_back(b.why.format(lang));
    }
    return out;
}

// The verdicts of probation_stages, which a reader weighs against the stage reached.
bool isStageVerdict(const std::string& flag) {
    for (const char* f :
         {"stage_fail", "may_advance", "consider_dismissal", "attitude_review_needed", "eligible_for_regularization"})
        if (flag == f) return true;
    return false;
}

std::string flagDetails(const AgentResult& a, const std::string& flag, size_t dsrIndex, Lang lang) {
    std::vector<std::string> lines;
    if (flag.rfind("dsr_warning:", 0) == 0)
        lines = dsrLines(a, flag.substr(12), dsrIndex, lang);
    else if (a.stage && isStageVerdict(flag))
        lines.push_back(fill(kStage, lang, {*a.stage}));
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "<br>") + escapeHtml(l);
    return out;
}

const char* severityClass(FlagSeverity s) {
    return s == FlagSeverity::Warning ? "warn" : s == FlagSeverity::ToDo ? "todo" : "info";
}

std::string flagRow(FlagSeverity s, const std::string& agent, const std::string& group, const std::string& label,
                    const std::string& detailsHtml) {
    return std::string("<tr class=\"") + severityClass(s) + "\">" + HtmlWriter::td(agent) + HtmlWriter::td(group) +
           "<td class=\"flag\">" + escapeHtml(label) + "</td><td class=\"why\">" + detailsHtml + "</td></tr>";
}

std::string listSeparator(Lang lang) { return lang == Lang::Zh ? "、" : ", "; }

// An agent's rows, by severity: one per flag, but the missing:<metric> flags (often a dozen when
// a month's data is partial) in one row that lists the metrics.
void addAgentFlagRows(const AgentResult& a, Lang lang, std::string (&rows)[3]) {
    std::string missing;
    size_t dsr = 0; // dsr_warning flags so far: the k-th has the k-th block of lines
    for (const auto& f : a.flags) {
        const FlagSeverity s = flagSeverity(f);
        if (f.rfind("missing:", 0) == 0)
            missing += (missing.empty() ? "" : listSeparator(lang)) + escapeHtml(flagArgLabel(f, lang));
        else
            rows[size_t(s)] += flagRow(s, a.agent, a.group, flagLabel(f, lang), flagDetails(a, f, dsr, lang));
        if (f.rfind("dsr_warning:", 0) == 0) ++dsr;
    }
    if (!missing.empty())
        rows[size_t(flagSeverity("missing"))] +=
            flagRow(flagSeverity("missing"), a.agent, a.group, flagLabel("missing", lang), missing);
}

// A group's flags in one row with the group's explanations (they are not kept per flag).
void addGroupFlagRow(const GroupResult& g, Lang lang, std::string (&rows)[3]) {
    if (g.flags.empty()) return;
    std::string labels, why;
    FlagSeverity s = FlagSeverity::Info;
    for (const auto& f : g.flags) {
        labels += (labels.empty() ? "" : listSeparator(lang)) + flagLabel(f, lang);
        s = std::min(s, flagSeverity(f));
    }
    for (const auto& y : g.why) why += (why.empty() ? "" : "<br>") + escapeHtml(y.format(lang));
    rows[size_t(s)] += flagRow(s, "-", g.group, labels, why);
}

// The flags, the most urgent first, agents before groups; then the evaluation's data warnings.
void writeFlags(HtmlWriter& w, const Report& p) {
    w.out += "<h2>" + std::string(w.t(kFlagsTitle)) + "</h2>";
    std::string rows[3]; // by FlagSeverity
    for (const auto& group : p.members)
        for (size_t i : group) addAgentFlagRows(p.r.agents[i], w.lang, rows);
    for (const auto& g : p.r.groups) addGroupFlagRow(g, w.lang, rows);
    const std::string all = rows[0] + rows[1] + rows[2];
    if (all.empty())
        w.out += "<p>" + std::string(w.t(kNoFlags)) + "</p>";
    else
        w.out += "<table class=\"flags\"><thead><tr>" + w.th(w.t(kAgent)) + w.th(w.t(kGroup)) + w.th(w.t(kFlag)) +
                 w.th(w.t(kDetails)) + "</tr></thead><tbody>" + all + "</tbody></table>";
    if (p.r.warnings.empty()) return;
    w.out += "<h3>" + std::string(w.t(kDataWarnings)) + "</h3><ul class=\"why\">";
    for (const auto& d : p.r.warnings) w.out += "<li>" + escapeHtml(d.format(w.lang)) + "</li>";
    w.out += "</ul>";
}

// Per group the scores of its ranked agents, best first; then everyone's pay.
void writeCharts(HtmlWriter& w, const Report& p) {
    w.out += "<h2>" + std::string(w.t(kCharts)) + "</h2>";
    BarChart money{.id = "money", .axisTitle = w.t(kPay), .colour = "#2e9d68", .bars = {}};
    const RankingChart ranking = rankingChart(p.r, p.groups); // as the 图表 window ranks
    for (size_t g = 0; g < p.groups.size(); ++g) {
        BarChart scores{.id = "scores:" + p.groups[g], .axisTitle = w.t(kScore), .colour = "#3f7fd0", .bars = {}};
        for (size_t i : p.members[g]) {
            const AgentResult& a = p.r.agents[i];
            const int64_t fen = p.sheet.rows[i].totalFen;
            money.bars.push_back({a.agent, double(fen) / 100, formatYuan(fen)});
        }
        for (const RankBar& b : ranking.bars)
            if (b.group == p.groups[g]) scores.bars.push_back({b.agent, b.score, formatValue(b.score)});
        if (scores.bars.empty()) continue;
        w.out += "<h3>" + escapeHtml(fill(kScoreChart, w.lang, {p.groups[g]})) + "</h3>" + barChartSvg(scores);
    }
    if (!money.bars.empty()) w.out += "<h3>" + std::string(w.t(kMoneyChart)) + "</h3>" + barChartSvg(money);
}
} // namespace

Expected<std::string> monthlyReportHtml(const ReportRequest& q) {
    if (!q.results) return Error{"no results to report", "没有可生成报告的考核结果"};
    const Report p = prepare(q);
    HtmlWriter w{q.lang, {}};
    const std::string title = std::string(w.t(kTitle)) + " " + q.shopName + " " + p.month;
    w.out = htmlDocumentStart(q.lang, title, std::string(paySlipCss()) + kReportStyle + (q.coaching ? coachingCss() : "") +
                                                  (q.charts ? analysisChartsCss() : ""));
    w.out += "<section class=\"report\"><h1>" + escapeHtml(q.shopName) + (q.shopName.empty() ? "" : " · ") +
             w.t(kTitle) + " · " + escapeHtml(p.month) + "</h1><p class=\"meta\">" + w.t(kScheme) +
             (q.lang == Lang::Zh ? "：" : ": ") + escapeHtml(q.schemeName.empty() ? p.r.scheme : q.schemeName) + "</p>";
    writeSummary(w, p);
    writeRankings(w, p);
    writeFlags(w, p);
    writeCharts(w, p);
    if (q.charts) w.out += analysisChartsHtml(*q.charts, q.lang);
    w.out += "</section>\n";
    if (q.coaching)
        for (const auto& card : *q.coaching) w.out += coachingSectionHtml(card, q.lang);
    PaySlipRequest slips;
    slips.shopName = q.shopName, slips.lang = q.lang, slips.agents = q.agents;
    for (size_t g = 0; g < p.groups.size(); ++g)
        for (size_t i : p.members[g]) w.out += paySlipHtml(slips, p.month, p.r.agents[i], p.sheet.rows[i]);
    w.out += "</body></html>\n";
    return std::move(w.out);
}

} // namespace kefu::core
