// Pay slips and the department fund in the page: 工资条 on one agent's row hands that agent's slip
// to the browser's print dialog (window.kefu.lastPrint) with the payroll sheet's total; 打印全部工资条
// prints one slip per agent, one printed page each (checked in a PDF of the document); the fund
// ledger sits under the sheet.
import path from 'node:path';
import { check, clickItem, item, openPage, state, waitFor } from './lib.mjs';

const slipsOf = (html) => html.match(/<section class="slip" data-agent="[^"]*" data-total-fen="-?\d+">/g) || [];
// The slip's 实发合计 line: the total in yuan, as the sheet shows it.
const totalOf = (html) => (html.match(/<tr class="total"><th colspan="3">实发合计<\/th><td class="yuan(?: neg)?">(-?\d+\.\d\d)<\/td>/) || [])[1];

export function payslipTests(test, { VIEWPORT, SHOTS }) {
  test('pay slips: one agent\'s 工资条 and 打印全部工资条 print the payroll sheet\'s totals', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      await clickItem(page, 'tab.pay');
      const agent = (await waitFor(page, 'the second pay row', () => item(page, 'pay.r1.agent'))).label;
      const sheetTotal = (await item(page, 'pay.r1.total')).label;
      const s = await state(page);
      const result = s.results.find((r) => r.agent === agent);
      check(result && (result.total_fen / 100).toFixed(2) === sheetTotal, `sheet total ${sheetTotal} for ${agent}, state ${result && result.total_fen}`);

      await clickItem(page, 'pay.r1.slip');
      const one = await waitFor(page, 'the slip handed to print', () => page.evaluate(() => window.kefu.lastPrint));
      await waitFor(page, 'print() on the slip', () => page.evaluate(() => window.kefu.prints === 1));
      check(slipsOf(one).length === 1, `${slipsOf(one).length} slips for one agent`);
      check(one.includes(`data-agent="${agent}" data-total-fen="${result.total_fen}"`), `the slip is not ${agent}'s with ${result.total_fen} fen`);
      check(totalOf(one) === sheetTotal, `slip total ${totalOf(one)}, sheet ${sheetTotal}`);
      check(await page.evaluate(() => document.getElementById('kefu-print').srcdoc === window.kefu.lastPrint), 'the iframe does not hold the slip');
      const preview = await context.newPage();
      await preview.setContent(one);
      await preview.screenshot({ path: path.join(SHOTS, 'payslip-one.png'), fullPage: true });

      await clickItem(page, 'pay.print_all');
      await waitFor(page, 'print() on every slip', () => page.evaluate(() => window.kefu.prints === 2));
      const all = await page.evaluate(() => window.kefu.lastPrint);
      const slips = slipsOf(all);
      check(slips.length === s.results.length, `${slips.length} slips for ${s.results.length} agents`);
      for (const r of s.results)
        check(all.includes(`data-agent="${r.agent}" data-total-fen="${r.total_fen}"`), `no slip for ${r.agent} with ${r.total_fen} fen`);
      // One printed page per agent.
      await preview.setContent(all);
      const pdf = (await preview.pdf({ format: 'A4' })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
      check(pages === s.results.length, `the PDF has ${pages} pages for ${s.results.length} slips`);
      await preview.close();

      // The fund ledger under the sheet: every month's fines by agent, the balance.
      const fund = await waitFor(page, 'the fund ledger', () => item(page, 'fund.r0.amount'));
      check(/^\d+\.\d\d$/.test(fund.label), `first fund line ${fund.label}`);
      check(/\d+\.\d\d/.test((await item(page, 'fund.balance')).label), 'no fund balance');
      await page.screenshot({ path: path.join(SHOTS, 'payslips-pay-tab.png') });
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });
}
