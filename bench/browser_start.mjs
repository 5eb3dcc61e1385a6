// Start-up of the page in headless Debian Chromium, served on localhost by scripts/serve.py (which
// sends the precompressed .br/.gz files): cold start (a new profile: nothing cached, no service
// worker) and warm start (the next visit of the same profile: HTTP cache and service worker), both
// to the end of the first frame that drew Chinese text (window.kefu.firstTextAt, web/test_hook.cpp),
// measured from the navigation's start. Also the size of everything the page loaded before that
// frame, raw, gzip -9 and brotli -q 11 (the build's .gz/.br files), and what it loaded after it
// (the fuller GBK font) apart. JSON lines on stdout; run by scripts/bench.sh.
// Usage: node bench/browser_start.mjs DIST [cold runs=5] [warm visits per run=2]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer, waitFor } from '../tests/browser/lib.mjs';
import { median } from './bench_lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [distArg, coldArg, warmArg] = process.argv.slice(2);
if (!distArg) {
  console.error('usage: browser_start.mjs DIST [cold runs] [warm visits per run]');
  process.exit(2);
}
const DIST = path.resolve(distArg);
const COLD = Number(coldArg || 5), WARM = Number(warmArg || 2);
const VIEWPORT = { width: 1280, height: 800 };


// One visit: navigation to the first frame with text; the resources with their timing.
async function visit(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.kefu && window.kefu.firstTextAt !== null, null, { timeout: 60000 });
  return timings(page);
}

function timings(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource').map((r) => ({
      url: r.name, end: r.responseEnd, transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize,
    }));
    resources.unshift({ url: nav.name, end: nav.responseEnd, transfer: nav.transferSize, encoded: nav.encodedBodySize, decoded: nav.decodedBodySize });
    const phases = {}; // shell.html's marks: wasm downloaded, compiled, instantiated, first frame, first text
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('kefu-')) phases[m.name.slice(5)] = m.startTime;
    phases['html-arrived'] = nav.responseEnd;
    return { firstText: window.kefu.firstTextAt, controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller), resources, phases };
  });
}

// The median time of each phase over the runs that have it.
function medianPhases(runs) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(names.map((n) => [n, median(runs.filter((r) => n in r).map((r) => r[n]))]));
}

// Raw, gzip and brotli sizes of a dist file: the build's own .gz/.br when present.
function sizes(rel) {
  const file = path.join(DIST, rel);
  const raw = fs.readFileSync(file);
  const other = (ext, make) => (fs.existsSync(file + ext) ? fs.statSync(file + ext).size : make(raw).length);
  return {
    raw: raw.length,
    gzip: other('.gz', (b) => zlib.gzipSync(b, { level: 9 })),
    brotli: other('.br', (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

function transfer(resources, firstText, base) {
  const byFile = new Map();
  for (const r of resources) {
    if (!r.url.startsWith(base)) continue;
    let rel = decodeURIComponent(new URL(r.url).pathname).replace(/^\//, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (!fs.existsSync(path.join(DIST, rel)) || byFile.has(rel)) continue;
    byFile.set(rel, { file: rel, before_first_frame: r.end <= firstText, served_bytes: r.encoded, end_ms: Math.round(r.end), ...sizes(rel) });
  }
  const files = [...byFile.values()];
  const sum = (list, k) => list.reduce((a, f) => a + f[k], 0);
  const before = files.filter((f) => f.before_first_frame), after = files.filter((f) => !f.before_first_frame);
  return {
    bench: 'transfer', files,
    before_first_frame: { raw: sum(before, 'raw'), gzip: sum(before, 'gzip'), brotli: sum(before, 'brotli'), served: sum(before, 'served_bytes') },
    after_first_frame: { raw: sum(after, 'raw'), gzip: sum(after, 'gzip'), brotli: sum(after, 'brotli'), served: sum(after, 'served_bytes') },
  };
}

async function run() {
  const server = await startServer(root, DIST);
  const browser = await launchBrowser();
  const url = server.base + '/?demo=1';
  const cold = [], warm = [], warmControlled = [], coldPhases = [], warmPhases = [];
  let firstCold = null;
  try {
    for (let i = 0; i < COLD; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      const c = await visit(page, url);
      cold.push(c.firstText);
      coldPhases.push(c.phases);
      // The service worker installs after the first frame; the warm visits come once it controls.
      await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 60000 });
      await waitFor(page, 'the full font', async () => (await page.evaluate(() => window.kefu.fonts())).full, 30000);
      if (!firstCold) firstCold = await timings(page); // with what came after the first frame
      for (let k = 0; k < WARM; k++) {
        const w = await visit(page, url);
        warm.push(w.firstText);
        warmPhases.push(w.phases);
        warmControlled.push(w.controlled);
      }
      await context.close();
    }
    const browserName = browser.version();
    console.log(JSON.stringify({
      bench: 'start', kind: 'cold', browser: `Chromium ${browserName}`, samples_ms: cold, median_ms: median(cold), phases_ms: medianPhases(coldPhases),
    }));
    console.log(JSON.stringify({
      bench: 'start', kind: 'warm', browser: `Chromium ${browserName}`, samples_ms: warm, median_ms: median(warm),
      service_worker: warmControlled.every(Boolean), phases_ms: medianPhases(warmPhases),
    }));
    console.log(JSON.stringify(transfer(firstCold.resources, firstCold.firstText, server.base)));
  } finally {
    await browser.close();
    server.stop();
  }
}

run().catch((e) => {
  console.error('browser_start:', e.message || e);
  process.exit(1);
});
