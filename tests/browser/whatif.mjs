// Browser test of 分析 on the demo shop: 假设分析 opens from the menu, the sales weight slider is
// dragged with the mouse and the diff table shows an agent's rank change (nothing saved yet); 应用
// saves the changed scheme as the shop's own (ranks change), Ctrl+Z restores the preset and its
// ranks; 排名稳定性 runs and shows its heat table; 差距卡片 shows an agent's cards. Screenshots saved.
import path from 'node:path';
import { check, clickItem, item, items, openPage, state, waitFor, waitFrames } from './lib.mjs';

const SLIDER = 'whatif.p.rank.weights.sales_amount';
const ranks = (s) => s.results.map((r) => `${r.agent}:${r.rank}`).join(',');

// Drags a slider's grab from its saved value to `to` (0..1 of its width) with the mouse, as a person would.
async function dragSlider(page, id, from, to) {
  const it = await waitFor(page, `slider ${id}`, () => item(page, id));
  const y = it.y + it.h / 2, x = (f) => it.x + 4 + (it.w - 8) * f;
  await page.mouse.move(x(from), y);
  await waitFrames(page, 1);
  await page.mouse.down();
  await waitFrames(page, 1);
  await page.mouse.move(x(to), y, { steps: 12 });
  await waitFrames(page, 2);
  await page.mouse.up();
  await waitFrames(page, 2);
}

async function openAnalysis(page, id) {
  await clickItem(page, 'menu.analysis');
  await clickItem(page, id);
}

export function whatifTests(test, { VIEWPORT, SHOTS }) {
  test('what-if: a dragged slider moves ranks live, 应用 saves one undoable step; rank stability and gap cards', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `analysis-${name}.png`) });
      const before = await state(page);
      check(before.scheme === 'shop-default', `the demo's scheme is ${before.scheme}`);

      await openAnalysis(page, 'analysis.whatif');
      const slider = await waitFor(page, 'the sales weight slider', () => item(page, SLIDER));
      check(slider.value === '0.3', `the slider starts at ${slider.value}`);
      await shot('whatif-open');
      await dragSlider(page, SLIDER, 0.3, 0.95);
      const moved = await waitFor(page, 'the slider to move', async () => {
        const s = await item(page, SLIDER);
        return Number(s.value) > 0.8 ? s : null;
      });
      const row = await waitFor(page, 'a rank change in the diff table', () => item(page, 'whatif.r0.rank'));
      const [oldRank, newRank] = row.label.split(' → ');
      check(oldRank !== newRank && /^\d+$/.test(oldRank) && /^\d+$/.test(newRank), `first diff row: ${row.label}`);
      const agent = (await item(page, 'whatif.r0.agent')).label;
      const cost = await item(page, 'whatif.cost');
      check(cost && cost.label.includes('→'), `cost line: ${cost && cost.label}`);
      check(ranks(await state(page)) === ranks(before), 'ranks changed before 应用');
      check((await state(page)).scheme === 'shop-default', 'the scheme changed before 应用');
      await shot('whatif-moved');

      await clickItem(page, 'whatif.apply');
      const applied = await waitFor(page, 'the changed scheme saved', async () => {
        const s = await state(page);
        return s.scheme === 'shop-default-custom' ? s : null;
      });
      check(applied.schemes.includes('shop-default-custom'), `shop schemes: ${applied.schemes}`);
      const mine = applied.results.find((r) => r.agent === agent);
      check(mine && String(mine.rank) === newRank, `${agent} is ranked ${mine && mine.rank} after 应用, the table said ${newRank}`);
      await waitFor(page, 'the slider to show the saved value', async () => (await item(page, SLIDER)).value === moved.value);
      await shot('whatif-applied');

      await page.keyboard.press('Control+z');
      const undone = await waitFor(page, 'undo to restore the preset', async () => {
        const s = await state(page);
        return s.scheme === 'shop-default' ? s : null;
      });
      check(ranks(undone) === ranks(before), 'undo did not restore the ranks');
      await waitFor(page, 'the slider back at 0.3', async () => (await item(page, SLIDER)).value === '0.3');

      await openAnalysis(page, 'analysis.stability');
      await clickItem(page, 'stability.run');
      await waitFor(page, 'the heat table', () => item(page, 'stability.r0.agent'), 20000);
      const cells = (await items(page)).filter((i) => /^stability\.r0\.p/.test(i.id));
      const sum = cells.reduce((a, c) => a + Number(c.value), 0);
      check(cells.length > 0 && Math.abs(sum - 1) < 1e-6, `first row's probabilities sum to ${sum}`);
      await shot('stability');

      await openAnalysis(page, 'analysis.gaps');
      const card = await waitFor(page, 'a gap card', () => item(page, 'gaps.c0.main'));
      check(card.label.length > 4, `first card: ${card.label}`);
      await shot('gaps');
    } finally {
      await context.close();
    }
  });
}
