// 分析 > 假设分析 / 排名稳定性 / 差距卡片 on the demo shop: the menu opens each window (disabled
// without a month); a slider moved with the mouse changes the diff table, 应用 pushes one SaveScheme
// with the moved value (undone in one step); a stability run shows every agent's rank
// probabilities summing to 1; the gap cards say in words what the core computed.
#include <cmath>
#include <map>
#include <string>
#include <doctest/doctest.h>

#include "gaps.h"
#include "i18n.h"
#include "json.h"
#include "month_analysis.h"
#include "panel_test.h"
#include "test_states.h"
#include "ui/analysis_windows.h"
#include "ui/scheme_editor.h"

namespace kefu::test {

using namespace kefu::core;
namespace ui = web::ui;

namespace {
// One analysis window drawn alone on the null backend, with the state it reads.
struct WindowTest {
    enum Which { WhatIf, Stability, Gaps };
    NullBackend nb;
    AppState state;
    ui::WhatIfWindow whatIf;
    ui::StabilityWindow stability;
    ui::GapsWindow gaps;
    DrawFn draw;

    WindowTest(AppState s, Which which) : nb({1280, 800}), state(std::move(s)) {
        whatIf.open = which == WhatIf;
        stability.open = which == Stability;
        gaps.open = which == Gaps;
        draw = [this](ui::Actions& out) {
            web::setUiLanguage(state.language);
            ui::drawWhatIfWindow(whatIf, state, out);
            ui::drawStabilityWindow(stability, state);
            ui::drawGapsWindow(gaps, state);
        };
        nb.frames(3, draw);
    }
    std::string label(const std::string& id) {
        auto it = nb.item(id);
        return it ? it->label : "(" + id + " not drawn)";
    }
    // A mouse click at a fraction of a slider's width (0 = its left end).
    bool clickSlider(const std::string& id, float at) {
        auto it = nb.item(id);
        if (!it) return false;
        nb.clickAt(ImVec2(it->x + 2 + (it->w - 4) * at, it->y + it->h * 0.5f), draw);
        nb.frames(2, draw);
        return true;
    }
    // Scrolls the gap cards with the mouse wheel until the card's id is in view (a person scrolls too).
    bool scrollTo(const std::string& id) {
        for (int tries = 0; tries < 40 && !nb.item(id); ++tries) {
            auto area = nb.item("gaps.intro");
            if (!area) return false;
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(area->x + 40, area->y + 200);
            io.MouseWheel = -1;
            nb.frames(2, draw);
        }
        return nb.item(id).has_value();
    }
    void applyActions() {
        for (const auto& a : nb.takeActions()) apply(state, a);
        nb.frames(3, draw);
    }
};

const char* const kSalesSlider = "whatif.p.rank.weights.sales_amount";

double paramValue(const ui::WhatIfWindow& w, const std::string& path, const std::string& rule = "rank") {
    for (const auto& p : w.params)
        if (p.rule == rule && p.path == path) return p.value;
    return NAN;
}

const ui::WhatIfParam* findParam(const ui::WhatIfWindow& w, const std::string& rule, const std::string& path) {
    for (const auto& p : w.params)
        if (p.rule == rule && p.path == path) return &p;
    return nullptr;
}

// Clicks 应用: exactly one action is pushed, a SaveScheme, returned with its scheme JSON parsed.
std::pair<SaveScheme, Json> applyAndRead(WindowTest& t) {
    CHECK(t.nb.click("whatif.apply", t.draw));
    const auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const SaveScheme* save = std::get_if<SaveScheme>(&actions.front());
    REQUIRE(save);
    auto doc = parseJson(save->json);
    REQUIRE(doc);
    return {*save, *doc};
}

// Opens a rule's section of sliders with a click on its header.
void openRule(WindowTest& t, const std::string& rule) {
    REQUIRE(t.nb.click("whatif.rule." + rule, t.draw));
    t.nb.frames(2, t.draw);
}

bool hasChinese(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0xE4 && c <= 0xE9) return true;
    return false;
}
} // namespace

TEST_CASE("menu bar: 分析 opens what-if, rank stability and gap cards; disabled without a month") {
    for (const char* id : {"analysis.whatif", "analysis.stability", "analysis.gaps"}) {
        INFO(id);
        PanelTest t("menu bar", demoState());
        REQUIRE(t.click("menu.analysis"));
        REQUIRE(t.click(id));
        CHECK(t.ui.menu.showWhatIf == (std::string(id) == "analysis.whatif"));
        CHECK(t.ui.menu.showStability == (std::string(id) == "analysis.stability"));
        CHECK(t.ui.menu.showGaps == (std::string(id) == "analysis.gaps"));
        CHECK(t.label(id) == web::tr(id));
    }
    PanelTest t("menu bar", emptyState());
    REQUIRE(t.click("menu.analysis"));
    for (const char* id : {"analysis.whatif", "analysis.stability", "analysis.gaps"}) {
        if (!t.nb.item(id)) REQUIRE(t.click("menu.analysis"));
        REQUIRE(t.click(id));
    }
    CHECK_FALSE(t.ui.menu.showWhatIf);
    CHECK_FALSE(t.ui.menu.showStability);
    CHECK_FALSE(t.ui.menu.showGaps);
}

TEST_CASE("what-if: a slider per number of the scheme, grouped by rule; nothing computed before a change") {
    WindowTest t(demoState(), WindowTest::WhatIf);
    REQUIRE(t.nb.item("whatif.window"));
    CHECK(t.whatIf.schemeId == t.state.schemeId);
    REQUIRE(t.nb.item(kSalesSlider));
    CHECK(t.nb.item(kSalesSlider)->value == "0.3");
    CHECK(t.nb.item("whatif.rule.rank"));
    CHECK(t.nb.item("whatif.p.rank.bonus_first"));
    CHECK(t.label("whatif.unchanged") == web::tr("whatif.unchanged"));
    CHECK_FALSE(t.whatIf.report);
    CHECK(ui::whatIfChanges(t.whatIf).empty());
}

TEST_CASE("what-if: moving the sales weight slider changes ranks in the diff table, weights still sum to 1") {
    WindowTest t(demoState(), WindowTest::WhatIf);
    REQUIRE(t.clickSlider(kSalesSlider, 0.95f));
    const double sales = paramValue(t.whatIf, "weights.sales_amount");
    CHECK(sales > 0.85);
    double sum = 0;
    for (const auto& p : t.whatIf.params)
        if (p.rule == "rank" && p.shareGroup == "weights") sum += p.value;
    CHECK(std::fabs(sum - 1) < 1e-9);
    REQUIRE(t.whatIf.report);
    CHECK(t.whatIf.error.empty());
    REQUIRE_FALSE(t.whatIf.report->movers.empty());
    // The first row is the largest mover: its rank cell reads "old → new" with two different ranks.
    const WhatIfAgent& first = t.whatIf.report->agents[t.whatIf.report->movers.front()];
    REQUIRE(first.oldRank);
    REQUIRE(first.newRank);
    CHECK(t.label("whatif.r0.rank") == std::to_string(*first.oldRank) + " → " + std::to_string(*first.newRank));
    CHECK(t.label("whatif.r0.agent") == t.whatIf.report->before.agents[t.whatIf.report->movers.front()].agent);
    CHECK(t.label("whatif.movers") == web::trf("whatif.movers", {std::to_string(t.whatIf.report->movers.size())}));
    CHECK(t.nb.takeActions().empty()); // nothing is saved while sliding

    // Moving it again computes again; back to the saved value there is nothing to show.
    const std::string key = t.whatIf.computedKey;
    t.nb.frames(2, t.draw);
    CHECK(t.whatIf.computedKey == key);
    REQUIRE(t.clickSlider(kSalesSlider, 0.6f));
    CHECK(t.whatIf.computedKey != key);
    REQUIRE(t.nb.click("whatif.reset", t.draw));
    t.nb.frames(2, t.draw);
    CHECK(ui::whatIfChanges(t.whatIf).empty());
    CHECK_FALSE(t.whatIf.report);
}

TEST_CASE("what-if: numbers inside lists have sliders too: target conditions, stage thresholds, DSR weights") {
    WindowTest t(demoState(), WindowTest::WhatIf);
    // Labelled by what the element is, not by its index.
    const ui::WhatIfParam* conversion = findParam(t.whatIf, "targets", "targets.0.all.0.value");
    REQUIRE(conversion);
    CHECK(conversion->saved == doctest::Approx(0.45));
    CHECK(conversion->label == "conversion · " + ui::scheme::metricName("conversion_rate") + " >=");
    const ui::WhatIfParam* stage = findParam(t.whatIf, "stages", "stages.0.thresholds.2.value");
    REQUIRE(stage);
    CHECK(stage->label == "7d · " + ui::scheme::metricName("conversion_rate") + " >=");
    REQUIRE(findParam(t.whatIf, "stages", "stages.0.min_days"));
    REQUIRE(findParam(t.whatIf, "fines", "kinds.complaint.amounts.1"));
    REQUIRE(findParam(t.whatIf, "pool", "brackets.0.rate"));

    // A target's threshold, moved with the mouse: --set reaches it by index, and the month is computed.
    openRule(t, "targets");
    const std::string slider = "whatif.p.targets.targets.0.all.0.value";
    REQUIRE(t.nb.item(slider));
    CHECK(t.label(slider + "_label") == conversion->label);
    REQUIRE(t.clickSlider(slider, 0.05f));
    const double moved = paramValue(t.whatIf, "targets.0.all.0.value", "targets");
    CHECK(moved < 0.1);
    const auto changes = ui::whatIfChanges(t.whatIf);
    REQUIRE(changes.size() == 1);
    CHECK(changes.front().rfind("targets.targets.0.all.0.value=", 0) == 0);
    REQUIRE(t.whatIf.report);
    CHECK(t.whatIf.error.empty());
    // With the conversion target almost free, someone is paid more and the shop's cost rises.
    CHECK(t.whatIf.report->costAfter.totalFen() > t.whatIf.report->costBefore.totalFen());

    // A DSR metric weight: the dimension's other weights follow, so it still sums to 1.
    REQUIRE(t.nb.click("whatif.reset", t.draw));
    const ui::WhatIfParam* reply = findParam(t.whatIf, "dsr", "dimensions.0.metrics.1.weight");
    REQUIRE(reply);
    CHECK(reply->shareGroup == "dimensions.0.metrics");
    const size_t index = size_t(reply - t.whatIf.params.data());
    ui::setWhatIfParam(t.whatIf, index, 0.6);
    double dimension = 0, other = 0;
    for (const auto& p : t.whatIf.params) {
        if (p.rule != "dsr") continue;
        if (p.shareGroup == "dimensions.0.metrics") dimension += p.value;
        else if (p.shareGroup == "dimensions.1.metrics") other += p.value;
    }
    CHECK(dimension == doctest::Approx(1).epsilon(1e-9));
    CHECK(other == doctest::Approx(1).epsilon(1e-9));
    CHECK(ui::whatIfChanges(t.whatIf).size() == 3); // this weight and its two siblings; dimension 2 untouched
    t.nb.frames(2, t.draw);
    REQUIRE(t.whatIf.report);
    CHECK(t.whatIf.error.empty());

    // 应用 writes the moved weights into the list elements of the saved scheme.
    const auto saved = applyAndRead(t);
    const Json* doc = &saved.second;
    const Json* dsr = nullptr;
    for (const Json& r : doc->find("rules")->items())
        if (r.find("id")->asString() == "dsr") dsr = &r;
    REQUIRE(dsr);
    const Json& metrics = *dsr->find("params")->find("dimensions")->items()[0].find("metrics");
    CHECK(metrics.items()[1].find("weight")->asNumber() == doctest::Approx(0.6));
    double sum = 0;
    for (const Json& m : metrics.items()) sum += m.find("weight")->asNumber();
    CHECK(sum == doctest::Approx(1).epsilon(1e-9));
}

TEST_CASE("what-if: 应用 pushes one SaveScheme with the moved values; undo restores the scheme") {
    WindowTest t(demoState(), WindowTest::WhatIf);
    const std::string schemeBefore = t.state.schemeId;
    const Results resultsBefore = *selectedResults(t.state);
    REQUIRE(t.clickSlider(kSalesSlider, 0.95f));
    const double sales = paramValue(t.whatIf, "weights.sales_amount");
    const auto saved = applyAndRead(t);
    const Json* doc = &saved.second;
    const Json* rules = doc->find("rules");
    REQUIRE(rules);
    const Json* weights = rules->items().front().find("params")->find("weights");
    REQUIRE(weights);
    CHECK(weights->find("sales_amount")->asNumber() == doctest::Approx(sales));
    CHECK(doc->find("id")->asString() == schemeBefore + "-custom"); // a preset is saved under an id of its own

    const size_t undoBefore = t.state.undo.size();
    apply(t.state, saved.first);
    CHECK(t.state.undo.size() == undoBefore + 1);
    CHECK(t.state.schemeId == schemeBefore + "-custom");
    const Results& after = *selectedResults(t.state);
    REQUIRE(after.agents.size() == resultsBefore.agents.size());
    bool rankChanged = false;
    for (size_t i = 0; i < after.agents.size(); ++i) rankChanged |= after.agents[i].rank != resultsBefore.agents[i].rank;
    CHECK(rankChanged);
    t.nb.frames(3, t.draw); // the window follows the saved scheme: no change left
    CHECK(t.whatIf.schemeId == schemeBefore + "-custom");
    CHECK(ui::whatIfChanges(t.whatIf).empty());

    apply(t.state, Undo{});
    CHECK(t.state.schemeId == schemeBefore);
    const Results& undone = *selectedResults(t.state);
    REQUIRE(undone.agents.size() == resultsBefore.agents.size());
    for (size_t i = 0; i < undone.agents.size(); ++i) CHECK(undone.agents[i].rank == resultsBefore.agents[i].rank);
}

TEST_CASE("stability: a run shows each ranked agent's rank probabilities summing to 1, and the flags") {
    WindowTest t(demoState(), WindowTest::Stability);
    CHECK(t.label("stability.not_run") == web::tr("stability.not_run"));
    REQUIRE(t.nb.click("stability.run", t.draw));
    t.nb.frames(2, t.draw);
    REQUIRE(t.stability.report);
    CHECK(t.stability.report->options.samples == 1000);
    auto list = parseJson(web::itemsJson());
    REQUIRE(list);
    std::map<std::string, double> sums;
    for (const Json& j : list->items()) {
        const std::string id = j.find("id")->asString();
        const size_t p = id.find(".p");
        if (id.rfind("stability.r", 0) != 0 || p == std::string::npos) continue;
        sums[id.substr(0, p)] += std::stod(j.find("value")->asString());
    }
    REQUIRE(sums.size() >= 10); // the demo's pre-sales agents (after-sales is not ranked)
    for (const auto& entry : sums) {
        INFO(entry.first);
        CHECK(entry.second == doctest::Approx(1.0).epsilon(1e-6));
    }
    int unstable = 0;
    for (const auto& a : t.stability.report->agents) unstable += a.unstable ? 1 : 0;
    CHECK(t.label("stability.unstable_count") == web::trf("stability.unstable_count", {std::to_string(unstable)}));
}

TEST_CASE("stability: inputs that are not usable are said, nothing runs") {
    WindowTest t(demoState(), WindowTest::Stability);
    t.stability.samples = "abc";
    REQUIRE(t.nb.click("stability.run", t.draw));
    CHECK(t.label("stability.problem") == web::tr("stability.bad_samples"));
    CHECK_FALSE(t.stability.report);
    t.stability.samples = "200";
    t.stability.spread = "150";
    REQUIRE(t.nb.click("stability.run", t.draw));
    CHECK(t.label("stability.problem") == web::tr("stability.bad_spread"));
    CHECK_FALSE(t.stability.report);
}

TEST_CASE("gap cards: each card of the core in words, with the whole count at the agent's volume") {
    WindowTest t(demoState(), WindowTest::Gaps);
    REQUIRE(t.nb.item("gaps.agent"));
    // The agent with the most cards that carry a whole count.
    auto m = monthAnalysis(t.state, t.state.selectedPeriod);
    REQUIRE(m);
    const Results results = evaluate(m->input, m->scheme, m->history, m->catalog);
    std::string best;
    size_t most = 0;
    for (const auto& a : m->input.agents) {
        auto g = computeGaps(m->input, m->scheme, results, m->catalog, a.name);
        REQUIRE(g);
        size_t counted = 0;
        for (const auto& gap : g->gaps) counted += gap.extraCount ? 1 : 0;
        if (counted > most) most = counted, best = a.name;
    }
    REQUIRE(most > 0);
    t.gaps.agent = best;
    t.nb.frames(3, t.draw);
    REQUIRE(t.gaps.report);
    CHECK(t.gaps.report->agent == best);
    bool sawCount = false, sawPoints = false;
    for (size_t i = 0; i < t.gaps.report->gaps.size(); ++i) {
        const Gap& g = t.gaps.report->gaps[i];
        const std::string id = "gaps.c" + std::to_string(i);
        INFO(id);
        REQUIRE(t.scrollTo(id + ".main"));
        CHECK_FALSE(t.label(id + ".title").empty());
        const std::string main = t.label(id + ".main");
        if (g.unit == "percentage_points") {
            sawPoints = true;
            CHECK(main.find("个百分点") != std::string::npos);
        }
        if (!g.extraCount) continue;
        sawCount = true;
        REQUIRE(t.scrollTo(id + ".count"));
        const std::string count = t.label(id + ".count");
        const int64_t n = *g.extraCount;
        CHECK(count.find((n > 0 ? "再多 " : "再少 ") + std::to_string(n > 0 ? n : -n)) != std::string::npos);
        CHECK(count.find("按本月约") != std::string::npos);
    }
    CHECK(sawCount);
    CHECK(sawPoints);
}

TEST_CASE("the analysis windows in English show no Chinese UI text") {
    AppState s = demoState();
    apply(s, SetLanguage{Lang::En});
    WindowTest w(s, WindowTest::WhatIf);
    REQUIRE(w.clickSlider(kSalesSlider, 0.95f));
    CHECK(w.label("whatif.apply") == "Apply");
    CHECK_FALSE(hasChinese(w.label("whatif.cost")));
    CHECK_FALSE(hasChinese(w.label("whatif.intro")));
    WindowTest st(s, WindowTest::Stability);
    REQUIRE(st.nb.click("stability.run", st.draw));
    CHECK_FALSE(hasChinese(st.label("stability.summary")));
    WindowTest g(s, WindowTest::Gaps);
    REQUIRE(g.gaps.report);
    if (!g.gaps.report->gaps.empty()) CHECK(g.label("gaps.c0.main").find("个百分点") == std::string::npos);
}

} // namespace kefu::test
