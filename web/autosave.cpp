#include "autosave.h"

#include <chrono>
#include <ctime>

#include "shop_state.h"
#include "snapshot.h"
#include "storage.h"

namespace kefu::web {

namespace {
// A change is saved once it has rested this long (typing a name is one save, not ten).
constexpr double kQuietSeconds = 0.3;

int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

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
    m_shop = std::move(*shop);
    core::stateFromShop(state, m_shop);
    m_seenRevision = m_savedRevision = state.revision;
    m_state = SaveState::Saved;
    return true;
}

void Autosave::frame(const core::AppState& s, double now) {
    if (!m_started) { // the state the app starts with is either restored or not worth saving yet
        m_started = true;
        if (m_state != SaveState::Saved) m_seenRevision = m_savedRevision = s.revision;
    }
    if (s.revision != m_seenRevision) {
        m_seenRevision = s.revision;
        m_changedAt = now;
        if (hasData(s) && m_state != SaveState::Failed) m_state = SaveState::Unsaved;
    }
    const bool pending = s.revision != m_savedRevision && hasData(s);
    if (!pending || m_inFlight || now - m_changedAt < kQuietSeconds) return;
    // After a failure, try again on the next change, or after half a minute; the message stays until then.
    if (m_state == SaveState::Failed && m_failedRevision == s.revision && now - m_failedAt < 30) return;
    start(s, now);
}

void Autosave::start(const core::AppState& s, double now) {
    const int64_t at = nowMs();
    core::Shop next = core::shopFromState(s, m_shop, at, "manager", uint64_t(at));
    std::string bytes = core::encodeSnapshot(next);
    const uint64_t revision = s.revision;
    m_inFlight = true;
    m_state = SaveState::Saving;
    storage::save(next.id, bytes, [this, next, revision, now](bool ok, std::string error) mutable {
        m_inFlight = false;
        if (!ok) {
            m_state = SaveState::Failed;
            m_error = error;
            m_failedRevision = revision;
            m_failedAt = now;
            failureSeen = false;
            return;
        }
        m_shop = std::move(next);
        m_savedRevision = revision;
        m_error.clear();
        m_state = revision == m_seenRevision ? SaveState::Saved : SaveState::Unsaved;
    });
}

void Autosave::exportNow(const core::AppState& s) {
    const int64_t at = nowMs();
    core::Shop shop = core::shopFromState(s, m_shop, at, "manager", uint64_t(at));
    std::time_t t = std::time(nullptr);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::localtime(&t));
    std::string name = (s.shopName.empty() ? std::string("kefu") : s.shopName) + "-" + date + ".kefu";
    storage::download(name, core::encodeSnapshot(shop));
}

} // namespace kefu::web
