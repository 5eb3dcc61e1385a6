// The persisted model of a shop: profile, roster with stable ids and dated changes, periods
// (metric values with provenance, events, closing), schemes, custom metrics and the audit log.
// Every record carries a revision stamp so two managers' copies can be merged record by record.
// Serialized only through snapshot.h (fixed-width integers, bounded lengths).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "appeals.h"
#include "date.h"
#include "fund.h"
#include "model.h"

namespace kefu::core {

// Who changed a record, when (unix milliseconds), and the revisions it descends from (newest
// first, at most kStampAncestry), which tells a merge "edited on one side" from "edited on both".
struct Stamp {
    int64_t at = 0;
    std::string author;
    std::vector<int64_t> ancestry;
    bool operator==(const Stamp&) const = default;
};
constexpr size_t kStampAncestry = 16;
// A new revision of `previous`, made at `at` by `author`.
Stamp restamp(const Stamp& previous, int64_t at, const std::string& author);

// A dated change of an agent's group or status, kept so that earlier months keep their teams.
struct AgentChange {
    Date date;
    std::string field; // "group" or "status"
    std::string value;
    bool operator==(const AgentChange&) const = default;
};

struct AgentRecord {
    std::string id; // stable, random at creation
    std::string name;
    std::string group;
    Status status = Status::Regular;
    std::optional<Date> hireDate, regularSince;
    std::string level;
    std::vector<NicknameBinding> nicknames;
    std::vector<AgentChange> changes;
    bool active = true;
    Stamp stamp;
    bool operator==(const AgentRecord&) const = default;
};

enum class Origin : uint8_t { Typed, Imported, Computed, Appeal }; // Appeal: an accepted appeal (file "appeal", sheet its id)

struct Provenance {
    Origin origin = Origin::Typed;
    std::string file, sheet;
    uint32_t row = 0;
    bool operator==(const Provenance&) const = default;
};

struct MetricCell {
    std::string agentId;
    std::string metric;
    std::optional<double> value; // nullopt = deliberately cleared
    Provenance provenance;
    Stamp stamp;
    bool operator==(const MetricCell&) const = default;
};

struct EventRecord {
    std::string id;
    std::string agentId;
    Date date;
    std::string kind;
    int32_t count = 1;
    std::optional<double> points;
    std::string note;
    bool deleted = false;
    Stamp stamp;
    bool operator==(const EventRecord&) const = default;
};

struct LogEntry {
    int64_t at = 0;
    std::string author;
    std::string action; // "close", "reopen", "merge", "restore", ...
    std::string detail; // reason, record, ...
    bool operator==(const LogEntry&) const = default;
};

// An appeal of the period with its revision stamp (format 3).
struct AppealRecord {
    Appeal appeal;
    Stamp stamp;
    bool operator==(const AppealRecord&) const = default;
};

struct PeriodRecord {
    Month month;
    std::vector<MetricCell> cells;
    std::vector<EventRecord> events;
    bool closed = false;
    // Frozen at closing: the exact scheme JSON, the inputs it saw and the results JSON.
    std::string frozenScheme, frozenResults;
    std::vector<MetricCell> frozenCells;
    std::vector<LogEntry> closings; // closings and reopenings with reasons
    std::vector<AppealRecord> appeals; // (format 3)
    Stamp stamp;
    bool operator==(const PeriodRecord&) const = default;
};

struct SchemeRecord {
    std::string id;
    std::string json;
    Stamp stamp;
    bool operator==(const SchemeRecord&) const = default;
};

struct CustomMetricRecord {
    std::string id, zh, en, unit, direction, definitionZh, definitionEn, formula;
    Stamp stamp;
    bool operator==(const CustomMetricRecord&) const = default;
};

// A manager's entry in the department fund (spent or put in by hand); removal keeps a tombstone.
struct FundRecord {
    FundEntry entry;
    bool deleted = false;
    Stamp stamp;
    bool operator==(const FundRecord&) const = default;
};

struct Shop {
    std::string id; // random at creation; only equal ids merge
    std::string name;
    std::string managerName;
    std::string activeSchemeId;
    std::vector<std::string> groups; // the shop's groups in display order (format 2)
    std::string settings;            // the shop's settings as JSON, see shop_settings.h (format 2)
    std::vector<AgentRecord> agents;
    std::vector<PeriodRecord> periods; // by month, oldest first
    std::vector<SchemeRecord> schemes;
    std::vector<CustomMetricRecord> customMetrics;
    std::vector<LogEntry> audit;
    std::vector<FundRecord> fund; // (format 2)
    Stamp stamp; // profile fields (name, manager, active scheme, groups, settings)
    bool operator==(const Shop&) const = default;
};

// A random id (hex), from a seed the caller provides (time, crypto random in the page).
std::string makeId(uint64_t seed);

const AgentRecord* findAgent(const Shop& shop, const std::string& id);
// The shop's agents by id, for lookups in loops over cells and events (findAgent scans). The
// views point into `shop`, which must outlive the index and not change its agents.
class AgentIndex {
public:
    explicit AgentIndex(const Shop& shop);
    const AgentRecord* find(std::string_view id) const;
    // Position in shop.agents, or SIZE_MAX.
    size_t position(std::string_view id) const;

private:
    const Shop& m_shop;
    std::unordered_map<std::string_view, size_t> m_byId;
};
// An agent record's fields as the app's Agent (current group and status), and the other way:
// name, group, status, dates, level and nicknames written into a record (its id, stamp, dated
// changes and active flag are left as they are).
Agent agentOf(const AgentRecord& r);
void setAgentFields(AgentRecord& r, const Agent& a);
PeriodRecord* findPeriod(Shop& shop, const Month& m);
const PeriodRecord* findPeriod(const Shop& shop, const Month& m);

// The inputs of one period as evaluate() wants them: active agents (and any agent with data),
// their status and group at the period's last day, metric values and events.
PeriodInput periodInput(const Shop& shop, const Month& month);

} // namespace kefu::core
