// The coaching, team-goal and appeal windows of 分析 (辅导卡, 团队目标, 申诉), one file each
// (window_coaching.cpp, window_goals.cpp, window_appeals.cpp). Like every panel they read a const
// AppState and push Actions; what they keep is UI-only (the agent picked, fields being typed).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"
#include "coaching.h"
#include "ui/panels.h"

namespace kefu::web::ui {

// The scheme a month was scored with: a closed month's frozen one, else the shop's active one.
std::optional<core::Scheme> schemeOfPeriod(const core::AppState& s, const core::PeriodData& p);
// The coaching cards of month `index` (against the month before it, when there is one).
std::vector<core::CoachingCard> coachingCardsFor(const core::AppState& s, int index);

// 辅导卡: one agent of the selected month; 打印辅导卡 leaves the one-page card in `print`.
struct CoachingWindow {
    bool open = false;
    int agent = 0;
    uint64_t revision = ~0ull; // the card below belongs to this state revision and agent
    int cachedAgent = -1;
    std::optional<core::CoachingCard> card;
    std::string error;
    std::optional<PrintRequest> print;
};
void drawCoachingWindow(CoachingWindow& w, const core::AppState& s, Actions& out);

// 团队目标: the goals with progress bars and forecasts; a form adds or edits one.
struct GoalsWindow {
    bool open = false;
    std::string editing;    // the id of the goal in the form; empty: a new one
    bool formOpen = false;
    int metric = 0;         // index into the catalog's metrics
    std::string metricFilter;
    int kind = 0;           // 0 a value, 1 a change in % against the baseline
    std::string target, baseline, deadline, note, problem;
    std::string removing;   // asking to confirm removing this goal
};
void drawGoalsWindow(GoalsWindow& w, const core::AppState& s, Actions& out);

// 申诉: the selected month's appeals; filing one (agent, a metric or an event, the value asked
// for, the reason, who files it) and deciding the pending ones (accept with a value, or reject).
struct AppealsWindow {
    bool open = false;
    int agent = 0, subject = 0; // subject: 0 a metric, 1 an event of the agent
    int metric = 0, event = 0;
    std::string metricFilter;
    std::string requested, reason, filedBy, problem;
    std::string deciding;       // the appeal whose decision form is open
    std::string decideValue, decideReason, decideProblem;
};
void drawAppealsWindow(AppealsWindow& w, const core::AppState& s, Actions& out);

} // namespace kefu::web::ui
