// The first start: the demo shop, or a short setup of the shop (name, manager, groups, scheme,
// first month) that becomes one StartShop action. Also reached from 文件 > 新建店铺 while the
// shop is still empty.
#include <ctime>

#include "csv.h"
#include "i18n.h"
#include "presets.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
std::string thisMonth() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &now);
#else
    localtime_r(&now, &tm);
#endif
    return core::formatMonth({tm.tm_year + 1900, tm.tm_mon + 1});
}

void fill(WelcomeDialog& d, const core::AppState& s) {
    d.filled = true;
    d.shopName = s.shopName;
    d.managerName = s.managerName;
    d.groups = {tr("welcome.group_presales_a"), tr("welcome.group_presales_b"), tr("welcome.group_aftersales")};
    d.month = thisMonth();
    d.scheme = 0;
    d.problem.clear();
}

void drawGroups(WelcomeDialog& d) {
    text("welcome.groups_label", tr("welcome.groups"));
    int remove = -1;
    for (size_t i = 0; i < d.groups.size(); ++i) {
        const std::string id = "welcome.group" + std::to_string(i);
        ImGui::PushID(int(i));
        inputText(id.c_str(), tr("welcome.group_hint"), d.groups[i], 220);
        ImGui::SameLine();
        if (smallButton((id + ".remove").c_str(), tr("welcome.group_remove"))) remove = int(i);
        ImGui::PopID();
    }
    if (remove >= 0) d.groups.erase(d.groups.begin() + remove);
    if (smallButton("welcome.group_add", tr("welcome.group_add"))) d.groups.emplace_back();
}

// The setup form; true when it was submitted (the actions are queued).
bool drawSetup(WelcomeDialog& d, const core::AppState& s, Actions& out) {
    const auto& presets = core::presetNames();
    std::vector<std::string> schemeNames;
    for (const auto& f : presets) schemeNames.push_back(uiLanguage() == core::Lang::Zh ? f.name.zh : f.name.en);
    if (!d.filled) {
        fill(d, s);
        for (size_t i = 0; i < presets.size(); ++i)
            if (presets[i].id == core::defaultSchemeId()) d.scheme = int(i);
    }
    text("welcome.shop_label", tr("welcome.shop"));
    inputText("welcome.shop", tr("welcome.shop_hint"), d.shopName, -1);
    text("welcome.manager_label", tr("welcome.manager"));
    inputText("welcome.manager", tr("welcome.manager_hint"), d.managerName, -1);
    drawGroups(d);
    combo("welcome.scheme", tr("welcome.scheme"), d.scheme, schemeNames, 260);
    text("welcome.month_label", tr("welcome.month"));
    inputText("welcome.month", "YYYY-MM", d.month, 120);
    if (!d.problem.empty()) textWrapped("welcome.problem", d.problem);
    ImGui::Spacing();
    if (button("welcome.start", tr("welcome.start"))) {
        auto month = core::parseMonth(core::trim(d.month));
        if (std::string(core::trim(d.shopName)).empty()) d.problem = tr("welcome.need_shop");
        else if (!month) d.problem = tr("welcome.bad_month");
        else {
            out.push(core::SetManagerName{d.managerName});
            out.push(core::StartShop{d.shopName, d.groups, presets.empty() ? "" : presets[size_t(d.scheme)].id, *month});
            return true;
        }
    }
    ImGui::SameLine();
    if (button("welcome.back", tr("welcome.back"))) d.setup = false;
    return false;
}
} // namespace

void drawWelcomeDialog(WelcomeDialog& d, const core::AppState& s, Actions& out) {
    const std::string popupId = imguiLabel(tr("welcome.title"), "welcome");
    if (d.pending) {
        ImGui::OpenPopup(popupId.c_str());
        d.pending = false;
        d.filled = false;
    }
    const ImGuiIO& io = ImGui::GetIO();
    // Anchored at its top: a line more (a problem, a group) grows it downwards without moving the rest.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.12f), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(480, 0));
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    if (d.setup) {
        if (drawSetup(d, s, out)) {
            d.setup = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
        return;
    }
    textWrapped("welcome.text", tr("welcome.text"));
    ImGui::Spacing();
    if (button("welcome.setup", tr("welcome.setup"))) d.setup = true;
    ImGui::SameLine();
    if (button("welcome.open_demo", tr("welcome.open_demo"))) {
        d.openDemo = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button("welcome.blank", tr("welcome.later"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace kefu::web::ui
