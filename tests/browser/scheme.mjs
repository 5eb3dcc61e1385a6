// Browser test of the 考核方案 editor: pick presales-rank, break the weights and see the message at
// the weights with saving held back, fix them, rename the copy and save it (the shop's active scheme
// and its results change); export the scheme file, open an edited copy through the file dialog and
// a broken one by drag-and-drop: both are previewed with their problems and nothing is saved.
import fs from 'node:fs';
import path from 'node:path';
import { check, clickItem, item, openPage, state, waitFor, waitFrames } from './lib.mjs';

const WEIGHTS_PROBLEM = 'scheme.problem.rules[0].params.weights';
const value = async (page, id) => ((await item(page, id)) || {}).value;
const focused = (page) => waitFor(page, 'the page\'s text field to take the keyboard',
  () => page.evaluate(() => document.activeElement && document.activeElement.id === 'kefu-ime'));

// Clicks a number field (its text is selected) and types a new value.
async function typeNumber(page, id, text) {
  await clickItem(page, id);
  await focused(page);
  await page.keyboard.type(text);
  await waitFor(page, `${id} to read ${text}`, async () => (await value(page, id)) === text);
}

const scores = (s) => s.results.map((r) => `${r.agent}:${r.score}`).join(',');

export function schemeTests(test, { VIEWPORT, SHOTS }) {
  const files = path.join(SHOTS, 'files');
  fs.mkdirSync(files, { recursive: true });

  test('scheme editor: pick presales-rank, a weight problem at its field, fix, rename, save; export, import, drop', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `scheme-${name}.png`) });
      await clickItem(page, 'tab.scheme');
      await waitFor(page, 'the scheme editor', () => item(page, 'scheme.pick'));
      await clickItem(page, 'scheme.pick');
      await clickItem(page, 'scheme.pick.presales-rank');
      const picked = await waitFor(page, 'presales-rank active', async () => {
        const s = await state(page);
        return s.scheme === 'presales-rank' ? s : null;
      });
      await waitFor(page, 'the editor on presales-rank', async () => (await value(page, 'scheme.id')) === 'presales-rank');
      check((await item(page, 'scheme.r0.scope')).label === '全部组别；转正', 'the rule\'s scope is not said in words');
      await shot('presales-rank');

      // The weights no longer sum to 1: the message under the weights, saving held back.
      await typeNumber(page, 'scheme.param.weights.sales_amount', '0.4');
      const problem = await waitFor(page, 'the weights problem', () => item(page, WEIGHTS_PROBLEM));
      check(problem.label.includes('1.1'), `problem reads '${problem.label}'`);
      const section = await item(page, 'scheme.param.weights'), entry = await item(page, 'scheme.param.weights.sales_amount');
      check(problem.y > section.y && problem.y < entry.y, `the problem is not at the weights (y ${problem.y}, weights ${section.y}, entry ${entry.y})`);
      check((await item(page, 'scheme.problem_count')).label === '1 个问题', 'no problem count at the top');
      check((await item(page, 'scheme.save_blocked')).label.includes('1 个问题'), 'saving is not said to wait for the problem');
      await shot('weight-problem');
      await clickItem(page, 'scheme.save');
      await waitFrames(page, 3);
      check((await state(page)).scheme === 'presales-rank', 'a scheme with a problem was saved');

      // Fixed, renamed, saved: the shop's active scheme, and the results follow the new weights.
      await typeNumber(page, 'scheme.param.weights.attitude_score', '0.2');
      await waitFor(page, 'the problem to go', async () => !(await item(page, WEIGHTS_PROBLEM)));
      await clickItem(page, 'scheme.id');
      await focused(page);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('presales-rank-b');
      await waitFor(page, 'the new id', async () => (await value(page, 'scheme.id')) === 'presales-rank-b');
      await waitFor(page, 'saving allowed', async () => !(await item(page, 'scheme.save_blocked')));
      await clickItem(page, 'scheme.save');
      const saved = await waitFor(page, 'the new scheme active', async () => {
        const s = await state(page);
        return s.scheme === 'presales-rank-b' ? s : null;
      });
      check(scores(saved) !== scores(picked), 'the results did not change with the weights');
      check(saved.audit[saved.audit.length - 1].action === 'save_scheme', 'the save is not in the change log');
      await waitFor(page, 'a clean editor', async () => (await item(page, 'scheme.state')).label === '与店铺当前方案相同');
      await shot('saved');

      // 导出方案文件: <id>.json, pretty JSON with the new weights.
      const download = page.waitForEvent('download', { timeout: 15000 });
      download.catch(() => {});
      await clickItem(page, 'scheme.export');
      const file = await download;
      check(file.suggestedFilename() === 'presales-rank-b.json', `export named ${file.suggestedFilename()}`);
      const text = fs.readFileSync(await file.path(), 'utf8');
      const exported = JSON.parse(text);
      check(text.includes('\n  "rules"'), 'the export is not pretty-printed');
      check(exported.id === 'presales-rank-b' && exported.rules[0].params.weights.sales_amount === 0.4 &&
        exported.rules[0].params.weights.attitude_score === 0.2, `exported: ${text.slice(0, 300)}`);

      // 导入方案文件: an edited copy through the file dialog is previewed with its problem; the shop stays.
      exported.id = 'presales-rank-c';
      exported.rules[0].params.weights.conversion_rate = 0.3;
      const copy = path.join(files, 'presales-rank-c.json');
      fs.writeFileSync(copy, JSON.stringify(exported, null, 2));
      const chooser = page.waitForEvent('filechooser', { timeout: 15000 });
      chooser.catch(() => {});
      await clickItem(page, 'scheme.import');
      await (await chooser).setFiles(copy);
      await waitFor(page, 'the file in the editor', async () => (await value(page, 'scheme.id')) === 'presales-rank-c');
      check((await item(page, 'scheme.state')).label.includes('presales-rank-c.json'), 'the editor does not name the file');
      const imported = await waitFor(page, 'the file\'s problem at the weights', () => item(page, WEIGHTS_PROBLEM));
      check(imported.label.includes('1.1'), `problem reads '${imported.label}'`);
      let s = await state(page);
      check(s.scheme === 'presales-rank-b' && s.data_revision === saved.data_revision, 'opening the file changed the shop');
      await shot('imported');

      // A broken file dropped on the page: the syntax error with its line, and that line.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['{\n  "id": "x",\n  "rules": [,]\n}'], 'broken.json'));
        document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      const syntax = await waitFor(page, 'the syntax error', () => item(page, 'scheme.problem.'));
      check(/第 3 行第 \d+ 列/.test(syntax.label), `syntax error reads '${syntax.label}'`);
      check((await item(page, 'scheme.error_line')).label.includes('"rules": [,]'), 'the line of the error is not shown');
      check((await item(page, 'scheme.state')).label.includes('broken.json'), 'the editor does not name the dropped file');
      s = await state(page);
      check(s.incoming === null && s.data_revision === saved.data_revision, 'the dropped scheme file was taken for a snapshot');
      await shot('syntax-error');
      await clickItem(page, 'scheme.discard');
      await waitFor(page, 'the active scheme back in the editor', async () => (await value(page, 'scheme.id')) === 'presales-rank-b');

      // Screenshots to look at: shop-default's stage thresholds as tables; English in a narrow window.
      await clickItem(page, 'scheme.pick');
      await clickItem(page, 'scheme.pick.shop-default');
      await waitFor(page, 'shop-default in the editor', async () => (await value(page, 'scheme.id')) === 'shop-default');
      const stages = await waitFor(page, 'the stages rule', async () => {
        const list = await page.evaluate(() => window.kefu.items());
        return list.find((i) => /^scheme\.r\d+\.id$/.test(i.id) && i.label.includes('新人阶段'));
      });
      await clickItem(page, stages.id);
      await waitFor(page, 'a threshold table', () => item(page, 'scheme.param.stages.0.thresholds.0.value'));
      await shot('stages');
      await page.setViewportSize({ width: 860, height: 640 });
      await clickItem(page, 'lang.switch');
      await waitFor(page, 'English', async () => (await state(page)).language === 'en');
      await waitFor(page, 'English labels', async () => ((await item(page, 'scheme.save')) || {}).label === 'Save scheme');
      await shot('narrow-en');
    } finally {
      await context.close();
    }
  });
}
