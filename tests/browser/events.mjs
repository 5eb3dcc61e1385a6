// The 事件 tab in the page: a complaint with a Chinese note typed through the input method fines the
// agent 100 yuan (results, payroll sheet, fund), is edited and deleted (undo brings it back), and an
// attitude review is recorded from a scorecard's flag.
import path from 'node:path';
import { check, clickItem, item, items, openPage, state, waitFor } from './lib.mjs';

const AGENT = '王喆'; // no complaint in the demo's March
const NOTE = '买家投诉发货慢';
const REVIEWED = '唐雨桐'; // January: a failed stage without an attitude review

const totalOf = (s, agent) => s.results.find((r) => r.agent === agent).total_fen;
const yuan = (fen) => (fen / 100).toFixed(2);

// The id of the first item matching `pattern` whose label is `label`.
async function itemWith(page, pattern, label) {
  return waitFor(page, `an item ${pattern} reading ${label}`, async () =>
    (await items(page)).find((i) => pattern.test(i.id) && i.label === label));
}

// Waits for the state to satisfy `fn` and returns it.
const stateWhen = (page, what, fn) => waitFor(page, what, async () => {
  const s = await state(page);
  return fn(s) ? s : null;
});

export function eventsTests(test, { VIEWPORT, SHOTS }) {
  test('events: a complaint typed with a Chinese note fines 100 yuan; edit, delete, undo; an attitude review from a scorecard flag',
    async ({ browser, base, errors }) => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await openPage(context, base + '/?demo=1', errors);
        const shot = (name) => page.screenshot({ path: path.join(SHOTS, `events-${name}.png`) });
        const before = await state(page);
        check(before.period === '2024-03', `the demo opens on ${before.period}`);
        check(!before.events.some((e) => e.agent === AGENT && e.kind === 'complaint'), `${AGENT} already has a complaint`);
        await clickItem(page, 'tab.events');
        await waitFor(page, 'the events table', () => item(page, 'events.r0.date'));
        check((await item(page, 'events.date')).value === '2024-03-31', 'the date does not default to the month\'s last day');
        await shot('tab');

        // The form: agent, kind, and the note through the input method.
        await clickItem(page, 'events.agent');
        await clickItem(page, (await itemWith(page, /^events\.agent\.\d+$/, AGENT)).id);
        await waitFor(page, `${AGENT} picked`, async () => (await item(page, 'events.agent')).label === AGENT);
        await clickItem(page, 'events.kind');
        await clickItem(page, 'events.kind.complaint');
        await waitFor(page, 'the complaint kind', async () => (await item(page, 'events.kind')).label === '客户投诉');
        await clickItem(page, 'events.note');
        await waitFor(page, 'the hidden input to take focus', () => page.evaluate(() => document.activeElement.id === 'kefu-ime'));
        const cdp = await context.newCDPSession(page);
        await cdp.send('Input.imeSetComposition', { text: 'maijia', selectionStart: 6, selectionEnd: 6 });
        await cdp.send('Input.insertText', { text: NOTE });
        await waitFor(page, 'the typed note', async () => (await item(page, 'events.note')).value === NOTE);
        await shot('form');
        await clickItem(page, 'events.submit');
        const added = await stateWhen(page, 'the complaint in the state', (s) => s.events.some((e) => e.note === NOTE));
        const e = added.events.find((x) => x.note === NOTE);
        check(e.agent === AGENT && e.kind === 'complaint' && e.date === '2024-03-31' && e.count === 1,
          `the event is ${JSON.stringify(e)}`);
        check(totalOf(added, AGENT) === totalOf(before, AGENT) - 10000,
          `${AGENT}: ${totalOf(before, AGENT)} fen before, ${totalOf(added, AGENT)} after the complaint`);
        check(added.fund_total_fen === before.fund_total_fen + 10000, `fund ${before.fund_total_fen} → ${added.fund_total_fen}`);
        // The agent's own events: the new row is in view.
        await clickItem(page, 'events.filter_agent');
        await clickItem(page, (await itemWith(page, /^events\.filter_agent\.\d+$/, AGENT)).id);
        const row = await itemWith(page, /^events\.r\d+\.note$/, NOTE);
        check((await item(page, row.id.replace('.note', '.kind'))).label === '客户投诉', 'the row does not show the kind');
        await shot('added');

        // The payroll sheet says the same.
        await clickItem(page, 'tab.pay');
        const payRow = await itemWith(page, /^pay\.r\d+\.agent$/, AGENT);
        const payTotal = (await item(page, payRow.id.replace('.agent', '.total'))).label;
        check(payTotal === yuan(totalOf(added, AGENT)), `the payroll sheet shows ${payTotal} for ${AGENT}`);
        await clickItem(page, 'tab.events');

        // 编辑: two complaints in one row: 100 + 200.
        await clickItem(page, (await itemWith(page, /^events\.r\d+\.note$/, NOTE)).id.replace('.note', '.edit'));
        await waitFor(page, 'the row in the form', async () => (await item(page, 'events.note')).value === NOTE);
        await clickItem(page, 'events.count');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('2');
        await waitFor(page, 'the count typed', async () => (await item(page, 'events.count')).value === '2');
        await clickItem(page, 'events.submit');
        const edited = await stateWhen(page, 'the edited complaint', (s) => s.events.some((x) => x.note === NOTE && x.count === 2));
        check(totalOf(edited, AGENT) === totalOf(before, AGENT) - 30000, `${AGENT} after two complaints: ${totalOf(edited, AGENT)} fen`);
        check(edited.undo === 'edit_event', `the last step is ${edited.undo}`);

        // 删除 asks first; undo brings the event back.
        await clickItem(page, (await itemWith(page, /^events\.r\d+\.note$/, NOTE)).id.replace('.note', '.remove'));
        const question = await waitFor(page, 'the question', () => item(page, 'events.confirm_text'));
        check(question.label.includes(NOTE), `the question reads ${question.label}`);
        await shot('delete');
        await clickItem(page, 'events.confirm_remove');
        const removed = await stateWhen(page, 'the complaint gone', (s) => !s.events.some((x) => x.note === NOTE));
        check(totalOf(removed, AGENT) === totalOf(before, AGENT), `${AGENT} after the delete: ${totalOf(removed, AGENT)} fen`);
        await clickItem(page, 'menu.edit');
        await clickItem(page, 'edit.undo');
        const undone = await stateWhen(page, 'the complaint back', (s) => s.events.some((x) => x.note === NOTE && x.count === 2));
        check(totalOf(undone, AGENT) === totalOf(before, AGENT) - 30000, `${AGENT} after the undo: ${totalOf(undone, AGENT)} fen`);

        // An attitude review from the scorecard's flag (January).
        await clickItem(page, 'tab.overview');
        await clickItem(page, 'results.period.0');
        const jan = await stateWhen(page, 'January', (s) => s.period === '2024-01');
        check(jan.results.find((r) => r.agent === REVIEWED).flags.includes('attitude_review_needed'), `${REVIEWED} needs no review`);
        await waitFor(page, 'the flags summary', () => item(page, 'results.flags_summary'));
        await clickItem(page, (await itemWith(page, /^results\.r\d+\.agent$/, REVIEWED)).id);
        await waitFor(page, 'the review buttons', () => item(page, 'scorecard.attitude_good'));
        await shot('scorecard-flag');
        await clickItem(page, 'scorecard.attitude_good');
        const reviewed = await stateWhen(page, 'the review applied', (s) => s.results.find((r) => r.agent === REVIEWED).flags.includes('may_advance'));
        check(!reviewed.results.find((r) => r.agent === REVIEWED).flags.includes('attitude_review_needed'), 'the review is still asked for');
        const review = reviewed.events.find((x) => x.agent === REVIEWED && x.kind === 'attitude_good');
        check(review && review.date === '2024-01-31' && review.note === '阶段考核态度评审', `the review event is ${JSON.stringify(review)}`);
        await waitFor(page, 'the scorecard without the buttons', async () => !(await item(page, 'scorecard.attitude_good')));
        await shot('scorecard-reviewed');
        check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
      } finally {
        await context.close();
      }
    });
}
