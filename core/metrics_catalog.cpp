// The built-in metrics of SCORING.md as data.
#include "metrics.h"

namespace kefu::core {

namespace {
struct Row {
    const char* id; const char* zh; const char* en; Unit unit; Direction dir;
    const char* defZh; const char* defEn; std::vector<std::string> aliases; const char* formula;
};
constexpr auto H = Direction::Higher;
constexpr auto L = Direction::Lower;
constexpr auto N = Direction::Neutral;

const std::vector<Row>& rows() {
    static const std::vector<Row> r = {
        {"receptions", "接待人数", "Receptions", Unit::Count, H, "客服接待的买家人数（按买家-天去重）。", "Buyers served by the agent (distinct buyer-days).", {"接入量", "已接待人数", "有效接待人数"}, ""},
        {"consultations", "咨询人数", "Consultations", Unit::Count, N, "所有发起聊天的买家人数（不是询单人数）。", "Everyone who chatted (not the pre-sales inquiries).", {"聊天人数", "聊天人数(原咨询人数)"}, ""},
        {"inquiries", "询单人数", "Inquiries", Unit::Count, H, "售前询单的买家人数。", "Buyers with a pre-sales inquiry.", {}, ""},
        {"ordered_customers", "下单人数", "Ordered customers", Unit::Count, H, "询单后下单的买家人数。", "Buyers who placed an order after inquiring.", {}, ""},
        {"paid_customers", "付款人数", "Paid customers", Unit::Count, H, "询单后付款的买家人数。", "Buyers who paid after inquiring.", {"成交人数", "销售人数", "最终付款人数", "支付人数"}, ""},
        {"sales_amount", "销售额", "Sales", Unit::Yuan, H, "客服促成的销售额（元）。", "Sales attributed to the agent (yuan).", {"个人业绩", "客服询单支付额"}, ""},
        {"sales_units", "销售量", "Units sold", Unit::Count, H, "客服促成的商品件数。", "Units sold through the agent.", {}, ""},
        {"refund_customers", "退款人数", "Refund customers", Unit::Count, L, "申请退款的买家人数。", "Buyers who asked for a refund.", {}, ""},
        {"replied_customers", "回复人数", "Replied customers", Unit::Count, H, "得到人工回复的买家人数。", "Buyers who got a human reply.", {}, ""},
        {"slow_response_count", "慢响应人数", "Slow responses", Unit::Count, L, "有任何一次响应超过阈值（默认200秒）的买家人数。", "Buyers with any response slower than the threshold (200 s by default).", {"慢接待人数"}, ""},
        {"buyer_messages", "买家消息数", "Buyer messages", Unit::Count, N, "买家发送的消息条数。", "Messages sent by buyers.", {}, ""},
        {"agent_messages", "客服消息数", "Agent messages", Unit::Count, N, "客服发送的消息条数。", "Messages sent by the agent.", {}, ""},
        {"working_days", "出勤天数", "Working days", Unit::Days, N, "本月出勤天数。", "Days worked in the month.", {"客服在线天数"}, ""},
        {"opinions_collected", "客户意见收集", "Opinions collected", Unit::Count, H, "收集并上报的客户意见条数。", "Customer opinions collected and reported.", {}, ""},
        {"low_ratings", "低评数", "Low ratings", Unit::Count, L, "差评/低评条数。", "Bad or low ratings received.", {"有效差评数", "差评数"}, ""},
        {"named_praises", "点名好评数", "Named praises", Unit::Count, H, "买家点名表扬的好评数。", "Good reviews that name the agent.", {}, ""},
        {"complaints", "投诉数", "Complaints", Unit::Count, L, "被投诉次数。", "Complaints received.", {}, ""},
        {"conversion_rate", "询单转化率", "Inquiry conversion", Unit::Fraction, H, "付款人数 ÷ 询单人数。", "Paid customers / inquiries.", {"转化率"}, "paid_customers / inquiries"},
        {"avg_order_value", "客单价", "Average order value", Unit::Yuan, H, "销售额 ÷ 付款人数。", "Sales / paid customers.", {}, "sales_amount / paid_customers"},
        {"reply_rate", "回复率", "Reply rate", Unit::Fraction, H, "回复人数 ÷ 接待人数。", "Replied customers / receptions.", {"旺旺回复率"}, "replied_customers / receptions"},
        {"slow_response_share", "慢响应人数占比", "Slow-response share", Unit::Fraction, L, "慢响应人数 ÷ 接待人数。", "Slow responses / receptions.", {"慢响应占比"}, "slow_response_count / receptions"},
        {"qa_ratio", "答问比", "Answer/question ratio", Unit::Ratio, H, "客服消息数 ÷ 买家消息数。", "Agent messages / buyer messages.", {}, "agent_messages / buyer_messages"},
        {"refund_rate", "退款率", "Refund rate", Unit::Fraction, L, "退款人数 ÷ 下单人数。", "Refund customers / ordered customers.", {}, "refund_customers / ordered_customers"},
        {"avg_response_s", "平均响应时间", "Average response time", Unit::Seconds, L, "买家消息到客服回复的平均时长（秒）。", "Mean time from a buyer message to the agent's reply (seconds).", {"平均响应时长", "平均响应", "平均响应时长(秒)", "平均响应(秒)", "平均响应时间(秒)", "全天平响时长"}, ""},
        {"first_response_s", "首次响应时间", "First response time", Unit::Seconds, L, "会话第一条买家消息到客服首次回复的时长（秒）。", "Time to the first reply of a session (seconds).", {"首次响应时长", "首次响应", "首次响应(秒)", "首次响应时长(秒)", "首次响应秒", "全天首响时长"}, ""},
        {"response_3min_rate", "3分钟响应率", "3-minute response rate", Unit::Fraction, H, "3分钟内回复的买家消息轮次占比。", "Share of buyer turns answered within 3 minutes.", {"3分钟人工响应率", "全天3分钟回复率", "3分钟回复率"}, ""},
        {"online_hours_per_day", "平均日服务时长", "Online hours per day", Unit::Hours, H, "出勤日平均在线服务小时数。", "Mean hours of service per active day.", {}, ""},
        {"daily_avg_receptions", "日均接待", "Daily receptions", Unit::Count, H, "接待人数 ÷ 出勤天数。", "Receptions / working days.", {"日均接待人数"}, "receptions / working_days"},
        {"daily_avg_sales", "日均业绩", "Daily sales", Unit::Yuan, H, "销售额 ÷ 出勤天数。", "Sales / working days.", {"日均销售额"}, "sales_amount / working_days"},
        {"forbidden_phrases", "禁用语次数", "Forbidden phrases", Unit::Count, L, "客服消息中出现禁用语的次数（每条消息每个禁用语计一次，词表可配置）。", "Forbidden phrases in the agent's messages (once per message and phrase; configurable list).", {"禁用语", "禁语次数"}, ""},
        {"compliant_greeting_rate", "合规用语使用率", "Greeting/closing compliance", Unit::Fraction, H, "客服参与的会话中，首条消息含问候语且末条消息含结束语的会话占比。", "Share of the agent's sessions whose first agent message holds a greeting and last one a closing phrase.", {"规范用语使用率", "合规用语率"}, ""},
        {"exam_score", "考试成绩", "Exam score", Unit::Points, H, "月度业务考试成绩（0-100）。", "Monthly product/service exam (0-100).", {"考试分数", "考试"}, ""},
        {"typing_speed", "打字速度", "Typing speed", Unit::PerMinute, H, "打字速度（字/分）。", "Typing speed (characters per minute).", {"打字速度(字/分)"}, ""},
        {"typing_accuracy", "打字正确率", "Typing accuracy", Unit::Fraction, H, "打字测试正确率。", "Typing test accuracy.", {"打字准确率"}, ""},
        {"attitude_score", "服务态度", "Service attitude", Unit::Points, H, "主管评定的服务态度分（0-100）。", "Service attitude rated by the manager (0-100).", {"服务态度分", "态度分"}, ""},
        {"csat", "满意度", "Satisfaction", Unit::Points, H, "买家满意度评分（1-5）。", "Buyer satisfaction (1-5).", {"客户满意度"}, ""},
        {"qa_score", "质检得分", "QA score", Unit::Points, H, "质检抽查得分。", "Quality-assurance review score.", {"质检分"}, ""},
        {"resolution_rate", "问题解决率", "Resolution rate", Unit::Fraction, H, "一次解决的问题占比。", "Share of issues resolved.", {"解决率"}, ""},
        {"avg_handle_time_s", "平均处理时长", "Average handle time", Unit::Seconds, L, "每个会话的平均处理时长（秒）。", "Mean handling time per session (seconds).", {"平均接待时长"}, ""},
        {"comp_team_task", "团队任务", "Team tasks", Unit::Points, H, "综合考评：团队任务（0-30）。", "Composite: team tasks (0-30).", {}, ""},
        {"comp_handover", "交接与完成", "Handover and completion", Unit::Points, H, "综合考评：交接与完成（0-20）。", "Composite: handover and completion (0-20).", {}, ""},
        {"comp_revisit", "回访满意度", "Revisit satisfaction", Unit::Points, H, "综合考评：回访满意度（0-30）。", "Composite: revisit satisfaction (0-30).", {}, ""},
        {"comp_ability", "业务素质", "Business ability", Unit::Points, H, "综合考评：业务素质（0-20）。", "Composite: business ability (0-20).", {}, ""},
        {"checklist_conduct", "日常行为规范评分", "Conduct rating", Unit::Points, H, "定性评分：日常行为规范（0-10）。", "Checklist rating: conduct (0-10).", {"日常行为规范"}, ""},
        {"checklist_chat", "聊天质量评分", "Chat quality rating", Unit::Points, H, "定性评分：聊天质量（0-10）。", "Checklist rating: chat quality (0-10).", {"聊天质量"}, ""},
        {"checklist_execution", "执行力评分", "Execution rating", Unit::Points, H, "定性评分：执行力（0-10）。", "Checklist rating: execution (0-10).", {"执行力"}, ""},
    };
    return r;
}
} // namespace

const Catalog& Catalog::builtin() {
    static const Catalog catalog = [] {
        Catalog c;
        for (const Row& r : rows()) {
            MetricDef d;
            d.id = r.id; d.zh = r.zh; d.en = r.en; d.unit = r.unit; d.direction = r.dir;
            d.definitionZh = r.defZh; d.definitionEn = r.defEn; d.formula = r.formula;
            d.aliases = r.aliases;
            d.aliases.insert(d.aliases.begin(), r.zh);
            auto added = c.addCustom(std::move(d));
            (void)added; // built-in rows are checked by the catalog test
        }
        for (auto& d : c.m_defs) d.builtin = true;
        return c;
    }();
    return catalog;
}

} // namespace kefu::core
