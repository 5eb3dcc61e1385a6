// Appeals (core/appeals.h, core/app_appeals.cpp): filing, deciding, the accepted value applied as
// one logged and undoable adjustment sourced to the appeal, closed months refused, snapshots and
// merges keeping them.
#include "app_fixtures.h"
#include "helpers.h"
#include "merge.h"
#include "shop_state.h"

using namespace kefu::test;

namespace {
Appeal onMetric(const char* agent, const char* metric, double requested, const char* reason = "漏记了两单") {
    Appeal a;
    a.agent = agent;
    a.metric = metric;
    a.requested = requested;
    a.reason = reason;
    return a;
}

const Appeal& only(const AppState& s, int period) {
    REQUIRE(s.periods[size_t(period)].appeals.size() == 1);
    return s.periods[size_t(period)].appeals[0];
}
} // namespace

TEST_CASE("appeals: filed on a metric, accepted with another value: one logged, undoable adjustment") {
    auto s = appShop();
    apply(s, FileAppeal{1, onMetric("张三", "paid_customers", 190)}, {2000, 5});
    const Appeal& filed = only(s, 1);
    CHECK(filed.status == AppealStatus::Pending);
    CHECK(*filed.current == doctest::Approx(180));
    CHECK(filed.filedBy == "张三"); // nobody named: the agent files it
    CHECK(filed.filedAt == 2000);
    CHECK_FALSE(filed.id.empty());
    CHECK(*cellValue(s, 1, "张三", "paid_customers") == doctest::Approx(180)); // filing changes no number
    CHECK(s.record.audit.back().action == "file_appeal");
    CHECK(s.record.audit.back().detail == "2024-03 / 张三 / paid_customers: 180 → 190 (张三): 漏记了两单");

    const auto steps = s.undo.size();
    apply(s, DecideAppeal{1, filed.id, true, 185, "核实后补 5 单"}, {2100, 6});
    const Appeal& decided = only(s, 1);
    CHECK(decided.status == AppealStatus::Accepted);
    CHECK(*decided.decidedValue == doctest::Approx(185));
    CHECK(decided.decidedBy == "王经理");
    CHECK(*cellValue(s, 1, "张三", "paid_customers") == doctest::Approx(185));
    const auto& src = s.periods[1].sources.at(sourceKey("张三", "paid_customers"));
    CHECK(src == Provenance{Origin::Appeal, "appeal", decided.id, 0});
    CHECK(s.record.audit.back().action == "accept_appeal");
    CHECK(s.record.audit.back().detail == "2024-03 / 张三 / paid_customers: 180 → 185: 核实后补 5 单");
    CHECK(s.undo.size() == steps + 1);
    // Recomputed: the DSR rule of the shop's scheme read the new value.
    const auto& lines = resultOf(s.periods[1], "张三")->breakdown;
    CHECK(std::any_of(lines.begin(), lines.end(), [](const BreakdownLine& b) {
        return b.metric.str() == "paid_customers" && b.value && *b.value == 185;
    }));

    apply(s, Undo{}, {2200, 7});
    CHECK(*cellValue(s, 1, "张三", "paid_customers") == doctest::Approx(180));
    CHECK(only(s, 1).status == AppealStatus::Pending);
    CHECK(s.periods[1].sources.count(sourceKey("张三", "paid_customers")) == 0);
}

TEST_CASE("appeals: rejected with a reason leaves the number; a decision needs a reason and happens once") {
    auto s = appShop();
    apply(s, FileAppeal{1, onMetric("李四", "avg_response_s", 20, "系统延迟")}, {2000, 5});
    const std::string id = only(s, 1).id;
    apply(s, DecideAppeal{1, id, false, std::nullopt, "  "}, {2001, 6});
    CHECK(only(s, 1).status == AppealStatus::Pending);
    CHECK(s.notices.back().zh.find("处理理由") != std::string::npos);
    apply(s, DecideAppeal{1, id, false, std::nullopt, "日志显示正常"}, {2002, 7});
    CHECK(only(s, 1).status == AppealStatus::Rejected);
    CHECK(only(s, 1).decisionReason == "日志显示正常");
    CHECK(*cellValue(s, 1, "李四", "avg_response_s") == doctest::Approx(25));
    CHECK(s.record.audit.back().action == "reject_appeal");
    apply(s, DecideAppeal{1, id, true, 20, "改主意"}, {2003, 8});
    CHECK(only(s, 1).status == AppealStatus::Rejected);
    CHECK(s.notices.back().en.find("already been decided") != std::string::npos);
}

TEST_CASE("appeals: bad appeals are refused with the reason") {
    auto s = appShop();
    const auto steps = s.undo.size();
    apply(s, FileAppeal{1, onMetric("赵六", "paid_customers", 1)}, {2000, 5});
    CHECK(s.notices.back().zh.find("赵六") != std::string::npos);
    apply(s, FileAppeal{1, onMetric("张三", "no_such_metric", 1)}, {2001, 5});
    CHECK(s.notices.back().en.find("No metric") != std::string::npos);
    apply(s, FileAppeal{1, onMetric("张三", "paid_customers", 180)}, {2002, 5});
    CHECK(s.notices.back().en.find("same as the current") != std::string::npos);
    apply(s, FileAppeal{1, onMetric("张三", "paid_customers", 181, " ")}, {2003, 5});
    CHECK(s.notices.back().en.find("reason") != std::string::npos);
    apply(s, FileAppeal{7, onMetric("张三", "paid_customers", 181)}, {2004, 5});
    CHECK(s.periods[1].appeals.empty());
    CHECK(s.undo.size() == steps);
}

TEST_CASE("appeals: an event's count, accepted with the requested value") {
    auto s = appShop();
    Event e;
    e.agent = "王五";
    e.date = *parseDate("2024-03-12");
    e.kind = "complaint";
    e.count = 2;
    apply(s, AddEvent{1, e}, {2000, 5});
    REQUIRE(s.periods[1].input.events.size() == 1);
    Appeal a;
    a.agent = "王五";
    a.eventDate = e.date;
    a.eventKind = "complaint";
    a.field = "count";
    a.requested = 1;
    a.reason = "同一买家投诉了两次";
    a.filedBy = "王五";
    apply(s, FileAppeal{1, a}, {2001, 6});
    CHECK(*only(s, 1).current == doctest::Approx(2));
    apply(s, DecideAppeal{1, only(s, 1).id, true, std::nullopt, "合并为一次"}, {2002, 7});
    CHECK(s.periods[1].input.events[0].count == 1);
    CHECK(s.record.audit.back().detail == "2024-03 / 王五 / 2024-03-12 complaint / count: 2 → 1: 合并为一次");
    a.requested = 0.5; // a count is whole and at least 1
    apply(s, FileAppeal{1, a}, {2003, 8});
    CHECK(s.periods[1].appeals.size() == 1);
}

TEST_CASE("appeals: a closed month refuses new appeals and decisions") {
    auto s = appShop();
    apply(s, FileAppeal{1, onMetric("张三", "paid_customers", 190)}, {2000, 5});
    const std::string id = only(s, 1).id;
    apply(s, ClosePeriod{1, "三月结算"}, {2001, 6});
    REQUIRE(s.periods[1].closed);
    const auto steps = s.undo.size();
    apply(s, FileAppeal{1, onMetric("李四", "paid_customers", 160)}, {2002, 7});
    CHECK(s.notices.back().zh == "2024-03 已结算，不能再提出或处理申诉；如需处理请先重新打开");
    apply(s, DecideAppeal{1, id, true, 190, "同意"}, {2003, 8});
    CHECK(s.notices.back().en.find("is closed") != std::string::npos);
    CHECK(only(s, 1).status == AppealStatus::Pending);
    CHECK(*cellValue(s, 1, "张三", "paid_customers") == doctest::Approx(180));
    CHECK(s.undo.size() == steps);
}

TEST_CASE("appeals: kept by snapshots (format 3) and by merges") {
    auto s = appShop();
    apply(s, FileAppeal{1, onMetric("张三", "paid_customers", 190)}, {2000, 5});
    apply(s, DecideAppeal{1, only(s, 1).id, true, std::nullopt, "同意"}, {2001, 6});
    apply(s, FileAppeal{1, onMetric("李四", "paid_customers", 155, "少算")}, {2002, 7});
    auto again = reopened(s);
    REQUIRE(again.periods.size() == 2);
    CHECK(again.periods[1].appeals == s.periods[1].appeals);
    CHECK(*cellValue(again, 1, "张三", "paid_customers") == doctest::Approx(190));
    CHECK(again.periods[1].sources.at(sourceKey("张三", "paid_customers")).origin == Origin::Appeal);
    // Format 2 has no appeals: they are left out, the rest loads.
    auto v2 = decodeSnapshot(encodeSnapshot(s.record, 2));
    REQUIRE(v2.ok());
    CHECK(v2->periods[1].appeals.empty());

    // Two copies: each files an appeal of its own; the merge keeps both.
    AppState a = reopened(s), b = reopened(s);
    a.managerName = b.managerName = "王经理";
    apply(a, FileAppeal{1, onMetric("王五", "paid_customers", 35, "A 的申诉")}, {3000, 8});
    apply(b, FileAppeal{1, onMetric("王五", "sales_amount", 13000, "B 的申诉")}, {3001, 9});
    auto merged = mergeShops(a.record, b.record, Prefer::None, 4000, "王经理");
    REQUIRE(merged.ok());
    CHECK(merged->conflicts.empty());
    const auto& appeals = merged->merged.periods[1].appeals;
    REQUIRE(appeals.size() == 4);
    CHECK(appeals[2].appeal.reason == "A 的申诉");
    CHECK(appeals[3].appeal.reason == "B 的申诉");
}
