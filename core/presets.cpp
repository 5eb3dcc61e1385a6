#include "presets.h"

#include "presets.inc"

namespace kefu::core {

const std::vector<PresetFile>& presetFiles() {
    static const std::vector<PresetFile> files = [] {
        std::vector<PresetFile> v;
        for (const auto& f : kEmbeddedFiles) v.push_back({f.name, std::string_view(f.data, f.size)});
        return v;
    }();
    return files;
}

Expected<Scheme> loadPreset(std::string_view id, const Catalog& catalog, Problems& problems) {
    for (const auto& f : presetFiles())
        if (f.id == id) {
            auto s = parseScheme(f.json, catalog, problems);
            if (!s) return Error{"preset " + f.id + ":\n" + s.error()};
            return s;
        }
    return Error{"unknown preset '" + std::string(id) + "'"};
}

} // namespace kefu::core
