// Internal to core/app_*.cpp: what a data action did, the notices actions leave, and the
// handlers of the snapshot actions (app_snapshot.cpp) that apply() in app_state.cpp calls.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app_state.h"

namespace kefu::core::detail {

// What a data action did, for the audit log and the undo menu; empty action = nothing changed.
struct Change {
    std::string action, detail;
    explicit operator bool() const { return !action.empty(); }
};

// Adds a notice (both languages) with {0} {1} ... filled from args.
void notice(AppState& s, const Msg& msg, const std::vector<std::string>& args = {});
void noticeText(AppState& s, const std::string& text);

// The newest time in a shop (records' stamps and the log) and who made it.
int64_t lastChangeOf(const Shop& shop, std::string& author);

// app_team.cpp: the shop's setup, team, months, events, settings and fund.
Change startShop(AppState& s, const StartShop& a);
Change setGroups(AppState& s, const SetGroups& a);
Change addPeriod(AppState& s, const AddPeriod& a);
Change deactivateAgent(AppState& s, const DeactivateAgent& a);
Change reactivateAgent(AppState& s, const ReactivateAgent& a);
Change addEvent(AppState& s, const AddEvent& a);
Change updateEvent(AppState& s, const UpdateEvent& a);
Change removeEvent(AppState& s, const RemoveEvent& a);
Change setSettings(AppState& s, const SetSettings& a);
Change addFundEntry(AppState& s, const AddFundEntry& a, uint64_t seed);
Change removeFundEntry(AppState& s, const RemoveFundEntry& a);
// app_scheme.cpp
Change saveScheme(AppState& s, const SaveScheme& a);
// app_goals.cpp and app_appeals.cpp
Change addGoal(AppState& s, const AddGoal& a, uint64_t seed);
Change updateGoal(AppState& s, const UpdateGoal& a);
Change removeGoal(AppState& s, const RemoveGoal& a);
Change fileAppeal(AppState& s, const FileAppeal& a, int64_t now, uint64_t seed);
Change decideAppeal(AppState& s, const DecideAppeal& a, int64_t now);

Change openSnapshotFile(AppState& s, const OpenSnapshotFile& a);
Change replaceWithIncoming(AppState& s);
Change mergeIncoming(AppState& s, int64_t now);
Change resolveMerge(AppState& s, const ResolveMerge& a, int64_t now);
Change restoreVersion(AppState& s, const RestoreVersion& a);
Change followSaved(AppState& s, const FollowSaved& a);

} // namespace kefu::core::detail
