// Appeals (申诉): before a month is closed an agent may appeal any number of theirs (a metric
// value or an event's points or count) asking for another value, with a reason; the manager
// accepts it (with the requested or another value) or rejects it, with a reason. An accepted
// appeal changes the number as a logged adjustment whose source is the appeal. Appeals belong to
// their month (app_state.h PeriodData, persisted in the snapshot's period record); the actions
// that file and decide them are in app_appeals.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "date.h"
#include "json.h"

namespace kefu::core {

enum class AppealStatus : uint8_t { Pending, Accepted, Rejected };
const char* appealStatusId(AppealStatus s); // "pending", "accepted", "rejected"

struct Appeal {
    std::string id;
    std::string agent;  // the agent's name
    std::string metric; // the metric appealed (catalog id); empty for an event
    // An event appealed: found again by its date, kind and note; `field` is "points" or "count"
    // ("value" for a metric).
    std::string field = "value";
    Date eventDate;
    std::string eventKind, eventNote;
    std::optional<double> current; // the number when the appeal was filed (none: no value)
    double requested = 0;
    std::string reason, filedBy;
    int64_t filedAt = 0; // unix ms
    AppealStatus status = AppealStatus::Pending;
    std::optional<double> decidedValue; // accepted: the value applied
    std::string decisionReason, decidedBy;
    int64_t decidedAt = 0;
    bool operator==(const Appeal&) const = default;
};

// What the appeal is about, for lists and the log: "张三 / conversion_rate" or
// "张三 / 2024-03-05 complaint / points".
std::string appealSubject(const Appeal& a);
Json appealToJson(const Appeal& a);

} // namespace kefu::core
