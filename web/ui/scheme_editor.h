// The parts of the 考核方案 editor (panel_scheme.cpp, scheme_rules.cpp, scheme_params.cpp). They edit
// SchemePanel::doc in place and set Form::changed; the panel then validates the copy once per frame.
// A problem is drawn next to the field its JSON path names; Form::shown keeps track, so that the
// ones no field took are listed too.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "ui/panels.h"

namespace kefu::web::ui::scheme {

struct Form {
    SchemePanel& p;
    const core::AppState& s;
    std::vector<bool> shown;        // per problem of p.problems: drawn this frame
    std::map<std::string, int> ids; // problem item ids used this frame (one path may have several)
    bool changed = false;           // p.doc was edited this frame
};

// Problems with exactly this path, in red under the field (once each).
void drawProblems(Form& f, const std::string& path);
// Problems under `prefix` that no field took ("rules[2]" also takes "rules[2].params.x").
void drawRemainingProblems(Form& f, const std::string& prefix);
// Whether `path` is `prefix` or lies under it.
bool isUnder(const std::string& path, const std::string& prefix);
// A problem's text in the page's language (without line and path when `bare`).
std::string problemText(const core::Problem& p, bool bare);

// "排序权重分" / "Rank points" (the type id when unknown); "以“售前”开头的组；转正" for a rule's scope.
std::string ruleTypeLabel(const std::string& type);
std::string scopeText(const core::Json& rule);
// A metric's name in the page's language.
std::string metricName(const std::string& id);

// Object helpers for the raw JSON being edited.
core::Json* member(core::Json& obj, const std::string& key);
void eraseKey(core::Json& obj, const std::string& key);
const std::string& stringAt(const core::Json& obj, const std::string& key);

// scheme_rules.cpp: the rule list (enable, primary, reorder, remove), copying a preset's rule in,
// and the selected rule's id and scope.
void drawRuleList(Form& f);
void drawAddRule(Form& f);
void drawRuleHead(Form& f, core::Json& rule, const std::string& path);

// scheme_params.cpp: a rule's params as a form over the JSON tree (path "rules[i].params").
void drawParams(Form& f, core::Json& params, const std::string& path);

// scheme_sample.cpp: the scheme's small_sample part (minimum volume and policy per rate metric).
void drawSmallSample(Form& f);
// scheme_cost.cpp: the selected month's payroll total under the edited scheme against the current one.
void drawCostPreview(SchemePanel& p, const core::AppState& s);

// The presets as the editor offers them: name, description and the parsed JSON (for copying rules).
struct PresetInfo {
    std::string id;
    core::Text2 name, description;
    core::Json doc;
};
const std::vector<PresetInfo>& presets();
bool isPresetId(const std::string& id);

} // namespace kefu::web::ui::scheme
