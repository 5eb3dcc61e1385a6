// The coaching card as HTML (coaching.h): a section for the monthly report and a one-page
// document to print. Labels are trusted text; names and values go through escapeHtml.
#include <cmath>

#include "coaching.h"
#include "html.h"

namespace kefu::core {

namespace {
const Msg kTitle{"辅导卡", "Coaching card"};
const Msg kSummary{"本月概况", "This month"};
const Msg kScore{"得分", "Score"};
const Msg kRank{"组内名次", "Rank in group"};
const Msg kPay{"实发（元）", "Pay (yuan)"};
const Msg kThis{"本月", "This month"};
const Msg kLast{"上月", "Last month"};
const Msg kChange{"变化", "Change"};
const Msg kStrengths{"优势", "Strengths"};
const Msg kWeaknesses{"待改进", "To improve"};
const Msg kNone{"无", "None"};
const Msg kAdvice{"建议", "Advice"};
const Msg kMetrics{"各项指标", "Metrics"};
const Msg kMetric{"指标", "Metric"};
const Msg kValue{"数值", "Value"};
const Msg kGroup{"组内水平", "Group"};
const Msg kBench{"基准", "Benchmark"};
const Msg kVsGroup{"比组内水平{0} {1}", "{1} {0} the group"};
const Msg kBetter{"好", "better than"};
const Msg kWorse{"差", "worse than"};
const Msg kGaps{"距离目标", "Gaps to targets"};

const char* kCss = R"(
.coaching { max-width: 190mm; margin: 16px auto; padding: 10mm 12mm; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.15); page-break-after: always; break-after: page; }
.coaching h1 { font-size: 19px; margin: 0 0 4px; }
.coaching h2 { font-size: 14px; margin: 12px 0 4px; border-bottom: 2px solid #1d2129; }
.coaching .meta { color: #4e5969; margin: 0 0 6px; }
.coaching table { border-collapse: collapse; width: 100%; font-size: 12px; }
.coaching th, .coaching td { border: 1px solid #c9cdd4; padding: 2px 6px; text-align: left; }
.coaching td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.coaching ul { margin: 2px 0 4px 18px; padding: 0; font-size: 12px; }
.coaching li.good { color: #1f7a4d; }
.coaching li.weak { color: #b42318; }
.coaching p.advice { margin: 2px 0 2px 18px; font-size: 12px; }
@media print { .coaching { margin: 0; box-shadow: none; max-width: none; } }
)";

std::string num(double v) { return formatValue(round6(v)); }

// Shown with at most two decimals (percentages of fractions too); the JSON keeps six.
std::string two(double v) { return formatValue(roundHalfAway(v * 100) / 100); }
std::string shown(Unit unit, double v) { return unit == Unit::Fraction ? two(v * 100) + "%" : two(v); }
std::string shown(Unit unit, const std::optional<double>& v) { return v ? shown(unit, *v) : "-"; }

// Fractions change by percentage points.
std::string change(Unit unit, double now, const std::optional<double>& before, Lang lang) {
    if (!before) return "-";
    const double d = round6(now - *before);
    const std::string sign = d > 0 ? "+" : "";
    if (unit != Unit::Fraction) return sign + two(d);
    return sign + two(d * 100) + (lang == Lang::Zh ? " 个百分点" : " points");
}

std::string numCell(const std::string& s) { return "<td class=\"num\">" + escapeHtml(s) + "</td>"; }

void writeSummary(HtmlWriter& w, const CoachingCard& c) {
    const auto optNum = [](const std::optional<double>& v) { return v ? num(*v) : std::string("-"); };
    const auto optRank = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); };
    w.out += "<h2>" + std::string(w.t(kSummary)) + "</h2><table><tr><th></th>" + w.th(w.t(kThis)) + w.th(w.t(kLast)) +
             w.th(w.t(kChange)) + "</tr>";
    w.out += "<tr>" + w.th(w.t(kScore)) + numCell(optNum(c.score)) + numCell(optNum(c.previousScore)) +
             numCell(c.score ? change(Unit::Points, *c.score, c.previousScore, w.lang) : "-") + "</tr>";
    const std::string rankChange =
        c.rank && c.previousRank ? (*c.previousRank - *c.rank > 0 ? "+" : "") + std::to_string(*c.previousRank - *c.rank) : "-";
    w.out += "<tr>" + w.th(w.t(kRank)) + numCell(optRank(c.rank)) + numCell(optRank(c.previousRank)) + numCell(rankChange) + "</tr>";
    const std::optional<double> lastPay =
        c.previousTotalFen ? std::optional<double>(double(*c.previousTotalFen) / 100) : std::nullopt;
    w.out += "<tr>" + w.th(w.t(kPay)) + numCell(formatYuan(c.totalFen)) +
             numCell(c.previousTotalFen ? formatYuan(*c.previousTotalFen) : "-") +
             numCell(change(Unit::Yuan, double(c.totalFen) / 100, lastPay, w.lang)) + "</tr></table>";
}

std::string standingText(const CoachingMetric& m, Lang lang) {
    if (!m.standing) return "";
    const Msg& side = *m.standing >= 0 ? kBetter : kWorse;
    const std::string pct = two(std::fabs(*m.standing) * 100) + "%";
    return textIn(fillMsg(kVsGroup, {lang == Lang::Zh ? side.zh : side.en, pct}), lang);
}

void writePicks(HtmlWriter& w, const CoachingCard& c) {
    const auto list = [&](const Msg& title, const std::vector<size_t>& idx, const char* cls) {
        w.out += "<h2>" + std::string(w.t(title)) + "</h2>";
        if (idx.empty()) return void(w.out += "<p>" + std::string(w.t(kNone)) + "</p>");
        w.out += "<ul>";
        for (size_t i : idx) {
            const CoachingMetric& m = c.metrics[i];
            std::string line = textIn(m.label, w.lang) + " " + shown(m.unit, m.value);
            const std::string vs = standingText(m, w.lang);
            if (!vs.empty()) line += (w.lang == Lang::Zh ? "，" : ", ") + vs;
            if (m.benchmark) line += (w.lang == Lang::Zh ? "；" : "; ") + textIn(m.benchmarkOf, w.lang);
            w.out += std::string("<li class=\"") + cls + "\">" + escapeHtml(line) + "</li>";
        }
        w.out += "</ul>";
    };
    list(kStrengths, c.strengths, "good");
    list(kWeaknesses, c.weaknesses, "weak");
    if (c.advice.empty()) return;
    w.out += "<h2>" + std::string(w.t(kAdvice)) + "</h2>";
    for (const auto& a : c.advice) w.out += "<p class=\"advice\">• " + escapeHtml(textIn(a.text, w.lang)) + "</p>";
}

void writeMetrics(HtmlWriter& w, const CoachingCard& c) {
    if (c.metrics.empty()) return;
    w.out += "<h2>" + std::string(w.t(kMetrics)) + "</h2><table><tr>" + w.th(w.t(kMetric)) + w.th(w.t(kValue)) +
             w.th(w.t(kGroup)) + w.th(w.t(kBench)) + w.th(w.t(kLast)) + w.th(w.t(kChange)) + "</tr>";
    for (const auto& m : c.metrics)
        w.out += "<tr>" + w.td(textIn(m.label, w.lang)) + numCell(shown(m.unit, m.value)) + numCell(shown(m.unit, m.group)) +
                 numCell(shown(m.unit, m.benchmark)) + numCell(shown(m.unit, m.previous)) +
                 numCell(change(m.unit, m.value, m.previous, w.lang)) + "</tr>";
    w.out += "</table>";
}
} // namespace

const char* coachingCss() { return kCss; }

std::string coachingSectionHtml(const CoachingCard& c, Lang lang) {
    HtmlWriter w{lang, {}};
    w.out += "<section class=\"coaching\"><h1>" + std::string(w.t(kTitle)) + " · " + escapeHtml(c.agent) + "</h1>";
    w.out += "<p class=\"meta\">" + escapeHtml(c.group) + " · " + escapeHtml(c.period) +
             (c.previousPeriod.empty() ? "" : " (" + std::string(w.t(kLast)) + " " + escapeHtml(c.previousPeriod) + ")") + "</p>";
    writeSummary(w, c);
    writePicks(w, c);
    writeMetrics(w, c);
    if (!c.gaps.empty()) {
        w.out += "<h2>" + std::string(w.t(kGaps)) + "</h2><ul>";
        for (const auto& g : c.gaps) w.out += "<li>" + escapeHtml(lang == Lang::Zh ? g.textZh : g.textEn) + "</li>";
        w.out += "</ul>";
    }
    w.out += "</section>\n";
    return std::move(w.out);
}

std::string coachingCardHtml(const CoachingCard& c, const std::string& shopName, Lang lang) {
    const std::string title = std::string(lang == Lang::Zh ? kTitle.zh : kTitle.en) + " " + shopName + " " + c.agent + " " + c.period;
    std::string out = htmlDocumentStart(lang, title, std::string("@page { size: A4; margin: 12mm; }") + kCss);
    out += coachingSectionHtml(c, lang);
    out += "</body></html>\n";
    return out;
}

} // namespace kefu::core
