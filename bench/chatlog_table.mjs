// The compared agent x metric table of the chat-log benchmarks (bench/bench_chatlog_table.h writes it
// in C++): rows of SQL results to the same "agent<TAB>metric<TAB>value" text, and the comparison of
// two tables. Tolerance: counts must be equal; other values may differ by 1e-9 relative (1e-9
// absolute below 1), which covers summation order and %.10g rounding.
export const METRICS = ['receptions', 'replied_customers', 'reply_rate', 'inquiries', 'slow_response_count',
  'slow_response_share', 'first_response_s', 'avg_response_s', 'response_3min_rate', 'buyer_messages',
  'agent_messages', 'qa_ratio', 'working_days', 'online_hours_per_day', 'forbidden_phrases'];
export const TOLERANCE = 1e-9;

// %.10g as C prints it, for values in the ranges these metrics take.
function g10(v) { return String(Number(Number(v).toPrecision(10))); }

// rows: objects with `agent` and every metric (null = no value).
export function tableFromRows(rows) {
  const sorted = [...rows].sort((a, b) => Buffer.compare(Buffer.from(a.agent), Buffer.from(b.agent)));
  let out = '';
  for (const r of sorted)
    for (const id of METRICS) out += `${r.agent}\t${id}\t${r[id] === null || r[id] === undefined ? '' : g10(r[id])}\n`;
  return out;
}

function parse(text) {
  const m = new Map();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [agent, id, v] = line.split('\t');
    m.set(agent + '\t' + id, v === '' ? null : Number(v));
  }
  return m;
}

// Returns { equal, cells, agents, differences: [first few] }.
export function compareTables(a, b) {
  const x = parse(a), y = parse(b), differences = [];
  const keys = new Set([...x.keys(), ...y.keys()]);
  for (const k of keys) {
    const u = x.has(k) ? x.get(k) : undefined, v = y.has(k) ? y.get(k) : undefined;
    const same = u === v || (typeof u === 'number' && typeof v === 'number' &&
      Math.abs(u - v) <= TOLERANCE * Math.max(1, Math.abs(u), Math.abs(v)));
    if (!same && differences.length < 5) differences.push(`${k.replace('\t', ' ')}: ${u} vs ${v}`);
  }
  const agents = new Set([...keys].map((k) => k.split('\t')[0]));
  return { equal: differences.length === 0 && keys.size > 0, cells: keys.size, agents: agents.size, differences };
}
