// The month's workflow through the UI only, checked against the command line: add an agent typed
// with a Chinese IME, paste a block of metrics into 数据录入, pick shop-default, open a scorecard's
// explanations, read the payroll, close the month, reload; the results shown equal `kefu score`
// on the same data.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { check, clickItem, item, items, openPage, ready, state, waitFor, waitFrames } from './lib.mjs';

const MONTH = '2024-03';
const NEW_AGENT = '欧阳喆';
// The block a manager copies from a spreadsheet: a header row, an agent column, a percent column.
const BLOCK = [
  ['客服', '接待人数', '询单人数', '付款人数', '销售额', '平均响应时间', '服务态度', '3分钟响应率'],
  [NEW_AGENT, '812', '400', '150', '46,800.50', '21', '90', '93.5%'],
  ['王喆', '1374', '825', '430', '115000', '12.5', '99', '97%'],
];

// CSV field quoting for the files handed to the CLI.
const csvField = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells) => cells.map(csvField).join(',');

// The demo's March metrics with the pasted block applied and the new agent's row, as the CLI reads it.
function monthCsv(root) {
  const text = fs.readFileSync(path.join(root, 'assets/demo/metrics-2024-03.csv'), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const parse = (line) => { // the demo files quote nothing but may have quoted money with commas
    const out = []; let cur = '', q = false;
    for (const ch of line) {
      if (ch === '"') q = !q; else if (ch === ',' && !q) { out.push(cur); cur = ''; } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const rows = lines.slice(1).map(parse);
  for (const [name, ...values] of BLOCK.slice(1)) {
    let row = rows.find((r) => r[0] === name);
    if (!row) {
      row = header.map(() => '');
      row[0] = name;
      row[header.indexOf('组别')] = '售前A组';
      row[header.indexOf('状态')] = '转正';
      rows.push(row);
    }
    BLOCK[0].slice(1).forEach((h, k) => {
      const c = header.indexOf(h);
      check(c >= 0, `the demo file has no column ${h}`);
      row[c] = values[k].replace(/,/g, '');
    });
  }
  return [csvLine(header), ...rows.map(csvLine)].join('\n') + '\n';
}

// `kefu score` for January, February and March in turn, each with the earlier results as history.
function cliResults(kefu, root, dir) {
  const history = [];
  let last = null;
  for (const m of ['2024-01', '2024-02', '2024-03']) {
    const metrics = m === MONTH ? path.join(dir, 'metrics-2024-03.csv') : path.join(root, `assets/demo/metrics-${m}.csv`);
    if (m === MONTH) fs.writeFileSync(metrics, monthCsv(root));
    const out = path.join(dir, `score-${m}.json`);
    const args = ['score', '--metrics', metrics, '--scheme', 'shop-default', '--events', path.join(root, `assets/demo/events-${m}.csv`),
      '--period', m, '-o', out];
    for (const h of history) args.push('--history', h);
    execFileSync(kefu, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    history.push(out);
    last = JSON.parse(fs.readFileSync(out, 'utf8'));
  }
  return last;
}

export function workflowTests(test, { VIEWPORT, SHOTS, ROOT, KEFU }) {
  test('a month through the UI only: IME, paste, scheme, scorecard, close, reload; equal to kefu score', async ({ browser, base, errors }) => {
    check(KEFU && fs.existsSync(KEFU), `the kefu command line is needed for the comparison (--kefu): ${KEFU}`);
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `workflow-${name}.png`) });
      // The team: a new agent typed through the input method.
      await clickItem(page, 'roster.new_name');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'ouyang', selectionStart: 6, selectionEnd: 6 });
      await cdp.send('Input.insertText', { text: NEW_AGENT });
      await waitFor(page, 'the typed name', async () => (await item(page, 'roster.new_name')).value === NEW_AGENT);
      await clickItem(page, 'roster.add');
      await waitFor(page, `${NEW_AGENT} added`, async () => (await state(page)).roster.some((a) => a.name === NEW_AGENT));
      await shot('team');

      // The data: March selected, a block pasted at the first cell.
      await clickItem(page, 'tab.data');
      await clickItem(page, 'data.month.2');
      await waitFor(page, 'March selected', async () => (await state(page)).period === MONTH);
      await clickItem(page, 'data.r0.c0');
      const tsv = BLOCK.map((r) => r.join('\t')).join('\n');
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, tsv);
      const pasted = await waitFor(page, 'the pasted values', async () => {
        const s = await state(page);
        return (s.values[NEW_AGENT] || {}).sales_amount === 46800.5 ? s : null;
      });
      check(Math.abs(pasted.values[NEW_AGENT].response_3min_rate - 0.935) < 1e-9, 'the percent column was not read as percent');
      check(pasted.values['王喆'].paid_customers === 430, 'the second pasted row is missing');
      check(pasted.undo === 'paste', `the paste is not one undo step: ${pasted.undo}`);
      check(!(await item(page, 'data.paste_problems')), 'the paste reported problems');
      await shot('data');

      // The scheme: shop-default from the 考核 menu.
      await clickItem(page, 'menu.assess');
      await clickItem(page, 'assess.scheme.shop-default');
      await waitFor(page, 'shop-default', async () => (await state(page)).scheme === 'shop-default');

      // The results and one scorecard with its explanations.
      await clickItem(page, 'tab.overview');
      await waitFrames(page, 3);
      const shown = await items(page);
      const rowOf = shown.find((i) => /^results\.r\d+\.agent$/.test(i.id) && i.label === NEW_AGENT);
      check(rowOf, `${NEW_AGENT} is not in the results table`);
      await shot('results');
      await clickItem(page, rowOf.id);
      await shot('scorecard-open');
      const why = await waitFor(page, 'the scorecard', () => item(page, 'scorecard.b0.why'));
      check(/[0-9]/.test(why.label) && why.label.trim().length > 8, `the first explanation reads '${why.label}'`);
      check(!!(await item(page, 'scorecard.money')), 'the scorecard has no money total');
      const moneyWhy = await item(page, 'scorecard.m0.why');
      check(moneyWhy && /[0-9]/.test(moneyWhy.label), 'the first money line has no explanation');
      await shot('scorecard');

      // Equal to the command line on the same data: every agent's score and money as shown.
      const cli = cliResults(KEFU, ROOT, path.join(SHOTS, 'files'));
      const s = await state(page);
      check(s.results.length === cli.agents.length, `${s.results.length} results in the page, ${cli.agents.length} from kefu score`);
      const labels = Object.fromEntries(shown.map((i) => [i.id, i.label]));
      for (const a of cli.agents) {
        const r = s.results.find((x) => x.agent === a.agent);
        check(r, `${a.agent} is missing in the page`);
        check(r.total_fen === a.money.total_fen, `${a.agent}: ${r.total_fen} fen in the page, ${a.money.total_fen} from kefu score`);
        check((r.score ?? null) === (a.score ?? null), `${a.agent}: score ${r.score} in the page, ${a.score} from kefu score`);
        const row = shown.find((i) => /^results\.r\d+\.agent$/.test(i.id) && i.label === a.agent);
        const money = labels[row.id.replace('.agent', '.money')];
        check(money === (a.money.total_fen / 100).toFixed(2), `${a.agent}: the table shows ${money}`);
      }
      // The earlier months too (each file's own statuses, as kefu score reads them).
      for (const m of ['2024-01', '2024-02']) {
        const earlier = JSON.parse(fs.readFileSync(path.join(SHOTS, 'files', `score-${m}.json`), 'utf8'));
        await page.evaluate((month) => window.kefu.act({ type: 'select_period', period: month }), m);
        const st = await waitFor(page, m, async () => { const x = await state(page); return x.period === m ? x : null; });
        for (const a of earlier.agents) {
          const r = st.results.find((x) => x.agent === a.agent);
          check(r && r.total_fen === a.money.total_fen && r.status === a.status,
            `${m} ${a.agent}: ${r && r.total_fen} fen (${r && r.status}) in the page, ${a.money.total_fen} (${a.status}) from kefu score`);
        }
      }
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2024-03' }));
      await waitFor(page, 'March again', async () => (await state(page)).period === '2024-03');

      // The payroll sheet adds up to the same money.
      await clickItem(page, 'tab.pay');
      const total = await waitFor(page, 'the payroll totals', () => item(page, 'pay.totals.total'));
      const cliTotal = cli.agents.reduce((t, a) => t + a.money.total_fen, 0);
      check(total.label === (cliTotal / 100).toFixed(2), `payroll total ${total.label}, kefu score ${(cliTotal / 100).toFixed(2)}`);
      const newRow = (await items(page)).find((i) => /^pay\.r\d+\.agent$/.test(i.id) && i.label === NEW_AGENT);
      const cliNew = cli.agents.find((a) => a.agent === NEW_AGENT);
      check(newRow && (await item(page, newRow.id.replace('.agent', '.total'))).label === (cliNew.money.total_fen / 100).toFixed(2),
        `${NEW_AGENT}'s pay row`);
      await shot('pay');
      await clickItem(page, 'tab.overview');

      // Close the month, reload, and find everything there.
      await clickItem(page, 'menu.data');
      await clickItem(page, 'data.close');
      await clickItem(page, 'period.confirm');
      await waitFor(page, 'March closed', async () => (await state(page)).closed.includes(MONTH));
      await waitFor(page, 'saved', async () => ['已保存', 'Saved'].includes((await item(page, 'status.save') || {}).label), 15000);
      await page.goto(base + '/');
      await ready(page);
      const back = await state(page);
      check(back.closed.includes(MONTH), 'the closed month is open again after the reload');
      check(back.roster.some((a) => a.name === NEW_AGENT), `${NEW_AGENT} is gone after the reload`);
      check(back.values[NEW_AGENT] && back.values[NEW_AGENT].sales_amount === 46800.5, 'the pasted values are gone after the reload');
      for (const a of cli.agents) {
        const r = back.results.find((x) => x.agent === a.agent);
        check(r && r.total_fen === a.money.total_fen, `${a.agent} after the reload: ${r && r.total_fen} fen`);
      }
      await shot('reloaded');
    } finally {
      await context.close();
    }
  });

  test('the results table sorts by a clicked header and filters by group', async ({ demo }) => {
    await clickItem(demo, 'tab.overview');
    const rowsShown = async () => (await items(demo)).filter((i) => /^results\.r\d+\.agent$/.test(i.id)).sort((a, b) => a.y - b.y);
    const money = async () => {
      const list = await items(demo);
      return (await rowsShown()).map((r) => Number((list.find((i) => i.id === r.id.replace('.agent', '.money')) || {}).label));
    };
    await clickItem(demo, 'results.money.header');
    await waitFrames(demo, 2);
    let m = await money();
    check(m.length > 5 && m.every((v, k) => k === 0 || m[k - 1] <= v), `ascending money: ${m.join(',')}`);
    await clickItem(demo, 'results.money.header');
    await waitFrames(demo, 2);
    m = await money();
    check(m.every((v, k) => k === 0 || m[k - 1] >= v), `descending money: ${m.join(',')}`);
    await clickItem(demo, 'results.money.header'); // the third click: back to groups and ranks
    await clickItem(demo, 'results.filter');
    await clickItem(demo, 'results.filter.3'); // the third group
    await waitFrames(demo, 2);
    const s = await state(demo);
    const groups = [...new Set(s.results.map((r) => r.group))];
    const shown = await rowsShown();
    const expected = s.results.filter((r) => r.group === groups[2]).length;
    check(shown.length === expected, `${shown.length} rows shown for ${groups[2]}, ${expected} expected`);
    const labels = Object.fromEntries((await items(demo)).map((i) => [i.id, i.label]));
    check(shown.every((r) => labels[r.id.replace('.agent', '.group')] === groups[2]), 'another group is shown');
    await demo.screenshot({ path: path.join(SHOTS, 'results-filtered.png') });
    await clickItem(demo, 'results.filter');
    await clickItem(demo, 'results.filter.0');
  });

  test('team: an agent moves to another group from the selected month on; earlier months keep the old group', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const before = await state(page);
      const agent = before.roster[0];
      await clickItem(page, 'roster.r0.edit');
      await clickItem(page, 'roster.edit_group');
      await page.keyboard.press('Control+A');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.insertText', { text: '售后组' });
      await waitFor(page, 'the new group typed', async () => (await item(page, 'roster.edit_group')).value === '售后组');
      check((await item(page, 'roster.edit_from')).label === MONTH, 'the change does not start at the selected month');
      await page.screenshot({ path: path.join(SHOTS, 'team-edit.png') });
      await clickItem(page, 'roster.edit_save');
      const after = await waitFor(page, 'the move', async () => {
        const s = await state(page);
        return s.roster[0].group === '售后组' ? s : null;
      });
      check(after.results.find((r) => r.agent === agent.name).group === '售后组', 'March does not show the new group');
      check(after.audit[after.audit.length - 1].action === 'edit_agent', 'the edit is not in the log');
      await clickItem(page, 'results.period.0');
      const jan = await waitFor(page, 'January', async () => {
        const s = await state(page);
        return s.period === '2024-01' ? s : null;
      });
      check(jan.results.find((r) => r.agent === agent.name).group === agent.group, 'January lost the old group');
    } finally {
      await context.close();
    }
  });
}
