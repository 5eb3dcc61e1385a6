// A rule's params as a form over their JSON tree: numbers, texts, switches, metric and comparison
// choices; objects and arrays as nested sections. Maps keyed by metric (weights, intervals) and
// arrays get add/remove; arrays of flat objects (brackets, thresholds) are tables.
#include <algorithm>
#include <cmath>

#include "event_kinds.h"
#include "fonts.h"
#include "i18n.h"
#include "metrics.h"
#include "test_hook.h"
#include "ui/scheme_editor.h"
#include "ui/widgets.h"

namespace kefu::web::ui::scheme {

namespace {
using core::Json;
constexpr float kLabelWidth = 190, kFieldWidth = 150;

bool isScalar(const Json& j) { return !j.isObject() && !j.isArray(); }
bool isMetric(const std::string& id) { return core::Catalog::builtin().find(id) != nullptr; }

// A key's label: a metric's name, a parameter's, an event kind's or a flag's; else the key itself.
std::string keyLabel(const std::string& key) {
    if (isMetric(key)) return metricName(key);
    if (hasTr("param." + key)) return tr("param." + key);
    for (const auto& k : core::eventKinds())
        if (key == k.id) return core::textIn(core::eventKindLabel(key), uiLanguage());
    if (hasTr("flag." + key)) return tr("flag." + key);
    return key;
}

// An object keyed by metric ids (weights, intervals): entries can be added and removed.
bool isMetricMap(const Json& j) {
    if (!j.isObject() || j.members().empty()) return false;
    for (const auto& [k, v] : j.members())
        if (!isMetric(k)) return false;
    return true;
}

// A non-empty array of objects with only scalar members: drawn as a table.
bool isTable(const Json& j) {
    if (!j.isArray() || j.items().empty()) return false;
    for (const auto& item : j.items()) {
        if (!item.isObject()) return false;
        for (const auto& [k, v] : item.members())
            if (!isScalar(v)) return false;
    }
    return true;
}

bool isMetricKey(const std::string& key) {
    return key == "metric" || (key.size() > 7 && key.compare(key.size() - 7, 7, "_metric") == 0);
}

// A drop-down of texts written back as a JSON string; `labels` as shown.
bool choice(const std::string& id, Json& v, const std::vector<std::string>& values,
            const std::vector<std::string>& labels, float width) {
    std::string preview = v.asString();
    for (size_t i = 0; i < values.size(); ++i)
        if (values[i] == preview) preview = labels[i];
    bool changed = false;
    fonts().noteText(preview);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(imguiLabel("", id.c_str()).c_str(), preview.c_str())) {
        for (size_t i = 0; i < values.size(); ++i) {
            const std::string option = id + "." + values[i];
            if (ImGui::Selectable(imguiLabel(labels[i], option.c_str()).c_str(), values[i] == v.asString())) {
                v = Json::string(values[i]);
                changed = true;
            }
            recordItem(option, labels[i], "option");
        }
        ImGui::EndCombo();
    }
    recordItem(id, preview, "combo", v.asString());
    return changed;
}

// The catalog's metrics as a choice offers them ("销售额  sales_amount"), made once per language.
const std::pair<std::vector<std::string>, std::vector<std::string>>& metricOptions() {
    static std::pair<std::vector<std::string>, std::vector<std::string>> options[2];
    auto& o = options[uiLanguage() == core::Lang::Zh ? 0 : 1];
    if (o.first.empty())
        for (const auto& m : core::Catalog::builtin().all()) {
            o.first.push_back(m.id);
            o.second.push_back(metricName(m.id) + "  " + m.id);
        }
    return o;
}

bool metricChoice(const std::string& id, Json& v, float width) {
    const auto& [ids, labels] = metricOptions();
    return choice(id, v, ids, labels, width);
}

// One scalar's field (its label drawn by the caller); true when the value changed.
bool drawScalar(const std::string& id, const std::string& key, Json& v, float width) {
    if (v.isNumber()) {
        double d = v.asNumber();
        ImGui::SetNextItemWidth(width);
        const bool edited =
            ImGui::InputDouble(("###" + id).c_str(), &d, 0, 0, "%.10g", ImGuiInputTextFlags_CharsScientific);
        const bool ok = edited && std::isfinite(d) && d != v.asNumber();
        if (ok) v = Json::number(d);
        recordItem(id, keyLabel(key), "input", core::formatNumber(v.asNumber()));
        return ok;
    }
    if (v.isBool()) {
        bool b = v.asBool();
        if (!checkbox(id.c_str(), "", b)) return false;
        v = Json::boolean(b);
        return true;
    }
    if (v.isString() && (isMetricKey(key) || isMetric(v.asString()))) return metricChoice(id, v, width * 1.6f);
    if (v.isString() && key == "op") return choice(id, v, {">=", "<=", ">", "<"}, {"≥", "≤", ">", "<"}, width * 0.6f);
    if (v.isString() && key == "split") return choice(id, v, {"score", "equal"}, {tr("param.split_score"), tr("param.split_equal")}, width);
    if (v.isString()) {
        std::string s = v.asString();
        inputText(id.c_str(), "", s, width * 1.6f);
        if (s == v.asString()) return false;
        v = Json::string(s);
        return true;
    }
    text(id.c_str(), "null");
    return false;
}

bool drawValue(Form& f, const std::string& key, const std::string& label, Json& v, const std::string& path,
               const std::string& id, bool* remove);

// A label, then the field at a common column, then a remove button when asked for.
bool drawScalarRow(Form& f, const std::string& key, const std::string& label, Json& v, const std::string& path,
                   const std::string& id, bool* remove) {
    const float x = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    text((id + ".label").c_str(), label);
    if (ImGui::IsItemHovered() && !key.empty() && label != key) ImGui::SetTooltip("%s", key.c_str());
    ImGui::SameLine(std::max(x + kLabelWidth, ImGui::GetCursorPosX()));
    const bool changed = drawScalar(id, key, v, kFieldWidth);
    if (remove) {
        ImGui::SameLine();
        *remove = smallButton((id + ".remove").c_str(), tr("scheme.remove"));
    }
    drawProblems(f, path);
    return changed;
}

// An array of flat objects as a table: a column per key, a row per item, add and remove.
bool drawTable(Form& f, Json& arr, const std::string& path, const std::string& id) {
    std::vector<std::string> cols;
    for (const auto& item : arr.items())
        for (const auto& [k, v] : item.members())
            if (std::find(cols.begin(), cols.end(), k) == cols.end()) cols.push_back(k);
    bool changed = false;
    int remove = -1;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
    if (ImGui::BeginTable(("##" + id).c_str(), int(cols.size()) + 1, flags)) {
        for (const auto& c : cols) ImGui::TableSetupColumn(imguiLabel(keyLabel(c), (id + ".h." + c).c_str()).c_str());
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < arr.items().size(); ++i) {
            Json& row = arr.items()[i];
            const std::string rowPath = path + "[" + std::to_string(i) + "]", rowId = id + "." + std::to_string(i);
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            for (const auto& c : cols) {
                ImGui::TableNextColumn();
                Json* cell = member(row, c);
                if (cell)
                    changed |= drawScalar(rowId + "." + c, c, *cell, isMetricKey(c) ? 110 : 90);
                else
                    textDisabled((rowId + "." + c).c_str(), "-");
                drawProblems(f, rowPath + "." + c);
            }
            ImGui::TableNextColumn();
            if (smallButton((rowId + ".remove").c_str(), tr("scheme.remove"))) remove = int(i);
            drawProblems(f, rowPath);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (smallButton((id + ".add").c_str(), tr("scheme.add_row"))) {
        arr.push(arr.items().back());
        changed = true;
    }
    if (remove >= 0) {
        arr.items().erase(arr.items().begin() + remove);
        changed = true;
    }
    return changed;
}

// Adds a metric to a map keyed by metric: a choice of the metrics not in it yet, then 添加.
bool drawAddMetric(Json& obj, const std::string& id) {
    std::vector<std::string> ids, labels;
    for (const auto& m : core::Catalog::builtin().all())
        if (!obj.find(m.id)) {
            ids.push_back(m.id);
            labels.push_back(metricName(m.id) + "  " + m.id);
        }
    if (ids.empty()) return false;
    Json pick = Json::string(tr("scheme.add_metric"));
    if (!choice(id + ".add", pick, ids, labels, kLabelWidth + kFieldWidth)) return false;
    const Json& first = obj.members().front().second;
    obj.set(pick.asString(), first.isNumber() ? Json::number(0) : first); // the shape of the others
    return true;
}

bool drawObject(Form& f, Json& obj, const std::string& path, const std::string& id) {
    const bool metricMap = isMetricMap(obj);
    bool changed = false;
    int remove = -1;
    for (size_t i = 0; i < obj.members().size(); ++i) {
        auto& [key, v] = obj.members()[i];
        bool removeIt = false;
        ImGui::PushID(int(i));
        changed |=
            drawValue(f, key, keyLabel(key), v, path + "." + key, id + "." + key, metricMap ? &removeIt : nullptr);
        ImGui::PopID();
        if (removeIt) remove = int(i);
    }
    if (remove >= 0) {
        obj.members().erase(obj.members().begin() + remove);
        changed = true;
    }
    if (metricMap) changed |= drawAddMetric(obj, id);
    return changed;
}

bool drawArray(Form& f, Json& arr, const std::string& path, const std::string& id) {
    if (isTable(arr)) return drawTable(f, arr, path, id);
    bool changed = false;
    int remove = -1;
    for (size_t i = 0; i < arr.items().size(); ++i) {
        Json& item = arr.items()[i];
        const std::string& name = item.isObject() ? stringAt(item, "id") : std::string();
        const std::string label = name.empty() ? "#" + std::to_string(i + 1) : name;
        bool removeIt = false;
        ImGui::PushID(int(i));
        changed |= drawValue(f, "", label, item, path + "[" + std::to_string(i) + "]", id + "." + std::to_string(i),
                             &removeIt);
        ImGui::PopID();
        if (removeIt) remove = int(i);
    }
    if (smallButton((id + ".add").c_str(), tr("scheme.add_row"))) {
        arr.push(arr.items().empty() ? Json::string("") : arr.items().back());
        changed = true;
    }
    if (remove >= 0) {
        arr.items().erase(arr.items().begin() + remove);
        changed = true;
    }
    return changed;
}

// A scalar as a row; an object or array as a section that opens (the first levels open already).
bool drawValue(Form& f, const std::string& key, const std::string& label, Json& v, const std::string& path,
               const std::string& id, bool* remove) {
    if (isScalar(v)) return drawScalarRow(f, key, label, v, path, id, remove);
    ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
    const bool open = ImGui::TreeNodeEx(imguiLabel(label, id.c_str()).c_str(), ImGuiTreeNodeFlags_AllowItemOverlap);
    recordItem(id, label, "section");
    if (remove) {
        ImGui::SameLine();
        *remove = smallButton((id + ".remove").c_str(), tr("scheme.remove"));
    }
    drawProblems(f, path);
    if (!open) return false;
    const bool changed = v.isObject() ? drawObject(f, v, path, id) : drawArray(f, v, path, id);
    ImGui::TreePop();
    return changed;
}
} // namespace

void drawParams(Form& f, Json& params, const std::string& path) {
    drawProblems(f, path);
    if (!params.isObject()) return;
    f.changed |= drawObject(f, params, path, "scheme.param");
}

} // namespace kefu::web::ui::scheme
