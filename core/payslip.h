// Printable pay slips (工资条): a month's results as one self-contained HTML document (inline CSS,
// print-ready), one slip per agent and per printed page: who, every money line with its rule and
// explanation, the payroll sheet's subtotals and the total, a line to sign. The caller owns the inputs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"
#include "explain.h"
#include "model.h"
#include "results.h"

namespace kefu::core {

struct PaySlipRequest {
    std::string shopName;
    std::string month; // YYYY-MM; empty: the results' period
    Lang lang = Lang::Zh;
    const Results* results = nullptr;           // required
    const std::vector<Agent>* agents = nullptr; // optional: the month's agents, for their level
    std::string agent;                          // a name or id; empty: every agent
};

// The document, or an error when the results are missing or the agent is not in them.
Expected<std::string> paySlipsHtml(const PaySlipRequest& request);

// Text safe inside HTML elements and quoted attributes (& < > " ').
std::string escapeHtml(std::string_view text);

} // namespace kefu::core
