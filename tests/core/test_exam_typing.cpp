#include "helpers.h"

using namespace kefu::test;

namespace {
// Feeds one period's results to the next as history, as `--history` does with a result file.
void pastFrom(Period& p, const Results& r) {
    HistoryPeriod hp;
    hp.period = parseMonth(r.period);
    for (const auto& a : r.agents) {
        HistoryAgent ha;
        ha.id = a.id;
        ha.name = a.agent;
        ha.flags = a.flags;
        hp.agents.push_back(ha);
    }
    p.history.push_back(hp);
}

// The exam part alone: typing metrics absent would add missing flags, so tests that look at the
// exact flag list give typing values that meet every minimum.
size_t examinee(Period& p, const std::string& name, const std::string& group, Status s, std::optional<double> exam) {
    size_t i = p.agent(name, group, s, {{"typing_speed", 90}, {"typing_accuracy", 0.95}});
    if (exam) p.set(name, "exam_score", *exam);
    p.at(name).regularSince = parseDate("2024-01-01");
    return i;
}

std::vector<std::string> flags(const Results& r, const std::string& name) { return byName(r, name).flags; }
using Flags = std::vector<std::string>;
} // namespace

// Typing tests give everyone the same exam score (so everyone is also exam_last, ties all last);
// they look at the typing flags only.
Flags typingFlags(const Results& r, const std::string& name) {
    Flags out;
    for (const auto& f : flags(r, name))
        if (f != "exam_last") out.push_back(f);
    return out;
}

TEST_CASE("exam_typing: exam reward at 95 (regular bonus 100, probation bounty 50)") {
    Period p;
    examinee(p, "reg95", "g", Status::Regular, 95);
    examinee(p, "pro95", "g", Status::Probation, 95);
    examinee(p, "reg94", "g", Status::Regular, 94.999999);
    examinee(p, "reg~95", "g", Status::Regular, 94.9999996); // rounds to 95
    auto r = p.runPreset("exam-typing");
    CHECK(moneyOf(byName(r, "reg95"), MoneyKind::Bonus) == 10000);
    CHECK(moneyOf(byName(r, "pro95"), MoneyKind::Bounty) == 5000);
    CHECK(moneyOf(byName(r, "pro95"), MoneyKind::Bonus) == 0);
    CHECK(byName(r, "reg94").money.empty());
    CHECK(moneyOf(byName(r, "reg~95"), MoneyKind::Bonus) == 10000);
    CHECK(byName(r, "reg95").money[0].why.format(Lang::Zh) == "考试成绩 95 ≥ 95：转正客服奖励 100 元");
    CHECK(byName(r, "pro95").money[0].why.format(Lang::En) == "exam score 95 >= 95: probation agent reward 50 yuan");
}

TEST_CASE("exam_typing: fail below 60; a missing exam is not a fail") {
    Period p;
    examinee(p, "top", "g", Status::Regular, 80);
    examinee(p, "fail", "g", Status::Regular, 59.9);
    examinee(p, "pass60", "g", Status::Regular, 60);
    examinee(p, "none", "g", Status::Regular, std::nullopt);
    auto r = p.runPreset("exam-typing");
    CHECK(flags(r, "fail") == Flags{"exam_fail", "exam_last"});
    CHECK(flags(r, "pass60").empty());
    CHECK(flags(r, "none") == Flags{"missing:exam_score"});
    CHECK(flags(r, "top").empty());
    CHECK(byName(r, "none").breakdown.at(0).why.format(Lang::En) ==
          "no exam score: not a fail, not compared in the group");
}

TEST_CASE("exam_typing: last = lowest in the group; ties are all last; groups are separate") {
    Period p;
    examinee(p, "a90", "A", Status::Regular, 90);
    examinee(p, "a70", "A", Status::Regular, 70);
    examinee(p, "a70b", "A", Status::Probation, 70);
    examinee(p, "b85", "B", Status::Regular, 85);
    examinee(p, "b99", "B", Status::Regular, 99);
    auto r = p.runPreset("exam-typing");
    CHECK(flags(r, "a90").empty());
    CHECK(flags(r, "a70") == Flags{"exam_last"});
    CHECK(flags(r, "a70b") == Flags{"exam_last"});
    CHECK(flags(r, "b85") == Flags{"exam_last"});
    CHECK(flags(r, "b99").empty());
    const auto& last = byName(r, "a70").breakdown;
    CHECK(std::any_of(last.begin(), last.end(), [](const BreakdownLine& b) {
        return b.why.format(Lang::En) == "exam score 70 is the lowest in the group (highest 90)";
    }));
}

TEST_CASE("exam_typing: last = lowest in the group, ties all last, a group of one included") {
    Period p;
    examinee(p, "solo", "alone", Status::Regular, 30);
    examinee(p, "t1", "tied", Status::Regular, 80);
    examinee(p, "t2", "tied", Status::Regular, 80.0000001);
    examinee(p, "one", "sparse", Status::Regular, 50);
    examinee(p, "blank", "sparse", Status::Regular, std::nullopt);
    auto r = p.runPreset("exam-typing");
    CHECK(flags(r, "solo") == Flags{"exam_fail", "exam_last"});
    CHECK(flags(r, "t1") == Flags{"exam_last"});
    CHECK(flags(r, "t2") == Flags{"exam_last"}); // 80.0000001 rounds to 80: a tie
    CHECK(flags(r, "one") == Flags{"exam_fail", "exam_last"});
    CHECK(flags(r, "blank") == Flags{"missing:exam_score"});
}

TEST_CASE("exam_typing: two periods in a row (fail or last) from history flags") {
    Period p("2024-03");
    examinee(p, "regFail", "A", Status::Regular, 50);
    examinee(p, "proFail", "A", Status::Probation, 55);
    examinee(p, "regLast", "B", Status::Regular, 70);
    examinee(p, "top", "B", Status::Regular, 90);
    examinee(p, "proLast", "C", Status::Probation, 65);
    examinee(p, "c2", "C", Status::Regular, 90);
    examinee(p, "mixed", "D", Status::Regular, 61); // last now, failed (not last) before: no streak
    examinee(p, "d2", "D", Status::Regular, 90);
    examinee(p, "recovered", "E", Status::Regular, 80); // failed before, passes now
    examinee(p, "e2", "E", Status::Regular, 70); // last of E
    examinee(p, "freshFail", "F", Status::Regular, 40); // fails now, was only last before: no streak
    examinee(p, "f2", "F", Status::Regular, 30); // last of F
    p.past("2024-02", {{"regFail", {"exam_fail"}},
                       {"proFail", {"exam_fail", "exam_last"}},
                       {"regLast", {"exam_last"}},
                       {"proLast", {"exam_last"}},
                       {"mixed", {"exam_fail"}},
                       {"recovered", {"exam_fail", "exam_last"}},
                       {"freshFail", {"exam_last"}}});
    auto r = p.runPreset("exam-typing");
    CHECK(flags(r, "regFail") == Flags{"exam_fail", "exam_last", "re_exam"});
    CHECK(flags(r, "proFail") == Flags{"exam_fail", "lose_regularization"});
    CHECK(flags(r, "regLast") == Flags{"exam_last", "re_exam"});
    CHECK(flags(r, "proLast") == Flags{"exam_last", "lose_regularization"});
    CHECK(flags(r, "mixed") == Flags{"exam_last"});
    CHECK(flags(r, "recovered").empty());
    CHECK(flags(r, "freshFail") == Flags{"exam_fail"});
    const auto& b = byName(r, "regFail").breakdown;
    CHECK(std::any_of(b.begin(), b.end(), [](const BreakdownLine& l) {
        return l.why.format(Lang::En) == "failed the exam this period and the previous one → re_exam";
    }));
}

TEST_CASE("exam_typing: only the previous period counts; absent agents and gaps start over") {
    Period p("2024-03");
    examinee(p, "gap", "A", Status::Regular, 40);
    examinee(p, "new", "A", Status::Regular, 90);
    p.past("2024-01", {{"gap", {"exam_fail"}}, {"new", {"exam_fail"}}}); // January, not February
    auto r = p.runPreset("exam-typing");
    CHECK(flags(r, "gap") == Flags{"exam_fail", "exam_last"});
    p.past("2024-02", {{"someone_else", {"exam_fail"}}});
    auto r2 = p.runPreset("exam-typing");
    CHECK(flags(r2, "gap") == Flags{"exam_fail", "exam_last"});
}

TEST_CASE("exam_typing: a streak carried through real results, period after period") {
    auto month = [](const char* m, double exam) {
        Period p(m);
        examinee(p, "X", "A", Status::Regular, exam);
        examinee(p, "Y", "A", Status::Regular, 90);
        return p;
    };
    Period jan = month("2024-01", 50);
    auto rJan = jan.runPreset("exam-typing");
    CHECK(flags(rJan, "X") == Flags{"exam_fail", "exam_last"});
    Period feb = month("2024-02", 58);
    pastFrom(feb, rJan);
    auto rFeb = feb.runPreset("exam-typing");
    CHECK(flags(rFeb, "X") == Flags{"exam_fail", "exam_last", "re_exam"});
    Period mar = month("2024-03", 75); // passes, but still last after last in February
    pastFrom(mar, rJan);
    pastFrom(mar, rFeb);
    auto rMar = mar.runPreset("exam-typing");
    CHECK(flags(rMar, "X") == Flags{"exam_last", "re_exam"});
    Period apr = month("2024-04", 95); // X 95 above Y 90: Y is last now, for the first time
    pastFrom(apr, rMar);
    auto rApr = apr.runPreset("exam-typing");
    CHECK(flags(rApr, "X").empty());
    CHECK(flags(rApr, "Y") == Flags{"exam_last"});
    CHECK(moneyOf(byName(rApr, "X"), MoneyKind::Bonus) == 10000);
}

TEST_CASE("exam_typing: typing reward needs speed 100 with accuracy 0.90") {
    Period p;
    p.agent("reg", "g", Status::Regular, {{"typing_speed", 100}, {"typing_accuracy", 0.90}, {"exam_score", 80}});
    p.agent("pro", "g", Status::Probation, {{"typing_speed", 130}, {"typing_accuracy", 0.97}, {"exam_score", 80}});
    p.agent("slow", "g", Status::Regular, {{"typing_speed", 99.99}, {"typing_accuracy", 0.99}, {"exam_score", 80}});
    p.agent("sloppy", "g", Status::Regular, {{"typing_speed", 150}, {"typing_accuracy", 0.899}, {"exam_score", 80}});
    p.agent("noacc", "g", Status::Probation, {{"typing_speed", 150}, {"exam_score", 80}});
    for (const char* n : {"reg", "slow", "sloppy"}) p.at(n).regularSince = parseDate("2024-01-01");
    auto r = p.runPreset("exam-typing");
    CHECK(moneyOf(byName(r, "reg"), MoneyKind::Bonus) == 10000);
    CHECK(byName(r, "reg").money[0].why.format(Lang::En) ==
          "typing speed 100 >= 100 with accuracy 0.9 >= 0.9: regular agent reward 100 yuan");
    CHECK(moneyOf(byName(r, "pro"), MoneyKind::Bounty) == 5000);
    CHECK(byName(r, "slow").money.empty());
    CHECK(byName(r, "sloppy").money.empty());
    CHECK(byName(r, "noacc").money.empty());
    CHECK(typingFlags(r, "noacc") == Flags{"missing:typing_accuracy"});
    CHECK(typingFlags(r, "reg").empty());
}

TEST_CASE("exam_typing: typing minimum, probation 60") {
    Period p;
    p.agent("p59", "g", Status::Probation, {{"typing_speed", 59.9}, {"typing_accuracy", 0.9}, {"exam_score", 80}});
    p.agent("p60", "g", Status::Probation, {{"typing_speed", 60}, {"typing_accuracy", 0.9}, {"exam_score", 80}});
    p.agent("none", "g", Status::Probation, {{"exam_score", 80}});
    auto r = p.runPreset("exam-typing");
    CHECK(typingFlags(r, "p59") == Flags{"typing_below_minimum"});
    CHECK(typingFlags(r, "p60").empty());
    CHECK(typingFlags(r, "none") == Flags{"missing:typing_speed", "missing:typing_accuracy"}); // no test, not "below"
    const auto& b = byName(r, "p59").breakdown.back();
    CHECK(b.why.format(Lang::Zh) == "试用期打字最低要求 60 字/分：打字速度 59.9，低于最低要求");
}

TEST_CASE("exam_typing: regular typing minimum 70 under 182 days, 80 from 182 days") {
    Period p("2024-03");
    auto regular = [&](const char* name, double speed, const char* since, const char* hire) {
        p.agent(name, "g", Status::Regular, {{"typing_speed", speed}, {"typing_accuracy", 0.9}, {"exam_score", 80}});
        if (since) p.at(name).regularSince = parseDate(since);
        if (hire) p.at(name).hireDate = parseDate(hire);
    };
    regular("d181", 75, "2023-10-02", nullptr); // 181 days: minimum 70
    regular("d182", 75, "2023-10-01", nullptr); // 182 days: minimum 80
    regular("d182ok", 80, "2023-10-01", nullptr);
    regular("d181low", 69.9, "2023-10-02", nullptr);
    regular("hire181", 75, nullptr, "2023-07-04");        // regular since hire + 90 = 2023-10-02
    regular("hire182", 75, nullptr, "2023-07-03");        // hire + 90 = 2023-10-01
    regular("sinceWins", 75, "2024-03-01", "2020-01-01"); // regular_since given: hire date ignored
    regular("nodates", 10, nullptr, nullptr);
    auto r = p.runPreset("exam-typing");
    CHECK(typingFlags(r, "d181").empty());
    CHECK(typingFlags(r, "d182") == Flags{"typing_below_minimum"});
    CHECK(typingFlags(r, "d182ok").empty());
    CHECK(typingFlags(r, "d181low") == Flags{"typing_below_minimum"});
    CHECK(typingFlags(r, "hire181").empty());
    CHECK(typingFlags(r, "hire182") == Flags{"typing_below_minimum"});
    CHECK(typingFlags(r, "sinceWins").empty());
    CHECK(typingFlags(r, "nodates") == Flags{"missing:regular_since"});
    CHECK(byName(r, "d182").breakdown.back().why.format(Lang::En) ==
          "regular for 182 days (from 2023-10-01, ≥ 182 days): typing minimum 80 per minute: speed 75, below the "
          "minimum");
    CHECK(byName(r, "hire181").breakdown.back().why.format(Lang::Zh) ==
          "转正 181 天（自 2023-10-02 = 入职 2023-07-04 + 90 天，< 182 天），打字最低要求 70 字/分：打字速度 75，达标");
    CHECK(byName(r, "sinceWins").breakdown.back().why.format(Lang::Zh) ==
          "转正 30 天（自 2024-03-01，< 182 天），打字最低要求 70 字/分：打字速度 75，达标");
}

TEST_CASE("exam_typing: stacks with target_bonus (an exam of 96 earns both +100)") {
    Period p;
    examinee(p, "A", "g", Status::Regular, 96);
    auto r = p.run(R"({"id":"t","rules":[
        {"id":"targets","type":"target_bonus","params":{"targets":[{"id":"exam","all":[{"metric":"exam_score","op":">=","value":95}]}]}},
        {"id":"exam","type":"exam_typing"}]})");
    const auto& a = byName(r, "A");
    CHECK(moneyOf(a, MoneyKind::Bonus, "targets") == 10000);
    CHECK(moneyOf(a, MoneyKind::Bonus, "exam") == 10000);
    CHECK(a.totalFen() == 20000);
}

TEST_CASE("exam_typing: custom params, scope, empty input, no period") {
    Period p;
    examinee(p, "A", "售前A组", Status::Regular, 85);
    examinee(p, "B", "售后组", Status::Regular, 10);
    auto r = p.run(R"({"id":"t","rules":[{"id":"e","type":"exam_typing","scope":{"groups":["售前A组"]},
        "params":{"exam":{"reward_min":85,"regular_amount":12.345},"typing":{"reward_speed":90,"regular_amount":0}}}]})");
    CHECK(moneyOf(byName(r, "A"), MoneyKind::Bonus) == 1235); // 1234.5 fen rounds half away from zero
    CHECK(byName(r, "A").money.size() == 1);                  // typing reward of 0 yuan: no line
    CHECK(byName(r, "B").flags.empty());
    CHECK(byName(r, "B").breakdown.empty());

    Period empty;
    auto re = empty.runPreset("exam-typing");
    CHECK(re.agents.empty());
    CHECK(re.warnings.empty());

    Period noPeriod;
    examinee(noPeriod, "A", "g", Status::Regular, 10);
    noPeriod.input.period.reset();
    auto rn = noPeriod.runPreset("exam-typing");
    CHECK(byName(rn, "A").flags.empty());
    REQUIRE(rn.warnings.size() == 1);
    CHECK(rn.warnings[0].format(Lang::En) == "rule r1: no period given, it cannot be computed");
    CHECK(findRuleType("exam_typing")->needsPeriod);
    CHECK_FALSE(findRuleType("exam_typing")->producesScore);
}

TEST_CASE("exam_typing: validation lists every problem") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"e","type":"exam_typing","params":{
        "exam":{"reward_min":50,"fail_below":60,"regular_amount":-1,"bonus":1},
        "typing":{"reward_accuracy":90,"senior_after_days":-5,"regular_after_hire_days":1.5,"min_regular":-70},
        "extra":1}}]})");
    INFO(problems);
    CHECK(problems.find("exam.fail_below: fail_below is above reward_min") != std::string::npos);
    CHECK(problems.find("exam.regular_amount: a negative amount is not allowed") != std::string::npos);
    CHECK(problems.find("exam.bonus: unknown parameter 'bonus'") != std::string::npos);
    CHECK(problems.find("typing.reward_accuracy: accuracy is a fraction (0.90 = 90%)") != std::string::npos);
    CHECK(problems.find("typing.senior_after_days: a number of days cannot be negative") != std::string::npos);
    CHECK(problems.find("typing.regular_after_hire_days: expected a whole number") != std::string::npos);
    CHECK(problems.find("typing.min_regular: a negative amount is not allowed") != std::string::npos);
    CHECK(problems.find("extra: unknown parameter 'extra'") != std::string::npos);
    CHECK(problems.find("line 2") != std::string::npos);
    CHECK(std::count(problems.begin(), problems.end(), '\n') == 8);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"e","type":"exam_typing","params":{"exam":3}}]})")
              .find("exam: expected an object") != std::string::npos);
}
