#include "autosave.h"

#include <ctime>

#include "snapshot.h"
#include "storage.h"

namespace kefu::web {

namespace {
// A change is saved once it has rested this long (typing a name is one save, not ten).
constexpr double kQuietSeconds = 0.3;

bool hasData(const core::AppState& s) { return !s.roster.empty() || !s.periods.empty(); }
} // namespace

bool Autosave::restore(core::AppState& state) {
    std::string bytes = storage::takeSaved();
    if (bytes.empty()) return false;
    auto shop = core::decodeSnapshot(bytes);
    if (!shop) {
        m_error = shop.error();
        return false;
    }
    core::openShop(state, *shop);
    m_seenRevision = m_savedRevision = state.dataRevision;
    m_state = SaveState::Saved;
    return true;
}

void Autosave::frame(const core::AppState& s, double now) {
    if (!m_started) { // the state the app starts with is either restored or not worth saving yet
        m_started = true;
        if (m_state != SaveState::Saved) m_seenRevision = m_savedRevision = s.dataRevision;
    }
    if (s.readOnly) { // the writing tab saves; what this one shows came from there
        m_seenRevision = m_savedRevision = s.dataRevision;
        if (m_state != SaveState::Failed) m_state = hasData(s) ? SaveState::Saved : SaveState::Nothing;
        return;
    }
    if (s.dataRevision != m_seenRevision) {
        m_seenRevision = s.dataRevision;
        m_changedAt = now;
        if (hasData(s) && m_state != SaveState::Failed) m_state = SaveState::Unsaved;
    }
    const bool pending = s.dataRevision != m_savedRevision && hasData(s);
    if (!pending || m_inFlight || now - m_changedAt < kQuietSeconds) return;
    // After a failure, try again on the next change, or after half a minute; the message stays until then.
    if (m_state == SaveState::Failed && m_failedRevision == s.dataRevision && now - m_failedAt < 30) return;
    start(s, now);
}

void Autosave::start(const core::AppState& s, double now) {
    std::string bytes = core::encodeSnapshot(s.record);
    const uint64_t revision = s.dataRevision;
    m_inFlight = true;
    m_state = SaveState::Saving;
    storage::save(s.record.id, bytes, [this, revision, now](bool ok, std::string error) {
        m_inFlight = false;
        if (!ok) {
            m_state = SaveState::Failed;
            m_error = error;
            m_failedRevision = revision;
            m_failedAt = now;
            failureSeen = false;
            return;
        }
        ++saves;
        m_savedRevision = revision;
        m_error.clear();
        m_state = revision == m_seenRevision ? SaveState::Saved : SaveState::Unsaved;
    });
}

void Autosave::exportNow(const core::AppState& s) {
    std::time_t t = std::time(nullptr);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::localtime(&t));
    std::string name = (s.shopName.empty() ? std::string("kefu") : s.shopName) + "-" + date + ".kefu";
    storage::download(name, core::encodeSnapshot(s.record));
}

} // namespace kefu::web
