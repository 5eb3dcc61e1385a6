// Browser tests of the KefuScore page (run by `build-wasm.sh test`): Debian's Chromium through
// playwright-core opens the served dist/, then clicks and types through window.kefu like a user.
// Screenshots go to --screenshots (build/screenshots) for people to look at. Last line:
// "N passed, M failed".
//   node tests/browser/run.mjs --dist dist --screenshots build/screenshots [--kefu build/native/kefu] [--only NAME]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addAgentByIme, canvasDrawn, check, clickItem, hasCjk, item, items, launchBrowser, openPage, ready, startServer, state,
  waitFor, waitFrames, waitSaved,
} from './lib.mjs';
import { chartsTests } from './charts.mjs';
import { coachingTests } from './coaching.mjs';
import { eventsTests } from './events.mjs';
import { importTests } from './import.mjs';
import { offlineTests } from './offline.mjs';
import { payslipTests } from './payslips.mjs';
import { reportTests } from './reports.mjs';
import { schemeTests } from './scheme.mjs';
import { persistenceTests } from './persistence.mjs';
import { setupTests } from './setup.mjs';
import { workflowTests } from './workflow.mjs';
import { whatifTests } from './whatif.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const SHOTS = path.resolve(arg('--screenshots', path.join(ROOT, 'build/screenshots')));
const ONLY = arg('--only', '');
const KEFU = path.resolve(arg('--kefu', path.join(ROOT, 'build/native/kefu'))); // the CLI, to compare with
const VIEWPORT = { width: 1280, height: 800 };

// Items whose label is data (names, groups, the shop), not a translated UI text.
const DATA_ITEM = /^(roster\.r\d|results\.r\d|roster\.shop|status\.shop|roster\.group|notice\.)/;

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('the page draws its first frame with the demo shop and the hook', async ({ demo, errors }) => {
  const title = await demo.title();
  check(title === 'KefuScore 客服考核', `window title is '${title}'`);
  check(await demo.evaluate(() => typeof window.kefu.items === 'function' && typeof window.kefu.state === 'function'),
    'window.kefu.items/state missing');
  const drawn = await canvasDrawn(demo);
  check(drawn.differing > 0.05 && drawn.colours > 20, `canvas looks blank: ${JSON.stringify(drawn)}`);
  const s = await state(demo);
  check(s.language === 'zh' && s.demo, `state: language ${s.language}, demo ${s.demo}`);
  check(s.roster.length >= 20, `demo roster has ${s.roster.length} agents`);
  check(s.results.some((r) => r.score !== null && r.total_fen > 0), 'no scored result with money');
  const labels = Object.fromEntries((await items(demo)).map((i) => [i.id, i.label]));
  for (const [id, zh] of [['menu.file', '文件'], ['menu.data', '数据'], ['menu.assess', '考核'], ['menu.report', '报表'], ['menu.help', '帮助']])
    check(labels[id] === zh, `${id} is '${labels[id]}', expected '${zh}'`);
  check(labels['status.version'] && labels['status.version'].includes('0.'), 'status bar without version');
  await demo.screenshot({ path: path.join(SHOTS, 'demo-zh.png') });
  check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
});

test('the full font arrives after the first frame; demo names have glyphs', async ({ demo }) => {
  const f = await waitFor(demo, 'the GBK font', async () => {
    const info = await demo.evaluate(() => window.kefu.fonts());
    return info.full ? info : null;
  }, 20000);
  check(f.missing === '', `characters without a glyph: ${f.missing}`);
  const names = (await state(demo)).roster.map((a) => a.name).join('');
  for (const ch of '喆赟玥堃') check(names.includes(ch), `demo roster lacks ${ch}`);
});

test('the language switch changes every label', async ({ demo }) => {
  await clickItem(demo, 'lang.switch');
  await waitFor(demo, 'language en', async () => (await state(demo)).language === 'en');
  await waitFrames(demo, 2);
  const list = await items(demo);
  const label = (id) => (list.find((i) => i.id === id) || {}).label;
  check(label('menu.file') === 'File' && label('menu.help') === 'Help', `menu: ${label('menu.file')} ${label('menu.help')}`);
  check(label('lang.switch') === '中文', `switch reads '${label('lang.switch')}'`);
  const chinese = list.filter((i) => !DATA_ITEM.test(i.id) && i.id !== 'lang.switch' && hasCjk(i.label));
  check(chinese.length === 0, `still Chinese: ${chinese.map((i) => `${i.id}=${i.label}`).join(', ')}`);
  await demo.screenshot({ path: path.join(SHOTS, 'demo-en.png') });
  await clickItem(demo, 'lang.switch');
  await waitFor(demo, 'language zh', async () => (await state(demo)).language === 'zh');
});

// Labels that are the shop's data in the other tabs: names, groups, notes, the scheme's own texts.
const TAB_DATA_ITEM = /^(data\.r\d|events\.r\d|events\.agent|events\.filter_agent|pay\.r\d|fund\.r\d|events\.exam\.r\d+\.agent|scheme\.(group|scope)|scheme\.r\d+\.scope)/;

test('every tab in English shows no Chinese UI text', async ({ demo }) => {
  await clickItem(demo, 'lang.switch');
  await waitFor(demo, 'language en', async () => (await state(demo)).language === 'en');
  try {
    for (const tab of ['tab.data', 'tab.events', 'tab.scheme', 'tab.pay', 'tab.overview']) {
      await clickItem(demo, tab);
      await waitFrames(demo, 3);
      const list = await items(demo);
      const chinese = list.filter((i) => !DATA_ITEM.test(i.id) && !TAB_DATA_ITEM.test(i.id) && i.id !== 'lang.switch' && hasCjk(i.label));
      check(chinese.length === 0, `${tab}: still Chinese: ${chinese.map((i) => `${i.id}=${i.label}`).join(', ')}`);
      await demo.screenshot({ path: path.join(SHOTS, `en-${tab.replace('tab.', '')}.png`) });
    }
  } finally {
    await clickItem(demo, 'lang.switch');
    await waitFor(demo, 'language zh', async () => (await state(demo)).language === 'zh');
  }
});

test('a Chinese name typed through the IME path round-trips into the state', async ({ demo }) => {
  await clickItem(demo, 'roster.new_name');
  await waitFor(demo, 'the hidden input to take focus', () => demo.evaluate(() => document.activeElement.id === 'kefu-ime'));
  const cdp = await demo.context().newCDPSession(demo);
  await cdp.send('Input.imeSetComposition', { text: 'zhang', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.imeSetComposition', { text: '张喆', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '张喆' });
  await waitFor(demo, 'the field to read 张喆', async () => (await item(demo, 'roster.new_name')).value === '张喆');
  await clickItem(demo, 'roster.add');
  const s = await waitFor(demo, '张喆 in the roster', async () => {
    const st = await state(demo);
    return st.roster.some((a) => a.name === '张喆') ? st : null;
  });
  check(s.results.some((r) => r.agent === '张喆'), '张喆 is not in the results');
  await waitFor(demo, 'the name field to clear', async () => ((await item(demo, 'roster.new_name')).value || '') === '');
  const row = (await items(demo)).find((i) => /^roster\.r\d+\.name$/.test(i.id) && i.label === '张喆');
  check(row, 'no roster row shows 张喆');
  await demo.screenshot({ path: path.join(SHOTS, 'ime-added.png') });
});

test('keyboard typing, Enter, paste and copy work in a text field', async ({ demo }) => {
  await clickItem(demo, 'roster.new_name');
  await waitFor(demo, 'focus', () => demo.evaluate(() => document.activeElement.id === 'kefu-ime'));
  await demo.keyboard.type('Amy ');
  await demo.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '李赟堃');
    document.getElementById('kefu-ime').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await waitFor(demo, 'typed + pasted text', async () => (await item(demo, 'roster.new_name')).value === 'Amy 李赟堃');
  await demo.keyboard.press('Control+A');
  await waitFrames(demo, 2);
  const copied = await demo.evaluate(() => {
    const dt = new DataTransfer();
    document.getElementById('kefu-ime').dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
    return dt.getData('text/plain');
  });
  check(copied === 'Amy 李赟堃', `copy gave '${copied}'`);
  await demo.keyboard.press('End');
  await demo.keyboard.press('Enter');
  await waitFor(demo, 'Amy 李赟堃 added by Enter', async () => (await state(demo)).roster.some((a) => a.name === 'Amy 李赟堃'));
  await waitFor(demo, 'an empty field, still focused', async () => ((await item(demo, 'roster.new_name')).value || '') === '' &&
    demo.evaluate(() => document.activeElement.id === 'kefu-ime'));
  await demo.keyboard.type('x');
  await waitFor(demo, 'the next name', async () => (await item(demo, 'roster.new_name')).value === 'x');
  await demo.keyboard.press('Backspace');
  await waitFor(demo, 'Backspace', async () => ((await item(demo, 'roster.new_name')).value || '') === '');
  const f = await demo.evaluate(() => window.kefu.fonts());
  check(!f.missing.includes('赟') && !f.missing.includes('堃'), `missing glyphs: ${f.missing}`);
});

test('removing an agent asks first', async ({ demo }) => {
  const row = (await items(demo)).find((i) => /^roster\.r\d+\.name$/.test(i.id) && i.label === '张喆');
  check(row, 'no row for 张喆');
  await clickItem(demo, row.id.replace('.name', '.remove'));
  await clickItem(demo, 'roster.cancel_remove');
  check((await state(demo)).roster.some((a) => a.name === '张喆'), 'cancel removed the agent');
  await clickItem(demo, row.id.replace('.name', '.remove'));
  const question = await waitFor(demo, 'the question', () => item(demo, 'roster.confirm_text'));
  check(question.label.includes('张喆'), `question: ${question.label}`);
  await clickItem(demo, 'roster.confirm_remove');
  await waitFor(demo, '张喆 gone', async () => !(await state(demo)).roster.some((a) => a.name === '张喆'));
});

test('a loading indicator shows while the wasm downloads', async ({ browser, base }) => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route('**/kefu.wasm*', async (route) => { await gate; await route.continue(); });
    await page.goto(base + '/?demo=1');
    await page.waitForSelector('#loading', { state: 'visible' });
    const text = await page.textContent('#status');
    check(/正在/.test(text) && /Loading|Downloading/.test(text), `loading text: ${text}`);
    await page.screenshot({ path: path.join(SHOTS, 'loading.png') });
    release();
    await page.waitForFunction(() => window.kefu && window.kefu.ready, null, { timeout: 60000 });
    check(!(await page.isVisible('#loading')), 'the loading indicator stayed after the first frame');
  } finally {
    await context.close();
  }
});

test('the first open offers the demo shop; later opens do not', async ({ browser, base, errors }) => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openPage(context, base + '/', errors);
    check(!(await state(page)).demo, 'demo loaded without being asked');
    await page.screenshot({ path: path.join(SHOTS, 'welcome.png') });
    await clickItem(page, 'welcome.open_demo');
    await waitFor(page, 'the demo shop', async () => (await state(page)).demo);
    await page.reload();
    await page.waitForFunction(() => window.kefu && window.kefu.ready, null, { timeout: 60000 });
    await waitFrames(page, 3);
    check(!(await item(page, 'welcome.open_demo')), 'the welcome dialog came back');
  } finally {
    await context.close();
  }
});

test('HiDPI (devicePixelRatio 2): crisp backing store, CSS-pixel items, clicks land', async ({ browser, base, errors }) => {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2 });
  try {
    const page = await openPage(context, base + '/?demo=1', errors);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, dpr: window.devicePixelRatio };
    });
    check(size.dpr === 2 && size.w === size.cssW * 2, `canvas ${size.w}x${size.h} for CSS width ${size.cssW}`);
    const sw = await item(page, 'lang.switch');
    check(sw.x + sw.w <= VIEWPORT.width && sw.x > VIEWPORT.width / 2, `switch at x=${sw.x} (CSS pixels expected)`);
    await page.screenshot({ path: path.join(SHOTS, 'hidpi-2x.png') });
    await clickItem(page, 'lang.switch');
    await waitFor(page, 'language en at 2x', async () => (await state(page)).language === 'en');
  } finally {
    await context.close();
  }
});

test('the page follows the window size', async ({ demo }) => {
  await demo.setViewportSize({ width: 860, height: 640 });
  await waitFrames(demo, 4);
  const sw = await item(demo, 'lang.switch');
  check(sw.x + sw.w <= 860 && sw.x > 700, `switch at x=${sw.x} after resizing to 860`);
  const canvas = await demo.evaluate(() => document.getElementById('canvas').width);
  check(canvas === 860, `canvas width ${canvas}`);
  await demo.screenshot({ path: path.join(SHOTS, 'narrow.png') });
  await demo.setViewportSize(VIEWPORT);
});

// Persistence (IndexedDB): each test has its own browser context, so its own empty storage.
test('changes are saved to IndexedDB and come back after a reload', async ({ browser, base, errors }) => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await openPage(context, base + '/?demo=1', errors);
    await addAgentByIme(page, '王玥');
    await waitSaved(page);
    const versions = await page.evaluate(() => window.kefuStore.list());
    check(versions.length >= 1 && versions[0].size > 1000, `saved versions: ${JSON.stringify(versions)}`);
    await page.goto(base + '/');
    await ready(page);
    const s = await state(page);
    check(s.roster.some((a) => a.name === '王玥'), 'the added agent did not come back after the reload');
    check(s.roster.length >= 21 && s.results.length > 0, `restored shop: ${s.roster.length} agents, ${s.results.length} results`);
    check(!(await item(page, 'welcome.open_demo')), 'the demo was offered although a shop is saved');
    await page.screenshot({ path: path.join(SHOTS, 'restored.png') });
  } finally {
    await context.close();
  }
});

test('a page closed in the middle of a save reopens with the last good state', async ({ browser, base, errors }) => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    let page = await openPage(context, base + '/?demo=1', errors);
    await addAgentByIme(page, '赵赟');
    await waitSaved(page);
    // The next save starts, and the page is closed while its transaction is in flight.
    await page.evaluate(() => {
      const save = window.kefuStore.save;
      window.kefuStore.save = (...args) => { window.saveStarted = true; return save(...args); };
    });
    await addAgentByIme(page, '钱堃');
    await page.waitForFunction(() => window.saveStarted === true, null, { timeout: 10000 });
    await page.close({ runBeforeUnload: false });
    page = await openPage(context, base + '/', errors);
    await ready(page);
    const names = (await state(page)).roster.map((a) => a.name);
    check(names.includes('赵赟'), `the last good save is gone: ${names.join(',')}`);
    check(names.length >= 22, `restored ${names.length} agents`);
  } finally {
    await context.close();
  }
});

test('a failing save says so, keeps the data and offers the file export', async ({ browser, base, errors }) => {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  try {
    const page = await openPage(context, base + '/?demo=1', errors);
    await page.evaluate(() => { window.kefuStore.failNextSave = true; });
    await addAgentByIme(page, '孙喆');
    await waitFor(page, 'the save-failure message', async () => !!(await item(page, 'save.export')), 15000);
    const status = await item(page, 'status.save');
    check(status.label === '保存失败', `status bar says '${status.label}'`);
    check((await state(page)).roster.some((a) => a.name === '孙喆'), 'the data was dropped after a failed save');
    await page.screenshot({ path: path.join(SHOTS, 'save-failed.png') });
    const download = page.waitForEvent('download', { timeout: 15000 });
    await clickItem(page, 'save.export');
    const file = await download;
    check(/\.kefu$/.test(file.suggestedFilename()), `download named ${file.suggestedFilename()}`);
    const bytes = fs.readFileSync(await file.path());
    check(bytes.subarray(0, 8).toString() === 'KEFUSNAP', 'the export is not a snapshot');
    // The next save succeeds again (the failure was one put).
    await addAgentByIme(page, '周玥');
    await waitSaved(page);
  } finally {
    await context.close();
  }
});

persistenceTests(test, { VIEWPORT, SHOTS });
workflowTests(test, { VIEWPORT, SHOTS, ROOT, KEFU });
payslipTests(test, { VIEWPORT, SHOTS });
reportTests(test, { VIEWPORT, SHOTS, ROOT, KEFU });
schemeTests(test, { VIEWPORT, SHOTS });
eventsTests(test, { VIEWPORT, SHOTS });
setupTests(test, { VIEWPORT, SHOTS });
importTests(test, { VIEWPORT, SHOTS, ROOT, KEFU });
chartsTests(test, { VIEWPORT, SHOTS });
whatifTests(test, { VIEWPORT, SHOTS });
coachingTests(test, { VIEWPORT, SHOTS });
offlineTests(test, { VIEWPORT, SHOTS, ROOT, DIST });

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = await startServer(ROOT, DIST);
  const browser = await launchBrowser();
  let passed = 0, failed = 0;
  try {
    const errors = [];
    const context = await browser.newContext({ viewport: VIEWPORT });
    const demo = await openPage(context, server.base + '/?demo=1', errors);
    for (const t of tests) {
      if (ONLY && !t.name.includes(ONLY)) continue;
      const t0 = Date.now();
      try {
        await t.fn({ browser, base: server.base, demo, errors });
        passed++;
        console.log(`ok   ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${t.name}: ${e.message}`);
        await demo.screenshot({ path: path.join(SHOTS, `failed-${passed + failed}.png`) }).catch(() => {});
      }
    }
  } catch (e) {
    failed++;
    console.log(`FAIL setup: ${e.message}`);
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`screenshots: ${SHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
