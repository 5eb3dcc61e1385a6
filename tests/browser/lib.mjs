// Helpers of the browser tests: the static server, Chromium (Debian's, never downloaded), and
// acting on the page through window.kefu like a user: click and type at the items' rectangles.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// scripts/serve.py on a free port; resolves when it answers.
export async function startServer(root, dist) {
  const port = await freePort();
  const python = process.env.KEFU_PYTHON || '/usr/bin/python3';
  const proc = spawn(python, [path.join(root, 'scripts/serve.py'), dist, String(port)], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + '/index.html')).ok) return { base, stop: () => proc.kill() };
    } catch { /* not up yet */ }
    await sleep(100);
  }
  proc.kill();
  throw new Error('the server did not start');
}

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.KEFU_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Opens the page and waits for the first frame (window.kefu.ready) plus a few more.
export async function openPage(context, url, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.kefu && window.kefu.ready, null, { timeout: 60000 });
  await waitFrames(page, 3);
  return page;
}

export async function waitFrames(page, n) {
  const start = await page.evaluate(() => window.kefu.frames());
  await page.waitForFunction((target) => window.kefu.frames() >= target, start + n, { timeout: 20000 });
}

// Waits until fn(page) returns a truthy value (polled, with frames in between).
export async function waitFor(page, what, fn, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const item = (page, id) => page.evaluate((i) => window.kefu.item(i), id);
export const state = (page) => page.evaluate(() => window.kefu.state());
export const items = (page) => page.evaluate(() => window.kefu.items());

// Clicks the middle of an item's rectangle with the mouse, as a person would, once it stays in
// place for a frame (a window that just appeared may still be sizing itself and move).
export async function clickItem(page, id) {
  let it = await waitFor(page, `item ${id}`, () => item(page, id));
  for (let tries = 0; tries < 10; tries++) {
    await waitFrames(page, 1);
    const now = await waitFor(page, `item ${id}`, () => item(page, id));
    const still = now.x === it.x && now.y === it.y && now.w === it.w && now.h === it.h;
    it = now;
    if (still) break;
  }
  const x = it.x + it.w / 2, y = it.y + it.h / 2;
  await page.mouse.move(x, y);
  await waitFrames(page, 1);
  await page.mouse.down();
  await waitFrames(page, 1);
  await page.mouse.up();
  await waitFrames(page, 2);
  return it;
}

// How much of the page is drawn: the share of sampled pixels that differ from the most common
// colour, and the number of distinct colours (a blank or single-colour canvas has ~1).
export async function canvasDrawn(page) {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    let samples = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      const rgb = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(rgb, (counts.get(rgb) || 0) + 1);
      samples++;
    }
    const background = Math.max(...counts.values());
    return { colours: counts.size, differing: (samples - background) / samples };
  }, png);
}

const CJK = /[\u3400-\u9fff]/;
export const hasCjk = (s) => CJK.test(s);

// Types a name into the roster's field through the IME path and adds the agent.
export async function addAgentByIme(page, name) {
  await clickItem(page, 'roster.new_name');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text: name });
  await waitFor(page, `the field to read ${name}`, async () => (await item(page, 'roster.new_name')).value === name);
  await clickItem(page, 'roster.add');
  await waitFor(page, `${name} on the roster`, async () => (await state(page)).roster.some((a) => a.name === name));
}

// Replaces a field's text: click, select all, insert through the IME path.
export async function typeInto(page, id, text) {
  await clickItem(page, id);
  await page.keyboard.press('Control+A');
  await waitFrames(page, 1);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text });
  await waitFor(page, `${id} to read ${text}`, async () => (await item(page, id)).value === text);
}

// Opens a combo and clicks the option whose label passes `test`, scrolling its list with the mouse
// wheel as a person would (only the options in view are there to click).
export async function pickOption(page, comboId, test) {
  await clickItem(page, comboId);
  for (let tries = 0; tries < 40; tries++) {
    const options = (await items(page)).filter((i) => i.id.startsWith(comboId + '.') && i.type === 'option');
    const option = options.find((i) => test(i.label));
    if (option) return clickItem(page, option.id);
    check(options.length > 0, `the options of ${comboId} are not open`);
    const last = options[options.length - 1];
    await page.mouse.move(last.x + last.w / 2, last.y + last.h / 2);
    await page.mouse.wheel(0, 120);
    await waitFrames(page, 2);
  }
  throw new Error(`no option of ${comboId} matches`);
}

// Waits for the status bar to say the shop is saved.
export async function waitSaved(page) {
  await waitFor(page, 'the status bar to say saved', async () => {
    const s = await item(page, 'status.save');
    return s && (s.label === '已保存' || s.label === 'Saved');
  }, 15000);
}

// Waits for the first frame after a navigation.
export async function ready(page) {
  await page.waitForFunction(() => window.kefu && window.kefu.ready, null, { timeout: 60000 });
  await waitFrames(page, 3);
}

// 文件 > 导入 with FILE chosen in the file dialog, until the preview (or its error) shows.
export async function pickFile(page, file) {
  const chooser = page.waitForEvent('filechooser', { timeout: 15000 });
  chooser.catch(() => {});
  await clickItem(page, 'menu.file');
  await clickItem(page, 'file.import');
  await (await chooser).setFiles(file);
  // The file is read in pieces (a progress dialog at first), then previewed.
  await waitFor(page, 'the import preview', async () =>
    !(await item(page, 'dataimport.reading')) && ((await item(page, 'dataimport.summary')) || (await item(page, 'dataimport.error'))), 15000);
}
