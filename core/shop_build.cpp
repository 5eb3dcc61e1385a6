#include "shop_build.h"

#include <algorithm>

#include "input.h"

namespace kefu::core {

namespace {
AgentRecord& upsertAgent(Shop& shop, const Agent& a, const ImportContext& ctx, uint64_t& seed) {
    for (auto& r : shop.agents)
        if (r.name == a.name || (!a.id.empty() && r.id == a.id)) return r;
    AgentRecord r;
    r.id = a.id.empty() ? makeId(seed++) : a.id;
    setAgentFields(r, a);
    r.stamp = restamp({}, ctx.now, ctx.author);
    shop.agents.push_back(std::move(r));
    return shop.agents.back();
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
    for (const auto& a : input.agents) ids.push_back(upsertAgent(shop, a, ctx, seed).id);
    PeriodRecord& period = periodFor(shop, *input.period, ctx);
    if (period.closed) return Error{"period " + formatMonth(*input.period) + " is closed; reopen it first"};
    size_t written = 0;
    const auto& cols = input.metrics.columns();
    for (size_t r = 0; r < input.agents.size(); ++r)
        for (size_t c = 0; c < cols.size(); ++c) {
            auto v = input.metrics.get(r, int(c));
            if (!v) continue;
            auto it = std::find_if(period.cells.begin(), period.cells.end(),
                                   [&](const MetricCell& x) { return x.agentId == ids[r] && x.metric == cols[c]; });
            MetricCell cell{ids[r], cols[c], v, {Origin::Imported, ctx.fileName, "", uint32_t(r + 2)}, {}};
            if (it == period.cells.end()) {
                cell.stamp = restamp({}, ctx.now, ctx.author);
                period.cells.push_back(std::move(cell));
            } else if (it->value != v) {
                cell.stamp = restamp(it->stamp, ctx.now, ctx.author);
                *it = std::move(cell);
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
