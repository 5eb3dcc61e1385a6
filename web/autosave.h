// Autosave: after any change of the shop's data (AppState::dataRevision) its record is saved as a
// snapshot within a second (storage.h), and at start the last saved shop is restored. A failed
// save keeps everything in memory, says why and offers an immediate file export. A read-only tab
// (another tab writes this shop) saves nothing.
#pragma once
#include <cstdint>
#include <string>

#include "app_state.h"

namespace kefu::web {

enum class SaveState { Nothing, Unsaved, Saving, Saved, Failed };

class Autosave {
public:
    // Opens the saved shop in the state; false when there is none (or it could not be read: the
    // reason is kept in error()). The stored copy is not touched either way.
    bool restore(core::AppState& state);
    // Once per frame after the actions ran; `now` in seconds.
    void frame(const core::AppState& state, double now);
    // The current shop as `<shop>-<yyyy-mm-dd>.kefu`, downloaded (desktop: written to the data folder).
    void exportNow(const core::AppState& state);

    SaveState state() const { return m_state; }
    const std::string& error() const { return m_error; }
    bool failureSeen = false; // the failure dialog was closed
    uint64_t saves = 0;       // completed saves (a new version each)

private:
    void start(const core::AppState& state, double now);

    uint64_t m_seenRevision = 0;   // the data revision last looked at
    uint64_t m_savedRevision = 0;  // the data revision the last good save holds
    double m_changedAt = 0;
    uint64_t m_failedRevision = 0; // the revision a failed save held
    double m_failedAt = 0;
    bool m_inFlight = false;
    bool m_started = false;
    SaveState m_state = SaveState::Nothing;
    std::string m_error;
};

} // namespace kefu::web
