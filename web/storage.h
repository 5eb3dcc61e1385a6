// Where the shop is kept between visits: IndexedDB in the page (storage_web.cpp), a file on the
// desktop (storage_desktop.cpp). Saving is asynchronous; the result arrives through the callback,
// which the app reads on the next frame. A snapshot is written completely before the pointer to
// the current one moves (one IndexedDB transaction; a temporary file renamed on the desktop), so
// a tab closed mid-save leaves the last good snapshot.
#pragma once
#include <functional>
#include <string>

namespace kefu::web::storage {

// The snapshot saved last time, read before the first frame (the page preloads it); empty if none.
std::string takeSaved();
// Starts saving; `done(ok, error)` runs later (never inside this call on the page).
void save(const std::string& shopId, const std::string& bytes, std::function<void(bool, std::string)> done);
// Offers the bytes as a download (the page) or writes them next to the data (desktop).
void download(const std::string& fileName, const std::string& bytes);

} // namespace kefu::web::storage
