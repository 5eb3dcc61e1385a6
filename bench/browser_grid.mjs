// Frame CPU time of the data grid (数据录入) with a 100,000-agent month in headless Debian Chromium:
// a generated month (agents x 12 metrics) made into a snapshot by the kefu CLI, saved into the
// page's IndexedDB as the shop, the page reopened on it, then the grid scrolled with the mouse
// wheel from top to bottom and back while every frame's CPU time is recorded (web/main.cpp; the
// grid draws only the rows in view through ImGuiListClipper). One JSON line; run by scripts/bench.sh.
// A month that cannot be made or opened within LIMIT seconds is reported with that failure (and
// the time it took) as its result.
// Usage: node bench/browser_grid.mjs DIST KEFU WORKDIR [agents=100000] [seconds=10] [limit=180]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clickItem, items, launchBrowser, startServer, waitFor, waitFrames } from '../tests/browser/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [distArg, kefuArg, workArg, agentsArg, secondsArg, limitArg] = process.argv.slice(2);
if (!distArg || !kefuArg || !workArg) {
  console.error('usage: browser_grid.mjs DIST KEFU WORKDIR [agents] [seconds]');
  process.exit(2);
}
const AGENTS = Number(agentsArg || 100000), SECONDS = Number(secondsArg || 10), LIMIT = Number(limitArg || 180);
const VIEWPORT = { width: 1280, height: 800 };
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// A deterministic month: AGENTS agents in three groups with the metrics shop-default scores.
function monthCsv(n) {
  const groups = ['售前A组', '售前B组', '售后组'];
  const lines = ['客服,组别,状态,接待人数,询单人数,付款人数,销售额,退款人数,平均响应时间,首次响应时间,3分钟响应率,出勤天数,服务态度,满意度,考试成绩'];
  let seed = 12345;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < n; i++) {
    const asked = 200 + Math.floor(rnd() * 800);
    const paid = Math.floor(asked * (0.2 + rnd() * 0.4));
    lines.push([`客服${String(i + 1).padStart(6, '0')}`, groups[i % 3], '转正', asked + Math.floor(rnd() * 500), asked, paid,
      (paid * (80 + rnd() * 200)).toFixed(2), Math.floor(paid * rnd() * 0.1), (8 + rnd() * 20).toFixed(1), (5 + rnd() * 10).toFixed(1),
      (85 + rnd() * 15).toFixed(1), 20 + Math.floor(rnd() * 6), 85 + Math.floor(rnd() * 15), (4.5 + rnd() * 0.5).toFixed(2),
      60 + Math.floor(rnd() * 40)].join(','));
  }
  return lines.join('\n') + '\n';
}

class Failure extends Error {
  constructor(message, step) { super(message); this.step = step; }
}

// A promise that fails after `seconds`: Playwright's own time-outs need a page thread that answers.
const watchdog = (seconds, step) => new Promise((resolve, reject) => {
  setTimeout(() => reject(new Failure(`no answer from the page in ${seconds} s`, step)), seconds * 1000).unref();
});

function makeSnapshot(work) {
  fs.mkdirSync(work, { recursive: true });
  const csv = path.join(work, `grid-${AGENTS}.csv`), kefu = path.join(work, `grid-${AGENTS}.kefu`);
  fs.writeFileSync(csv, monthCsv(AGENTS));
  const t0 = Date.now();
  const r = spawnSync(path.resolve(kefuArg), ['snapshot', 'create', '--metrics', csv, '--period', '2024-03', '--scheme', 'shop-default',
    '--shop-name', '大数据测试店', '-o', kefu], { encoding: 'utf8', timeout: LIMIT * 1000 });
  if (r.error && r.error.code === 'ETIMEDOUT') throw new Failure(`kefu snapshot create did not finish in ${LIMIT} s`, 'create');
  if (r.status !== 0) throw new Error(`kefu snapshot create failed: ${r.stderr}`);
  return { file: kefu, bytes: fs.statSync(kefu).size, create_ms: Date.now() - t0 };
}

const rowIndex = async (page) => {
  const rows = (await items(page)).map((i) => /^data\.r(\d+)\.agent$/.exec(i.id)).filter(Boolean).map((m) => Number(m[1]));
  return { top: Math.min(...rows), bottom: Math.max(...rows) };
};

// Drags the grid's vertical scrollbar from top to bottom and back for SECONDS (at least one full
// sweep down), 12 pixels a frame
// (ImGui 1.86's SDL backend turns any wheel event into one step of five lines, too slow for 100,000
// rows). The scrollbar sits at the right edge of the panel; its exact x is found by pressing there.
async function dragScrollbar(page, firstCell) {
  const panel = (await items(page)).find((i) => i.id === 'panel.data');
  const cells = (await items(page)).filter((i) => /^data\.r\d+\./.test(i.id));
  const top = firstCell.y + 2, bottom = Math.max(...cells.map((c) => c.y + c.h)) - 2;
  let x = null;
  for (let dx = 8; dx <= 30 && x === null; dx += 3) {
    const at = panel.x + panel.w - dx;
    await page.mouse.move(at, (top + bottom) / 2);
    await page.mouse.down();
    await waitFrames(page, 2);
    await page.mouse.up();
    await waitFrames(page, 2);
    if ((await rowIndex(page)).top > 0) x = at;
  }
  if (x === null) throw new Error('the grid has no vertical scrollbar at the right edge of the panel');
  await page.evaluate(() => window.kefu.frameTimes()); // start counting now
  await page.mouse.move(x, top);
  await page.mouse.down();
  const end = Date.now() + SECONDS * 1000, limit = Date.now() + 4 * SECONDS * 1000;
  let y = top, direction = 1, deepest = 0, turns = 0, steps = 0;
  while ((Date.now() < end || turns === 0) && Date.now() < limit) {
    y = Math.min(bottom, Math.max(top, y + direction * 12));
    await page.mouse.move(x, y);
    await waitFrames(page, 1);
    if (++steps % 5 === 0 || y === bottom) deepest = Math.max(deepest, (await rowIndex(page)).bottom);
    if (y === bottom || y === top) { direction = y === bottom ? -1 : 1; if (steps > 1) turns++; }
  }
  await page.mouse.up();
  return { deepest, turns };
}

// The page's files and the snapshot, served together (links to dist/ and the .kefu file): a file
// this large cannot go through Playwright's request routing without the browser running out of memory.
function stage(work, snapshot) {
  const www = path.join(work, 'grid-www');
  fs.rmSync(www, { recursive: true, force: true });
  fs.mkdirSync(www, { recursive: true });
  const dist = path.resolve(distArg);
  for (const f of fs.readdirSync(dist)) fs.symlinkSync(path.join(dist, f), path.join(www, f));
  fs.symlinkSync(path.resolve(snapshot), path.join(www, 'bench-grid.kefu'));
  return www;
}

async function run() {
  const snap = makeSnapshot(path.resolve(workArg));
  const server = await startServer(root, stage(path.resolve(workArg), snap.file));
  const browser = await launchBrowser();
  try {
    // No service worker: the page's fetch of the snapshot below goes to the server.
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    const page = await context.newPage();
    // The snapshot is fetched by the page from the server and saved as the shop.
    await page.goto(server.base + '/');
    await page.waitForFunction(() => window.kefu && window.kefu.ready, null, { timeout: 60000 });
    await page.evaluate(async () => {
      const bytes = new Uint8Array(await (await fetch('/bench-grid.kefu')).arrayBuffer());
      await window.kefuStore.save('bench-grid', bytes);
    });
    const t0 = Date.now();
    // Opening may end in a crash of the page (the wasm heap's 2 GB, the renderer's memory) or hang
    // the page's thread: both are this size's result, as is taking longer than LIMIT.
    const crashed = new Promise((resolve, reject) => page.on('crash', () =>
      reject(new Failure(`the page crashed while opening the shop, after ${Math.round((Date.now() - t0) / 1000)} s`, 'open'))));
    const opened = (async () => {
      await page.goto(server.base + '/', { timeout: LIMIT * 1000 });
      await page.waitForFunction(() => window.kefu && window.kefu.ready, null, { timeout: LIMIT * 1000 });
    })().catch((e) => { throw e instanceof Failure ? e : new Failure(`the page did not open the shop in ${LIMIT} s (${String(e.message || e).split('\n')[0]})`, 'open'); });
    await Promise.race([opened, crashed, watchdog(LIMIT + 30, 'open')]);
    const openMs = Date.now() - t0;
    // (The state is not asked for: its JSON for 100,000 agents is more than the page can hand over;
    // the scroll below reaching row AGENTS - 1 shows the rows are all there.)
    await waitFor(page, 'the full font', async () => (await page.evaluate(() => window.kefu.fonts())).full, 60000);
    await clickItem(page, 'tab.data');
    const first = await waitFor(page, 'the grid', async () => (await items(page)).find((i) => i.id === 'data.r0.agent'), 60000);
    await waitFrames(page, 5);
    const { deepest, turns } = await dragScrollbar(page, first);
    const samples = (await page.evaluate(() => window.kefu.frameTimes())).sort((a, b) => a - b);
    if (samples.length < 50) throw new Error(`only ${samples.length} frames measured`);
    if (deepest !== AGENTS - 1) throw new Error(`the scroll reached row ${deepest}, the month has ${AGENTS} agents`);
    console.log(JSON.stringify({
      bench: 'grid', browser: `Chromium ${browser.version()}`, agents: AGENTS, visible_columns: await page.evaluate(() => window.kefu.items().filter((i) => /^data\.h\d+$/.test(i.id)).length),
      snapshot_bytes: snap.bytes, snapshot_create_ms: snap.create_ms, open_ms: openMs, deepest_row: deepest, turns,
      width: VIEWPORT.width, height: VIEWPORT.height, frames: samples.length,
      p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95), p99_ms: percentile(samples, 99), max_ms: samples[samples.length - 1],
    }));
    await context.close();
  } finally {
    // A hung page can keep close() waiting: the browser is given 20 s, then left to the process exit.
    await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 20000).unref())]);
    server.stop();
  }
}

run().catch((e) => {
  if (e instanceof Failure) { // a result: this size is out of reach
    console.log(JSON.stringify({ bench: 'grid', agents: AGENTS, failed: e.message, failed_step: e.step, limit_s: LIMIT }));
    process.exit(0); // a browser left hanging must not keep the bench waiting
  }
  console.error('browser_grid:', e.message || e);
  process.exit(1);
});
