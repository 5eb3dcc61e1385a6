// Browser half of the rank-stability benchmark: serves bench/browser/stability.html with the wasm
// build of bench_stability.cpp, runs it in headless Debian Chromium and prints one JSON line (every
// timed run, median, the rank-count checksum to compare with the native run). Run by scripts/bench.sh.
// Usage: node bench/browser_stability.mjs WASM_BENCH_DIR WORK_DIR [rounds=21] [warmup=3]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from '../tests/browser/lib.mjs';
import { median, stagePage } from './bench_lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const [wasmDir, workDir, roundsArg, warmupArg] = process.argv.slice(2);
if (!wasmDir || !workDir) {
  console.error('usage: browser_stability.mjs WASM_BENCH_DIR WORK_DIR [rounds] [warmup]');
  process.exit(2);
}
const rounds = Number(roundsArg || 21), warmup = Number(warmupArg || 3);

// The served folder: the page and the module.
const stage = () => stagePage(workDir, 'stability-www', path.join(here, 'browser/stability.html'),
  ['bench_stability.js', 'bench_stability.wasm'].map((f) => [path.join(wasmDir, f), f]));

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
