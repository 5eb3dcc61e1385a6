// A shop set up from nothing through the UI: the guided first start (shop, manager, groups,
// scheme, first month), agents typed with the IME, the groups dialog, a new month, an agent
// leaving from a month on, the shop's settings; after a reload everything is there.
import path from 'node:path';
import { addAgentByIme, check, clickItem, item, openPage, pickOption, ready, state, typeInto, waitFor, waitFrames, waitSaved } from './lib.mjs';

async function menu(page, menuId, itemId) {
  await clickItem(page, menuId);
  await clickItem(page, itemId);
}

export function setupTests(test, { VIEWPORT, SHOTS }) {
  test('a shop set up from nothing: guided start, team, groups, new month, leaving, settings; kept after a reload', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/', errors);
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `setup-${name}.png`) });
      const blank = await state(page);
      check(blank.periods.length === 0 && blank.shop === '', `a new browser starts blank: ${blank.shop} ${blank.periods}`);
      await clickItem(page, 'welcome.setup');
      await typeInto(page, 'welcome.shop', '小美的店');
      await typeInto(page, 'welcome.manager', '王经理');
      await typeInto(page, 'welcome.month', '2026-13');
      await clickItem(page, 'welcome.start');
      await waitFor(page, 'the month problem', () => item(page, 'welcome.problem'));
      await typeInto(page, 'welcome.month', '2026-10');
      await shot('welcome');
      await clickItem(page, 'welcome.start');
      let s = await waitFor(page, 'the shop to start', async () => {
        const st = await state(page);
        return st.periods.length === 1 ? st : null;
      });
      check(s.shop === '小美的店' && s.manager === '王经理', `shop ${s.shop}, manager ${s.manager}`);
      check(JSON.stringify(s.groups) === JSON.stringify(['售前A组', '售前B组', '售后组']), `groups ${s.groups}`);
      check(s.periods[0] === '2026-10' && s.scheme === 'shop-default', `month ${s.periods}, scheme ${s.scheme}`);
      check(s.audit.some((e) => e.action === 'start' && e.author === '王经理'), 'the start is not in the log');

      await addAgentByIme(page, '张晓梅');
      await addAgentByIme(page, '李娜');
      s = await state(page);
      check(s.roster.every((a) => a.group === '售前A组'), `groups of the new agents: ${s.roster.map((a) => a.group)}`);

      // 张晓梅's account on JD (a nickname binding per platform account).
      await clickItem(page, 'roster.r0.edit');
      await clickItem(page, 'roster.account_add');
      await pickOption(page, 'roster.acc0.platform', (l) => l === '京东');
      await typeInto(page, 'roster.acc0.account', '京东小美店:晓梅');
      await shot('accounts');
      await clickItem(page, 'roster.edit_save');
      s = await waitFor(page, 'the account saved', async () => {
        const st = await state(page);
        return st.roster[0].nicknames.length ? st : null;
      });
      check(JSON.stringify(s.roster[0].nicknames) === JSON.stringify([{ platform: 'jd', account: '京东小美店:晓梅' }]),
        `张晓梅's accounts: ${JSON.stringify(s.roster[0].nicknames)}`);

      await clickItem(page, 'roster.groups');
      await clickItem(page, 'roster.group_add');
      await typeInto(page, 'roster.groups3', '售后B组');
      await clickItem(page, 'roster.groups_save');
      await waitFor(page, 'the new group', async () => (await state(page)).groups.includes('售后B组'));

      await menu(page, 'menu.data', 'data.add_period');
      await waitFor(page, 'the month field', async () => (await item(page, 'period.month'))?.value === '2026-11');
      await clickItem(page, 'period.add');
      s = await waitFor(page, 'the new month', async () => {
        const st = await state(page);
        return st.periods.length === 2 ? st : null;
      });
      check(s.period === '2026-11' && Object.keys(s.values).length === 2, `new month ${s.period} with ${Object.keys(s.values)}`);

      const row = (await page.evaluate(() => window.kefu.items())).find((i) => /^roster\.r\d+\.name$/.test(i.id) && i.label === '李娜');
      check(row, '李娜 is not in the team table');
      await clickItem(page, row.id.replace('.name', '.leave'));
      await shot('leave');
      await clickItem(page, 'roster.move_confirm');
      s = await waitFor(page, '李娜 to leave', async () => {
        const st = await state(page);
        return st.inactive.includes('李娜') ? st : null;
      });
      check(!s.roster.some((a) => a.name === '李娜') && !('李娜' in s.values), '李娜 is still on the November team');
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2026-10' }));
      await waitFor(page, 'October', async () => (await state(page)).period === '2026-10');
      check('李娜' in (await state(page)).values, 'October lost 李娜');

      await menu(page, 'menu.file', 'file.settings');
      await clickItem(page, 'settings.thousands');
      await typeInto(page, 'settings.hours', '08:00-24:00');
      await typeInto(page, 'settings.cap', '600');
      await shot('settings');
      await clickItem(page, 'settings.save');
      s = await waitFor(page, 'the settings', async () => {
        const st = await state(page);
        return st.settings.number.thousands === true ? st : null;
      });
      check(JSON.stringify(s.settings.chat.service_hours) === JSON.stringify(['08:00-24:00']), `hours ${JSON.stringify(s.settings.chat)}`);
      check(s.settings.chat.response_cap_s === 600, `cap ${JSON.stringify(s.settings.chat)}`);
      // The department fund: a team dinner paid from it, typed with a Chinese note.
      await clickItem(page, 'tab.pay');
      await typeInto(page, 'fund.amount_field', '-300');
      await typeInto(page, 'fund.note_field', '团建聚餐');
      await clickItem(page, 'fund.add');
      s = await waitFor(page, 'the fund entry', async () => {
        const st = await state(page);
        return st.fund.length === 1 ? st : null;
      });
      check(s.fund[0].amount_fen === -30000 && s.fund[0].note === '团建聚餐' && s.fund[0].date === '2026-10-31',
        `fund entry ${JSON.stringify(s.fund[0])}`);
      await waitFor(page, 'the ledger line', async () => (await page.evaluate(() => window.kefu.items()))
        .some((i) => /^fund\.r\d+\.amount$/.test(i.id) && i.label === '-300.00'));
      await shot('fund');
      await clickItem(page, 'tab.overview');
      await waitSaved(page);
      await shot('team');

      await page.reload();
      await ready(page);
      const after = await state(page);
      check(after.shop === '小美的店' && after.periods.join() === '2026-10,2026-11', `after reload: ${after.shop} ${after.periods}`);
      check(after.groups.includes('售后B组') && after.inactive.join() === '李娜', `after reload: ${after.groups} / ${after.inactive}`);
      check(JSON.stringify(after.roster.find((a) => a.name === '张晓梅').nicknames) === JSON.stringify([{ platform: 'jd', account: '京东小美店:晓梅' }]),
        'the account is gone after the reload');
      check(after.settings.number.thousands === true && after.settings.chat.response_cap_s === 600, 'settings lost on reload');
      check(after.fund.length === 1 && after.fund[0].note === '团建聚餐', 'the fund entry was lost on reload');
      check(!(await item(page, 'welcome.setup')), 'the welcome dialog came back after a reload');
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2026-10' }));
      await waitFor(page, 'October after reload', async () => '李娜' in (await state(page)).values);
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });
}
