// The 考核方案 tab: choosing a scheme queues SelectScheme; the editor's copy is validated after every
// edit with the problem next to its field and saving held back; a fixed copy saves as SaveScheme;
// opened files are previewed with their problems; rules are copied in, moved, switched off and
// scoped; exporting and importing leave their requests for the app; read-only and closed states.
#include <doctest/doctest.h>

#include "panel_registry.h"
#include "test_states.h"

namespace kefu::test {

using namespace kefu::core;

namespace {
struct SchemeTest {
    NullBackend nb;
    PanelUi ui;
    AppState state;
    DrawFn draw;

    explicit SchemeTest(AppState s, const char* scheme = "presales-rank") : state(std::move(s)) {
        if (scheme && state.schemeId != scheme) apply(state, SelectScheme{scheme});
        draw = drawFn(ui, state, panel("scheme panel").draw);
        nb.frames(2, draw);
    }
    std::string label(const std::string& id) {
        auto it = nb.item(id);
        return it ? it->label : "(" + id + " not drawn)";
    }
    bool has(const std::string& id) { return nb.item(id).has_value(); }
    // A click, then a frame: what the click changed shows everywhere (items drawn before it too).
    bool click(const char* id) {
        const bool clicked = nb.click(id, draw);
        nb.frame(draw);
        return clicked;
    }
    float y(const std::string& id) {
        auto it = nb.item(id);
        REQUIRE_MESSAGE(it, id << " not drawn");
        return it->y;
    }
    // Clicks a number field (its text is selected) and types a new value.
    void typeNumber(const std::string& id, const char* value) {
        REQUIRE(nb.click(id, draw));
        nb.type(value, draw);
        nb.frames(2, draw);
    }
    const Json& weights() { return *ui.scheme.doc.find("rules")->items()[0].find("params")->find("weights"); }
};

const char* const kWeights = "scheme.problem.rules[0].params.weights";
} // namespace

TEST_CASE("scheme panel: choosing a preset queues SelectScheme; the editor follows the active scheme") {
    SchemeTest t(demoState(), nullptr);
    const std::string before = t.state.schemeId;
    CHECK(t.nb.item("scheme.pick")->value == before);
    CHECK(t.nb.item("scheme.id")->value == before);
    REQUIRE(t.click("scheme.pick"));
    REQUIRE(t.click("scheme.pick.presales-rank"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const SelectScheme* select = findAction<SelectScheme>(actions);
    REQUIRE(select);
    CHECK(select->presetId == "presales-rank");

    apply(t.state, *select);
    t.nb.frames(2, t.draw);
    CHECK(t.nb.item("scheme.id")->value == "presales-rank");
    CHECK(t.label("scheme.active").find("presales-rank") != std::string::npos);
    CHECK(t.label("scheme.r0.id").find("排序权重分") != std::string::npos);
    CHECK(t.label("scheme.r0.scope") == "全部组别；转正");
    CHECK(t.label("scheme.problem_count") == "没有问题");
    CHECK(t.has("scheme.description"));
    CHECK(t.label("scheme.state") == "与店铺当前方案相同");
    CHECK(t.label("scheme.save_blocked").find("not drawn") != std::string::npos); // clean: nothing to say
    CHECK_FALSE(t.ui.scheme.edited);
}

TEST_CASE("scheme panel: every rule of shop-default says in words whom it applies to") {
    SchemeTest t(demoState(), "shop-default");
    const auto& rules = t.ui.scheme.doc.find("rules")->items();
    REQUIRE(rules.size() >= 8);
    for (size_t i = 0; i < rules.size(); ++i) {
        const std::string row = "scheme.r" + std::to_string(i);
        const std::string type = rules[i].find("type")->asString();
        INFO(type);
        if (type == "rank_points") {
            CHECK(t.label(row + ".id") == "rank  排序权重分");
            CHECK(t.label(row + ".scope") == "“售前”开头的组；转正");
        }
        if (type == "probation_stages") CHECK(t.label(row + ".scope") == "全部组别；试用");
        if (type == "fines_escalating") CHECK(t.label(row + ".scope") == "全部组别；按规则类型默认（转正、试用）");
    }
}

TEST_CASE("scheme panel: a weight that breaks the sum is shown at the weights and blocks saving; fixed, it saves") {
    SchemeTest t(demoState());
    REQUIRE(t.has("scheme.param.weights.sales_amount"));
    t.typeNumber("scheme.param.weights.sales_amount", "0.4");
    CHECK(t.weights().find("sales_amount")->asNumber() == doctest::Approx(0.4));
    CHECK(t.ui.scheme.edited);
    REQUIRE(t.has(kWeights));
    CHECK(t.label(kWeights).find("1.1") != std::string::npos);
    // Next to the field: under the weights' title, above their entries and the next parameter.
    CHECK(t.y(kWeights) > t.y("scheme.param.weights"));
    CHECK(t.y(kWeights) < t.y("scheme.param.weights.sales_amount"));
    CHECK(t.y("scheme.param.weights.avg_response_s") < t.y("scheme.param.lower_better"));
    CHECK(t.label("scheme.problem_count") == "1 个问题");
    CHECK(t.label("scheme.r0.problems") == "1 个问题");
    CHECK(t.label("scheme.save_blocked").find("1 个问题") != std::string::npos);
    REQUIRE(t.click("scheme.save"));
    CHECK(t.nb.takeActions().empty());

    t.typeNumber("scheme.param.weights.attitude_score", "0.2");
    CHECK_FALSE(t.has(kWeights));
    CHECK(t.label("scheme.problem_count") == "没有问题");
    // Still the preset's id: core would refuse it, so saving waits for another id.
    CHECK(t.label("scheme.save_blocked").find("presales-rank") != std::string::npos);
    CHECK(t.has("scheme.preset_id"));
    REQUIRE(t.click("scheme.save"));
    CHECK(t.nb.takeActions().empty());
    REQUIRE(t.click("scheme.suggest_id"));
    CHECK(t.nb.item("scheme.id")->value == "presales-rank-custom");
    CHECK(t.nb.item("scheme.name_zh")->value == "售前排序权重分（自定义）");
    CHECK_FALSE(t.has("scheme.save_blocked"));
    CHECK(t.nb.takeActions().empty()); // nothing reaches the shop before 保存方案

    REQUIRE(t.click("scheme.save"));
    auto actions = t.nb.takeActions();
    REQUIRE(actions.size() == 1);
    const SaveScheme* save = findAction<SaveScheme>(actions);
    REQUIRE(save);
    CHECK(save->fileName.empty());
    auto saved = parseJson(save->json);
    REQUIRE(saved);
    CHECK(saved->find("id")->asString() == "presales-rank-custom");
    const Json& w = *saved->find("rules")->items()[0].find("params")->find("weights");
    CHECK(w.find("sales_amount")->asNumber() == doctest::Approx(0.4));
    CHECK(w.find("attitude_score")->asNumber() == doctest::Approx(0.2));

    // Applied as the app does: the shop's scheme now, the results follow, the editor is clean again.
    const Results before = *selectedResults(t.state);
    apply(t.state, *save);
    CHECK(t.state.schemeId == "presales-rank-custom");
    CHECK(t.state.schemes.count("presales-rank-custom") == 1);
    t.nb.frames(2, t.draw);
    CHECK_FALSE(t.ui.scheme.edited);
    CHECK(t.label("scheme.state") == "与店铺当前方案相同");
    const Results& after = *selectedResults(t.state);
    bool changed = false;
    for (size_t i = 0; i < after.agents.size(); ++i) changed |= after.agents[i].score != before.agents[i].score;
    CHECK(changed);
}

TEST_CASE("scheme panel: 放弃修改 takes the copy back to the active scheme") {
    SchemeTest t(demoState());
    t.typeNumber("scheme.param.bonus_first", "1500");
    CHECK(t.ui.scheme.edited);
    CHECK(t.label("scheme.state") == "有未保存的修改");
    REQUIRE(t.click("scheme.discard"));
    t.nb.frames(2, t.draw);
    CHECK_FALSE(t.ui.scheme.edited);
    CHECK(t.nb.item("scheme.param.bonus_first")->value == "1200");
    CHECK(t.nb.takeActions().empty());
}

TEST_CASE("scheme panel: an opened file is previewed with its problems at their fields; nothing is saved") {
    SchemeTest t(demoState());
    t.ui.scheme.loadedName = "外包方案.json";
    t.ui.scheme.loadedText = R"({
  "id": "outsourced",
  "name": {"zh": "外包", "en": "Outsourced"},
  "rules": [
    {"id": "r1", "type": "rank_points", "params": {"weights": {"sales_amount": 0.6, "no_such_metric": 0.4}}},
    {"id": "r2", "type": "no_such_type"}
  ]
})";
    t.nb.frames(2, t.draw);
    CHECK(t.label("scheme.state").find("外包方案.json") != std::string::npos);
    CHECK(t.nb.item("scheme.id")->value == "outsourced");
    CHECK(t.label("scheme.problem.rules[0].params.weights.no_such_metric").find("no_such_metric") != std::string::npos);
    CHECK(t.y("scheme.problem.rules[0].params.weights.no_such_metric") > t.y("scheme.param.weights.no_such_metric"));
    // The other rule's problem is listed above the rules with its path and line.
    const std::string other = t.label("scheme.problem.rules[1].type");
    CHECK(other.find("no_such_type") != std::string::npos);
    CHECK(t.label("scheme.r1.problems") == "1 个问题");
    REQUIRE(t.click("scheme.r1.id"));
    CHECK(t.ui.scheme.rule == 1);
    CHECK(t.has("scheme.problem.rules[1].type"));
    CHECK(t.nb.takeActions().empty());
    CHECK(t.state.schemeId == "presales-rank");

    // Not JSON: the syntax error with its line and column, and that line of the file.
    t.ui.scheme.loadedName = "broken.json";
    t.ui.scheme.loadedText = "{\n  \"id\": \"x\",\n  \"rules\": [,]\n}";
    t.nb.frames(2, t.draw);
    CHECK(t.label("scheme.problem.").find("3") != std::string::npos);
    CHECK(t.label("scheme.error_line").find("\"rules\": [,]") != std::string::npos);
    CHECK_FALSE(t.has("scheme.r0.id"));
    REQUIRE(t.click("scheme.discard"));
    t.nb.frames(2, t.draw);
    CHECK(t.nb.item("scheme.id")->value == "presales-rank");
}

TEST_CASE("scheme panel: a rule copied from a preset, moved up, switched off, scoped and removed") {
    SchemeTest t(demoState());
    REQUIRE(t.click("scheme.copy_preset"));
    REQUIRE(t.click("scheme.copy_preset.2")); // presets() order: the third preset file
    REQUIRE(t.click("scheme.copy_add"));
    const auto& rules = t.ui.scheme.doc.find("rules")->items();
    REQUIRE(rules.size() == 2);
    CHECK(t.ui.scheme.rule == 1);
    const std::string copied = rules[1].find("id")->asString();
    CHECK_FALSE(rules[1].find("primary")); // presales-rank has the primary rule already
    REQUIRE(t.click("scheme.r1.up"));
    CHECK(t.ui.scheme.doc.find("rules")->items()[0].find("id")->asString() == copied);
    CHECK(t.ui.scheme.rule == 0);

    REQUIRE(t.click("scheme.r1.enabled")); // presales' r1 is second now
    CHECK(t.ui.scheme.doc.find("rules")->items()[1].find("enabled")->asBool() == false);
    REQUIRE(t.click("scheme.r1.id"));
    const std::string group = rosterGroups(t.state).front();
    REQUIRE(t.click("scheme.scope.g0"));
    const Json* groups = t.ui.scheme.doc.find("rules")->items()[1].find("scope")->find("groups");
    REQUIRE(groups);
    CHECK(groups->items()[0].asString() == group);
    CHECK(t.label("scheme.r1.scope") == group + "；转正");
    REQUIRE(t.click("scheme.scope.default")); // presales-rank names its statuses: back to the default
    CHECK(t.label("scheme.r1.scope") == group + "；按规则类型默认（转正）");
    CHECK_FALSE(t.ui.scheme.doc.find("rules")->items()[1].find("scope")->find("statuses"));
    REQUIRE(t.click("scheme.scope.default"));
    REQUIRE(t.click("scheme.scope.probation"));
    CHECK(t.label("scheme.r1.scope") == group + "；转正、试用");

    REQUIRE(t.click("scheme.r0.remove"));
    CHECK(t.ui.scheme.doc.find("rules")->items().size() == 1);
    CHECK(t.nb.takeActions().empty());
}

TEST_CASE("scheme panel: 导出方案文件 and 导入方案文件 leave their requests for the app") {
    SchemeTest t(demoState());
    REQUIRE(t.click("scheme.export"));
    CHECK(t.ui.scheme.exportName == "presales-rank.json");
    auto exported = parseJson(t.ui.scheme.exportText);
    REQUIRE(exported);
    CHECK(exported->find("id")->asString() == "presales-rank");
    CHECK(t.ui.scheme.exportText.find("\n  \"name\"") != std::string::npos); // pretty, for people to diff
    REQUIRE(t.click("scheme.import"));
    CHECK(t.ui.scheme.pickFile);
}

TEST_CASE("scheme panel: a read-only tab views and edits the copy but cannot save; a closed month says what it keeps") {
    SchemeTest ro(readOnlyState(), nullptr);
    REQUIRE(ro.click("scheme.pick"));
    CHECK_FALSE(ro.has("scheme.pick.presales-rank")); // the picker is disabled
    CHECK_FALSE(ro.has("scheme.save_blocked"));       // nothing edited: nothing to say
    ro.typeNumber("scheme.param.bonus_first", "1500");
    CHECK(ro.label("scheme.save_blocked").find("只读") != std::string::npos);
    REQUIRE(ro.click("scheme.save"));
    CHECK(ro.nb.takeActions().empty());

    SchemeTest closed(closedState());
    CHECK(closed.label("scheme.closed_note").find("已结算") != std::string::npos);
    SchemeTest open(demoState());
    CHECK_FALSE(open.has("scheme.closed_note"));
}

} // namespace kefu::test
