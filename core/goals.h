// Team goals over a year (issue 7): a metric, a target (a value, or a change against the
// baseline such as complaints -30%), the baseline month and the deadline month. Goals are kept in
// the shop's settings (shop_settings.h, "goals"); their progress across the months and a forecast
// at the current trend are computed here from the months' inputs. Pure; the caller owns the inputs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "expected.h"
#include "explain.h"
#include "json.h"
#include "metrics.h"
#include "model.h"

namespace kefu::core {

struct Goal {
    std::string id;
    std::string metric;    // catalog id
    bool relative = false; // target is a change against the baseline: -0.3 = 30% lower
    double target = 0;     // the value (relative: the change as a fraction)
    Month baseline, deadline;
    std::string note;
    bool operator==(const Goal&) const = default;
};

// Problems of a goal (an unknown metric, a deadline not after the baseline, a change of 0 or of
// -100% and below, a target that is not a number), in both languages; empty when it is fine.
std::vector<Text2> checkGoal(const Goal& goal, const Catalog& catalog);

// The settings JSON of a goal and back ({"id", "metric", "target", "relative", "baseline",
// "deadline", "note"}); parse errors name the field.
Json goalToJson(const Goal& goal);
Expected<Goal> goalFromJson(const Json& json);

struct GoalPoint {
    Month month;
    double value = 0; // the team's value that month (team_value.h)
};

// One month's inputs, as the goals read them.
struct MonthInput {
    Month month;
    const PeriodInput* input = nullptr;
};

struct GoalProgress {
    std::optional<double> baselineValue; // the team's value in the baseline month
    std::optional<double> targetValue;   // the value to reach (relative: baseline x (1 + change))
    std::vector<GoalPoint> points;       // the months from the baseline to the deadline that have a value
    std::optional<double> latest;        // the newest point's value
    // How far from the baseline towards the target the latest value is: 0 at the baseline, 1 at
    // the target (may be below 0 or above 1).
    std::optional<double> progress;
    // The least-squares line over the points (x = months since the baseline), its value at the
    // deadline (not below 0), and whether that reaches the target in the metric's better direction.
    std::optional<double> slope, forecast;
    bool reached = false; // the latest value already meets the target
    bool onTrack = false; // the forecast meets the target
    bool lowerBetter = false;
    std::string problem; // why there is no progress (no value in the baseline month ...), English
};

// `months` in any order; those outside [baseline, deadline] are left out.
GoalProgress goalProgress(const Goal& goal, const std::vector<MonthInput>& months, const Catalog& catalog);

// Least squares over (x, y): y = intercept + slope * x; nullopt for fewer than two distinct x.
struct Line {
    double intercept = 0, slope = 0;
};
std::optional<Line> fitLine(const std::vector<std::pair<double, double>>& points);

// Months from `a` to `b` (b - a).
int monthsBetween(const Month& a, const Month& b);

Json goalProgressToJson(const Goal& goal, const GoalProgress& progress);

} // namespace kefu::core
