// Settings of the chat-log metrics (docs/chatlog-metrics.md): service hours, response cap,
// thresholds, robot handling, exempt days, shop time zone, order attribution window, phrase lists;
// the platform presets (taobao, jd, douyin) as named settings; JSON in and out. Plain values.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "expected.h"
#include "json.h"

namespace kefu::core {

// Text checks on human agent messages (matched as exact UTF-8 substrings).
struct PhraseLists {
    std::vector<std::string> forbidden; // each message containing one counts once per phrase
    std::vector<std::string> greetings; // the agent's first message of a session should hold one
    std::vector<std::string> closings;  // the agent's last message of a session should hold one
    bool operator==(const PhraseLists&) const = default;
};
PhraseLists defaultPhrases();

// Seconds of the day, [from, to); from > to runs over midnight (22:00-02:00).
struct ServiceHours {
    int32_t from = 0, to = 86400;
    bool operator==(const ServiceHours&) const = default;
};

enum class RobotMode : uint8_t {
    NotAResponse, // robot messages neither answer nor end a buyer block (platform default)
    Response,     // robot messages count as the serving agent's replies
};
enum class HoursBy : uint8_t { Block, Session }; // what must start inside service hours

struct ChatSettings {
    std::string preset = "default";
    // Read time: the readers apply these, so changing them means reading the files again.
    int32_t tzOffsetMinutes = 480; // shop time zone, UTC+8
    PhraseLists phrases = defaultPhrases();
    // Compute time: computeChatMetrics() reads these; the parsed log is reused.
    std::vector<ServiceHours> serviceHours; // empty = all day
    HoursBy hoursBy = HoursBy::Block;
    int32_t responseCapS = 0; // 0 = no cap
    int32_t slowResponseS = 200;
    int32_t fastResponseS = 180;
    RobotMode robot = RobotMode::NotAResponse;
    std::vector<Date> exemptDays; // 大促, holidays: blocks starting then are left out of time metrics
    int32_t attributionWindowS = 24 * 3600;
    int32_t onlineGapS = 30 * 60;
    bool operator==(const ChatSettings&) const = default;
};

const std::vector<std::string>& chatPresetIds(); // default, taobao, jd, douyin
std::optional<ChatSettings> chatPreset(std::string_view id);

// {"preset": "taobao", ...overrides}; unknown keys and bad values are errors with line and column.
Expected<ChatSettings> parseChatSettings(std::string_view jsonText);
Json chatSettingsToJson(const ChatSettings& s);

// "08:00-24:00" → {28800, 86400}; nullopt when malformed.
std::optional<ServiceHours> parseServiceHours(std::string_view s);
std::string formatServiceHours(const ServiceHours& h);

} // namespace kefu::core
