// The app's whole state as plain data, and the one way to change it: apply(state, action).
// The UI (web/) reads a const AppState and queues Actions; apply() runs them after the frame,
// depends on nothing but its arguments, and recomputes results when inputs change.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "explain.h"
#include "json.h"
#include "model.h"
#include "results.h"

namespace kefu::core {

// One assessment month: its inputs (agents of the roster that appear in the metrics, in
// roster order of the file; agents added later get empty rows) and the computed results.
struct PeriodData {
    Month month;
    PeriodInput input;
    Results results;
};

struct AppState {
    Lang language = Lang::Zh;
    std::string shopName;
    std::vector<Agent> roster;
    std::vector<PeriodData> periods; // oldest first
    int selectedPeriod = -1;         // index into periods; -1 = none
    std::string schemeId;            // the preset the results use
    std::string schemeNameZh, schemeNameEn;
    bool schemeIsFallback = false;   // shop-default is not there yet: presales-rank instead
    bool demo = false;               // the data is the demo shop
    std::vector<Text2> notices;      // problems of the last actions (zh + en), shown until cleared
    uint64_t revision = 0;           // bumped by every apply() that changed something
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
struct SelectPeriod { int index; };
struct SelectScheme { std::string presetId; };
// Replaces the shop with the files' data (roster + metrics/events per month); demo marks it.
struct LoadShop {
    std::string shopName;
    std::vector<ShopFile> files;
    bool demo = false;
};
struct ClearNotices {};

using Action = std::variant<SetLanguage, SetShopName, AddAgent, RemoveAgent, SelectPeriod, SelectScheme, LoadShop,
                            ClearNotices>;

void apply(AppState& state, const Action& action);

// "shop-default" when that preset exists, else "presales-rank" (the fallback is flagged).
std::string defaultSchemeId();
// Re-evaluates every period in order, each with the earlier periods' results as history.
void recompute(AppState& state);
// The selected period's results, or nullptr.
const Results* selectedResults(const AppState& state);
// Group names in first-appearance order of the roster.
std::vector<std::string> rosterGroups(const AppState& state);

// The state as JSON for the page's test hook and debugging (texts in the state's language).
Json appStateToJson(const AppState& state);

} // namespace kefu::core
