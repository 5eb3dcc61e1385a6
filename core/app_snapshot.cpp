// The snapshot actions: a file opened as a preview, replacing the shop or merging it, restoring
// a saved version, opening a saved shop; and what a snapshot file shows before it is used.
#include <algorithm>

#include "app_actions.h"
#include "shop_state.h"
#include "snapshot.h"

namespace kefu::core {

namespace detail {

namespace {
const Msg kBadSnapshot{"“{0}”不是可用的快照文件：{1}", "'{0}' is not a usable snapshot file: {1}"};
const Msg kOtherShop{"“{0}”是另一个店铺（{1}）的快照，不能合并；只能替换当前店铺",
                     "'{0}' is a snapshot of another shop ({1}); it cannot be merged, only replace this shop"};
const Msg kNoIncoming{"没有打开的快照文件", "No snapshot file is open"};
const Msg kUnchosen{"还有 {0} 处冲突没有选择保留哪一边", "{0} conflicts still need a side chosen"};
const Msg kConfirmClosed{"合并会修改已结算的月份，请先勾选确认", "The merge changes a closed month: confirm it first"};
const Msg kMerged{"已合并“{0}”：从文件取用 {1} 处修改，解决 {2} 处冲突",
                  "Merged '{0}': {1} changes taken from the file, {2} conflicts resolved"};

} // namespace

void notice(AppState& s, const Msg& msg, const std::vector<std::string>& args) {
    s.notices.push_back(fillMsg(msg, args));
}
void noticeText(AppState& s, const std::string& text) {
    static const Msg kText{"{0}", "{0}"};
    notice(s, kText, {text});
}

int64_t lastChangeOf(const Shop& shop, std::string& author) {
    int64_t at = shop.stamp.at;
    author = shop.stamp.author;
    auto see = [&](const Stamp& st) {
        if (st.at > at) { at = st.at; author = st.author; }
    };
    for (const auto& a : shop.agents) see(a.stamp);
    for (const auto& p : shop.periods) {
        see(p.stamp);
        for (const auto& c : p.cells) see(c.stamp);
        for (const auto& e : p.events) see(e.stamp);
    }
    for (const auto& e : shop.audit) see(Stamp{e.at, e.author, {}});
    return at;
}

// Replaces the open shop's data with `shop`, keeping this copy's audit log (plus the entries it
// does not have yet), so the log tells what happened here.
static void takeShop(AppState& s, const Shop& shop) {
    std::vector<LogEntry> audit = s.record.audit;
    for (const auto& e : shop.audit)
        if (std::find(audit.begin(), audit.end(), e) == audit.end()) audit.push_back(e);
    std::stable_sort(audit.begin(), audit.end(), [](const LogEntry& x, const LogEntry& y) { return x.at < y.at; });
    const Lang language = s.language;
    s.periods.clear();
    stateFromShop(s, shop);
    s.language = language;
    s.record = shop;
    s.record.audit = std::move(audit);
}

Change openSnapshotFile(AppState& s, const OpenSnapshotFile& a) {
    auto shop = decodeSnapshot(a.bytes);
    if (!shop) return notice(s, kBadSnapshot, {a.fileName, shop.error()}), Change{};
    Incoming in;
    in.fileName = a.fileName;
    in.summary = summarizeShop(*shop);
    in.sameShop = !s.record.id.empty() && shop->id == s.record.id;
    in.shop = std::move(*shop);
    s.incoming = std::move(in);
    return {};
}

Change replaceWithIncoming(AppState& s) {
    if (!s.incoming) return notice(s, kNoIncoming), Change{};
    Incoming in = std::move(*s.incoming);
    s.incoming.reset();
    const bool other = in.shop.id != s.record.id;
    takeShop(s, in.shop);
    s.demo = false;
    return {"replace", in.fileName + (other ? " (" + in.shop.name + ")" : "")};
}

static int unresolvedCount(const MergeReport& r) { return int(r.unresolved()); }

static Change finishMerge(AppState& s, MergeReport report, const std::string& fileName) {
    int resolved = int(report.conflicts.size());
    takeShop(s, report.merged);
    s.incoming.reset();
    notice(s, kMerged, {fileName, std::to_string(report.takenFromB), std::to_string(resolved)});
    return {"merge", fileName + ": " + std::to_string(report.takenFromB) + " / " + std::to_string(resolved)};
}

Change mergeIncoming(AppState& s, int64_t now) {
    if (!s.incoming) return notice(s, kNoIncoming), Change{};
    Incoming& in = *s.incoming;
    if (!in.sameShop) return notice(s, kOtherShop, {in.fileName, in.shop.name}), Change{};
    auto report = mergeShops(s.record, in.shop, Prefer::None, now, s.managerName);
    if (!report) return noticeText(s, report.error()), Change{};
    if (report->conflicts.empty()) return finishMerge(s, std::move(*report), in.fileName);
    in.merging = true;
    in.conflicts = report->conflicts;
    in.changesFromFile = report->takenFromB;
    return {};
}

Change resolveMerge(AppState& s, const ResolveMerge& a, int64_t now) {
    if (!s.incoming || !s.incoming->sameShop) return notice(s, kNoIncoming), Change{};
    auto report = mergeShops(s.record, s.incoming->shop, Prefer::None, now, s.managerName, a.choices);
    if (!report) return noticeText(s, report.error()), Change{};
    if (int n = unresolvedCount(*report)) return notice(s, kUnchosen, {std::to_string(n)}), Change{};
    for (const auto& c : report->conflicts) {
        auto it = a.choices.find(c.id);
        if (c.kind == "closed_period" && it != a.choices.end() && it->second == Prefer::B && !a.confirmClosed)
            return notice(s, kConfirmClosed), Change{};
    }
    return finishMerge(s, std::move(*report), s.incoming->fileName);
}

Change restoreVersion(AppState& s, const RestoreVersion& a) {
    auto shop = decodeSnapshot(a.bytes);
    if (!shop) return notice(s, kBadSnapshot, {a.label, shop.error()}), Change{};
    takeShop(s, *shop);
    return {"restore", a.label};
}

Change followSaved(AppState& s, const FollowSaved& a) {
    auto shop = decodeSnapshot(a.bytes);
    if (!shop) return notice(s, kBadSnapshot, {"", shop.error()}), Change{};
    openShop(s, *shop);
    return {};
}

} // namespace detail

using namespace detail;

SnapshotSummary summarizeShop(const Shop& shop) {
    SnapshotSummary out;
    out.shopId = shop.id;
    out.shopName = shop.name;
    out.managerName = shop.managerName;
    for (const auto& p : shop.periods) {
        out.months.push_back(formatMonth(p.month));
        if (p.closed) ++out.closedMonths;
    }
    out.agents = size_t(std::count_if(shop.agents.begin(), shop.agents.end(), [](const AgentRecord& a) { return a.active; }));
    out.lastChange = lastChangeOf(shop, out.lastAuthor);
    return out;
}

void openShop(AppState& s, const Shop& shop) {
    const Lang language = s.language;
    s.periods.clear();
    stateFromShop(s, shop);
    s.language = language;
    s.record = shop;
    s.undo.clear();
    s.redo.clear();
    s.incoming.reset();
    std::string author;
    s.clock = std::max(s.clock, lastChangeOf(shop, author));
    ++s.dataRevision;
}

} // namespace kefu::core
