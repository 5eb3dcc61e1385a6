#include "model.h"

#include <limits>

namespace kefu::core {

const std::vector<std::string>& platformIds() {
    static const std::vector<std::string> ids = {"taobao", "tmall", "jd", "pdd", "douyin"};
    return ids;
}

std::string nicknamesText(const std::vector<NicknameBinding>& nicknames) {
    std::string out;
    for (const auto& n : nicknames) {
        out += (out.empty() ? "" : ", ") + n.account;
        if (!n.platform.empty()) out += " [" + n.platform + "]";
    }
    return out;
}

const char* statusId(Status s) { return s == Status::Regular ? "regular" : "probation"; }

std::optional<Status> parseStatus(std::string_view s) {
    for (auto v : {"regular", "转正", "已转正", "正式", "Regular", "REGULAR"})
        if (s == v) return Status::Regular;
    for (auto v : {"probation", "试用", "试用期", "新人", "Probation", "PROBATION"})
        if (s == v) return Status::Probation;
    return std::nullopt;
}

namespace {
uint64_t hashId(std::string_view s) {
    uint64_t h = 1469598103934665603ull; // FNV-1a
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h | 1; // 0 marks an empty slot
}
} // namespace

int MetricTable::column(std::string_view metricId) const {
    if (m_slots.empty()) return -1;
    const uint64_t h = hashId(metricId);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const auto& [sh, col] = m_slots[i];
        if (sh == 0) return -1;
        if (sh == h && m_columns[size_t(col)] == metricId) return col;
    }
}

void MetricTable::reindex() {
    size_t n = 16;
    while (n < m_columns.size() * 2) n *= 2;
    m_slots.assign(n, {0, -1});
    for (size_t c = 0; c < m_columns.size(); ++c) {
        const uint64_t h = hashId(m_columns[c]);
        size_t i = h & (n - 1);
        while (m_slots[i].first != 0) i = (i + 1) & (n - 1);
        m_slots[i] = {h, int(c)};
    }
}

int MetricTable::addColumn(const std::string& metricId) {
    if (int c = column(metricId); c >= 0) return c;
    const size_t oldCols = m_columns.size();
    std::vector<double> grown(m_rows * (oldCols + 1), std::numeric_limits<double>::quiet_NaN());
    for (size_t r = 0; r < m_rows; ++r)
        for (size_t c = 0; c < oldCols; ++c) grown[r * (oldCols + 1) + c] = m_values[r * oldCols + c];
    m_values.swap(grown);
    m_columns.push_back(metricId);
    reindex();
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
