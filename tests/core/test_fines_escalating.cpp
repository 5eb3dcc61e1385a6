#include "helpers.h"

using namespace kefu::test;

namespace {
const char* kFines = R"({"id":"t","rules":[{"id":"f","type":"fines_escalating"}]})";

std::vector<int64_t> fines(const AgentResult& a) {
    std::vector<int64_t> out;
    for (const auto& m : a.money)
        if (m.kind == MoneyKind::Fine) out.push_back(m.amountFen);
    return out;
}

std::vector<std::string> whys(const AgentResult& a, Lang lang = Lang::Zh) {
    std::vector<std::string> out;
    for (const auto& m : a.money) out.push_back(m.why.format(lang));
    for (const auto& b : a.breakdown) out.push_back(b.why.format(lang));
    return out;
}

bool said(const AgentResult& a, const std::string& text, Lang lang = Lang::Zh) {
    auto w = whys(a, lang);
    return std::find(w.begin(), w.end(), text) != w.end();
}
} // namespace

TEST_CASE("fines_escalating: complaints 100, 200, then no fine and dismissal_risk, in date order") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.event("A", "2024-03-20", "complaint");
    p.event("A", "2024-03-02", "complaint");
    p.event("A", "2024-03-11", "complaint");
    auto r = p.run(kFines);
    const auto& a = byName(r, "A");
    CHECK(fines(a) == std::vector<int64_t>{-10000, -20000});
    CHECK(hasFlag(a, "dismissal_risk"));
    CHECK(a.money[0].why.format(Lang::Zh) == "第1次投诉：罚款 100 元");
    CHECK(a.money[1].why.format(Lang::Zh) == "第2次投诉：罚款 200 元");
    CHECK(a.money[1].why.format(Lang::En) == "complaint #2: fine 200 yuan");
    CHECK(said(a, "第3次投诉：不再罚款"));
    CHECK(said(a, "第3次投诉：标记 dismissal_risk"));
    CHECK(r.fundTotalFen == 30000);
}

TEST_CASE("fines_escalating: two complaints are not a dismissal risk") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.event("A", "2024-03-02", "complaint", 2);
    auto r = p.run(kFines);
    CHECK(fines(byName(r, "A")) == std::vector<int64_t>{-10000, -20000});
    CHECK_FALSE(hasFlag(byName(r, "A"), "dismissal_risk"));
}

TEST_CASE("fines_escalating: count=3 gives three escalating lines") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.event("A", "2024-03-05", "missed_handover", 3);
    auto r = p.run(kFines);
    CHECK(fines(byName(r, "A")) == std::vector<int64_t>{-3000, -5000, -8000});
    CHECK(byName(r, "A").flags.empty());
}

TEST_CASE("fines_escalating: missed handovers: the 4th withholds salary, the 5th on also auto-resigns") {
    Period p;
    p.agent("four", "g", Status::Regular);
    p.agent("six", "g", Status::Probation);
    p.event("four", "2024-03-01", "missed_handover", 2);
    p.event("four", "2024-03-09", "missed_handover", 2);
    p.event("six", "2024-03-01", "missed_handover", 6);
    auto r = p.run(kFines);
    const auto& four = byName(r, "four");
    const auto& six = byName(r, "six");
    CHECK(fines(four) == std::vector<int64_t>{-3000, -5000, -8000});
    CHECK(hasFlag(four, "withhold_salary"));
    CHECK_FALSE(hasFlag(four, "auto_resign"));
    CHECK(fines(six) == std::vector<int64_t>{-3000, -5000, -8000});
    CHECK(six.flags == std::vector<std::string>{"withhold_salary", "auto_resign"});
    CHECK(said(six, "第5次未交接：标记 auto_resign"));
}

TEST_CASE("fines_escalating: weekly reports 50, 100, 200, then the same two flags") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.event("A", "2024-03-01", "missed_weekly_report", 5);
    auto r = p.run(kFines);
    CHECK(fines(byName(r, "A")) == std::vector<int64_t>{-5000, -10000, -20000});
    CHECK(hasFlag(byName(r, "A"), "withhold_salary"));
    CHECK(hasFlag(byName(r, "A"), "auto_resign"));
}

TEST_CASE("fines_escalating: flat fines per occurrence, kinds counted separately") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.event("A", "2024-03-01", "off_task", 3);
    p.event("A", "2024-03-02", "missed_cleaning", 2);
    p.event("A", "2024-03-03", "data_leak");
    p.event("A", "2024-03-04", "complaint");
    p.event("A", "2024-03-05", "late"); // not a fine kind
    auto r = p.run(kFines);
    const auto& a = byName(r, "A");
    CHECK(fines(a) == std::vector<int64_t>{-5000, -5000, -5000, -5000, -5000, -15000, -10000});
    CHECK(a.totalFen() == -50000);
    CHECK(r.fundTotalFen == 50000);
    CHECK(a.money[5].why.format(Lang::Zh) == "第1次泄露公司数据：罚款 150 元");
}

TEST_CASE("fines_escalating: events outside the period are ignored with a warning") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.event("A", "2024-02-28", "complaint");
    p.event("A", "2024-04-01", "complaint");
    p.event("A", "2024-03-31", "complaint");
    auto r = p.run(kFines);
    CHECK(fines(byName(r, "A")) == std::vector<int64_t>{-10000});
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].format(Lang::En) == "event A on 2024-02-28 (complaint) is outside the period and was ignored");
    CHECK(findRuleType("fines_escalating")->needsPeriod);
}

TEST_CASE("fines_escalating: a custom table replaces the default one") {
    Period p;
    p.agent("A", "g", Status::Regular);
    p.event("A", "2024-03-01", "complaint", 3);
    p.event("A", "2024-03-01", "off_task", 4);
    p.event("A", "2024-03-01", "data_leak");
    auto r = p.run(R"({"id":"t","rules":[{"id":"f","type":"fines_escalating","params":{"kinds":{
        "complaint": {"amounts": [10, 20.5], "after": "repeat_last", "flags": {"talk_needed": 2}},
        "off_task": {"label": {"zh": "摸鱼", "en": "slacking"}, "amounts": [5, 6], "after": "none"}}}}]})");
    const auto& a = byName(r, "A");
    CHECK(fines(a) == std::vector<int64_t>{-1000, -2050, -2050, -500, -600}); // data_leak dropped
    CHECK(hasFlag(a, "talk_needed"));
    CHECK(said(a, "第3次摸鱼：不再罚款"));
    CHECK(said(a, "slacking #4: no further fine", Lang::En));
}

TEST_CASE("fines_escalating: no events, no lines; the preset loads") {
    Period p;
    p.agent("A", "g", Status::Regular);
    auto r = p.runPreset("fines-escalating");
    CHECK(byName(r, "A").money.empty());
    CHECK(r.fundTotalFen == 0);
}

TEST_CASE("fines_escalating: validation") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"f","type":"fines_escalating","params":{"kinds":{
        "complaint": {"amounts": [100, -200], "after": "forever", "flags": {"x": 0}, "typo": 1},
        "off_task": 50}}}]})");
    CHECK(problems.find("kinds.complaint.amounts: amounts are numbers >= 0") != std::string::npos);
    CHECK(problems.find("kinds.complaint.after: 'forever' is not one of: repeat_last, none") != std::string::npos);
    CHECK(problems.find("kinds.complaint.flags.x: an occurrence number starts at 1") != std::string::npos);
    CHECK(problems.find("unknown parameter 'typo'") != std::string::npos);
    CHECK(problems.find("kinds.off_task: expected an object") != std::string::npos);
}
