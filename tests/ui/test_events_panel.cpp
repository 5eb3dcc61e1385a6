// The 事件 tab and the scorecard's flag actions, clicked and typed on the null backend: the
// actions they queue, the problems they show before queuing anything, and (applied with
// core::apply as the app does) what the next frame shows.
#include <doctest/doctest.h>

#include "i18n.h"
#include "panel_test.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
// The panel test, with a frame after every click (a field drawn before its button shows the change).
struct EventsTest : PanelTest {
    using PanelTest::PanelTest;
    bool click(const std::string& id) { return clickAndDraw(id); }
    // Clicks a text field, puts the caret at the end and takes `n` characters off.
    void erase(const std::string& id, int n) {
        REQUIRE(click(id));
        nb.tapKey(ImGuiKey_End, draw);
        for (int i = 0; i < n; ++i) nb.tapKey(ImGuiKey_Backspace, draw);
    }
    const PeriodData& month() const { return state.periods[size_t(state.selectedPeriod)]; }
};

AppState monthSelected(int index) {
    AppState s = demoState();
    apply(s, SelectPeriod{index});
    return s;
}

const AgentResult* resultOf(const AppState& s, const std::string& agent) {
    for (const auto& a : selectedResults(s)->agents)
        if (a.agent == agent) return &a;
    return nullptr;
}

// The id of the scorecard line showing `flag` (scorecard.flagK), or "".
std::string flagLine(const AppState& s, const std::string& agent, const std::string& flag) {
    const AgentResult* a = resultOf(s, agent);
    for (size_t k = 0; a && k < a->flags.size(); ++k)
        if (a->flags[k] == flag) return "scorecard.flag" + std::to_string(k);
    return "";
}
} // namespace

TEST_CASE("events: the add form pushes AddEvent with the picked and typed fields") {
    EventsTest t("events panel", demoState());
    REQUIRE(t.month().month == Month{2024, 3});
    CHECK(t.value("events.date") == "2024-03-31"); // the month's last day by default
    const std::string agent = t.month().input.agents[1].name;
    REQUIRE(t.click("events.agent"));
    REQUIRE(t.click("events.agent.1"));
    t.erase("events.date", 2);
    t.nb.type("15", t.draw);
    REQUIRE(t.click("events.kind"));
    CHECK(t.label("events.kind_group.0") == "罚款");
    REQUIRE(t.click("events.kind.missed_handover"));
    CHECK(t.label("events.kind") == "未做交接");
    t.erase("events.count", 1);
    t.nb.type("2", t.draw);
    REQUIRE(t.click("events.note"));
    t.nb.type("两个班次未交接", t.draw);
    t.nb.frames(1, t.draw);
    CHECK_FALSE(t.nb.item("events.problem"));
    REQUIRE(t.click("events.submit"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* add = std::get_if<AddEvent>(&actions[0]);
    REQUIRE(add);
    CHECK(add->period == t.state.selectedPeriod);
    CHECK(add->event.agent == agent);
    CHECK(add->event.date == Date{2024, 3, 15});
    CHECK(add->event.kind == "missed_handover");
    CHECK(add->event.count == 2);
    CHECK_FALSE(add->event.points);
    CHECK(add->event.note == "两个班次未交接");
    CHECK(t.ui.events.note.empty()); // ready for the next one; agent, date and kind stay

    const size_t before = t.month().input.events.size();
    apply(t.state, *add);
    REQUIRE(t.click("events.filter_agent"));
    REQUIRE(t.click("events.filter_agent.2")); // the agent's own events: the new row is in view
    REQUIRE(t.month().input.events.size() == before + 1);
    const std::string row = "events.r" + std::to_string(before);
    CHECK(t.label(row + ".note") == "两个班次未交接");
    CHECK(t.label(row + ".kind") == "未做交接");
    CHECK(t.label(row + ".date") == "2024-03-15");
}

TEST_CASE("events: a checklist mark takes an item; points override the default") {
    EventsTest t("events panel", demoState());
    REQUIRE(t.click("events.kind"));
    REQUIRE(t.click("events.kind.check_bad"));
    REQUIRE(t.click("events.item"));
    CHECK(t.label("events.item_group.1") == "聊天质量");
    REQUIRE(t.click("events.item.typos"));
    CHECK(t.label("events.item") == "无错别字");
    REQUIRE(t.click("events.points"));
    t.nb.type("0.5", t.draw);
    REQUIRE(t.click("events.submit"));
    const auto actions = t.nb.takeActions();
    const AddEvent* add = findAction<AddEvent>(actions);
    REQUIRE(add);
    CHECK(add->event.kind == "check_bad:typos");
    CHECK(add->event.points == 0.5);
    apply(t.state, *add);
    REQUIRE(t.click("events.filter_kind"));
    REQUIRE(t.click("events.filter_kind.6")); // checklist marks
    CHECK(t.label("events.r" + std::to_string(t.month().input.events.size() - 1) + ".kind") == "减分项：无错别字");
}

TEST_CASE("events: a date outside the month or a bad count shows the problem and pushes nothing") {
    EventsTest t("events panel", demoState());
    t.erase("events.date", 5);
    t.nb.type("04-02", t.draw);
    t.nb.frames(1, t.draw);
    CHECK(t.label("events.problem") == "日期 2024-04-02 不在 2024-03 内");
    REQUIRE(t.click("events.submit"));
    CHECK(t.nb.takeActions().empty());
    t.erase("events.date", 3);
    t.nb.frames(1, t.draw);
    CHECK(t.label("events.problem") == "日期要写成 YYYY-MM-DD，例如 2024-03-31");
    apply(t.state, SetLanguage{Lang::En}); // as typed, in the page's language
    t.nb.frames(2, t.draw);
    CHECK(t.label("events.problem") == "Write the date as YYYY-MM-DD, e.g. 2024-03-31");
    apply(t.state, SetLanguage{Lang::Zh});
    t.erase("events.date", 7);
    t.nb.type("2024-03-20", t.draw);
    t.erase("events.count", 1);
    t.nb.type("0", t.draw);
    t.nb.frames(1, t.draw);
    CHECK(t.label("events.problem") == "次数要写整数，至少为 1");
    REQUIRE(t.click("events.submit"));
    CHECK(t.nb.takeActions().empty());
    t.erase("events.count", 1);
    t.nb.type("1", t.draw);
    REQUIRE(t.click("events.submit"));
    const auto actions = t.nb.takeActions();
    const AddEvent* add = findAction<AddEvent>(actions);
    REQUIRE(add);
    CHECK(add->event.date == Date{2024, 3, 20});
}

TEST_CASE("events: 删除 asks first; 编辑 loads the row into the form and saves an UpdateEvent") {
    EventsTest t("events panel", demoState());
    const Event first = t.month().input.events[0];
    REQUIRE(t.click("events.r0.remove"));
    CHECK(t.nb.takeActions().empty());
    CHECK(t.label("events.confirm_text").find(first.note) != std::string::npos);
    REQUIRE(t.click("events.cancel_remove"));
    CHECK(t.nb.takeActions().empty());
    CHECK(t.ui.events.removing == -1);
    REQUIRE(t.click("events.r0.remove"));
    REQUIRE(t.click("events.confirm_remove"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* remove = std::get_if<RemoveEvent>(&actions[0]);
    REQUIRE(remove);
    CHECK(remove->period == t.state.selectedPeriod);
    CHECK(remove->index == 0);

    const Event second = t.month().input.events[1];
    REQUIRE(t.click("events.r1.edit"));
    CHECK(t.ui.events.editing == 1);
    CHECK(t.value("events.note") == second.note);
    CHECK(t.value("events.date") == formatDate(second.date));
    CHECK(t.label("events.submit") == "保存修改");
    t.erase("events.count", 1);
    t.nb.type("3", t.draw);
    REQUIRE(t.click("events.submit"));
    actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* update = std::get_if<UpdateEvent>(&actions[0]);
    REQUIRE(update);
    CHECK(update->index == 1);
    CHECK(update->event.count == 3);
    CHECK(update->event.kind == second.kind);
    CHECK(update->event.note == second.note);
    CHECK(t.ui.events.editing == -1);
}

TEST_CASE("events: filters by agent and kind group; sorting by agent follows the team") {
    EventsTest t("events panel", demoState());
    const auto& events = t.month().input.events;
    REQUIRE(t.click("events.filter_kind"));
    REQUIRE(t.click("events.filter_kind.2")); // attendance
    size_t attendance = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        const bool isAttendance = events[i].kind == "late" || events[i].kind == "early_leave" || events[i].kind == "leave" ||
                                  events[i].kind == "absence";
        attendance += isAttendance;
        CHECK(bool(t.nb.item("events.r" + std::to_string(i) + ".date")) == isAttendance);
    }
    CHECK(t.label("events.shown") == "共 " + std::to_string(events.size()) + " 条，显示 " + std::to_string(attendance) + " 条");
    REQUIRE(t.click("events.filter_kind"));
    REQUIRE(t.click("events.filter_kind.0"));
    REQUIRE(t.click("events.agent.header"));
    t.nb.frames(2, t.draw);
    float last = -1; // rows go down in team order
    for (const auto& agent : t.month().input.agents)
        for (size_t i = 0; i < events.size(); ++i) {
            auto it = t.nb.item("events.r" + std::to_string(i) + ".agent");
            if (events[i].agent != agent.name || !it) continue;
            CHECK(it->y >= last);
            last = it->y;
        }
    REQUIRE(t.click("events.filter_agent"));
    REQUIRE(t.click("events.filter_agent.1"));
    for (size_t i = 0; i < events.size(); ++i)
        if (events[i].agent != t.month().input.agents[0].name) CHECK_FALSE(t.nb.item("events.r" + std::to_string(i) + ".date"));
}

TEST_CASE("events: a closed month and a read-only tab show the events without the form; no month says what to do") {
    EventsTest closed("events panel", closedState());
    CHECK(closed.label("events.closed").find("三月结算") != std::string::npos);
    CHECK_FALSE(closed.nb.item("events.submit"));
    CHECK_FALSE(closed.nb.item("events.r0.edit"));
    CHECK(closed.nb.item("events.r0.date"));
    CHECK_FALSE(closed.nb.item("events.exam_save"));
    REQUIRE(closed.nb.item("events.exam.r0.c0"));
    CHECK(closed.nb.item("events.exam.r0.c0")->type == "text");

    EventsTest ro("events panel", readOnlyState());
    CHECK(ro.label("events.read_only") == web::tr("events.read_only"));
    CHECK_FALSE(ro.nb.item("events.submit"));
    CHECK_FALSE(ro.nb.item("events.r0.remove"));

    EventsTest empty("events panel", emptyState());
    CHECK(empty.label("events.no_month").find("先新建考核月份") != std::string::npos);
}

TEST_CASE("events: exam and typing results go out as one SetMetricValues; a bad value says why first") {
    EventsTest t("events panel", demoState());
    const PeriodData& m = t.month();
    const std::string agent = m.input.agents[0].name;
    REQUIRE(t.nb.item("events.exam.r0.c0"));
    CHECK(t.value("events.exam.r0.c0") == formatValue(*m.input.metrics.get(0, "exam_score")));
    t.erase("events.exam.r0.c0", 4);
    t.nb.type("很好", t.draw);
    REQUIRE(t.click("events.exam_save"));
    CHECK(t.nb.takeActions().empty());
    CHECK(t.label("events.exam_problem") == agent + " 的考试成绩：“很好”不是数字");
    t.erase("events.exam.r0.c0", 2);
    t.nb.type("88", t.draw);
    t.erase("events.exam.r0.c2", 8);
    t.nb.type("93%", t.draw);
    REQUIRE(t.click("events.exam_save"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* set = std::get_if<SetMetricValues>(&actions[0]);
    REQUIRE(set);
    CHECK(set->period == t.state.selectedPeriod);
    REQUIRE(set->edits.size() == 2);
    CHECK(set->edits[0] == ValueEdit{agent, "exam_score", 88.0});
    CHECK(set->edits[1].metric == "typing_accuracy");
    CHECK(std::abs(*set->edits[1].value - 0.93) < 1e-12);
    apply(t.state, *set);
    t.nb.frames(2, t.draw);
    CHECK(t.value("events.exam.r0.c0") == "88");
    CHECK(t.value("events.exam.r0.c2") == "93%");
}

TEST_CASE("scorecard: 态度不合格 on attitude_review_needed adds attitude_bad; applied, the flag becomes consider_dismissal") {
    EventsTest t("scorecard", monthSelected(0));
    std::string agent;
    for (const auto& a : selectedResults(t.state)->agents)
        if (a.hasFlag("attitude_review_needed")) agent = a.agent;
    REQUIRE(!agent.empty()); // the demo's 唐雨桐 in January
    t.ui.results.scorecard = agent;
    t.nb.frames(2, t.draw);
    const std::string line = flagLine(t.state, agent, "attitude_review_needed");
    CHECK(t.label(line) == "  需评定态度");
    CHECK(t.label(line + ".help") == web::tr("flag_help.attitude_review_needed"));
    REQUIRE(t.click("scorecard.attitude_bad"));
    const auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* add = std::get_if<AddEvent>(&actions[0]);
    REQUIRE(add);
    CHECK(add->period == 0);
    CHECK(add->event.agent == agent);
    CHECK(add->event.kind == "attitude_bad");
    CHECK(add->event.date == Date{2024, 1, 31});
    CHECK(add->event.note == "阶段考核态度评审");
    apply(t.state, *add);
    t.nb.frames(2, t.draw);
    const AgentResult* after = resultOf(t.state, agent);
    REQUIRE(after);
    CHECK(after->hasFlag("consider_dismissal"));
    CHECK_FALSE(after->hasFlag("attitude_review_needed"));
    CHECK(t.label(flagLine(t.state, agent, "consider_dismissal")) == "  考虑劝退");
    CHECK_FALSE(t.nb.item("scorecard.attitude_bad"));
}

TEST_CASE("scorecard: 确认转正 says from which month and pushes UpdateAgent; DSR warnings show their advice") {
    // 林小美 passes every 3-month stage in February (the demo's team list has her regular from
    // 2024-03-01 already: made probation again from February).
    AppState s = demoState();
    Agent lin;
    for (const auto& a : s.roster)
        if (a.name == "林小美") lin = a;
    REQUIRE(lin.name == "林小美");
    Agent probation = lin;
    probation.status = Status::Probation;
    probation.regularSince.reset();
    apply(s, UpdateAgent{lin.name, probation, 1});
    apply(s, SelectPeriod{1});
    REQUIRE(resultOf(s, lin.name)->hasFlag("eligible_for_regularization"));
    EventsTest t("scorecard", s);
    t.ui.results.scorecard = lin.name;
    t.nb.frames(2, t.draw);
    REQUIRE(t.click("scorecard.regularize"));
    CHECK(t.nb.takeActions().empty());
    CHECK(t.label("scorecard.regularize_text") == "林小美 转为正式员工，转正日期 2024-03-01，从 2024-03 起生效；本月仍按试用期计算。");
    REQUIRE(t.click("scorecard.regularize_confirm"));
    const auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const auto* update = std::get_if<UpdateAgent>(&actions[0]);
    REQUIRE(update);
    CHECK(update->name == lin.name);
    CHECK(update->fromPeriod == 2);
    CHECK(update->changed.status == Status::Regular);
    CHECK(update->changed.regularSince == Date{2024, 3, 1});
    apply(t.state, *update);
    t.nb.frames(2, t.draw);
    CHECK(t.nb.item("scorecard.already_regular"));

    // In the last month there is no next one: from this month on, and the text says so.
    apply(s, SelectPeriod{2});
    REQUIRE(resultOf(s, lin.name)->hasFlag("eligible_for_regularization"));
    EventsTest last("scorecard", s);
    last.ui.results.scorecard = lin.name;
    last.nb.frames(2, last.draw);
    REQUIRE(last.click("scorecard.regularize"));
    CHECK(last.label("scorecard.regularize_text").find("还没有下个月") == 0);
    REQUIRE(last.click("scorecard.regularize_confirm"));
    const auto lastActions = last.nb.takeActions();
    const UpdateAgent* fromThis = findAction<UpdateAgent>(lastActions);
    REQUIRE(fromThis);
    CHECK(fromThis->fromPeriod == 2);
    CHECK(fromThis->changed.regularSince == Date{2024, 4, 1});

    // A DSR warning lists the advice of its weak sub-metrics.
    EventsTest dsr("scorecard", demoState());
    std::string agent;
    for (const auto& a : selectedResults(dsr.state)->agents)
        if (a.hasFlag("dsr_warning:efficiency")) agent = a.agent;
    REQUIRE(!agent.empty());
    dsr.ui.results.scorecard = agent;
    dsr.nb.frames(2, dsr.draw);
    const std::string line = flagLine(dsr.state, agent, "dsr_warning:efficiency");
    CHECK(dsr.label(line) == "(" + line + " not drawn)"); // no flag calls for the manager: the section starts closed
    REQUIRE(dsr.nb.click("scorecard.flags_title", dsr.draw));
    CHECK(dsr.label(line) == "  DSR预警：效率");
    CHECK(dsr.label(line + ".advice0").find("DSR 预警") != std::string::npos);
    CHECK(dsr.label(line + ".advice1").find("建议") != std::string::npos);
}

TEST_CASE("results: the flags summary counts what needs the manager; warnings stand out in the table") {
    EventsTest t("results panel", monthSelected(0));
    CHECK(t.label("results.flags_summary").find("1 人待评定态度") != std::string::npos);
    apply(t.state, SetLanguage{Lang::En});
    t.nb.frames(2, t.draw);
    CHECK(t.label("results.flags_summary").find("attitude reviews 1,") != std::string::npos);
}

} // namespace kefu::test
