// Browser tests of keeping and sharing the shop: saved versions restored from 历史版本, undo and
// redo, export / clear site data / import with a preview, drag-and-drop, merging two managers'
// copies with the conflict view, refusing another shop's file, two tabs, closing and reopening a
// month, and the audit log. Each test has its own browser context (its own IndexedDB).
import fs from 'node:fs';
import path from 'node:path';
import {
  addAgentByIme, check, clickItem, item, items, openPage, ready, state, waitFor, waitFrames, waitSaved,
} from './lib.mjs';

const MONTH = '2024-03';
const AGENT_A = '王喆', AGENT_B = '刘思雨';

// Runs a step; when it fails, a screenshot of the page is kept next to the others.
async function step(page, name, fn) {
  try {
    return await fn();
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS_DIR.value, `failed-${name}.png`) }).catch(() => {});
    throw e;
  }
}
const SHOTS_DIR = { value: '.' };

async function menu(page, top, entry) {
  await clickItem(page, top);
  await clickItem(page, entry);
}

// Queues an action through the test hook (data entry panels come with the web-app issue).
async function act(page, action) {
  const refused = await page.evaluate((a) => window.kefu.act(a), action);
  check(refused === '', `action ${JSON.stringify(action)} refused: ${refused}`);
  await waitFrames(page, 2);
}

const value = (s, agent, metric) => ((s.values || {})[agent] || {})[metric];

// Exports the shop through 文件 > 导出快照 and returns the downloaded file's path.
async function exportSnapshot(page, dir, name) {
  const download = page.waitForEvent('download', { timeout: 15000 });
  download.catch(() => {});
  await menu(page, 'menu.file', 'file.export_snapshot');
  const file = await download;
  check(/^.+-\d{4}-\d{2}-\d{2}\.kefu$/.test(file.suggestedFilename()), `export named ${file.suggestedFilename()}`);
  const target = path.join(dir, name);
  fs.copyFileSync(await file.path(), target);
  return { path: target, suggested: file.suggestedFilename() };
}

// Opens 文件 > 导入快照 and picks `file` in the browser's file dialog.
async function importByPicker(page, file) {
  const chooser = page.waitForEvent('filechooser', { timeout: 15000 });
  chooser.catch(() => {}); // a failing click below reports itself
  await menu(page, 'menu.file', 'file.import_snapshot');
  await (await chooser).setFiles(file);
  await waitFor(page, 'the import preview', async () => (await state(page)).incoming);
}

async function setManager(page, name) {
  await menu(page, 'menu.file', 'file.settings');
  await clickItem(page, 'settings.manager');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text: name });
  await step(page, 'manager-field', () => waitFor(page, 'the manager field', async () => (await item(page, 'settings.manager')).value === name));
  await clickItem(page, 'settings.save');
  await waitFor(page, `manager ${name}`, async () => (await state(page)).manager === name);
}

export function persistenceTests(test, { VIEWPORT, SHOTS }) {
  SHOTS_DIR.value = SHOTS;
  const tmp = path.join(SHOTS, 'files');
  fs.mkdirSync(tmp, { recursive: true });

  test('历史版本 lists the saved versions and restores one; undo takes the restore back', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors); // the demo is saved with its first change
      await addAgentByIme(page, '周一');
      await waitSaved(page);
      await addAgentByIme(page, '吴二');
      await waitSaved(page);
      await menu(page, 'menu.file', 'file.history');
      await waitFor(page, 'two versions listed', async () => !!(await item(page, 'history.r1.at')));
      const current = await item(page, 'history.r0.at');
      check(/（当前）/.test(current.label), `the newest version is not marked current: ${current.label}`);
      check(!(await item(page, 'history.r0.restore')), 'the current version offers a restore');
      await page.screenshot({ path: path.join(SHOTS, 'history.png') });
      await clickItem(page, 'history.r1.restore'); // the version with 周一, before 吴二
      const s = await waitFor(page, 'the restored version', async () => {
        const st = await state(page);
        return st.audit.length && st.audit[st.audit.length - 1].action === 'restore' ? st : null;
      });
      const names = s.roster.map((a) => a.name);
      check(names.includes('周一') && !names.includes('吴二'), `restored roster: ${names.join(',')}`);
      await waitSaved(page);
      await page.keyboard.press('Control+Z');
      await waitFor(page, 'undo of the restore', async () => (await state(page)).roster.some((a) => a.name === '吴二'));
    } finally {
      await context.close();
    }
  });

  test('the store keeps the last 50 versions and one per day for 90 days', async ({ browser, base }) => {
    // The store's own code (web/kefu-store.js) on a page of its own: no app frames in between.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + '/kefu-store.js');
    await page.addScriptTag({ url: base + '/kefu-store.js' });
    const kept = await page.evaluate(async () => {
      const store = window.makeKefuStore('kefuscore-prune-test');
      // A fixed clock: noon UTC, so that a day's saves (minutes apart) share their calendar day.
      const realNow = Date.now, day = 86400000, start = Date.UTC(2026, 0, 15, 12, 0, 0);
      let clock = start;
      Date.now = () => clock;
      try {
        // 100 earlier days, three saves each, oldest first; then 60 saves today.
        for (let d = 100; d >= 1; d--)
          for (let k = 2; k >= 0; k--) {
            clock = start - d * day - k * 60000;
            await store.save('shop', new Uint8Array([d, k]));
          }
        for (let k = 0; k < 60; k++) {
          clock = start + k * 1000;
          await store.save('shop', new Uint8Array([0, k]));
        }
      } finally {
        Date.now = realNow;
      }
      const list = await store.list();
      const current = list.filter((v) => v.current).map((v) => v.seq);
      const loaded = await store.load(list[0].seq);
      const older = list.filter((v) => v.at < start);
      const newestOfDay = await Promise.all(older.map((v) => store.load(v.seq)))
        .then((all) => all.every((b) => b[1] === 0)); // k = 0 is each earlier day's last save
      return { newestOfDay, count: list.length, days: [...new Set(list.map((v) => Math.floor((start + day / 2 - v.at) / day)))].sort((a, b) => a - b),
               current, newest: list[0].seq, bytes: Array.from(loaded) };
    });
    // 50 from today, plus the newest of each of the 89 earlier days still inside 90 days.
    check(kept.count === 50 + 89, `kept ${kept.count} versions`);
    check(kept.days[0] === 0 && kept.days[kept.days.length - 1] === 89 && kept.days.length === 90, `days kept: ${kept.days}`);
    check(kept.newestOfDay, 'a day kept an older save instead of its newest');
    check(kept.current.length === 1 && kept.current[0] === kept.newest, 'the current version is not the newest');
    check(kept.bytes.join(',') === '0,59', `the newest version reads ${kept.bytes}`);
    await context.close();
  });

  test('a snapshot larger than one IndexedDB value is kept in pieces, read back whole and pruned with its version', async ({ browser, base }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + '/kefu-store.js');
    await page.addScriptTag({ url: base + '/kefu-store.js' });
    const r = await page.evaluate(async () => {
      const store = window.makeKefuStore('kefuscore-pieces-test');
      const piecesCount = () => new Promise((res) => {
        const open = indexedDB.open('kefuscore-pieces-test');
        open.onsuccess = () => {
          const c = open.result.transaction('pieces').objectStore('pieces').count();
          c.onsuccess = () => { open.result.close(); res(c.result); };
        };
      });
      // Chromium's own limit first: one value of 140 MB is refused; in 64 MB pieces (the default) it is kept.
      const huge = new Uint8Array(140 << 20);
      for (let i = 0; i < huge.length; i += 4099) huge[i] = (i >> 12) & 255;
      const defaultPiece = store.pieceBytes;
      store.pieceBytes = 1 << 30;
      let refused = '';
      try { await store.save('shop', huge); } catch (e) { refused = String(e.message || e); }
      store.pieceBytes = defaultPiece;
      await store.save('shop', huge);
      const hugeBack = await store.loadCurrent();
      let hugeSame = hugeBack.length === huge.length;
      for (let i = 0; i < huge.length && hugeSame; i += 4099) hugeSame = hugeBack[i] === huge[i];
      // Then the same store with pieces of 1 MB: 3.5 MB in four pieces, bytes that tell where they were.
      const big = new Uint8Array(3.5 * (1 << 20));
      for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 12)) & 255;
      store.pieceBytes = 1 << 20;
      await store.save('shop', big);
      const list = await store.list();
      const back = await store.loadCurrent(), again = await store.load(list[0].seq);
      const same = (a) => a && a.length === big.length && a.every((v, i) => v === big[i]);
      const piecesAfterSave = await piecesCount();
      // 51 small saves push both big ones out of the last 50 (all on one day: the newest of the day stays).
      for (let k = 0; k < 51; k++) await store.save('shop', new Uint8Array([k]));
      const left = await store.list();
      return { refused, hugeSame, pieces: piecesAfterSave, size: list[0].size, same: same(back) && same(again),
               bigKept: left.some((v) => v.size >= big.length), piecesLeft: await piecesCount() };
    });
    check(r.refused !== '', 'a 140 MB single value was accepted: the pieces are not needed here?');
    check(r.hugeSame, 'the 140 MB snapshot kept in 64 MB pieces did not read back the same');
    check(r.size === 3.5 * (1 << 20), `listed size ${r.size}`);
    check(r.pieces === 3 + 4, `${r.pieces} pieces stored (140 MB in 3, 3.5 MB in 4)`);
    check(r.same, 'the snapshot read back from its pieces differs');
    check(!r.bigKept && r.piecesLeft === 0, `after pruning: big version kept ${r.bigKept}, ${r.piecesLeft} pieces left`);
    await context.close();
  });

  test('the Edit menu and Ctrl+Z / Ctrl+Y undo and redo', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      await addAgentByIme(page, '郑三');
      await clickItem(page, 'menu.edit');
      const undo = await item(page, 'edit.undo');
      check(undo.label.startsWith('撤销：添加客服'), `undo item reads '${undo.label}'`);
      await clickItem(page, 'edit.undo');
      await waitFor(page, '郑三 undone', async () => !(await state(page)).roster.some((a) => a.name === '郑三'));
      await page.mouse.click(VIEWPORT.width / 2, VIEWPORT.height / 2); // focus the canvas, no text field
      await page.keyboard.press('Control+Y');
      await waitFor(page, '郑三 redone', async () => (await state(page)).roster.some((a) => a.name === '郑三'));
      await page.keyboard.press('Control+Z');
      await waitFor(page, '郑三 undone again', async () => !(await state(page)).roster.some((a) => a.name === '郑三'));
      const s = await state(page);
      check(s.redo === 'add_agent', `redo is ${s.redo}`);
    } finally {
      await context.close();
    }
  });

  test('export, clear site data, import: the preview first, then the shop is back', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      let page = await openPage(context, base + '/?demo=1', errors);
      await addAgentByIme(page, '冯四');
      await waitSaved(page);
      const before = await state(page);
      const file = await exportSnapshot(page, tmp, 'export.kefu');
      check(file.suggested.startsWith(before.shop + '-'), `export name ${file.suggested}`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.clearDataForOrigin', { origin: base, storageTypes: 'all' });
      await page.close();
      page = await openPage(context, base + '/', errors);
      const empty = await state(page);
      check(empty.roster.length === 0 && empty.periods.length === 0, 'site data was not cleared');
      await clickItem(page, 'welcome.blank'); // a first visit again: the demo is offered
      await importByPicker(page, file.path);
      const preview = await state(page);
      check(preview.roster.length === 0, 'the import changed the shop before it was confirmed');
      check(preview.incoming.shop === before.shop, `preview shop ${preview.incoming.shop}`);
      check(preview.incoming.agents === before.roster.length, `preview agents ${preview.incoming.agents}`);
      check(preview.incoming.months.join(',') === before.periods.join(','), `preview months ${preview.incoming.months}`);
      const lastChange = await item(page, 'import.last_change');
      check(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(lastChange.label), `last change reads '${lastChange.label}'`);
      await page.screenshot({ path: path.join(SHOTS, 'import-preview.png') });
      await clickItem(page, 'import.replace');
      const s = await waitFor(page, 'the imported shop', async () => {
        const st = await state(page);
        return st.roster.some((a) => a.name === '冯四') ? st : null;
      });
      check(s.shop_id === before.shop_id, 'the shop id changed on the way');
      check(s.results.length === before.results.length, `results: ${s.results.length}`);
      await waitSaved(page);
      await page.reload();
      await ready(page);
      check((await state(page)).roster.some((a) => a.name === '冯四'), 'the imported shop was not saved');
    } finally {
      await context.close();
    }
  });

  test('a snapshot dropped on the page opens the same preview; cancel changes nothing', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const file = await exportSnapshot(page, tmp, 'dropped.kefu');
      const revision = (await state(page)).data_revision;
      const b64 = fs.readFileSync(file.path).toString('base64');
      await page.evaluate((data) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], '小美-2024-04-01.kefu'));
        const canvas = document.getElementById('canvas');
        canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, b64);
      const s = await waitFor(page, 'the preview of the dropped file', async () => (await state(page)).incoming);
      check(s.file === '小美-2024-04-01.kefu' && s.same_shop, `preview: ${JSON.stringify(s)}`);
      await waitFor(page, 'the same shop offers merging', () => item(page, 'import.merge'));
      await clickItem(page, 'import.cancel');
      const after = await waitFor(page, 'the preview to close', async () => {
        const st = await state(page);
        return st.incoming === null ? st : null;
      });
      check(after.data_revision === revision, 'cancel changed the shop');
      // A file that is neither a snapshot nor data (.csv/.xlsx go to 导入数据) is refused with its name.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['not a snapshot'], 'notes.dat'));
        document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      const notice = await waitFor(page, 'the refusal', async () => (await state(page)).notices.find((n) => n.includes('notes.dat')));
      check(/不是可用的快照文件/.test(notice), `notice: ${notice}`);
      // A dropped .csv opens the import preview instead, and changes nothing by itself.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['客服,销售额\n'], 'metrics.csv'));
        document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await waitFor(page, 'the import preview of metrics.csv', async () => ((await item(page, 'dataimport.window')) || {}).label === '导入数据：metrics.csv');
      check((await state(page)).data_revision === revision, 'a dropped csv changed the shop');
    } finally {
      await context.close();
    }
  });

  test('two managers: changes to different agents merge; the same cell is a conflict chosen side by side', async ({ browser, base, errors }) => {
    const ctxA = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const ctxB = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const a = await openPage(ctxA, base + '/?demo=1', errors);
      await setManager(a, '王经理');
      const shared = await exportSnapshot(a, tmp, 'shared.kefu');
      // Manager B starts from A's file on another computer.
      const b = await openPage(ctxB, base + '/', errors);
      await clickItem(b, 'welcome.blank');
      await importByPicker(b, shared.path);
      await clickItem(b, 'import.replace');
      await waitFor(b, 'B has the shop', async () => (await state(b)).roster.length > 0);
      await setManager(b, '李主管');
      const before = value(await state(a), AGENT_A, 'sales_amount');
      await act(b, { type: 'set_metric', period: MONTH, agent: AGENT_B, metric: 'sales_amount', value: 90001 });
      await act(b, { type: 'set_metric', period: MONTH, agent: AGENT_A, metric: 'sales_amount', value: 120002 });
      await addAgentByIme(b, '陈五');
      await waitSaved(b);
      const fromB = await exportSnapshot(b, tmp, 'from-b.kefu');
      await act(a, { type: 'set_metric', period: MONTH, agent: AGENT_A, metric: 'sales_amount', value: 110001 });
      await act(a, { type: 'set_metric', period: MONTH, agent: AGENT_A, metric: 'paid_customers', value: 431 });
      await waitSaved(a);

      await importByPicker(a, fromB.path);
      check((await state(a)).incoming.same_shop, 'B\'s copy is not recognised as the same shop');
      await clickItem(a, 'import.merge');
      const conflicts = await waitFor(a, 'the conflict view', async () => {
        const st = await state(a);
        return st.incoming && st.incoming.merging ? st.incoming.conflicts : null;
      });
      check(conflicts.length === 1, `conflicts: ${JSON.stringify(conflicts)}`);
      check(conflicts[0].key === `${MONTH} / ${AGENT_A} / sales_amount`, `conflict key ${conflicts[0].key}`);
      const mine = await item(a, 'merge.r0.mine'), theirs = await item(a, 'merge.r0.theirs');
      check(mine.label === '110001' && theirs.label === '120002', `side by side: ${mine.label} | ${theirs.label}`);
      check(/李主管/.test((await item(a, 'merge.r0.theirs_by')).label), 'the other side\'s author is not shown');
      check(value(await state(a), AGENT_B, 'sales_amount') !== 90001, 'the merge applied before the choice');
      await a.screenshot({ path: path.join(SHOTS, 'merge-conflicts.png') });
      await clickItem(a, 'merge.apply'); // nothing chosen yet: refused
      await waitFor(a, 'the refusal', async () => (await state(a)).notices.some((n) => n.includes('没有选择')));
      await clickItem(a, 'merge.r0.keep_theirs');
      await clickItem(a, 'merge.apply');
      const merged = await waitFor(a, 'the merge', async () => {
        const st = await state(a);
        return st.incoming === null && st.roster.some((x) => x.name === '陈五') ? st : null;
      });
      check(value(merged, AGENT_A, 'sales_amount') === 120002, 'the chosen side was not taken');
      check(value(merged, AGENT_A, 'paid_customers') === 431, 'A\'s own change was lost');
      check(value(merged, AGENT_B, 'sales_amount') === 90001, 'B\'s change to another agent did not merge');
      check(merged.audit[merged.audit.length - 1].action === 'merge', 'the merge is not in the log');
      // The merge is one undoable step.
      await act(a, { type: 'undo' });
      const undone = await state(a);
      check(value(undone, AGENT_A, 'sales_amount') === 110001 && !undone.roster.some((x) => x.name === '陈五'),
        'undo did not take the merge back');
      check(before !== 110001, 'test data did not change');
    } finally {
      await ctxA.close();
      await ctxB.close();
    }
  });

  test('a snapshot of another shop is refused for merging and only offered as a replacement', async ({ browser, base, errors }) => {
    const ctxA = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const ctxB = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const other = await openPage(ctxB, base + '/?demo=1', errors); // a shop of its own (its own id)
      const file = await exportSnapshot(other, tmp, 'other-shop.kefu');
      const a = await openPage(ctxA, base + '/?demo=1', errors);
      const id = (await state(a)).shop_id;
      check(id !== (await state(other)).shop_id, 'two demo shops share an id');
      await importByPicker(a, file.path);
      const s = await state(a);
      check(!s.incoming.same_shop, 'another shop is taken as the same shop');
      const relation = await waitFor(a, 'the preview', () => item(a, 'import.relation'));
      check(!(await item(a, 'import.merge')), 'merging another shop is offered');
      check(/另一个店铺/.test(relation.label), `preview says '${relation.label}'`);
      await clickItem(a, 'import.replace');
      await step(a, 'replace-confirm', () => clickItem(a, 'import.replace_confirm'));
      await waitFor(a, 'the replacement', async () => (await state(a)).shop_id !== id);
      await act(a, { type: 'undo' });
      await waitFor(a, 'the original shop back', async () => (await state(a)).shop_id === id);
    } finally {
      await ctxA.close();
      await ctxB.close();
    }
  });

  test('two tabs: the second is read-only and follows; it writes once the first is closed', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const first = await openPage(context, base + '/?demo=1', errors);
      await addAgentByIme(first, '韩九');
      await waitSaved(first);
      const second = await openPage(context, base + '/', errors);
      const s = await state(second);
      check(s.read_only, 'the second tab is not read-only');
      check((await item(second, 'status.save')).label === '只读', 'the status bar does not say read-only');
      check(s.roster.length === (await state(first)).roster.length, 'the second tab did not open the saved shop');
      await second.screenshot({ path: path.join(SHOTS, 'second-tab.png') });
      await second.evaluate(() => window.kefu.act({ type: 'add_agent', name: '褚六', group: '售后组' }));
      await waitFor(second, 'the refusal', async () => (await state(second)).notices.some((n) => n.includes('只读')));
      check(!(await state(second)).roster.some((a) => a.name === '褚六'), 'the read-only tab changed the shop');
      await addAgentByIme(first, '卫七');
      await waitSaved(first);
      await waitFor(second, 'the second tab to follow', async () => (await state(second)).roster.some((a) => a.name === '卫七'));
      await first.close();
      await waitFor(second, 'the second tab to become writable', async () => !(await state(second)).read_only, 15000);
      await addAgentByIme(second, '蒋八');
      await waitSaved(second);
    } finally {
      await context.close();
    }
  });

  test('closing a month freezes it; reopening needs a reason; both are in the change log', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      await setManager(page, '王经理');
      const before = await state(page);
      await menu(page, 'menu.data', 'data.close');
      await clickItem(page, 'period.confirm');
      let s = await waitFor(page, 'the month closed', async () => {
        const st = await state(page);
        return st.closed.includes(before.period) ? st : null;
      });
      check(!!(await item(page, 'results.period_closed')), 'the results panel does not say the month is closed');
      await page.evaluate((m) => window.kefu.act({ type: 'set_metric', period: m, agent: '王喆', metric: 'sales_amount', value: 1 }), before.period);
      await waitFor(page, 'the refusal', async () => (await state(page)).notices.some((n) => n.includes('已结算')));
      await clickItem(page, 'notice.dismiss');
      await menu(page, 'menu.data', 'data.reopen');
      await clickItem(page, 'period.confirm'); // without a reason: stays open
      check(!!(await item(page, 'period.reason_needed')), 'no reason was asked for');
      check((await state(page)).closed.includes(before.period), 'reopened without a reason');
      await clickItem(page, 'period.reason');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.insertText', { text: '补录三月罚款' });
      await waitFor(page, 'the reason typed', async () => (await item(page, 'period.reason')).value === '补录三月罚款');
      await clickItem(page, 'period.confirm');
      s = await waitFor(page, 'the month reopened', async () => {
        const st = await state(page);
        return st.closed.length === 0 ? st : null;
      });
      await menu(page, 'menu.file', 'file.audit');
      await waitFor(page, 'the change log', async () => !!(await item(page, 'audit.r0.what')));
      const list = await items(page);
      const row = (k) => Object.fromEntries(['when', 'who', 'what', 'detail'].map((f) => [f, (list.find((i) => i.id === `audit.r${k}.${f}`) || {}).label]));
      const reopen = row(0), close = row(1);
      check(reopen.what === '重新打开月份' && reopen.detail === `${before.period}: 补录三月罚款` && reopen.who === '王经理',
        `newest log row: ${JSON.stringify(reopen)}`);
      check(close.what === '结算月份' && close.who === '王经理', `second log row: ${JSON.stringify(close)}`);
      await page.screenshot({ path: path.join(SHOTS, 'audit-log.png') });
      check(s.audit.filter((e) => e.action === 'close' || e.action === 'reopen').length === 2, 'log entries missing');
    } finally {
      await context.close();
    }
  });
}
