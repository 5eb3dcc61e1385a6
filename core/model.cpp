#include "model.h"

#include <limits>

namespace kefu::core {

const char* statusId(Status s) { return s == Status::Regular ? "regular" : "probation"; }

std::optional<Status> parseStatus(std::string_view s) {
    for (auto v : {"regular", "转正", "已转正", "正式", "Regular", "REGULAR"})
        if (s == v) return Status::Regular;
    for (auto v : {"probation", "试用", "试用期", "新人", "Probation", "PROBATION"})
        if (s == v) return Status::Probation;
    return std::nullopt;
}

int MetricTable::column(std::string_view metricId) const {
    auto it = m_index.find(std::string(metricId));
    return it == m_index.end() ? -1 : it->second;
}

int MetricTable::addColumn(const std::string& metricId) {
    if (int c = column(metricId); c >= 0) return c;
    const size_t oldCols = m_columns.size();
    std::vector<double> grown(m_rows * (oldCols + 1), std::numeric_limits<double>::quiet_NaN());
    for (size_t r = 0; r < m_rows; ++r)
        for (size_t c = 0; c < oldCols; ++c) grown[r * (oldCols + 1) + c] = m_values[r * oldCols + c];
    m_values.swap(grown);
    m_columns.push_back(metricId);
    m_index[metricId] = int(oldCols);
    return int(oldCols);
}

void MetricTable::resizeRows(size_t n) {
    m_values.resize(n * m_columns.size(), std::numeric_limits<double>::quiet_NaN());
    m_rows = n;
}

void MetricTable::set(size_t row, int col, std::optional<double> v) {
    m_values[row * m_columns.size() + size_t(col)] = v ? round6(*v) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace kefu::core
