// The stream handler shared by the page's and the desktop's file opening (storage.h).
#include <algorithm>
#include <cctype>

#include "storage.h"

namespace kefu::web::storage {

namespace {
FileStreamHandler* g_handler = nullptr;
}

void setFileStreamHandler(FileStreamHandler* handler) { g_handler = handler; }
FileStreamHandler* fileStreamHandler() { return g_handler; }

bool isStreamedFile(const std::string& fileName) {
    std::string lower(fileName);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (const std::string ext : {".csv", ".tsv", ".txt"})
        if (lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) return true;
    return false;
}

} // namespace kefu::web::storage
