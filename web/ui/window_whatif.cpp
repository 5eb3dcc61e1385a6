// 分析 > 假设分析: a slider for every number of the active scheme's rules that `kefu whatif --set`
// can change (grouped by rule), and, live, what the changed scheme would do to the selected month
// against the saved one: who moves (old rank → new rank), score and money changes, the shop's total
// cost. Computed again only when a value (or the shop) changed; nothing is saved until 应用, which
// saves the changed scheme with one SaveScheme (one undo step).
#include <algorithm>
#include <cmath>

#include "fonts.h"
#include "i18n.h"
#include "metrics.h"
#include "month_analysis.h"
#include "test_hook.h"
#include "ui/analysis_windows.h"
#include "ui/scheme_editor.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
using core::Json;
const ImVec4 kProblemColour(1.0f, 0.45f, 0.4f, 1), kUpColour(0.45f, 0.85f, 0.5f, 1), kDownColour(1.0f, 0.6f, 0.4f, 1);
// The names a changed copy of a preset gets (a preset's id cannot be saved): both languages.
const char* const kCustomZh = "（自定义）";
const char* const kCustomEn = " (custom)";

bool same(double a, double b) { return std::fabs(a - b) < 1e-9; }

// The slider's range and step for a saved value: shares and fractions 0..1, other numbers
// 0..twice the value (at least 10 for whole numbers), negative ones mirrored.
WhatIfParam makeParam(const core::RuleInstance& r, const std::string& path, std::string label, double v,
                      std::string shareGroup) {
    WhatIfParam p{r.id, r.type, path, std::move(label), std::move(shareGroup), v, v, 0, 1, false};
    if (!p.shareGroup.empty()) return p;
    p.whole = v == std::floor(v) && std::fabs(v) >= 1;
    if (!p.whole && v >= 0 && v <= 1) return p;
    const double span = std::max(std::fabs(v) * 2, p.whole ? 10.0 : 1.0);
    p.lo = v < 0 ? -span : 0;
    p.hi = v < 0 ? 0 : span;
    return p;
}

// The numbers that must sum to 1 together with `parent`.`key`, named by the path of their map or
// list ("" = none): a rank_points weight map, a DSR dimension's metric weights, bonus_budget's
// grade shares. Moving one of them moves the others.
std::string shareGroup(const std::string& type, const std::string& parent, const std::string& key) {
    if (type == "rank_points" && parent == "weights") return parent;
    const size_t dot = parent.rfind('.');
    const std::string list = dot == std::string::npos ? "" : parent.substr(0, dot);
    const size_t listDot = list.rfind('.');
    const std::string listKey = listDot == std::string::npos ? list : list.substr(listDot + 1);
    if (type == "dsr_dimensions" && key == "weight" && listKey == "metrics") return list;
    if (type == "bonus_budget" && key == "share" && list == "grades") return list;
    return "";
}

std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : b.empty() ? a : a + " · " + b; }

// A key as a person reads it: a metric's name, a parameter's name, else the key itself.
std::string keyLabel(const std::string& key) {
    if (core::Catalog::builtin().find(key)) return scheme::metricName(key);
    if (hasTr("param." + key)) return tr("param." + key);
    return key;
}

// What a list element or a map member is called: its own label in the UI language, its
// comparison ("转化率 >="), its id or grade; "" when it has none.
std::string objectName(const Json& o) {
    if (!o.isObject()) return "";
    if (const Json* label = o.find("label")) {
        if (label->isString()) return label->asString();
        const std::string text = scheme::stringAt(*label, uiLanguage() == core::Lang::Zh ? "zh" : "en");
        if (!text.empty()) return text;
    }
    const std::string metric = scheme::stringAt(o, "metric");
    if (!metric.empty()) {
        const std::string& op = scheme::stringAt(o, "op");
        return op.empty() ? keyLabel(metric) : keyLabel(metric) + " " + op;
    }
    for (const char* key : {"id", "grade", "name"})
        if (const std::string& v = scheme::stringAt(o, key); !v.empty()) return v;
    return "";
}

void collect(std::vector<WhatIfParam>& out, const core::RuleInstance& r, const Json& node, const std::string& path,
             const std::string& label);

// One member of an object or element of a list: a number becomes a slider, objects and lists are
// walked (depth first, in order).
void visit(std::vector<WhatIfParam>& out, const core::RuleInstance& r, const Json& v, const std::string& parent,
           const std::string& key, const std::string& label) {
    const std::string path = parent.empty() ? key : parent + "." + key;
    if (v.isNumber()) out.push_back(makeParam(r, path, label, v.asNumber(), shareGroup(r.type, parent, key)));
    else if (v.isObject() || v.isArray()) collect(out, r, v, path, label);
}

// Every number of a rule's params, with its `--set` path (list elements by index from 0) and a label
// that names list elements by what they are rather than by their index.
void collect(std::vector<WhatIfParam>& out, const core::RuleInstance& r, const Json& node, const std::string& path,
             const std::string& label) {
    if (node.isObject()) {
        const bool condition = node.find("op") != nullptr;
        for (const auto& [key, v] : node.members()) {
            if (key == "label") continue;
            const std::string name = objectName(v);
            // A list is named by its elements; a condition's value by the condition.
            const bool unnamed = v.isArray() || (condition && key == "value");
            visit(out, r, v, path, key, unnamed ? label : join(label, name.empty() ? keyLabel(key) : name));
        }
        return;
    }
    if (!node.isArray()) return;
    const size_t dot = path.rfind('.');
    const std::string listLabel = keyLabel(dot == std::string::npos ? path : path.substr(dot + 1));
    for (size_t i = 0; i < node.items().size(); ++i) {
        const Json& v = node.items()[i];
        const std::string name = objectName(v);
        visit(out, r, v, path, std::to_string(i),
              join(label, name.empty() ? listLabel + " " + std::to_string(i + 1) : name));
    }
}

// Takes the active scheme's numbers when the saved scheme changed (or at the first look).
void sync(WhatIfWindow& w, const core::AppState& s) {
    if (w.seenRevision == s.revision) return;
    w.seenRevision = s.revision;
    std::string text = core::schemeText(s, s.schemeId);
    if (w.schemeId == s.schemeId && w.schemeText == text) return;
    w.schemeId = s.schemeId;
    w.schemeText = std::move(text);
    w.params.clear();
    w.computedKey.clear();
    core::Problems problems;
    auto scheme = core::activeScheme(s, problems);
    if (!scheme) return;
    for (const core::RuleInstance& r : scheme->rules)
        if (r.enabled && r.params.isObject()) collect(w.params, r, r.params, "", "");
}

std::string valueText(double v) { return core::formatNumber(core::round6(v)); }

// The saved scheme's JSON with the sliders' values written in; a preset gets an id and names of its own.
std::string changedSchemeJson(const WhatIfWindow& w) {
    auto doc = core::parseJson(w.schemeText);
    if (!doc || !doc->isObject()) return "";
    Json* rules = doc->find("rules");
    for (const WhatIfParam& p : w.params) {
        if (same(p.value, p.saved) || !rules || !rules->isArray()) continue;
        for (Json& rule : rules->items()) {
            const Json* id = rule.find("id");
            Json* node = rule.find("params");
            if (!id || !id->isString() || id->asString() != p.rule || !node) continue;
            // The path was read from this very scheme text; a failure means the text changed under us.
            if (!core::setParamPath(*node, p.path, Json::number(core::round6(p.value)))) return "";
        }
    }
    const std::string id = scheme::stringAt(*doc, "id");
    if (scheme::isPresetId(id)) {
        Json names = Json::object();
        const Json* name = doc->find("name");
        const bool pair = name && name->isObject();
        names.set("zh", Json::string((pair ? scheme::stringAt(*name, "zh") : name ? name->asString() : id) + kCustomZh));
        names.set("en", Json::string((pair ? scheme::stringAt(*name, "en") : name ? name->asString() : id) + kCustomEn));
        doc->set("id", Json::string(id + "-custom"));
        doc->set("name", std::move(names));
    }
    return core::writeJson(*doc, 2);
}

// The diff for the sliders' values, computed again only when they or the shop changed.
void recompute(WhatIfWindow& w, const core::AppState& s) {
    const std::vector<std::string> changes = whatIfChanges(w);
    std::string key = std::to_string(s.selectedPeriod) + "|" + std::to_string(s.revision);
    for (const auto& c : changes) key += "|" + c;
    if (key == w.computedKey) return;
    w.computedKey = key;
    w.report.reset();
    w.error.clear();
    if (changes.empty()) return;
    auto m = core::monthAnalysis(s, s.selectedPeriod);
    if (!m) return void(w.error = core::textIn(core::errorText(m.failure()), uiLanguage()));
    auto r = core::runWhatIf(m->input, m->scheme, m->history, m->catalog, changes, core::Catalog::builtin());
    if (!r) return void(w.error = r.error());
    w.report = std::move(*r);
}

std::string signedMoney(const core::AppState& s, int64_t fen) { return (fen > 0 ? "+" : "") + money(s, fen); }

std::string rankText(const std::optional<int>& r) { return r ? std::to_string(*r) : "-"; }

// One slider: its label and the saved value on the left, the slider on the right.
void drawSlider(WhatIfWindow& w, size_t i) {
    WhatIfParam& p = w.params[i];
    const std::string id = "whatif.p." + p.rule + "." + p.path;
    const std::string& label = p.label;
    fonts().noteText(label);
    ImGui::AlignTextToFramePadding();
    text((id + "_label").c_str(), label);
    // A label longer than its column puts the slider on the next line.
    if (ImGui::GetItemRectSize().x < 190) ImGui::SameLine(200);
    ImGui::SetNextItemWidth(-1);
    float v = float(p.value);
    const char* format = p.whole ? "%.0f" : !p.shareGroup.empty() ? "%.3f" : "%.4g";
    const bool moved = ImGui::SliderFloat(("###" + id).c_str(), &v, float(p.lo), float(p.hi), format);
    recordItem(id, label, "slider", valueText(p.value));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf("whatif.saved_value", {valueText(p.saved)}).c_str());
    if (moved) setWhatIfParam(w, i, p.whole ? std::round(double(v)) : core::round6(double(v)));
}

void drawParams(WhatIfWindow& w) {
    std::string rule;
    bool open = false;
    for (size_t i = 0; i < w.params.size(); ++i) {
        if (w.params[i].rule != rule) {
            rule = w.params[i].rule;
            if (i == 0) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
            const std::string id = "whatif.rule." + rule;
            open = collapsingHeader(id.c_str(), rule + " · " + scheme::ruleTypeLabel(w.params[i].ruleType));
        }
        if (open) drawSlider(w, i);
    }
}

// Who moves: every agent whose rank, score or money changes, movers first.
std::vector<size_t> changedRows(const core::WhatIfReport& r) {
    std::vector<size_t> rows = r.movers;
    for (size_t i = 0; i < r.agents.size(); ++i) {
        const core::WhatIfAgent& a = r.agents[i];
        const bool scoreChanged = a.oldScore.has_value() != a.newScore.has_value() ||
                                  (a.oldScore && !same(*a.oldScore, *a.newScore));
        if (!a.moved() && (scoreChanged || a.oldFen != a.newFen)) rows.push_back(i);
    }
    return rows;
}

void drawDiffRow(const core::AppState& s, const core::WhatIfReport& r, size_t i, int row) {
    const core::WhatIfAgent& a = r.agents[i];
    const core::AgentResult& res = r.before.agents[i];
    const std::string id = "whatif.r" + std::to_string(row);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((id + ".agent").c_str(), res.agent);
    ImGui::TableNextColumn();
    text((id + ".group").c_str(), res.group);
    ImGui::TableNextColumn();
    const auto move = a.rankMove();
    if (move && *move != 0) ImGui::PushStyleColor(ImGuiCol_Text, *move > 0 ? kUpColour : kDownColour);
    text((id + ".rank").c_str(), rankText(a.oldRank) + " → " + rankText(a.newRank));
    if (move && *move != 0) ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    const bool scored = a.oldScore && a.newScore;
    const double delta = scored ? core::round6(*a.newScore - *a.oldScore) : 0;
    text((id + ".score").c_str(), scored ? (delta > 0 ? "+" : "") + core::formatNumber(std::round(delta * 100) / 100) : "-");
    ImGui::TableNextColumn();
    text((id + ".money").c_str(), a.newFen == a.oldFen ? "-" : signedMoney(s, a.newFen - a.oldFen));
}

void drawDiff(const WhatIfWindow& w, const core::AppState& s) {
    if (!w.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
        textWrapped("whatif.error", w.error);
        ImGui::PopStyleColor();
        return;
    }
    if (!w.report) return textWrapped("whatif.unchanged", tr("whatif.unchanged"));
    const core::WhatIfReport& r = *w.report;
    const int64_t change = r.costAfter.totalFen() - r.costBefore.totalFen();
    text("whatif.cost", trf("whatif.cost", {money(s, r.costBefore.totalFen()), money(s, r.costAfter.totalFen()),
                                            signedMoney(s, change)}));
    text("whatif.movers", trf("whatif.movers", {std::to_string(r.movers.size())}));
    const std::vector<size_t> rows = changedRows(r);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
    if (rows.empty() || !ImGui::BeginTable("whatif.diff", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"whatif.col_agent", "whatif.col_group", "whatif.col_rank", "whatif.col_score", "whatif.col_money"})
        ImGui::TableSetupColumn(imguiLabel(tr(key), key).c_str());
    ImGui::TableHeadersRow();
    for (size_t k = 0; k < rows.size(); ++k) drawDiffRow(s, r, rows[k], int(k));
    ImGui::EndTable();
}

// 还原 / 应用 and why applying waits.
void drawCommands(WhatIfWindow& w, const core::AppState& s, Actions& out) {
    const bool changed = !whatIfChanges(w).empty();
    ImGui::BeginDisabled(!changed);
    if (button("whatif.reset", tr("whatif.reset")))
        for (WhatIfParam& p : w.params) p.value = p.saved;
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool ready = changed && w.report && w.error.empty() && !s.readOnly;
    ImGui::BeginDisabled(!ready);
    if (button("whatif.apply", tr("whatif.apply"))) {
        const std::string json = changedSchemeJson(w);
        if (json.empty()) w.error = tr("whatif.apply_failed");
        else out.push(core::SaveScheme{json, ""});
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (s.readOnly) textDisabled("whatif.read_only", tr("whatif.read_only"));
    else if (scheme::isPresetId(s.schemeId)) textDisabled("whatif.preset_note", trf("whatif.preset_note", {s.schemeId + "-custom"}));
    else textDisabled("whatif.apply_note", tr("whatif.apply_note"));
}
} // namespace

std::vector<std::string> whatIfChanges(const WhatIfWindow& w) {
    std::vector<std::string> out;
    for (const WhatIfParam& p : w.params)
        if (!same(p.value, p.saved)) out.push_back(p.rule + "." + p.path + "=" + valueText(p.value));
    return out;
}

void setWhatIfParam(WhatIfWindow& w, size_t index, double value) {
    if (index >= w.params.size()) return;
    WhatIfParam& moved = w.params[index];
    moved.value = std::clamp(value, moved.lo, moved.hi);
    if (moved.shareGroup.empty()) return;
    // The others of the group share what is left in their current proportions (4 decimals;
    // the largest takes the rounding), so the map still sums to 1 and the scheme stays valid.
    std::vector<WhatIfParam*> others;
    double rest = 0;
    for (WhatIfParam& p : w.params)
        if (&p != &moved && p.rule == moved.rule && p.shareGroup == moved.shareGroup) others.push_back(&p), rest += p.value;
    if (others.empty()) return;
    const double left = 1 - moved.value;
    double sum = moved.value;
    WhatIfParam* largest = others.front();
    for (WhatIfParam* p : others) {
        p->value = std::round((rest > 0 ? p->value / rest : 1.0 / double(others.size())) * left * 1e4) / 1e4;
        sum += p->value;
        if (p->value > largest->value) largest = p;
    }
    largest->value = core::round6(largest->value + 1 - sum);
}

void drawWhatIfWindow(WhatIfWindow& w, const core::AppState& s, Actions& out) {
    if (!w.open) return;
    sync(w, s);
    recompute(w, s);
    if (beginDialog("whatif.window", tr("whatif.title"), &w.open, 980, 560)) {
        const core::Results* res = core::selectedResults(s);
        const std::string month = res ? res->period : "";
        textWrapped("whatif.intro", trf("whatif.intro", {month, s.schemeId}));
        if (s.selectedPeriod >= 0 && s.selectedPeriod < int(s.periods.size()) && s.periods[size_t(s.selectedPeriod)].closed)
            textDisabled("whatif.closed_note", tr("whatif.closed_note"));
        if (w.params.empty()) textDisabled("whatif.no_params", tr("whatif.no_params"));
        drawCommands(w, s, out);
        ImGui::Separator();
        ImGui::BeginChild("whatif.params", ImVec2(430, 0), false);
        drawParams(w);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("whatif.diff_area", ImVec2(0, 0), false);
        drawDiff(w, s);
        ImGui::EndChild();
    }
    endDialog();
}

} // namespace kefu::web::ui
