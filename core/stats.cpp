#include "stats.h"

#include <algorithm>
#include <cmath>

namespace kefu::core {

Interval wilsonInterval(double k, double n, double z) {
    if (!(n > 0)) return {0, 1};
    const double p = k / n;
    const double z2 = z * z;
    const double denom = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denom;
    const double half = z / denom * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double shrinkRate(double k, double n, double groupRate, double m) {
    if (!(n + m > 0)) return groupRate;
    return (k + m * groupRate) / (n + m);
}

} // namespace kefu::core
