// The event kinds of SCORING.md with their labels, grouped as the events list shows them
// (fines, attendance, additions, deductions, attitude, checklist items), and a label for any kind.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "explain.h"

namespace kefu::core {

enum class EventGroup : uint8_t { Fine, Attendance, Addition, Deduction, Attitude, Checklist, Scheme };

struct EventKindInfo {
    const char* id;
    const char* zh;
    const char* en;
    EventGroup group;
};

// The fixed kinds, in the order a picker lists them.
const std::vector<EventKindInfo>& eventKinds();
// "投诉" / "Complaint"; check_good:<item> as "加分项：按时上下班" (an unknown item by its id); a
// scheme's own kind as itself.
Text2 eventKindLabel(std::string_view kind);
Text2 eventGroupLabel(EventGroup g);

// The items of the checklist rule (SCORING.md rule 7) that check_good:/check_bad:/check_na: name,
// in the preset's order, with their category.
enum class ChecklistCategory : uint8_t { Conduct, Chat, Execution };
struct ChecklistItemInfo {
    const char* id;
    const char* zh;
    const char* en;
    ChecklistCategory category;
};
const std::vector<ChecklistItemInfo>& checklistItems();
const ChecklistItemInfo* findChecklistItem(std::string_view id);
Text2 checklistCategoryLabel(ChecklistCategory c);

} // namespace kefu::core
