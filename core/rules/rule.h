// The interface every rule type implements (one file per type in core/rules/), the context an
// evaluation hands it, and the registry that maps type names to implementations.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../explain.h"
#include "../metrics.h"
#include "../model.h"
#include "../results.h"
#include "../scheme.h"
#include "params.h"

namespace kefu::core {

// Frozen results of an earlier period, as rules read them (never recomputed).
struct HistoryAgent {
    std::string id, name;
    std::vector<std::string> flags;
    std::map<std::string, double> scores;
    bool hasFlag(std::string_view f) const;
};
struct HistoryPeriod {
    std::optional<Month> period;
    std::vector<HistoryAgent> agents;
};
using History = std::vector<HistoryPeriod>; // oldest first

// A metric as a rule reads it agent by agent, resolved once per evaluation: the column, the id and
// label interned for result lines, and the flag raised when an agent has no value. Looking these
// up by name for every agent was a large part of an evaluation's time.
struct MetricRef {
    IStr id;
    IText2 label;
    int column = -1;
    std::string missingFlag; // "missing:<id>"
};

// A threshold condition with its metric resolved and its operator symbol ("≥") interned.
struct PreparedCondition {
    const Condition* cond;
    MetricRef metric;
    IStr op;
};

class EvalContext {
public:
    EvalContext(const PeriodInput& input, const History& history, const Catalog& catalog, Results& results,
                const Scheme* scheme = nullptr);
    // The scheme being evaluated (rules that read other rules' output find them here); may be null.
    const Scheme* scheme() const { return m_scheme; }
    // The first enabled rule instance of a type in the scheme, or nullptr.
    const RuleInstance* findRule(std::string_view type) const;

    const PeriodInput& input() const { return m_input; }
    const Catalog& catalog() const { return m_catalog; }
    Results& results() { return m_results; }
    AgentResult& agent(size_t i) { return m_results.agents[i]; }
    size_t agentCount() const { return m_input.agents.size(); }

    // Agents of the instance's scope (input order); statuses default to the type's defaults.
    std::vector<size_t> inScope(const RuleInstance& rule, const std::vector<Status>& defaultStatuses) const;
    // The scope split by group, groups in first-appearance order.
    std::vector<std::pair<std::string, std::vector<size_t>>> byGroup(const std::vector<size_t>& agents) const;

    // Metric value, already rounded to 6 decimals; nullopt = no value.
    std::optional<double> value(size_t agent, std::string_view metric) const;
    int column(std::string_view metric) const { return m_input.metrics.column(metric); }
    std::optional<double> value(size_t agent, int column) const { return m_input.metrics.get(agent, column); }
    std::optional<double> value(size_t agent, const MetricRef& m) const { return value(agent, m.column); }
    MetricRef metricRef(const std::string& metric) const;
    PreparedCondition prepare(const Condition& c) const { return {&c, metricRef(c.metric), compareOpSymbol(c.op)}; }

    // Events of an agent within the period (outside-period events are dropped with a warning once).
    const std::vector<const Event*>& events(size_t agent) const { return m_events[agent]; }
    int countEvents(size_t agent, std::string_view kind) const; // sums Event::count

    // History: the agent's frozen result `back` periods before this one (1 = previous month);
    // nullptr when that period is not in history or the agent is absent from it.
    const HistoryAgent* previous(size_t agent, int back = 1) const;

    // Money: rounds yuan once, half away from zero, to fen.
    void addMoney(size_t agent, const RuleInstance& rule, MoneyKind kind, int64_t fen, Why why);
    void addMoney(size_t agent, const IStr& rule, MoneyKind kind, int64_t fen, Why why) {
        m_results.agents[agent].money.push_back({rule, kind, fen, std::move(why)});
    }
    void addBreakdown(size_t agent, BreakdownLine line) { m_results.agents[agent].breakdown.push_back(std::move(line)); }
    void setScore(size_t agent, const std::string& key, double score) { m_results.agents[agent].scores[key] = round6(score); }
    void setRank(size_t agent, const std::string& key, int rank) { m_results.agents[agent].ranks[key] = rank; }
    void warn(Why why) { m_results.warnings.push_back(std::move(why)); }
    // Warns "no agent in scope has <metric>" when the rule cannot run at all; returns true when
    // at least one agent has a value.
    bool requireAnyValue(const RuleInstance& rule, const std::vector<size_t>& agents, const std::string& metric);

    // A date as interned text ("2024-06-30"); agents share few dates, so each is formatted once.
    IStr dateText(const Date& d);

    // Days in the period: first and last day; nullopt when no period was given.
    std::optional<Date> periodLastDay() const;
    std::optional<Date> periodFirstDay() const;

private:
    const PeriodInput& m_input;
    const History& m_history;
    const Catalog& m_catalog;
    Results& m_results;
    const Scheme* m_scheme;
    std::vector<std::vector<const Event*>> m_events;
    std::unordered_map<uint64_t, std::pair<Date, IStr>> m_dateTexts;
};

// Standard competition ranking (1,2,2,4) of values, higher first unless lowerBetter; values
// compared after rounding to 6 decimals. Agents without a value get no rank (nullopt).
std::vector<std::optional<int>> competitionRanks(const std::vector<std::optional<double>>& values, bool lowerBetter);

// Round yuan to fen, half away from zero.
int64_t yuanToFen(double yuan);
// Splits `totalFen` by weights with the largest-remainder method; equal remainders go to the
// earlier index. Weights <= 0 get 0. Sum of the result == totalFen when any weight is > 0.
std::vector<int64_t> splitLargestRemainder(int64_t totalFen, const std::vector<double>& weights);

struct RuleType {
    std::string_view name;
    Msg label; // shown in the app and `kefu presets`
    std::vector<Status> defaultStatuses;
    bool producesScore;
    bool needsPeriod; // reads dates (tenure, stages, events in the period): `--period` is required
    // Checks params (every problem through `problems`, paths under `path`). Unknown keys are problems.
    std::function<void(const RuleInstance&, const Catalog&, Problems&, const std::string& path)> validate;
    // Runs the rule; reads params with defaults (validated before).
    std::function<void(const RuleInstance&, EvalContext&)> evaluate;
    // Optional: checks that need the whole scheme (a rule naming another rule instance).
    std::function<void(const RuleInstance&, const Scheme&, Problems&, const std::string& path)> validateInScheme = nullptr;
};

const std::vector<const RuleType*>& ruleTypes();
const RuleType* findRuleType(std::string_view name);

// One accessor per rule type (each defined in its own file).
const RuleType& rankPointsRule();
const RuleType& targetBonusRule();
const RuleType& probationStagesRule();
const RuleType& examTypingRule();
const RuleType& dsrDimensionsRule();
const RuleType& intervalScoreRule();
const RuleType& checklistRule();
const RuleType& composite100Rule();
const RuleType& commissionPoolRule();
const RuleType& finesEscalatingRule();
const RuleType& payRule();
const RuleType& bonusBudgetRule();

} // namespace kefu::core
