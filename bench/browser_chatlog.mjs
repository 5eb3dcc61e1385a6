// Browser half of the chat-log benchmark: serves bench/browser/chatlog.html with the wasm build of
// bench_chatlog_wasm.cpp and DuckDB-WASM's async bundle (local files), picks each messages CSV in
// the page's file input (Playwright setInputFiles) in headless Debian Chromium, reads it alone (no
// parsing: the input's own speed), then runs KefuScore, then DuckDB-WASM on the same File in the
// same browser. Memory: the peak resident memory the
// browser's processes gained during each run (sampled from /proc every 50 ms) and, for KefuScore,
// the wasm heap size; CPU: the browser's processes' user + system time during the run. Prints one JSON line per engine and file; writes each engine's compared table
// to WORK_DIR/<engine>-<file name>.tsv. A failing peer (out of memory, a time-out) is printed with
// its error as its result.
// Usage: node bench/browser_chatlog.mjs WASM_BENCH_DIR NODE_MODULES_DIR WORK_DIR MESSAGES.csv...
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, startServer } from '../tests/browser/lib.mjs';
import { tableFromRows } from './chatlog_table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const { chromium } = createRequire(path.join(root, 'tests/browser/package.json'))('playwright-core');
const [wasmDir, modules, workDir, ...files] = process.argv.slice(2);
if (!wasmDir || !modules || !workDir || !files.length) {
  console.error('usage: browser_chatlog.mjs WASM_BENCH_DIR NODE_MODULES_DIR WORK_DIR MESSAGES.csv...');
  process.exit(2);
}
// A run that gives no result in this time is stopped and reported as failed.
const timeoutS = Number(process.env.KEFU_BENCH_PEER_TIMEOUT_S || 420);
// file-read: the File read alone (no parsing), the ceiling of any reader in the page.
const engines = (process.env.KEFU_BENCH_ENGINES || 'file-read,kefu-wasm,duckdb-wasm').split(','); // to run one alone

function stage() {
  const www = path.join(workDir, 'chatlog-www');
  mkdirSync(path.join(www, 'duckdb'), { recursive: true });
  copyFileSync(path.join(here, 'browser/chatlog.html'), path.join(www, 'index.html'));
  for (const f of ['bench_chatlog_wasm.js', 'bench_chatlog_wasm.wasm']) copyFileSync(path.join(wasmDir, f), path.join(www, f));
  copyFileSync(path.join(root, 'web/kefu-pieces.js'), path.join(www, 'kefu-pieces.js')); // the app's File reader
  const dist = path.join(modules, '@duckdb/duckdb-wasm/dist');
  for (const f of ['duckdb-browser.mjs', 'duckdb-browser-eh.worker.js', 'duckdb-eh.wasm'])
    copyFileSync(path.join(dist, f), path.join(www, 'duckdb', f));
  // duckdb-browser.mjs imports "apache-arrow" (its dependency): the page maps it to a module that
  // re-exports Arrow's browser bundle (loaded as a classic script, window.Arrow), name by name.
  const arrow = path.join(modules, 'apache-arrow/Arrow.es2015.min.js');
  copyFileSync(arrow, path.join(www, 'duckdb', 'arrow.js'));
  const names = Object.keys(createRequire(import.meta.url)(path.resolve(arrow)));
  writeFileSync(path.join(www, 'duckdb', 'arrow-module.mjs'), 'const A = globalThis.Arrow;\n' +
    names.map((n, i) => `const a${i} = A[${JSON.stringify(n)}]; export { a${i} as ${n} };`).join('\n') + '\n');
  return www;
}

// Resident bytes and CPU milliseconds (user + system) of a process and all its descendants.
function treeUsage(pid) {
  const info = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8'), f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      info.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * 10 });
    } catch { /* gone */ }
  }
  let rss = 0, cpu = 0;
  for (const [p, x] of info) {
    let q = p;
    while (q && q !== pid) q = info.get(q)?.ppid;
    if (q !== pid) continue;
    cpu += x.cpu;
    try { rss += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096; } catch { /* gone */ }
  }
  return { rss, cpu };
}

// The Chromium this process launched: its child whose command line names chrom(e|ium).
function browserPid() {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
      if (/chrom/i.test(readFileSync(`/proc/${d}/cmdline`, 'utf8'))) return Number(d);
    } catch { /* gone */ }
  }
  throw new Error('cannot find the launched Chromium process');
}

// Runs fn() while sampling the browser's memory; resolves to [result, peak bytes gained, CPU ms used].
async function sampled(pid, fn) {
  const base = treeUsage(pid);
  let peak = base.rss;
  const timer = setInterval(() => { peak = Math.max(peak, treeUsage(pid).rss); }, 50);
  let timeout;
  try {
    const limit = new Promise((resolve) => {
      timeout = setTimeout(() => resolve({ error: `no result after ${timeoutS} s (stopped)` }), timeoutS * 1000);
    });
    const r = await Promise.race([fn().catch((e) => ({ error: String(e.message || e).split('\n')[0] })), limit]);
    const cpu = treeUsage(pid).cpu - base.cpu; // negative when a process of the browser ended meanwhile
    return [r, Math.max(0, peak - base.rss), cpu >= 0 ? cpu : null];
  } finally {
    clearTimeout(timeout);
    clearInterval(timer);
  }
}

async function run() {
  const server = await startServer(root, stage());
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: process.env.KEFU_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const pid = browserPid();
    const version = browser.version();
    const sql = readFileSync(path.join(here, 'duckdb/chatlog.sql'), 'utf8');
    for (const file of files) {
      const name = path.basename(file, '.csv').replace(/^messages-/, '');
      for (const engine of engines) {
        const page = await browser.newPage(); // a fresh page per engine: neither inherits the other's heap
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(server.base + '/index.html');
        await page.setInputFiles('#pick', file);
        const [r, gained, cpu] = await sampled(pid, () => engine === 'kefu-wasm'
          ? page.evaluate((runs) => window.runKefu(runs), 5)
          : engine === 'file-read' ? page.evaluate(() => window.runRead())
            : page.evaluate((q) => window.runDuckdb(q), sql));
        const line = { bench: 'chatlog', engine, file: name, browser: 'Chromium ' + version, bytes: statSync(file).size, rss_gained_bytes: gained, cpu_ms: cpu };
        if (r.error || errors.length) line.error = r.error || errors.join('; ');
        else {
          if (engine !== 'file-read') {
            const table = engine === 'kefu-wasm' ? r.table : tableFromRows(r.rows);
            writeFileSync(path.join(workDir, `${engine}-${name}.tsv`), table);
          }
          for (const [k, v] of Object.entries(r)) if (!['table', 'rows'].includes(k)) line[k] = typeof v === 'number' ? Math.round(v * 10) / 10 : v;
          if (engine === 'duckdb-wasm') line.agents = r.rows.length;
        }
        if (engine === 'kefu-wasm' && !line.error) {
          // The same file once more in the same page: V8 has optimized the reader's code by now and
          // the wasm heap has grown, as for a second import in the app.
          const again = await page.evaluate(() => window.runKefu(0));
          if (!again.error) line.warm_total_ms = Math.round(again.total_ms * 10) / 10;
        }
        console.log(JSON.stringify(line));
        await page.close().catch(() => {});
      }
    }
  } finally {
    if (browser) await browser.close();
    server.stop();
  }
}

run().catch((e) => {
  console.error('browser_chatlog:', e.message || e);
  process.exit(1);
});
