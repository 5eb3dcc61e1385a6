// 考核方案: the active scheme and a picker of the presets and the shop's own schemes; an editor
// of a copy (name, rules, scope, params) validated after every edit with each problem next to its
// field; 保存方案 pushes SaveScheme; scheme files are exported and opened (the app does the I/O).
#include <algorithm>
#include <cstdio>
#include <utility>

#include "fonts.h"
#include "i18n.h"
#include "presets.h"
#include "test_hook.h"
#include "ui/scheme_editor.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace scheme {

using core::Json;

namespace {
const ImVec4 kProblemColour(1.0f, 0.45f, 0.4f, 1), kFineColour(0.45f, 0.85f, 0.5f, 1);
// The names a copy of a preset gets: data in both languages, whatever the page's language.
const char* const kCustomZh = "（自定义）";
const char* const kCustomEn = " (custom)";

void drawProblem(Form& f, size_t i, bool bare) {
    f.shown[i] = true;
    const core::Problem& pr = f.p.problems[i];
    const int n = f.ids[pr.path]++;
    const std::string id = "scheme.problem." + pr.path + (n ? "#" + std::to_string(n) : "");
    ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
    textWrapped(id.c_str(), problemText(pr, bare));
    ImGui::PopStyleColor();
}
} // namespace

void drawProblems(Form& f, const std::string& path) {
    for (size_t i = 0; i < f.p.problems.size(); ++i)
        if (!f.shown[i] && f.p.problems[i].path == path) drawProblem(f, i, true);
}

void drawRemainingProblems(Form& f, const std::string& prefix) {
    for (size_t i = 0; i < f.p.problems.size(); ++i)
        if (!f.shown[i] && isUnder(f.p.problems[i].path, prefix)) drawProblem(f, i, false);
}

bool isUnder(const std::string& path, const std::string& prefix) {
    if (path.compare(0, prefix.size(), prefix) != 0) return false;
    return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

std::string problemText(const core::Problem& p, bool bare) {
    if (bare) return uiLanguage() == core::Lang::Zh && !p.zh.empty() ? p.zh : p.message;
    return core::textIn(p.text2(), uiLanguage());
}

std::string metricName(const std::string& id) {
    const core::MetricDef* m = core::Catalog::builtin().find(id);
    if (!m) return id;
    return uiLanguage() == core::Lang::Zh ? m->zh : m->en;
}

Json* member(Json& obj, const std::string& key) { return obj.isObject() ? obj.find(key) : nullptr; }

void eraseKey(Json& obj, const std::string& key) {
    auto& m = obj.members();
    m.erase(std::remove_if(m.begin(), m.end(), [&](const Json::Member& x) { return x.first == key; }), m.end());
}

const std::string& stringAt(const Json& obj, const std::string& key) {
    static const std::string none;
    const Json* v = obj.isObject() ? obj.find(key) : nullptr;
    return v && v->isString() ? v->asString() : none;
}

// {"zh","en"} or a plain text (both languages).
core::Text2 textPair(const Json* v) {
    if (!v) return {};
    if (v->isString()) return {v->asString(), v->asString()};
    return {stringAt(*v, "zh"), stringAt(*v, "en")};
}

const std::vector<PresetInfo>& presets() {
    static const std::vector<PresetInfo> list = [] {
        std::vector<PresetInfo> v;
        for (const auto& f : core::presetFiles()) {
            auto doc = core::parseJson(f.json);
            if (!doc) continue;
            v.push_back({f.id, textPair(doc->find("name")), textPair(doc->find("description")), *doc});
        }
        return v;
    }();
    return list;
}

bool isPresetId(const std::string& id) {
    const auto& files = core::presetFiles();
    return std::any_of(files.begin(), files.end(), [&](const core::PresetFile& f) { return f.id == id; });
}

namespace {
void validate(SchemePanel& p) {
    core::Problems problems;
    if (!p.text.empty()) (void)core::parseScheme(p.text, core::Catalog::builtin(), problems);
    p.problems = problems.list();
}

// The editor's copy becomes `text` (a scheme of the shop, a preset, or an opened file).
void take(SchemePanel& p, const std::string& text) {
    p.text = text;
    auto doc = core::parseJson(text);
    p.docOk = !text.empty() && doc.ok();
    p.doc = p.docOk ? *doc : Json();
    validate(p);
}

void commit(SchemePanel& p) {
    p.edited = true;
    p.text = core::writeJson(p.doc, 2);
    validate(p);
}

// Follows the shop's active scheme while the copy is clean; an opened file replaces the copy.
void sync(SchemePanel& p, const core::AppState& s) {
    if (!p.loadedName.empty() || !p.loadedText.empty()) {
        take(p, p.loadedText);
        p.fileName = std::exchange(p.loadedName, "");
        p.loadedText.clear();
        p.edited = true;
        p.source.clear();
        p.rule = 0;
        return;
    }
    if (p.seenRevision == s.revision) return;
    p.seenRevision = s.revision;
    if (p.edited) { // saved: the shop has this very text as its active scheme now
        if (!p.savedText.empty() && s.schemeId == p.savedId && core::schemeText(s, p.savedId) == p.savedText) {
            p.edited = false;
            p.source = p.savedId;
            p.base = p.savedText;
            p.fileName.clear();
        }
        return;
    }
    std::string text = core::schemeText(s, s.schemeId);
    if (p.source == s.schemeId && p.base == text) return;
    if (p.source != s.schemeId) p.rule = 0;
    p.source = s.schemeId;
    p.base = text;
    take(p, text);
}

// Takes the active scheme again (the selected rule stays when it is the same scheme).
void reset(SchemePanel& p) {
    p.edited = false;
    p.base.clear();
    p.fileName.clear();
    p.seenRevision = ~0ull;
}

// The active scheme and the picker: every preset (with its description on hover) and the shop's own.
void drawPicker(SchemePanel& p, const core::AppState& s, Actions& out) {
    const std::string active = s.language == core::Lang::Zh ? s.schemeNameZh : s.schemeNameEn;
    ImGui::AlignTextToFramePadding();
    text("scheme.active", trf("scheme.active", {active.empty() ? s.schemeId : active, s.schemeId}));
    ImGui::SameLine();
    struct Item {
        std::string id, label, description;
    };
    std::vector<Item> items;
    for (const auto& pr : presets())
        items.push_back({pr.id, core::textIn(pr.name, uiLanguage()) + "  (" + pr.id + ")",
                         core::textIn(pr.description, uiLanguage())});
    for (const auto& [id, json] : s.schemes) items.push_back({id, trf("assess.own_scheme", {id}), ""});
    std::string preview = tr("scheme.pick");
    for (const auto& it : items) {
        if (it.id == s.schemeId) preview = it.label;
        fonts().noteText(it.description);
    }
    fonts().noteText(preview);
    ImGui::BeginDisabled(s.readOnly);
    ImGui::SetNextItemWidth(std::min(360.0f, ImGui::GetContentRegionAvail().x * 0.5f));
    if (ImGui::BeginCombo(imguiLabel("", "scheme.pick").c_str(), preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        for (const auto& it : items) {
            const std::string id = "scheme.pick." + it.id;
            if (ImGui::Selectable(imguiLabel(it.label, id.c_str()).c_str(), it.id == s.schemeId)) {
                if (it.id != s.schemeId) out.push(core::SelectScheme{it.id});
                reset(p);
            }
            recordItem(id, it.label, "option");
            if (ImGui::IsItemHovered() && !it.description.empty()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(420);
                ImGui::TextUnformatted(it.description.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        ImGui::EndCombo();
    }
    recordItem("scheme.pick", preview, "combo", s.schemeId);
    ImGui::EndDisabled();
}

// 导入方案文件 / 导出方案文件 (the app opens the picker or downloads), and the copy's description.
void drawFiles(SchemePanel& p) {
    if (button("scheme.import", tr("scheme.import"))) p.pickFile = true;
    ImGui::SameLine();
    ImGui::BeginDisabled(!p.docOk);
    if (button("scheme.export", tr("scheme.export"))) {
        const std::string id = stringAt(p.doc, "id");
        const bool plain = !id.empty() && id.find_first_of("/\\:") == std::string::npos;
        p.exportName = (plain ? id : std::string("scheme")) + ".json";
        p.exportText = core::writeJson(p.doc, 2) + "\n";
    }
    ImGui::EndDisabled();
    const Json* described = p.doc.isObject() ? p.doc.find("description") : nullptr;
    const std::string description = core::textIn(textPair(described), uiLanguage());
    if (!description.empty()) textWrapped("scheme.description", description);
}

// Why 保存方案 cannot run now (empty: it can).
std::string saveBlocked(const SchemePanel& p, const core::AppState& s) {
    if (s.readOnly) return tr("scheme.blocked_read_only");
    if (!p.edited) return tr("scheme.blocked_unchanged");
    if (!p.problems.empty()) return trf("scheme.blocked_problems", {std::to_string(p.problems.size())});
    if (stringAt(p.doc, "id").empty()) return tr("scheme.blocked_no_id");
    if (isPresetId(stringAt(p.doc, "id"))) return trf("scheme.blocked_preset", {stringAt(p.doc, "id")});
    return "";
}

// Where the copy stands, its problem count, 保存方案 / 放弃修改 and why saving waits.
void drawCommands(SchemePanel& p, const core::AppState& s, Actions& out) {
    const std::string blocked = saveBlocked(p, s);
    ImGui::BeginDisabled(!blocked.empty());
    if (button("scheme.save", tr("scheme.save"))) {
        p.savedId = stringAt(p.doc, "id");
        p.savedText = core::writeJson(p.doc, 2);
        out.push(core::SaveScheme{p.savedText, p.fileName});
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!p.edited);
    if (button("scheme.discard", tr("scheme.discard"))) reset(p);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (!p.fileName.empty())
        text("scheme.state", trf("scheme.from_file", {p.fileName}));
    else
        text("scheme.state", tr(p.edited ? "scheme.edited" : "scheme.unchanged"));
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, p.problems.empty() ? kFineColour : kProblemColour);
    text("scheme.problem_count",
         p.problems.empty() ? tr("scheme.no_problems") : trf("scheme.problems", {std::to_string(p.problems.size())}));
    ImGui::PopStyleColor();
    if (!blocked.empty() && p.edited) textDisabled("scheme.save_blocked", blocked);
    drawCostPreview(p, s);
    if (s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size()) && s.periods[size_t(s.selectedPeriod)].closed)
        textDisabled("scheme.closed_note",
                     trf("scheme.closed_note", {core::formatMonth(s.periods[size_t(s.selectedPeriod)].month)}));
}

// A text field bound to a string member; true when it changed.
bool stringField(const char* id, const char* labelKey, std::string value, float width, std::string& out) {
    ImGui::AlignTextToFramePadding();
    text((std::string(id) + "_label").c_str(), tr(labelKey));
    ImGui::SameLine(110);
    inputText(id, "", value, width);
    if (value == out) return false;
    out = value;
    return true;
}

// The copy's id and names; a preset's id must change before saving (a suggestion is offered).
void drawSchemeFields(Form& f) {
    Json& doc = f.p.doc;
    std::string id = stringAt(doc, "id");
    if (stringField("scheme.id", "scheme.id", id, 220, id)) {
        doc.set("id", Json::string(id));
        f.changed = true;
    }
    drawProblems(f, "id");
    if (f.p.edited && isPresetId(id)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.4f, 1));
        textWrapped("scheme.preset_id", trf("scheme.preset_id", {id}));
        ImGui::PopStyleColor();
        if (smallButton("scheme.suggest_id", trf("scheme.suggest_id", {id + "-custom"}))) {
            core::Text2 name = textPair(doc.find("name"));
            Json n = Json::object();
            n.set("zh", Json::string(name.zh + kCustomZh));
            n.set("en", Json::string(name.en + kCustomEn));
            doc.set("id", Json::string(id + "-custom"));
            doc.set("name", std::move(n));
            f.changed = true;
        }
    }
    core::Text2 name = textPair(doc.find("name"));
    const core::Text2 was = name;
    stringField("scheme.name_zh", "scheme.name_zh", was.zh, 260, name.zh);
    stringField("scheme.name_en", "scheme.name_en", was.en, 260, name.en);
    if (name.zh != was.zh || name.en != was.en) {
        Json n = Json::object();
        n.set("zh", Json::string(name.zh));
        n.set("en", Json::string(name.en));
        doc.set("name", std::move(n));
        f.changed = true;
    }
    drawProblems(f, "name");
}

// Problems that no field of this screen shows: the whole scheme's, other rules', parse errors.
void drawOtherProblems(Form& f, const std::string& rulePath) {
    for (size_t i = 0; i < f.p.problems.size(); ++i)
        if (!f.shown[i] && !isUnder(f.p.problems[i].path, rulePath)) drawProblem(f, i, false);
}

// The text is not a scheme object: the problems, and the line a syntax error points at.
void drawUnreadable(Form& f) {
    if (f.p.text.empty()) {
        textWrapped("scheme.none", tr("scheme.none"));
        return;
    }
    for (size_t i = 0; i < f.p.problems.size(); ++i) drawProblem(f, i, false);
    for (const auto& pr : f.p.problems) { // the line of the first problem that names one
        unsigned line = pr.line, column = 0;
        if (!line && std::sscanf(pr.message.c_str(), "line %u, column %u", &line, &column) < 1) continue;
        size_t at = 0;
        for (unsigned l = 1; l < line && at != std::string::npos; ++l)
            if ((at = f.p.text.find('\n', at)) != std::string::npos) ++at;
        if (at == std::string::npos) continue;
        const size_t end = std::min(f.p.text.find('\n', at), f.p.text.size());
        textDisabled(
            "scheme.error_line",
            trf("scheme.error_line", {std::to_string(line), f.p.text.substr(at, std::min<size_t>(end - at, 200))}));
        break;
    }
}

void drawSelectedRule(Form& f) {
    Json* rules = member(f.p.doc, "rules");
    if (!rules || !rules->isArray() || rules->items().empty()) {
        textDisabled("scheme.no_rules", tr("scheme.no_rules"));
        return;
    }
    f.p.rule = std::clamp(f.p.rule, 0, int(rules->items().size()) - 1);
    Json& rule = rules->items()[size_t(f.p.rule)];
    const std::string path = "rules[" + std::to_string(f.p.rule) + "]";
    if (rule.isObject()) {
        drawRuleHead(f, rule, path);
        ImGui::Separator();
        text("scheme.params", tr("scheme.params"));
        if (Json* params = member(rule, "params"))
            drawParams(f, *params, path + ".params");
        else
            textDisabled("scheme.no_params", tr("scheme.no_params"));
    }
    drawRemainingProblems(f, path);
}

// Wide: the scheme and its rules on the left, the selected rule on the right; narrow: one column.
void drawEditor(Form& f) {
    const bool wide = ImGui::GetContentRegionAvail().x >= 900;
    if (wide) ImGui::BeginChild("##scheme.left", ImVec2(ImGui::GetContentRegionAvail().x * 0.44f, 0));
    drawSchemeFields(f);
    drawSmallSample(f);
    drawOtherProblems(f, "rules[" + std::to_string(f.p.rule) + "]");
    ImGui::Separator();
    drawRuleList(f);
    ImGui::Spacing();
    drawAddRule(f);
    if (wide) {
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##scheme.right", ImVec2(0, 0), true);
    } else {
        ImGui::Separator();
    }
    drawSelectedRule(f);
    if (wide) ImGui::EndChild();
}
} // namespace

} // namespace scheme

void drawSchemePanel(SchemePanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    scheme::sync(p, s);
    if (beginPanel("panel.scheme", tr("scheme.title"), pos, size)) {
        scheme::Form f{p, s, std::vector<bool>(p.problems.size()), {}, false};
        scheme::drawPicker(p, s, out);
        ImGui::SameLine();
        scheme::drawFiles(p);
        scheme::drawCommands(p, s, out);
        ImGui::Separator();
        if (p.docOk && p.doc.isObject())
            scheme::drawEditor(f);
        else
            scheme::drawUnreadable(f);
        if (f.changed) scheme::commit(p);
    }
    endPanel();
}

} // namespace kefu::web::ui
