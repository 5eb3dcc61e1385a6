// Flags as people read them: "missing:exam_score" -> "缺数据：考试成绩" / "missing: Exam score", and
// how urgent each is. The labels are those of the page (assets/i18n flag.* keys; a test keeps
// them equal), here so that documents made outside the page (the monthly report) say the same.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "explain.h"

namespace kefu::core {

// Warning: the manager must act on the agent (dismissal risk, failed stage, DSR warning ...);
// ToDo: a decision the app asks for (attitude review, regularization); Info: the rest.
enum class FlagSeverity : uint8_t { Warning, ToDo, Info };
FlagSeverity flagSeverity(std::string_view flag);

// The label in one language; a flag the table does not know (a scheme's own) comes back as it is.
std::string flagLabel(std::string_view flag, Lang lang);
// The part after ':' as people read it: a DSR dimension, else a metric's label ("missing:exam_score"
// -> "考试成绩"), else as it is; empty when the flag has no ':'.
std::string flagArgLabel(std::string_view flag, Lang lang);

// The known flag heads (before ':') and their labels, for the consistency test with the page.
struct FlagLabel {
    const char* id;
    Msg label;
};
std::span<const FlagLabel> flagLabels();
std::span<const FlagLabel> flagArgLabels(); // the <dimension> of dsr_warning:<dimension>

} // namespace kefu::core
