#include "shop_settings.h"

#include <cmath>

#include "csv.h"
#include "json.h"

namespace kefu::core {

namespace {
// "layouts": [{"headers": "旺旺昵称|接待人数", "columns": [["接待人数", "receptions"], ...]},
//             {"headers": "会话|发送时刻|...", "kind": "messages", "columns": [["time", "发送时刻"], ...]}]
Expected<std::vector<ReportLayout>> parseLayouts(const Json& v) {
    const char* expected = "shop settings: layouts: expected [{\"headers\": text, \"columns\": [[header, metric], ...]}] "
                           "(\"kind\": \"messages\" or \"orders\" with [[column, header], ...])";
    if (!v.isArray()) return Error{expected};
    std::vector<ReportLayout> out;
    for (const auto& item : v.items()) {
        if (!item.isObject()) return Error{expected};
        ReportLayout l;
        for (const auto& [k, lv] : item.members()) {
            if (k == "headers" && lv.isString()) l.headers = lv.asString();
            else if (k == "kind" && lv.isString() && (lv.asString() == "messages" || lv.asString() == "orders")) l.kind = lv.asString();
            else if (k == "columns" && lv.isArray()) {
                for (const auto& pair : lv.items()) {
                    if (!pair.isArray() || pair.items().size() != 2 || !pair.items()[0].isString() || !pair.items()[1].isString())
                        return Error{expected};
                    l.columns.emplace_back(pair.items()[0].asString(), pair.items()[1].asString());
                }
            } else return Error{expected};
        }
        out.push_back(std::move(l));
    }
    return out;
}
} // namespace

std::string layoutKey(const std::vector<std::string>& headers) {
    std::string key;
    for (size_t i = 0; i < headers.size(); ++i) key += (i ? "|" : "") + std::string(trim(headers[i]));
    return key;
}

const ReportLayout* findLayout(const ShopSettings& s, const std::string& headers) {
    for (const auto& l : s.layouts)
        if (l.headers == headers) return &l;
    return nullptr;
}

bool sameSettings(const ShopSettings& a, const ShopSettings& b) { return shopSettingsJson(a) == shopSettingsJson(b); }

Expected<ShopSettings> parseShopSettings(std::string_view jsonText) {
    ShopSettings s;
    if (jsonText.empty()) return s;
    auto root = parseJson(jsonText);
    if (!root) return Error{root.error()};
    if (!root->isObject()) return Error{"shop settings: expected a JSON object"};
    for (const auto& [k, v] : root->members()) {
        if (k == "number") {
            if (!v.isObject()) return Error{"shop settings: number: expected an object"};
            for (const auto& [nk, nv] : v.members()) {
                if (nk == "thousands" && nv.isBool()) s.number.thousands = nv.asBool();
                else if (nk == "money_decimals" && nv.isNumber() && (nv.asNumber() == 0 || nv.asNumber() == 2))
                    s.number.moneyDecimals = int32_t(nv.asNumber());
                else return Error{"shop settings: number." + nk + ": expected thousands (true/false) or money_decimals (0 or 2)"};
            }
        } else if (k == "chat") {
            auto chat = parseChatSettings(writeJson(v));
            if (!chat) return Error{"shop settings: chat: " + chat.error()};
            s.chat = std::move(*chat);
        } else if (k == "layouts") {
            auto layouts = parseLayouts(v);
            if (!layouts) return layouts.failure();
            s.layouts = std::move(*layouts);
        } else if (k == "goals" && v.isArray()) {
            for (const auto& g : v.items()) {
                auto goal = goalFromJson(g);
                if (!goal) return Error{"shop settings: " + goal.error()};
                s.goals.push_back(std::move(*goal));
            }
        } else {
            return Error{"shop settings: unknown key '" + k + "'"};
        }
    }
    return s;
}

std::string shopSettingsJson(const ShopSettings& s) {
    Json number = Json::object();
    number.set("thousands", Json::boolean(s.number.thousands));
    number.set("money_decimals", Json::number(s.number.moneyDecimals));
    Json j = Json::object();
    j.set("number", std::move(number));
    j.set("chat", chatSettingsToJson(s.chat));
    if (!s.layouts.empty()) {
        Json layouts = Json::array();
        for (const auto& l : s.layouts) {
            Json lj = Json::object();
            lj.set("headers", Json::string(l.headers));
            if (!l.kind.empty()) lj.set("kind", Json::string(l.kind));
            Json cols = Json::array();
            for (const auto& [h, m] : l.columns) {
                Json pair = Json::array();
                pair.push(Json::string(h));
                pair.push(Json::string(m));
                cols.push(std::move(pair));
            }
            lj.set("columns", std::move(cols));
            layouts.push(std::move(lj));
        }
        j.set("layouts", std::move(layouts));
    }
    if (!s.goals.empty()) {
        Json goals = Json::array();
        for (const auto& g : s.goals) goals.push(goalToJson(g));
        j.set("goals", std::move(goals));
    }
    return writeJson(j);
}

std::string formatMoney(int64_t fen, const NumberFormat& f) {
    const bool negative = fen < 0;
    uint64_t abs = negative ? uint64_t(0) - uint64_t(fen) : uint64_t(fen);
    if (f.moneyDecimals == 0) abs = (abs + 50) / 100 * 100; // half away from zero, on the magnitude
    std::string whole = std::to_string(abs / 100);
    if (f.thousands)
        for (int i = int(whole.size()) - 3; i > 0; i -= 3) whole.insert(size_t(i), ",");
    std::string out = negative && abs ? "-" : "";
    out += whole;
    if (f.moneyDecimals == 2) {
        const unsigned cents = unsigned(abs % 100);
        out += '.';
        out += char('0' + cents / 10);
        out += char('0' + cents % 10);
    }
    return out;
}

} // namespace kefu::core
