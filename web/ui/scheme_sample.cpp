// 小样本规则 in the scheme editor: per rate metric a minimum volume and what happens below it
// (keep / exclude / shrink, with the shrinkage strength), written to the scheme's "small_sample".
#include <algorithm>
#include <cmath>
#include <utility>

#include "i18n.h"
#include "small_sample.h"
#include "test_hook.h"
#include "ui/scheme_editor.h"
#include "ui/widgets.h"

namespace kefu::web::ui::scheme {

namespace {
using core::Json;

// The rates a user can pick: every catalog rate with a volume, then any the scheme already names.
std::vector<std::string> rateMetrics(const Json* entries) {
    std::vector<std::string> out;
    for (const auto& d : core::Catalog::builtin().all())
        if (!core::rateVolumeMetric(d).empty()) out.push_back(d.id);
    if (entries && entries->isObject())
        for (const auto& [k, v] : entries->members())
            if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    return out;
}

// A number field bound to entry[key]; `absent` shows when the key is not there. True when changed.
bool numberField(const std::string& id, const std::string& labelKey, Json& entry, const char* key, double absent) {
    ImGui::SameLine();
    text((id + "_label").c_str(), tr(labelKey));
    ImGui::SameLine();
    const Json* v = entry.find(key);
    double d = v && v->isNumber() ? v->asNumber() : absent;
    ImGui::SetNextItemWidth(70);
    const bool edited = ImGui::InputDouble(("###" + id).c_str(), &d, 0, 0, "%.10g");
    recordItem(id, tr(labelKey), "input", core::formatNumber(d));
    if (!edited || !std::isfinite(d) || (v && v->isNumber() && d == v->asNumber())) return false;
    entry.set(key, Json::number(d));
    return true;
}

void drawEntry(Form& f, Json& all, const std::string& metric) {
    const std::string id = "scheme.ss." + metric;
    Json* entry = member(all, metric);
    bool on = entry != nullptr;
    const core::MetricDef* d = core::Catalog::builtin().find(metric);
    if (checkbox((id + ".on").c_str(), metricName(metric), on)) {
        if (on) {
            Json e = Json::object();
            e.set("min_volume", Json::number(30));
            e.set("policy", Json::string("keep"));
            all.set(metric, std::move(e));
        } else {
            eraseKey(all, metric);
        }
        f.changed = true;
        return;
    }
    if (!entry || !entry->isObject()) return drawProblems(f, "small_sample." + metric);
    const std::string& own = stringAt(*entry, "volume"); // a rate without an "a / b" formula names its volume
    const std::string volume = !own.empty() ? own : d ? core::rateVolumeMetric(*d) : "";
    f.changed |= numberField(id + ".min", "scheme.ss_min", *entry, "min_volume", 0);
    if (!volume.empty()) {
        ImGui::SameLine();
        textDisabled((id + ".volume").c_str(), metricName(volume));
    }
    ImGui::SameLine();
    static const std::vector<std::string> policies = {"keep", "exclude", "shrink"};
    const std::string now = stringAt(*entry, "policy");
    int current = 0;
    for (size_t k = 0; k < policies.size(); ++k)
        if (policies[k] == now) current = int(k);
    const std::vector<std::string> labels = {tr("scheme.ss_keep"), tr("scheme.ss_exclude"), tr("scheme.ss_shrink")};
    if (combo((id + ".policy").c_str(), "", current, labels, 130)) {
        entry->set("policy", Json::string(policies[size_t(current)]));
        if (current != 2) eraseKey(*entry, "prior");
        f.changed = true;
    }
    if (current == 2) {
        const Json* minV = entry->find("min_volume");
        f.changed |= numberField(id + ".prior", "scheme.ss_prior", *entry, "prior", minV && minV->isNumber() ? minV->asNumber() : 0);
    }
    drawRemainingProblems(f, "small_sample." + metric);
}
} // namespace

void drawSmallSample(Form& f) {
    Json* existing = member(f.p.doc, "small_sample");
    const size_t count = existing && existing->isObject() ? existing->members().size() : 0;
    if (!collapsingHeader("scheme.small_sample", trf("scheme.small_sample", {std::to_string(count)}))) {
        drawRemainingProblems(f, "small_sample");
        return;
    }
    textWrapped("scheme.ss_hint", tr("scheme.ss_hint"));
    Json scratch = existing && existing->isObject() ? *existing : Json::object();
    const bool before = std::exchange(f.changed, false);
    for (const std::string& metric : rateMetrics(&scratch)) drawEntry(f, scratch, metric);
    drawRemainingProblems(f, "small_sample");
    const bool mine = f.changed;
    f.changed = before || mine;
    if (!mine) return;
    if (scratch.members().empty()) eraseKey(f.p.doc, "small_sample");
    else f.p.doc.set("small_sample", std::move(scratch));
}

} // namespace kefu::web::ui::scheme
