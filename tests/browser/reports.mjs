// 报表 in the page: the monthly report printed through window.kefu.lastPrint (the same document
// `kefu report` writes for the demo files, with the page's totals), the results as XLSX (read back
// by LibreOffice) and the payroll as Excel CSV (BOM, names intact) through the browser's
// downloads, file names in the page's language; names that are markup print as text, never run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { check, clickItem, hasCjk, item, openPage, state, waitFor, waitFrames } from './lib.mjs';

const MONTH = '2024-03';
const EVIL_AGENT = '<img src=x onerror=alert(1)>';
const EVIL_GROUP = '<script>alert(1)</script>';
const EVIL_SHOP = '小美<svg onload=alert(3)>';
// LibreOffice's CSV export: comma, double quote, UTF-8, raw values (not as formatted).
const LO_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false';

const yuan = (fen) => (fen / 100).toFixed(2);
const escaped = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// RFC 4180: quoted fields with "" inside, CRLF or LF rows.
function parseCsv(text) {
  const rows = [];
  let row = [], cur = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') cur += text[++i];
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cur); cur = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cur); rows.push(row); row = []; cur = '';
    } else cur += ch;
  }
  if (cur !== '' || row.length) { row.push(cur); rows.push(row); }
  return rows;
}

// Clicks 报表 > `entry`; with `download`, returns the file the browser was handed.
async function fromReportMenu(page, entry, { download = false } = {}) {
  const file = download ? page.waitForEvent('download', { timeout: 15000 }) : null;
  if (file) file.catch(() => {}); // a failing click below reports itself
  await clickItem(page, 'menu.report');
  await clickItem(page, entry);
  return file && (await file);
}

// 报表 > 月度考核报告: the document handed to the print dialog once print() ran on it.
async function printMonthly(page) {
  const before = await page.evaluate(() => window.kefu.prints);
  await fromReportMenu(page, 'report.monthly');
  await waitFor(page, 'print() on the monthly report', () => page.evaluate((n) => window.kefu.prints === n + 1, before));
  return page.evaluate(() => window.kefu.lastPrint);
}

// `kefu report` on the demo files with the page's scheme: January and February scored first, as
// the history of March.
function cliReport(kefu, root, dir, scheme, shop) {
  const demo = (f) => path.join(root, 'assets/demo', f);
  const run = (cmd, m, out, history) => {
    const args = [cmd, '--metrics', demo(`metrics-${m}.csv`), '--events', demo(`events-${m}.csv`), '--scheme', scheme,
      '--period', m, '-o', out];
    for (const h of history) args.push('--history', h);
    if (cmd === 'report') args.push('--shop', shop);
    // The earlier months' metrics and events, for the report's trend charts and the coaching cards'
    // month before (the page has every month).
    if (cmd === 'report') for (const h of ['2024-01', '2024-02']) args.push('--history-metrics', demo(`metrics-${h}.csv`), '--history-events', demo(`events-${h}.csv`));
    execFileSync(kefu, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return out;
  };
  const history = [];
  for (const m of ['2024-01', '2024-02']) history.push(run('score', m, path.join(dir, `report-score-${m}.json`), history));
  return fs.readFileSync(run('report', MONTH, path.join(dir, `report-${MONTH}.html`), history), 'utf8');
}

// The XLSX as LibreOffice reads it: its first sheet as CSV rows.
function xlsxRows(file, dir) {
  const profile = 'file://' + path.join(dir, 'lo-profile'); // private: no first-start dialogs, no other soffice
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', LO_CSV,
    '--outdir', dir, file], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180000 });
  return parseCsv(fs.readFileSync(path.join(dir, path.basename(file).replace(/\.xlsx$/, '.csv')), 'utf8'));
}

// Opens a .kefu file through 文件 > 导入快照 on a page with no shop, and replaces the empty shop.
async function openSnapshot(page, file, shopName) {
  const chooser = page.waitForEvent('filechooser', { timeout: 15000 });
  chooser.catch(() => {});
  await clickItem(page, 'menu.file');
  await clickItem(page, 'file.import_snapshot');
  await (await chooser).setFiles(file);
  await waitFor(page, 'the import preview', async () => (await state(page)).incoming);
  await clickItem(page, 'import.replace');
  return waitFor(page, 'the opened shop', async () => {
    const s = await state(page);
    return s.shop === shopName && s.results.length ? s : null;
  });
}

export function reportTests(test, { VIEWPORT, SHOTS, ROOT, KEFU }) {
  const tmp = path.join(SHOTS, 'files');

  test('reports: 月度考核报告 prints the month with the page\'s totals, as kefu report writes it', async ({ browser, base, errors }) => {
    check(KEFU && fs.existsSync(KEFU), `the kefu command line is needed for the comparison (--kefu): ${KEFU}`);
    fs.mkdirSync(tmp, { recursive: true });
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const s = await state(page);
      check(s.period === MONTH && s.results.length > 10, `demo: month ${s.period}, ${s.results.length} results`);
      const html = await printMonthly(page);
      await page.screenshot({ path: path.join(SHOTS, 'reports-menu-printed.png') });
      const title = `月度考核报告 ${s.shop} ${MONTH}`;
      check(html.includes(`<title>${title}</title>`), 'the document title is not the shop and month');
      check(await page.evaluate((t) => document.getElementById('kefu-print').title === t, title), 'the print frame is not titled');
      check(await page.evaluate(() => document.getElementById('kefu-print').srcdoc === window.kefu.lastPrint), 'the frame does not hold the report');
      const sections = (html.match(/<h2>[^<]*<\/h2>/g) || []).slice(0, 4).join('');
      check(sections === '<h2>团队概况</h2><h2>各组排名</h2><h2>预警与标记</h2><h2>图表</h2>', `sections: ${sections}`);
      check(html.includes(`<p class="meta">考核方案：${escaped(s.scheme_name)}</p>`), `the scheme is not named ${s.scheme_name}`);
      // The page's numbers: the month's total pay and fund, every agent's ranking row and slip.
      const total = s.results.reduce((t, r) => t + r.total_fen, 0);
      check(html.includes(`<th>实发合计（元）</th><td class="yuan">${yuan(total)}</td><th>部门基金（元）</th><td class="yuan">${yuan(s.fund_total_fen)}</td>`),
        `the summary does not say ${yuan(total)} paid, ${yuan(s.fund_total_fen)} fund`);
      const groups = [...new Set(s.results.map((r) => r.group))];
      check(html.includes(`<th>组别</th><td class="num">${groups.length}</td>`), `the summary does not count ${groups.length} groups`);
      for (const g of groups) check(html.includes(`<h3>${escaped(g)}</h3><table class="ranking">`), `no ranking of ${g}`);
      for (const r of s.results) {
        const rank = r.rank === null ? '-' : String(r.rank);
        const row = new RegExp(`<tr><td class="num">${rank}</td><td>${r.agent}</td><td class="num">[^<]*</td><td class="yuan(?: neg)?">${yuan(r.total_fen)}</td></tr>`);
        check(row.test(html), `no ranking row for ${r.agent}: rank ${rank}, ${yuan(r.total_fen)}`);
        check(html.includes(`data-agent="${r.agent}" data-total-fen="${r.total_fen}"`), `no slip for ${r.agent} with ${r.total_fen} fen`);
      }
      const slips = (html.match(/<section class="slip"/g) || []).length;
      check(slips === s.results.length, `${slips} slips for ${s.results.length} agents`);
      // The command line on the same files writes the same document.
      check(s.schemes.length === 0, `the demo has its own scheme (${s.schemes.join(',')}): kefu report cannot read it`);
      const cli = cliReport(KEFU, ROOT, tmp, s.scheme, s.shop);
      if (html !== cli) {
        fs.writeFileSync(path.join(tmp, 'report-page.html'), html);
        let at = 0;
        while (at < html.length && html[at] === cli[at]) at++;
        check(false, `the page's report differs from kefu report at ${at}: page '${html.slice(at, at + 80)}', cli '${cli.slice(at, at + 80)}'`);
      }
      const preview = await context.newPage();
      await preview.setContent(html);
      await preview.screenshot({ path: path.join(SHOTS, 'reports-monthly.png') });
      await preview.close();
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });

  test('reports: the results XLSX and the payroll CSV download with the page\'s numbers and names', async ({ browser, base, errors }) => {
    fs.mkdirSync(tmp, { recursive: true });
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const s = await state(page);
      const byAgent = new Map(s.results.map((r) => [r.agent, r]));

      const xlsx = await fromReportMenu(page, 'report.results_xlsx', { download: true });
      check(xlsx.suggestedFilename() === `考核结果-${MONTH}.xlsx`, `results file named ${xlsx.suggestedFilename()}`);
      const xlsxPath = path.join(tmp, 'reports-results.xlsx');
      await xlsx.saveAs(xlsxPath);
      check(fs.readFileSync(xlsxPath).subarray(0, 2).toString() === 'PK', 'the XLSX is not a ZIP');
      const rows = xlsxRows(xlsxPath, tmp).filter((r) => r.some((c) => c !== ''));
      const header = rows[0];
      check(header[0] === '客服' && header[1] === '组别', `results header: ${header.join(',')}`);
      check(rows.length === s.results.length + 1, `${rows.length - 1} rows in the XLSX, ${s.results.length} results`);
      for (const row of rows.slice(1)) {
        const r = byAgent.get(row[0]);
        check(r, `the XLSX has ${row[0]}, not in the page`);
        const score = row[3] === '' ? null : Number(row[3]);
        const rank = row[4] === '' ? null : Number(row[4]);
        const money = Math.round(Number(row[row.length - 2]) * 100);
        const sameScore = score === r.score || (score !== null && r.score !== null && Math.abs(score - r.score) < 1e-9);
        check(row[1] === r.group && sameScore && rank === r.rank && money === r.total_fen,
          `${r.agent} in the XLSX: ${row.join(',')}; page: ${r.group} ${r.score} ${r.rank} ${r.total_fen} fen`);
        check(row[row.length - 1] === r.flags.join(';'), `${r.agent}'s flags in the XLSX: ${row[row.length - 1]}`);
      }

      const csv = await fromReportMenu(page, 'report.payroll_csv', { download: true });
      check(csv.suggestedFilename() === `工资表-${MONTH}.csv`, `payroll file named ${csv.suggestedFilename()}`);
      const bytes = fs.readFileSync(await csv.path());
      check(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, `the CSV starts with ${bytes.subarray(0, 3).toString('hex')}, not a UTF-8 BOM`);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
      const pay = parseCsv(text).filter((r) => r.length > 1);
      check(pay[0][0] === '客服' && pay[0][pay[0].length - 1].startsWith('实发'), `payroll header: ${pay[0].join(',')}`);
      const names = pay.slice(1, -1).map((r) => r[0]);
      check(names.length === s.results.length && s.results.every((r) => names.includes(r.agent)),
        `payroll names: ${names.join(',')}`);
      for (const row of pay.slice(1, -1)) {
        const r = byAgent.get(row[0]);
        check(row[1] === r.group && Math.round(Number(row[row.length - 1]) * 100) === r.total_fen,
          `${r.agent} in the payroll CSV: ${row.join(',')}; page ${r.group} ${r.total_fen} fen`);
      }
      const totals = pay[pay.length - 1];
      const total = s.results.reduce((t, r) => t + r.total_fen, 0);
      check(totals[0] === '合计' && Math.round(Number(totals[totals.length - 1]) * 100) === total,
        `totals row ${totals.join(',')}, page ${total} fen`);

      // In English the file is named in English, and so are its columns.
      await clickItem(page, 'lang.switch');
      await waitFor(page, 'language en', async () => (await state(page)).language === 'en');
      const en = await fromReportMenu(page, 'report.metrics_csv', { download: true });
      check(en.suggestedFilename() === `metrics-${MONTH}.csv`, `English metrics file named ${en.suggestedFilename()}`);
      const enHeader = parseCsv(fs.readFileSync(await en.path(), 'utf8').replace(/^\uFEFF/, ''))[0];
      check(enHeader[0] === 'Agent' && !enHeader.some(hasCjk), `English metrics header: ${enHeader.join(',')}`);
      const sales = s.values[s.results[0].agent].sales_amount;
      const enRows = parseCsv(fs.readFileSync(await en.path(), 'utf8').replace(/^\uFEFF/, ''));
      const first = enRows.find((r) => r[0] === s.results[0].agent);
      check(first && first.includes(String(sales)), `${s.results[0].agent}'s sales ${sales} not in the metrics CSV`);
      await page.screenshot({ path: path.join(SHOTS, 'reports-en.png') });
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });

  test('reports: names that are markup print as text; nothing of the data runs', async ({ browser, base, errors }) => {
    check(KEFU && fs.existsSync(KEFU), `the kefu command line makes the snapshot (--kefu): ${KEFU}`);
    fs.mkdirSync(tmp, { recursive: true });
    const roster = path.join(tmp, 'xss-roster.csv'), metrics = path.join(tmp, 'xss-metrics.csv');
    const snapshot = path.join(tmp, 'xss.kefu');
    fs.writeFileSync(roster, `客服,组别,状态\n${EVIL_AGENT},${EVIL_GROUP},转正\n王喆,售前A组,转正\n`);
    fs.writeFileSync(metrics, '客服,组别,状态,接待人数,询单人数,付款人数,销售额,服务态度,平均响应时间\n' +
      `${EVIL_AGENT},${EVIL_GROUP},转正,1200,600,240,60000,95,15\n王喆,售前A组,转正,1300,700,300,80000,97,12\n`);
    execFileSync(KEFU, ['snapshot', 'create', '--metrics', metrics, '--roster', roster, '--period', MONTH,
      '--shop-name', EVIL_SHOP, '--author', '王经理', '-o', snapshot], { stdio: ['ignore', 'ignore', 'pipe'] });
    const context = await browser.newContext({ viewport: VIEWPORT });
    const dialogs = [];
    try {
      const page = await openPage(context, base + '/', errors);
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      await clickItem(page, 'welcome.blank');
      const s = await openSnapshot(page, snapshot, EVIL_SHOP);
      check(s.results.some((r) => r.agent === EVIL_AGENT && r.group === EVIL_GROUP), `results: ${JSON.stringify(s.results)}`);
      const html = await printMonthly(page);
      for (const text of [EVIL_AGENT, EVIL_GROUP, EVIL_SHOP])
        check(html.includes(escaped(text)), `the report lacks the escaped ${text}`);
      check(![EVIL_AGENT, EVIL_GROUP, EVIL_SHOP].some((t) => html.includes(t)) && !/<(img|script)\b/i.test(html),
        'markup of the data is in the report as markup');
      // The printed frame as the browser parsed it: the names are text, no element came from them.
      const frame = await page.evaluate(() => {
        const doc = document.getElementById('kefu-print').contentDocument;
        const svgs = [...doc.querySelectorAll('svg')];
        return {
          elements: doc.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]').length,
          foreignSvg: svgs.filter((e) => e.getAttribute('class') !== 'chart').length,
          text: doc.body.textContent,
        };
      });
      check(frame.elements === 0 && frame.foreignSvg === 0, `the printed frame has ${frame.elements} active elements, ${frame.foreignSvg} stray svg`);
      for (const text of [EVIL_AGENT, EVIL_GROUP, EVIL_SHOP]) check(frame.text.includes(text), `the printed frame does not show ${text} as text`);
      await waitFrames(page, 10);
      check(dialogs.length === 0, `dialogs opened: ${dialogs.join(' | ')}`);
      await page.screenshot({ path: path.join(SHOTS, 'reports-xss-page.png') });
      const preview = await context.newPage();
      preview.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      await preview.setContent(html);
      await preview.screenshot({ path: path.join(SHOTS, 'reports-xss.png') });
      await preview.close();
      check(dialogs.length === 0, `dialogs opened: ${dialogs.join(' | ')}`);
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });
}
