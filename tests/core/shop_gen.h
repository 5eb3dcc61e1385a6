// Random shops for property tests, from a seeded generator (same shops natively and in wasm).
#pragma once
#include <cstdint>
#include <string>

#include "random.h"
#include "shop.h"

namespace kefu::test {

struct ShopRng : core::SplitMix64 {
    std::string text() {
        static const char* parts[] = {"张", "三", "李", "四", "喆", "a", "\"", ",", "\n", "", "客服", "😀", "<img>"};
        std::string out;
        for (int i = below(5); i > 0; --i) out += parts[below(13)];
        return out;
    }
};

inline core::Stamp randomStamp(ShopRng& r) {
    core::Stamp s;
    s.at = int64_t(r.next() >> 20);
    s.author = r.text();
    for (int i = r.below(3); i > 0; --i) s.ancestry.push_back(int64_t(r.next() >> 22));
    return s;
}

inline core::Shop randomShop(uint64_t seed) {
    using namespace core;
    ShopRng r{seed};
    Shop shop;
    shop.id = makeId(seed);
    shop.name = r.text();
    shop.managerName = r.text();
    shop.activeSchemeId = r.text();
    shop.stamp = randomStamp(r);
    for (int i = r.below(8); i > 0; --i) {
        AgentRecord a;
        a.id = makeId(r.next());
        a.name = r.text();
        a.group = r.text();
        a.status = r.below(2) ? Status::Regular : Status::Probation;
        if (r.below(2)) a.hireDate = Date{2020 + r.below(5), 1 + r.below(12), 1 + r.below(28)};
        if (r.below(2)) a.regularSince = Date{2021, 2, 3};
        a.level = r.text();
        for (int k = r.below(3); k > 0; --k) a.nicknames.push_back({r.text(), r.text()});
        for (int k = r.below(3); k > 0; --k) a.changes.push_back({Date{2023, 1 + r.below(12), 1}, "group", r.text()});
        a.active = r.below(4) != 0;
        a.stamp = randomStamp(r);
        shop.agents.push_back(a);
    }
    for (int m = r.below(4); m > 0; --m) {
        PeriodRecord p;
        p.month = Month{2024, m};
        for (int k = r.below(12); k > 0; --k) {
            MetricCell c{makeId(r.next()), r.text(), std::nullopt, {Origin(r.below(3)), r.text(), r.text(), uint32_t(r.below(99))}, randomStamp(r)};
            if (r.below(5)) c.value = double(int64_t(r.next() % 2000000) - 1000000) / 1000.0;
            p.cells.push_back(c);
        }
        for (int k = r.below(5); k > 0; --k) {
            EventRecord e{makeId(r.next()), makeId(r.next()), Date{2024, m, 1 + r.below(28)}, r.text(), 1 + r.below(3),
                          std::nullopt, r.text(), r.below(5) == 0, randomStamp(r)};
            if (r.below(2)) e.points = r.below(20);
            p.events.push_back(e);
        }
        p.closed = r.below(2);
        p.frozenScheme = r.text();
        p.frozenResults = r.text();
        p.closings.push_back({int64_t(r.next() >> 30), r.text(), "close", r.text()});
        p.stamp = randomStamp(r);
        shop.periods.push_back(p);
    }
    shop.schemes.push_back({r.text(), r.text(), randomStamp(r)});
    shop.customMetrics.push_back({"m", r.text(), r.text(), "count", "higher", r.text(), r.text(), "a / b", randomStamp(r)});
    shop.audit.push_back({1, r.text(), "import", r.text()});
    return shop;
}

} // namespace kefu::test
