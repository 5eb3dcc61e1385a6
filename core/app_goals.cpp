// The team goals' actions (AddGoal, UpdateGoal, RemoveGoal): checked, kept in the shop's settings,
// logged and undoable like every data action.
#include <algorithm>

#include "app_actions.h"
#include "csv.h"

namespace kefu::core::detail {

namespace {
const Msg kNoGoal{"没有这个目标", "There is no such goal"};

std::string goalText(const Goal& g) {
    const std::string target = g.relative ? (g.target > 0 ? "+" : "") + formatNumber(round6(g.target * 100)) + "%"
                                          : formatNumber(g.target);
    return g.metric + " " + target + " (" + formatMonth(g.baseline) + " → " + formatMonth(g.deadline) + ")";
}

// The goal with trimmed text, or nullopt after noticing its problems.
std::optional<Goal> checked(AppState& s, Goal g) {
    g.metric = std::string(trim(g.metric));
    g.note = std::string(trim(g.note));
    const auto problems = checkGoal(g, Catalog::builtin());
    if (problems.empty()) return g;
    s.notices.insert(s.notices.end(), problems.begin(), problems.end());
    return std::nullopt;
}

std::vector<Goal>::iterator findGoal(AppState& s, const std::string& id) {
    return std::find_if(s.settings.goals.begin(), s.settings.goals.end(), [&](const Goal& g) { return g.id == id; });
}
} // namespace

Change addGoal(AppState& s, const AddGoal& a, uint64_t seed) {
    auto g = checked(s, a.goal);
    if (!g) return {};
    if (g->id.empty() || findGoal(s, g->id) != s.settings.goals.end()) g->id = makeId(seed);
    s.settings.goals.push_back(*g);
    return {"add_goal", goalText(*g)};
}

Change updateGoal(AppState& s, const UpdateGoal& a) {
    auto it = findGoal(s, a.goal.id);
    if (it == s.settings.goals.end()) return notice(s, kNoGoal), Change{};
    auto g = checked(s, a.goal);
    if (!g || *g == *it) return {};
    *it = *g;
    return {"edit_goal", goalText(*g)};
}

Change removeGoal(AppState& s, const RemoveGoal& a) {
    auto it = findGoal(s, a.id);
    if (it == s.settings.goals.end()) return notice(s, kNoGoal), Change{};
    const std::string text = goalText(*it);
    s.settings.goals.erase(it);
    return {"remove_goal", text};
}

} // namespace kefu::core::detail
