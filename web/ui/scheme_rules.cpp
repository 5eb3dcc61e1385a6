// The 考核方案 editor's rule instances: the list (on/off, primary, order, remove), a rule copied in
// from any preset, and the selected rule's id and scope (groups and statuses, said in words).
#include <algorithm>

#include "i18n.h"
#include "rules/rule.h"
#include "test_hook.h"
#include "ui/scheme_editor.h"
#include "ui/widgets.h"

namespace kefu::web::ui::scheme {

namespace {
using core::Json;

std::string listSeparator() { return uiLanguage() == core::Lang::Zh ? "、" : ", "; }

std::vector<std::string> stringsAt(const Json* obj, const std::string& key) {
    std::vector<std::string> out;
    const Json* list = obj && obj->isObject() ? obj->find(key) : nullptr;
    if (list && list->isArray())
        for (const auto& v : list->items())
            if (v.isString()) out.push_back(v.asString());
    return out;
}

// Empty leaves the key out: all groups, or the type's default statuses.
void setStrings(Json& obj, const std::string& key, const std::vector<std::string>& values) {
    if (values.empty()) return eraseKey(obj, key);
    Json list = Json::array();
    for (const auto& v : values) list.push(Json::string(v));
    obj.set(key, std::move(list));
}

std::string statusLabel(const std::string& id) {
    if (id == "regular") return tr("status.regular");
    if (id == "probation") return tr("status.probation");
    return id;
}

// A type without default statuses takes everyone (core: EvalContext::inScope).
std::vector<std::string> defaultStatuses(const std::string& type) {
    std::vector<std::string> out;
    if (const core::RuleType* t = core::findRuleType(type))
        for (core::Status st : t->defaultStatuses) out.push_back(core::statusId(st));
    if (out.empty()) out = {"regular", "probation"};
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& x : parts) s += (s.empty() ? "" : listSeparator()) + x;
    return s;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

void toggle(std::vector<std::string>& v, const std::string& x, bool on) {
    v.erase(std::remove(v.begin(), v.end(), x), v.end());
    if (on) v.push_back(x);
}

// Puts the next checkbox on this line when it fits, else on the next one.
void flow(const std::string& label) {
    const float w =
        ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x * 3;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}

bool drawGroups(Form& f, Json& scope) {
    std::vector<std::string> groups = stringsAt(&scope, "groups"), shown = core::rosterGroups(f.s);
    for (const auto& g : groups)
        if (!contains(shown, g)) shown.push_back(g);
    bool changed = false, all = groups.empty();
    if (checkbox("scheme.scope.all", tr("scheme.all_groups"), all) && all) {
        groups.clear();
        changed = true;
    }
    for (size_t i = 0; i < shown.size(); ++i) {
        const std::string& g = shown[i];
        const std::string label =
            g.size() > 1 && g.back() == '*' ? trf("scheme.group_prefix", {g.substr(0, g.size() - 1)}) : g;
        flow(label);
        bool on = contains(groups, g);
        if (checkbox(("scheme.scope.g" + std::to_string(i)).c_str(), label, on)) {
            toggle(groups, g, on);
            changed = true;
        }
    }
    const bool enter = inputText("scheme.scope.group_text", tr("scheme.group_hint"), f.p.groupText, 220);
    ImGui::SameLine();
    if ((button("scheme.scope.add", tr("scheme.add")) || enter) && !f.p.groupText.empty()) {
        toggle(groups, f.p.groupText, true);
        clearField("scheme.scope.group_text", f.p.groupText, enter);
        changed = true;
    }
    if (changed) setStrings(scope, "groups", groups);
    return changed;
}

bool drawStatuses(Json& scope, const std::string& type) {
    const std::vector<std::string> defaults = defaultStatuses(type);
    std::vector<std::string> defaultLabels;
    for (const auto& d : defaults) defaultLabels.push_back(statusLabel(d));
    bool byDefault = !scope.find("statuses");
    if (checkbox("scheme.scope.default", trf("scheme.default_statuses", {joined(defaultLabels)}), byDefault)) {
        if (byDefault)
            eraseKey(scope, "statuses");
        else
            setStrings(scope, "statuses", defaults);
        return true;
    }
    if (byDefault) return false;
    std::vector<std::string> statuses = stringsAt(&scope, "statuses");
    bool changed = false;
    for (const char* st : {"regular", "probation"}) {
        ImGui::SameLine();
        bool on = contains(statuses, st);
        // The last status stays: a rule for nobody is a mistake, and "all" is both.
        if (checkbox(("scheme.scope." + std::string(st)).c_str(), statusLabel(st), on) && (on || statuses.size() > 1)) {
            toggle(statuses, st, on);
            setStrings(scope, "statuses", statuses);
            changed = true;
        }
    }
    return changed;
}

// Moves, removes and selects after the list was drawn (the list reads the array while drawing).
struct ListEdit {
    int up = -1, down = -1, remove = -1, primary = -1;
};

void drawRuleRow(Form& f, Json& rule, int i, int count, ListEdit& edit) {
    const std::string row = "scheme.r" + std::to_string(i), path = "rules[" + std::to_string(i) + "]";
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string label = stringAt(rule, "id") + "  " + ruleTypeLabel(stringAt(rule, "type"));
    if (ImGui::Selectable(imguiLabel(label, (row + ".id").c_str()).c_str(), f.p.rule == i)) f.p.rule = i;
    recordItem(row + ".id", label, "button");
    const auto n = std::count_if(f.p.problems.begin(), f.p.problems.end(),
                                 [&](const core::Problem& p) { return isUnder(p.path, path); });
    if (n > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1));
        text((row + ".problems").c_str(), trf("scheme.problems", {std::to_string(n)}));
        ImGui::PopStyleColor();
    }
    ImGui::TableNextColumn();
    const Json* enabled = rule.find("enabled");
    bool on = !(enabled && enabled->isBool() && !enabled->asBool());
    if (checkbox((row + ".enabled").c_str(), "", on)) {
        if (on)
            eraseKey(rule, "enabled");
        else
            rule.set("enabled", Json::boolean(false));
        f.changed = true;
    }
    ImGui::TableNextColumn();
    const Json* primary = rule.find("primary");
    if (radio((row + ".primary").c_str(), "", primary && primary->isBool() && primary->asBool())) edit.primary = i;
    ImGui::TableNextColumn();
    textWrapped((row + ".scope").c_str(), scopeText(rule));
    ImGui::TableNextColumn();
    if (i > 0 && ImGui::ArrowButton((row + ".up").c_str(), ImGuiDir_Up)) edit.up = i;
    if (i > 0) recordItem(row + ".up", tr("scheme.up"), "button");
    if (i + 1 < count) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::ArrowButton((row + ".down").c_str(), ImGuiDir_Down)) edit.down = i;
        recordItem(row + ".down", tr("scheme.down"), "button");
    }
    ImGui::SameLine();
    if (smallButton((row + ".remove").c_str(), tr("scheme.remove"))) edit.remove = i;
}

void applyListEdit(Form& f, std::vector<Json>& rules, const ListEdit& e) {
    auto swap = [&](int a, int b) {
        std::swap(rules[size_t(a)], rules[size_t(b)]);
        if (f.p.rule == a)
            f.p.rule = b;
        else if (f.p.rule == b)
            f.p.rule = a;
        f.changed = true;
    };
    if (e.up > 0) swap(e.up, e.up - 1);
    if (e.down >= 0 && e.down + 1 < int(rules.size())) swap(e.down, e.down + 1);
    if (e.primary >= 0) { // one primary rule at most; a second click takes the mark off
        const Json* was = rules[size_t(e.primary)].find("primary");
        const bool on = !(was && was->isBool() && was->asBool());
        for (auto& r : rules) eraseKey(r, "primary");
        if (on) rules[size_t(e.primary)].set("primary", Json::boolean(true));
        f.changed = true;
    }
    if (e.remove >= 0) {
        rules.erase(rules.begin() + e.remove);
        if (f.p.rule >= e.remove) f.p.rule = std::max(0, f.p.rule - 1);
        f.changed = true;
    }
}
} // namespace

std::string ruleTypeLabel(const std::string& type) {
    const core::RuleType* t = core::findRuleType(type);
    if (!t) return type;
    return uiLanguage() == core::Lang::Zh ? t->label.zh : t->label.en;
}

std::string scopeText(const Json& rule) {
    const Json* scope = rule.find("scope");
    std::vector<std::string> groups;
    for (const auto& g : stringsAt(scope, "groups"))
        groups.push_back(g.size() > 1 && g.back() == '*' ? trf("scheme.group_prefix", {g.substr(0, g.size() - 1)}) : g);
    std::vector<std::string> statuses;
    const bool given = scope && scope->isObject() && scope->find("statuses");
    for (const auto& st : given ? stringsAt(scope, "statuses") : defaultStatuses(stringAt(rule, "type")))
        statuses.push_back(statusLabel(st));
    const std::string who = given ? joined(statuses) : trf("scheme.default_statuses", {joined(statuses)});
    return trf("scheme.scope_text", {groups.empty() ? tr("scheme.all_groups") : joined(groups), who});
}

void drawRuleList(Form& f) {
    Json* rules = member(f.p.doc, "rules");
    if (!rules || !rules->isArray()) return;
    text("scheme.rules", trf("scheme.rules", {std::to_string(rules->items().size())}));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    ListEdit edit;
    if (ImGui::BeginTable("##scheme.rules", 5, flags)) {
        const char* keys[] = {"scheme.col.rule", "scheme.col.enabled", "scheme.col.primary", "scheme.col.scope",
                              "scheme.col.actions"};
        const float weights[] = {1.6f, 0.45f, 0.55f, 2.0f, 1.2f};
        for (int c = 0; c < 5; ++c)
            ImGui::TableSetupColumn(imguiLabel(tr(keys[c]), keys[c]).c_str(), ImGuiTableColumnFlags_WidthStretch,
                                    weights[c]);
        ImGui::TableHeadersRow();
        const int count = int(rules->items().size());
        for (int i = 0; i < count; ++i) {
            ImGui::PushID(i);
            drawRuleRow(f, rules->items()[size_t(i)], i, count, edit);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    applyListEdit(f, rules->items(), edit);
}

void drawAddRule(Form& f) {
    const auto& list = presets();
    if (list.empty()) return;
    text("scheme.add_rule", tr("scheme.add_rule"));
    std::vector<std::string> names;
    for (const auto& p : list) names.push_back(core::textIn(p.name, uiLanguage()));
    f.p.copyPreset = std::clamp(f.p.copyPreset, 0, int(list.size()) - 1);
    if (combo("scheme.copy_preset", "", f.p.copyPreset, names, 200)) f.p.copyRule = 0;
    const Json* from = list[size_t(f.p.copyPreset)].doc.find("rules");
    if (!from || !from->isArray() || from->items().empty()) return;
    std::vector<std::string> rules;
    for (const auto& r : from->items()) rules.push_back(stringAt(r, "id") + "  " + ruleTypeLabel(stringAt(r, "type")));
    f.p.copyRule = std::clamp(f.p.copyRule, 0, int(rules.size()) - 1);
    ImGui::SameLine();
    combo("scheme.copy_rule", "", f.p.copyRule, rules, 200);
    ImGui::SameLine();
    if (!button("scheme.copy_add", tr("scheme.add"))) return;
    Json* target = member(f.p.doc, "rules");
    if (!target || !target->isArray()) target = &f.p.doc.set("rules", Json::array());
    Json copy = from->items()[size_t(f.p.copyRule)];
    auto taken = [&](const std::string& id) {
        return std::any_of(target->items().begin(), target->items().end(),
                           [&](const Json& r) { return stringAt(r, "id") == id; });
    };
    const std::string base = stringAt(copy, "id");
    std::string id = base;
    for (int n = 2; taken(id); ++n) id = base + "-" + std::to_string(n);
    copy.set("id", Json::string(id));
    if (std::any_of(target->items().begin(), target->items().end(), [](const Json& r) { return r.find("primary"); }))
        eraseKey(copy, "primary");
    target->push(std::move(copy));
    f.p.rule = int(target->items().size()) - 1;
    f.changed = true;
}

void drawRuleHead(Form& f, Json& rule, const std::string& path) {
    const std::string type = stringAt(rule, "type");
    text("scheme.rule.title", trf("scheme.rule_title", {stringAt(rule, "id"), ruleTypeLabel(type)}));
    ImGui::SameLine();
    textDisabled("scheme.rule.type", type);
    drawProblems(f, path + ".type");
    ImGui::AlignTextToFramePadding();
    text("scheme.rule.id_label", tr("scheme.rule_id"));
    ImGui::SameLine();
    std::string id = stringAt(rule, "id");
    inputText("scheme.rule.id", "r1", id, 160);
    if (id != stringAt(rule, "id")) {
        rule.set("id", Json::string(id));
        f.changed = true;
    }
    drawProblems(f, path + ".id");
    drawProblems(f, path + ".enabled");
    drawProblems(f, path + ".primary");
    ImGui::Spacing();
    text("scheme.scope_label", tr("scheme.scope") + (uiLanguage() == core::Lang::Zh ? "：" : ": ") + scopeText(rule));
    // Edited on a copy: a rule without a scope keeps none until the scope is changed.
    const Json* given = rule.find("scope");
    Json scope = given && given->isObject() ? *given : Json::object();
    ImGui::Indent();
    const bool groups = drawGroups(f, scope), statuses = drawStatuses(scope, type);
    ImGui::Unindent();
    if (groups || statuses) {
        rule.set("scope", std::move(scope));
        f.changed = true;
    }
    drawProblems(f, path + ".scope");
    drawProblems(f, path + ".scope.groups");
    drawProblems(f, path + ".scope.statuses");
}

} // namespace kefu::web::ui::scheme
