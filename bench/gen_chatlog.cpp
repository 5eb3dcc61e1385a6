// Deterministic generator of a shop's month of chat logs and orders in the canonical CSV layouts
// (docs/chatlog-metrics.md), for the chat-log benchmarks. The same size always gives the same bytes.
//
// Usage: gen_chatlog MESSAGES.csv ORDERS.csv MEGABYTES
// Writes messages until MESSAGES.csv holds at least MEGABYTES * 10^6 bytes (whole sessions), then
// orders for the buyers it served. March 2024, 72 agents of two shops' teams plus the robot 店小蜜,
// sticky routing of returning buyers, transfers between agents, robot and system rows, after-sales
// sessions (kind 售后), Chinese texts with commas, quotes and line breaks (quoted), greetings,
// closings and now and then a forbidden phrase, busy daytime hours and a quieter night.
// Times inside a session strictly increase, and every session names a human agent on a buyer or
// agent row (the SQL peers order by (session, time) and need no tie rule).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "date.h"
#include "random.h"

using namespace kefu::core;

namespace {
constexpr int kAgents = 72;
const char* kTeams[] = {"售前", "售后", "夜班"};
const char* kNames[] = {"小美", "小雪", "阿杰", "晓峰", "莉莉", "云朵", "安琪", "子涵", "思远", "可乐", "橙子", "大白"};

const char* kBuyerText[] = {
    "在吗", "这款有现货吗，今天能发货吗？", "请问M码和L码有什么区别", "\"包邮\"吗，偏远地区也包吗",
    "我的快递三天了还没动, 怎么回事", "能便宜一点吗，买两件", "收到的颜色不对，想换货",
    "好的谢谢", "发票怎么开？\n抬头写公司名", "尺码表在哪里看，身高170体重65公斤穿什么码",
    "退款什么时候到账", "你们是正品吗", "👍", "这个和链接里的\"旗舰款\"是一样的吗？",
};
const char* kAgentText[] = {
    "您稍等，我帮您查一下", "有现货的哦，下午四点前付款当天发", "M码适合身高160-168, L码168-175",
    "偏远地区需要补运费，新疆、西藏除外", "已经帮您催促快递了，请耐心等待", "满两件可以享受九五折哦",
    "非常抱歉，给您带来不便，\n我们这边马上给您补发", "好的，已经为您备注", "发票在订单详情里申请，\"电子发票\"即开即得",
    "退款一般1-3个工作日原路退回", "我们是品牌官方旗舰店，100%正品", "这个不知道呢，我问一下仓库",
};
const char* kGreeting[] = {"亲，您好，很高兴为您服务", "您好，欢迎光临，有什么可以帮您的", "亲，在的呢"};
const char* kClosing[] = {"感谢您的支持，祝您生活愉快", "好的亲，再见", "祝您生活愉快，有问题随时找我哦"};
const char* kRobotText[] = {"您好，我是智能助理店小蜜，请问有什么可以帮您？", "猜您想问：\n1. 什么时候发货\n2. 怎么退换货",
                            "人工客服正在赶来，请稍候"};

using Rng = SplitMix64;

struct Out {
    FILE* f;
    std::string buf;
    uint64_t written = 0;
    void flush() { std::fwrite(buf.data(), 1, buf.size(), f); written += buf.size(); buf.clear(); }
    void maybeFlush() { if (buf.size() > (size_t(8) << 20)) flush(); }
    uint64_t size() const { return written + buf.size(); }
};

// A CSV field: quoted when it holds a comma, quote or line break; quotes doubled.
void field(std::string& o, const char* s) {
    if (!std::strpbrk(s, ",\"\n\r")) { o += s; return; }
    o += '"';
    for (const char* p = s; *p; ++p) {
        if (*p == '"') o += '"';
        o += *p;
    }
    o += '"';
}

void timeText(std::string& o, int64_t t) {
    Date d = civilFromDays(t / 86400);
    char b[24];
    int n = std::snprintf(b, sizeof b, "%04d-%02d-%02d %02d:%02d:%02d", int(d.year), int(d.month), int(d.day), int(t % 86400 / 3600),
                          int(t % 3600 / 60), int(t % 60));
    o.append(b, size_t(n));
}

std::string agentName(int a) {
    char b[64];
    std::snprintf(b, sizeof b, "%s-%s%02d", kTeams[a % 3], kNames[a % 12], a);
    return b;
}
std::string buyerName(uint64_t b) {
    static const char* pre[] = {"tb", "jd_", "快乐的", "小", "user"};
    char s[48];
    std::snprintf(s, sizeof s, "%s%07llu", pre[b % 5], (unsigned long long)(b * 2654435761ull % 10000000));
    return s;
}

enum Role { kBuyer, kAgent, kRobot, kSystem };
const char* kRoleNames[] = {"buyer", "agent", "robot", "system"};

struct Row {
    std::string* o;
    const std::string* session;
    const std::string* buyer;
    const char* kind;
    void put(int64_t t, Role r, const std::string& agent, const char* text) {
        std::string& s = *o;
        s += *session; s += ',';
        timeText(s, t); s += ',';
        s += kRoleNames[r]; s += ',';
        s += agent; s += ',';
        s += *buyer; s += ',';
        field(s, text); s += ',';
        s += kind; s += '\n';
    }
};

// Seconds into the day of a session start: most between 09:00 and 23:00, some at night.
int64_t startSecond(Rng& rng) {
    static const int weight[24] = {3, 2, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 12, 13, 15, 15, 14, 12, 11, 13, 16, 17, 12, 6};
    int total = 0;
    for (int w : weight) total += w;
    int x = rng.below(total), h = 0;
    while (x >= weight[h]) x -= weight[h++];
    return int64_t(h) * 3600 + rng.below(3600);
}

// A reply delay: mostly fast, a tail of slow ones (over 180 and 200 s) and a few very slow.
int64_t replyDelay(Rng& rng) {
    int p = rng.below(100);
    if (p < 70) return 3 + rng.below(60);
    if (p < 88) return 60 + rng.below(140);
    if (p < 97) return 180 + rng.below(420);
    return 600 + rng.below(3000);
}

struct Order {
    uint64_t buyer;
    int agent; // -1: attributed from the chats
    int64_t created;
};

void writeOrders(FILE* f, const std::vector<Order>& orders, Rng& rng) {
    Out o{f, {}};
    o.buf = "order_id,buyer,agent,created,paid,amount,refund_amount,refund_time\n";
    char b[64];
    for (size_t i = 0; i < orders.size(); ++i) {
        const Order& x = orders[i];
        std::snprintf(b, sizeof b, "%llu", (unsigned long long)(2024030100000000ull + i * 7919));
        o.buf += b; o.buf += ',';
        o.buf += buyerName(x.buyer); o.buf += ',';
        if (x.agent >= 0) o.buf += agentName(x.agent);
        o.buf += ',';
        timeText(o.buf, x.created); o.buf += ',';
        const bool paid = rng.below(100) < 85;
        if (paid) timeText(o.buf, x.created + 30 + rng.below(1800));
        o.buf += ',';
        const int64_t fen = 1990 + int64_t(rng.below(400000));
        std::snprintf(b, sizeof b, "%lld.%02lld", (long long)(fen / 100), (long long)(fen % 100));
        if (fen >= 100000) { // "1,234.50": quoted, as spreadsheets write thousands
            std::snprintf(b, sizeof b, "\"%lld,%03lld.%02lld\"", (long long)(fen / 100000), (long long)(fen / 100 % 1000),
                          (long long)(fen % 100));
        }
        o.buf += b; o.buf += ',';
        if (paid && rng.below(100) < 6) {
            std::snprintf(b, sizeof b, "%lld.%02lld", (long long)(fen / 200), (long long)(fen / 2 % 100));
            o.buf += b; o.buf += ',';
            timeText(o.buf, x.created + 86400 + rng.below(86400));
        } else {
            o.buf += ',';
        }
        o.buf += '\n';
        o.maybeFlush();
    }
    o.flush();
}
} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: gen_chatlog MESSAGES.csv ORDERS.csv MEGABYTES\n");
        return 2;
    }
    const uint64_t target = std::strtoull(argv[3], nullptr, 10) * 1000000ull;
    FILE* mf = std::fopen(argv[1], "wb");
    FILE* of = std::fopen(argv[2], "wb");
    if (!mf || !of || target == 0) {
        std::fprintf(stderr, "gen_chatlog: cannot write %s / %s or bad size %s\n", argv[1], argv[2], argv[3]);
        return 2;
    }
    Rng rng{20240301};
    Out out{mf, {}};
    out.buf = "session_id,time,role,agent,buyer,text,kind\n";
    std::vector<std::string> agents;
    for (int a = 0; a < kAgents; ++a) agents.push_back(agentName(a));
    const std::string robot = "店小蜜", none;
    const int64_t monthStart = daysFromCivil({2024, 3, 1}) * 86400;
    // Buyers: a pool that grows with the file, so big files have many buyers and returning ones.
    const uint64_t buyers = target / 2000 + 100;
    std::vector<Order> orders;
    std::string session, buyer;
    char b[64];
    uint64_t messages = 0;
    for (uint64_t s = 0; out.size() < target; ++s) {
        const uint64_t by = rng.next() % buyers;
        // Returning buyers mostly reach the agent who served them before (platform routing).
        int agent = rng.below(10) < 8 ? int(by * 0x9E3779B97F4A7C15ull >> 40) % kAgents : rng.below(kAgents);
        std::snprintf(b, sizeof b, "%llu", (unsigned long long)(88000000000ull + s * 13));
        session = b;
        buyer = buyerName(by);
        const bool afterSales = rng.below(100) < 22;
        const char* kind = afterSales ? "售后" : (rng.below(2) ? "售前" : "");
        Row row{&out.buf, &session, &buyer, kind};
        int64_t t = monthStart + int64_t(rng.below(31)) * 86400 + startSecond(rng);
        if (t > monthStart + 31 * 86400 - 4 * 3600) t -= 4 * 3600; // whole sessions stay inside the month
        // Opening: the buyer writes (the first row sometimes without an agent: not yet assigned),
        // sometimes the robot answers first, a system row marks the assignment.
        const bool robotFirst = rng.below(100) < 25;
        row.put(t, kBuyer, robotFirst ? none : agents[size_t(agent)], kBuyerText[rng.below(14)]);
        ++messages;
        if (robotFirst) {
            t += 1 + rng.below(3);
            row.put(t, kRobot, robot, kRobotText[rng.below(3)]);
            t += 2 + rng.below(20);
            row.put(t, kSystem, none, "系统已为您转接人工客服");
            messages += 2;
        }
        const int turns = 1 + rng.below(rng.below(4) == 0 ? 14 : 6);
        bool greeted = false;
        for (int k = 0; k < turns; ++k) {
            if (k > 0) { // the buyer writes again, one or more messages
                t += 5 + rng.below(k % 3 == 2 ? 1800 : 240);
                const int burst = 1 + (rng.below(4) == 0) + (rng.below(8) == 0);
                for (int i = 0; i < burst; ++i, t += 1 + rng.below(20)) {
                    row.put(t, kBuyer, agents[size_t(agent)], kBuyerText[rng.below(14)]);
                    ++messages;
                }
            }
            if (rng.below(100) < 6 && k + 1 < turns) { // no human answer to this turn
                if (rng.below(2)) { t += 1 + rng.below(5); row.put(t, kRobot, robot, kRobotText[rng.below(3)]); ++messages; }
                continue;
            }
            if (k > 0 && rng.below(100) < 4) { // transfer to a colleague (the next rows name them)
                agent = (agent + 1 + rng.below(kAgents - 1)) % kAgents;
                t += 1 + rng.below(30);
                std::snprintf(b, sizeof b, "会话已转接给%s", agents[size_t(agent)].c_str());
                row.put(t, kSystem, none, b);
                ++messages;
            }
            t += replyDelay(rng);
            const bool last = k + 1 == turns;
            const char* text = !greeted ? kGreeting[rng.below(3)] : last ? kClosing[rng.below(3)] : kAgentText[rng.below(12)];
            if (greeted && !last && rng.below(200) == 0) text = "这不是我们的问题，你自己看说明";
            greeted = true;
            const int replies = 1 + (rng.below(3) == 0);
            for (int i = 0; i < replies; ++i, t += 2 + rng.below(40)) {
                row.put(t, kAgent, agents[size_t(agent)], i + 1 == replies ? text : kAgentText[rng.below(12)]);
                ++messages;
            }
        }
        if (!afterSales && rng.below(100) < 14) orders.push_back({by, rng.below(100) < 30 ? agent : -1, t + 60 + rng.below(7200)});
        if (rng.below(100) < 3) { // the buyer comes back after the last answer and is left unanswered
            t += 60 + rng.below(600);
            row.put(t, kBuyer, agents[size_t(agent)], kBuyerText[rng.below(14)]);
            ++messages;
        }
        out.maybeFlush();
    }
    out.flush();
    std::fclose(mf);
    writeOrders(of, orders, rng);
    std::fclose(of);
    std::printf("{\"bench\":\"chatlog-gen\",\"bytes\":%llu,\"messages\":%llu,\"orders\":%zu}\n", (unsigned long long)out.written,
                (unsigned long long)messages, orders.size());
    return 0;
}
