// What the browser benchmarks share: the median of samples, and the folder a benchmark page is
// served from (its page as index.html, which the server's readiness probe asks for, and its files).
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b), n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

// Makes WORK_DIR/<name>: `page` copied as index.html, each of `files` ([from, as]) beside it.
export function stagePage(workDir, name, page, files) {
  const www = path.join(workDir, name);
  mkdirSync(www, { recursive: true });
  copyFileSync(page, path.join(www, 'index.html'));
  for (const [from, as] of files) copyFileSync(from, path.join(www, as));
  return www;
}
