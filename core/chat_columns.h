// The columns of the chat-log files (messages and orders) for the mapping screen and the CLI's
// --columns: what the readers expect, what they would pick in a given header row, and what a
// file is (report, messages, orders) from its header row and the shop's remembered layouts.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expected.h"
#include "shop_settings.h"

namespace kefu::core {

enum class ChatFile { Messages, Orders };
// "messages" / "orders": the kind of a remembered layout (ReportLayout::kind).
const char* chatFileKind(ChatFile f);

struct ChatColumnInfo {
    std::string name; // canonical: session_id, time, role ... / order_id, buyer, created ...
    bool required = false;
};
std::vector<ChatColumnInfo> chatColumns(ChatFile f);

using ColumnMapping = std::vector<std::pair<std::string, std::string>>; // canonical -> header text

// The cells of the header row (the first line of a CSV file, any encoding), trimmed.
std::vector<std::string> csvHeaderCells(std::string_view head);

// Per canonical column, the header the reader takes: the chosen one, else the one named like it or
// by one of its aliases, else "" (none).
ColumnMapping resolveChatColumns(ChatFile f, const std::vector<std::string>& headers, const ColumnMapping& chosen);

// "session_id=会话编号,time=发送时刻" (the CLI's --columns). Names are checked against the file's
// columns; a header may not be empty.
Expected<ColumnMapping> parseColumnMapping(ChatFile f, std::string_view text);

// What a file is from its first bytes: a layout remembered for its header row decides; else a
// messages file is known by its session, time and role columns (names or aliases); else a report.
struct FileLayout {
    enum class Kind { Report, Messages, Orders } kind = Kind::Report;
    ColumnMapping columns; // messages/orders: the remembered mapping (may be empty)
};
FileLayout detectFileLayout(std::string_view head, const ShopSettings& settings);
// The layout to remember for a chat-log file read with `columns` (only the columns chosen by hand).
ReportLayout chatLayout(ChatFile f, const std::vector<std::string>& headers, const ColumnMapping& columns);

} // namespace kefu::core
