// 分析 > 辅导卡 / 团队目标 / 申诉 on the null backend: the menu items, the coaching card and its
// printable page, a goal added through the form and shown with its progress and forecast, an
// appeal filed and accepted (the actions queued, and applied as the app does), a closed month.
#include <doctest/doctest.h>

#include "i18n.h"
#include "null_backend.h"
#include "test_states.h"
#include "ui/coach_windows.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
// One window of web/ui/coach_windows.h drawn with a state, as App::drawWindows draws it.
template <class W> struct WindowTest {
    NullBackend nb;
    AppState state;
    W w;
    DrawFn draw;
    WindowTest(AppState s, void (*fn)(W&, const AppState&, web::ui::Actions&)) : state(std::move(s)) {
        w.open = true;
        draw = [this, fn](web::ui::Actions& out) {
            web::setUiLanguage(state.language);
            fn(w, state, out);
        };
        nb.frames(2, draw);
    }
    bool click(const std::string& id) {
        const bool clicked = nb.click(id, draw);
        nb.frames(1, draw);
        return clicked;
    }
    void typeInto(const std::string& id, const char* text, int erase = 0) {
        REQUIRE(click(id));
        nb.tapKey(ImGuiKey_End, draw);
        for (int i = 0; i < erase; ++i) nb.tapKey(ImGuiKey_Backspace, draw);
        nb.type(text, draw);
        nb.frames(1, draw);
    }
    std::string label(const std::string& id) {
        auto it = nb.item(id);
        return it ? it->label : "(" + id + " not drawn)";
    }
    void applyActions() {
        for (const auto& a : nb.takeActions()) core::apply(state, a);
        nb.frames(2, draw);
    }
};

const PeriodData& selected(const AppState& s) { return s.periods[size_t(s.selectedPeriod)]; }
} // namespace

TEST_CASE("menu bar: 分析 opens the coaching card, the team goals and the appeals") {
    for (const char* id : {"analysis.coaching", "analysis.goals", "analysis.appeals"}) {
        INFO(id);
        NullBackend nb;
        AppState s = demoState();
        web::ui::MenuBar menu;
        const DrawFn draw = [&](web::ui::Actions& out) { web::ui::drawMenuBar(menu, s, out); };
        nb.frames(2, draw);
        REQUIRE(nb.click("menu.analysis", draw));
        REQUIRE(nb.click(id, draw));
        CHECK(menu.showCoaching == (std::string(id) == "analysis.coaching"));
        CHECK(menu.showGoals == (std::string(id) == "analysis.goals"));
        CHECK(menu.showAppeals == (std::string(id) == "analysis.appeals"));
        CHECK(nb.takeActions().empty());
    }
}

TEST_CASE("coaching window: an agent's card, another agent picked, the printable page") {
    WindowTest<web::ui::CoachingWindow> t(demoState(), web::ui::drawCoachingWindow);
    const auto& agents = selected(t.state).results.agents;
    REQUIRE(t.w.card);
    CHECK(t.w.card->agent == agents[0].agent);
    CHECK(t.label("coaching.strengths") == "优势");
    CHECK(t.label("coaching.m0.metric") == textIn(t.w.card->metrics[0].label, Lang::Zh));
    CHECK(t.label("coaching.score").find("得分") == 0);
    REQUIRE(t.click("coaching.agent"));
    REQUIRE(t.click("coaching.agent.1"));
    REQUIRE(t.w.card);
    CHECK(t.w.card->agent == agents[1].agent);
    REQUIRE(t.click("coaching.print"));
    REQUIRE(t.w.print);
    CHECK(t.w.print->html.find("<section class=\"coaching\"><h1>辅导卡 · " + agents[1].agent) != std::string::npos);
    CHECK(t.w.print->title == "辅导卡 " + agents[1].agent + " 2024-03");
    CHECK(t.nb.takeActions().empty());
}

TEST_CASE("goals window: a goal added through the form shows its progress and forecast; removed again") {
    WindowTest<web::ui::GoalsWindow> t(demoState(), web::ui::drawGoalsWindow);
    CHECK(t.label("goals.empty").find("还没有团队目标") == 0);
    REQUIRE(t.click("goals.add"));
    t.typeInto("goals.baseline", "13", 2); // 2024-13 is no month
    REQUIRE(t.click("goals.save"));
    CHECK(t.label("goals.problem") == web::tr("goals.bad_month"));
    CHECK(t.nb.takeActions().empty());
    t.typeInto("goals.baseline", "01", 2);
    REQUIRE(t.click("goals.save"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* add = std::get_if<AddGoal>(&actions[0]);
    REQUIRE(add);
    CHECK(add->goal.metric == "complaints");
    CHECK(add->goal.relative);
    CHECK(add->goal.target == doctest::Approx(-0.3));
    CHECK(add->goal.baseline == Month{2024, 1});
    CHECK(add->goal.deadline == Month{2024, 12});
    core::apply(t.state, actions[0]);
    t.nb.frames(2, t.draw);
    REQUIRE(t.state.settings.goals.size() == 1);
    CHECK(t.label("goals.g0.title") == "投诉数：目标 -30%（2024-01 → 2024-12）");
    std::vector<MonthInput> months;
    for (const auto& p : t.state.periods) months.push_back({p.month, &p.input});
    const GoalProgress p = goalProgress(t.state.settings.goals[0], months, Catalog::builtin());
    REQUIRE(p.forecast);
    CHECK(t.label("goals.g0.forecast").find("按当前趋势，2024-12 预计为 " + formatValue(*p.forecast)) == 0);
    CHECK(t.label("goals.g0.values").find("基准 " + formatValue(*p.baselineValue)) == 0);
    REQUIRE(t.click("goals.g0.remove"));
    REQUIRE(t.click("goals.g0.confirm_remove"));
    t.applyActions();
    CHECK(t.state.settings.goals.empty());
}

TEST_CASE("appeals window: filed on a metric, accepted with its value; the number changes") {
    WindowTest<web::ui::AppealsWindow> t(demoState(), web::ui::drawAppealsWindow);
    const std::string agent = selected(t.state).input.agents[0].name;
    const std::string metric = Catalog::builtin().all()[0].id; // the list's first metric
    t.typeInto("appeals.requested", "abc");
    REQUIRE(t.click("appeals.file"));
    CHECK(t.label("appeals.problem") == web::tr("appeals.bad_value"));
    CHECK(t.nb.takeActions().empty());
    t.typeInto("appeals.requested", "1500", 3);
    t.typeInto("appeals.reason", "漏统计了夜班接待");
    REQUIRE(t.click("appeals.file"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* file = std::get_if<FileAppeal>(&actions[0]);
    REQUIRE(file);
    CHECK(file->appeal.agent == agent);
    CHECK(file->appeal.metric == metric);
    CHECK(file->appeal.requested == doctest::Approx(1500));
    core::apply(t.state, actions[0]);
    t.nb.frames(2, t.draw);
    REQUIRE(selected(t.state).appeals.size() == 1);
    CHECK(t.label("appeals.a0.status") == "待处理");
    REQUIRE(t.click("appeals.a0.decide"));
    t.typeInto("appeals.decide_reason", "核实属实");
    REQUIRE(t.click("appeals.accept"));
    t.applyActions();
    const Appeal& a = selected(t.state).appeals[0];
    CHECK(a.status == AppealStatus::Accepted);
    CHECK(*a.decidedValue == doctest::Approx(1500));
    const auto& in = selected(t.state).input;
    CHECK(*in.metrics.get(0, metric) == doctest::Approx(1500));
    CHECK(t.label("appeals.a0.status").find("已接受 = 1500") == 0);
    CHECK(t.state.record.audit.back().action == "accept_appeal");
}

TEST_CASE("appeals window: a closed month lists its appeals but takes none") {
    WindowTest<web::ui::AppealsWindow> t(closedState(), web::ui::drawAppealsWindow);
    CHECK(t.label("appeals.closed").find("2024-03 已结算") == 0);
    CHECK_FALSE(t.nb.item("appeals.file"));
    CHECK_FALSE(t.nb.item("appeals.requested"));
}

} // namespace kefu::test
