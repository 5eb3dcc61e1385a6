// Compares chat-log tables with the reference (KefuScore native's) and prints one JSON line each:
// {"bench":"chatlog-check", "file", "engine", "equal", "cells", "agents", "differences"}.
// Usage: node bench/chatlog_compare.mjs FILE_NAME REFERENCE.tsv ENGINE=TABLE.tsv...
import { existsSync, readFileSync } from 'node:fs';
import { compareTables, TOLERANCE } from './chatlog_table.mjs';

const [file, ref, ...others] = process.argv.slice(2);
const reference = readFileSync(ref, 'utf8');
for (const item of others) {
  const [engine, table] = item.split('=');
  const line = { bench: 'chatlog-check', file, engine, tolerance: TOLERANCE };
  if (!existsSync(table)) Object.assign(line, { equal: null, error: 'no table (the run failed)' });
  else Object.assign(line, compareTables(reference, readFileSync(table, 'utf8')));
  console.log(JSON.stringify(line));
}
