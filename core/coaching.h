// Coaching cards (辅导卡, issue 7): one agent's month read against the group and the benchmarks.
// For every metric the scheme read for the agent: the value, the group's value (team_value.h:
// rates volume-weighted, counts and money as the average per agent), the benchmark (the scheme's thresholds, targets and DSR benches the
// gap cards find), last month's value and the change. The clearest strengths and weaknesses are
// picked from them, with the DSR advice texts for the weaknesses (the scheme's dsr_dimensions
// rule, else the dsr-warning preset's) and the gap cards. The card is also a one-page printable
// HTML document, and a section of the monthly report. Pure; the caller owns the inputs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "evaluate.h"
#include "expected.h"
#include "gaps.h"
#include "json.h"

namespace kefu::core {

struct CoachingMetric {
    std::string metric;
    Text2 label;
    Unit unit = Unit::Count;
    bool lowerBetter = false;
    double value = 0;
    std::optional<double> group;     // the group's value (needs two agents with a value)
    std::optional<double> benchmark; // the first benchmark not reached (from the gap cards)
    Text2 benchmarkOf;               // what the benchmark is
    std::optional<double> previous;  // last month's value
    // Against the group, in the better direction: (value - group) / |group|; > 0 is better.
    std::optional<double> standing;
};

struct CoachingCard {
    std::string agent, group, period, previousPeriod;
    std::optional<double> score, previousScore;
    std::optional<int> rank, previousRank;
    int64_t totalFen = 0;
    std::optional<int64_t> previousTotalFen;
    std::vector<CoachingMetric> metrics; // in the order the scheme reads them
    // Indices into metrics: strengths best first, weaknesses worst first (at most kCoachingPicks
    // each). A weakness misses a benchmark or is kCoachingMargin worse than the group; a strength
    // is that much better than the group and misses no benchmark.
    std::vector<size_t> strengths, weaknesses;
    std::vector<Gap> gaps;
    struct Advice {
        std::string metric;
        Text2 text;
    };
    std::vector<Advice> advice; // for the weaknesses, in their order
};
inline constexpr size_t kCoachingPicks = 3;
inline constexpr double kCoachingMargin = 0.05;

struct CoachingRequest {
    const PeriodInput* input = nullptr; // required, with results and scheme
    const Results* results = nullptr;
    const Scheme* scheme = nullptr;
    const Catalog* catalog = nullptr;         // nullptr: the built-in one
    const PeriodInput* previousInput = nullptr; // last month (optional)
    const Results* previousResults = nullptr;
    std::string agent; // name or id
};

// Error when the agent is not in the month (or an input is missing).
Expected<CoachingCard> coachingCard(const CoachingRequest& request);
// Every agent of the month, in input order (agents without results are left out).
std::vector<CoachingCard> coachingCards(const CoachingRequest& request);

Json coachingToJson(const CoachingCard& card, Lang lang);
// The card as a section (<section class="coaching">), for the monthly report; coachingCss() is
// its style sheet.
std::string coachingSectionHtml(const CoachingCard& card, Lang lang);
const char* coachingCss();
// The card as a one-page document to print or save as PDF.
std::string coachingCardHtml(const CoachingCard& card, const std::string& shopName, Lang lang);

} // namespace kefu::core
