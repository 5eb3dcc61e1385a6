// Before 保存方案: what the edited scheme would cost the shop in the selected month (the payroll
// total: base pay + bonuses + ... - fines) against the month's current results, and its warnings.
#include <optional>

#include "i18n.h"
#include "scheme_cost.h"
#include "ui/scheme_editor.h"
#include "ui/widgets.h"

namespace kefu::web::ui::scheme {

namespace {
// The last preview, recomputed only when the edited text or the shop changes.
struct Cache {
    std::string text;
    uint64_t revision = ~0ull;
    int period = -1;
    std::optional<core::SchemeCostPreview> preview;
};
Cache& cache() {
    static Cache c;
    return c;
}

const std::optional<core::SchemeCostPreview>& previewFor(const SchemePanel& p, const core::AppState& s) {
    Cache& c = cache();
    if (c.text == p.text && c.revision == s.revision && c.period == s.selectedPeriod) return c.preview;
    c.text = p.text;
    c.revision = s.revision;
    c.period = s.selectedPeriod;
    c.preview.reset();
    core::Problems problems;
    auto scheme = core::parseScheme(p.text, core::Catalog::builtin(), problems);
    if (scheme) c.preview = core::previewSchemeCost(s, *scheme);
    return c.preview;
}

std::string signedMoney(const core::AppState& s, int64_t fen) { return (fen > 0 ? "+" : "") + money(s, fen); }
} // namespace

void drawCostPreview(SchemePanel& p, const core::AppState& s) {
    if (!p.edited || !p.docOk || !p.problems.empty()) return;
    const auto& preview = previewFor(p, s);
    if (!preview) return;
    text("scheme.cost", trf("scheme.cost", {core::formatMonth(preview->month), money(s, preview->current.totals.totalFen),
                                            money(s, preview->edited.totals.totalFen), signedMoney(s, preview->changeFen())}));
    const size_t bonus = size_t(core::MoneyKind::Bonus);
    const int64_t bonusChange = preview->edited.totals.fen[bonus] - preview->current.totals.fen[bonus];
    textDisabled("scheme.cost_bonus", trf("scheme.cost_bonus", {money(s, preview->edited.totals.fen[bonus]), signedMoney(s, bonusChange)}));
    for (size_t k = 0; k < preview->warnings.size() && k < 3; ++k) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.75f, 0.3f, 1));
        textWrapped(("scheme.cost_warn" + std::to_string(k)).c_str(), preview->warnings[k].format(s.language));
        ImGui::PopStyleColor();
    }
}

} // namespace kefu::web::ui::scheme
