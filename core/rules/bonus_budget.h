// The arithmetic of the bonus_budget rule (bonus_budget.cpp): a pool in fen split by weights
// with a per-person minimum and maximum, exactly to the fen, and grade quotas by rank.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace kefu::core {

struct BudgetSplit {
    std::vector<int64_t> fen; // per weight, in its order
    std::vector<double> exact; // before rounding to fen: clamp(perWeight × weight, min, max)
    double perWeight = 0;      // fen per unit of weight (the λ of docs/rules/bonus_budget.md)
    int64_t paidFen = 0;       // sum of fen; == pool unless the caps make that impossible
    int64_t lowestFen = 0, highestFen = 0; // what the caps allow in total (highest < 0: no cap)
};

// x_i = clamp(λ · w_i, min, max) with λ chosen so that the x_i sum to the pool, then whole fen by
// the largest remainder (equal remainders: the earlier index), never leaving [min, max]. A weight
// <= 0 gets the minimum. When pool < n · min everyone gets the minimum (paid > pool); when the
// pool is above what the maxima allow, everyone with a weight gets the maximum (paid < pool).
BudgetSplit splitBudget(int64_t poolFen, int64_t minFen, std::optional<int64_t> maxFen, const std::vector<double>& weights);

// Grade quota counts: n × share_g rounded by the largest remainder (earlier grade first on equal
// remainders), summing to n. An agent of competition rank r gets the first grade g whose
// cumulative count reaches r, so tied agents share the better grade.
std::vector<int64_t> gradeCounts(int64_t n, const std::vector<double>& shares);
size_t gradeOfRank(int rank, const std::vector<int64_t>& counts);

} // namespace kefu::core
