#include "helpers.h"

using namespace kefu::test;

namespace {
double score(const AgentResult& a, const std::string& key) {
    auto it = a.scores.find(key);
    REQUIRE(it != a.scores.end());
    return it->second;
}

bool explains(const AgentResult& a, const std::string& text, Lang lang = Lang::Zh) {
    for (const auto& b : a.breakdown)
        if (b.why.format(lang) == text) return true;
    return false;
}

std::vector<std::string> warnings(const Results& r) {
    std::vector<std::string> out;
    for (const auto& w : r.warnings) out.push_back(w.format(Lang::En));
    return out;
}

const char* kDefault = R"({"id":"t","rules":[{"id":"r1","type":"checklist"}]})";
// Two small categories; on_time is a critical item. Labels default to those of the preset's ids.
const char* kCritical = R"({"id":"t","rules":[{"id":"c","type":"checklist","params":{"categories":[
  {"id":"conduct","items":[{"id":"on_time","critical":true},{"id":"help"}]},
  {"id":"chat","label":{"zh":"聊天","en":"Chat"},"items":[{"id":"polite"},{"id":"typos"}]}]}}]})";
} // namespace

TEST_CASE("checklist: preset base 5 per category, 15 with no events, probation included") {
    Period p;
    p.agent("a", "外包组", Status::Regular);
    p.agent("b", "外包组", Status::Probation);
    auto r = p.runPreset("outsourcing-checklist");
    for (const char* n : {"a", "b"}) {
        const auto& x = byName(r, n);
        CHECK(x.score == 15.0);
        CHECK(x.rank == 1);
        CHECK(score(x, "r1.conduct") == 5.0);
        CHECK(score(x, "r1.chat") == 5.0);
        CHECK(score(x, "r1.execution") == 5.0);
        CHECK(x.flags.empty());
    }
}

TEST_CASE("checklist: +1/-1 per event, Event::count multiplies, ties rank 1,1,3") {
    Period p;
    p.agent("甲", "g", Status::Regular);
    p.agent("乙", "g", Status::Regular);
    p.agent("丙", "g", Status::Regular);
    p.event("甲", "2024-03-05", "check_good:help", 3);
    p.event("甲", "2024-03-06", "check_bad:typos");
    p.event("甲", "2024-03-07", "check_good:tasks");
    p.event("甲", "2024-03-08", "check_good:learning");
    p.event("乙", "2024-03-05", "check_good:on_time", 2);
    p.event("乙", "2024-03-05", "check_good:rules");
    p.event("乙", "2024-03-06", "check_good:improve");
    p.event("丙", "2024-03-06", "check_bad:feedback", 2);
    auto r = p.runPreset("outsourcing-checklist");
    const auto& a = byName(r, "甲");
    CHECK(score(a, "r1.conduct") == 8.0);
    CHECK(score(a, "r1.chat") == 4.0);
    CHECK(score(a, "r1.execution") == 7.0);
    CHECK(a.score == 19.0);
    CHECK(explains(a, "主动帮助同事：加分 3 次 × 1，扣分 0 次 × 1，计 3"));
    CHECK(explains(a, "日常行为规范：5 + 3 × 1 − 0 × 1 = 8"));
    CHECK(explains(a, "checklist total 8 + 4 + 7 = 19", Lang::En));
    CHECK(byName(r, "乙").score == 19.0);
    CHECK(a.rank == 1);
    CHECK(byName(r, "乙").rank == 1);
    CHECK(byName(r, "丙").score == 13.0);
    CHECK(byName(r, "丙").rank == 3);
}

TEST_CASE("checklist: each category is clamped to [0, 10]") {
    Period p;
    p.agent("乙", "g", Status::Regular);
    p.event("乙", "2024-03-07", "check_bad:on_time", 8);
    p.event("乙", "2024-03-07", "check_good:polite", 7);
    auto r = p.runPreset("outsourcing-checklist");
    const auto& a = byName(r, "乙");
    CHECK(score(a, "r1.conduct") == 0.0);
    CHECK(score(a, "r1.chat") == 10.0);
    CHECK(a.score == 15.0);
    CHECK(explains(a, "日常行为规范：-3 超出 0-10，计 0"));
    CHECK(explains(a, "Chat quality: 12 is outside 0-10, counted as 10", Lang::En));
}

TEST_CASE("checklist: the +0/-0.5 variant") {
    Period p;
    p.agent("a", "g", Status::Regular);
    p.event("a", "2024-03-05", "check_good:help", 3);
    p.event("a", "2024-03-05", "check_bad:rules", 3);
    p.event("a", "2024-03-06", "check_bad:polite");
    auto r =
        p.run(R"({"id":"t","rules":[{"id":"r1","type":"checklist","params":{"good_points":0,"bad_points":0.5}}]})");
    const auto& a = byName(r, "a");
    CHECK(score(a, "r1.conduct") == 3.5);
    CHECK(score(a, "r1.chat") == 4.5);
    CHECK(a.score == 13.0);
    CHECK(explains(a, "日常行为规范：5 + 3 × 0 − 3 × 0.5 = 3.5"));
}

TEST_CASE("checklist: a failed critical item zeroes its category after clamping") {
    Period p;
    p.agent("fail", "g", Status::Regular);
    p.agent("na", "g", Status::Regular);
    p.agent("good", "g", Status::Regular);
    p.event("fail", "2024-03-03", "check_bad:on_time");
    p.event("fail", "2024-03-03", "check_good:help", 10); // 5 - 1 + 10 = 14 → 10 → 0
    p.event("fail", "2024-03-04", "check_good:polite");
    p.event("na", "2024-03-03", "check_na:on_time");
    p.event("na", "2024-03-03", "check_bad:on_time"); // N/A wins: not counted, not a failure
    p.event("good", "2024-03-03", "check_good:on_time");
    auto r = p.run(kCritical);
    const auto& f = byName(r, "fail");
    CHECK(score(f, "c.conduct") == 0.0);
    CHECK(score(f, "c.chat") == 6.0);
    CHECK(f.score == 6.0);
    CHECK(explains(f, "Daily conduct: critical item \"On time for shifts\" failed, the category scores 0", Lang::En));
    CHECK(score(byName(r, "na"), "c.conduct") == 5.0);
    CHECK(explains(byName(r, "na"), "按时上下班：不适用（N/A），不计分；忽略 1 条加减分事件"));
    CHECK(score(byName(r, "good"), "c.conduct") == 6.0);
    CHECK(byName(r, "good").rank == 1);
}

TEST_CASE("checklist: N/A items are left out; alone they change nothing") {
    Period p;
    p.agent("a", "g", Status::Regular);
    p.event("a", "2024-03-05", "check_na:upsell");
    p.event("a", "2024-03-05", "check_good:upsell", 2);
    p.event("a", "2024-03-05", "check_na:tasks");
    auto r = p.runPreset("outsourcing-checklist");
    const auto& a = byName(r, "a");
    CHECK(score(a, "r1.chat") == 5.0);
    CHECK(score(a, "r1.execution") == 5.0);
    CHECK(a.score == 15.0);
    CHECK(explains(a,
                   "Guides to order, raises order value: not applicable (N/A), not counted; 2 good/bad events ignored",
                   Lang::En));
    CHECK(explains(a, "完成任务：不适用（N/A），不计分"));
}

TEST_CASE("checklist: unknown item ids are warned once and ignored; events outside the period too") {
    Period p;
    p.agent("丙", "g", Status::Regular);
    p.event("丙", "2024-03-07", "check_good:nosuch");
    p.event("丙", "2024-03-08", "check_good:nosuch", 2);
    p.event("丙", "2024-04-01", "check_good:help");
    auto r = p.runPreset("outsourcing-checklist");
    CHECK(byName(r, "丙").score == 15.0);
    auto w = warnings(r);
    CHECK(std::count(w.begin(), w.end(),
                     "rule r1: event check_good:nosuch of 丙 names no checklist item and was ignored") == 1);
    CHECK(w.size() == 2); // and the April event
}

TEST_CASE("checklist: rating mode reads 0-10 ratings per category") {
    Period p;
    p.agent("a", "g", Status::Regular,
            {{"checklist_conduct", 8}, {"checklist_chat", 9.5}, {"checklist_execution", 7.25}});
    p.agent("b", "g", Status::Probation, {{"checklist_conduct", 12}, {"checklist_chat", 6}});
    p.event("a", "2024-03-05", "check_good:help", 5); // events do not move ratings
    auto r = p.run(R"({"id":"t","rules":[{"id":"r1","type":"checklist","params":{"mode":"rating"}}]})");
    const auto& a = byName(r, "a");
    CHECK(score(a, "r1.conduct") == 8.0);
    CHECK(score(a, "r1.chat") == 9.5);
    CHECK(a.score == 24.75);
    const auto& b = byName(r, "b");
    CHECK(score(b, "r1.conduct") == 10.0);
    CHECK(score(b, "r1.execution") == 0.0);
    CHECK(hasFlag(b, "missing:checklist_execution"));
    CHECK(b.score == 16.0);
    CHECK(b.rank == 2);
}

TEST_CASE("checklist: rating mode still zeroes a category on a failed critical item") {
    Period p;
    p.agent("a", "g", Status::Regular, {{"checklist_conduct", 9}, {"checklist_chat", 9}});
    p.event("a", "2024-03-05", "check_bad:on_time");
    auto r = p.run(R"({"id":"t","rules":[{"id":"c","type":"checklist","params":{"mode":"rating","categories":[
      {"id":"conduct","items":[{"id":"on_time","critical":true}]},
      {"id":"chat","rating_metric":"checklist_chat","items":[{"id":"polite"}]}]}}]})");
    CHECK(score(byName(r, "a"), "c.conduct") == 0.0);
    CHECK(byName(r, "a").score == 9.0);
}

TEST_CASE("checklist: the preset spells out the code defaults") {
    Period p;
    p.agent("a", "g", Status::Regular);
    p.event("a", "2024-03-05", "check_good:no_chatter", 2);
    p.event("a", "2024-03-05", "check_bad:aftersales");
    p.event("a", "2024-03-05", "check_na:adapt");
    auto preset = p.runPreset("outsourcing-checklist");
    auto code = p.run(kDefault);
    const auto& x = byName(preset, "a");
    const auto& y = byName(code, "a");
    CHECK(x.scores == y.scores);
    REQUIRE(x.breakdown.size() == y.breakdown.size());
    for (size_t i = 0; i < x.breakdown.size(); ++i)
        CHECK(x.breakdown[i].why.format(Lang::En) == y.breakdown[i].why.format(Lang::En));
    CHECK(x.score == 16.0);
}

TEST_CASE("checklist: validation lists every problem at once") {
    auto problems = schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"checklist","params":{
      "mode":"stars","bad_points":-1,"typo":0,
      "categories":[{"id":"a","rating_metric":"no_such_metric","items":[{"id":"x"},{"id":"y"},{"label":{"zh":"无编号"}}]},
                    {"id":"a","items":[{"id":"x","critical":"yes"}]}]}}]})");
    CHECK(problems.find("'stars' is not one of: plus_minus, rating") != std::string::npos);
    CHECK(problems.find("bad_points: a negative amount is not allowed") != std::string::npos);
    CHECK(problems.find("unknown parameter 'typo'") != std::string::npos);
    CHECK(problems.find("unknown metric 'no_such_metric'") != std::string::npos);
    CHECK(problems.find("items[2]: missing 'id'") != std::string::npos);
    CHECK(problems.find("category id 'a' is used twice") != std::string::npos);
    CHECK(problems.find("item id 'x' is used twice") != std::string::npos);
    CHECK(problems.find("critical: expected true or false") != std::string::npos);
    CHECK(problems.find("line 2") != std::string::npos);
    auto rating = schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"checklist","params":{"mode":"rating",
      "categories":[{"id":"custom","items":[]}]}}]})");
    CHECK(rating.find("rating mode needs 'rating_metric' for category 'custom'") != std::string::npos);
    CHECK(schemeProblems(R"({"id":"t","rules":[{"id":"r1","type":"checklist","params":{"categories":[]}}]})")
              .find("no categories") != std::string::npos);
    CHECK(schemeProblems(kDefault).empty());
}
