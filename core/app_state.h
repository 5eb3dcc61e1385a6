// The app's whole state as plain data, and the one way to change it: apply(state, action).
// The UI (web/) reads a const AppState and queues Actions; apply() runs them after the frame,
// depends on nothing but its arguments, and recomputes results when inputs change.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "explain.h"
#include "fund.h"
#include "json.h"
#include "merge.h"
#include "metric_input.h"
#include "model.h"
#include "results.h"
#include "scheme.h"
#include "shop.h"
#include "shop_settings.h"

namespace kefu::core {

// One assessment month: its inputs (agents of the roster that appear in the metrics, in
// roster order of the file; agents added later get empty rows) and the computed results.
// A closed period keeps its inputs, the scheme it was scored with (JSON) and its results; only an
// explicit reopening (with a reason, logged) makes it editable again.
struct PeriodData {
    Month month;
    PeriodInput input;
    Results results;
    bool closed = false;
    std::string frozenScheme; // the scheme as JSON, set when the period is closed
    std::string closeReason;  // the reason given for the last closing or reopening
    // Where imported values came from (file, sheet, row), by sourceKey(agent, metric); a typed
    // value has none.
    std::map<std::string, Provenance> sources;
    std::vector<Appeal> appeals; // filed in this month, in filing order (appeals.h)
};
std::string sourceKey(const std::string& agent, const std::string& metric);

// What undo brings back: the shop's data and where the user was in it (not the language, the
// notices or the audit log, which only grows).
struct DocState {
    std::string shopName;
    std::vector<Agent> roster;
    std::vector<PeriodData> periods;
    int selectedPeriod = -1;
    std::string schemeId, schemeNameZh, schemeNameEn;
    bool schemeIsFallback = false;
    bool demo = false;
    Shop record; // ids and stamps as they were (without the audit log)
    std::vector<std::string> groups;
    std::vector<Agent> inactive;
    std::map<std::string, std::string> schemes;
    ShopSettings settings;
    std::vector<FundEntry> fund;
};
struct UndoStep {
    DocState doc;
    std::string action, detail; // as in the audit log: what this step did
};
constexpr size_t kUndoSteps = 100;

// What a snapshot file holds, shown before anything changes.
struct SnapshotSummary {
    std::string shopId, shopName, managerName;
    std::vector<std::string> months; // YYYY-MM, oldest first
    int closedMonths = 0;
    size_t agents = 0;               // active
    int64_t lastChange = 0;          // unix ms of the newest record or log entry
    std::string lastAuthor;
};
SnapshotSummary summarizeShop(const Shop& shop);

// A snapshot file the user opened: previewed, then replaces the shop or is merged into it.
struct Incoming {
    std::string fileName;
    Shop shop;
    SnapshotSummary summary;
    bool sameShop = false;                // same shop id as the open shop: merging is possible
    bool merging = false;                 // the merge found conflicts; they are listed below
    std::vector<MergeConflict> conflicts; // for the user to choose, side by side
    int changesFromFile = 0;              // records the merge takes from the file by itself
};

struct AppState {
    Lang language = Lang::Zh;
    std::string shopName;
    std::vector<Agent> roster;
    std::vector<PeriodData> periods; // oldest first
    int selectedPeriod = -1;         // index into periods; -1 = none
    std::vector<std::string> groups; // the shop's groups in display order (agents may add others)
    std::vector<Agent> inactive;     // agents taken off the team (kept, can come back)
    std::map<std::string, std::string> schemes; // the shop's own schemes: id -> scheme JSON
    ShopSettings settings;
    std::vector<FundEntry> fund;     // the manager's entries in the department fund
    std::string schemeId;            // the scheme the results use: a preset or one of `schemes`
    std::string schemeNameZh, schemeNameEn;
    bool schemeIsFallback = false;   // shop-default is not there yet: presales-rank instead
    bool demo = false;               // the data is the demo shop
    std::vector<Text2> notices;      // problems of the last actions (zh + en), shown until cleared
    uint64_t revision = 0;           // bumped by every apply()
    std::string managerName;         // the author of changes: a setting of this copy, not shop data

    // Kept by apply(): the shop as it is saved (stable ids, revision stamps, closings, audit log).
    Shop record;
    uint64_t dataRevision = 0;       // bumped whenever the record changed: autosave watches it
    int64_t clock = 0;               // the last change time (unix ms); stamps never go backwards
    std::vector<UndoStep> undo, redo;
    std::optional<Incoming> incoming;
    bool readOnly = false;           // another tab edits this shop: changes are refused
};

// A file handed to LoadDemo / LoadShop: "roster.csv", "metrics-2024-03.csv", "events-2024-03.csv".
struct ShopFile {
    std::string name;
    std::string bytes;
};

struct SetLanguage { Lang language; };
struct SetShopName { std::string name; };
struct AddAgent {
    std::string name;
    std::string group;
    Status status = Status::Regular;
    std::string level; // empty = not given
};
struct RemoveAgent { std::string name; };
// Edits an agent (name, group, status, dates, level, nicknames). The roster and the open months
// from `fromPeriod` on take the change; earlier months keep the team they had (a move between
// groups keeps its history). A rename is refused once a closed month has the agent.
struct UpdateAgent {
    std::string name;
    Agent changed;
    int fromPeriod = 0;
};
struct SelectPeriod { int index; };
struct SelectScheme { std::string presetId; }; // a preset or one of the shop's schemes
// The first start of a blank shop: its name, groups, scheme and first month, as one step.
struct StartShop {
    std::string shopName;
    std::vector<std::string> groups;
    std::string schemeId;
    Month month;
};
// The shop's groups in order; a group that still has agents cannot be left out.
struct SetGroups { std::vector<std::string> groups; };
// A new empty month with the current team (refused when it exists); it becomes the selected one.
struct AddPeriod { Month month; };
// Takes an agent off the team from month `fromPeriod` on (earlier months keep them); refused
// when the agent has values in those months. ReactivateAgent brings them back from `fromPeriod`.
struct DeactivateAgent { std::string name; int fromPeriod = 0; };
struct ReactivateAgent { std::string name; int fromPeriod = 0; };
// Events of a month (fines, additions, attendance, exam results ...), checked like an events file:
// a known kind, an agent of the month, a date in the month, a count of at least 1.
struct AddEvent { int period; Event event; };
struct UpdateEvent { int period; int index; Event event; };
struct RemoveEvent { int period; int index; };
// A scheme (JSON text): validated with every problem listed; saved as one of the shop's schemes
// (an id of a preset is refused) and made the active one.
struct SaveScheme { std::string json; std::string fileName; };
struct SetSettings { ShopSettings settings; };
// A department fund entry (id made when empty); RemoveFundEntry takes it out again.
struct AddFundEntry { FundEntry entry; };
struct RemoveFundEntry { std::string id; };
// Replaces the shop with the files' data (roster + metrics/events per month); demo marks it.
struct LoadShop {
    std::string shopName;
    std::vector<ShopFile> files;
    bool demo = false;
};
struct ClearNotices {};
// The manager using this copy (settings): signs every change; not part of the shop, not undone.
struct SetManagerName { std::string name; };
struct ClosePeriod { int index; std::string reason; };
struct ReopenPeriod { int index; std::string reason; }; // the reason is required
// One metric value of one agent in one month, typed (nullopt clears it); refused in a closed month.
struct SetMetricValue {
    int period;
    std::string agent;
    std::string metric; // catalog id
    std::optional<double> value;
};
// Many values at once (a pasted block): one undo step.
struct SetMetricValues {
    int period;
    std::vector<ValueEdit> edits;
};
// A previewed import (a platform report or chat-log metrics): the values of the agents it matched,
// as one undoable step. Accounts bound on the import screen are added to those agents, every value
// records its file, sheet and row, and the layout's column choices are remembered with the shop.
struct ImportedValue {
    std::string agent, metric;
    double value = 0;
    uint32_t row = 0;
    bool operator==(const ImportedValue&) const = default;
};
struct ImportValues {
    int period = -1;
    std::string file, sheet;
    std::vector<ImportedValue> values;
    std::vector<std::pair<std::string, NicknameBinding>> bindings; // agent name -> account
    std::vector<ReportLayout> layouts; // the mapping screen's choices per file read (none: nothing to remember)
};
struct Undo {};
struct Redo {};
// A .kefu file picked or dropped: decoded and shown as a preview (state.incoming); nothing changes yet.
struct OpenSnapshotFile {
    std::string fileName;
    std::string bytes;
};
struct ReplaceWithIncoming {}; // the file's shop replaces the open one (undoable)
struct MergeIncoming {};       // merges what does not conflict; conflicts go to incoming->conflicts
// Applies the merge with a side for every conflict (keyed by MergeConflict::id); a closed
// period changes only with confirmClosed.
struct ResolveMerge {
    std::map<std::string, Prefer> choices;
    bool confirmClosed = false;
};
struct CancelIncoming {};
// An earlier saved version (historical snapshot) becomes the shop again (undoable, logged).
struct RestoreVersion {
    std::string bytes;
    std::string label; // when it was saved, for the log
};
struct SetReadOnly { bool readOnly; };
// Another tab saved the shop: this read-only tab shows the new data (no undo step, no log entry).
struct FollowSaved { std::string bytes; };
// Team goals (goals.h), kept in the shop's settings; checked with every problem listed.
struct AddGoal { Goal goal; };    // an id is made when empty
struct UpdateGoal { Goal goal; }; // by id
struct RemoveGoal { std::string id; };
// Appeals (appeals.h) of an open month: filing one (id, time and the current number are filled
// in), and the manager's decision; accepting applies the value as one logged, undoable step.
struct FileAppeal { int period = -1; Appeal appeal; };
struct DecideAppeal {
    int period = -1;
    std::string id;
    bool accept = false;
    std::optional<double> value; // accepted with this value (none: the requested one)
    std::string reason;
};

using Action = std::variant<SetLanguage, SetShopName, AddAgent, RemoveAgent, UpdateAgent, SelectPeriod, SelectScheme, LoadShop,
                            StartShop, SetGroups, AddPeriod, DeactivateAgent, ReactivateAgent, AddEvent, UpdateEvent,
                            RemoveEvent, SaveScheme, SetSettings, AddFundEntry, RemoveFundEntry,
                            ClearNotices, SetManagerName, SetMetricValue, SetMetricValues, ImportValues, ClosePeriod, ReopenPeriod, Undo, Redo, OpenSnapshotFile,
                            ReplaceWithIncoming, MergeIncoming, ResolveMerge, CancelIncoming, RestoreVersion, SetReadOnly,
                            FollowSaved, AddGoal, UpdateGoal, RemoveGoal, FileAppeal, DecideAppeal>;

// The time and randomness an action may use (new ids, revision stamps, log entries); the page
// passes the clock and crypto randomness, tests pass fixed values. now = 0: one tick after the
// state's last change.
struct ApplyContext {
    int64_t now = 0;
    uint64_t seed = 0;
};

void apply(AppState& state, const Action& action, const ApplyContext& context = {});

// Opens a saved shop (the app's start, a test): the data, the record, no undo history.
void openShop(AppState& state, const Shop& shop);
// Labels for the undo/redo menu items: the action of the step, or empty when there is none.
const UndoStep* undoStep(const AppState& state);
const UndoStep* redoStep(const AppState& state);

// "shop-default" when that preset exists, else "presales-rank" (the fallback is flagged).
std::string defaultSchemeId();
// The scheme the results use (the shop's own or a preset), parsed; problems when it fails.
Expected<Scheme> activeScheme(const AppState& state, Problems& problems);
// Its JSON text as saved (the shop's scheme) or as the preset file has it; empty when unknown.
std::string schemeText(const AppState& state, const std::string& id);
// Event kinds a month accepts with the active scheme: the fixed ones and the scheme's own.
bool eventKindAccepted(const AppState& state, const std::string& kind);
// Re-evaluates every period in order, each with the earlier periods' results as history.
void recompute(AppState& state);
// The selected period's results, or nullptr.
const Results* selectedResults(const AppState& state);
// The shop's groups, then groups of the roster not among them (first-appearance order).
std::vector<std::string> rosterGroups(const AppState& state);

// The state as JSON for the page's test hook and debugging (texts in the state's language).
Json appStateToJson(const AppState& state);
// An action from JSON, for scripts and the page's test hook (window.kefu.act): {"type": "set_metric",
// "period": "2024-03", "agent": "张三", "metric": "sales_amount", "value": 1} and add_agent,
// remove_agent, set_shop_name, set_manager, close_period, reopen_period, select_period, undo, redo,
// set_groups, add_period {"month"}, select_scheme/save_scheme, add_event/remove_event, deactivate_agent,
// reactivate_agent (with "period" the month they leave or come back from).
Expected<Action> actionFromJson(const AppState& state, const Json& json);

} // namespace kefu::core
