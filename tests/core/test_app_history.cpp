// The state's memory: undo/redo of every data action, the audit log, closed periods, snapshot
// files opened as a preview (replace or merge), earlier versions restored and read-only tabs.
#include <doctest/doctest.h>

#include "app_fixtures.h"
#include "app_state.h"
#include "shop_build.h"
#include "snapshot.h"

using namespace kefu::core;

namespace {
using kefu::test::appShop;
AppState shopState() { return appShop(); }
std::vector<std::string> names(const AppState& s) { return kefu::test::rosterNames(s.roster); }
const auto& value = kefu::test::cellValue;
const auto& result = kefu::test::resultOf;

std::vector<int64_t> totals(const PeriodData& p) {
    std::vector<int64_t> out;
    for (const auto& a : p.results.agents) out.push_back(a.totalFen());
    return out;
}

std::string saved(const AppState& s) { return encodeSnapshot(s.record); }

// A second manager's copy: the first one's saved file opened in an empty app.
AppState copyOf(const AppState& s, const std::string& manager, int64_t at) {
    AppState other;
    openShop(other, s.record);
    apply(other, SetManagerName{manager}, {at, 7});
    return other;
}
} // namespace

TEST_CASE("undo and redo walk every data action back and forth") {
    AppState s = shopState();
    const auto start = names(s);
    const std::string scheme = s.schemeId;
    apply(s, AddAgent{"赵六", "售后组", Status::Probation, ""}, {2000, 3});
    apply(s, RemoveAgent{"李四"}, {2001, 4});
    apply(s, SelectScheme{"presales-rank"}, {2002, 5});
    apply(s, SetMetricValue{1, "张三", "sales_amount", 60000.0}, {2003, 6});
    REQUIRE(s.notices.empty());
    CHECK(names(s) == std::vector<std::string>{"张三", "王五", "赵六"});
    CHECK(value(s, 1, "张三", "sales_amount") == 60000.0);
    REQUIRE(undoStep(s));
    CHECK(undoStep(s)->action == "set_value");

    apply(s, Undo{}, {2010, 0});
    CHECK(value(s, 1, "张三", "sales_amount") == 52000.0);
    CHECK(s.schemeId == "presales-rank");
    apply(s, Undo{}, {2011, 0});
    CHECK(s.schemeId == scheme);
    apply(s, Undo{}, {2012, 0});
    CHECK(names(s) == std::vector<std::string>{"张三", "李四", "王五", "赵六"});
    apply(s, Undo{}, {2013, 0});
    CHECK(names(s) == start);
    CHECK(s.periods[1].results.agents.size() == 3); // results follow the data back
    const size_t before = s.undo.size();
    apply(s, Undo{}, {2015, 0}); // LoadShop remains
    CHECK(s.periods.empty());
    apply(s, Undo{}, {2016, 0});
    CHECK(s.notices.size() == 1); // nothing more to undo
    CHECK(s.undo.empty());
    CHECK(before == 1);
    CHECK(s.managerName == "王经理"); // a setting of this copy, not undone

    for (int i = 0; i < 5; ++i) apply(s, Redo{}, {2020 + i, 0});
    CHECK(names(s) == std::vector<std::string>{"张三", "王五", "赵六"});
    CHECK(s.schemeId == "presales-rank");
    CHECK(value(s, 1, "张三", "sales_amount") == 60000.0);
    CHECK(s.managerName == "王经理");

    // A new action after an undo drops the redo steps.
    apply(s, Undo{}, {2030, 0});
    apply(s, SetShopName{"新店名"}, {2031, 0});
    CHECK(s.redo.empty());
    apply(s, Redo{}, {2032, 0});
    CHECK(value(s, 1, "张三", "sales_amount") == 52000.0);
}

TEST_CASE("undo keeps at most kUndoSteps steps; views and failures are not steps") {
    AppState s = shopState();
    const size_t base = s.undo.size();
    apply(s, SetLanguage{Lang::En});
    apply(s, SelectPeriod{0});
    apply(s, AddAgent{"", "售后组"}); // refused
    apply(s, SetMetricValue{0, "nobody", "sales_amount", 1.0});
    CHECK(s.undo.size() == base);
    for (int i = 0; i < int(kUndoSteps) + 10; ++i) apply(s, SetMetricValue{0, "张三", "sales_amount", double(i)});
    CHECK(s.undo.size() == kUndoSteps);
    apply(s, Undo{});
    CHECK(s.language == Lang::En); // the language is a view, not data
    CHECK(value(s, 0, "张三", "sales_amount") == double(kUndoSteps + 8));
}

TEST_CASE("the audit log says who changed what, when; undo is logged, not erased") {
    AppState s = shopState();
    const uint64_t rev = s.dataRevision;
    apply(s, SetLanguage{Lang::En}, {1500, 0});
    CHECK(s.dataRevision == rev); // nothing to save
    apply(s, AddAgent{"赵六", "售后组"}, {3000, 0});
    CHECK(s.dataRevision == rev + 1);
    apply(s, SetManagerName{"王经理"}, {2500, 0});
    CHECK(s.dataRevision == rev + 1); // a setting, not shop data
    apply(s, Undo{}, {3001, 0});
    const auto& log = s.record.audit;
    REQUIRE(log.size() == 3);
    CHECK(log[0].action == "load");
    CHECK(log[0].author == "王经理");
    CHECK(log[1].at == 3000);
    CHECK(log[1].author == "王经理");
    CHECK(log[1].action == "add_agent");
    CHECK(log[1].detail == "赵六 (售后组)");
    CHECK(log[2].action == "undo");
    CHECK(log[2].detail == "add_agent: 赵六 (售后组)");
    // The record follows the data: 赵六 is inactive again after the undo.
    for (const auto& a : s.record.agents)
        if (a.name == "赵六") CHECK_FALSE(a.active);
    // The manager's name belongs to this copy: another manager opening the file signs as himself.
    AppState other;
    apply(other, SetManagerName{"李主管"});
    openShop(other, s.record);
    CHECK(other.managerName == "李主管");
    CHECK(s.dataRevision == rev + 2);
}

TEST_CASE("time never goes backwards in stamps and the log") {
    AppState s = shopState();
    apply(s, AddAgent{"赵六", "售后组"}, {500, 0}); // a clock set back
    CHECK(s.record.audit.back().at > 1001);
    apply(s, AddAgent{"钱七", "售后组"}, {0, 0});
    CHECK(s.record.audit.back().at == s.record.audit[s.record.audit.size() - 2].at + 1);
}

TEST_CASE("closing a month freezes inputs, scheme and results; reopening needs a reason and is logged") {
    AppState s = shopState();
    const auto frozen = totals(s.periods[0]);
    apply(s, ClosePeriod{0, "二月结算"}, {4000, 0});
    REQUIRE(s.notices.empty());
    CHECK(s.periods[0].closed);
    CHECK_FALSE(s.periods[0].frozenScheme.empty());
    const PeriodRecord* rec = findPeriod(s.record, s.periods[0].month);
    REQUIRE(rec);
    CHECK(rec->closed);
    CHECK_FALSE(rec->frozenResults.empty());
    CHECK(rec->frozenCells == rec->cells);
    REQUIRE(rec->closings.size() == 1);
    CHECK(rec->closings[0].action == "close");
    CHECK(rec->closings[0].author == "王经理");
    CHECK(rec->closings[0].detail == "二月结算");

    // The closed month keeps its team, values, scheme and results; the open one follows changes.
    apply(s, SetMetricValue{0, "张三", "sales_amount", 1.0});
    CHECK(s.notices.size() == 1);
    CHECK(value(s, 0, "张三", "sales_amount") == 52000.0);
    apply(s, AddAgent{"赵六", "售后组"});
    apply(s, SelectScheme{"presales-rank"});
    CHECK(s.periods[0].input.agents.size() == 3);
    CHECK(s.periods[1].input.agents.size() == 4);
    CHECK(totals(s.periods[0]) == frozen);
    CHECK(result(s.periods[1], "赵六"));
    apply(s, ClosePeriod{0, ""});
    CHECK(s.notices.back().en == "2024-02 is already closed");

    // Its frozen results are history for later months, and survive a snapshot round trip.
    auto history = shopHistory(s.record);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    AppState back;
    openShop(back, *decodeSnapshot(saved(s)));
    CHECK(back.periods[0].closed);
    CHECK(totals(back.periods[0]) == frozen);
    CHECK(back.periods[0].input.agents.size() == 3);

    s.notices.clear();
    apply(s, ReopenPeriod{0, "  "});
    CHECK(s.notices.size() == 1);
    CHECK(s.periods[0].closed);
    apply(s, ReopenPeriod{0, "补录罚款"}, {5000, 0});
    CHECK_FALSE(s.periods[0].closed);
    rec = findPeriod(s.record, s.periods[0].month);
    REQUIRE(rec->closings.size() == 2);
    CHECK(rec->closings[1].action == "reopen");
    CHECK(rec->closings[1].detail == "补录罚款");
    CHECK(s.record.audit.back().detail == "2024-02: 补录罚款");
    // Reopened, it follows the shop's scheme again.
    CHECK(s.periods[0].results.scheme == "presales-rank");
    // Undo closes it again.
    apply(s, Undo{});
    CHECK(s.periods[0].closed);
    CHECK(totals(s.periods[0]) == frozen);
}

TEST_CASE("a snapshot file is previewed before anything changes; replacing is undoable") {
    AppState s = shopState();
    AppState other;
    apply(other, SetManagerName{"李主管"}, {100, 9});
    apply(other, LoadShop{"别的店", {{"metrics-2023-11.csv", kefu::test::kAppMetrics}}}, {7000, 10});
    const std::string file = saved(other);

    apply(s, OpenSnapshotFile{"x.kefu", "not a snapshot"});
    REQUIRE(s.notices.size() == 1);
    CHECK(s.notices[0].zh.find("x.kefu") != std::string::npos);
    CHECK_FALSE(s.incoming);
    apply(s, OpenSnapshotFile{"别的店-2023-12-01.kefu", file});
    REQUIRE(s.incoming);
    CHECK(s.shopName == "测试店铺"); // nothing changed yet
    const auto& sum = s.incoming->summary;
    CHECK(sum.shopName == "别的店");
    CHECK(sum.months == std::vector<std::string>{"2023-11"});
    CHECK(sum.agents == 3);
    CHECK(sum.lastChange == 7000);
    CHECK(sum.lastAuthor == "李主管");
    CHECK_FALSE(s.incoming->sameShop);
    // Another shop cannot be merged.
    apply(s, MergeIncoming{});
    CHECK(s.notices.back().en.find("another shop") != std::string::npos);
    CHECK(s.shopName == "测试店铺");

    apply(s, ReplaceWithIncoming{}, {8000, 0});
    CHECK_FALSE(s.incoming);
    CHECK(s.shopName == "别的店");
    CHECK(s.record.id == other.record.id);
    CHECK(s.periods.size() == 1);
    CHECK(s.record.audit.back().action == "replace");
    apply(s, Undo{}, {8001, 0});
    CHECK(s.shopName == "测试店铺");
    CHECK(s.periods.size() == 2);
    CHECK(s.record.id != other.record.id);

    apply(s, OpenSnapshotFile{"b.kefu", file});
    apply(s, CancelIncoming{});
    CHECK_FALSE(s.incoming);
}

TEST_CASE("two managers' edits to different agents merge by themselves, and the merge is undoable") {
    AppState a = shopState();
    AppState b = copyOf(a, "李主管", 9000);
    apply(a, SetMetricValue{1, "张三", "sales_amount", 61000.0}, {9100, 0});
    apply(b, SetMetricValue{1, "李四", "sales_amount", 47000.0}, {9200, 0});
    apply(b, AddAgent{"赵六", "售后组"}, {9300, 0});

    apply(a, OpenSnapshotFile{"李主管.kefu", saved(b)}, {9400, 0});
    REQUIRE(a.incoming);
    CHECK(a.incoming->sameShop);
    apply(a, MergeIncoming{}, {9500, 0});
    CHECK_FALSE(a.incoming);
    CHECK(value(a, 1, "张三", "sales_amount") == 61000.0);
    CHECK(value(a, 1, "李四", "sales_amount") == 47000.0);
    CHECK(names(a) == std::vector<std::string>{"张三", "李四", "王五", "赵六"});
    CHECK(a.record.audit.back().action == "merge");
    apply(a, Undo{});
    CHECK(value(a, 1, "李四", "sales_amount") == 48000.0);
    CHECK(names(a).size() == 3);
}

TEST_CASE("the same cell edited by both managers is a conflict the user decides") {
    AppState a = shopState();
    AppState b = copyOf(a, "李主管", 9000);
    apply(a, SetMetricValue{1, "张三", "sales_amount", 61000.0}, {9100, 0});
    apply(b, SetMetricValue{1, "张三", "sales_amount", 63000.0}, {9200, 0});
    apply(b, SetMetricValue{1, "王五", "sales_amount", 13000.0}, {9250, 0});
    apply(a, OpenSnapshotFile{"李主管.kefu", saved(b)});
    apply(a, MergeIncoming{}, {9300, 0});
    REQUIRE(a.incoming);
    REQUIRE(a.incoming->merging);
    REQUIRE(a.incoming->conflicts.size() == 1);
    const MergeConflict c = a.incoming->conflicts[0];
    CHECK(c.kind == "cell");
    CHECK(c.key == "2024-03 / 张三 / sales_amount");
    CHECK(c.a.asNumber() == 61000.0);
    CHECK(c.b.asNumber() == 63000.0);
    CHECK(c.stampB.author == "李主管");
    CHECK(value(a, 1, "王五", "sales_amount") == 12000.0); // nothing applied while conflicts are open

    apply(a, ResolveMerge{{}, false});
    CHECK(a.notices.back().en == "1 conflicts still need a side chosen");
    apply(a, ResolveMerge{{{c.id, Prefer::B}}, false}, {9400, 0});
    CHECK_FALSE(a.incoming);
    CHECK(value(a, 1, "张三", "sales_amount") == 63000.0);
    CHECK(value(a, 1, "王五", "sales_amount") == 13000.0);
}

TEST_CASE("a merge changes a closed month only with confirmation") {
    AppState a = shopState();
    AppState b = copyOf(a, "李主管", 9000);
    apply(b, SetMetricValue{0, "张三", "sales_amount", 1.0}, {9100, 0});
    apply(a, ClosePeriod{0, "结算"}, {9200, 0});
    apply(a, OpenSnapshotFile{"b.kefu", saved(b)});
    apply(a, MergeIncoming{}, {9300, 0});
    REQUIRE(a.incoming);
    REQUIRE(a.incoming->conflicts.size() == 1);
    const MergeConflict c = a.incoming->conflicts[0];
    CHECK(c.kind == "closed_period");
    apply(a, ResolveMerge{{{c.id, Prefer::B}}, false});
    CHECK(a.notices.back().en == "The merge changes a closed month: confirm it first");
    REQUIRE(a.incoming);
    apply(a, ResolveMerge{{{c.id, Prefer::A}}, false}, {9400, 0}); // keep the closed month as it is
    CHECK_FALSE(a.incoming);
    CHECK(value(a, 0, "张三", "sales_amount") == 52000.0);
    CHECK(a.periods[0].closed);
}

TEST_CASE("an earlier version comes back as a new, undoable change") {
    AppState s = shopState();
    const std::string v1 = saved(s);
    apply(s, AddAgent{"赵六", "售后组"}, {9000, 0});
    apply(s, RestoreVersion{v1, "2024-03-31 10:00"}, {9100, 0});
    CHECK(names(s).size() == 3);
    CHECK(s.record.audit.back().action == "restore");
    CHECK(s.record.audit.back().detail == "2024-03-31 10:00");
    CHECK(s.record.audit.size() == 3); // the log keeps what happened since: load, add, restore
    apply(s, Undo{});
    CHECK(names(s).size() == 4);
    apply(s, RestoreVersion{"broken", "x"});
    CHECK(s.notices.size() == 1);
}

TEST_CASE("a read-only tab refuses changes and follows the other tab's saves") {
    AppState s = shopState();
    AppState editor = copyOf(s, "王经理", 9000);
    apply(s, SetReadOnly{true});
    apply(s, AddAgent{"赵六", "售后组"});
    apply(s, Undo{});
    REQUIRE(s.notices.size() == 2);
    CHECK(s.notices[0].en.find("read-only") != std::string::npos);
    CHECK(names(s).size() == 3);
    apply(s, SelectPeriod{0}); // looking around is fine
    CHECK(s.selectedPeriod == 0);
    apply(editor, AddAgent{"赵六", "售后组"}, {9100, 0});
    apply(s, FollowSaved{saved(editor)});
    CHECK(names(s).size() == 4);
    CHECK(s.undo.empty());
    apply(s, SetReadOnly{false});
    apply(s, RemoveAgent{"赵六"});
    CHECK(names(s).size() == 3);
}

TEST_CASE("actions from JSON (scripts, the page's test hook) and the state's JSON") {
    AppState s = shopState();
    auto act = [&](const char* text) {
        auto j = parseJson(text);
        REQUIRE(j.ok());
        auto a = actionFromJson(s, *j);
        if (a) kefu::core::apply(s, *a);
        return a.ok() ? std::string() : a.error();
    };
    CHECK(act(R"({"type":"set_metric","period":"2024-03","agent":"张三","metric":"sales_amount","value":1})") == "");
    CHECK(value(s, 1, "张三", "sales_amount") == 1.0);
    CHECK(act(R"({"type":"set_metric","period":1,"agent":"张三","metric":"sales_amount","value":null})") == "");
    CHECK_FALSE(value(s, 1, "张三", "sales_amount"));
    CHECK(act(R"({"type":"close_period","period":"2024-02","reason":"ok"})") == "");
    CHECK(act(R"({"type":"add_agent","name":"赵六","group":"售后组"})") == "");
    CHECK(act(R"({"type":"undo"})") == "");
    CHECK(act(R"({"type":"set_metric","period":"2025-01","agent":"张三","metric":"x","value":1})") == "no period 2025-01");
    CHECK(act(R"({"type":"set_metric","period":0,"agent":"张三","metric":"sales_amount","value":"7"})") ==
          "'value' must be a number or null");
    CHECK(act(R"({"type":"fly"})") == "unknown action type 'fly'");
    CHECK(act(R"({"name":"x"})") == "'type' must be a string");

    const Json j = appStateToJson(s);
    CHECK(j.find("manager")->asString() == "王经理");
    REQUIRE(j.find("closed")->items().size() == 1);
    CHECK(j.find("closed")->items()[0].asString() == "2024-02");
    CHECK(j.find("undo")->asString() == "close");
    CHECK(j.find("redo")->asString() == "add_agent");
    CHECK(j.find("audit")->items().back().find("action")->asString() == "undo");
    CHECK(j.find("incoming")->isNull());
    CHECK_FALSE(j.find("read_only")->asBool());
}

TEST_CASE("editing an agent: from a month on, earlier months keep their team; renames follow everywhere open") {
    AppState s = shopState();
    Agent changed = s.roster[2]; // 王五, 售后组, probation
    changed.group = "售前A组";
    changed.status = Status::Regular;
    changed.regularSince = Date{2024, 3, 1};
    changed.level = "初级";
    apply(s, UpdateAgent{"王五", changed, 1}, {6000, 0});
    REQUIRE(s.notices.empty());
    CHECK(s.roster[2].group == "售前A组");
    CHECK(s.periods[0].input.agents[2].group == "售后组"); // February keeps its team
    CHECK(s.periods[1].input.agents[2].group == "售前A组");
    CHECK(s.periods[1].input.agents[2].status == Status::Regular);
    CHECK(s.record.audit.back().action == "edit_agent");
    CHECK(s.record.audit.back().detail == "王五: 售后组 → 售前A组, probation → regular, - → 2024-03-01, - → 初级");
    bool found = false;
    for (const auto& a : s.periods[1].results.agents)
        if (a.agent == "王五") found = a.group == "售前A组";
    CHECK(found);
    apply(s, Undo{});
    CHECK(s.periods[1].input.agents[2].group == "售后组");

    changed = s.roster[0];
    changed.name = "张三丰";
    apply(s, UpdateAgent{"张三", changed, 1});
    CHECK(s.periods[0].input.agents[0].name == "张三丰");
    CHECK(s.periods[1].input.agents[0].name == "张三丰");
    changed.name = "李四";
    apply(s, UpdateAgent{"张三丰", changed, 0});
    CHECK(s.notices.back().en == "Agent '李四' is already on the roster");
    apply(s, ClosePeriod{0, ""});
    changed.name = "张君宝";
    apply(s, UpdateAgent{"张三丰", changed, 1});
    CHECK(s.notices.back().en == "张三丰 is in a closed month and cannot be renamed");
    const size_t steps = s.undo.size();
    apply(s, UpdateAgent{"张三丰", s.roster[0], 1}); // no change: no step
    CHECK(s.undo.size() == steps);
}
