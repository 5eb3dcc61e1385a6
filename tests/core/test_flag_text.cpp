// Flag labels: the same words as the page (assets/i18n), arguments named (a metric, a DSR
// dimension), unknown flags shown as they are; severities for the report's counts.
#include <doctest/doctest.h>

#include <algorithm>

#include "flag_text.h"
#include "i18n_files.h"

using namespace kefu::core;
using kefu::test::readI18n;

namespace {
// Every "<prefix><id>" key of the page's translations has the table's label, and the reverse.
void checkTable(std::span<const FlagLabel> table, const std::string& prefix, const Json& zh, const Json& en) {
    for (const auto& f : table) {
        INFO(prefix << f.id);
        const Json *z = zh.find(prefix + f.id), *e = en.find(prefix + f.id);
        REQUIRE(z);
        REQUIRE(e);
        CHECK(z->asString() == f.label.zh);
        CHECK(e->asString() == f.label.en);
    }
    for (const auto& member : zh.members()) { // no structured binding: doctest's macro captures it (em++)
        const std::string& key = member.first;
        if (key.rfind(prefix, 0) != 0) continue;
        const std::string id = key.substr(prefix.size());
        CHECK_MESSAGE(std::any_of(table.begin(), table.end(), [&](const FlagLabel& f) { return id == f.id; }),
                      "the page labels a flag the report does not: " << key);
    }
}
} // namespace

TEST_CASE("flag labels are the page's") {
    const Json zh = readI18n("zh"), en = readI18n("en");
    checkTable(flagLabels(), "flag.", zh, en);
    checkTable(flagArgLabels(), "flag_arg.", zh, en);
}

TEST_CASE("flag labels name their argument; unknown flags stay as they are") {
    CHECK(flagLabel("dismissal_risk", Lang::Zh) == "辞退风险");
    CHECK(flagLabel("dismissal_risk", Lang::En) == "dismissal risk");
    CHECK(flagLabel("dsr_warning:ability", Lang::Zh) == "DSR预警：能力");
    CHECK(flagLabel("dsr_warning:ability", Lang::En) == "DSR warning: ability");
    CHECK(flagLabel("missing:exam_score", Lang::Zh) == "缺数据：" + metricLabel("exam_score").zh().str());
    CHECK(flagLabel("missing:exam_score", Lang::En) == "missing: " + metricLabel("exam_score").en().str());
    CHECK(flagLabel("missing:my_metric", Lang::En) == "missing: my_metric"); // a scheme's metric: its id
    CHECK(flagArgLabel("missing:exam_score", Lang::Zh) == metricLabel("exam_score").zh().str());
    CHECK(flagArgLabel("dsr_warning:attitude", Lang::Zh) == "态度");
    CHECK(flagArgLabel("dismissal_risk", Lang::En).empty());
    CHECK(flagLabel("my_flag", Lang::Zh) == "my_flag");
    CHECK(flagLabel("my_flag:x", Lang::En) == "my_flag:x");
}

TEST_CASE("flag severities") {
    for (const char* f : {"dismissal_risk", "consider_dismissal", "dsr_warning:attitude", "stage_fail", "auto_resign"})
        CHECK(flagSeverity(f) == FlagSeverity::Warning);
    for (const char* f : {"attitude_review_needed", "eligible_for_regularization"})
        CHECK(flagSeverity(f) == FlagSeverity::ToDo);
    for (const char* f : {"winning_group", "missing:exam_score", "composite_first", "my_flag", "dismissal"})
        CHECK(flagSeverity(f) == FlagSeverity::Info);
}
