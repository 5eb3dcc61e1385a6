// Browser half of the snapshot benchmark: serves bench/browser/snapshot.html with the wasm build of
// bench_snapshot.cpp, runs it in headless Debian Chromium with a real (on-disk) profile, so that
// IndexedDB writes to disk as on a user's laptop, and prints one JSON line per measurement
// (every sample, median, snapshot bytes, MB/s). Run by scripts/bench.sh.
// Usage: node bench/browser_snapshot.mjs WASM_BENCH_DIR WORK_DIR [rounds=21] [warmup=3] [SHOP.kefu LABEL]
// With SHOP.kefu, that snapshot's shop is saved and loaded instead of the generated one, and each
// line carries "shop": LABEL.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, startServer } from '../tests/browser/lib.mjs';
import { median, stagePage } from './bench_lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// playwright-core is installed for the browser tests; lib.mjs launches a throwaway (in-memory)
// context, and this benchmark needs a persistent one, so it takes chromium from the same install.
const { chromium } = createRequire(path.join(root, 'tests/browser/package.json'))('playwright-core');

const [wasmDir, workDir, roundsArg, warmupArg, shopFile, shopLabel] = process.argv.slice(2);
if (!wasmDir || !workDir) {
  console.error('usage: browser_snapshot.mjs WASM_BENCH_DIR WORK_DIR [rounds] [warmup]');
  process.exit(2);
}
const rounds = Number(roundsArg || 21), warmup = Number(warmupArg || 3);

// The served folder: the page, the app's store code, the module (and the shop's snapshot file).
const stage = () => stagePage(workDir, 'snapshot-www', path.join(here, 'browser/snapshot.html'), [
  [path.join(root, 'web/kefu-store.js'), 'kefu-store.js'],
  ...['bench_snapshot.js', 'bench_snapshot.wasm'].map((f) => [path.join(wasmDir, f), f]),
  ...(shopFile ? [[shopFile, 'shop.kefu']] : []),
]);

async function run() {
  const server = await startServer(root, stage());
  const profile = mkdtempSync(path.join(workDir, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.KEFU_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
  });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.base + '/index.html');
    const r = await page.evaluate((opts) => window.runSnapshotBench(opts), { rounds, warmup, shopUrl: shopFile ? 'shop.kefu' : '' });
    const browser = (await (await context.newCDPSession(page)).send('Browser.getVersion')).product;
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    if (!r.round_trip_equal || r.agents_loaded !== r.agents) throw new Error('the snapshot did not round-trip');
    const groups = [[r.save, ['save', 'encode', 'write']], [r.load, ['load', 'read', 'decode', 'state']]];
    for (const [group, names] of groups) {
      for (const name of names) {
        const samples = group[name].map((x) => Math.round(x * 1000) / 1000), med = median(samples);
        console.log(JSON.stringify({
          bench: 'snapshot', ...(shopLabel ? { shop: shopLabel } : {}), engine: 'browser', browser, name, agents: r.agents, months: r.months, cells: r.cells,
          closed_months: r.closedMonths, versions_kept: r.versions_kept, bytes: r.bytes, total_fen: r.total_fen, rounds: samples.length,
          median_ms: med, mb_per_s: med > 0 ? Math.round(r.bytes / 1e3 / med * 10) / 10 : null, samples_ms: samples,
        }));
      }
    }
  } finally {
    await context.close();
    server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

run().catch((e) => {
  console.error('browser_snapshot:', e.message || e);
  process.exit(1);
});
