// Text files opened for the import dialog, read in pieces (storage.h FileStreamHandler): a report
// is gathered whole (reports are small); chat logs go straight into the chat-log readers, so a
// 1 GB messages file is never in memory whole; the orders file the dialog asked for goes into the
// same log. The dialog shows the progress (with the time left) and can cancel; finished files
// are taken once a frame.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chat_columns.h"
#include "chatlog.h"
#include "storage.h"

namespace kefu::web {

class ImportStreams : public storage::FileStreamHandler {
public:
    struct Done {
        std::string name;
        std::string bytes;                  // a report: the whole file
        std::shared_ptr<core::ChatLog> log; // chat logs: the messages read (and the orders, with `orders`)
        bool orders = false;                // the orders file, read into the log it was given
        std::string error;                  // why it could not be read (line and column)
        bool cancelled = false;
        int64_t stream = 0; // its id, for storage::readSlice (a chat-log hit's context)
        std::string head;   // chat logs: the first bytes, holding the header line
        core::ColumnMapping columns; // chat logs: the columns the file was read with (remembered layout)
    };
    struct Progress {
        std::string name;
        uint64_t size = 0, done = 0;
        double seconds = 0; // since the reading began
    };

    // How the next files are read: the shop's read-time chat settings (time zone, phrase lists) and
    // remembered layouts (a header row known as messages or orders is read with its columns); when
    // the dialog waits for an orders file, the log it goes into and the columns chosen for it.
    void prepare(const core::ShopSettings& settings, std::shared_ptr<core::ChatLog> ordersInto,
                 const core::ColumnMapping& ordersColumns);
    std::optional<Progress> progress() const; // the file being read, if any
    void cancel();                            // stops every file being read
    std::vector<Done> take();

    int64_t begin(const std::string& name, uint64_t size) override;
    bool chunk(int64_t stream, std::string_view bytes) override;
    void end(int64_t stream, const std::string& error) override;

private:
    struct Stream;
    bool feed(Stream& s, std::string_view bytes);
    core::ChatReadOptions m_options;
    std::vector<core::ReportLayout> m_layouts;
    std::shared_ptr<core::ChatLog> m_ordersInto;
    core::ColumnMapping m_ordersColumns;
    std::map<int64_t, std::shared_ptr<Stream>> m_streams;
    std::vector<Done> m_done;
    int64_t m_next = 1;
};

} // namespace kefu::web
