// File storage for the desktop window: $KEFU_DATA_DIR (default ~/.kefuscore)/current.kefu,
// written to a temporary file first and renamed over the old one.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "storage.h"

namespace kefu::web::storage {

namespace {
std::string dataDir() {
    if (const char* d = std::getenv("KEFU_DATA_DIR")) return d;
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.kefuscore";
}

bool writeAtomically(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) return false;
        f.write(bytes.data(), std::streamsize(bytes.size()));
        if (!f) return false;
    }
    return std::rename(tmp.c_str(), path.c_str()) == 0;
}
} // namespace

std::string takeSaved() {
    std::ifstream f(dataDir() + "/current.kefu", std::ios::binary);
    if (!f) return {};
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

void save(const std::string&, const std::string& bytes, std::function<void(bool, std::string)> done) {
    const std::string dir = dataDir();
    std::string mk = "mkdir -p '" + dir + "'";
    if (std::system(mk.c_str()) != 0) return done(false, "cannot create " + dir);
    if (!writeAtomically(dir + "/current.kefu", bytes)) return done(false, "cannot write " + dir + "/current.kefu");
    done(true, "");
}

void download(const std::string& fileName, const std::string& bytes) {
    writeAtomically(dataDir() + "/" + fileName, bytes);
}

} // namespace kefu::web::storage
