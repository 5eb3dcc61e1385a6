// Team goals: see goals.h.
#include "goals.h"

#include <algorithm>
#include <cmath>

#include "team_value.h"

namespace kefu::core {

namespace {
const Msg kGoalMetric{"没有指标“{0}”", "No metric '{0}'"};
const Msg kGoalMonths{"截止月份必须在基准月份之后", "The deadline must be after the baseline month"};
const Msg kGoalChange{"相对目标的变化不能为 0，也不能降到 -100% 及以下", "A relative target cannot be 0 or -100% and below"};
const Msg kGoalTarget{"目标值必须是一个数", "The target must be a number"};

bool meets(double value, double target, bool lowerBetter) {
    return lowerBetter ? round6(value) <= round6(target) : round6(value) >= round6(target);
}
} // namespace

int monthsBetween(const Month& a, const Month& b) { return (b.year - a.year) * 12 + (b.month - a.month); }

std::vector<Text2> checkGoal(const Goal& g, const Catalog& catalog) {
    std::vector<Text2> out;
    if (!catalog.find(g.metric)) out.push_back(fillMsg(kGoalMetric, {g.metric}));
    if (monthsBetween(g.baseline, g.deadline) <= 0) out.push_back(fillMsg(kGoalMonths, {}));
    if (!std::isfinite(g.target)) out.push_back(fillMsg(kGoalTarget, {}));
    else if (g.relative && (g.target == 0 || g.target <= -1)) out.push_back(fillMsg(kGoalChange, {}));
    return out;
}

Json goalToJson(const Goal& g) {
    Json j = Json::object();
    j.set("id", Json::string(g.id));
    j.set("metric", Json::string(g.metric));
    j.set("target", Json::number(g.target));
    j.set("relative", Json::boolean(g.relative));
    j.set("baseline", Json::string(formatMonth(g.baseline)));
    j.set("deadline", Json::string(formatMonth(g.deadline)));
    if (!g.note.empty()) j.set("note", Json::string(g.note));
    return j;
}

Expected<Goal> goalFromJson(const Json& j) {
    const char* expected = "goal: expected {\"id\", \"metric\", \"target\": number, \"relative\": true/false, "
                           "\"baseline\": \"YYYY-MM\", \"deadline\": \"YYYY-MM\", \"note\"}";
    if (!j.isObject()) return Error{expected};
    Goal g;
    bool hasBaseline = false, hasDeadline = false, hasTarget = false;
    for (const auto& [k, v] : j.members()) {
        if (k == "id" && v.isString()) g.id = v.asString();
        else if (k == "metric" && v.isString()) g.metric = v.asString();
        else if (k == "note" && v.isString()) g.note = v.asString();
        else if (k == "relative" && v.isBool()) g.relative = v.asBool();
        else if (k == "target" && v.isNumber()) g.target = v.asNumber(), hasTarget = true;
        else if ((k == "baseline" || k == "deadline") && v.isString()) {
            auto m = parseMonth(v.asString());
            if (!m) return Error{"goal: " + k + " must be YYYY-MM, not '" + v.asString() + "'"};
            (k == "baseline" ? g.baseline : g.deadline) = *m;
            (k == "baseline" ? hasBaseline : hasDeadline) = true;
        } else return Error{"goal: unexpected '" + k + "'; " + expected};
    }
    if (g.metric.empty() || !hasBaseline || !hasDeadline || !hasTarget) return Error{expected};
    return g;
}

std::optional<Line> fitLine(const std::vector<std::pair<double, double>>& pts) {
    if (pts.size() < 2) return std::nullopt;
    double mx = 0, my = 0;
    for (const auto& p : pts) mx += p.first, my += p.second;
    mx /= double(pts.size());
    my /= double(pts.size());
    double sxx = 0, sxy = 0;
    for (const auto& p : pts) {
        sxx += (p.first - mx) * (p.first - mx);
        sxy += (p.first - mx) * (p.second - my);
    }
    if (sxx == 0) return std::nullopt;
    Line l;
    l.slope = sxy / sxx;
    l.intercept = my - l.slope * mx;
    return l;
}

GoalProgress goalProgress(const Goal& g, const std::vector<MonthInput>& months, const Catalog& catalog) {
    GoalProgress out;
    const MetricDef* def = catalog.find(g.metric);
    if (!def) return out.problem = "unknown metric " + g.metric, out;
    std::vector<MonthInput> sorted = months;
    std::sort(sorted.begin(), sorted.end(), [](const MonthInput& a, const MonthInput& b) { return a.month < b.month; });
    for (const auto& m : sorted) {
        if (!m.input || m.month < g.baseline || g.deadline < m.month) continue;
        if (auto v = teamValue(*m.input, catalog, g.metric)) {
            out.points.push_back({m.month, *v});
            if (m.month == g.baseline) out.baselineValue = v;
        }
    }
    if (!g.relative) out.targetValue = g.target;
    else if (out.baselineValue) out.targetValue = round6(*out.baselineValue * (1 + g.target));
    // Lower is better by the catalog; a neutral metric by the target's side of the baseline.
    if (def->direction == Direction::Lower) out.lowerBetter = true;
    else if (def->direction == Direction::Neutral)
        out.lowerBetter = g.relative ? g.target < 0 : out.baselineValue && *out.targetValue < *out.baselineValue;
    if (!out.baselineValue) return out.problem = "no value in the baseline month " + formatMonth(g.baseline), out;
    out.latest = out.points.back().value;
    const double span = *out.targetValue - *out.baselineValue;
    if (span != 0) out.progress = round6((*out.latest - *out.baselineValue) / span);
    out.reached = meets(*out.latest, *out.targetValue, out.lowerBetter);
    std::vector<std::pair<double, double>> xy;
    for (const auto& p : out.points) xy.emplace_back(double(monthsBetween(g.baseline, p.month)), p.value);
    if (auto line = fitLine(xy)) {
        out.slope = round6(line->slope);
        // The catalog's metrics are never negative (counts, money, rates, times): the line stops at 0.
        out.forecast = round6(std::max(0.0, line->intercept + line->slope * double(monthsBetween(g.baseline, g.deadline))));
        out.onTrack = meets(*out.forecast, *out.targetValue, out.lowerBetter);
    } else {
        out.problem = "one month of data: no trend yet";
    }
    return out;
}

Json goalProgressToJson(const Goal& g, const GoalProgress& p) {
    Json j = goalToJson(g);
    const auto opt = [](const std::optional<double>& v) { return v ? Json::number(*v) : Json::null(); };
    j.set("baseline_value", opt(p.baselineValue));
    j.set("target_value", opt(p.targetValue));
    Json pts = Json::array();
    for (const auto& x : p.points) {
        Json pj = Json::object();
        pj.set("month", Json::string(formatMonth(x.month)));
        pj.set("value", Json::number(x.value));
        pts.push(std::move(pj));
    }
    j.set("points", std::move(pts));
    j.set("latest", opt(p.latest));
    j.set("progress", opt(p.progress));
    j.set("slope", opt(p.slope));
    j.set("forecast", opt(p.forecast));
    j.set("reached", Json::boolean(p.reached));
    j.set("on_track", Json::boolean(p.onTrack));
    j.set("lower_better", Json::boolean(p.lowerBetter));
    if (!p.problem.empty()) j.set("problem", Json::string(p.problem));
    return j;
}

} // namespace kefu::core
