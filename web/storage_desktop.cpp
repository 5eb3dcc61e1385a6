// File storage for the desktop window: $KEFU_DATA_DIR (default ~/.kefuscore)/current.kefu, each
// save also kept as versions/<unix ms>.kefu (the last 50 and one per day for 90 days). Files are
// written to a temporary name first and renamed. One window: always writable.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <system_error>

#include "storage.h"

namespace fs = std::filesystem;

namespace kefu::web::storage {

namespace {
std::string dataDir() {
    if (const char* d = std::getenv("KEFU_DATA_DIR")) return d;
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.kefuscore";
}

bool writeAtomically(const fs::path& path, const std::string& bytes) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) return false;
        f.write(bytes.data(), std::streamsize(bytes.size()));
        if (!f) return false;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}

bool readFile(const fs::path& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream s;
    s << f.rdbuf();
    out = s.str();
    return true;
}

// Version files, newest first: (unix ms, path).
std::vector<std::pair<int64_t, fs::path>> versionFiles() {
    std::vector<std::pair<int64_t, fs::path>> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(dataDir()) / "versions", ec)) {
        if (e.path().extension() != ".kefu") continue;
        try {
            out.emplace_back(std::stoll(e.path().stem().string()), e.path());
        } catch (...) {
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return out;
}

void prune() {
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const int64_t day = 86400000;
    std::set<int64_t> days;
    int n = 0;
    for (const auto& [at, path] : versionFiles()) {
        ++n;
        const bool recent = n <= 50, daily = now - at < 90 * day && days.insert(at / day).second;
        if (!recent && !daily) {
            std::error_code ec;
            fs::remove(path, ec);
        }
    }
}

std::vector<OpenedFile> g_opened;
} // namespace

std::string takeSaved() {
    std::string bytes;
    readFile(fs::path(dataDir()) / "current.kefu", bytes);
    return bytes;
}

void save(const std::string&, const std::string& bytes, std::function<void(bool, std::string)> done) {
    const fs::path dir = dataDir();
    std::error_code ec;
    fs::create_directories(dir / "versions", ec);
    if (ec) return done(false, "cannot create " + (dir / "versions").string() + ": " + ec.message());
    int64_t at = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    auto existing = versionFiles();
    if (!existing.empty() && existing.front().first >= at) at = existing.front().first + 1;
    if (!writeAtomically(dir / "versions" / (std::to_string(at) + ".kefu"), bytes))
        return done(false, "cannot write a version in " + (dir / "versions").string());
    if (!writeAtomically(dir / "current.kefu", bytes)) return done(false, "cannot write " + (dir / "current.kefu").string());
    prune();
    done(true, "");
}

void download(const std::string& fileName, const std::string& bytes) { writeAtomically(fs::path(dataDir()) / fileName, bytes); }

void listVersions(std::function<void(std::vector<Version>, std::string)> done) {
    std::vector<Version> out;
    std::string current = takeSaved();
    for (const auto& [at, path] : versionFiles()) {
        std::error_code ec;
        Version v;
        v.seq = at;
        v.at = at;
        v.size = int64_t(fs::file_size(path, ec));
        v.current = out.empty() && !current.empty();
        out.push_back(std::move(v));
    }
    done(std::move(out), "");
}

void loadVersion(int64_t seq, std::function<void(std::string, std::string)> done) {
    std::string bytes;
    const fs::path path = fs::path(dataDir()) / "versions" / (std::to_string(seq) + ".kefu");
    if (!readFile(path, bytes)) return done("", "cannot read " + path.string());
    done(std::move(bytes), "");
}

bool writable() { return true; }
TabEvents takeTabEvents() { return {}; }

namespace {
std::map<int64_t, std::string> g_streamPaths; // the last few streamed files, for readSlice
}

void pickFile(const std::string&, const std::string& path) {
    FileStreamHandler* h = fileStreamHandler();
    if (h && isStreamedFile(path)) { // in pieces, as the page reads a File
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        const int64_t id = h->begin(fs::path(path).filename().string(), in ? uint64_t(in.tellg()) : 0);
        g_streamPaths[id] = path;
        if (g_streamPaths.size() > 8) g_streamPaths.erase(g_streamPaths.begin());
        if (!in) return h->end(id, "cannot read " + path);
        in.seekg(0);
        std::string piece(size_t(4) << 20, '\0');
        while (in.read(piece.data(), std::streamsize(piece.size())) || in.gcount() > 0)
            if (!h->chunk(id, std::string_view(piece.data(), size_t(in.gcount())))) return h->end(id, "");
        return h->end(id, in.bad() ? "read error: " + path : "");
    }
    OpenedFile f;
    f.name = fs::path(path).filename().string();
    if (!readFile(path, f.bytes)) f.error = "cannot read " + path;
    g_opened.push_back(std::move(f));
}
bool canPickByDialog() { return false; }

void readSlice(int64_t stream, uint64_t offset, uint64_t length, std::function<void(std::string, std::string)> done) {
    auto it = g_streamPaths.find(stream);
    if (it == g_streamPaths.end()) return done("", "the file is no longer open");
    std::ifstream in(it->second, std::ios::binary);
    if (!in || !in.seekg(std::streamoff(offset))) return done("", "cannot read " + it->second);
    std::string bytes(size_t(length), '\0');
    in.read(bytes.data(), std::streamsize(length));
    if (in.bad()) return done("", "read error: " + it->second);
    bytes.resize(size_t(in.gcount()));
    done(std::move(bytes), "");
}

std::vector<OpenedFile> takeOpenedFiles() {
    std::vector<OpenedFile> out;
    out.swap(g_opened);
    return out;
}

} // namespace kefu::web::storage
