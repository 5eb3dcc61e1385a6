// IndexedDB storage and files for the page: shell.html's kefuStore does the transactions, kefuTabs
// the Web Locks and the BroadcastChannel, kefuFiles the picker and drag-and-drop; this file passes
// bytes across and receives results through exported functions (one request id per call).
#include <cstdlib>
#include <map>
#include <string>

#include <emscripten.h>

#include "json.h"
#include "storage.h"

// clang-format off
EM_JS(int, js_saved_size, (), {
    return Module.kefuSaved ? Module.kefuSaved.length : 0;
});
EM_JS(void, js_saved_copy, (unsigned char* dst), {
    HEAPU8.set(Module.kefuSaved, dst);
    Module.kefuSaved = null;
});
// Replies go to _kefu_storage_reply(id, ok, bytes pointer, length) with malloc'ed bytes.
EM_JS(void, js_reply_setup, (), {
    Module.kefuReply = (id, ok, data) => {
        const bytes = typeof data === "string" ? new TextEncoder().encode(data) : (data || new Uint8Array(0));
        const p = _malloc(Math.max(1, bytes.length));
        HEAPU8.set(bytes, p);
        Module._kefu_storage_reply(id, ok ? 1 : 0, p, bytes.length);
    };
    Module.kefuError = (e) => String(e && e.message ? e.message : e);
});
EM_JS(void, js_store_save, (int id, const char* shopId, const unsigned char* data, int size), {
    const bytes = HEAPU8.slice(data, data + size);
    window.kefuStore.save(UTF8ToString(shopId), bytes).then(
        () => { Module.kefuReply(id, true, ""); if (window.kefuTabs) window.kefuTabs.saved(); },
        (e) => Module.kefuReply(id, false, Module.kefuError(e)));
});
EM_JS(void, js_store_list, (int id), {
    window.kefuStore.list().then((v) => Module.kefuReply(id, true, JSON.stringify(v)),
                                 (e) => Module.kefuReply(id, false, Module.kefuError(e)));
});
EM_JS(void, js_store_load, (int id, double seq), {
    window.kefuStore.load(seq).then((b) => b ? Module.kefuReply(id, true, b) : Module.kefuReply(id, false, "no such version"),
                                    (e) => Module.kefuReply(id, false, Module.kefuError(e)));
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
EM_JS(int, js_tab_writable, (), {
    return !window.kefuTabs || window.kefuTabs.writable ? 1 : 0;
});
EM_JS(void, js_file_slice, (int id, double stream, double offset, double length), {
    window.kefuFiles.slice(stream, offset, length).then((b) => Module.kefuReply(id, true, b),
                                                        (e) => Module.kefuReply(id, false, Module.kefuError(e)));
});
EM_JS(void, js_pick_file, (const char* accept), {
    window.kefuFiles.pick(UTF8ToString(accept));
});
// clang-format on

namespace {
using Reply = std::function<void(bool, std::string)>;
std::map<int, Reply> g_pending;
int g_next = 1;

int request(Reply r) {
    static bool setup = (js_reply_setup(), true);
    (void)setup;
    int id = g_next++;
    g_pending[id] = std::move(r);
    return id;
}

kefu::web::storage::TabEvents g_tabEvents;
std::vector<kefu::web::storage::OpenedFile> g_opened;

std::string takeBytes(unsigned char* data, int size) {
    std::string bytes(reinterpret_cast<const char*>(data), size_t(size));
    std::free(data);
    return bytes;
}
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void kefu_storage_reply(int id, int ok, unsigned char* data, int size) {
    std::string bytes = takeBytes(data, size);
    auto it = g_pending.find(id);
    if (it == g_pending.end()) return;
    Reply r = std::move(it->second);
    g_pending.erase(it);
    r(ok != 0, std::move(bytes));
}

// kefuTabs: the writing tab saved (its snapshot), or this tab may write now.
EMSCRIPTEN_KEEPALIVE void kefu_tab_saved(unsigned char* data, int size) { g_tabEvents.saved.push_back(takeBytes(data, size)); }
EMSCRIPTEN_KEEPALIVE void kefu_tab_writable() { g_tabEvents.becameWritable = true; }

// kefuFiles: a picked or dropped file (error: a message instead of bytes).
EMSCRIPTEN_KEEPALIVE void kefu_file_opened(const char* name, unsigned char* data, int size, const char* error) {
    g_opened.push_back({name, takeBytes(data, size), error ? error : ""});
}

// kefuFiles.stream: a text file in pieces (File.slice). begin returns the stream id, or -1 when
// nothing takes streams (the page then reads the file whole); chunk frees the piece and returns 0
// to stop the reading (cancelled or refused).
EMSCRIPTEN_KEEPALIVE double kefu_stream_begin(const char* name, double size) {
    auto* h = kefu::web::storage::fileStreamHandler();
    return h ? double(h->begin(name, uint64_t(size))) : -1;
}
EMSCRIPTEN_KEEPALIVE int kefu_stream_chunk(double stream, unsigned char* data, int size) {
    auto* h = kefu::web::storage::fileStreamHandler();
    const bool more = h && h->chunk(int64_t(stream), std::string_view(reinterpret_cast<const char*>(data), size_t(size)));
    std::free(data);
    return more ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void kefu_stream_end(double stream, const char* error) {
    if (auto* h = kefu::web::storage::fileStreamHandler()) h->end(int64_t(stream), error ? error : "");
}
}

namespace kefu::web::storage {

std::string takeSaved() {
    int n = js_saved_size();
    std::string bytes(size_t(n), '\0');
    if (n > 0) js_saved_copy(reinterpret_cast<unsigned char*>(bytes.data()));
    return bytes;
}

void save(const std::string& shopId, const std::string& bytes, std::function<void(bool, std::string)> done) {
    int id = request(std::move(done));
    js_store_save(id, shopId.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()));
}

void download(const std::string& fileName, const std::string& bytes) {
    js_download(fileName.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()));
}

void listVersions(std::function<void(std::vector<Version>, std::string)> done) {
    int id = request([done = std::move(done)](bool ok, std::string text) {
        if (!ok) return done({}, text);
        auto j = core::parseJson(text);
        if (!j || !j->isArray()) return done({}, "the version list could not be read");
        std::vector<Version> out;
        for (const auto& v : j->items()) {
            Version x;
            auto num = [&](const char* k) {
                const core::Json* f = v.find(k);
                return f && f->isNumber() ? int64_t(f->asNumber()) : int64_t(0);
            };
            x.seq = num("seq");
            x.at = num("at");
            x.size = num("size");
            if (const core::Json* s = v.find("shopId"); s && s->isString()) x.shopId = s->asString();
            if (const core::Json* c = v.find("current"); c && c->isBool()) x.current = c->asBool();
            out.push_back(std::move(x));
        }
        done(std::move(out), "");
    });
    js_store_list(id);
}

void loadVersion(int64_t seq, std::function<void(std::string, std::string)> done) {
    int id = request([done = std::move(done)](bool ok, std::string bytes) {
        if (ok) done(std::move(bytes), "");
        else done("", bytes);
    });
    js_store_load(id, double(seq));
}

bool writable() { return js_tab_writable() != 0; }

TabEvents takeTabEvents() {
    TabEvents e = std::move(g_tabEvents);
    g_tabEvents = TabEvents{};
    return e;
}

void pickFile(const std::string& accept, const std::string&) { js_pick_file(accept.c_str()); }
bool canPickByDialog() { return true; }

void readSlice(int64_t stream, uint64_t offset, uint64_t length, std::function<void(std::string, std::string)> done) {
    int id = request([done = std::move(done)](bool ok, std::string bytes) {
        if (ok) done(std::move(bytes), "");
        else done("", bytes);
    });
    js_file_slice(id, double(stream), double(offset), double(length));
}

std::vector<OpenedFile> takeOpenedFiles() {
    std::vector<OpenedFile> out;
    out.swap(g_opened);
    return out;
}

} // namespace kefu::web::storage
