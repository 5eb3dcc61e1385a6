// DuckDB native (npm @duckdb/node-api) on the chat-log benchmark: runs bench/duckdb/chatlog.sql on a
// messages CSV (reading the file is part of the query), writes the compared table and prints one
// JSON line with the time and the process's peak RSS. A failure (out of memory, say) is printed as
// the result ({"error": ...}) and the exit code is 0, so the run reports it.
// Usage: node bench/chatlog_duckdb.mjs NODE_MODULES_DIR MESSAGES.csv TABLE [threads=2]
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromRows } from './chatlog_table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [modules, messages, tableOut, threads] = process.argv.slice(2);
if (!modules || !messages || !tableOut) {
  console.error('usage: chatlog_duckdb.mjs NODE_MODULES_DIR MESSAGES.csv TABLE [threads]');
  process.exit(2);
}
const { DuckDBInstance } = createRequire(path.join(path.resolve(modules), 'x.js'))('@duckdb/node-api');
const sql = readFileSync(path.join(here, 'duckdb/chatlog.sql'), 'utf8').replaceAll('{{MESSAGES}}', path.resolve(messages));
const bytes = statSync(messages).size;
const line = { bench: 'chatlog', engine: 'duckdb-native', bytes };
try {
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads || 2) });
  const conn = await instance.connect();
  const reader = await conn.runAndReadAll(sql);
  const rows = reader.getRowObjectsJS();
  line.total_ms = Math.round((performance.now() - t0) * 10) / 10;
  line.agents = rows.length;
  line.version = (await (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJS())[0].v;
  writeFileSync(tableOut, tableFromRows(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) =>
    [k, typeof v === 'bigint' ? Number(v) : v])))));
} catch (e) {
  line.error = String(e && e.message ? e.message : e).split('\n')[0];
}
const cpu = process.cpuUsage();
line.cpu_ms = Math.round((cpu.user + cpu.system) / 100) / 10;
line.peak_bytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(line));
