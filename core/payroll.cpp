#include "payroll.h"

namespace kefu::core {

Payroll payroll(const Results& r) {
    Payroll p;
    for (const auto& a : r.agents) {
        PayRow row{a.agent, a.group, {}, 0};
        for (const auto& m : a.money) {
            row.fen[size_t(m.kind)] += m.amountFen;
            p.totals.fen[size_t(m.kind)] += m.amountFen;
        }
        row.totalFen = a.totalFen();
        p.totals.totalFen += row.totalFen;
        p.rows.push_back(std::move(row));
    }
    p.fundFen = r.fundTotalFen;
    return p;
}

} // namespace kefu::core
