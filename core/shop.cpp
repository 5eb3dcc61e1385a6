#include "shop.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "json.h"
#include "random.h"

namespace kefu::core {

Stamp restamp(const Stamp& previous, int64_t at, const std::string& author) {
    Stamp s;
    s.at = std::max(at, previous.at + 1); // revisions of one record strictly increase
    s.author = author;
    if (previous.at != 0) s.ancestry.push_back(previous.at);
    for (int64_t a : previous.ancestry) {
        if (s.ancestry.size() >= kStampAncestry) break;
        s.ancestry.push_back(a);
    }
    return s;
}

std::string makeId(uint64_t seed) {
    const uint64_t z = mix64(seed + 0x9E3779B97F4A7C15ull);
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)z);
    return buf;
}

const AgentRecord* findAgent(const Shop& shop, const std::string& id) {
    for (const auto& a : shop.agents)
        if (a.id == id) return &a;
    return nullptr;
}

AgentIndex::AgentIndex(const Shop& shop) : m_shop(shop) {
    m_byId.reserve(shop.agents.size());
    for (size_t i = 0; i < shop.agents.size(); ++i) m_byId.emplace(shop.agents[i].id, i); // the first of a repeated id, as findAgent
}

size_t AgentIndex::position(std::string_view id) const {
    auto it = m_byId.find(id);
    return it == m_byId.end() ? SIZE_MAX : it->second;
}

const AgentRecord* AgentIndex::find(std::string_view id) const {
    const size_t i = position(id);
    return i == SIZE_MAX ? nullptr : &m_shop.agents[i];
}

Agent agentOf(const AgentRecord& r) {
    Agent a;
    a.id = r.id;
    a.name = r.name;
    a.group = r.group;
    a.status = r.status;
    a.hireDate = r.hireDate;
    a.regularSince = r.regularSince;
    a.level = r.level;
    a.nicknames = r.nicknames;
    return a;
}

void setAgentFields(AgentRecord& r, const Agent& a) {
    r.name = a.name;
    r.group = a.group;
    r.status = a.status;
    r.hireDate = a.hireDate;
    r.regularSince = a.regularSince;
    r.level = a.level;
    r.nicknames = a.nicknames;
}

PeriodRecord* findPeriod(Shop& shop, const Month& m) {
    for (auto& p : shop.periods)
        if (p.month == m) return &p;
    return nullptr;
}

const PeriodRecord* findPeriod(const Shop& shop, const Month& m) {
    for (const auto& p : shop.periods)
        if (p.month == m) return &p;
    return nullptr;
}

namespace {
// The value of a field at a date: the latest dated change on or before it, else the current value.
std::string fieldAt(const AgentRecord& a, const std::string& field, const Date& day, const std::string& current) {
    const AgentChange* best = nullptr;
    for (const auto& c : a.changes)
        if (c.field == field && c.date <= day && (!best || best->date <= c.date)) best = &c;
    return best ? best->value : current;
}

// The team a closed period was scored with, from its frozen results: (id or name, group, status).
struct FrozenMember {
    std::string id, name, group, status;
};
std::vector<FrozenMember> frozenTeam(const PeriodRecord& p) {
    std::vector<FrozenMember> out;
    auto j = parseJson(p.frozenResults);
    const Json* agents = j ? j->find("agents") : nullptr;
    if (!agents || !agents->isArray()) return out;
    for (const auto& a : agents->items()) {
        auto str = [&](const char* k) {
            const Json* v = a.find(k);
            return v && v->isString() ? v->asString() : std::string();
        };
        out.push_back({str("id"), str("agent"), str("group"), str("status")});
    }
    return out;
}

Agent agentAt(const AgentRecord& r, const Date& last) {
    Agent a = agentOf(r);
    a.group = fieldAt(r, "group", last, r.group);
    auto status = parseStatus(fieldAt(r, "status", last, statusId(r.status)));
    a.status = status ? *status : r.status;
    return a;
}
} // namespace

PeriodInput periodInput(const Shop& shop, const Month& month) {
    PeriodInput in;
    in.period = month;
    const PeriodRecord* period = findPeriod(shop, month);
    const Date last = lastDay(month);
    std::vector<size_t> rowOf(shop.agents.size(), SIZE_MAX);
    const AgentIndex index(shop);
    // A closed period keeps the team (and groups, statuses) it was scored with.
    const std::vector<FrozenMember> team = period && period->closed ? frozenTeam(*period) : std::vector<FrozenMember>{};
    if (!team.empty()) {
        // Members without an id (older snapshots) are matched by name: the first such record.
        std::unordered_map<std::string_view, std::vector<size_t>> byName;
        for (size_t i = 0; i < shop.agents.size(); ++i) byName[shop.agents[i].name].push_back(i);
        for (const auto& m : team) {
            size_t found = SIZE_MAX;
            if (!m.id.empty()) {
                // The first record with that id that is not taken yet (ids repeat only in damaged shops).
                for (size_t i = index.position(m.id); i < shop.agents.size() && found == SIZE_MAX; ++i)
                    if (shop.agents[i].id == m.id && rowOf[i] == SIZE_MAX) found = i;
            } else if (auto it = byName.find(m.name); it != byName.end()) {
                for (size_t i : it->second)
                    if (rowOf[i] == SIZE_MAX) { found = i; break; }
            }
            if (found == SIZE_MAX) continue;
            Agent a = agentAt(shop.agents[found], last);
            if (!m.group.empty()) a.group = m.group;
            if (auto st = parseStatus(m.status)) a.status = *st;
            rowOf[found] = in.agents.size();
            in.agents.push_back(std::move(a));
        }
    }
    // Agents with a value this month (they were on the team then, whatever their record says now).
    std::unordered_set<std::string_view> withData;
    if (period && team.empty())
        for (const MetricCell& c : period->cells)
            if (c.value) withData.insert(c.agentId);
    for (size_t i = 0; i < shop.agents.size() && team.empty(); ++i) {
        const AgentRecord& r = shop.agents[i];
        const bool hasData = withData.count(r.id) > 0;
        if (fieldAt(r, "active", last, r.active ? "1" : "0") != "1" && !hasData) continue; // not on the team then
        if (r.hireDate && *r.hireDate > last && !hasData) continue; // not hired yet
        rowOf[i] = in.agents.size();
        in.agents.push_back(agentAt(r, last));
    }
    in.metrics.resizeRows(in.agents.size());
    if (!period) return in;
    // A cell goes to the first record with its agent id that is on the team.
    std::unordered_map<std::string_view, size_t> rowById;
    for (size_t i = 0; i < shop.agents.size(); ++i)
        if (rowOf[i] != SIZE_MAX) rowById.emplace(shop.agents[i].id, rowOf[i]);
    for (const auto& c : period->cells) {
        if (!c.value) continue;
        if (auto it = rowById.find(c.agentId); it != rowById.end())
            in.metrics.set(it->second, in.metrics.addColumn(c.metric), c.value);
    }
    for (const auto& e : period->events) {
        if (e.deleted) continue;
        const AgentRecord* a = index.find(e.agentId);
        if (!a) continue;
        Event ev;
        ev.agent = a->name;
        ev.date = e.date;
        ev.kind = e.kind;
        ev.count = e.count;
        ev.points = e.points;
        ev.note = e.note;
        in.events.push_back(std::move(ev));
    }
    return in;
}

} // namespace kefu::core
