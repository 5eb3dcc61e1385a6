// The 考核方案 editor's small-sample part (minimum volume and policy per rate) and the cost shown
// before saving (the month's payroll total under the edited scheme against the current one).
#include <doctest/doctest.h>

#include "panel_registry.h"
#include "scheme_cost.h"
#include "test_states.h"
#include "ui/widgets.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
struct Editor {
    NullBackend nb;
    PanelUi ui;
    AppState state;
    DrawFn draw;

    Editor(AppState s, const char* scheme) : state(std::move(s)) {
        apply(state, SelectScheme{scheme});
        draw = drawFn(ui, state, panel("scheme panel").draw);
        nb.frames(2, draw);
    }
    std::string label(const std::string& id) {
        auto it = nb.item(id);
        return it ? it->label : "(" + id + " not drawn)";
    }
    bool has(const std::string& id) { return nb.item(id).has_value(); }
    bool click(const std::string& id) {
        const bool clicked = nb.click(id, draw);
        nb.frame(draw);
        return clicked;
    }
    void typeNumber(const std::string& id, const char* value) {
        REQUIRE(nb.click(id, draw));
        nb.type(value, draw);
        nb.frames(2, draw);
    }
    const Json* entry(const char* metric) {
        const Json* all = ui.scheme.doc.find("small_sample");
        return all ? all->find(metric) : nullptr;
    }
};
} // namespace

TEST_CASE("scheme panel: a rate's minimum volume and policy are set in the small-sample part") {
    Editor t(demoState(), "presales-rank");
    CHECK(t.label("scheme.small_sample") == "小样本规则（0）");
    REQUIRE(t.click("scheme.small_sample"));
    REQUIRE(t.has("scheme.ss_hint"));
    REQUIRE(t.has("scheme.ss.conversion_rate.on"));
    CHECK_FALSE(t.has("scheme.ss.conversion_rate.min")); // off: no fields
    REQUIRE(t.click("scheme.ss.conversion_rate.on"));
    const Json* e = t.entry("conversion_rate");
    REQUIRE(e);
    CHECK(e->find("min_volume")->asNumber() == 30);
    CHECK(e->find("policy")->asString() == "keep");
    CHECK(t.label("scheme.small_sample") == "小样本规则（1）");
    CHECK(t.label("scheme.ss.conversion_rate.volume") == "询单人数");
    CHECK(t.ui.scheme.edited);

    t.typeNumber("scheme.ss.conversion_rate.min", "50");
    CHECK(t.entry("conversion_rate")->find("min_volume")->asNumber() == 50);
    CHECK_FALSE(t.has("scheme.ss.conversion_rate.prior"));
    REQUIRE(t.click("scheme.ss.conversion_rate.policy"));
    REQUIRE(t.click("scheme.ss.conversion_rate.policy.2"));
    CHECK(t.entry("conversion_rate")->find("policy")->asString() == "shrink");
    REQUIRE(t.has("scheme.ss.conversion_rate.prior")); // shrink asks for its strength
    t.typeNumber("scheme.ss.conversion_rate.prior", "20");
    CHECK(t.entry("conversion_rate")->find("prior")->asNumber() == 20);
    CHECK(t.label("scheme.problem_count") == "没有问题");

    // A negative minimum is a problem at the entry and blocks saving.
    t.typeNumber("scheme.ss.conversion_rate.min", "-5");
    CHECK(t.has("scheme.problem.small_sample.conversion_rate.min_volume"));
    CHECK(t.label("scheme.problem_count") == "1 个问题");
    t.typeNumber("scheme.ss.conversion_rate.prior", "20"); // another field first: the next click selects the text
    t.typeNumber("scheme.ss.conversion_rate.min", "30");
    CHECK(t.entry("conversion_rate")->find("min_volume")->asNumber() == 30);
    CHECK(t.label("scheme.problem_count") == "没有问题");

    // The saved text carries it, and the results then follow it.
    REQUIRE(t.click("scheme.suggest_id"));
    REQUIRE(t.click("scheme.save"));
    auto actions = t.nb.takeActions();
    const SaveScheme* save = findAction<SaveScheme>(actions);
    REQUIRE(save);
    auto saved = parseJson(save->json);
    REQUIRE(saved);
    CHECK(saved->find("small_sample")->find("conversion_rate")->find("policy")->asString() == "shrink");
    apply(t.state, *save);
    Problems problems;
    auto active = activeScheme(t.state, problems);
    REQUIRE(active);
    REQUIRE(active->smallSample.size() == 1);
    CHECK(active->smallSample[0].minVolume == 30);

    // Switched off again: the part leaves the scheme.
    t.nb.frames(2, t.draw);
    REQUIRE(t.click("scheme.ss.conversion_rate.on"));
    CHECK_FALSE(t.ui.scheme.doc.find("small_sample"));
}

TEST_CASE("scheme panel: the month's total cost under the edited scheme shows before saving") {
    Editor t(demoState(), "team-bonus-budget");
    CHECK_FALSE(t.has("scheme.cost")); // nothing edited: nothing to compare
    const Results current = *selectedResults(t.state);
    int64_t bonuses = 0;
    for (const auto& a : current.agents)
        for (const auto& m : a.money)
            if (m.rule == "budget") bonuses += m.amountFen;
    CHECK(bonuses == 1000000); // the preset's pool, exactly

    REQUIRE(t.click("scheme.r1.id")); // the budget rule's params
    t.typeNumber("scheme.param.pool", "15000");
    REQUIRE(t.ui.scheme.edited);
    REQUIRE(t.has("scheme.cost"));
    Problems problems;
    auto edited = parseScheme(t.ui.scheme.text, Catalog::builtin(), problems);
    REQUIRE(edited);
    auto preview = previewSchemeCost(t.state, *edited);
    REQUIRE(preview);
    CHECK(preview->changeFen() == 500000); // the pool's 5,000 yuan more and nothing else
    CHECK(preview->current.totals.totalFen == payroll(current).totals.totalFen);
    const std::string cost = t.label("scheme.cost");
    CHECK(cost.find(web::ui::money(t.state, preview->current.totals.totalFen)) != std::string::npos);
    CHECK(cost.find(web::ui::money(t.state, preview->edited.totals.totalFen)) != std::string::npos);
    CHECK(cost.find("+" + web::ui::money(t.state, 500000)) != std::string::npos);
    CHECK(t.label("scheme.cost_bonus").find("+" + web::ui::money(t.state, 500000)) != std::string::npos);
    CHECK(t.nb.takeActions().empty()); // nothing reaches the shop before 保存方案

    // Caps that cannot spend the pool: the warning with its numbers is shown before saving.
    t.typeNumber("scheme.param.pool", "900000");
    REQUIRE(t.has("scheme.cost_warn0"));
    CHECK(t.label("scheme.cost_warn0").find("未发") != std::string::npos);
}

} // namespace kefu::test
