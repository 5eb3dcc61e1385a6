// The department fund ledger (fund.h): every fined agent's month as money in, the manager's
// entries, sorted by date with the running balance.
#include "fund.h"

#include <algorithm>

namespace kefu::core {

std::vector<FundLine> fundLedger(const std::vector<std::pair<Month, const Results*>>& months,
                                 const std::vector<FundEntry>& entries) {
    std::vector<FundLine> lines;
    for (const auto& [month, results] : months) {
        if (!results) continue;
        for (const auto& a : results->agents) {
            int64_t fines = 0; // fine lines are negative pay, positive money for the fund
            for (const auto& m : a.money)
                if (m.kind == MoneyKind::Fine) fines -= m.amountFen;
            if (fines) lines.push_back({lastDay(month), month, "fines", a.agent, {}, fines, 0, {}});
        }
    }
    for (const auto& e : entries) lines.push_back({e.date, monthOf(e.date), "entry", {}, e.note, e.amountFen, 0, e.id});
    std::stable_sort(lines.begin(), lines.end(), [](const FundLine& a, const FundLine& b) { return a.date < b.date; });
    int64_t balance = 0;
    for (auto& l : lines) l.balanceFen = balance += l.amountFen;
    return lines;
}

} // namespace kefu::core
