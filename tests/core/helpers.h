// Test helpers for rule tests: build a period in a few lines, run a scheme given as JSON text,
// and look results up by agent name.
#pragma once
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "evaluate.h"
#include "input.h"
#include "presets.h"

namespace kefu::test {

using namespace kefu::core;

struct Period {
    PeriodInput input;
    History history;

    explicit Period(const char* month = "2024-03") { input.period = parseMonth(month); }

    // Adds an agent with metric values; returns its index.
    size_t agent(const std::string& name, const std::string& group, Status status,
                 std::initializer_list<std::pair<const char*, double>> metrics = {}) {
        Agent a;
        a.name = name;
        a.group = group;
        a.status = status;
        input.agents.push_back(a);
        size_t row = input.agents.size() - 1;
        input.metrics.resizeRows(input.agents.size());
        for (const auto& [m, v] : metrics) input.metrics.set(row, input.metrics.addColumn(m), v);
        return row;
    }
    Agent& at(const std::string& name) {
        for (auto& a : input.agents)
            if (a.name == name) return a;
        FAIL("no agent " << name);
        return input.agents.front();
    }
    void set(const std::string& name, const char* metric, double v) {
        for (size_t i = 0; i < input.agents.size(); ++i)
            if (input.agents[i].name == name) input.metrics.set(i, input.metrics.addColumn(metric), v);
    }
    void event(const std::string& agent, const char* date, const std::string& kind, int count = 1,
               std::optional<double> points = std::nullopt) {
        Event e;
        e.agent = agent;
        e.date = *parseDate(date);
        e.kind = kind;
        e.count = count;
        e.points = points;
        input.events.push_back(e);
    }
    // An earlier period's frozen result: flags per agent name.
    void past(const char* month, std::initializer_list<std::pair<const char*, std::initializer_list<const char*>>> flags) {
        HistoryPeriod hp;
        hp.period = parseMonth(month);
        for (const auto& [name, fs] : flags) {
            HistoryAgent ha;
            ha.name = name;
            for (const char* f : fs) ha.flags.push_back(f);
            hp.agents.push_back(ha);
        }
        history.push_back(hp);
        std::sort(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.period < b.period; });
    }

    // Parses and validates the scheme (REQUIREs no problems), derives metrics, evaluates.
    Results run(const std::string& schemeJson) {
        Problems problems;
        auto scheme = parseScheme(schemeJson, Catalog::builtin(), problems);
        INFO(problems.joined());
        REQUIRE(scheme.ok());
        return runScheme(*scheme);
    }
    Results runPreset(const std::string& id) {
        Problems problems;
        auto scheme = loadPreset(id, Catalog::builtin(), problems);
        INFO(problems.joined());
        REQUIRE(scheme.ok());
        return runScheme(*scheme);
    }
    Results runScheme(const Scheme& scheme) {
        PeriodInput copy = input;
        deriveMetrics(Catalog::builtin(), copy.metrics);
        return evaluate(copy, scheme, history);
    }
};

// Problems of a scheme text (empty when valid).
inline std::string schemeProblems(const std::string& json) {
    Problems problems;
    (void)parseScheme(json, Catalog::builtin(), problems);
    return problems.joined();
}

inline const AgentResult& byName(const Results& r, const std::string& name) {
    for (const auto& a : r.agents)
        if (a.agent == name) return a;
    FAIL("no agent " << name << " in results");
    return r.agents.front();
}

inline int64_t moneyOf(const AgentResult& a, MoneyKind kind, const std::string& rule = "") {
    int64_t t = 0;
    for (const auto& m : a.money)
        if (m.kind == kind && (rule.empty() || m.rule == rule)) t += m.amountFen;
    return t;
}

inline bool hasFlag(const AgentResult& a, const std::string& f) { return a.hasFlag(f); }

} // namespace kefu::test
