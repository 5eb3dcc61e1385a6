// IndexedDB storage for the page: shell.html's kefuStore does the transactions; this file passes
// bytes across and receives the result through an exported function.
#include <cstdlib>
#include <string>

#include <emscripten.h>

#include "storage.h"

// clang-format off
EM_JS(int, js_saved_size, (), {
    return Module.kefuSaved ? Module.kefuSaved.length : 0;
});
EM_JS(void, js_saved_copy, (unsigned char* dst), {
    HEAPU8.set(Module.kefuSaved, dst);
    Module.kefuSaved = null;
});
EM_JS(void, js_store_save, (const char* shopId, const unsigned char* data, int size), {
    const bytes = HEAPU8.slice(data, data + size);
    window.kefuStore.save(UTF8ToString(shopId), bytes).then(
        () => Module._kefu_storage_done(1, 0),
        (e) => {
            const text = String(e && e.message ? e.message : e);
            const n = lengthBytesUTF8(text) + 1;
            const p = _malloc(n);
            stringToUTF8(text, p, n);
            Module._kefu_storage_done(0, p);
        });
});
EM_JS(void, js_download, (const char* name, const unsigned char* data, int size), {
    const blob = new Blob([HEAPU8.slice(data, data + size)], { type: "application/octet-stream" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});
// clang-format on

namespace {
std::function<void(bool, std::string)> g_done;
}

extern "C" EMSCRIPTEN_KEEPALIVE void kefu_storage_done(int ok, char* error) {
    std::string text = error ? error : "";
    std::free(error);
    auto done = std::move(g_done);
    g_done = nullptr;
    if (done) done(ok != 0, text);
}

namespace kefu::web::storage {

std::string takeSaved() {
    int n = js_saved_size();
    std::string bytes(size_t(n), '\0');
    if (n > 0) js_saved_copy(reinterpret_cast<unsigned char*>(bytes.data()));
    return bytes;
}

void save(const std::string& shopId, const std::string& bytes, std::function<void(bool, std::string)> done) {
    g_done = std::move(done);
    js_store_save(shopId.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()));
}

void download(const std::string& fileName, const std::string& bytes) {
    js_download(fileName.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()));
}

} // namespace kefu::web::storage
