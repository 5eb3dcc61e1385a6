// A shop's settings, saved with the shop: how money is shown (thousands separator, decimals) and
// the chat-log settings its imports use (service hours, caps, thresholds: chat_settings.h).
// Stored in the snapshot as JSON: {"number": {"thousands": true, "money_decimals": 2}, "chat": {...}}.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chat_settings.h"
#include "expected.h"
#include "goals.h"

namespace kefu::core {

struct NumberFormat {
    bool thousands = false; // 12,345.60 when set (off: 12345.60, as spreadsheets export)
    int32_t moneyDecimals = 2; // 2 (yuan and fen) or 0 (whole yuan, rounded half away from zero)
    bool operator==(const NumberFormat&) const = default;
};

// A file layout's column choices made on the import mapping screen, remembered for the next file
// with the same header row (its headers joined by '|'). kind "" is a platform report (columns:
// header -> metric id, "" = not imported); "messages" / "orders" are chat-log files (columns:
// canonical column -> header, chat_columns.h).
struct ReportLayout {
    std::string headers;
    std::vector<std::pair<std::string, std::string>> columns;
    std::string kind;
    bool operator==(const ReportLayout&) const = default;
};
std::string layoutKey(const std::vector<std::string>& headers);

struct ShopSettings {
    NumberFormat number;
    ChatSettings chat;
    std::vector<ReportLayout> layouts;
    std::vector<Goal> goals; // the team's goals ("goals": [...], goals.h)
};
// The remembered choices for a header row, or nullptr.
const ReportLayout* findLayout(const ShopSettings& s, const std::string& headers);
bool sameSettings(const ShopSettings& a, const ShopSettings& b);

// Empty text = the defaults; unknown keys and bad values are errors with line and column.
Expected<ShopSettings> parseShopSettings(std::string_view jsonText);
std::string shopSettingsJson(const ShopSettings& s);

// Money in yuan as the shop shows it: "-1,234.50", "1235".
std::string formatMoney(int64_t fen, const NumberFormat& f);

} // namespace kefu::core
