// The shop's schemes in the app: which scheme the results use (a preset or the shop's own),
// and saving an edited or loaded scheme file, validated with every problem listed.
#include <algorithm>

#include "app_actions.h"
#include "input.h"
#include "presets.h"

namespace kefu::core {

using namespace detail;

namespace {
const Msg kSchemeProblems{"方案“{0}”有 {1} 个问题，没有保存：", "The scheme '{0}' has {1} problems and was not saved:"};
const Msg kPresetId{"方案编号“{0}”是预设方案的编号；请换一个编号再保存",
                    "'{0}' is the id of a preset; give the scheme another id to save it"};

bool isPreset(const std::string& id) {
    const auto& files = presetFiles();
    return std::any_of(files.begin(), files.end(), [&](const PresetFile& f) { return f.id == id; });
}
} // namespace

std::string schemeText(const AppState& s, const std::string& id) {
    if (auto it = s.schemes.find(id); it != s.schemes.end()) return it->second;
    for (const auto& f : presetFiles())
        if (f.id == id) return std::string(f.json);
    return {};
}

Expected<Scheme> activeScheme(const AppState& s, Problems& problems) {
    if (auto it = s.schemes.find(s.schemeId); it != s.schemes.end()) {
        auto scheme = parseScheme(it->second, Catalog::builtin(), problems);
        if (!scheme) return Error{s.schemeId + ": " + scheme.error(), s.schemeId + "：" + errorText(scheme.failure()).zh};
        return scheme;
    }
    return loadPreset(s.schemeId, Catalog::builtin(), problems);
}

bool eventKindAccepted(const AppState& s, const std::string& kind) {
    Problems problems;
    auto scheme = activeScheme(s, problems);
    return isKnownEventKind(kind, scheme ? schemeEventKinds(*scheme) : std::vector<std::string>{});
}

namespace detail {
Change saveScheme(AppState& s, const SaveScheme& a) {
    Problems problems;
    auto scheme = parseScheme(a.json, Catalog::builtin(), problems);
    if (!scheme) {
        const std::string name = a.fileName.empty() ? std::string("JSON") : a.fileName;
        notice(s, kSchemeProblems, {name, std::to_string(std::max<size_t>(problems.list().size(), 1))});
        if (problems.empty()) s.notices.push_back(errorText(scheme.failure()));
        for (const auto& p : problems.list()) s.notices.push_back(p.text2());
        return {};
    }
    if (isPreset(scheme->id)) return notice(s, kPresetId, {scheme->id}), Change{};
    auto it = s.schemes.find(scheme->id);
    if (it != s.schemes.end() && it->second == a.json && s.schemeId == scheme->id) return {};
    s.schemes[scheme->id] = a.json;
    s.schemeId = scheme->id;
    s.schemeIsFallback = false;
    recompute(s);
    return {"save_scheme", scheme->id + (a.fileName.empty() ? "" : " (" + a.fileName + ")")};
}
} // namespace detail

} // namespace kefu::core
