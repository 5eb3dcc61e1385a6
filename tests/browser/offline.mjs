// Browser tests of the installable offline page: the service worker (sw.js) keeps everything the
// page needs, so after one visit it opens and works with the server stopped and the network off;
// a rebuilt dist shows the "new version" notice on the next visit and a click reloads onto it; the
// manifest makes Chromium's installability check pass; the single file kefu-score.html works when
// opened from disk (file://) and keeps its changes in that origin's IndexedDB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS, addAgentByIme, check, clickItem, item, items, openPage, pickFile, ready, startServer, state, waitFor, waitSaved,
} from './lib.mjs';

// A private copy of dist/ with its own server, so tests may stop the server or rebuild files.
async function copyOfDist(dist, ROOT) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-offline-'));
  fs.cpSync(dist, dir, { recursive: true });
  const server = await startServer(ROOT, dir);
  return { dir, server, remove: () => { server.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// Waits until a service worker controls the page (it has cached every file by then).
async function controlled(page) {
  await page.waitForFunction(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller), null, { timeout: 60000 });
}

// The numbers of the results table that the frame shows (score column).
async function shownScores(page) {
  return (await items(page)).filter((i) => /^results\.r\d+\.score$/.test(i.id) && /\d/.test(i.label)).map((i) => i.label);
}

// Width and height of a PNG from its IHDR chunk.
function pngSize(bytes) {
  check(bytes.subarray(1, 4).toString() === 'PNG', 'not a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

export function offlineTests(test, { VIEWPORT, SHOTS, ROOT, DIST }) {
  test('offline: after one visit the page opens and works with the server stopped and the network off', async ({ browser }) => {
    const errors = []; // offline, the browser's own failed fetches (sw.js update check) are expected
    const copy = await copyOfDist(DIST, ROOT);
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, copy.server.base + '/?demo=1', errors);
      await controlled(page);
      const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname));
      for (const f of ['/index.html', '/kefu.wasm', '/kefu.js', '/fonts/kefu-gb2312.ttf', '/fonts/kefu-gbk.ttf', '/manifest.webmanifest'])
        check(cached.includes(f), `the service worker did not cache ${f}: ${cached.join(' ')}`);
      copy.server.stop();
      await context.setOffline(true);
      // A file that is not cached goes to the network, which must fail now.
      check(!(await page.evaluate(() => fetch('/not-cached-' + Date.now()).then(() => true, () => false))), 'the network is still on');
      await page.reload();
      await ready(page);
      const s = await state(page);
      check(s.demo && s.roster.length >= 20, `offline: demo ${s.demo}, ${s.roster.length} agents`);
      const scores = await waitFor(page, 'scores on screen', async () => { const v = await shownScores(page); return v.length ? v : null; });
      check(scores.length >= 5, `offline: ${scores.length} scores shown`);
      const f = await waitFor(page, 'the GBK font offline', async () => ((await page.evaluate(() => window.kefu.fonts())).full ? true : null), 20000);
      check(f, 'the full font did not come from the cache');
      await addAgentByIme(page, '孙玥');
      await waitSaved(page);
      const versions = await page.evaluate(() => window.kefuStore.list());
      check(versions.length >= 1, 'nothing was saved to IndexedDB offline');
      await page.goto(copy.server.base + '/');
      await ready(page);
      check((await state(page)).roster.some((a) => a.name === '孙玥'), 'the change made offline is gone after an offline reload');
      await page.screenshot({ path: path.join(SHOTS, 'offline.png') });
    } finally {
      await context.close();
      copy.remove();
    }
  });

  test('offline: a rebuilt dist shows the new-version notice on the next visit; a click reloads onto it', async ({ browser }) => {
    const errors = []; // this test's own pages
    const copy = await copyOfDist(DIST, ROOT);
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const url = copy.server.base + '/?demo=1';
      let page = await openPage(context, url, errors);
      await controlled(page);
      check(await page.isHidden('#kefu-update'), 'the notice shows on the first visit');
      // A new version: a changed index.html, and sw.js written again by the build's own step.
      const marker = `rebuilt ${Date.now()}`;
      const index = path.join(copy.dir, 'index.html');
      fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</body>', `<!-- ${marker} -->\n</body>`));
      for (const stale of ['.br', '.gz']) fs.rmSync(index + stale, { force: true });
      const sw = spawnSync('/usr/bin/python3', [path.join(ROOT, 'scripts/make_sw.py'), copy.dir, path.join(ROOT, 'web/sw.js')], { encoding: 'utf8' });
      check(sw.status === 0, `make_sw.py failed: ${sw.stderr}`);
      await page.goto(url);
      await ready(page);
      check(!(await page.content()).includes(marker), 'the new version took over without being asked');
      await page.waitForSelector('#kefu-update', { state: 'visible', timeout: 60000 }).catch(async (e) => {
        const workers = await page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          const st = (w) => (w ? w.state : 'none');
          return reg ? `installing ${st(reg.installing)}, waiting ${st(reg.waiting)}, active ${st(reg.active)}` : 'no registration';
        });
        throw new Error(`no new-version notice (${workers}): ${e.message.split('\n')[0]}`);
      });
      const text = await page.textContent('#kefu-update');
      check(text.includes('新版本可用，重新加载') && /new version/i.test(text), `notice: ${text}`);
      await page.screenshot({ path: path.join(SHOTS, 'offline-new-version.png') });
      await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.click('#kefu-update')]);
      await ready(page);
      check((await page.content()).includes(marker), 'after the click the page is still the old version');
      check(await page.isHidden('#kefu-update'), 'the notice is still shown after the reload');
      check((await state(page)).demo, 'the app did not start after the update');
    } finally {
      await context.close();
      copy.remove();
    }
  });

  test('offline: the manifest is served and valid, and Chromium finds the page installable', async ({ base }) => {
    const manifest = await (await fetch(base + '/manifest.webmanifest')).json();
    check(manifest.name === '客服考核 KefuScore' && manifest.display === 'standalone' && manifest.start_url && manifest.theme_color,
      `manifest: ${JSON.stringify(manifest)}`);
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
      check(icon && icon.type === 'image/png', `no ${size}px PNG icon in the manifest`);
      const bytes = Buffer.from(await (await fetch(`${base}/${icon.src}`)).arrayBuffer());
      const [w, h] = pngSize(bytes);
      check(w === size && h === size, `${icon.src} is ${w}x${h}`);
    }
    // Installability needs a profile that is not off the record: a persistent context of its own.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-install-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.KEFU_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: VIEWPORT,
    });
    try {
      const errors = [];
      const page = await openPage(context, base + '/?demo=1', errors);
      await controlled(page);
      const cdp = await context.newCDPSession(page);
      const parsed = await cdp.send('Page.getAppManifest');
      check(parsed.errors.length === 0 && /manifest\.webmanifest$/.test(parsed.url), `manifest errors: ${JSON.stringify(parsed.errors)}`);
      const install = await waitFor(page, 'no installability errors', async () => {
        const r = await cdp.send('Page.getInstallabilityErrors');
        return r.installabilityErrors.length === 0 ? r : null;
      }, 20000).catch(async () => (await cdp.send('Page.getInstallabilityErrors')));
      check(install.installabilityErrors.length === 0, `installability errors: ${JSON.stringify(install.installabilityErrors)}`);
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  test('offline: the single file kefu-score.html opened from disk shows the app and keeps a change after a reload', async ({ browser }) => {
    const file = path.join(DIST, 'kefu-score.html');
    check(fs.existsSync(file), `${file} is missing`);
    const context = await browser.newContext({ viewport: VIEWPORT });
    const requests = [];
    context.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
    try {
      const errors = [];
      const page = await openPage(context, pathToFileURL(file).href + '?demo=1', errors);
      check(await page.evaluate(() => location.protocol) === 'file:', 'not opened from a file');
      const s = await state(page);
      check(s.demo && s.roster.length >= 20, `single file: demo ${s.demo}, ${s.roster.length} agents`);
      const scores = await waitFor(page, 'scores on screen', async () => { const v = await shownScores(page); return v.length ? v : null; });
      check(scores.length >= 5, `single file: ${scores.length} scores shown`);
      const f = await waitFor(page, 'the embedded GBK font', async () => {
        const info = await page.evaluate(() => window.kefu.fonts());
        return info.full ? info : null;
      }, 20000);
      const names = [...new Set(s.roster.map((a) => a.name).join(''))];
      check(names.every((ch) => !f.missing.includes(ch)), `name characters without a glyph: ${f.missing}`);
      // A chat log from disk is read in pieces by the File reader's Worker (made from a Blob URL,
      // which a file:// page may start) and previewed.
      const chats = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-single-')), 'messages-2024-03.csv');
      fs.writeFileSync(chats, ['session_id,time,role,agent,buyer,text', 's1,2024-03-04 09:00:00,buyer,王喆,b1,在吗',
        's1,2024-03-04 09:00:30,agent,王喆,b1,"您好，在的"', 's2,2024-03-05 10:00:00,buyer,王喆,b2,在吗',
        's2,2024-03-05 10:01:00,agent,王喆,b2,您好'].join('\n') + '\n');
      await pickFile(page, chats);
      const receptions = await waitFor(page, 'the chat-log preview', () => item(page, 'dataimport.v0.receptions'));
      check(receptions.label === '2', `receptions read from disk: ${receptions.label}`);
      await clickItem(page, 'dataimport.cancel');
      await waitFor(page, 'the dialog closed', async () => !(await item(page, 'dataimport.window')));
      await addAgentByIme(page, '郑堃');
      await waitSaved(page);
      await page.goto(pathToFileURL(file).href);
      await ready(page);
      const after = await state(page);
      check(after.roster.some((a) => a.name === '郑堃'), 'the change is gone after reopening the file');
      check(!(await item(page, 'welcome.open_demo')), 'the demo was offered although a shop is saved');
      await page.screenshot({ path: path.join(SHOTS, 'single-file.png') });
      check(requests.length === 0, `the single file loaded from the network: ${requests.join(' ')}`);
      check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });
}
