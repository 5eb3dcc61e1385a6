// Events CSV and earlier results (history JSON) for a period; the metrics table and rosters are
// in input.cpp.
#include <algorithm>
#include <cmath>

#include "csv.h"
#include "input.h"
#include "input_internal.h"
#include "json.h"
#include "text.h"

namespace kefu::core {

using namespace loading;

namespace {
const Msg kEventsHeader{"{0}：表头应为 agent,date,kind[,count,points,note]",
                        "{0}: expected the header agent,date,kind[,count,points,note]"};
const Msg kUnknownAgent{"{0}：名单里没有客服“{1}”", "{0}: unknown agent '{1}'"};
const Msg kEventDate{"{0}：“{1}”不是日期（应为 YYYY-MM-DD）", "{0}: '{1}' is not a date (expected YYYY-MM-DD)"};
const Msg kUnknownKind{"{0}：不认识的事件类型“{1}”", "{0}: unknown event kind '{1}'"};
const Msg kBadCount{"{0}：次数“{1}”不是不小于 1 的整数", "{0}: count '{1}' is not a whole number >= 1"};
const Msg kBadPoints{"{0}：分值“{1}”不是数字", "{0}: points '{1}' is not a number"};
} // namespace

Expected<std::vector<Event>> loadEventsCsv(std::string_view bytes, const std::string& file, const std::vector<Agent>& agents,
                                           const std::vector<std::string>& extraKinds) {
    auto csv = parseCsv(decodeText(bytes));
    if (!csv) return csvError(file, csv.failure());
    if (csv->rows.empty()) return std::vector<Event>{};
    const auto& header = csv->rows[0];
    int cAgent = -1, cDate = -1, cKind = -1, cCount = -1, cPoints = -1, cNote = -1;
    for (size_t c = 0; c < header.size(); ++c) {
        std::string h = normalizeHeader(header[c]);
        if (h == "agent" || agentColumnId(header[c]) == "agent") cAgent = int(c);
        else if (h == "date" || h == "日期") cDate = int(c);
        else if (h == "kind" || h == "类型" || h == "事件") cKind = int(c);
        else if (h == "count" || h == "次数") cCount = int(c);
        else if (h == "points" || h == "分值") cPoints = int(c);
        else if (h == "note" || h == "备注") cNote = int(c);
    }
    if (cAgent < 0 || cDate < 0 || cKind < 0) return failAt(whereLine(file, 1), kEventsHeader);
    std::vector<Event> events;
    for (size_t r = 1; r < csv->rows.size(); ++r) {
        const auto& row = csv->rows[r];
        auto cell = [&](int c) { return c >= 0 && size_t(c) < row.size() ? std::string(trim(row[size_t(c)])) : std::string(); };
        auto loc = [&](int c) { return where(file, csv->lines[r], header[size_t(c)], size_t(c)); };
        Event e;
        e.line = csv->lines[r];
        e.agent = cell(cAgent);
        auto known = std::find_if(agents.begin(), agents.end(), [&](const Agent& a) { return a.name == e.agent || (!a.id.empty() && a.id == e.agent); });
        if (known == agents.end()) return failAt(loc(cAgent), kUnknownAgent, {e.agent});
        e.agent = known->name;
        auto d = parseDate(cell(cDate));
        if (!d) return failAt(loc(cDate), kEventDate, {cell(cDate)});
        e.date = *d;
        e.kind = cell(cKind);
        if (!isKnownEventKind(e.kind, extraKinds)) return failAt(loc(cKind), kUnknownKind, {e.kind});
        if (!cell(cCount).empty()) {
            auto n = parseNumberCell(cell(cCount));
            if (!n || n->value < 1 || n->value != std::floor(n->value) || n->value > 1e6)
                return failAt(loc(cCount), kBadCount, {cell(cCount)});
            e.count = int32_t(n->value);
        }
        if (!cell(cPoints).empty()) {
            auto n = parseNumberCell(cell(cPoints));
            if (!n) return failAt(loc(cPoints), kBadPoints, {cell(cPoints)});
            e.points = n->value;
        }
        e.note = cell(cNote);
        events.push_back(std::move(e));
    }
    return events;
}

// Read by the CLI only (--history), whose errors are English, like the JSON syntax errors it passes on.
Expected<HistoryPeriod> loadHistoryJson(std::string_view text, const std::string& file) {
    auto j = parseJson(text);
    if (!j) return Error{file + ": " + j.error()};
    const Json* agents = j->find("agents");
    if (!agents || !agents->isArray()) return Error{file + ": not a kefu score result (no \"agents\" list)"};
    HistoryPeriod hp;
    if (const Json* p = j->find("period"); p && p->isString()) {
        hp.period = parseMonth(p->asString());
        if (!hp.period) return Error{file + ": line " + std::to_string(p->line) + ": period '" + p->asString() + "' is not YYYY-MM"};
    }
    for (const auto& a : agents->items()) {
        HistoryAgent ha;
        if (const Json* n = a.find("agent"); n && n->isString()) ha.name = n->asString();
        if (const Json* n = a.find("id"); n && n->isString()) ha.id = n->asString();
        if (const Json* f = a.find("flags"); f && f->isArray())
            for (const auto& x : f->items())
                if (x.isString()) ha.flags.push_back(x.asString());
        if (const Json* s = a.find("scores"); s && s->isObject())
            for (const auto& [k, v] : s->members())
                if (v.isNumber()) ha.scores[k] = v.asNumber();
        if (ha.name.empty() && ha.id.empty()) return Error{file + ": line " + std::to_string(a.line) + ": an agent without a name"};
        hp.agents.push_back(std::move(ha));
    }
    return hp;
}

} // namespace kefu::core
