// The department fund 部门基金: every month's fines flow in (from the results), and the manager
// records what is spent from it (a team dinner, prizes) or put in by hand; the ledger lists both
// with the running balance, in exact fen.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "date.h"
#include "results.h"

namespace kefu::core {

// An entry the manager records: amount > 0 puts money in, < 0 spends it.
struct FundEntry {
    std::string id; // stable, random at creation
    Date date;
    int64_t amountFen = 0;
    std::string note;
    bool operator==(const FundEntry&) const = default;
};

// A line of the ledger: one agent's fines of a month (kind "fines", dated the month's last day) or
// a manual entry (kind "entry"), with the balance after it.
struct FundLine {
    Date date;
    Month month;       // fines: their month; an entry: its date's month
    std::string kind;  // "fines" or "entry"
    std::string agent; // fines: the fined agent
    std::string note;  // an entry's note
    int64_t amountFen = 0;
    int64_t balanceFen = 0;
    std::string entryId; // an entry's id (to remove it)
};

// The ledger from the months' results (null results are skipped) and the entries, by date; on one
// date fines come first (in the results' agent order), then entries in the order given. A spending
// larger than the balance is kept as recorded and the balance goes negative: the ledger shows what
// happened, the manager decides what to do about it.
std::vector<FundLine> fundLedger(const std::vector<std::pair<Month, const Results*>>& months,
                                 const std::vector<FundEntry>& entries);

} // namespace kefu::core
