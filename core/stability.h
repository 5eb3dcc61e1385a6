// Rank stability: how much each agent's primary rank depends on the exact weights of the
// scheme's weighted rules. Every weight is scaled by a random factor in [1-δ, 1+δ], each weight
// map renormalised to sum 1, the period re-evaluated; repeated `samples` times with a seeded
// SplitMix64 (random.h), so the same seed gives the same report natively and in wasm.
// The caller owns the inputs; the report holds agent indexes into input.agents.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "evaluate.h"
#include "expected.h"
#include "json.h"

namespace kefu::core {

struct StabilityOptions {
    int samples = 1000;
    uint64_t seed = 1;
    double delta = 0.10;         // factors uniform in [1 - delta, 1 + delta]; 0 <= delta < 1
    double unstableAbove = 0.20; // an agent is unstable when P(rank != baseline) > this
};

// One weight map that is perturbed: rank_points "weights", or one dsr_dimensions dimension.
struct PerturbedMap {
    std::string rule;                 // rule instance id
    std::string map;                  // "weights" or "dimensions.<id>"
    std::vector<std::string> metrics; // in scheme order
};

struct RankShare {
    std::optional<int> rank; // nullopt: no primary rank (out of the primary rule's scope)
    int count = 0;
    double p = 0;
};

struct AgentStability {
    std::optional<double> baselineScore;
    std::optional<int> baselineRank;
    std::vector<RankShare> ranks; // by rank, best first; no-rank last; counts sum to samples
    int differs = 0;              // samples whose rank != baselineRank
    double pDiffers = 0;
    bool unstable = false;
};

// Baseline agents with the same primary score and rank (a tie) whose money totals differ.
struct MoneyTie {
    int rank = 0;
    double score = 0;
    std::vector<size_t> agents; // input order
};

struct StabilityReport {
    StabilityOptions options;
    std::vector<PerturbedMap> perturbed;
    Results baseline;                   // the unperturbed evaluation
    std::vector<AgentStability> agents; // parallel to input.agents
    std::vector<MoneyTie> moneyTies;
};

// Errors: bad options, no primary rule, or no enabled weighted rule (rank_points, dsr_dimensions)
// at or before the primary rule (later rules cannot change its ranks, so samples evaluate the
// scheme only up to it). `scheme` must have passed validateScheme; rules without explicit weights
// get the defaults of SCORING.md written out first (the same evaluation).
Expected<StabilityReport> analyseStability(const PeriodInput& input, const Scheme& scheme, const History& history,
                                           const Catalog& catalog, const StabilityOptions& options);

Json stabilityToJson(const StabilityReport& report);

} // namespace kefu::core
