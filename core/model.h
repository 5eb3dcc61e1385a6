// The inputs of one assessment period: roster rows (agents), their metric values, and events.
// Plain data owned by whoever loaded it (CLI, app state); evaluation only reads it.
#pragma once
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "date.h"

namespace kefu::core {

enum class Status : uint8_t { Regular, Probation };
const char* statusId(Status s); // "regular" / "probation"
std::optional<Status> parseStatus(std::string_view s); // regular/转正/已转正/正式, probation/试用/试用期/新人

// An account of an agent on a shop platform (the nickname a platform report names them by).
// Platform ids: taobao, tmall, jd, pdd, douyin, or empty (not said); see platformIds().
struct NicknameBinding {
    std::string platform;
    std::string account; // e.g. "店铺名:小美" (a Taobao sub-account)
    bool operator==(const NicknameBinding&) const = default;
};
const std::vector<std::string>& platformIds();
// "小美 [taobao], 阿强" for logs.
std::string nicknamesText(const std::vector<NicknameBinding>& nicknames);

struct Agent {
    std::string id;   // stable id; empty when the source had none (matched by name then)
    std::string name;
    std::string group;
    Status status = Status::Regular;
    std::optional<Date> hireDate;
    std::optional<Date> regularSince;
    std::string level; // 初级/中级/高级/资深, empty = not given
    std::vector<NicknameBinding> nicknames;
};

struct Event {
    std::string agent; // agent name (or id)
    Date date;
    std::string kind;
    int32_t count = 1;
    std::optional<double> points;
    std::string note;
    uint32_t line = 0; // source line, for messages
};

// std::round (halves away from zero) without the library call: an evaluation rounds several
// hundred thousand numbers. The same result bit for bit, signed zeros, NaN and infinities included.
inline double roundHalfAway(double x) {
    if (!(std::fabs(x) < 4503599627370496.0)) return x; // 2^52 and up are whole already (or NaN, inf)
    double t = double(int64_t(x));                      // truncated toward zero, exactly
    const double frac = x - t;                          // exact: x and t are less than 1 apart
    if (frac >= 0.5) t += 1.0;
    else if (frac <= -0.5) t -= 1.0;
    return std::copysign(t, x); // round(-0.3) is -0.0
}
// Every metric value and computed score is rounded to 6 decimals before any comparison.
inline double round6(double v) { return roundHalfAway(v * 1e6) / 1e6; }

// Metric values of all agents: a column per metric id, NaN = no value.
class MetricTable {
public:
    int column(std::string_view metricId) const; // -1 when absent
    int addColumn(const std::string& metricId);  // returns the existing column if present
    const std::vector<std::string>& columns() const { return m_columns; }
    size_t rows() const { return m_rows; }
    void resizeRows(size_t n);
    std::optional<double> get(size_t row, int col) const {
        if (col < 0) return std::nullopt;
        double v = m_values[row * m_columns.size() + size_t(col)];
        if (std::isnan(v)) return std::nullopt;
        return v;
    }
    void set(size_t row, int col, std::optional<double> v);
    std::optional<double> get(size_t row, std::string_view metricId) const { return get(row, column(metricId)); }

private:
    void reindex();
    std::vector<std::string> m_columns;
    // Open addressing over hashes of the ids (lookups by string_view without allocating).
    std::vector<std::pair<uint64_t, int>> m_slots;
    std::vector<double> m_values;
    size_t m_rows = 0;
};

struct PeriodInput {
    std::optional<Month> period;
    std::vector<Agent> agents; // input order
    MetricTable metrics;       // rows parallel to agents
    std::vector<Event> events;
};

} // namespace kefu::core
