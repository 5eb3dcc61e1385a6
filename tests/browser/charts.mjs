// Browser test of 分析 > 图表 on the demo shop: the window opens from the menu, each chart kind
// (趋势, 排名, 雷达, 组间对比, 分布) draws its plot with marks, hovering a mark shows its values in a
// tooltip, another metric comes from the filtered list, and after the language switch every label of
// the window is English. A screenshot of each chart is saved; the printed report has the SVG charts.
import path from 'node:path';
import { check, clickItem, hasCjk, item, items, openPage, state, waitFor, waitFrames } from './lib.mjs';

const KINDS = ['trend', 'ranking', 'radar', 'groups', 'distribution'];
// Labels that are the shop's data (names, groups) rather than UI text.
const DATA = /^charts\.(mark\.|tooltip|series\.|group\.|agent\.|agent$|group$|series$)/;

const marks = async (page) => (await items(page)).filter((i) => i.type === 'mark');

// Moves the mouse onto a mark and waits for the tooltip with its values.
async function hoverMark(page, mark) {
  await page.mouse.move(mark.x + mark.w / 2, mark.y + mark.h / 2);
  await waitFrames(page, 3);
  return waitFor(page, `the tooltip of ${mark.id}`, () => item(page, 'charts.tooltip'));
}

async function showKind(page, kind, lang, SHOTS) {
  await clickItem(page, `charts.kind.${kind}`);
  const plot = await waitFor(page, `the ${kind} plot`, () => item(page, 'charts.plot'));
  const list = await waitFor(page, `marks of ${kind}`, async () => ((await marks(page)).length ? marks(page) : null));
  check(plot.w > 300 && plot.h > 200, `${kind}: plot ${plot.w}x${plot.h}`);
  const mark = list[Math.floor(list.length / 2)];
  const tip = await hoverMark(page, mark);
  check(tip.label === mark.label && tip.label.length > 0, `${kind}: tooltip '${tip.label}' for mark '${mark.label}'`);
  await page.screenshot({ path: path.join(SHOTS, `charts-${kind}-${lang}.png`) });
  return list;
}

export function chartsTests(test, { VIEWPORT, SHOTS }) {
  test('分析 > 图表: each chart kind draws, hovers and follows the language', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      await clickItem(page, 'menu.analysis');
      await clickItem(page, 'analysis.charts');
      await waitFor(page, 'the chart window', () => item(page, 'charts.window'));
      const before = (await state(page)).revision;
      for (const kind of KINDS) await showKind(page, kind, 'zh', SHOTS);
      // Another metric through the filtered list: the distribution of 平均响应时间.
      await clickItem(page, 'charts.metric');
      await page.keyboard.insertText('响应');
      await waitFrames(page, 3);
      const option = (await items(page)).find((i) => i.id.startsWith('charts.metric.') && i.type === 'option' && i.label === '平均响应时间');
      check(option, 'the filtered list has no 平均响应时间');
      await clickItem(page, option.id);
      await waitFor(page, 'the title of the response-time chart', async () => (await item(page, 'charts.chart_title')).label.startsWith('平均响应时间'));
      await page.screenshot({ path: path.join(SHOTS, 'charts-distribution-response-zh.png') });

      await clickItem(page, 'lang.switch');
      await waitFor(page, 'language en', async () => (await state(page)).language === 'en');
      for (const kind of KINDS) {
        await showKind(page, kind, 'en', SHOTS);
        // The radar's title names the agent (data).
        const named = kind === 'radar' ? /^charts\.(chart_title|plot)$/ : /^$/;
        const shown = (await items(page)).filter((i) => i.id.startsWith('charts.') && !DATA.test(i.id) && !named.test(i.id));
        const chinese = shown.filter((i) => hasCjk(i.label));
        check(chinese.length === 0, `${kind} in English still shows: ${chinese.map((i) => `${i.id}=${i.label}`).join(', ')}`);
      }
      check((await item(page, 'charts.window')).label === 'Charts', 'the window title is not English');
      check((await state(page)).revision === before + 1, 'the charts changed the shop (only the language should)');

      // The printed report has the same charts as SVG.
      await clickItem(page, 'menu.report');
      await clickItem(page, 'report.monthly');
      const html = await waitFor(page, 'the printed report', () => page.evaluate(() => window.kefu.lastPrint), 20000);
      for (const kind of ['trend:', 'groups:', 'histogram:', 'radar:', 'scores:'])
        check(html.includes(`data-chart="${kind}`), `the report has no ${kind} chart`);
      check(html.includes('<h2>Analysis charts</h2>'), 'the report has no analysis part');
    } finally {
      await context.close();
    }
    check(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  });
}
