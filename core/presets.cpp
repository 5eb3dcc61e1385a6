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

const std::vector<PresetName>& presetNames() {
    static const std::vector<PresetName> names = [] {
        std::vector<PresetName> v;
        for (const auto& f : presetFiles()) {
            Problems problems;
            auto s = parseScheme(f.json, Catalog::builtin(), problems);
            v.push_back({f.id, s ? Text2{s->nameZh, s->nameEn} : Text2{f.id, f.id}});
        }
        return v;
    }();
    return names;
}

Expected<Scheme> loadPreset(std::string_view id, const Catalog& catalog, Problems& problems) {
    for (const auto& f : presetFiles())
        if (f.id == id) {
            auto s = parseScheme(f.json, catalog, problems);
            if (!s)
                return Error{"preset " + f.id + ":\n" + s.error(), "预设方案 " + f.id + "：\n" + errorText(s.failure()).zh};
            return s;
        }
    return Error{"unknown preset '" + std::string(id) + "'", "没有预设方案“" + std::string(id) + "”"};
}

} // namespace kefu::core
