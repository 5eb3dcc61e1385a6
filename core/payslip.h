// Printable pay slips (工资条): a month's results as one self-contained HTML document (inline CSS,
// print-ready), one slip per agent and per printed page: who, every money line with its rule and
// explanation, the payroll sheet's subtotals and the total, a line to sign. The caller owns the inputs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"
#include "explain.h"
#include "html.h"
#include "model.h"
#include "payroll.h"
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

// One agent's slip, a <section class="slip"> that prints as one page, for documents that hold
// slips (paySlipsHtml, the monthly report): `row` is the agent's row of payroll(results); of `q`
// only shopName, lang and agents are read. The document needs paySlipCss() in its style sheet.
std::string paySlipHtml(const PaySlipRequest& q, const std::string& month, const AgentResult& a, const PayRow& row);
const char* paySlipCss();

} // namespace kefu::core
