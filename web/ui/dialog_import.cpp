// 导入数据: the preview of a platform report or of chat logs, with the month, the sheet, the column
// mapping, the binding of unknown names, the problems and the values; nothing changes before 导入.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "csv.h"
#include "xlsx.h"
#include "i18n.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
const ImVec4 kProblemColour(1.0f, 0.55f, 0.45f, 1);

std::string metricLabel(const std::string& id) {
    const core::MetricDef* m = core::Catalog::builtin().find(id);
    if (!m) return id;
    return uiLanguage() == core::Lang::Zh ? m->zh : m->en;
}

std::string valueText(const std::string& metric, double v) {
    const core::MetricDef* m = core::Catalog::builtin().find(metric);
    if (m && m->unit == core::Unit::Fraction) return core::formatValue(v * 100) + "%";
    return core::formatValue(v);
}

std::string settingsText(const core::ChatSettings& c) {
    std::string hours;
    for (const auto& h : c.serviceHours) hours += (hours.empty() ? "" : ", ") + core::formatServiceHours(h);
    if (hours.empty()) hours = tr("dataimport.all_day");
    const std::string cap = c.responseCapS > 0 ? trf("dataimport.cap_s", {std::to_string(c.responseCapS)}) : tr("dataimport.no_cap");
    return trf("dataimport.chat_settings", {hours, cap, std::to_string(c.slowResponseS)});
}

// Reads the file again with the current choices (on open and after every change of a choice).
void refresh(DataImportDialog& d, const core::AppState& s) {
    if (!d.dirty) return;
    d.dirty = false;
    d.error.clear();
    d.preview.reset();
    std::string table = d.chatLog ? std::string() : d.bytes, tableName = d.fileName;
    if (d.chatLog) {
        if (d.period < 0 || d.period >= int(s.periods.size()) || !d.log) return;
        d.chatWarnings.clear();
        d.chatSettingsUsed = settingsText(s.settings.chat);
        d.computedWith = s.settings.chat;
        table = core::chatLogMetricsCsv(*d.log, d.fileName, s.settings.chat, s.periods[size_t(d.period)].month, d.chatWarnings);
    }
    auto p = core::previewImport(table, tableName, s.roster, d.choices);
    if (!p) { d.error = core::textIn(core::errorText(p.failure()), uiLanguage()); return; }
    d.preview = std::move(*p);
    // The choices made last time for this header row (the mapping screen) come back once.
    if (!d.layoutApplied) {
        d.layoutApplied = true;
        if (const core::ReportLayout* l = core::findLayout(s.settings, core::layoutKey(d.preview->headers))) {
            d.choices.headerMetrics = l->columns;
            d.dirty = true;
            refresh(d, s);
        }
    }
}

void setChoice(std::vector<std::pair<std::string, std::string>>& choices, const std::string& key, const std::string& value, bool remove) {
    auto it = std::find_if(choices.begin(), choices.end(), [&](const auto& c) { return c.first == key; });
    if (remove) {
        if (it != choices.end()) choices.erase(it);
    } else if (it == choices.end()) {
        choices.emplace_back(key, value);
    } else {
        it->second = value;
    }
}

// The non-empty choices of a mapping (what the reader is given).
core::ColumnMapping chosenColumns(const core::ColumnMapping& columns) {
    core::ColumnMapping out;
    for (const auto& c : columns)
        if (!c.second.empty()) out.push_back(c);
    return out;
}

// The mapping screen of a chat-log file: per column the reader knows, the file's header it is in
// (or none); required columns are marked. True when a choice changed.
bool drawChatColumns(const std::string& idPrefix, core::ChatFile f, const std::vector<std::string>& headers,
                     core::ColumnMapping& columns) {
    std::vector<std::string> items{tr("dataimport.no_column")};
    items.insert(items.end(), headers.begin(), headers.end());
    bool changed = false;
    const auto specs = core::chatColumns(f);
    for (size_t k = 0; k < specs.size() && k < columns.size(); ++k) {
        const std::string id = idPrefix + std::to_string(k);
        const std::string label = tr("chatcol." + specs[k].name) + "  (" + specs[k].name + ")" +
                                  (specs[k].required ? "  " + tr("dataimport.required") : "");
        text((id + ".name").c_str(), label);
        ImGui::SameLine(300);
        int current = int(std::find(headers.begin(), headers.end(), columns[k].second) - headers.begin()) + 1;
        if (current > int(headers.size())) current = 0;
        if (combo(id.c_str(), "", current, items, 240)) {
            columns[k].second = current == 0 ? std::string() : headers[size_t(current - 1)];
            changed = true;
        }
    }
    return changed;
}

bool requiredChosen(core::ChatFile f, const core::ColumnMapping& columns) {
    const auto specs = core::chatColumns(f);
    for (size_t k = 0; k < specs.size() && k < columns.size(); ++k)
        if (specs[k].required && columns[k].second.empty()) return false;
    return true;
}

// Reads the file shown as a report as chat messages with the chosen columns; the dialog becomes
// the chat-log preview (or says why the file could not be read that way).
void readAsMessages(DataImportDialog& d, const core::AppState& s) {
    auto log = std::make_shared<core::ChatLog>();
    core::ChatReadOptions opt = core::chatReadOptions(s.settings.chat);
    opt.columns = chosenColumns(d.messageColumns);
    opt.expectedBytes = d.bytes.size();
    core::MessageReader reader(*log, opt);
    auto r = reader.feed(d.bytes);
    if (r) r = reader.finish();
    if (!r) {
        d.readAsError = d.fileName + ": " + r.error();
        return;
    }
    std::string bytes = std::move(d.bytes), name = d.fileName;
    const core::ReportLayout layout = core::chatLayout(core::ChatFile::Messages, d.messageHeaders, opt.columns);
    openChatImport(d, s, std::move(name), std::move(log), opt.columns);
    d.bytes = std::move(bytes); // the hits' contexts are read from it
    d.chatLayouts.push_back(layout);
}

// 文件类型: a file that was not recognised as chat messages is shown as a report; here it can be
// read as messages instead, its columns chosen on the same mapping screen.
void drawReadAs(DataImportDialog& d, const core::AppState& s) {
    if (d.messageHeaders.empty()) return;
    combo("dataimport.kind", tr("dataimport.kind"), d.readAs, {tr("dataimport.kind_report"), tr("dataimport.kind_messages")}, 260);
    if (d.readAs != 1) return;
    textWrapped("dataimport.kind_intro", tr("dataimport.kind_intro"));
    if (drawChatColumns("dataimport.mcol", core::ChatFile::Messages, d.messageHeaders, d.messageColumns)) d.readAsError.clear();
    if (!d.readAsError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
        textWrapped("dataimport.read_chat_error", d.readAsError);
        ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(!requiredChosen(core::ChatFile::Messages, d.messageColumns));
    if (button("dataimport.read_chat", tr("dataimport.read_chat"))) readAsMessages(d, s);
    ImGui::EndDisabled();
}

// An orders file whose columns were not found: its columns chosen here, then picked again.
void drawOrderColumns(DataImportDialog& d) {
    if (d.orderHeaders.empty()) return;
    textWrapped("dataimport.order_columns", tr("dataimport.order_columns"));
    drawChatColumns("dataimport.ocol", core::ChatFile::Orders, d.orderHeaders, d.orderColumns);
    ImGui::BeginDisabled(!requiredChosen(core::ChatFile::Orders, d.orderColumns));
    if (button("dataimport.repick_orders", tr("dataimport.repick_orders"))) {
        d.ordersWith = chosenColumns(d.orderColumns);
        d.pickOrders = true;
    }
    ImGui::EndDisabled();
}

// The month, the sheet and the platform of the accounts.
void drawTarget(DataImportDialog& d, const core::AppState& s) {
    std::vector<std::string> months;
    for (const auto& p : s.periods) months.push_back(trf(p.closed ? "data.period_closed" : "data.period", {core::formatMonth(p.month)}));
    if (combo("dataimport.month", tr("dataimport.month"), d.period, months, 200) && d.chatLog) d.dirty = true;
    if (d.preview && d.preview->sheets.size() > 1) {
        ImGui::SameLine();
        if (combo("dataimport.sheet", tr("dataimport.sheet"), d.sheet, d.preview->sheets, 160)) {
            d.choices.sheet = d.preview->sheets[size_t(d.sheet)];
            d.layoutApplied = false;
            d.dirty = true;
        }
    }
    if (d.chatLog) {
        textWrapped("dataimport.chat_used", d.chatSettingsUsed);
        text("dataimport.orders_file", d.ordersName.empty() ? tr("dataimport.no_orders") : trf("dataimport.orders", {d.ordersName}));
        if (!d.orderError.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
            textWrapped("dataimport.orders_error", d.orderError);
            ImGui::PopStyleColor();
        }
        ImGui::SameLine();
        if (smallButton("dataimport.pick_orders", tr("dataimport.pick_orders"))) d.pickOrders = true;
        drawOrderColumns(d);
        for (size_t i = 0; i < d.chatWarnings.size(); ++i)
            textWrapped(("dataimport.chat_warning" + std::to_string(i)).c_str(), d.chatWarnings[i]);
    }
}

// The mapping screen: each column's metric (agent columns are shown as such). Open at first when
// a column is not recognised (the canonical columns of chat-log metrics always are).
void drawColumns(DataImportDialog& d) {
    bool unmapped = false;
    for (size_t c = 0; c < d.preview->headers.size(); ++c)
        unmapped |= !d.preview->agentColumns[c] && (c >= d.preview->columnMetrics.size() || d.preview->columnMetrics[c].empty());
    if (unmapped) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!collapsingHeader("dataimport.columns", trf("dataimport.columns", {std::to_string(d.preview->headers.size())}))) return;
    std::vector<std::string> items{tr("dataimport.not_imported")};
    std::vector<std::string> ids{""};
    for (const auto& m : core::Catalog::builtin().all()) {
        items.push_back(uiLanguage() == core::Lang::Zh ? m.zh + "  (" + m.id + ")" : m.en + "  (" + m.id + ")");
        ids.push_back(m.id);
    }
    const auto& p = *d.preview;
    for (size_t c = 0; c < p.headers.size(); ++c) {
        const std::string id = "dataimport.col" + std::to_string(c);
        text((id + ".header").c_str(), p.headers[c].empty() ? "-" : p.headers[c]);
        ImGui::SameLine(220);
        if (p.agentColumns[c]) {
            textDisabled((id + ".agent").c_str(), tr("dataimport.agent_column"));
            continue;
        }
        const std::string& metric = c < p.columnMetrics.size() ? p.columnMetrics[c] : std::string();
        int current = int(std::find(ids.begin(), ids.end(), metric) - ids.begin());
        if (filteredCombo(id.c_str(), "", current, items, &d.metricFilter, 320)) {
            setChoice(d.choices.headerMetrics, std::string(core::trim(p.headers[c])), ids[size_t(current)], false);
            d.dirty = true;
        }
    }
}

// Names the roster does not know: bound to an agent here (and kept with that agent), else left out.
void drawUnknown(DataImportDialog& d, const core::AppState& s) {
    std::vector<std::string> agents{tr("dataimport.leave_out")};
    for (const auto& a : s.roster) agents.push_back(a.name);
    const auto& p = *d.preview;
    // Bound names are matched now, so they are no longer unknown: list them too, to undo a binding.
    std::vector<std::pair<std::string, std::string>> rows; // name, bound agent
    for (const auto& u : p.unknown) rows.emplace_back(u.name, "");
    for (const auto& [name, agent] : d.choices.bindings) rows.emplace_back(name, agent);
    if (rows.empty()) return;
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!collapsingHeader("dataimport.unknown", trf("dataimport.unknown", {std::to_string(p.unknown.size())}))) return;
    textWrapped("dataimport.unknown_intro", tr("dataimport.unknown_intro"));
    combo("dataimport.platform", tr("dataimport.platform"), d.platform, platformLabels(), 160);
    for (size_t k = 0; k < rows.size(); ++k) {
        const std::string id = "dataimport.bind" + std::to_string(k);
        std::string lines;
        for (const auto& u : p.unknown)
            if (u.name == rows[k].first)
                for (uint32_t l : u.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
        text((id + ".name").c_str(), rows[k].first + (lines.empty() ? "" : "  " + trf("dataimport.lines", {lines})));
        ImGui::SameLine(320);
        int current = int(std::find(agents.begin(), agents.end(), rows[k].second) - agents.begin());
        if (current >= int(agents.size())) current = 0;
        if (combo(id.c_str(), "", current, agents, 200)) {
            setChoice(d.choices.bindings, rows[k].first, agents[size_t(current)], current == 0);
            d.dirty = true;
        }
    }
}

void drawProblems(const DataImportDialog& d) {
    const auto& problems = d.preview->problems;
    if (problems.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    const bool open = collapsingHeader("dataimport.problems", trf("dataimport.problems", {std::to_string(problems.size())}));
    ImGui::PopStyleColor();
    if (!open) return;
    for (size_t i = 0; i < problems.size(); ++i)
        textWrapped(("dataimport.problem" + std::to_string(i)).c_str(), core::textIn(problems[i], uiLanguage()));
}

// The values as they will be set: an agent per row, a metric per column.
void drawValues(const DataImportDialog& d) {
    const auto& in = d.preview->input;
    const auto& cols = in.metrics.columns();
    if (in.agents.empty() || cols.empty()) return;
    const int n = int(std::min<size_t>(cols.size(), 60)) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg;
    if (!ImGui::BeginTable("##dataimport_values", n, flags, ImVec2(0, 200))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(imguiLabel(tr("roster.name"), "dataimport.h_agent").c_str());
    for (int c = 1; c < n; ++c) {
        const std::string id = "dataimport.h" + std::to_string(c);
        ImGui::TableSetupColumn(imguiLabel(metricLabel(cols[size_t(c - 1)]), id.c_str()).c_str());
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(in.agents.size()));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string row = "dataimport.v" + std::to_string(r);
            text((row + ".agent").c_str(), in.agents[size_t(r)].name);
            for (int c = 1; c < n; ++c) {
                ImGui::TableNextColumn();
                auto v = in.metrics.get(size_t(r), c - 1);
                text((row + "." + cols[size_t(c - 1)]).c_str(), v ? valueText(cols[size_t(c - 1)], *v) : "");
            }
        }
    ImGui::EndTable();
}

size_t valueCount(const core::PeriodInput& in) {
    size_t n = 0;
    for (size_t r = 0; r < in.agents.size(); ++r)
        for (size_t c = 0; c < in.metrics.columns().size(); ++c) n += in.metrics.get(r, int(c)).has_value();
    return n;
}
} // namespace

bool isDataFile(const std::string& fileName) {
    std::string lower;
    for (char c : fileName) lower += char(std::tolower(static_cast<unsigned char>(c)));
    for (const char* ext : {".csv", ".tsv", ".txt", ".xlsx"}) {
        const std::string e(ext);
        if (lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

void attachOrders(DataImportDialog& d, std::string fileName, const std::string& error, bool cancelled, const std::string& head) {
    d.awaitingOrders = false;
    d.dirty = true;
    const core::ColumnMapping with = std::exchange(d.ordersWith, {});
    if (error.empty() && !cancelled) {
        d.ordersName = std::move(fileName);
        d.orderError.clear();
        d.orderHeaders.clear();
        if (!with.empty()) d.chatLayouts.push_back(core::chatLayout(core::ChatFile::Orders, core::csvHeaderCells(head), with));
        return;
    }
    // Its header row did not give the columns: the mapping screen for it (from what it has).
    const bool headerProblem = error.find(": line 1:") != std::string::npos || error.find("column mapping:") != std::string::npos;
    if (headerProblem && !head.empty()) {
        d.orderHeaders = core::csvHeaderCells(head);
        d.orderColumns = core::resolveChatColumns(core::ChatFile::Orders, d.orderHeaders, with);
    }
    if (d.log) { // a part of the orders was read: none of them count
        d.log->orders = core::ChatOrders{};
        d.log->hasOrders = false;
    }
    d.ordersName.clear();
    if (!error.empty()) d.orderError = error;
}

void openChatImport(DataImportDialog& d, const core::AppState& s, std::string fileName, std::shared_ptr<core::ChatLog> log,
                    core::ColumnMapping columns) {
    d = DataImportDialog{};
    d.open = true;
    d.chatLog = true;
    d.log = std::move(log);
    d.messageColumns = std::move(columns);
    d.fileName = std::move(fileName);
    d.period = s.selectedPeriod;
}

void openDataImport(DataImportDialog& d, const core::AppState& s, std::string fileName, std::string bytes, std::string error) {
    d = DataImportDialog{};
    d.open = true;
    if (!error.empty()) { // it could not be read (the reader's message names the file)
        d.fileName = fileName;
        d.error = error.rfind(fileName, 0) == 0 ? error : fileName + ": " + error;
        d.dirty = false;
        return;
    }
    const core::FileLayout layout = core::detectFileLayout(bytes, s.settings);
    if (layout.kind == core::FileLayout::Kind::Messages) { // chat logs opened whole (without the piecewise reading)
        auto log = std::make_shared<core::ChatLog>();
        core::ChatReadOptions opt = core::chatReadOptions(s.settings.chat);
        opt.columns = layout.columns;
        core::MessageReader reader(*log, opt);
        auto r = reader.feed(bytes);
        if (r) r = reader.finish();
        openChatImport(d, s, fileName, std::move(log), layout.columns);
        d.bytes = std::move(bytes); // the hits' contexts are read from it
        if (!r) {
            d.error = fileName + ": " + r.error();
            d.dirty = false;
        }
        return;
    }
    d.fileName = std::move(fileName);
    d.bytes = std::move(bytes);
    d.period = s.selectedPeriod;
    if (!core::looksLikeXlsx(d.bytes)) { // a CSV: it may be chat messages with other headers
        d.messageHeaders = core::csvHeaderCells(d.bytes);
        d.messageColumns = core::resolveChatColumns(core::ChatFile::Messages, d.messageHeaders, {});
    }
}

// A file being read: how far, how long still, and 取消.
void drawReading(DataImportDialog& d) {
    const auto& r = *d.reading;
    const double mb = 1024.0 * 1024.0, fraction = r.size ? double(r.done) / double(r.size) : 0;
    auto megabytes = [&](uint64_t bytes) { return core::formatValue(std::round(double(bytes) / mb * 10) / 10); };
    textWrapped("dataimport.reading", trf("dataimport.reading", {r.name, megabytes(r.done), megabytes(r.size)}));
    ImGui::ProgressBar(float(fraction), ImVec2(-1, 0));
    std::string left = tr("dataimport.left_unknown");
    if (r.done > 0 && r.seconds > 0.5 && fraction > 0) left = trf("dataimport.left", {std::to_string(int(r.seconds / fraction - r.seconds + 0.5))});
    text("dataimport.left", left);
    if (button("dataimport.cancel_read", tr("dataimport.cancel_read"))) d.cancelRead = true;
}

void drawDataImportDialog(DataImportDialog& d, const core::AppState& s, Actions& out) {
    if (!d.open && !d.reading) return;
    if (d.reading && (!d.open || !d.chatLog)) { // a new file: only the progress until it is read
        bool open = true;
        // Its own window: the preview's window keeps its size when it opens next.
        if (beginDialog("dataimport.reading_window", trf("dataimport.title", {d.reading->name}), &open, 520)) drawReading(d);
        endDialog();
        if (!open) d.cancelRead = true;
        return;
    }
    if (d.chatLog && !(d.computedWith == s.settings.chat)) d.dirty = true; // 设置 changed while open
    if (!d.reading) refresh(d, s); // orders being read into the log: wait for them
    bool open = true;
    const std::string title = trf(d.chatLog ? "dataimport.title_chat" : "dataimport.title", {d.fileName});
    if (beginDialog("dataimport.window", title, &open, 820, 600)) {
        if (d.preview && !d.preview->encoding.empty() && !d.chatLog)
            textDisabled("dataimport.encoding", trf("dataimport.encoding", {d.preview->encoding}));
        drawTarget(d, s);
        if (d.reading) drawReading(d);
        const bool closed = d.period >= 0 && d.period < int(s.periods.size()) && s.periods[size_t(d.period)].closed;
        // A file that is not a report (or that the user says is not) may be chat messages.
        const bool readAsOnly = !d.chatLog && (d.readAs == 1 || (!d.error.empty() && !d.messageHeaders.empty()));
        if (!d.error.empty() && d.readAs == 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
            textWrapped("dataimport.error", d.error);
            ImGui::PopStyleColor();
        }
        if (readAsOnly) {
            drawReadAs(d, s);
        } else if (d.error.empty() && d.preview) {
            // The preview scrolls; the summary and the buttons stay at the bottom.
            const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
            ImGui::BeginChild("##dataimport_body", ImVec2(0, -footer));
            if (d.chatLog) drawChatHits(d, s);
            else drawReadAs(d, s);
            drawColumns(d);
            drawUnknown(d, s);
            drawProblems(d);
            drawValues(d);
            ImGui::EndChild();
            const size_t values = valueCount(d.preview->input);
            const std::string month = d.period >= 0 && d.period < int(s.periods.size()) ? core::formatMonth(s.periods[size_t(d.period)].month) : "-";
            text("dataimport.summary", closed ? trf("dataimport.closed", {month})
                                              : trf("dataimport.summary", {std::to_string(d.preview->input.agents.size()),
                                                                           std::to_string(values), month}));
            ImGui::BeginDisabled(values == 0 || closed || s.readOnly);
            if (button("dataimport.apply", tr("dataimport.apply"))) {
                const std::string platform = d.platform > 0 ? core::platformIds()[size_t(d.platform - 1)] : "";
                core::ImportValues a = core::importAction(*d.preview, d.period, d.choices, platform);
                a.layouts.insert(a.layouts.end(), d.chatLayouts.begin(), d.chatLayouts.end());
                out.push(std::move(a));
                open = false;
            }
            ImGui::EndDisabled();
            ImGui::SameLine();
        }
        if (button("dataimport.cancel", tr("settings.cancel"))) open = false;
    }
    endDialog();
    if (!open) d = DataImportDialog{};
}

} // namespace kefu::web::ui
