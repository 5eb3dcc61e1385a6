// The appeals' actions: FileAppeal records an appeal in an open month; DecideAppeal accepts
// (applying the value as an adjustment whose source is the appeal) or rejects it. Closed months
// refuse both. Each is one logged, undoable step.
#include <algorithm>
#include <cmath>

#include "app_actions.h"
#include "csv.h"

namespace kefu::core::detail {

namespace {
const Msg kNoSuchPeriod{"没有这个月份", "There is no such month"};
const Msg kClosed{"{0} 已结算，不能再提出或处理申诉；如需处理请先重新打开",
                  "{0} is closed: appeals can no longer be filed or decided; reopen it first"};
const Msg kNoAgent{"{0} 不在 {1} 的名单里", "{0} is not on the team of {1}"};
const Msg kUnknownMetric{"没有指标“{0}”", "No metric '{0}'"};
const Msg kNoEvent{"{0} 在 {1} 没有这条事件", "{0} has no such event in {1}"};
const Msg kReason{"请填写申诉理由", "Give the reason for the appeal"};
const Msg kDecisionReason{"请填写处理理由", "Give the reason for the decision"};
const Msg kNotNumber{"申请的数值必须是一个数", "The requested value must be a number"};
const Msg kSame{"申请的数值与当前数值相同", "The requested value is the same as the current one"};
const Msg kCount{"次数必须是不小于 1 的整数", "A count must be a whole number of at least 1"};
const Msg kNoAppeal{"没有这条申诉", "There is no such appeal"};
const Msg kDecided{"这条申诉已经处理过了", "This appeal has already been decided"};

// An open month by index (else a notice and nullptr).
PeriodData* openMonth(AppState& s, int index) {
    if (index < 0 || index >= int(s.periods.size())) return notice(s, kNoSuchPeriod), nullptr;
    PeriodData& p = s.periods[size_t(index)];
    if (p.closed) return notice(s, kClosed, {formatMonth(p.month)}), nullptr;
    return &p;
}

int rowOf(const PeriodData& p, const std::string& agent) {
    for (size_t r = 0; r < p.input.agents.size(); ++r)
        if (p.input.agents[r].name == agent) return int(r);
    return -1;
}

// The appealed event of the month: the agent's first event with that date, kind and note.
Event* findEvent(PeriodData& p, const Appeal& a) {
    for (auto& e : p.input.events)
        if (e.agent == a.agent && e.date == a.eventDate && e.kind == a.eventKind && e.note == a.eventNote) return &e;
    return nullptr;
}

// The number appealed as it is now: a metric's value (derived ones computed), an event's points or count.
std::optional<double> currentNumber(PeriodData& p, const Appeal& a, int row) {
    if (!a.metric.empty()) {
        MetricTable t = p.input.metrics;
        deriveMetrics(Catalog::builtin(), t);
        return t.get(size_t(row), a.metric);
    }
    const Event* e = findEvent(p, a);
    if (!e) return std::nullopt;
    if (a.field == "points") return e->points;
    return double(e->count);
}

std::string number(const std::optional<double>& v) { return v ? formatNumber(round6(*v)) : "-"; }

// Checks what is appealed; the row of the agent, or -1 after a notice.
int checkSubject(AppState& s, PeriodData& p, const Appeal& a) {
    const std::string month = formatMonth(p.month);
    const int row = rowOf(p, a.agent);
    if (row < 0) return notice(s, kNoAgent, {a.agent, month}), -1;
    if (!a.metric.empty() && !Catalog::builtin().find(a.metric)) return notice(s, kUnknownMetric, {a.metric}), -1;
    if (a.metric.empty() && !findEvent(p, a)) return notice(s, kNoEvent, {a.agent, month}), -1;
    return row;
}

bool validCount(const Appeal& a, double v) { return a.field != "count" || (v >= 1 && v == std::floor(v) && v < 1e9); }

// Writes the accepted value: a metric value sourced to the appeal, or the event's number.
void applyValue(PeriodData& p, const Appeal& a, int row, double value) {
    if (!a.metric.empty()) {
        const int col = p.input.metrics.addColumn(a.metric);
        p.input.metrics.set(size_t(row), col, value);
        p.sources[sourceKey(a.agent, a.metric)] = Provenance{Origin::Appeal, "appeal", a.id, 0};
        return;
    }
    Event* e = findEvent(p, a);
    if (a.field == "points") e->points = value;
    else e->count = int32_t(value);
}
} // namespace

Change fileAppeal(AppState& s, const FileAppeal& f, int64_t now, uint64_t seed) {
    PeriodData* p = openMonth(s, f.period);
    if (!p) return {};
    Appeal a = f.appeal;
    a.agent = std::string(trim(a.agent));
    a.reason = std::string(trim(a.reason));
    a.filedBy = std::string(trim(a.filedBy));
    if (a.metric.empty() && a.field != "points" && a.field != "count") a.field = "points";
    if (!a.metric.empty()) a.field = "value";
    const int row = checkSubject(s, *p, a);
    if (row < 0) return {};
    if (!std::isfinite(a.requested)) return notice(s, kNotNumber), Change{};
    if (!validCount(a, a.requested)) return notice(s, kCount), Change{};
    if (a.reason.empty()) return notice(s, kReason), Change{};
    a.current = currentNumber(*p, a, row);
    if (a.current && round6(*a.current) == round6(a.requested)) return notice(s, kSame), Change{};
    if (a.filedBy.empty()) a.filedBy = a.agent;
    a.id = makeId(seed);
    a.filedAt = now;
    a.status = AppealStatus::Pending;
    a.decidedValue.reset();
    a.decisionReason.clear(), a.decidedBy.clear(), a.decidedAt = 0;
    p->appeals.push_back(a);
    return {"file_appeal", formatMonth(p->month) + " / " + appealSubject(a) + ": " + number(a.current) + " → " +
                               number(a.requested) + " (" + a.filedBy + "): " + a.reason};
}

Change decideAppeal(AppState& s, const DecideAppeal& d, int64_t now) {
    PeriodData* p = openMonth(s, d.period);
    if (!p) return {};
    auto it = std::find_if(p->appeals.begin(), p->appeals.end(), [&](const Appeal& a) { return a.id == d.id; });
    if (it == p->appeals.end()) return notice(s, kNoAppeal), Change{};
    if (it->status != AppealStatus::Pending) return notice(s, kDecided), Change{};
    const std::string reason(trim(d.reason));
    if (reason.empty()) return notice(s, kDecisionReason), Change{};
    const std::string subject = formatMonth(p->month) + " / " + appealSubject(*it);
    if (!d.accept) {
        it->status = AppealStatus::Rejected;
        it->decisionReason = reason, it->decidedBy = s.managerName, it->decidedAt = now;
        return {"reject_appeal", subject + ": " + reason};
    }
    const double value = d.value.value_or(it->requested);
    const int row = checkSubject(s, *p, *it);
    if (row < 0) return {};
    if (!std::isfinite(value)) return notice(s, kNotNumber), Change{};
    if (!validCount(*it, value)) return notice(s, kCount), Change{};
    const std::optional<double> before = currentNumber(*p, *it, row);
    applyValue(*p, *it, row, value);
    it->status = AppealStatus::Accepted;
    it->decidedValue = value;
    it->decisionReason = reason, it->decidedBy = s.managerName, it->decidedAt = now;
    recompute(s);
    return {"accept_appeal", subject + ": " + number(before) + " → " + number(value) + ": " + reason};
}

} // namespace kefu::core::detail
