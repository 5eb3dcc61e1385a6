#include "event_kinds.h"

namespace kefu::core {

const std::vector<EventKindInfo>& eventKinds() {
    using G = EventGroup;
    static const std::vector<EventKindInfo> kinds = {
        {"complaint", "客户投诉", "Customer complaint", G::Fine},
        {"missed_handover", "未做交接", "Missed handover", G::Fine},
        {"missed_weekly_report", "未交周报", "Missed weekly report", G::Fine},
        {"off_task", "上班做与工作无关的事", "Off task at work", G::Fine},
        {"missed_cleaning", "未做值日", "Missed cleaning duty", G::Fine},
        {"data_leak", "泄露店铺数据", "Data leak", G::Fine},
        {"late", "迟到", "Late", G::Attendance},
        {"early_leave", "早退", "Left early", G::Attendance},
        {"absence", "旷工", "Absence", G::Attendance},
        {"leave", "请假", "Leave", G::Attendance},
        {"add_top_workload", "工作量第一", "Top workload", G::Addition},
        {"add_full_exam", "考试满分", "Full marks in the exam", G::Addition},
        {"add_cover_shift", "顶班", "Covered a shift", G::Addition},
        {"add_extra_work", "额外工作", "Extra work", G::Addition},
        {"add_zero_complaints", "零投诉", "Zero complaints", G::Addition},
        {"add_suggestion", "合理化建议", "Suggestion adopted", G::Addition},
        {"violation_light", "轻微违规", "Light violation", G::Deduction},
        {"violation_medium", "一般违规", "Medium violation", G::Deduction},
        {"violation_severe", "严重违规", "Severe violation", G::Deduction},
        {"attitude_good", "态度评审：合格", "Attitude review: good", G::Attitude},
        {"attitude_bad", "态度评审：不合格", "Attitude review: bad", G::Attitude},
    };
    return kinds;
}

Text2 eventKindLabel(std::string_view kind) {
    for (const auto& k : eventKinds())
        if (kind == k.id) return {k.zh, k.en};
    static const struct { std::string_view prefix; const char* zh; const char* en; } checks[] = {
        {"check_good:", "加分项：", "Checklist plus: "},
        {"check_bad:", "减分项：", "Checklist minus: "},
        {"check_na:", "不适用：", "Checklist n/a: "},
    };
    for (const auto& c : checks)
        if (kind.substr(0, c.prefix.size()) == c.prefix) {
            const std::string_view id = kind.substr(c.prefix.size());
            const ChecklistItemInfo* item = findChecklistItem(id);
            return {c.zh + std::string(item ? item->zh : id), c.en + std::string(item ? item->en : id)};
        }
    return {std::string(kind), std::string(kind)};
}

Text2 eventGroupLabel(EventGroup g) {
    switch (g) {
    case EventGroup::Fine: return {"罚款", "Fines"};
    case EventGroup::Attendance: return {"考勤", "Attendance"};
    case EventGroup::Addition: return {"加分", "Additions"};
    case EventGroup::Deduction: return {"扣分", "Deductions"};
    case EventGroup::Attitude: return {"态度评审", "Attitude review"};
    case EventGroup::Checklist: return {"检查项", "Checklist"};
    case EventGroup::Scheme: return {"方案自定义", "Defined by the scheme"};
    }
    return {"", ""};
}

const std::vector<ChecklistItemInfo>& checklistItems() {
    using C = ChecklistCategory;
    static const std::vector<ChecklistItemInfo> items = {
        {"on_time", "按时上下班", "On time for shifts", C::Conduct},
        {"rules", "遵守公司制度", "Follows company rules", C::Conduct},
        {"cooperate", "配合上级安排", "Cooperates with assignments", C::Conduct},
        {"help", "主动帮助同事", "Helps colleagues", C::Conduct},
        {"no_distraction", "不玩微信抖音游戏", "No phone, video or games at work", C::Conduct},
        {"no_chatter", "不聊无关内容", "No off-topic chat", C::Conduct},
        {"polite", "热情专业礼貌", "Warm, professional, polite", C::Chat},
        {"accurate", "及时准确完整", "Timely, accurate, complete answers", C::Chat},
        {"upsell", "引导下单", "Guides to order, raises order value", C::Chat},
        {"aftersales", "有效处理售后", "Handles complaints and returns", C::Chat},
        {"phrases", "开头语结束语", "Proper opening and closing phrases", C::Chat},
        {"typos", "无错别字", "No typos", C::Chat},
        {"tasks", "完成任务", "Completes tasks", C::Execution},
        {"learning", "主动学习", "Learns actively", C::Execution},
        {"feedback", "及时反馈", "Reports problems promptly", C::Execution},
        {"adapt", "灵活应对", "Handles the unexpected", C::Execution},
        {"improve", "创新改进", "Improves the work", C::Execution},
    };
    return items;
}

const ChecklistItemInfo* findChecklistItem(std::string_view id) {
    for (const auto& i : checklistItems())
        if (id == i.id) return &i;
    return nullptr;
}

Text2 checklistCategoryLabel(ChecklistCategory c) {
    switch (c) {
    case ChecklistCategory::Conduct: return {"日常行为规范", "Daily conduct"};
    case ChecklistCategory::Chat: return {"聊天质量", "Chat quality"};
    case ChecklistCategory::Execution: return {"执行力", "Execution"};
    }
    return {"", ""};
}

} // namespace kefu::core
