// The preset schemes of SCORING.md: JSON files in assets/presets/, embedded at build time and
// parsed by the same code as a user's scheme file.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "expected.h"
#include "explain.h"
#include "scheme.h"

namespace kefu::core {

struct PresetFile {
    std::string id;       // file stem, e.g. "presales-rank"
    std::string_view json;
};

const std::vector<PresetFile>& presetFiles();
// The presets' names in both languages (id when a preset does not parse), in presetFiles() order.
struct PresetName {
    std::string id;
    Text2 name;
};
const std::vector<PresetName>& presetNames();
// Parses a preset by id; problems hold every validation problem when it fails.
Expected<Scheme> loadPreset(std::string_view id, const Catalog& catalog, Problems& problems);

} // namespace kefu::core
