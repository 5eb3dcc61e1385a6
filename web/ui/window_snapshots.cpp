// 历史版本 (the saved versions, any of which can be restored) and the opened snapshot file: its
// preview, then replace or merge, and a merge's conflicts side by side for the user to choose.
#include <algorithm>
#include <ctime>

#include "i18n.h"
#include "metrics.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

std::string formatTime(int64_t unixMs) {
    if (unixMs <= 0) return "-";
    std::time_t t = std::time_t(unixMs / 1000);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", std::localtime(&t));
    return buf;
}

namespace {
std::string kilobytes(int64_t bytes) { return std::to_string((bytes + 1023) / 1024) + " KB"; }

// A conflict's side as one line: a number, a text, or an object's fields.
std::string sideText(const core::Json& j) {
    if (j.isNull()) return tr("merge.absent");
    if (j.isString()) return j.asString().size() > 80 ? j.asString().substr(0, 77) + "..." : j.asString();
    if (j.isNumber()) return core::formatNumber(j.asNumber());
    if (j.isBool()) return tr(j.asBool() ? "merge.yes" : "merge.no");
    std::string out;
    if (j.isObject())
        for (const auto& [k, v] : j.members()) {
            if (!out.empty()) out += ", ";
            out += k + ": " + sideText(v);
        }
    return out;
}

// "2024-03 / 王喆 / sales_amount" with the metric's name in the UI language.
std::string conflictKey(const core::MergeConflict& c) {
    if (c.kind != "cell" && c.kind != "closed_period") return c.key;
    const auto slash = c.key.rfind(" / ");
    if (slash == std::string::npos) return c.key;
    const core::MetricDef* m = core::Catalog::builtin().find(c.key.substr(slash + 3));
    if (!m) return c.key;
    return c.key.substr(0, slash + 3) + (uiLanguage() == core::Lang::Zh ? m->zh : m->en);
}

void drawSummary(const core::Incoming& in) {
    const core::SnapshotSummary& s = in.summary;
    text("import.file", trf("import.file", {in.fileName}));
    text("import.shop", trf("import.shop", {s.shopName.empty() ? "-" : s.shopName}));
    std::string months;
    for (const auto& m : s.months) months += (months.empty() ? "" : ", ") + m;
    textWrapped("import.months", trf("import.months", {std::to_string(s.months.size()), months.empty() ? "-" : months,
                                                       std::to_string(s.closedMonths)}));
    text("import.agents", trf("import.agents", {std::to_string(s.agents)}));
    text("import.last_change", trf("import.last_change", {formatTime(s.lastChange), s.lastAuthor.empty() ? "-" : s.lastAuthor}));
    if (!s.managerName.empty()) text("import.manager", trf("import.manager", {s.managerName}));
    ImGui::Spacing();
    textWrapped("import.relation", tr(in.sameShop ? "import.same_shop" : "import.other_shop"));
}

void drawPreview(ImportWindow& w, const core::AppState& s, Actions& out) {
    const core::Incoming& in = *s.incoming;
    drawSummary(in);
    ImGui::Separator();
    if (in.sameShop && button("import.merge", tr("import.merge"))) out.push(core::MergeIncoming{});
    if (in.sameShop) ImGui::SameLine();
    const bool hasData = !s.roster.empty() || !s.periods.empty();
    if (!w.confirmReplace) {
        if (button("import.replace", tr("import.replace"))) {
            if (hasData) w.confirmReplace = true;
            else out.push(core::ReplaceWithIncoming{});
        }
    } else {
        textWrapped("import.replace_question", trf("import.replace_question", {s.shopName}));
        if (button("import.replace_confirm", tr("import.replace_confirm"))) {
            out.push(core::ReplaceWithIncoming{});
            w.confirmReplace = false;
        }
    }
    ImGui::SameLine();
    if (button("import.cancel", tr("import.cancel"))) {
        out.push(core::CancelIncoming{});
        w.confirmReplace = false;
    }
}

void drawConflicts(ImportWindow& w, const core::AppState& s, Actions& out) {
    const core::Incoming& in = *s.incoming;
    textWrapped("merge.intro", trf("merge.intro", {std::to_string(in.conflicts.size()), std::to_string(in.changesFromFile)}));
    if (smallButton("merge.all_mine", tr("merge.all_mine")))
        for (const auto& c : in.conflicts) w.choices[c.id] = core::Prefer::A;
    ImGui::SameLine();
    if (smallButton("merge.all_theirs", tr("merge.all_theirs")))
        for (const auto& c : in.conflicts) w.choices[c.id] = core::Prefer::B;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
    const float height = std::min(360.0f, ImGui::GetTextLineHeightWithSpacing() * 2.2f * float(in.conflicts.size() + 2));
    bool closedTheirs = false;
    if (ImGui::BeginTable("merge.table", 4, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("merge.what").c_str());
        ImGui::TableSetupColumn(tr("merge.mine").c_str());
        ImGui::TableSetupColumn(tr("merge.theirs").c_str());
        ImGui::TableSetupColumn(tr("merge.keep").c_str(), ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < in.conflicts.size(); ++i) {
            const core::MergeConflict& c = in.conflicts[i];
            const std::string row = "merge.r" + std::to_string(i);
            auto it = w.choices.find(c.id);
            const core::Prefer chosen = it == w.choices.end() ? core::Prefer::None : it->second;
            if (c.kind == "closed_period" && chosen == core::Prefer::B) closedTheirs = true;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text((row + ".what").c_str(), tr("merge.kind." + c.kind) + " " + conflictKey(c));
            ImGui::TableNextColumn();
            text((row + ".mine").c_str(), sideText(c.a));
            textDisabled((row + ".mine_by").c_str(), formatTime(c.stampA.at) + " " + c.stampA.author);
            ImGui::TableNextColumn();
            text((row + ".theirs").c_str(), sideText(c.b));
            textDisabled((row + ".theirs_by").c_str(), formatTime(c.stampB.at) + " " + c.stampB.author);
            ImGui::TableNextColumn();
            if (radio((row + ".keep_mine").c_str(), tr("merge.keep_mine"), chosen == core::Prefer::A)) w.choices[c.id] = core::Prefer::A;
            if (radio((row + ".keep_theirs").c_str(), tr("merge.keep_theirs"), chosen == core::Prefer::B)) w.choices[c.id] = core::Prefer::B;
        }
        ImGui::EndTable();
    }
    if (closedTheirs) checkbox("merge.confirm_closed", tr("merge.confirm_closed"), w.confirmClosed);
    const size_t open = size_t(std::count_if(in.conflicts.begin(), in.conflicts.end(),
                                             [&](const core::MergeConflict& c) { return !w.choices.count(c.id); }));
    if (open) textDisabled("merge.open", trf("merge.open", {std::to_string(open)}));
    if (button("merge.apply", tr("merge.apply"))) out.push(core::ResolveMerge{w.choices, w.confirmClosed});
    ImGui::SameLine();
    if (button("merge.cancel", tr("import.cancel"))) out.push(core::CancelIncoming{});
}

// The desktop has no file dialog: a path is typed.
void drawPathPrompt(ImportWindow& w) {
    bool open = true;
    if (beginDialog("import.path_window", tr("import.title"), &open, 520)) {
        bool enter = inputText("import.path", tr("import.path"), w.path, 400);
        ImGui::SameLine();
        if (button("import.open", tr("import.open")) || enter) {
            w.openPath = true;
            w.askPath = false;
        }
    }
    endDialog();
    if (!open) w.askPath = false;
}
} // namespace

void drawImportWindow(ImportWindow& w, const core::AppState& s, Actions& out) {
    if (w.askPath) drawPathPrompt(w);
    if (!s.incoming) {
        w.choices.clear();
        w.confirmClosed = w.confirmReplace = false;
        return;
    }
    bool open = true;
    const char* title = s.incoming->merging ? "merge.title" : "import.title";
    if (beginDialog("import.window", tr(title), &open, s.incoming->merging ? 900.0f : 560.0f)) {
        if (s.incoming->merging) drawConflicts(w, s, out);
        else drawPreview(w, s, out);
    }
    endDialog();
    if (!open) out.push(core::CancelIncoming{});
}

void drawHistoryWindow(HistoryWindow& w, const core::AppState& s) {
    if (!w.open) return;
    if (beginDialog("history.window", tr("history.title"), &w.open, 620, 420)) {
        textWrapped("history.intro", tr("history.intro"));
        if (smallButton("history.refresh", tr("history.refresh"))) w.refresh = true;
        if (w.loading) textDisabled("history.loading", tr("history.loading"));
        if (!w.error.empty()) textWrapped("history.error", trf("history.error", {w.error}));
        if (!w.loading && w.versions.empty() && w.error.empty()) textDisabled("history.empty", tr("history.empty"));
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
        if (!w.versions.empty() && ImGui::BeginTable("history.table", 3, flags)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(tr("history.saved_at").c_str());
            ImGui::TableSetupColumn(tr("history.size").c_str(), ImGuiTableColumnFlags_WidthFixed, 90);
            ImGui::TableSetupColumn(tr("history.action").c_str(), ImGuiTableColumnFlags_WidthFixed, 150);
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < w.versions.size(); ++i) {
                const VersionRow& v = w.versions[i];
                const std::string row = "history.r" + std::to_string(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                std::string when = formatTime(v.at);
                if (v.current) when += "  " + tr("history.current");
                if (v.otherShop) when += "  " + tr("history.other_shop");
                text((row + ".at").c_str(), when);
                ImGui::TableNextColumn();
                text((row + ".size").c_str(), kilobytes(v.size));
                ImGui::TableNextColumn();
                if (w.restoring == v.seq) textDisabled((row + ".restoring").c_str(), tr("history.restoring"));
                else if (!v.current && !s.readOnly && smallButton((row + ".restore").c_str(), tr("history.restore")))
                    w.restore = v.seq;
            }
            ImGui::EndTable();
        }
    }
    endDialog();
}

} // namespace kefu::web::ui
