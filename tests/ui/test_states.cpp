// The test states of test_states.h.
#include "test_states.h"

#include "demo_data.h"
#include "snapshot.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
constexpr int64_t kT0 = 1711929600000; // 2024-04-01 00:00 UTC: fixed times, fixed ids

// The last month of a state and its first agent (the cell both copies edit).
int lastPeriod(const AppState& s) { return int(s.periods.size()) - 1; }
std::string firstAgent(const AppState& s) { return s.periods.back().input.agents.front().name; }
} // namespace

AppState emptyState() { return AppState{}; }

AppState demoState() {
    static const AppState demo = [] {
        AppState s;
        apply(s, SetManagerName{"王经理"}, {kT0, 1});
        apply(s, web::demoShopAction(), {kT0 + 1000, 2});
        return s;
    }();
    return demo;
}

AppState previewState() {
    AppState s = demoState();
    apply(s, OpenSnapshotFile{"小美家居旗舰店-2024-04-01.kefu", encodeSnapshot(s.record)}, {kT0 + 2000, 3});
    return s;
}

AppState conflictState() {
    static const AppState merging = [] {
        AppState a = demoState();
        AppState b;
        openShop(b, a.record);
        apply(b, SetManagerName{"李主管"}, {kT0 + 2000, 7});
        apply(a, SetMetricValue{lastPeriod(a), firstAgent(a), "sales_amount", 120000.0}, {kT0 + 3000, 0});
        apply(b, SetMetricValue{lastPeriod(b), firstAgent(b), "sales_amount", 125000.0}, {kT0 + 4000, 0});
        apply(a, OpenSnapshotFile{"李主管.kefu", encodeSnapshot(b.record)}, {kT0 + 5000, 0});
        apply(a, MergeIncoming{}, {kT0 + 6000, 0});
        return a;
    }();
    return merging;
}

AppState readOnlyState() {
    AppState s = demoState();
    apply(s, SetReadOnly{true}, {kT0 + 2000, 0});
    return s;
}

AppState closedState() {
    AppState s = demoState();
    apply(s, ClosePeriod{s.selectedPeriod, "三月结算"}, {kT0 + 2000, 0});
    apply(s, SetMetricValue{s.selectedPeriod, firstAgent(s), "sales_amount", 1.0}, {kT0 + 3000, 0}); // refused
    return s;
}

// A shop set up by hand: groups of its own, two months, one agent off the team from the second.
AppState teamState() {
    AppState s;
    apply(s, SetManagerName{"王经理"}, {kT0, 1});
    apply(s, StartShop{"小美的店", {"售前A组", "售前B组", "售后组"}, "shop-default", {2026, 10}}, {kT0 + 1000, 2});
    apply(s, AddAgent{"张晓梅", "售前A组", Status::Regular, ""}, {kT0 + 2000, 3});
    apply(s, AddAgent{"李娜", "售后组", Status::Probation, ""}, {kT0 + 3000, 4});
    apply(s, AddPeriod{{2026, 11}}, {kT0 + 4000, 5});
    apply(s, DeactivateAgent{"李娜", 1}, {kT0 + 5000, 6});
    return s;
}

const std::vector<NamedState>& allStates() {
    static const std::vector<NamedState> states = [] {
        std::vector<NamedState> out = {{"empty", emptyState()},        {"demo", demoState()},
                                       {"preview", previewState()},    {"merge conflicts", conflictState()},
                                       {"read-only", readOnlyState()}, {"closed month", closedState()},
                                       {"team changes", teamState()}};
        const size_t n = out.size();
        for (size_t i = 0; i < n; ++i) {
            NamedState en = out[i];
            en.name += " (en)";
            apply(en.state, SetLanguage{Lang::En});
            out.push_back(std::move(en));
        }
        return out;
    }();
    return states;
}

} // namespace kefu::test
