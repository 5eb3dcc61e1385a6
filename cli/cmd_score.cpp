// kefu score / kefu explain: load inputs, evaluate, print the contract's JSON (or csv/table),
// or one agent's explanation as readable text.
#include <algorithm>
#include <iostream>
#include <set>
#include <sstream>

#include "cli.h"
#include "csv.h"
#include "input.h"
#include "presets.h"
#include "shop_build.h"
#include "snapshot.h"
#include "xlsx.h"

namespace kefu::cli {

using namespace core;

namespace {
const std::vector<std::string> kScoreOptions = {"--metrics", "--scheme", "--events", "--history", "--roster", "--period",
                                                "--format", "--lang", "--set", "-o", "--agent", "--sheet"};

const Msg kGivenDiffers{"{0}：客服 {1} 的{2}填写为 {3}，按公式算出为 {4}；采用填写的值",
                        "{0}: agent {1}: {2} given as {3} but computes to {4}; the given value is used"};

bool fileExists(const std::string& path) { return readFile(path).ok(); }

Expected<History> loadHistoryArgs(const Args& args) {
    History h;
    for (const auto& path : args.all("--history")) {
        auto text = readFile(path);
        if (!text) return Error{text.error()};
        if (text->rfind("KEFUSNAP", 0) == 0) { // a snapshot: its closed periods, oldest first
            auto shop = decodeSnapshot(*text);
            if (!shop) return Error{path + ": " + shop.error()};
            auto periods = shopHistory(*shop);
            if (!periods) return Error{path + ": " + periods.error()};
            h.insert(h.end(), periods->begin(), periods->end());
            continue;
        }
        auto hp = loadHistoryJson(*text, path);
        if (!hp) return Error{hp.error()};
        h.push_back(std::move(*hp));
    }
    return h;
}

} // namespace

Expected<Scheme> loadSchemeArg(const std::string& arg, const Catalog& catalog) {
    Problems problems;
    if (fileExists(arg)) {
        auto text = readFile(arg);
        auto s = parseScheme(*text, catalog, problems);
        if (!s) {
            std::string msg = arg + ": the scheme has problems:\n";
            for (const auto& p : problems.list()) msg += "  " + arg + ": " + p.text() + "\n";
            return Error{msg};
        }
        return s;
    }
    auto s = loadPreset(arg, catalog, problems);
    if (!s) {
        if (problems.empty()) {
            std::string ids;
            for (const auto& f : presetFiles()) ids += (ids.empty() ? "" : ", ") + f.id;
            return Error{"--scheme " + arg + ": no such file and no such preset (presets: " + ids + ")"};
        }
        return Error{s.error()};
    }
    return s;
}

Expected<PeriodInput> loadMetricsArg(const std::string& path, const std::vector<Agent>* roster, std::vector<std::string>& warnings,
                                     Lang lang, const Catalog& catalog, const std::string& sheetName) {
    auto bytes = readFile(path);
    if (!bytes) return Error{bytes.error()};
    LoadReport report;
    Expected<PeriodInput> in = Error{""};
    if (looksLikeXlsx(*bytes)) {
        auto sheet = readXlsxSheet(*bytes, sheetName);
        if (!sheet) return Error{path + ": " + sheet.error()};
        if (sheet->rows.empty()) return Error{path + " [" + sheet->name + "]: the sheet is empty"};
        in = loadMetricsTable(sheet->rows, sheet->lines, path + " [" + sheet->name + "]", catalog, roster, report);
    } else {
        in = loadMetricsCsv(*bytes, path, catalog, roster, report);
    }
    for (const auto& w : report.warnings) warnings.push_back(textIn(w, lang));
    return in;
}

Expected<ScoreRun> runScore(const Args& args) {
    const Catalog& builtin = Catalog::builtin();
    auto metricsPath = args.one("--metrics");
    auto schemeArg = args.one("--scheme");
    if (!metricsPath) return Error{"--metrics FILE is required"};
    if (!schemeArg) return Error{"--scheme PRESET|FILE is required"};
    auto lang = parseLang(args);
    if (!lang) return Error{lang.error()};
    ScoreRun run;
    auto scheme = loadSchemeArg(*schemeArg, builtin);
    if (!scheme) return Error{scheme.error()};
    run.scheme = std::move(*scheme);
    auto extended = schemeCatalog(run.scheme, builtin);
    if (!extended) return Error{extended.error()};
    run.catalog = std::move(*extended);
    const Catalog& catalog = run.catalog;
    for (const auto& assignment : args.all("--set")) {
        auto ok = setSchemeParam(run.scheme, assignment);
        if (!ok) return Error{"--set " + assignment + ": " + ok.error()};
    }
    Problems problems;
    validateScheme(run.scheme, builtin, problems);
    if (!problems.empty()) return Error{"the scheme has problems after --set:\n" + problems.joined()};

    std::vector<Agent> roster;
    if (auto rosterPath = args.one("--roster")) {
        auto text = readFile(*rosterPath);
        if (!text) return Error{text.error()};
        auto r = loadRoster(*text, *rosterPath);
        if (!r) return Error{r.error()};
        roster = std::move(*r);
    }
    auto input = loadMetricsArg(*metricsPath, args.has("--roster") ? &roster : nullptr, run.warnings, *lang, catalog,
                                args.one("--sheet").value_or(""));
    if (!input) return Error{input.error()};
    run.input = std::move(*input);
    if (auto period = args.one("--period")) {
        run.input.period = parseMonth(*period);
        if (!run.input.period) return Error{"--period '" + *period + "' is not YYYY-MM"};
    } else {
        for (const auto& r : run.scheme.rules) {
            const RuleType* t = findRuleType(r.type);
            if (r.enabled && t && t->needsPeriod)
                return Error{"--period YYYY-MM is required: rule " + r.id + " (" + r.type + ") reads dates"};
        }
    }
    if (auto eventsPath = args.one("--events")) {
        auto text = readFile(*eventsPath);
        if (!text) return Error{text.error()};
        auto ev = loadEventsCsv(*text, *eventsPath, run.input.agents, schemeEventKinds(run.scheme));
        if (!ev) return Error{ev.error()};
        run.input.events = std::move(*ev);
    }
    auto history = loadHistoryArgs(args);
    if (!history) return Error{history.error()};
    run.history = std::move(*history);
    for (const auto& w : deriveMetrics(catalog, run.input.metrics)) {
        const MetricDef* d = catalog.find(w.metric);
        const std::string metric = *lang == Lang::Zh && d ? d->zh : w.metric;
        run.warnings.push_back(textIn(fillMsg(kGivenDiffers, {*metricsPath, run.input.agents[w.row].name, metric,
                                                              formatValue(w.given), formatValue(w.computed)}), *lang));
    }
    run.results = evaluate(run.input, run.scheme, run.history, catalog);
    return run;
}

namespace {
std::string resultsCsv(const Results& r) {
    std::set<std::string> keys;
    for (const auto& a : r.agents)
        for (const auto& [k, v] : a.scores) keys.insert(k);
    std::string out = "\xEF\xBB\xBF" "agent,group,status,score,rank,total_fen";
    for (const auto& k : keys) out += "," + csvField("score:" + k);
    out += ",flags\n";
    for (const auto& a : r.agents) {
        out += csvField(a.agent) + "," + csvField(a.group) + "," + statusId(a.status) + ",";
        out += (a.score ? formatNumber(*a.score) : "") + "," + (a.rank ? std::to_string(*a.rank) : "") + ",";
        out += std::to_string(a.totalFen());
        for (const auto& k : keys) {
            auto it = a.scores.find(k);
            out += "," + (it == a.scores.end() ? std::string() : formatNumber(it->second));
        }
        std::string flags;
        for (const auto& f : a.flags) flags += (flags.empty() ? "" : ";") + f;
        out += "," + csvField(flags) + "\n";
    }
    return out;
}

std::string resultsTable(const Results& r, Lang lang) {
    std::ostringstream s;
    s << (lang == Lang::Zh ? "考核期 " : "period ") << r.period << "  " << (lang == Lang::Zh ? "方案 " : "scheme ") << r.scheme << "\n";
    for (const auto& a : r.agents) {
        s << a.agent << "\t" << a.group << "\t" << (a.score ? formatValue(*a.score) : "-") << "\t#"
          << (a.rank ? std::to_string(*a.rank) : "-") << "\t" << formatYuan(a.totalFen()) << "\t";
        for (const auto& f : a.flags) s << f << " ";
        s << "\n";
    }
    s << (lang == Lang::Zh ? "部门基金 " : "department fund ") << formatYuan(r.fundTotalFen) << "\n";
    return s.str();
}
} // namespace

int cmdScore(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2, kScoreOptions, {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    std::string format = args->one("--format").value_or("json");
    if (format != "json" && format != "csv" && format != "table") return fail("--format must be json, csv or table");
    auto run = runScore(*args);
    if (!run) return fail(run.error());
    for (const auto& w : run->warnings) std::cerr << "kefu: warning: " << w << "\n";
    for (const auto& w : run->results.warnings) std::cerr << "kefu: warning: " << w.format(*lang) << "\n";
    std::string out;
    if (format == "json") {
        Json j = resultsToJson(run->results, *lang);
        Json* warnings = j.find("warnings");
        Json merged = Json::array();
        for (const auto& w : run->warnings) merged.push(Json::string(w));
        for (auto& w : warnings->items()) merged.push(std::move(w));
        *warnings = std::move(merged);
        out = writeJson(j, 2) + "\n";
    } else if (format == "csv") {
        out = resultsCsv(run->results);
    } else {
        out = resultsTable(run->results, *lang);
    }
    return writeOutput(*args, out);
}

int cmdExplain(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2, kScoreOptions, {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    auto name = args->one("--agent");
    if (!name) return fail("--agent NAME is required");
    auto run = runScore(*args);
    if (!run) return fail(run.error());
    const auto& agents = run->results.agents;
    auto it = std::find_if(agents.begin(), agents.end(), [&](const AgentResult& a) { return a.agent == *name || a.id == *name; });
    if (it == agents.end()) return fail("no agent '" + *name + "' in " + *args->one("--metrics"));
    const bool zh = *lang == Lang::Zh;
    std::ostringstream s;
    s << it->agent << "  " << it->group << "  " << (zh ? (it->status == Status::Regular ? "转正" : "试用") : statusId(it->status)) << "\n";
    s << (zh ? "总分 " : "score ") << (it->score ? formatValue(*it->score) : "-") << "  " << (zh ? "排名 " : "rank ")
      << (it->rank ? std::to_string(*it->rank) : "-") << "\n";
    for (const auto& [k, v] : it->scores) s << "  " << k << " = " << formatValue(v) << "\n";
    if (it->stage) s << (zh ? "阶段 " : "stage ") << *it->stage << "\n";
    s << (zh ? "\n明细:\n" : "\nBreakdown:\n");
    for (const auto& b : it->breakdown) s << "  [" << b.rule << "] " << b.why.format(*lang) << "\n";
    s << (zh ? "\n金额:\n" : "\nMoney:\n");
    for (const auto& m : it->money)
        s << "  [" << m.rule << "] " << moneyKindId(m.kind) << " " << formatYuan(m.amountFen) << "  " << m.why.format(*lang) << "\n";
    s << (zh ? "  合计 " : "  total ") << formatYuan(it->totalFen()) << "\n";
    if (!it->lowConfidence.empty()) {
        s << (zh ? "\n低置信:\n" : "\nLow confidence:\n");
        for (const auto& l : it->lowConfidence) s << "  " << l.why.format(*lang) << "\n";
    }
    if (!it->flags.empty()) {
        s << (zh ? "\n标记:" : "\nFlags:");
        for (const auto& f : it->flags) s << " " << f;
        s << "\n";
    }
    std::cout << s.str();
    return 0;
}

int cmdPresets(int argc, char** argv) {
    auto args = parseArgs(argc, argv, 2, {"--lang"}, {});
    if (!args) return fail(args.error());
    auto lang = parseLang(*args);
    if (!lang) return fail(lang.error());
    int status = 0;
    for (const auto& f : presetFiles()) {
        Problems problems;
        auto s = loadPreset(f.id, Catalog::builtin(), problems);
        if (!s) {
            std::cerr << "kefu: " << s.error() << "\n";
            status = 2;
            continue;
        }
        bool zh = *lang == Lang::Zh;
        std::cout << f.id << "\t" << (zh ? s->nameZh : s->nameEn) << "\n    " << (zh ? s->descriptionZh : s->descriptionEn) << "\n";
    }
    return status;
}

} // namespace kefu::cli
