// Browser test of 分析 > 辅导卡 / 团队目标 / 申诉 on the demo shop: the coaching card of an agent
// (screenshot) and its printed page; a team goal added through the form with its progress and
// forecast; an appeal filed and accepted, the value changed in the 数据 grid and the 操作记录 log;
// after a reload the goal, the appeal and the value are still there.
import path from 'node:path';
import { check, clickItem, item, items, openPage, ready, state, typeInto, waitFor, waitFrames, waitSaved } from './lib.mjs';

async function openAnalysis(page, id) {
  await clickItem(page, 'menu.analysis');
  await clickItem(page, id);
}

// Closes a window with the × of its title bar, as a person would.
async function closeWindow(page, id) {
  const w = await waitFor(page, `window ${id}`, () => item(page, id));
  await page.mouse.click(w.x + w.w - 14, w.y + 11);
  await waitFor(page, `window ${id} to close`, async () => !(await item(page, id)));
}

async function printedCard(page) {
  const before = await page.evaluate(() => window.kefu.prints);
  await clickItem(page, 'coaching.print');
  await waitFor(page, 'print() on the coaching card', () => page.evaluate((n) => window.kefu.prints === n + 1, before));
  return page.evaluate(() => window.kefu.lastPrint);
}

export function coachingTests(test, { VIEWPORT, SHOTS }) {
  test('analysis: coaching card, a team goal with its forecast, an appeal accepted; all kept after a reload', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `coaching-${name}.png`) });
      const first = (await state(page)).results[0].agent;

      // 辅导卡: the first agent's card, strengths and weaknesses, and the one-page print.
      await openAnalysis(page, 'analysis.coaching');
      await waitFor(page, 'the coaching card', () => item(page, 'coaching.strengths'));
      const combo = await item(page, 'coaching.agent');
      check(combo.label === first, `the agent combo shows ${combo.label}, not ${first}`);
      const weak = await item(page, 'coaching.weaknesses');
      check(weak && weak.label === '待改进', `weaknesses title: ${weak && weak.label}`);
      check(await item(page, 'coaching.m0.metric'), 'the card lists no metric');
      await shot('card');
      const html = await printedCard(page);
      check(html.includes('<section class="coaching"><h1>辅导卡 · ' + first + '</h1>'), 'the printed card is not the agent\'s');
      check(html.includes('待改进') && html.includes('组内水平'), 'the printed card lacks its sections');
      await closeWindow(page, 'coaching.window');

      // 团队目标: complaints -30% against January (the form's defaults), progress and forecast shown.
      await openAnalysis(page, 'analysis.goals');
      await clickItem(page, 'goals.add');
      await clickItem(page, 'goals.save');
      const withGoal = await waitFor(page, 'the goal in the settings', async () => {
        const s = await state(page);
        return s.settings.goals && s.settings.goals.length === 1 ? s : null;
      });
      const goal = withGoal.settings.goals[0];
      check(goal.metric === 'complaints' && goal.relative && goal.target === -0.3 && goal.baseline === '2024-01',
        `goal: ${JSON.stringify(goal)}`);
      const forecast = await waitFor(page, 'the forecast line', () => item(page, 'goals.g0.forecast'));
      check(forecast.label.startsWith('按当前趋势，2024-12 预计为 '), `forecast: ${forecast.label}`);
      check((await item(page, 'goals.g0.values')).label.startsWith('基准 '), 'no baseline/latest/target line');
      await shot('goal');
      await closeWindow(page, 'goals.window');

      // 申诉: an appeal on the first agent's receptions (the list's first metric), accepted.
      await openAnalysis(page, 'analysis.appeals');
      await typeInto(page, 'appeals.requested', '1500');
      await typeInto(page, 'appeals.reason', '夜班接待漏统计');
      await clickItem(page, 'appeals.file');
      await waitFor(page, 'the appeal filed', async () => (await state(page)).appeals.length === 1);
      await clickItem(page, 'appeals.a0.decide');
      await typeInto(page, 'appeals.decide_reason', '核实属实');
      await shot('appeal');
      await clickItem(page, 'appeals.accept');
      const accepted = await waitFor(page, 'the appeal accepted', async () => {
        const s = await state(page);
        return s.appeals[0] && s.appeals[0].status === 'accepted' ? s : null;
      });
      check(accepted.values[first].receptions === 1500, `receptions: ${accepted.values[first].receptions}`);
      check(accepted.audit[accepted.audit.length - 1].action === 'accept_appeal', 'the log lacks the decision');
      check((await item(page, 'appeals.a0.status')).label.startsWith('已接受 = 1500'), 'the list does not show the decision');
      await closeWindow(page, 'appeals.window');

      // The 数据 grid shows the new value; 操作记录 shows the decision first.
      await clickItem(page, 'tab.data');
      await waitFrames(page, 3);
      const header = (await items(page)).find((i) => /^data\.h\d+$/.test(i.id) && i.label.startsWith('接待人数'));
      check(header, 'no 接待人数 column in the grid');
      const cell = await item(page, `data.r0.c${header.id.slice(6)}`);
      check(cell && cell.label === '1500', `the grid shows ${cell && cell.label}`);
      await clickItem(page, 'menu.file');
      await clickItem(page, 'file.audit');
      const what = await waitFor(page, 'the newest log line', () => item(page, 'audit.r0.what'));
      check(what.label === '接受申诉', `the newest log line is ${what.label}`);
      check((await item(page, 'audit.r0.detail')).label.includes('核实属实'), 'the log line lacks the reason');
      await shot('audit');

      // Opened again without ?demo=1: the shop saved last time comes back.
      await waitSaved(page);
      await page.goto(base + '/');
      await ready(page);
      const after = await state(page);
      check(after.settings.goals && after.settings.goals.length === 1, 'the goal was not kept');
      check(after.appeals.length === 1 && after.appeals[0].status === 'accepted', 'the appeal was not kept');
      check(after.values[first].receptions === 1500, 'the accepted value was not kept');
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });
}
