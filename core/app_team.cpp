// The shop's setup and its team over time: the first start, groups, new months, agents leaving
// and coming back, the events of a month, the shop's settings and the department fund entries.
#include <algorithm>

#include "app_actions.h"
#include "csv.h"

namespace kefu::core {

using namespace detail;

namespace {
const Msg kShopNameEmpty{"请填写店铺名称", "Enter the shop's name"};
const Msg kShopNotEmpty{"店铺已经有数据了，不能重新开始；如需新店铺请先导出并清空", "The shop already has data; it cannot be started again"};
const Msg kUnknownScheme{"没有方案“{0}”", "No scheme '{0}'"};
const Msg kGroupTwice{"组别“{0}”写了两次", "The group '{0}' is listed twice"};
const Msg kGroupInUse{"组别“{0}”还有客服（{1}），不能删除", "The group '{0}' still has agents ({1}) and cannot be left out"};
const Msg kPeriodExists{"{0} 已经有了", "{0} is already there"};
const Msg kNoSuchPeriod{"没有这个月份", "There is no such month"};
const Msg kPeriodClosed{"{0} 已结算，不能再修改；如需修改请先重新打开", "{0} is closed and cannot change; reopen it first"};
const Msg kNoAgent{"名单中没有客服“{0}”", "No agent '{0}' on the roster"};
const Msg kNotInactive{"“{0}”不在已停用的客服里", "'{0}' is not among the agents taken off the team"};
const Msg kAgentExists{"客服“{0}”已在名单中", "Agent '{0}' is already on the roster"};
const Msg kHasData{"{0} 在 {1} 有数据或事件，不能从这个月起停用；请选之后的月份，或先删掉那些数据",
                   "{0} has values or events in {1} and cannot leave from that month; pick a later month or remove them first"};
const Msg kEventAgent{"{0} 不在 {1} 的名单里", "{0} is not on the team of {1}"};
const Msg kEventDate{"日期 {0} 不在 {1} 内", "The date {0} is not in {1}"};
const Msg kEventKind{"没有事件类型“{0}”（方案里也没有定义）", "Unknown event kind '{0}' (the scheme does not define it either)"};
const Msg kEventCount{"次数至少为 1", "The count must be at least 1"};
const Msg kNoEvent{"没有这条事件", "There is no such event"};
const Msg kMoneyDecimals{"金额的小数位只能是 0 或 2", "Money decimals can only be 0 or 2"};
const Msg kFundAmount{"金额不能为 0", "The amount cannot be 0"};
const Msg kFundNote{"请写明用途或来源", "Say what the money is for or where it came from"};
const Msg kNoFundEntry{"没有这条基金记录", "There is no such fund entry"};

bool hasAgent(const std::vector<Agent>& agents, const std::string& name) {
    return std::any_of(agents.begin(), agents.end(), [&](const Agent& a) { return a.name == name; });
}

// A month that may change: a valid index of an open month (else a notice and nullptr).
PeriodData* openPeriod(AppState& s, int index) {
    if (index < 0 || index >= int(s.periods.size())) return notice(s, kNoSuchPeriod), nullptr;
    PeriodData& p = s.periods[size_t(index)];
    if (p.closed) return notice(s, kPeriodClosed, {formatMonth(p.month)}), nullptr;
    return &p;
}

// Removes an agent's row (values) from a month.
void dropRow(PeriodData& p, const std::string& name) {
    auto at = std::find_if(p.input.agents.begin(), p.input.agents.end(), [&](const Agent& a) { return a.name == name; });
    if (at == p.input.agents.end()) return;
    const size_t skip = size_t(at - p.input.agents.begin());
    MetricTable out;
    for (const auto& c : p.input.metrics.columns()) out.addColumn(c);
    out.resizeRows(p.input.agents.size() - 1);
    for (size_t r = 0, o = 0; r < p.input.agents.size(); ++r) {
        if (r == skip) continue;
        for (size_t c = 0; c < out.columns().size(); ++c) out.set(o, int(c), p.input.metrics.get(r, int(c)));
        ++o;
    }
    p.input.metrics = std::move(out);
    p.input.agents.erase(at);
}

bool hasDataIn(const PeriodData& p, const std::string& name) {
    for (size_t r = 0; r < p.input.agents.size(); ++r) {
        if (p.input.agents[r].name != name) continue;
        for (size_t c = 0; c < p.input.metrics.columns().size(); ++c)
            if (p.input.metrics.get(r, int(c))) return true;
    }
    return std::any_of(p.input.events.begin(), p.input.events.end(), [&](const Event& e) { return e.agent == name; });
}

// Checks an event against its month; the event with trimmed fields, or nullopt (with a notice).
std::optional<Event> checkedEvent(AppState& s, const PeriodData& p, Event e) {
    e.agent = std::string(trim(e.agent));
    e.kind = std::string(trim(e.kind));
    e.note = std::string(trim(e.note));
    const std::string month = formatMonth(p.month);
    if (!hasAgent(p.input.agents, e.agent)) return notice(s, kEventAgent, {e.agent, month}), std::nullopt;
    if (monthOf(e.date) != p.month) return notice(s, kEventDate, {formatDate(e.date), month}), std::nullopt;
    if (!eventKindAccepted(s, e.kind)) return notice(s, kEventKind, {e.kind}), std::nullopt;
    if (e.count < 1) return notice(s, kEventCount), std::nullopt;
    e.line = 0;
    return e;
}

std::string eventText(const PeriodData& p, const Event& e) {
    return formatMonth(p.month) + " / " + e.agent + " / " + formatDate(e.date) + " " + e.kind +
           (e.count != 1 ? " x" + std::to_string(e.count) : "") + (e.note.empty() ? "" : " (" + e.note + ")");
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
}

// Trimmed, non-empty groups; false (with a notice) when one is listed twice.
bool cleanGroups(AppState& s, const std::vector<std::string>& in, std::vector<std::string>& out) {
    for (const auto& g : in) {
        std::string t(trim(g));
        if (t.empty()) continue;
        if (std::find(out.begin(), out.end(), t) != out.end()) return notice(s, kGroupTwice, {t}), false;
        out.push_back(std::move(t));
    }
    return true;
}
} // namespace

namespace detail {
Change startShop(AppState& s, const StartShop& a) {
    std::string name(trim(a.shopName));
    if (name.empty()) return notice(s, kShopNameEmpty), Change{};
    if (!s.periods.empty() || !s.roster.empty()) return notice(s, kShopNotEmpty), Change{};
    std::vector<std::string> groups;
    if (!cleanGroups(s, a.groups, groups)) return {};
    if (!a.schemeId.empty() && schemeText(s, a.schemeId).empty()) return notice(s, kUnknownScheme, {a.schemeId}), Change{};
    s.shopName = name;
    s.groups = std::move(groups);
    if (!a.schemeId.empty()) {
        s.schemeId = a.schemeId;
        s.schemeIsFallback = false;
    }
    s.demo = false;
    PeriodData p;
    p.month = a.month;
    p.input.period = a.month;
    s.periods = {std::move(p)};
    s.selectedPeriod = 0;
    recompute(s);
    return {"start", name + " / " + joined(s.groups) + " / " + s.schemeId + " / " + formatMonth(a.month)};
}

Change setGroups(AppState& s, const SetGroups& a) {
    std::vector<std::string> groups;
    if (!cleanGroups(s, a.groups, groups)) return {};
    for (const auto& old : rosterGroups(s)) {
        if (std::find(groups.begin(), groups.end(), old) != groups.end()) continue;
        std::vector<std::string> members;
        for (const auto& r : s.roster)
            if (r.group == old) members.push_back(r.name);
        if (!members.empty()) return notice(s, kGroupInUse, {old, joined(members)}), Change{};
    }
    if (groups == s.groups) return {};
    s.groups = std::move(groups);
    return {"groups", joined(s.groups)};
}

Change addPeriod(AppState& s, const AddPeriod& a) {
    const std::string month = formatMonth(a.month);
    if (std::any_of(s.periods.begin(), s.periods.end(), [&](const PeriodData& p) { return p.month == a.month; }))
        return notice(s, kPeriodExists, {month}), Change{};
    PeriodData p;
    p.month = a.month;
    p.input.period = a.month;
    const Date last = lastDay(a.month);
    for (const auto& r : s.roster)
        if (!r.hireDate || *r.hireDate <= last) p.input.agents.push_back(r);
    p.input.metrics.resizeRows(p.input.agents.size());
    auto at = std::upper_bound(s.periods.begin(), s.periods.end(), a.month,
                               [](const Month& m, const PeriodData& x) { return m < x.month; });
    s.selectedPeriod = int(at - s.periods.begin());
    s.periods.insert(at, std::move(p));
    recompute(s);
    return {"add_period", month};
}

Change deactivateAgent(AppState& s, const DeactivateAgent& a) {
    auto it = std::find_if(s.roster.begin(), s.roster.end(), [&](const Agent& r) { return r.name == a.name; });
    if (it == s.roster.end()) return notice(s, kNoAgent, {a.name}), Change{};
    const int from = std::max(a.fromPeriod, 0);
    for (size_t i = size_t(from); i < s.periods.size(); ++i)
        if (!s.periods[i].closed && hasDataIn(s.periods[i], a.name))
            return notice(s, kHasData, {a.name, formatMonth(s.periods[i].month)}), Change{};
    for (size_t i = size_t(from); i < s.periods.size(); ++i)
        if (!s.periods[i].closed) dropRow(s.periods[i], a.name);
    s.inactive.push_back(*it);
    s.roster.erase(it);
    recompute(s);
    const std::string since = size_t(from) < s.periods.size() ? formatMonth(s.periods[size_t(from)].month) : "";
    return {"deactivate", a.name + (since.empty() ? "" : " (" + since + ")")};
}

Change reactivateAgent(AppState& s, const ReactivateAgent& a) {
    auto it = std::find_if(s.inactive.begin(), s.inactive.end(), [&](const Agent& r) { return r.name == a.name; });
    if (it == s.inactive.end()) return notice(s, kNotInactive, {a.name}), Change{};
    if (hasAgent(s.roster, a.name)) return notice(s, kAgentExists, {a.name}), Change{};
    const Agent agent = *it;
    s.inactive.erase(it);
    s.roster.push_back(agent);
    const int from = std::max(a.fromPeriod, 0);
    for (size_t i = size_t(from); i < s.periods.size(); ++i) {
        PeriodData& p = s.periods[i];
        if (p.closed || hasAgent(p.input.agents, agent.name)) continue;
        p.input.agents.push_back(agent);
        p.input.metrics.resizeRows(p.input.agents.size());
    }
    recompute(s);
    const std::string since = size_t(from) < s.periods.size() ? formatMonth(s.periods[size_t(from)].month) : "";
    return {"reactivate", a.name + (since.empty() ? "" : " (" + since + ")")};
}

Change addEvent(AppState& s, const AddEvent& a) {
    PeriodData* p = openPeriod(s, a.period);
    if (!p) return {};
    auto e = checkedEvent(s, *p, a.event);
    if (!e) return {};
    p->input.events.push_back(*e);
    recompute(s);
    return {"add_event", eventText(*p, *e)};
}

Change updateEvent(AppState& s, const UpdateEvent& a) {
    PeriodData* p = openPeriod(s, a.period);
    if (!p) return {};
    if (a.index < 0 || a.index >= int(p->input.events.size())) return notice(s, kNoEvent), Change{};
    auto e = checkedEvent(s, *p, a.event);
    if (!e) return {};
    Event& old = p->input.events[size_t(a.index)];
    if (old.agent == e->agent && old.date == e->date && old.kind == e->kind && old.count == e->count &&
        old.points == e->points && old.note == e->note)
        return {};
    const std::string before = eventText(*p, old);
    old = *e;
    recompute(s);
    return {"edit_event", before + " → " + eventText(*p, *e)};
}

Change removeEvent(AppState& s, const RemoveEvent& a) {
    PeriodData* p = openPeriod(s, a.period);
    if (!p) return {};
    if (a.index < 0 || a.index >= int(p->input.events.size())) return notice(s, kNoEvent), Change{};
    const std::string text = eventText(*p, p->input.events[size_t(a.index)]);
    p->input.events.erase(p->input.events.begin() + a.index);
    recompute(s);
    return {"remove_event", text};
}

Change setSettings(AppState& s, const SetSettings& a) {
    if (a.settings.number.moneyDecimals != 0 && a.settings.number.moneyDecimals != 2) return notice(s, kMoneyDecimals), Change{};
    if (sameSettings(a.settings, s.settings)) return {};
    s.settings = a.settings;
    return {"settings", ""};
}

Change addFundEntry(AppState& s, const AddFundEntry& a, uint64_t seed) {
    FundEntry e = a.entry;
    e.note = std::string(trim(e.note));
    if (e.amountFen == 0) return notice(s, kFundAmount), Change{};
    if (e.note.empty()) return notice(s, kFundNote), Change{};
    if (e.id.empty()) e.id = makeId(seed);
    s.fund.push_back(e);
    return {"fund", formatDate(e.date) + " " + formatYuan(e.amountFen) + " " + e.note};
}

Change removeFundEntry(AppState& s, const RemoveFundEntry& a) {
    auto it = std::find_if(s.fund.begin(), s.fund.end(), [&](const FundEntry& e) { return e.id == a.id; });
    if (it == s.fund.end()) return notice(s, kNoFundEntry), Change{};
    const std::string text = formatDate(it->date) + " " + formatYuan(it->amountFen) + " " + it->note;
    s.fund.erase(it);
    return {"remove_fund", text};
}
} // namespace detail

} // namespace kefu::core
