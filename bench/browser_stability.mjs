// Browser half of the rank-stability benchmark: serves bench/browser/stability.html with the wasm
// build of bench_stability.cpp, runs it in headless Debian Chromium and prints one JSON line (every
// timed run, median, the rank-count checksum to compare with the native run). Run by scripts/bench.sh.
// Usage: node bench/browser_stability.mjs WASM_BENCH_DIR WORK_DIR [rounds=21] [warmup=3]
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from '../tests/browser/lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const [wasmDir, workDir, roundsArg, warmupArg] = process.argv.slice(2);
if (!wasmDir || !workDir) {
  console.error('usage: browser_stability.mjs WASM_BENCH_DIR WORK_DIR [rounds] [warmup]');
  process.exit(2);
}
const rounds = Number(roundsArg || 21), warmup = Number(warmupArg || 3);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b), n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// The served folder: the page as index.html (the server's readiness probe asks for it) + the module.
function stage() {
  const www = path.join(workDir, 'stability-www');
  mkdirSync(www, { recursive: true });
  copyFileSync(path.join(here, 'browser/stability.html'), path.join(www, 'index.html'));
  for (const f of ['bench_stability.js', 'bench_stability.wasm']) copyFileSync(path.join(wasmDir, f), path.join(www, f));
  return www;
}

async function run() {
  const server = await startServer(root, stage());
  const browser = await launchBrowser();
  const errors = [];
  try {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.base + '/index.html');
    const r = await page.evaluate((opts) => window.runStabilityBench(opts), { rounds, warmup });
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    const samples = r.samples_ms.map((x) => Math.round(x * 1000) / 1000);
    console.log(JSON.stringify({
      bench: 'stability', engine: 'browser', browser: browser.version(), agents: r.agents, samples: r.samples,
      seed: r.seed, rounds: samples.length, median_ms: median(samples), checksum: r.checksum, unstable: r.unstable,
      samples_ms: samples,
    }));
  } finally {
    await browser.close();
    server.stop();
  }
}

run().catch((e) => {
  console.error('browser_stability:', e.message || e);
  process.exit(1);
});
