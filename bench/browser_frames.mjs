// Frame CPU time of the page on the demo shop in headless Debian Chromium: the time from event
// polling to the end of the GL calls of each frame (web/main.cpp), the first frame and glyph-atlas
// rebuilds left out, while a scripted session moves through the tabs, scrolls the data grid, opens a
// scorecard and moves the mouse. One JSON line per window size. Run by scripts/bench.sh.
// Usage: node bench/browser_frames.mjs DIST [seconds per size=8]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clickItem, item, launchBrowser, startServer, waitFor, waitFrames } from '../tests/browser/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [distArg, secondsArg] = process.argv.slice(2);
if (!distArg) {
  console.error('usage: browser_frames.mjs DIST [seconds]');
  process.exit(2);
}
const seconds = Number(secondsArg || 8);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// What a user does for `seconds`: tabs, the grid scrolled, a scorecard, the mouse moving.
async function session(page, size) {
  const end = Date.now() + seconds * 1000;
  let round = 0;
  while (Date.now() < end) {
    await clickItem(page, 'tab.data');
    for (let k = 0; k < 6; k++) {
      await page.mouse.move(size.width / 2, size.height / 2 + k * 10);
      await page.mouse.wheel(0, k % 2 ? -240 : 240);
      await waitFrames(page, 2);
    }
    await clickItem(page, 'tab.pay');
    await clickItem(page, 'tab.overview');
    await clickItem(page, `results.r${round % 5}.agent`);
    for (let k = 0; k < 10; k++) {
      await page.mouse.move((k * 97) % size.width, (k * 53) % size.height);
      await waitFrames(page, 1);
    }
    round++;
  }
}

async function run() {
  const server = await startServer(root, path.resolve(distArg));
  const browser = await launchBrowser();
  try {
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      await page.goto(server.base + '/?demo=1');
      await page.waitForFunction(() => window.kefu && window.kefu.ready, null, { timeout: 60000 });
      await waitFor(page, 'the full font', async () => (await page.evaluate(() => window.kefu.fonts())).full, 30000);
      await waitFrames(page, 10);
      await page.evaluate(() => window.kefu.frameTimes()); // start counting now
      await session(page, size);
      const samples = (await page.evaluate(() => window.kefu.frameTimes())).sort((a, b) => a - b);
      if (samples.length < 50) throw new Error(`only ${samples.length} frames measured`);
      if (!(await item(page, 'tab.overview'))) throw new Error('the page stopped drawing');
      const browserName = (await (await context.newCDPSession(page)).send('Browser.getVersion')).product;
      console.log(JSON.stringify({
        bench: 'frames', browser: browserName, width: size.width, height: size.height, frames: samples.length,
        p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95), p99_ms: percentile(samples, 99),
        max_ms: samples[samples.length - 1],
      }));
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

run().catch((e) => {
  console.error('browser_frames:', e.message || e);
  process.exit(1);
});
