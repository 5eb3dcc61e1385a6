#include "shop_build.h"

#include <algorithm>
#include <unordered_map>

#include "input.h"

namespace kefu::core {

namespace {
// The shop's agents by name and by id, so that importing a month of n agents is not n x n.
struct AgentLookup {
    std::unordered_map<std::string, size_t> byName, byId;
    explicit AgentLookup(const Shop& shop) {
        for (size_t i = 0; i < shop.agents.size(); ++i) {
            byName.emplace(shop.agents[i].name, i);
            byId.emplace(shop.agents[i].id, i);
        }
    }
};

const std::string& upsertAgent(Shop& shop, AgentLookup& index, const Agent& a, const ImportContext& ctx, uint64_t& seed) {
    // The first agent with this name or id, as a scan in shop order would find it.
    size_t found = shop.agents.size();
    if (auto it = index.byName.find(a.name); it != index.byName.end()) found = it->second;
    if (!a.id.empty())
        if (auto it = index.byId.find(a.id); it != index.byId.end()) found = std::min(found, it->second);
    if (found < shop.agents.size()) return shop.agents[found].id;
    AgentRecord r;
    r.id = a.id.empty() ? makeId(seed++) : a.id;
    setAgentFields(r, a);
    r.stamp = restamp({}, ctx.now, ctx.author);
    shop.agents.push_back(std::move(r));
    index.byName.emplace(shop.agents.back().name, shop.agents.size() - 1);
    index.byId.emplace(shop.agents.back().id, shop.agents.size() - 1);
    return shop.agents.back().id;
}

PeriodRecord& periodFor(Shop& shop, const Month& m, const ImportContext& ctx) {
    if (PeriodRecord* p = findPeriod(shop, m)) return *p;
    PeriodRecord p;
    p.month = m;
    p.stamp = restamp({}, ctx.now, ctx.author);
    shop.periods.push_back(std::move(p));
    std::sort(shop.periods.begin(), shop.periods.end(), [](const auto& x, const auto& y) { return x.month < y.month; });
    return *findPeriod(shop, m);
}
} // namespace

Expected<size_t> importPeriod(Shop& shop, const PeriodInput& input, const ImportContext& ctx) {
    if (!input.period) return Error{"a period (YYYY-MM) is required"};
    uint64_t seed = ctx.seed;
    std::vector<std::string> ids;
    AgentLookup agents(shop);
    for (const auto& a : input.agents) ids.push_back(upsertAgent(shop, agents, a, ctx, seed));
    PeriodRecord& period = periodFor(shop, *input.period, ctx);
    if (period.closed) return Error{"period " + formatMonth(*input.period) + " is closed; reopen it first"};
    size_t written = 0;
    const auto& cols = input.metrics.columns();
    // The month's cells by agent and metric (the first of each, as a scan would find it).
    std::unordered_map<std::string, size_t> cellAt;
    auto cellKey = [](const std::string& agentId, const std::string& metric) { return agentId + '\x1f' + metric; };
    for (size_t i = 0; i < period.cells.size(); ++i) cellAt.emplace(cellKey(period.cells[i].agentId, period.cells[i].metric), i);
    for (size_t r = 0; r < input.agents.size(); ++r)
        for (size_t c = 0; c < cols.size(); ++c) {
            auto v = input.metrics.get(r, int(c));
            if (!v) continue;
            MetricCell cell{ids[r], cols[c], v, {Origin::Imported, ctx.fileName, "", uint32_t(r + 2)}, {}};
            auto [at, added] = cellAt.emplace(cellKey(ids[r], cols[c]), period.cells.size());
            if (added) {
                cell.stamp = restamp({}, ctx.now, ctx.author);
                period.cells.push_back(std::move(cell));
            } else if (MetricCell& old = period.cells[at->second]; old.value != v) {
                cell.stamp = restamp(old.stamp, ctx.now, ctx.author);
                old = std::move(cell);
            } else {
                continue;
            }
            ++written;
        }
    for (const auto& e : input.events) {
        auto who = std::find_if(input.agents.begin(), input.agents.end(), [&](const Agent& a) { return a.name == e.agent; });
        if (who == input.agents.end()) continue;
        EventRecord rec{makeId(seed++), ids[size_t(who - input.agents.begin())], e.date, e.kind, e.count, e.points, e.note, false,
                        restamp({}, ctx.now, ctx.author)};
        period.events.push_back(std::move(rec));
    }
    shop.audit.push_back({ctx.now, ctx.author, "import",
                          ctx.fileName + ": " + std::to_string(written) + " values for " + formatMonth(*input.period)});
    return written;
}

Expected<History> shopHistory(const Shop& shop) {
    History h;
    for (const auto& p : shop.periods) {
        if (!p.closed) continue;
        auto hp = loadHistoryJson(p.frozenResults, "snapshot period " + formatMonth(p.month));
        if (!hp) return Error{hp.error()};
        if (!hp->period) hp->period = p.month;
        h.push_back(std::move(*hp));
    }
    return h;
}

} // namespace kefu::core
