// Small statistics for the analysis views: the Wilson score interval of a rate and the shrinkage
// of an agent's rate toward its group's rate. Pure functions; the caller owns everything.
#pragma once

namespace kefu::core {

struct Interval {
    double lo = 0, hi = 0;
};

// z for a two-sided 95% interval (the 97.5% quantile of the standard normal).
inline constexpr double kZ95 = 1.959963984540054;

// Wilson score interval for k successes in n trials (0 <= k <= n, n > 0); n <= 0 gives [0, 1].
// centre = (p + z^2/2n) / (1 + z^2/n), half = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2), p = k/n.
// Unlike p ± z*sqrt(p(1-p)/n) it stays inside [0, 1] and is not empty at k = 0 or k = n.
Interval wilsonInterval(double k, double n, double z = kZ95);

// Shrinks an agent's rate k/n toward the group rate: (k + m * groupRate) / (n + m). m is the prior
// strength in trials (m = 0: the raw rate; n = 0: the group rate). m + n <= 0 gives groupRate.
double shrinkRate(double k, double n, double groupRate, double m);

} // namespace kefu::core
