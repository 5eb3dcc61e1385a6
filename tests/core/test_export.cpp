// Export tables and writers: XLSX and CSV read back through the project's own readers give the
// cells that were written; formula-looking texts are guarded in CSV (never numbers); the tables
// say what the results and inputs say.
#include <doctest/doctest.h>

#include "csv.h"
#include "export.h"
#include "input.h"
#include "snapshot.h"
#include "text.h"
#include "xlsx.h"
#include "zip.h"

using namespace kefu::core;

namespace {
// Texts that spreadsheets would run, markup, Chinese, quotes and separators, next to numbers
// that must stay numbers (a fine of -50, a rate, a large sum).
Table trickyTable() {
    Table t;
    t.name = "考核结果";
    t.ids = {"agent", "group", "note", "fine", "rate", "sales"};
    t.header = {"客服", "组别", "=备注", "罚款（元）", "询单转化率", "销售额"};
    t.rows = {
        {Cell::str("张三"), Cell::str("售前A组"), Cell::str("=1+1"), Cell::num(-50), Cell::num(0.903111), Cell::num(1234567.5)},
        {Cell::str("<img src=x onerror=alert(1)>"), Cell::str("+86 售后"), Cell::str("-2"), Cell::num(-0.5), Cell{},
         Cell::num(0)},
        {Cell::str("@SUM(A1)"), Cell::str("a,\"b\"\nc"), Cell::str("\tTAB"), Cell::num(100), Cell::num(1e-6), Cell{}},
        {Cell::str("李 & 王"), Cell{}, Cell::str("'已引号"), Cell::num(2800), Cell::num(1), Cell::num(-1234.56)},
    };
    return t;
}

// The cells as a reader gives them back: numbers as text (XLSX: the shortest exact form; CSV: plain
// decimals), no value as "".
std::vector<std::vector<std::string>> expectedRows(const Table& t, std::string (*number)(double)) {
    std::vector<std::vector<std::string>> rows{t.header};
    for (const auto& r : t.rows) {
        rows.emplace_back();
        for (const auto& c : r) rows.back().push_back(c.isNumber ? number(c.number) : c.text);
    }
    return rows;
}

// Readers drop trailing empty cells; pad to the header's width to compare.
void padRows(std::vector<std::vector<std::string>>& rows, size_t width) {
    for (auto& r : rows) r.resize(std::max(r.size(), width));
}

std::string unguard(const std::string& s) {
    return s.size() > 1 && s[0] == '\'' && looksLikeFormula(s.substr(1)) ? s.substr(1) : s;
}

uint32_t le32(std::string_view b, size_t at) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + size_t(i)]);
    return v;
}
} // namespace

TEST_CASE("export: formula-looking texts") {
    for (const char* s : {"=1+1", "+86", "-2", "@SUM(A1)", "\tx", "\rx"}) CHECK_MESSAGE(looksLikeFormula(s), s);
    for (const char* s : {"", "张三", "1+1", " =1", "'=1", "a=b"}) CHECK_FALSE_MESSAGE(looksLikeFormula(s), s);
}

TEST_CASE("export: XLSX read back by readXlsxSheet gives the same cells") {
    const Table t = trickyTable();
    auto bytes = writeXlsx(t);
    REQUIRE_MESSAGE(bytes.ok(), bytes.error());
    CHECK(looksLikeXlsx(*bytes));
    auto names = xlsxSheetNames(*bytes);
    REQUIRE(names.ok());
    CHECK(*names == std::vector<std::string>{"考核结果"});
    auto sheet = readXlsxSheet(*bytes);
    REQUIRE_MESSAGE(sheet.ok(), sheet.error());
    padRows(sheet->rows, t.header.size());
    CHECK(sheet->rows == expectedRows(t, formatNumber));
    CHECK(sheet->lines == std::vector<uint32_t>{1, 2, 3, 4, 5});

    auto zip = ZipReader::open(*bytes);
    REQUIRE(zip.ok());
    auto xml = zip->read(*zip->find("xl/worksheets/sheet1.xml"));
    REQUIRE(xml.ok());
    CHECK(xml->find("<f>") == std::string::npos); // texts are inline strings, never formulas
    CHECK(xml->find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(xml->find("<v>-50</v>") != std::string::npos); // a fine is a number cell
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"})
        CHECK_MESSAGE(zip->find(part) != nullptr, part);
}

TEST_CASE("export: XLSX entries are stored with their CRC-32, the same bytes each time") {
    auto bytes = writeXlsx(trickyTable());
    REQUIRE(bytes.ok());
    auto zip = ZipReader::open(*bytes);
    REQUIRE(zip.ok());
    REQUIRE(zip->entries().size() == 6);
    for (const auto& e : zip->entries()) {
        CHECK(e.method == 0);
        auto data = zip->read(e);
        REQUIRE(data.ok());
        CHECK_MESSAGE(le32(*bytes, size_t(e.localHeaderOffset) + 14) == crc32(*data), e.name);
    }
    CHECK(*writeXlsx(trickyTable()) == *bytes);
}

TEST_CASE("export: XLSX sheet names that Excel refuses are cleaned") {
    Table t = trickyTable();
    t.name = "a/b:c[d]*?\\e 一二三四五六七八九十一二三四五六七八九十一二三";
    auto names = xlsxSheetNames(*writeXlsx(t));
    REQUIRE(names.ok());
    CHECK(names->front() == "a_b_c_d____e 一二三四五六七八九十一二三四五六七八");
}

TEST_CASE("export: CSV for Excel has a BOM, CRLF, guarded formula texts and plain numbers") {
    const Table t = trickyTable();
    const std::string csv = writeCsv(t);
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("\r\n") != std::string::npos);
    CHECK(csv.find("张三,售前A组,'=1+1,-50,0.903111,1234567.5\r\n") != std::string::npos);
    CHECK(csv.find("<img src=x onerror=alert(1)>,'+86 售后,'-2,-0.5,,0\r\n") != std::string::npos);
    CHECK(csv.find("'@SUM(A1),\"a,\"\"b\"\"\nc\",'\tTAB,100,0.000001,\r\n") != std::string::npos);
    CHECK(csv.find(",'=备注,") != std::string::npos); // headers are texts too
    CHECK(csv.find("'-50") == std::string::npos);
    CHECK(csv.find("'-1234.56") == std::string::npos);

    auto parsed = parseCsv(decodeText(csv));
    REQUIRE_MESSAGE(parsed.ok(), parsed.error());
    for (auto& row : parsed->rows)
        for (auto& cell : row) cell = unguard(cell);
    padRows(parsed->rows, t.header.size());
    CHECK(parsed->rows == expectedRows(t, formatValue));
}

TEST_CASE("export: canonical CSV is UTF-8 without BOM, LF, texts exactly") {
    const std::string csv = writeCsv(trickyTable(), CsvFlavor::Canonical);
    CHECK(csv.rfind("客服,组别,=备注,", 0) == 0);
    CHECK(csv.find('\r') == std::string::npos);
    CHECK(csv.find("张三,售前A组,=1+1,-50,0.903111,1234567.5\n") != std::string::npos);
    CHECK(csv.find("'") == csv.find("'已引号"));
}

namespace {
PeriodInput sampleInput() {
    PeriodInput in;
    auto add = [&](const char* name, const char* group, Status s) {
        Agent a;
        a.name = name;
        a.group = group;
        a.status = s;
        in.agents.push_back(a);
    };
    add("张三", "售前A组", Status::Regular);
    add("=李四", "售前B组", Status::Probation);
    in.agents[0].hireDate = Date{2023, 5, 6};
    in.agents[1].level = "初级";
    in.metrics.resizeRows(2);
    in.metrics.set(0, in.metrics.addColumn("conversion_rate"), 0.4550000001);
    in.metrics.set(1, in.metrics.addColumn("conversion_rate"), 0.5);
    in.metrics.set(0, in.metrics.addColumn("sales_amount"), 1234.5);
    in.metrics.set(1, in.metrics.addColumn("avg_response_s"), 18.25);
    in.metrics.addColumn("daily_avg_sales"); // no agent has a value: not exported
    return in;
}

// Loads a written metrics CSV the way `kefu score` does.
PeriodInput reload(const std::string& csv) {
    LoadReport report;
    auto in = loadMetricsCsv(csv, "m.csv", Catalog::builtin(), nullptr, report);
    REQUIRE_MESSAGE(in.ok(), in.error());
    CHECK(report.warnings.empty());
    return *in;
}

void checkSameInput(const PeriodInput& back, const PeriodInput& in) {
    REQUIRE(back.agents.size() == in.agents.size());
    for (size_t r = 0; r < in.agents.size(); ++r) {
        CHECK(back.agents[r].name == in.agents[r].name);
        CHECK(back.agents[r].group == in.agents[r].group);
        CHECK(back.agents[r].status == in.agents[r].status);
        CHECK(back.agents[r].hireDate == in.agents[r].hireDate);
        CHECK(back.agents[r].level == in.agents[r].level);
        for (const auto& id : in.metrics.columns()) {
            auto want = in.metrics.get(r, id);
            CHECK_MESSAGE(back.metrics.get(r, id) == (want ? std::optional(round6(*want)) : std::nullopt), id);
        }
    }
}
} // namespace

TEST_CASE("export: the metrics grid in Chinese and English headers reads back as the same input") {
    const PeriodInput in = sampleInput();
    const Table zh = metricsTable(in, Catalog::builtin(), Lang::Zh);
    CHECK(zh.header == std::vector<std::string>{"客服", "组别", "状态", "入职日期", "级别", "询单转化率", "销售额", "平均响应时间"});
    CHECK(zh.ids == std::vector<std::string>{"agent", "group", "status", "hire_date", "level", "conversion_rate", "sales_amount",
                                             "avg_response_s"});
    CHECK(zh.rows[1][2].text == "试用");
    CHECK(zh.rows[0][5].number == 0.455); // rounded to 6 decimals
    const Table en = metricsTable(in, Catalog::builtin(), Lang::En);
    CHECK(en.header[5] == "Inquiry conversion");
    // Spreadsheet CSV: the guarded "=李四" is the only difference a reader sees.
    PeriodInput expected = sampleInput();
    expected.agents[1].name = "'=李四";
    checkSameInput(reload(decodeText(writeCsv(zh))), expected);
    checkSameInput(reload(decodeText(writeCsv(en))), expected);
}

TEST_CASE("export: the canonical metrics CSV") {
    PeriodInput in = sampleInput();
    std::vector<Text2> warnings;
    const std::string csv = writeCsv(canonicalMetricsTable(in, Catalog::builtin(), warnings), CsvFlavor::Canonical);
    CHECK(warnings.empty());
    CHECK(csv == "agent,group,status,hire_date,level,conversion_rate,sales_amount,avg_response_s\n"
                 "张三,售前A组,regular,2023-05-06,,0.455,1234.5,\n"
                 "=李四,售前B组,probation,,初级,0.5,,18.25\n");
    checkSameInput(reload(csv), in);

    // A rate above 1 would read back as percent numbers: the column is left out, with a warning.
    in.metrics.set(1, in.metrics.column("conversion_rate"), 1.5);
    const Table t = canonicalMetricsTable(in, Catalog::builtin(), warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].en == "column conversion_rate: agent =李四 has 1.5 (above 1), which would read back as a percent number; "
                            "the column is left out");
    CHECK(warnings[0].zh.find("读回时会被当作百分数") != std::string::npos);
    CHECK(std::find(t.ids.begin(), t.ids.end(), "conversion_rate") == t.ids.end());
    CHECK(t.rows[0].size() == t.header.size());

    // Nothing known about the agents (a bare report): just the agent column.
    PeriodInput bare;
    bare.agents.push_back(Agent{.name = "小美"});
    bare.metrics.resizeRows(1);
    bare.metrics.set(0, bare.metrics.addColumn("receptions"), 300);
    CHECK(writeCsv(canonicalMetricsTable(bare, Catalog::builtin(), warnings), CsvFlavor::Canonical) == "agent,receptions\n小美,300\n");
}

namespace {
Results sampleResults() {
    Results r;
    AgentResult a;
    a.agent = "张伟";
    a.group = "售前A组";
    a.score = 2.5;
    a.rank = 1;
    a.scores.insert_or_assign("r1", 2.5);
    a.scores.insert_or_assign("r2.efficiency", 3.25);
    a.money = {{"pay", MoneyKind::Commission, 150000, {}}, {"pay", MoneyKind::GuaranteeTopup, 30000, {}},
               {"pay", MoneyKind::Award, 10000, {}},       {"pay", MoneyKind::Attendance, 10000, {}},
               {"fines", MoneyKind::Fine, -10000, {}}};
    a.flags = {"composite_below_60", "dismissal_risk"};
    r.agents.push_back(a);
    AgentResult b;
    b.agent = "-王芳";
    b.group = "售后组";
    b.status = Status::Probation;
    b.money = {{"pay", MoneyKind::Base, 160000, {}}, {"fines", MoneyKind::Fine, -5050, {}}};
    r.agents.push_back(b);
    return r;
}
} // namespace

TEST_CASE("export: the results table") {
    const Table t = resultsTable(sampleResults(), Lang::Zh);
    CHECK(t.name == "考核结果");
    CHECK(t.header == std::vector<std::string>{"客服", "组别", "状态", "得分", "排名", "得分 r1", "得分 r2.efficiency", "金额合计（元）", "标记"});
    CHECK(t.ids[5] == "score:r1");
    CHECK(writeCsv(t).find("张伟,售前A组,转正,2.5,1,2.5,3.25,1900,composite_below_60;dismissal_risk\r\n") != std::string::npos);
    CHECK(writeCsv(t).find("'-王芳,售后组,试用,,,,,1549.5,\r\n") != std::string::npos); // no score: empty cells
    CHECK(resultsTable(sampleResults(), Lang::En).header[7] == "Total (yuan)");
}

TEST_CASE("export: the payroll table matches the sheet, fines negative, a totals row") {
    const Table t = payrollTable(sampleResults(), Lang::En);
    CHECK(t.ids == std::vector<std::string>{"agent", "group", "base", "guarantee_topup", "bonus", "bounty", "commission", "award",
                                            "attendance", "fine", "total"});
    CHECK(t.header[2] == "Base pay (yuan)");
    REQUIRE(t.rows.size() == 3);
    auto numbers = [](const std::vector<Cell>& row) {
        std::vector<double> v;
        for (size_t c = 2; c < row.size(); ++c) v.push_back(row[c].number);
        return v;
    };
    CHECK(numbers(t.rows[0]) == std::vector<double>{0, 300, 0, 0, 1500, 100, 100, -100, 1900});
    CHECK(numbers(t.rows[1]) == std::vector<double>{1600, 0, 0, 0, 0, 0, 0, -50.5, 1549.5});
    CHECK(t.rows[2][0].text == "Total");
    CHECK(numbers(t.rows[2]) == std::vector<double>{1600, 300, 0, 0, 1500, 100, 100, -150.5, 3449.5});
    const std::string csv = writeCsv(t);
    CHECK(csv.find(",-100,1900\r\n") != std::string::npos);
    CHECK(csv.find("'-") == csv.find("'-王芳"));
    CHECK(payrollTable(sampleResults(), Lang::Zh).header.back() == "实发合计（元）");
}
