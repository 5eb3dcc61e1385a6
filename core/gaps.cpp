// Gap cards: see gaps.h.
#include "gaps.h"

#include <cmath>

namespace kefu::core {

namespace {

std::string num(double v) { return formatNumber(round6(v)); }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// "paid_customers / inquiries" → the two ids when both are catalog metrics; numerator a count,
// denominator a count or days.
bool countFormula(const Catalog& catalog, const MetricDef& def, std::string& numer, std::string& denom) {
    const std::string& f = def.formula;
    size_t slash = f.find('/');
    if (slash == std::string::npos || f.find('/', slash + 1) != std::string::npos) return false;
    auto trim = [](std::string s) {
        size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
        return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
    };
    numer = trim(f.substr(0, slash));
    denom = trim(f.substr(slash + 1));
    const MetricDef* n = catalog.find(numer);
    const MetricDef* d = catalog.find(denom);
    return n && d && n->unit == Unit::Count && (d->unit == Unit::Count || d->unit == Unit::Days);
}

struct Builder {
    const PeriodInput& input;
    const Catalog& catalog;
    size_t row;
    GapReport& report;

    std::optional<double> value(size_t r, const std::string& metric) const {
        auto v = input.metrics.get(r, metric);
        if (!v) return std::nullopt;
        return round6(*v);
    }

    // Adds a gap when `current` has not reached `target` in the better direction.
    void add(const std::string& rule, const std::string& what, const std::string& whatZh, const std::string& whatEn,
             const std::string& metric, double target, bool lowerBetter) {
        auto cur = value(row, metric);
        if (!cur) return;
        const double current = *cur;
        target = round6(target);
        if (lowerBetter ? current <= target : current >= target) return;
        const MetricDef* def = catalog.find(metric);
        Gap g;
        g.rule = rule;
        g.target = what;
        g.metric = metric;
        g.current = current;
        g.target_value = target;
        g.lowerBetter = lowerBetter;
        const bool fraction = def && def->unit == Unit::Fraction;
        g.difference = round6(fraction ? (target - current) * 100 : target - current);
        g.unit = fraction ? "percentage_points" : (def ? unitId(def->unit) : "count");
        std::string labelZh = def ? def->zh : metric, labelEn = def ? def->en : metric;
        std::string unitZh = fraction ? " 个百分点" : "", unitEn = fraction ? " points" : "";
        std::string valZh, valEn; // unit after plain values
        if (def && def->unit == Unit::Seconds) unitZh = valZh = " 秒", unitEn = valEn = " s";
        if (def && def->unit == Unit::Yuan) unitZh = valZh = " 元", unitEn = valEn = " yuan";
        std::string sign = g.difference > 0 ? "+" : "";
        g.textZh = labelZh + " " + sign + num(g.difference) + unitZh + "（当前 " + num(fraction ? current * 100 : current) +
                   (fraction ? "%" : valZh) + "，目标 " + num(fraction ? target * 100 : target) + (fraction ? "%" : valZh) +
                   "，" + whatZh + "）";
        g.textEn = labelEn + " " + sign + num(g.difference) + unitEn + " (now " +
                   num(fraction ? current * 100 : current) + (fraction ? "%" : valEn) + ", target " +
                   num(fraction ? target * 100 : target) + (fraction ? "%" : valEn) + ", " + whatEn + ")";
        std::string numer, denom;
        if (def && countFormula(catalog, *def, numer, denom)) {
            auto n = value(row, numer);
            auto d = value(row, denom);
            if (n && d && *d > 0) {
                // Units of the numerator at the current denominator: target * denom - numer, rounded
                // to 6 decimals first so that 0.471 * 400 - 180 = 8.4 is not 8.400000000001.
                const double need = round6(target * *d - *n);
                const int64_t count = int64_t(lowerBetter ? -std::ceil(-need) : std::ceil(need));
                if (count != 0) {
                    g.extraCount = count;
                    g.countMetric = numer;
                    const MetricDef* nd = catalog.find(numer);
                    const MetricDef* dd = catalog.find(denom);
                    const std::string c = std::to_string(count > 0 ? count : -count);
                    g.textZh += "：在当前 " + num(*d) + " " + (dd ? dd->zh : denom) + " 下，" + (nd ? nd->zh : numer) +
                                (count > 0 ? "需再增加 " : "需减少 ") + c;
                    g.textEn += ": " + c + (count > 0 ? " more " : " fewer ") + lower(nd ? nd->en : numer) +
                                " out of ~" + num(*d) + " " + lower(dd ? dd->en : denom) + " at this volume";
                }
            }
        }
        report.gaps.push_back(std::move(g));
    }
};

bool inScope(const RuleInstance& rule, const Agent& a, const std::vector<Status>& defaults) {
    if (!rule.scope.matchesGroup(a.group)) return false;
    const std::vector<Status>& st = rule.scope.statuses.empty() ? defaults : rule.scope.statuses;
    for (Status s : st)
        if (s == a.status) return true;
    return false;
}

double numberOr(const Json* j, double def) { return j && j->isNumber() ? j->asNumber() : def; }
std::string stringOr(const Json* j, const std::string& def) { return j && j->isString() ? j->asString() : def; }

// The conditions of a target or stage that do not hold yet.
void conditions(Builder& b, const RuleInstance& rule, const Json* list, const std::string& what,
                const std::string& zh, const std::string& en) {
    if (!list || !list->isArray()) return;
    for (const Json& c : list->items()) {
        std::string metric = stringOr(c.find("metric"), "");
        std::string op = stringOr(c.find("op"), ">=");
        const Json* v = c.find("value");
        if (metric.empty() || !v || !v->isNumber()) continue;
        b.add(rule.id, what, zh, en, metric, v->asNumber(), op == "<=" || op == "<");
    }
}

const std::vector<Status> kAll = {Status::Regular, Status::Probation};

} // namespace

Expected<GapReport> computeGaps(const PeriodInput& input, const Scheme& scheme, const Results& results,
                                const Catalog& catalog, const std::string& agent) {
    std::optional<size_t> found;
    for (size_t i = 0; i < input.agents.size(); ++i)
        if (input.agents[i].name == agent || (!input.agents[i].id.empty() && input.agents[i].id == agent)) {
            found = i;
            break;
        }
    if (!found || *found >= results.agents.size()) return Error{"unknown agent '" + agent + "'"};
    const size_t row = *found;
    const Agent& me = input.agents[row];
    const AgentResult& mine = results.agents[row];
    GapReport report;
    report.agent = me.name;
    report.period = results.period;
    Builder b{input, catalog, row, report};
    for (const RuleInstance& rule : scheme.rules) {
        if (!rule.enabled) continue;
        const Json& p = rule.params;
        if (rule.type == "interval_score") {
            if (!inScope(rule, me, kAll)) continue;
            const Json* intervals = p.find("intervals");
            if (!intervals || !intervals->isObject()) continue;
            for (const auto& m : intervals->members()) {
                const std::string& metric = m.first;
                auto cur = b.value(row, metric);
                if (!cur) continue;
                const MetricDef* def = catalog.find(metric);
                const bool lower = m.second.find("lower_better") && m.second.find("lower_better")->isBool()
                                       ? m.second.find("lower_better")->asBool()
                                       : (def && def->direction == Direction::Lower);
                const double lo = round6(numberOr(m.second.find("lo"), 0));
                const double hi = round6(numberOr(m.second.find("hi"), 0));
                // Higher-better: lo then hi; lower-better: hi then lo. The first one not reached.
                const double first = lower ? hi : lo, second = lower ? lo : hi;
                const bool firstReached = lower ? *cur <= first : *cur >= first;
                if (!firstReached)
                    b.add(rule.id, lower ? "interval.hi" : "interval.lo", "区间起点，开始得分", "where points start",
                          metric, first, lower);
                else
                    b.add(rule.id, lower ? "interval.lo" : "interval.hi", "区间终点，满分", "full marks", metric,
                          second, lower);
            }
        } else if (rule.type == "target_bonus") {
            if (!inScope(rule, me, kAll)) continue;
            const Json* targets = p.find("targets");
            if (!targets || !targets->isArray()) continue;
            for (const Json& t : targets->items()) {
                std::string id = stringOr(t.find("id"), "");
                conditions(b, rule, t.find("all"), "target:" + id, "达标项 " + id, "target " + id);
            }
        } else if (rule.type == "probation_stages") {
            if (!inScope(rule, me, {Status::Probation}) || !mine.stage) continue;
            const Json* stages = p.find("stages");
            if (!stages || !stages->isArray()) continue;
            for (const Json& s : stages->items()) {
                if (stringOr(s.find("id"), "") != *mine.stage) continue;
                conditions(b, rule, s.find("thresholds"), "stage:" + *mine.stage, "阶段 " + *mine.stage + " 门槛",
                           "stage " + *mine.stage + " threshold");
            }
        } else if (rule.type == "dsr_dimensions") {
            if (!inScope(rule, me, kAll)) continue;
            const Json* dims = p.find("dimensions");
            if (!dims || !dims->isArray()) continue;
            for (const Json& d : dims->items()) {
                const std::string dim = stringOr(d.find("id"), "");
                const Json* ms = d.find("metrics");
                if (!ms || !ms->isArray()) continue;
                for (const Json& m : ms->items()) {
                    const std::string metric = stringOr(m.find("metric"), "");
                    if (metric.empty()) continue;
                    const Json* rel = m.find("relative");
                    if (rel && rel->isBool() && rel->asBool()) {
                        // The bench is the group's best value among the rule's agents.
                        std::optional<double> best;
                        for (size_t i = 0; i < input.agents.size(); ++i) {
                            if (input.agents[i].group != me.group || !inScope(rule, input.agents[i], kAll)) continue;
                            auto v = b.value(i, metric);
                            if (v && (!best || *v > *best)) best = v;
                        }
                        if (best)
                            b.add(rule.id, "dsr:" + dim, "DSR " + dim + " 组内最佳", "DSR " + dim + " group best",
                                  metric, *best, false);
                        continue;
                    }
                    const Json* bench = m.find("bench");
                    const Json* floor = m.find("floor");
                    if (!bench || !bench->isNumber() || !floor || !floor->isNumber()) continue;
                    b.add(rule.id, "dsr:" + dim, "DSR " + dim + " 满分基准", "DSR " + dim + " benchmark", metric,
                          bench->asNumber(), bench->asNumber() < floor->asNumber());
                }
            }
        } else if (rule.type == "rank_points") {
            auto myIt = mine.ranks.find(rule.id);
            if (myIt == mine.ranks.end()) continue;
            const int myRank = myIt->second;
            // The agent one place above: the largest rank below mine in the group (first in input order).
            std::optional<size_t> above;
            int aboveRank = 0;
            for (size_t i = 0; i < results.agents.size(); ++i) {
                if (i == row || results.agents[i].group != mine.group) continue;
                const auto& ranks = results.agents[i].ranks;
                auto r = ranks.find(rule.id);
                if (r == ranks.end() || r->second >= myRank) continue;
                if (!above || r->second > aboveRank) {
                    above = i;
                    aboveRank = r->second;
                }
            }
            if (!above) continue;
            std::vector<std::string> lowerList;
            if (const Json* lb = p.find("lower_better"); lb && lb->isArray())
                for (const Json& x : lb->items())
                    if (x.isString()) lowerList.push_back(x.asString());
            const Json* weights = p.find("weights");
            if (!weights || !weights->isObject()) continue;
            const std::string& other = input.agents[*above].name;
            for (const auto& w : weights->members()) {
                auto theirs = b.value(*above, w.first);
                if (!theirs) continue;
                bool lower = false;
                for (const auto& l : lowerList)
                    if (l == w.first) lower = true;
                b.add(rule.id, "rank:" + other, "排名前一位 " + other + " 的水平",
                      "level of " + other + ", one place above", w.first, *theirs, lower);
            }
        }
    }
    return report;
}

Json gapsToJson(const GapReport& report, Lang lang) {
    Json j = Json::object();
    j.set("agent", Json::string(report.agent));
    j.set("period", Json::string(report.period));
    Json gaps = Json::array();
    for (const Gap& g : report.gaps) {
        Json o = Json::object();
        o.set("rule", Json::string(g.rule));
        o.set("target_of", Json::string(g.target));
        o.set("metric", Json::string(g.metric));
        o.set("current", Json::number(g.current));
        o.set("target", Json::number(g.target_value));
        o.set("difference", Json::number(g.difference));
        o.set("unit", Json::string(g.unit));
        o.set("lower_better", Json::boolean(g.lowerBetter));
        if (g.extraCount) {
            o.set("extra_count", Json::number(double(*g.extraCount)));
            o.set("count_metric", Json::string(g.countMetric));
        }
        o.set("text", Json::string(lang == Lang::Zh ? g.textZh : g.textEn));
        gaps.push(std::move(o));
    }
    j.set("gaps", std::move(gaps));
    return j;
}

} // namespace kefu::core
