// Flag labels and severities (flag_text.h).
#include "flag_text.h"

#include <algorithm>
#include <iterator>

namespace kefu::core {

namespace {
const FlagLabel kFlags[] = {
    {"winning_group", {"获胜组", "winning group"}},
    {"missing", {"缺数据", "missing"}},
    {"re_exam", {"需补考", "re-exam"}},
    {"exam_fail", {"考试不及格", "exam failed"}},
    {"exam_last", {"考试垫底", "last in exam"}},
    {"lose_regularization", {"取消转正资格", "loses regularization"}},
    {"typing_below_minimum", {"打字未达标", "typing below minimum"}},
    {"stage_pending", {"未满7天", "under 7 days"}},
    {"stage_fail", {"阶段未通过", "stage failed"}},
    {"may_advance", {"可继续考察", "may advance"}},
    {"consider_dismissal", {"考虑劝退", "consider dismissal"}},
    {"attitude_review_needed", {"需评定态度", "attitude review needed"}},
    {"eligible_for_regularization", {"可转正", "eligible for regularization"}},
    {"dsr_warning", {"DSR预警", "DSR warning"}},
    {"composite_below_60", {"综合分低于60", "composite below 60"}},
    {"dismissal_risk", {"辞退风险", "dismissal risk"}},
    {"composite_first", {"综合第一", "composite first"}},
    {"pool_undistributed", {"提成未分配", "pool undistributed"}},
    {"withhold_salary", {"扣发工资", "withhold salary"}},
    {"auto_resign", {"视为自动离职", "treated as resigned"}},
    {"level_not_eligible", {"级别不符", "level not eligible"}},
    {"low_confidence", {"低置信", "low confidence"}},
};
const FlagLabel kArgs[] = {
    {"efficiency", {"效率", "efficiency"}},
    {"ability", {"能力", "ability"}},
    {"attitude", {"态度", "attitude"}},
};

// The page colours only the first eight as warnings; a printed report also counts what the
// handbooks call a warning or a failure (DSR 预警, a failed stage or exam, composite < 60).
const char* const kWarnings[] = {"dismissal_risk",
                                 "consider_dismissal",
                                 "re_exam",
                                 "lose_regularization",
                                 "withhold_salary",
                                 "auto_resign",
                                 "level_not_eligible",
                                 "typing_below_minimum",
                                 "dsr_warning",
                                 "stage_fail",
                                 "exam_fail",
                                 "composite_below_60"};
const char* const kToDos[] = {"attitude_review_needed", "eligible_for_regularization"};

const Msg* find(std::span<const FlagLabel> table, std::string_view id) {
    for (const auto& f : table)
        if (id == f.id) return &f.label;
    return nullptr;
}

bool listed(const char* const* begin, const char* const* end, std::string_view head) {
    return std::any_of(begin, end, [&](const char* f) { return head == f; });
}
} // namespace

std::span<const FlagLabel> flagLabels() { return kFlags; }
std::span<const FlagLabel> flagArgLabels() { return kArgs; }

FlagSeverity flagSeverity(std::string_view flag) {
    const std::string_view head = flag.substr(0, flag.find(':'));
    if (listed(std::begin(kWarnings), std::end(kWarnings), head)) return FlagSeverity::Warning;
    if (listed(std::begin(kToDos), std::end(kToDos), head)) return FlagSeverity::ToDo;
    return FlagSeverity::Info;
}

std::string flagArgLabel(std::string_view flag, Lang lang) {
    const size_t colon = flag.find(':');
    if (colon == std::string_view::npos) return {};
    const std::string arg(flag.substr(colon + 1));
    if (const Msg* dimension = find(kArgs, arg)) return lang == Lang::Zh ? dimension->zh : dimension->en;
    const IText2 metric = metricLabel(arg); // its id when it is no metric
    return lang == Lang::Zh ? metric.zh().str() : metric.en().str();
}

std::string flagLabel(std::string_view flag, Lang lang) {
    const size_t colon = flag.find(':');
    const Msg* head = find(kFlags, flag.substr(0, colon));
    if (!head) return std::string(flag);
    const char* label = lang == Lang::Zh ? head->zh : head->en;
    if (colon == std::string_view::npos) return label;
    return label + std::string(lang == Lang::Zh ? "：" : ": ") + flagArgLabel(flag, lang);
}

} // namespace kefu::core
