// The payroll sheet of a month: per agent the money of the results by kind (base, guarantee
// top-up, bonuses, bounties, commission, awards, attendance, fines) and the total, in exact fen,
// with a totals row; the department fund beside it.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "results.h"

namespace kefu::core {

constexpr size_t kMoneyKinds = 8; // MoneyKind's values, in its order
// The sheet's column order, also a pay slip's: base pay first, fines last.
constexpr std::array<MoneyKind, kMoneyKinds> kPaySheetOrder = {
    MoneyKind::Base,  MoneyKind::GuaranteeTopup, MoneyKind::Bonus,      MoneyKind::Bounty,
    MoneyKind::Commission, MoneyKind::Award,     MoneyKind::Attendance, MoneyKind::Fine};

struct PayRow {
    std::string agent, group;
    std::array<int64_t, kMoneyKinds> fen{}; // by MoneyKind
    int64_t totalFen = 0;
};

struct Payroll {
    std::vector<PayRow> rows; // the results' agent order
    PayRow totals;            // agent and group empty
    int64_t fundFen = 0;      // the department fund (部门基金) of the month
};

Payroll payroll(const Results& results);

} // namespace kefu::core
