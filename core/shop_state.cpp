#include "shop_state.h"

#include <algorithm>
#include <unordered_map>

#include "app_actions.h"
#include "results.h"

namespace kefu::core {

namespace {
const AgentRecord* byName(const Shop& shop, const std::string& name) {
    for (const auto& a : shop.agents)
        if (a.name == name) return &a;
    return nullptr;
}

// The dated changes that give every month its team: per field, the value in each month where it
// differs from the month before (none when every month has the current value). "active" is "1"
// in a month that has the agent and "0" in one that does not.
std::vector<AgentChange> datedChanges(const AppState& s, const Agent& current, bool active) {
    std::vector<AgentChange> out;
    for (const char* field : {"group", "status", "active"}) {
        const std::string now = field[0] == 'g' ? current.group : field[0] == 's' ? statusId(current.status) : active ? "1" : "0";
        std::vector<AgentChange> changes;
        bool differs = false;
        for (const auto& p : s.periods) {
            auto it = std::find_if(p.input.agents.begin(), p.input.agents.end(), [&](const Agent& x) { return x.name == current.name; });
            std::string v;
            if (field[0] == 'a') v = it != p.input.agents.end() ? "1" : "0";
            else if (it == p.input.agents.end()) continue;
            else v = field[0] == 'g' ? it->group : statusId(it->status);
            differs |= v != now;
            if (changes.empty() || changes.back().value != v) changes.push_back({firstDay(p.month), field, v});
        }
        if (differs) out.insert(out.end(), changes.begin(), changes.end());
    }
    return out;
}

AgentRecord agentRecord(const AppState& s, const Agent& a, bool active, const Shop& previous, int64_t now,
                        const std::string& author, uint64_t& seed) {
    const AgentRecord* old = !a.id.empty() ? findAgent(previous, a.id) : byName(previous, a.name);
    AgentRecord r = old ? *old : AgentRecord{};
    if (!old) r.id = a.id.empty() ? makeId(seed++) : a.id;
    setAgentFields(r, a);
    r.active = active;
    r.changes = datedChanges(s, a, active);
    if (old && *old == r) return r;
    r.stamp = restamp(old ? old->stamp : Stamp{}, now, author);
    return r;
}

std::vector<MetricCell> cells(const PeriodData& p, const std::vector<std::string>& ids, const PeriodRecord* old,
                              int64_t now, const std::string& author) {
    const PeriodInput& in = p.input;
    std::vector<MetricCell> out;
    std::unordered_map<std::string, const MetricCell*> before; // "agent id \x1f metric" -> the saved cell
    if (old) {
        before.reserve(old->cells.size());
        for (const auto& x : old->cells) before[x.agentId + '\x1f' + x.metric] = &x;
    }
    const auto& cols = in.metrics.columns();
    for (size_t r = 0; r < in.agents.size(); ++r)
        for (size_t c = 0; c < cols.size(); ++c) {
            auto v = in.metrics.get(r, int(c));
            if (!v) continue;
            MetricCell cell{ids[r], cols[c], v, {}, {}};
            if (auto source = p.sources.find(sourceKey(in.agents[r].name, cols[c])); source != p.sources.end())
                cell.provenance = source->second;
            auto found = before.find(cell.agentId + '\x1f' + cell.metric);
            const MetricCell* prev = found == before.end() ? nullptr : found->second;
            if (prev && prev->value == v && prev->provenance == cell.provenance) { out.push_back(*prev); continue; }
            cell.stamp = restamp(prev ? prev->stamp : Stamp{}, now, author);
            out.push_back(std::move(cell));
        }
    return out;
}

std::vector<EventRecord> events(const PeriodInput& in, const Shop& shop, const PeriodRecord* old, int64_t now,
                                const std::string& author, uint64_t& seed) {
    std::vector<EventRecord> out;
    std::vector<bool> used(old ? old->events.size() : 0, false);
    for (const auto& e : in.events) {
        const AgentRecord* a = byName(shop, e.agent);
        if (!a) continue;
        EventRecord rec{"", a->id, e.date, e.kind, e.count, e.points, e.note, false, {}};
        bool kept = false;
        for (size_t k = 0; old && k < old->events.size() && !kept; ++k) {
            const EventRecord& x = old->events[k];
            if (used[k] || x.agentId != rec.agentId || x.date != rec.date || x.kind != rec.kind || x.count != rec.count ||
                x.points != rec.points || x.note != rec.note || x.deleted)
                continue;
            used[k] = kept = true;
            out.push_back(x);
        }
        if (kept) continue;
        rec.id = makeId(seed++);
        rec.stamp = restamp({}, now, author);
        out.push_back(std::move(rec));
    }
    for (size_t k = 0; old && k < old->events.size(); ++k) // removed events stay as tombstones for merges
        if (!used[k]) {
            EventRecord gone = old->events[k];
            if (!gone.deleted) { gone.deleted = true; gone.stamp = restamp(gone.stamp, now, author); }
            out.push_back(std::move(gone));
        }
    return out;
}
// The month's appeals; unchanged ones keep their stamps.
std::vector<AppealRecord> appealRecords(const PeriodData& p, const PeriodRecord* old, int64_t now, const std::string& author) {
    std::vector<AppealRecord> out;
    for (const auto& a : p.appeals) {
        const AppealRecord* prev = nullptr;
        for (size_t k = 0; old && k < old->appeals.size() && !prev; ++k)
            if (old->appeals[k].appeal.id == a.id) prev = &old->appeals[k];
        if (prev && prev->appeal == a) { out.push_back(*prev); continue; }
        out.push_back({a, restamp(prev ? prev->stamp : Stamp{}, now, author)});
    }
    return out;
}
} // namespace

Shop shopFromState(const AppState& s, const Shop& previous, int64_t now, const std::string& author, uint64_t seed) {
    Shop shop = previous;
    if (shop.id.empty()) shop.id = makeId(seed++);
    const std::string settings = shopSettingsJson(s.settings);
    const bool profileChanged = shop.name != s.shopName || shop.activeSchemeId != s.schemeId || shop.groups != s.groups ||
                                shop.settings != settings;
    shop.name = s.shopName;
    shop.activeSchemeId = s.schemeId;
    shop.groups = s.groups;
    shop.settings = settings;
    if (profileChanged || shop.stamp.at == 0) shop.stamp = restamp(previous.stamp, now, author);
    shop.agents.clear();
    for (const auto& a : s.roster) shop.agents.push_back(agentRecord(s, a, true, previous, now, author, seed));
    for (const auto& a : s.inactive) shop.agents.push_back(agentRecord(s, a, false, previous, now, author, seed));
    // Records keep their places (months list agents in record order); new ones come last.
    std::unordered_map<std::string, size_t> placeOf;
    for (size_t i = 0; i < previous.agents.size(); ++i) placeOf.emplace(previous.agents[i].id, i);
    auto place = [&](const AgentRecord& r) {
        auto it = placeOf.find(r.id);
        return it == placeOf.end() ? previous.agents.size() : it->second;
    };
    std::stable_sort(shop.agents.begin(), shop.agents.end(),
                     [&](const AgentRecord& x, const AgentRecord& y) { return place(x) < place(y); });
    for (const auto& old : previous.agents) // agents taken off the roster stay, inactive
        if (!byName(shop, old.name)) {
            AgentRecord gone = old;
            if (gone.active) { gone.active = false; gone.stamp = restamp(gone.stamp, now, author); }
            shop.agents.push_back(std::move(gone));
        }
    shop.schemes.clear();
    for (const auto& [schemeId, json] : s.schemes) {
        const std::string& id = schemeId; // em++ (clang 14) cannot capture a structured binding in a lambda
        auto old = std::find_if(previous.schemes.begin(), previous.schemes.end(), [&](const SchemeRecord& r) { return r.id == id; });
        if (old != previous.schemes.end() && old->json == json) { shop.schemes.push_back(*old); continue; }
        shop.schemes.push_back({id, json, restamp(old != previous.schemes.end() ? old->stamp : Stamp{}, now, author)});
    }
    shop.fund.clear();
    for (const auto& e : s.fund) {
        auto old = std::find_if(previous.fund.begin(), previous.fund.end(), [&](const FundRecord& r) { return r.entry.id == e.id; });
        if (old != previous.fund.end() && old->entry == e && !old->deleted) { shop.fund.push_back(*old); continue; }
        shop.fund.push_back({e, false, restamp(old != previous.fund.end() ? old->stamp : Stamp{}, now, author)});
    }
    for (const auto& old : previous.fund) // removed entries stay as tombstones for merges
        if (std::none_of(s.fund.begin(), s.fund.end(), [&](const FundEntry& e) { return e.id == old.entry.id; })) {
            FundRecord gone = old;
            if (!gone.deleted) { gone.deleted = true; gone.stamp = restamp(gone.stamp, now, author); }
            shop.fund.push_back(std::move(gone));
        }
    shop.periods.clear();
    for (const auto& p : s.periods) {
        const PeriodRecord* old = findPeriod(previous, p.month);
        PeriodRecord rec = old ? *old : PeriodRecord{};
        rec.month = p.month;
        std::vector<std::string> ids;
        for (const auto& a : p.input.agents) {
            const AgentRecord* r = byName(shop, a.name);
            ids.push_back(r ? r->id : std::string());
        }
        rec.cells = cells(p, ids, old, now, author);
        rec.events = events(p.input, shop, old, now, author, seed);
        rec.appeals = appealRecords(p, old, now, author);
        if (!old) rec.stamp = restamp({}, now, author);
        if (rec.closed != p.closed) { // closing freezes what the results were made from; both are logged
            rec.closed = p.closed;
            if (p.closed) {
                rec.frozenScheme = p.frozenScheme;
                rec.frozenResults = writeJson(resultsToJson(p.results, Lang::Zh));
                rec.frozenCells = rec.cells;
            }
            rec.closings.push_back({now, author, p.closed ? "close" : "reopen", p.closeReason});
            rec.stamp = restamp(rec.stamp, now, author);
        }
        shop.periods.push_back(std::move(rec));
    }
    return shop;
}

void stateFromShop(AppState& s, const Shop& shop) {
    s.shopName = shop.name;
    s.schemeId = shop.activeSchemeId;
    s.groups = shop.groups;
    auto settings = parseShopSettings(shop.settings);
    s.settings = settings ? *settings : ShopSettings{};
    if (!settings) detail::noticeText(s, settings.error());
    s.schemes.clear();
    for (const auto& r : shop.schemes) s.schemes[r.id] = r.json;
    s.fund.clear();
    for (const auto& f : shop.fund)
        if (!f.deleted) s.fund.push_back(f.entry);
    s.roster.clear();
    s.inactive.clear();
    for (const auto& r : shop.agents) (r.active ? s.roster : s.inactive).push_back(agentOf(r));
    s.periods.clear();
    const AgentIndex index(shop);
    for (const auto& p : shop.periods) {
        PeriodData d;
        d.month = p.month;
        d.input = periodInput(shop, p.month);
        for (const auto& c : p.cells) {
            if (c.provenance.origin == Origin::Typed || !c.value) continue;
            if (const AgentRecord* a = index.find(c.agentId)) d.sources[sourceKey(a->name, c.metric)] = c.provenance;
        }
        for (const auto& r : p.appeals) d.appeals.push_back(r.appeal);
        d.closed = p.closed;
        if (p.closed) d.frozenScheme = p.frozenScheme;
        if (!p.closings.empty()) d.closeReason = p.closings.back().detail;
        s.periods.push_back(std::move(d));
    }
    s.selectedPeriod = int(s.periods.size()) - 1;
    recompute(s);
}

} // namespace kefu::core
