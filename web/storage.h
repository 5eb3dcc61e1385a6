// Where the shop is kept between visits, and files in and out: IndexedDB and the browser's file
// picker/drag-and-drop in the page (storage_web.cpp, with shell.html's kefuStore), plain files on
// the desktop (storage_desktop.cpp). Everything slow is asynchronous: results arrive through the
// callbacks, which run between frames (never inside the call on the page).
// A snapshot is written completely before the pointer to the current one moves (one IndexedDB
// transaction; a temporary file renamed on the desktop), so a tab closed mid-save leaves the last
// good snapshot. Each save is also kept as a version: the last 50, and one per day for 90 days.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::web::storage {

// The snapshot saved last time, read before the first frame (the page preloads it); empty if none.
std::string takeSaved();
// Starts saving; `done(ok, error)` runs later.
void save(const std::string& shopId, const std::string& bytes, std::function<void(bool, std::string)> done);
// Offers the bytes as a download (the page) or writes them next to the data (desktop).
void download(const std::string& fileName, const std::string& bytes);

// The kept versions, newest first.
struct Version {
    int64_t seq = 0;   // its key
    int64_t at = 0;    // unix ms
    int64_t size = 0;  // bytes
    std::string shopId;
    bool current = false;
};
void listVersions(std::function<void(std::vector<Version>, std::string error)> done);
void loadVersion(int64_t seq, std::function<void(std::string bytes, std::string error)> done);

// Two tabs on one shop: only one may write (the page asks the browser with Web Locks; the
// desktop has one window). The others are told when the writer saved, and when it went away.
bool writable();
struct TabEvents {
    std::vector<std::string> saved; // snapshots the writing tab saved since the last call
    bool becameWritable = false;    // the writing tab was closed: this one writes now
};
TabEvents takeTabEvents();

// Files the user opened: the file picker (`pickFile`) or dropped on the window.
struct OpenedFile {
    std::string name;
    std::string bytes;
    std::string error; // could not be read
};
// Text files (.csv .tsv .txt) are not opened whole but read in pieces and handed to the stream
// handler as they come (the page slices the File between frames; the desktop reads the path in
// pieces), so a 1 GB chat log never sits in memory whole. Without a handler they open whole.
class FileStreamHandler {
public:
    virtual ~FileStreamHandler() = default;
    virtual int64_t begin(const std::string& name, uint64_t size) = 0; // a stream id
    virtual bool chunk(int64_t stream, std::string_view bytes) = 0;   // false: stop reading
    virtual void end(int64_t stream, const std::string& error) = 0;   // error empty: all read
};
void setFileStreamHandler(FileStreamHandler* handler);
FileStreamHandler* fileStreamHandler(); // for storage_web.cpp / storage_desktop.cpp
bool isStreamedFile(const std::string& fileName);
// Bytes [offset, offset + length) of a file read as `stream` (one of the last few streamed; the page
// keeps their File objects, the desktop their paths), e.g. the context of a chat-log hit. Fewer
// bytes at the end of the file; error: the file is no longer at hand or could not be read.
void readSlice(int64_t stream, uint64_t offset, uint64_t length, std::function<void(std::string bytes, std::string error)> done);

// Opens the browser's file dialog (desktop: reads `path`, which the page ignores).
void pickFile(const std::string& accept, const std::string& path = "");
bool canPickByDialog(); // the page: yes; the desktop: it asks for a path instead
std::vector<OpenedFile> takeOpenedFiles();

} // namespace kefu::web::storage
