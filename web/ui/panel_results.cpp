// The results of the selected month: per group, each agent's score, rank, money and flags; the
// scorecard explains every number and every flag, with the action a flag calls for.
#include <algorithm>
#include <iterator>

#include "i18n.h"
#include "metrics.h"
#include "ui/panels.h"
#include "ui/rate_intervals.h"
#include "test_hook.h"
#include "ui/widgets.h"

namespace kefu::web::ui {

namespace {
// Agents by group (first-appearance order), then rank (unranked last), then input order.
std::vector<size_t> displayOrder(const core::Results& r) {
    std::vector<size_t> order(r.agents.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto groupIndex = [&](const std::string& g) {
        for (size_t i = 0; i < r.groups.size(); ++i)
            if (r.groups[i].group == g) return i;
        return r.groups.size();
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto &x = r.agents[a], &y = r.agents[b];
        if (groupIndex(x.group) != groupIndex(y.group)) return groupIndex(x.group) < groupIndex(y.group);
        return x.rank.value_or(1 << 30) < y.rank.value_or(1 << 30);
    });
    return order;
}

// "missing:exam_score" -> "缺数据：考试成绩"; unknown flags stay as they are.
std::string flagLabel(const std::string& flag) {
    const size_t colon = flag.find(':');
    const std::string head = flag.substr(0, colon), key = "flag." + head;
    if (!hasTr(key)) return flag;
    if (colon == std::string::npos) return tr(key);
    const std::string arg = flag.substr(colon + 1);
    std::string shown = arg;
    if (head == "missing") {
        const core::MetricDef* d = core::Catalog::builtin().find(arg);
        if (d) shown = uiLanguage() == core::Lang::Zh ? d->zh : d->en;
    } else if (hasTr("flag_arg." + arg)) {
        shown = tr("flag_arg." + arg);
    }
    return tr(key) + (uiLanguage() == core::Lang::Zh ? "：" : ": ") + shown;
}

std::string flagText(const std::vector<std::string>& flags) {
    std::string out;
    for (const auto& f : flags) out += (out.empty() ? "" : uiLanguage() == core::Lang::Zh ? "，" : ", ") + flagLabel(f);
    return out;
}

const ImVec4 kWarningColour(1.0f, 0.55f, 0.45f, 1);
const ImVec4 kToDoColour(0.95f, 0.75f, 0.3f, 1);

std::string flagHead(const std::string& flag) { return flag.substr(0, flag.find(':')); }

// Flags that call for the manager's attention but no action of the app.
bool isWarning(const std::string& flag) {
    static const char* const warnings[] = {"dismissal_risk", "consider_dismissal", "re_exam", "lose_regularization",
                                           "withhold_salary", "auto_resign", "level_not_eligible", "typing_below_minimum"};
    return std::find(std::begin(warnings), std::end(warnings), flagHead(flag)) != std::end(warnings);
}
// Flags with an action in the scorecard.
bool isToDo(const std::string& flag) { return flag == "attitude_review_needed" || flag == "eligible_for_regularization"; }

// The flags cell: warnings in their colour, to-dos in theirs; each flag explained on hover.
void drawFlagsCell(const std::string& id, const std::vector<std::string>& flags) {
    const bool warn = std::any_of(flags.begin(), flags.end(), isWarning), todo = std::any_of(flags.begin(), flags.end(), isToDo);
    if (warn || todo) ImGui::PushStyleColor(ImGuiCol_Text, warn ? kWarningColour : kToDoColour);
    text(id.c_str(), flagText(flags));
    if (warn || todo) ImGui::PopStyleColor();
    if (flags.empty() || !ImGui::IsItemHovered()) return;
    std::string tip;
    for (const auto& f : flags) {
        const std::string help = "flag_help." + flagHead(f);
        tip += (tip.empty() ? "" : "\n") + flagLabel(f) + (hasTr(help) ? ": " + tr(help) : "");
    }
    ImGui::SetTooltip("%s", tip.c_str());
}

void drawRow(const core::AppState& s, size_t i, const core::AgentResult& a, ResultsPanel& p) {
    const std::string row = "results.r" + std::to_string(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text((row + ".rank").c_str(), a.rank ? std::to_string(*a.rank) : "-");
    ImGui::TableNextColumn();
    if (ImGui::Selectable(imguiLabel(a.agent, (row + ".agent").c_str()).c_str(), p.scorecard == a.agent)) {
        p.scorecard = a.agent;
        p.confirmRegular = false;
    }
    recordItem(row + ".agent", a.agent, "button");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("results.open_scorecard").c_str());
    ImGui::TableNextColumn();
    text((row + ".group").c_str(), a.group);
    ImGui::TableNextColumn();
    text((row + ".score").c_str(), a.score ? core::formatValue(*a.score) : "-");
    ImGui::TableNextColumn();
    text((row + ".money").c_str(), money(s, a.totalFen()));
    ImGui::TableNextColumn();
    drawFlagsCell(row + ".flags", a.flags);
}

// Sorting by a clicked column header (rank, agent, group, score, money); ties keep the group order.
void sortBy(std::vector<size_t>& order, const core::Results& r, const ImGuiTableColumnSortSpecs& spec) {
    const bool down = spec.SortDirection == ImGuiSortDirection_Descending;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto &x = r.agents[a], &y = r.agents[b];
        int c = 0;
        switch (spec.ColumnIndex) {
        case 0: c = (x.rank.value_or(1 << 30) > y.rank.value_or(1 << 30)) - (x.rank.value_or(1 << 30) < y.rank.value_or(1 << 30)); break;
        case 1: c = x.agent.compare(y.agent); break;
        case 2: c = x.group.compare(y.group); break;
        case 3: c = (x.score.value_or(-1e300) > y.score.value_or(-1e300)) - (x.score.value_or(-1e300) < y.score.value_or(-1e300)); break;
        case 4: c = (x.totalFen() > y.totalFen()) - (x.totalFen() < y.totalFen()); break;
        default: return false;
        }
        return down ? c > 0 : c < 0;
    });
}

void drawFilter(const core::Results& r, ResultsPanel& p) {
    std::vector<std::string> groups{tr("results.all_groups")};
    for (const auto& g : r.groups) groups.push_back(g.group);
    if (p.group >= int(groups.size())) p.group = 0;
    combo("results.filter", tr("results.filter"), p.group, groups, 160);
}

void drawTable(const core::AppState& s, const core::Results& r, ResultsPanel& p) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SortTristate; // unsorted at first: by group, then rank
    if (!ImGui::BeginTable("##results_table", 6, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const char* keys[] = {"results.rank", "results.agent", "results.group", "results.score", "results.money", "results.flags"};
    const float weights[] = {0.6f, 1.0f, 1.0f, 0.8f, 1.0f, 2.6f};
    for (int c = 0; c < 6; ++c)
        ImGui::TableSetupColumn(imguiLabel(tr(keys[c]), keys[c]).c_str(),
                                ImGuiTableColumnFlags_WidthStretch | (c == 5 ? ImGuiTableColumnFlags_NoSort : 0), weights[c]);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers); // the headers one by one, so each is a recorded item
    for (int c = 0; c < 6; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        recordItem(std::string(keys[c]) + ".header", tr(keys[c]), "header");
    }
    std::vector<size_t> order = displayOrder(r);
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0)
        sortBy(order, r, specs->Specs[0]);
    const std::string group = p.group > 0 && p.group <= int(r.groups.size()) ? r.groups[size_t(p.group - 1)].group : "";
    for (size_t i : order) {
        if (!group.empty() && r.agents[i].group != group) continue;
        ImGui::PushID(int(i));
        drawRow(s, i, r.agents[i], p);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// What the month's flags ask of the manager, counted.
void drawFlagSummary(const core::Results& r) {
    int review = 0, regular = 0, warn = 0;
    for (const auto& a : r.agents) {
        review += a.hasFlag("attitude_review_needed");
        regular += a.hasFlag("eligible_for_regularization");
        warn += std::any_of(a.flags.begin(), a.flags.end(), isWarning);
    }
    if (review + regular + warn == 0) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kToDoColour);
    textWrapped("results.flags_summary",
                trf("results.flags_summary", {std::to_string(review), std::to_string(regular), std::to_string(warn)}));
    ImGui::PopStyleColor();
}

void drawSchemeLine(const core::AppState& s) {
    const std::string& name = uiLanguage() == core::Lang::Zh ? s.schemeNameZh : s.schemeNameEn;
    text("results.scheme", trf("results.scheme", {name.empty() ? s.schemeId : name + " (" + s.schemeId + ")"}));
    if (s.schemeIsFallback) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.7f, 0.2f, 1));
        textWrapped("results.fallback", tr("results.fallback"));
        ImGui::PopStyleColor();
    }
}

} // namespace

void drawMonthChoice(const char* prefix, const core::AppState& s, Actions& out) {
    text((std::string(prefix) + "_label").c_str(), tr("results.period_label"));
    for (int i = 0; i < int(s.periods.size()); ++i) {
        ImGui::SameLine();
        std::string id = std::string(prefix) + "." + std::to_string(i);
        const auto& p = s.periods[size_t(i)];
        const std::string label = core::formatMonth(p.month) + (p.closed ? " " + tr("results.closed_mark") : "");
        if (radio(id.c_str(), label, i == s.selectedPeriod)) out.push(core::SelectPeriod{i});
    }
    const auto& p = s.periods[size_t(s.selectedPeriod)];
    if (p.closed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.8f, 1.0f, 1));
        textWrapped((std::string(prefix) + "_closed").c_str(), trf("results.closed", {core::formatMonth(p.month)}));
        ImGui::PopStyleColor();
    }
}
void drawResultsPanel(ResultsPanel& p, const core::AppState& s, Actions& out, ImVec2 pos, ImVec2 size) {
    if (beginPanel("panel.results", tr("results.title"), pos, size)) {
        const core::Results* r = core::selectedResults(s);
        if (!r) {
            textWrapped("results.no_data", tr("results.no_data"));
        } else {
            drawMonthChoice("results.period", s, out);
            if (r->agents.empty()) textWrapped("results.month_empty", tr("results.month_empty"));
            drawSchemeLine(s);
            drawFlagSummary(*r);
            ImGui::Separator();
            drawFilter(*r, p);
            drawTable(s, *r, p);
            text("results.fund", trf("results.fund", {money(s, r->fundTotalFen)}));
        }
    }
    endPanel();
}

namespace {
std::string ruleName(const core::IStr& rule) { return rule.str(); }

// Each score line: rule, metric and value, the points, and under it how they were computed.
void drawBreakdown(const core::AgentResult& a, core::Lang lang) {
    if (a.breakdown.empty()) return;
    text("scorecard.scores", tr("scorecard.scores"));
    for (size_t i = 0; i < a.breakdown.size(); ++i) {
        const core::BreakdownLine& b = a.breakdown[i];
        const std::string row = "scorecard.b" + std::to_string(i);
        const std::string& metric = b.metric.str();
        const core::IText2 label = core::metricLabel(metric);
        std::string line = "  " + ruleName(b.rule) + " · ";
        if (!metric.empty()) line += (lang == core::Lang::Zh ? label.zh().str() : label.en().str()) + " ";
        if (b.value) line += core::formatValue(*b.value);
        line += "  →  " + (b.points ? core::formatValue(*b.points) : std::string("-"));
        text((row + ".line").c_str(), line);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        textWrapped((row + ".why").c_str(), "      " + b.why.format(lang));
        ImGui::PopStyleColor();
    }
}

void drawMoney(const core::AppState& s, const core::AgentResult& a, core::Lang lang) {
    text("scorecard.money", trf("scorecard.money", {money(s, a.totalFen())}));
    for (size_t i = 0; i < a.money.size(); ++i) {
        const core::MoneyLine& m = a.money[i];
        const std::string row = "scorecard.m" + std::to_string(i);
        const std::string kind = "money." + std::string(core::moneyKindId(m.kind));
        text((row + ".amount").c_str(), "  " + (hasTr(kind) ? tr(kind) : std::string(core::moneyKindId(m.kind))) + "  " +
                                            money(s, m.amountFen) + "  (" + ruleName(m.rule) + ")");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        textWrapped((row + ".why").c_str(), "    " + m.why.format(lang));
        ImGui::PopStyleColor();
    }
}

void disabledWrapped(const std::string& id, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    textWrapped(id.c_str(), s);
    ImGui::PopStyleColor();
}

// The ids of the month's dsr_dimensions rules (a closed month: of the scheme it was scored with).
const std::vector<std::string>& dsrRules(ResultsPanel& p, const core::AppState& s) {
    if (p.rulesRevision == s.revision && p.rulesPeriod == s.selectedPeriod) return p.dsrRules;
    p.rulesRevision = s.revision;
    p.rulesPeriod = s.selectedPeriod;
    p.dsrRules.clear();
    const core::PeriodData& period = s.periods[size_t(s.selectedPeriod)];
    core::Problems problems;
    auto scheme = period.closed && !period.frozenScheme.empty()
                      ? core::parseScheme(period.frozenScheme, core::Catalog::builtin(), problems)
                      : core::activeScheme(s, problems);
    if (scheme)
        for (const auto& rule : scheme->rules)
            if (rule.type == "dsr_dimensions") p.dsrRules.push_back(rule.id);
    return p.dsrRules;
}

// The k-th DSR warning line of an agent and the advice lines that follow it (dsr_dimensions
// writes the warning without metric or points, then one line per weak sub-metric without points).
std::vector<const core::BreakdownLine*> dsrAdvice(const core::AgentResult& a, const std::vector<std::string>& rules, size_t k) {
    auto dsr = [&](const core::BreakdownLine& b) { return std::find(rules.begin(), rules.end(), b.rule.str()) != rules.end(); };
    std::vector<const core::BreakdownLine*> out;
    size_t seen = 0;
    for (size_t i = 0; i < a.breakdown.size() && out.empty(); ++i) {
        const core::BreakdownLine& b = a.breakdown[i];
        if (!dsr(b) || !b.metric.empty() || b.points || seen++ != k) continue;
        for (size_t j = i; j < a.breakdown.size(); ++j) {
            const core::BreakdownLine& c = a.breakdown[j];
            if (j > i && (!dsr(c) || c.metric.empty() || c.points)) break;
            out.push_back(&c);
        }
    }
    return out;
}

// 态度合格 / 态度不合格: the attitude review as an event on the month's last day.
void drawAttitudeReview(const core::AppState& s, const core::AgentResult& a, Actions& out) {
    const core::Month month = s.periods[size_t(s.selectedPeriod)].month;
    for (const char* kind : {"attitude_good", "attitude_bad"}) {
        const std::string id = std::string("scorecard.") + kind;
        if (std::string_view(kind) == "attitude_bad") ImGui::SameLine();
        if (button(id.c_str(), tr(id)))
            out.push(core::AddEvent{s.selectedPeriod, core::Event{a.agent, core::lastDay(month), kind, 1, std::nullopt,
                                                                  tr("scorecard.attitude_note")}});
    }
}

// 确认转正: regular from the first day of the next month, from that month on (or from this one
// when there is no next month yet); the confirmation says which.
void drawRegularize(ResultsPanel& p, const core::AppState& s, const core::AgentResult& a, Actions& out) {
    const auto it = std::find_if(s.roster.begin(), s.roster.end(), [&](const core::Agent& x) { return x.name == a.agent; });
    if (it == s.roster.end()) return;
    if (it->status == core::Status::Regular) { // recorded already (the team list is the latest one)
        disabledWrapped("scorecard.already_regular",
                        trf("scorecard.already_regular", {it->regularSince ? core::formatDate(*it->regularSince) : "-"}));
        return;
    }
    if (!p.confirmRegular) {
        if (button("scorecard.regularize", tr("scorecard.regularize"))) p.confirmRegular = true;
        return;
    }
    const int sel = s.selectedPeriod;
    const bool next = sel + 1 < int(s.periods.size());
    const int from = next ? sel + 1 : sel;
    const core::Date since = core::firstDay(core::addMonths(s.periods[size_t(sel)].month, 1));
    textWrapped("scorecard.regularize_text", trf(next ? "scorecard.regularize_next" : "scorecard.regularize_this",
                                                 {a.agent, core::formatDate(since), core::formatMonth(s.periods[size_t(from)].month)}));
    if (button("scorecard.regularize_confirm", tr("scorecard.regularize_confirm"))) {
        core::Agent changed = *it;
        changed.status = core::Status::Regular;
        changed.regularSince = since;
        out.push(core::UpdateAgent{a.agent, changed, from});
        p.confirmRegular = false;
    }
    ImGui::SameLine();
    if (button("scorecard.regularize_cancel", tr("scorecard.regularize_cancel"))) p.confirmRegular = false;
}

// 标记与处理: every flag with its label, what it means and, where it calls for one, the action.
void drawFlags(ResultsPanel& p, const core::AppState& s, const core::AgentResult& a, Actions& out) {
    if (a.flags.empty()) return;
    // Open at first when a flag calls for the manager (review, regularization); else one line, so
    // the money and the scores stay in view.
    const bool anyToDo = std::any_of(a.flags.begin(), a.flags.end(), [](const std::string& f) { return isToDo(f); });
    ImGui::PushID(a.agent.c_str());
    ImGui::SetNextItemOpen(anyToDo, ImGuiCond_Once);
    const bool open = collapsingHeader("scorecard.flags_title", trf("scorecard.flags_count", {std::to_string(a.flags.size())}));
    ImGui::PopID();
    if (!open) return;
    const bool editable = !s.periods[size_t(s.selectedPeriod)].closed && !s.readOnly;
    size_t dsr = 0;
    for (size_t k = 0; k < a.flags.size(); ++k) {
        const std::string& f = a.flags[k];
        const std::string head = flagHead(f), id = "scorecard.flag" + std::to_string(k), help = "flag_help." + head;
        const bool warn = isWarning(f), todo = isToDo(f);
        if (warn || todo) ImGui::PushStyleColor(ImGuiCol_Text, warn ? kWarningColour : kToDoColour);
        text(id.c_str(), "  " + flagLabel(f));
        if (warn || todo) ImGui::PopStyleColor();
        ImGui::Indent(24);
        if (hasTr(help)) disabledWrapped(id + ".help", tr(help));
        if (head == "dsr_warning") {
            const auto lines = dsrAdvice(a, dsrRules(p, s), dsr++);
            for (size_t j = 0; j < lines.size(); ++j) disabledWrapped(id + ".advice" + std::to_string(j), lines[j]->why.format(s.language));
        }
        if (todo && !editable) disabledWrapped(id + ".closed", tr("scorecard.read_only"));
        else if (f == "attitude_review_needed") drawAttitudeReview(s, a, out);
        else if (f == "eligible_for_regularization") drawRegularize(p, s, a, out);
        ImGui::Unindent(24);
    }
    ImGui::Separator();
}
} // namespace

void drawScorecard(ResultsPanel& p, const core::AppState& s, Actions& out) {
    if (p.scorecard.empty()) return;
    const core::Results* r = core::selectedResults(s);
    const core::AgentResult* a = nullptr;
    if (r)
        for (const auto& x : r->agents)
            if (x.agent == p.scorecard) a = &x;
    if (!a) {
        p.scorecard.clear();
        return;
    }
    bool open = true;
    const std::string month = core::formatMonth(s.periods[size_t(s.selectedPeriod)].month);
    if (beginDialog("scorecard.window", trf("scorecard.title", {a->agent, month}), &open, 760, 560)) {
        text("scorecard.who", trf("scorecard.who", {a->group, tr(a->status == core::Status::Regular ? "status.regular" : "status.probation")}));
        text("scorecard.total", trf("scorecard.total", {a->score ? core::formatValue(*a->score) : "-",
                                                        a->rank ? std::to_string(*a->rank) : "-"}));
        ImGui::Separator();
        drawFlags(p, s, *a, out);
        drawMoney(s, *a, s.language);
        ImGui::Spacing();
        drawAgentRates(s, *a);
        drawBreakdown(*a, s.language);
    }
    endDialog();
    if (!open) {
        p.scorecard.clear();
        p.confirmRegular = false;
    }
}

} // namespace kefu::web::ui
