#include "chat_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kefu::core {

PhraseLists defaultPhrases() {
    return {
        .forbidden = {"这不是我们的问题", "我们不负责", "我不能", "不归我们管", "你自己看", "不知道"},
        .greetings = {"您好", "亲"},
        .closings = {"再见", "祝您生活愉快", "感谢您的支持"},
    };
}

const std::vector<std::string>& chatPresetIds() {
    static const std::vector<std::string> ids = {"default", "taobao", "jd", "douyin"};
    return ids;
}

// Platform definitions (../shared/realdata/README.md): Taobao counts 08:00-24:00 and caps the
// human response at 10 minutes, robot replies excluded; JD leaves out sessions starting
// 23:00-09:00; 抖店 counts 08:00-23:00.
std::optional<ChatSettings> chatPreset(std::string_view id) {
    ChatSettings s;
    s.preset = std::string(id);
    if (id == "default") return s;
    if (id == "taobao") {
        s.serviceHours = {{8 * 3600, 24 * 3600}};
        s.responseCapS = 600;
        return s;
    }
    if (id == "jd") {
        s.serviceHours = {{9 * 3600, 23 * 3600}};
        s.hoursBy = HoursBy::Session;
        return s;
    }
    if (id == "douyin") {
        s.serviceHours = {{8 * 3600, 23 * 3600}};
        return s;
    }
    return std::nullopt;
}

namespace {
bool readHm(std::string_view s, int32_t& out) {
    int h = 0, m = 0;
    size_t i = 0;
    auto digits = [&](int maxN, int& v) {
        size_t st = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && int(i - st) < maxN) v = v * 10 + (s[i++] - '0');
        return i > st;
    };
    if (!digits(2, h) || i >= s.size() || s[i] != ':') return false;
    ++i;
    if (!digits(2, m) || i != s.size() || m > 59 || h > 24 || (h == 24 && m > 0)) return false;
    out = h * 3600 + m * 60;
    return true;
}

std::string where(const Json& j) {
    return "line " + std::to_string(j.line) + ", column " + std::to_string(j.column) + ": ";
}

Expected<int32_t> readSeconds(const Json& v, const char* key, double scale, double maxValue) {
    if (!v.isNumber() || v.asNumber() < 0 || v.asNumber() > maxValue)
        return Error{where(v) + "'" + key + "' must be a number from 0 to " + formatNumber(maxValue)};
    return int32_t(std::llround(v.asNumber() * scale));
}

Expected<std::vector<std::string>> readStrings(const Json& v, const std::string& key) {
    if (!v.isArray()) return Error{where(v) + "'" + key + "' must be a list of texts"};
    std::vector<std::string> out;
    for (const Json& item : v.items()) {
        if (!item.isString() || item.asString().empty())
            return Error{where(item) + "'" + key + "' holds something that is not a non-empty text"};
        out.push_back(item.asString());
    }
    return out;
}

Expected<int32_t> readZone(const Json& v) {
    if (v.isNumber() && std::fabs(v.asNumber()) <= 14) return int32_t(std::llround(v.asNumber() * 60));
    std::string s = v.isString() ? v.asString() : "?";
    if (s.rfind("UTC", 0) == 0) s = s.substr(3);
    if (s.empty() || s == "Z") return 0;
    std::string t = s.substr(1); // "8", "08", "0800", "08:00"
    if (t.size() == 4 && t.find(':') == std::string::npos) t = t.substr(0, 2) + ":" + t.substr(2);
    if (t.find(':') == std::string::npos) t += ":00";
    int32_t hm = 0;
    bool ok = (s[0] == '+' || s[0] == '-') && readHm(t, hm);
    if (!ok || hm > 14 * 3600) return Error{where(v) + "'timezone' must look like \"+08:00\", \"UTC+8\" or 8"};
    return (s[0] == '-' ? -hm : hm) / 60;
}

Expected<std::vector<ServiceHours>> readHours(const Json& v) {
    std::vector<ServiceHours> out;
    if (v.isNull() || (v.isString() && v.asString().empty())) return out;
    std::vector<const Json*> items;
    if (v.isString()) items.push_back(&v);
    else if (v.isArray())
        for (const Json& i : v.items()) items.push_back(&i);
    else return Error{where(v) + "'service_hours' must be \"08:00-24:00\" or a list of such ranges"};
    for (const Json* i : items) {
        auto h = i->isString() ? parseServiceHours(i->asString()) : std::nullopt;
        if (!h) return Error{where(*i) + "'service_hours': expected a range like \"08:00-24:00\""};
        out.push_back(*h);
    }
    return out;
}

Expected<std::vector<Date>> readDays(const Json& v) {
    if (!v.isArray()) return Error{where(v) + "'exempt_days' must be a list of dates (\"2024-11-11\" or \"2024-11-10..2024-11-12\")"};
    std::vector<Date> out;
    for (const Json& item : v.items()) {
        std::string s = item.isString() ? item.asString() : "";
        size_t dots = s.find("..");
        auto a = parseDate(s.substr(0, dots));
        auto b = dots == std::string::npos ? a : parseDate(s.substr(dots + 2));
        if (!a || !b || *b < *a) return Error{where(item) + "'exempt_days': '" + s + "' is not a date or a date range"};
        for (int64_t d = daysFromCivil(*a); d <= daysFromCivil(*b) && out.size() < 5000; ++d) out.push_back(civilFromDays(d));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Expected<bool> applyPhrases(const Json& v, PhraseLists& p) {
    if (!v.isObject()) return Error{where(v) + "'phrases' must be an object with forbidden, greetings, closings"};
    for (const auto& [k, item] : v.members()) {
        auto list = readStrings(item, "phrases." + k);
        if (!list) return Error{list.error()};
        if (k == "forbidden") p.forbidden = *list;
        else if (k == "greetings") p.greetings = *list;
        else if (k == "closings") p.closings = *list;
        else return Error{where(item) + "unknown phrase list '" + k + "' (forbidden, greetings, closings)"};
    }
    return true;
}

// One of two words ("block"/"session", "not_a_response"/"response"); true for the second.
Expected<bool> readChoice(const Json& v, const char* key, const char* first, const char* second) {
    if (v.isString() && (v.asString() == first || v.asString() == second)) return v.asString() == second;
    return Error{where(v) + "'" + key + "' must be \"" + first + "\" or \"" + second + "\""};
}

Expected<bool> applyEnumOrList(const std::string& k, const Json& v, ChatSettings& s) {
    if (k == "service_hours_by") {
        auto c = readChoice(v, "service_hours_by", "block", "session");
        if (c) s.hoursBy = *c ? HoursBy::Session : HoursBy::Block;
        return c;
    }
    if (k == "robot") {
        auto c = readChoice(v, "robot", "not_a_response", "response");
        if (c) s.robot = *c ? RobotMode::Response : RobotMode::NotAResponse;
        return c;
    }
    if (k == "service_hours") {
        auto h = readHours(v);
        if (!h) return Error{h.error()};
        s.serviceHours = *h;
        return true;
    }
    if (k == "exempt_days") {
        auto d = readDays(v);
        if (!d) return Error{d.error()};
        s.exemptDays = *d;
        return true;
    }
    if (k == "phrases") return applyPhrases(v, s.phrases);
    return Error{where(v) + "unknown setting '" + k + "'"};
}

Expected<bool> applyKey(const std::string& k, const Json& v, ChatSettings& s) {
    auto set = [](Expected<int32_t> r, int32_t& out) -> Expected<bool> {
        if (!r) return Error{r.error()};
        out = *r;
        return true;
    };
    if (k == "timezone") return set(readZone(v), s.tzOffsetMinutes);
    if (k == "response_cap_s") return set(readSeconds(v, "response_cap_s", 1, 86400), s.responseCapS);
    if (k == "slow_response_s") return set(readSeconds(v, "slow_response_s", 1, 86400), s.slowResponseS);
    if (k == "fast_response_s") return set(readSeconds(v, "fast_response_s", 1, 86400), s.fastResponseS);
    if (k == "attribution_window_h") return set(readSeconds(v, "attribution_window_h", 3600, 24 * 90), s.attributionWindowS);
    if (k == "online_gap_min") return set(readSeconds(v, "online_gap_min", 60, 24 * 60), s.onlineGapS);
    return applyEnumOrList(k, v, s);
}
} // namespace

std::optional<ServiceHours> parseServiceHours(std::string_view s) {
    size_t dash = s.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    ServiceHours h;
    if (!readHm(s.substr(0, dash), h.from) || !readHm(s.substr(dash + 1), h.to) || h.from == 86400 || h.from == h.to)
        return std::nullopt;
    return h;
}

std::string formatServiceHours(const ServiceHours& h) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", h.from / 3600, h.from / 60 % 60, h.to / 3600, h.to / 60 % 60);
    return buf;
}

Expected<ChatSettings> parseChatSettings(std::string_view jsonText) {
    auto root = parseJson(jsonText);
    if (!root) return Error{root.error()};
    if (!root->isObject()) return Error{where(*root) + "settings must be a JSON object"};
    ChatSettings s;
    if (const Json* p = root->find("preset")) {
        auto base = p->isString() ? chatPreset(p->asString()) : std::nullopt;
        if (!base) return Error{where(*p) + "unknown preset (default, taobao, jd, douyin)"};
        s = *base;
    }
    for (const auto& [k, v] : root->members()) {
        if (k == "preset") continue;
        auto r = applyKey(k, v, s);
        if (!r) return Error{r.error()};
    }
    return s;
}

Json chatSettingsToJson(const ChatSettings& s) {
    Json j = Json::object();
    auto strings = [](const std::vector<std::string>& v) {
        Json a = Json::array();
        for (const auto& x : v) a.push(Json::string(x));
        return a;
    };
    j.set("preset", Json::string(s.preset));
    j.set("timezone", Json::number(s.tzOffsetMinutes / 60.0));
    Json hours = Json::array();
    for (const auto& h : s.serviceHours) hours.push(Json::string(formatServiceHours(h)));
    j.set("service_hours", hours);
    j.set("service_hours_by", Json::string(s.hoursBy == HoursBy::Block ? "block" : "session"));
    j.set("response_cap_s", Json::number(s.responseCapS));
    j.set("slow_response_s", Json::number(s.slowResponseS));
    j.set("fast_response_s", Json::number(s.fastResponseS));
    j.set("robot", Json::string(s.robot == RobotMode::Response ? "response" : "not_a_response"));
    Json days = Json::array();
    for (const auto& d : s.exemptDays) days.push(Json::string(formatDate(d)));
    j.set("exempt_days", days);
    j.set("attribution_window_h", Json::number(s.attributionWindowS / 3600.0));
    j.set("online_gap_min", Json::number(s.onlineGapS / 60.0));
    Json phrases = Json::object();
    phrases.set("forbidden", strings(s.phrases.forbidden));
    phrases.set("greetings", strings(s.phrases.greetings));
    phrases.set("closings", strings(s.phrases.closings));
    j.set("phrases", phrases);
    return j;
}

} // namespace kefu::core
