// Appeals: see appeals.h.
#include "appeals.h"

namespace kefu::core {

const char* appealStatusId(AppealStatus s) {
    switch (s) {
    case AppealStatus::Pending: return "pending";
    case AppealStatus::Accepted: return "accepted";
    case AppealStatus::Rejected: return "rejected";
    }
    return "pending";
}

std::string appealSubject(const Appeal& a) {
    if (!a.metric.empty()) return a.agent + " / " + a.metric;
    return a.agent + " / " + formatDate(a.eventDate) + " " + a.eventKind + (a.eventNote.empty() ? "" : " (" + a.eventNote + ")") +
           " / " + a.field;
}

Json appealToJson(const Appeal& a) {
    const auto opt = [](const std::optional<double>& v) { return v ? Json::number(*v) : Json::null(); };
    Json j = Json::object();
    j.set("id", Json::string(a.id));
    j.set("agent", Json::string(a.agent));
    j.set("metric", Json::string(a.metric));
    j.set("field", Json::string(a.field));
    if (a.metric.empty()) {
        j.set("event_date", Json::string(formatDate(a.eventDate)));
        j.set("event_kind", Json::string(a.eventKind));
        j.set("event_note", Json::string(a.eventNote));
    }
    j.set("current", opt(a.current));
    j.set("requested", Json::number(a.requested));
    j.set("reason", Json::string(a.reason));
    j.set("filed_by", Json::string(a.filedBy));
    j.set("filed_at", Json::number(double(a.filedAt)));
    j.set("status", Json::string(appealStatusId(a.status)));
    j.set("decided_value", opt(a.decidedValue));
    j.set("decision_reason", Json::string(a.decisionReason));
    j.set("decided_by", Json::string(a.decidedBy));
    j.set("decided_at", Json::number(double(a.decidedAt)));
    return j;
}

} // namespace kefu::core
