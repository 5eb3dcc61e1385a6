// OrderReader (the orders CSV) and the helpers both readers share: header mapping, error text,
// the UTF-8/GBK decision and name interning.
#include <algorithm>
#include <cmath>

#include "chatlog_internal.h"
#include "csv.h"
#include "metrics.h"
#include "text.h"

namespace kefu::core {

namespace chat {

std::string errorAt(uint32_t line, int column, const std::vector<std::string>& headerNames, const std::string& what) {
    std::string s = "line " + std::to_string(line);
    if (column >= 0) {
        s += ", column " + std::to_string(column + 1);
        if (size_t(column) < headerNames.size()) s += " (" + headerNames[size_t(column)] + ")";
    }
    return s + ": " + what;
}

Expected<std::vector<int>> mapColumns(const CsvStream& header, const std::vector<ColumnSpec>& specs,
                                      const std::vector<std::pair<std::string, std::string>>& userMapping,
                                      std::vector<std::string>& headerNames, TextDecoder& dec) {
    headerNames.clear();
    std::string scratch;
    for (size_t c = 0; c < header.fieldCount(); ++c) headerNames.emplace_back(trim(dec.utf8(header.field(c), scratch)));
    for (const auto& choice : userMapping) {
        const std::string& name = choice.first; // not a structured binding: the lambda below captures it (em++)
        const std::string& chosen = choice.second;
        if (std::none_of(specs.begin(), specs.end(), [&](const ColumnSpec& s) { return name == s.name; })) {
            std::string names;
            for (const auto& s : specs) names += (names.empty() ? "" : ", ") + std::string(s.name);
            return Error{"column mapping: '" + name + "' is not a column of this file (" + names + ")"};
        }
        const std::string h = normalizeHeader(chosen);
        if (!h.empty() && std::none_of(headerNames.begin(), headerNames.end(), [&](const std::string& n) { return normalizeHeader(n) == h; }))
            return Error{"line 1: no column '" + chosen + "' (chosen for '" + name + "')"};
    }
    std::vector<int> col(specs.size(), -1);
    for (size_t c = 0; c < headerNames.size(); ++c) {
        std::string h = normalizeHeader(headerNames[c]);
        for (size_t k = 0; k < specs.size(); ++k) {
            auto user = std::find_if(userMapping.begin(), userMapping.end(), [&](const auto& um) { return um.first == specs[k].name; });
            bool match = h == specs[k].name;
            if (user != userMapping.end()) match = !user->second.empty() && normalizeHeader(user->second) == h;
            else
                for (const char* a : specs[k].aliases) match = match || normalizeHeader(a) == h;
            if (!match) continue;
            if (col[k] >= 0)
                return Error{errorAt(1, int(c), headerNames, "also column " + std::to_string(col[k] + 1) + " is '" + specs[k].name + "'")};
            col[k] = int(c);
        }
    }
    for (size_t k = 0; k < specs.size(); ++k) {
        if (col[k] >= 0 || !specs[k].required) continue;
        std::string names = specs[k].name;
        for (const char* a : specs[k].aliases) names += std::string(", ") + a;
        return Error{"line 1: no '" + std::string(specs[k].name) + "' column (a header named " + names + ")"};
    }
    return col;
}

std::string_view TextDecoder::decide(std::string_view raw, std::string& scratch) {
    if (m_enc == Enc::Unknown) {
        bool ascii = std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (ascii) return raw;
        if (isValidUtf8(raw)) {
            if (++m_validSeen >= 1000) m_enc = Enc::Utf8;
            return raw;
        }
        m_enc = Enc::Gbk;
    }
    scratch.clear();
    appendGbkAsUtf8(scratch, raw);
    return scratch;
}

uint32_t internName(Interner& in, std::string_view raw, TextDecoder& dec, std::string& scratch) {
    if (raw.empty()) return kNoId;
    return in.intern(dec.utf8(raw, scratch));
}

} // namespace chat

using namespace chat;

namespace {
enum Col { kId, kBuyer, kAgent, kCreated, kPaid, kAmount, kRefund, kRefundTime, kColumns };
} // namespace

const std::vector<ColumnSpec>& chat::orderColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"order_id", {"订单号", "订单编号", "order"}, false},
        {"buyer", {"customer", "买家", "买家昵称", "买家会员名", "客户"}, true},
        {"agent", {"客服", "客服昵称", "客服账号"}, false},
        {"created", {"created_at", "create_time", "下单时间", "创建时间", "订单创建时间"}, true},
        {"paid", {"paid_at", "pay_time", "付款时间", "支付时间"}, false},
        {"amount", {"实付金额", "支付金额", "金额", "订单金额", "买家实付金额"}, false},
        {"refund_amount", {"退款金额"}, false},
        {"refund_time", {"退款时间"}, false},
    };
    return specs;
}

struct OrderReader::Impl {
    ChatLog& log;
    ChatReadOptions opt;
    CsvStream csv;
    std::vector<int> col;
    std::vector<std::string> headerNames;
    TextDecoder dec;
    std::string scratch, error;
    bool finished = false;

    Impl(ChatLog& l, ChatReadOptions o) : log(l), opt(std::move(o)) {}

    Expected<bool> fail(std::string msg) {
        if (error.empty()) error = std::move(msg);
        return Error{error};
    }
    std::string_view cell(int c) const { return col[c] < 0 ? std::string_view() : trim(csv.field(size_t(col[c]))); }

    Expected<uint32_t> time(int c, bool required) {
        std::string_view s = cell(c);
        if (s.empty() || isBlankCell(s)) {
            if (required) return Error{errorAt(csv.line(), col[c], headerNames, "empty time")};
            return kNoId;
        }
        auto t = parseShopTime(s, opt.tzOffsetMinutes, true);
        if (!t || *t < 0 || *t >= int64_t(kNoId))
            return Error{errorAt(csv.line(), col[c], headerNames, "cannot read the time '" + std::string(s) + "'")};
        return uint32_t(*t);
    }

    Expected<int64_t> money(int c) {
        std::string_view s = cell(c);
        if (s.empty() || isBlankCell(s)) return int64_t(0);
        auto n = parseNumberCell(s);
        if (!n || n->percent || !std::isfinite(n->value) || std::fabs(n->value) > 1e13)
            return Error{errorAt(csv.line(), col[c], headerNames, "'" + std::string(s) + "' is not an amount of money")};
        return int64_t(std::llround(n->value * 100));
    }

    Expected<bool> row() {
        if (csv.fieldCount() > headerNames.size())
            return fail(errorAt(csv.line(), -1, headerNames, std::to_string(csv.fieldCount()) + " fields, the header has " +
                                                                std::to_string(headerNames.size())));
        if (cell(kBuyer).empty()) return fail(errorAt(csv.line(), col[kBuyer], headerNames, "empty buyer"));
        auto created = time(kCreated, true);
        auto paid = time(kPaid, false);
        auto refundTime = time(kRefundTime, false);
        auto amount = money(kAmount);
        auto refund = money(kRefund);
        for (const std::string* e : {created.ok() ? nullptr : &created.error(), paid.ok() ? nullptr : &paid.error(),
                                     refundTime.ok() ? nullptr : &refundTime.error(), amount.ok() ? nullptr : &amount.error(),
                                     refund.ok() ? nullptr : &refund.error()})
            if (e) return fail(*e);
        ChatOrders& o = log.orders;
        o.buyer.push_back(internName(log.buyers, cell(kBuyer), dec, scratch));
        o.agent.push_back(internName(log.agents, cell(kAgent), dec, scratch));
        o.created.push_back(*created);
        o.paid.push_back(*paid);
        // A refund without its own time happened when the order was paid (else created).
        o.refundTime.push_back(*refund > 0 && *refundTime == kNoId ? (*paid != kNoId ? *paid : *created) : *refundTime);
        o.amountFen.push_back(*amount);
        o.refundFen.push_back(*refund);
        return true;
    }

    Expected<bool> drain() {
        while (csv.next()) {
            if (headerNames.empty()) {
                auto m = mapColumns(csv, orderColumns(), opt.columns, headerNames, dec);
                if (!m) return fail(m.error());
                col = *m;
                continue;
            }
            auto r = row();
            if (!r) return r;
        }
        if (csv.failed()) return fail(csv.error());
        return true;
    }
};

OrderReader::OrderReader(ChatLog& log, ChatReadOptions options) : m(std::make_unique<Impl>(log, std::move(options))) {}
OrderReader::~OrderReader() = default;

Expected<bool> OrderReader::feed(std::string_view chunk) { return feedReader(*m, chunk); }

Expected<bool> OrderReader::finish() {
    return finishReader(*m, [this] { m->log.hasOrders = true; });
}

uint64_t OrderReader::bytesRead() const { return m->csv.bytesSeen(); }

} // namespace kefu::core
