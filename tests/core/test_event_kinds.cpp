// core/event_kinds.cpp: every listed kind is one the inputs accept, and the checklist items are
// the ones the checklist rule scores (each moves its category by one point, with no warning).
#include "event_kinds.h"
#include "helpers.h"
#include "input.h"

using namespace kefu::test;

TEST_CASE("event kinds: every fixed kind is accepted and labelled in both languages") {
    for (const auto& k : eventKinds()) {
        INFO(k.id);
        CHECK(isKnownEventKind(k.id, {}));
        const Text2 label = eventKindLabel(k.id);
        CHECK(label.zh == k.zh);
        CHECK(label.en == k.en);
    }
    CHECK(eventKindLabel("my_own_fine").zh == "my_own_fine");
    CHECK(eventGroupLabel(EventGroup::Checklist).zh == "检查项");
}

TEST_CASE("event kinds: checklist items carry labels; check_* kinds are labelled by their item") {
    REQUIRE(checklistItems().size() == 17);
    int perCategory[3] = {};
    for (const auto& i : checklistItems()) ++perCategory[int(i.category)];
    CHECK(perCategory[0] == 6);
    CHECK(perCategory[1] == 6);
    CHECK(perCategory[2] == 5);
    CHECK(eventKindLabel("check_good:on_time").zh == "加分项：按时上下班");
    CHECK(eventKindLabel("check_bad:typos").en == "Checklist minus: No typos");
    CHECK(eventKindLabel("check_na:nosuch").zh == "不适用：nosuch");
    CHECK(findChecklistItem("upsell")->category == ChecklistCategory::Chat);
    CHECK_FALSE(findChecklistItem("nosuch"));
    CHECK(checklistCategoryLabel(ChecklistCategory::Execution).zh == "执行力");
}

TEST_CASE("event kinds: each checklist item is one the checklist rule scores") {
    Period p;
    for (const auto& i : checklistItems()) {
        p.agent(i.id, "g", Status::Regular);
        p.event(i.id, "2024-03-05", std::string("check_good:") + i.id);
    }
    auto r = p.runPreset("outsourcing-checklist");
    CHECK(r.warnings.empty());
    const char* keys[] = {"r1.conduct", "r1.chat", "r1.execution"};
    for (const auto& i : checklistItems()) {
        INFO(i.id);
        const auto& a = byName(r, i.id);
        CHECK(a.score == 16.0);
        auto it = a.scores.find(keys[int(i.category)]);
        REQUIRE(it != a.scores.end());
        CHECK(it->second == 6.0);
    }
}
