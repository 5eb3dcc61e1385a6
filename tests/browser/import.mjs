// Browser tests of 导入数据: a GBK CSV with 千牛-style headers picked through the file dialog (an
// unknown account bound to an agent with its platform, a column mapped by hand), and an XLSX that
// LibreOffice wrote from such a report; the values the page takes equal `kefu import` on the same
// file, the import is one undo step, and after a reload the values, the binding and each value's
// source are still there. A chat log is previewed with the shop's service hours; chat messages and
// orders with other headers go through the mapping screen and are known again after a reload.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, clickItem, item, items, openPage, pickFile, pickOption, ready, state, typeInto, waitFor, waitFrames, waitSaved } from './lib.mjs';

const REPORT_HEADER = '旺旺昵称,接待人数,平均响应时长(秒),3分钟人工响应率,旺旺回复率,点赞数(自定义)';
const REPORT_ROWS = [
  '小美家居旗舰店:小喆,1400,11.5,98.20%,99.10%,40',
  '小美家居旗舰店:思雨,1450,17,96.00%,97.00%,30',
  '小美家居旗舰店:新人甲,30,40,80.00%,90.00%,2',
  '汇总值,2880,14.3,97.00%,98.00%,72',
];

// The canonical CSV of `kefu import` as {agent: {metric: value}}.
function kefuImport(kefu, file, roster) {
  const out = execFileSync(kefu, ['import', file, '--roster', roster], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = out.trim().split('\n');
  const header = lines[0].split(',');
  const rows = {};
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    rows[cells[0]] = {};
    header.forEach((h, i) => {
      if (i > 0 && cells[i] !== '' && !['group', 'status', 'id', 'level', 'hire_date', 'regular_since'].includes(h)) rows[cells[0]][h] = Number(cells[i]);
    });
  }
  return rows;
}

const near = (a, b) => Math.abs(a - b) < 1e-9;

export function importTests(test, { VIEWPORT, SHOTS, ROOT, KEFU }) {
  const files = path.join(SHOTS, 'files');
  fs.mkdirSync(files, { recursive: true });

  test('import: a GBK 千牛 report through the file dialog, an account bound, a column mapped; a LibreOffice XLSX; equal to kefu import; kept after reload', async ({ browser, base, errors }) => {
    check(KEFU && fs.existsSync(KEFU), `the kefu command line is needed for the comparison (--kefu): ${KEFU}`);
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `import-${name}.png`) });
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2024-03' }));
      await waitFor(page, 'March selected', async () => (await state(page)).period === '2024-03');

      // A GBK file, as 千牛 exports it.
      const utf8 = path.join(files, 'qianniu-utf8.csv'), gbk = path.join(files, '千牛客服绩效-2024-03.csv');
      fs.writeFileSync(utf8, [REPORT_HEADER, ...REPORT_ROWS].join('\r\n') + '\r\n');
      execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', '-o', gbk, utf8]);
      await pickFile(page, gbk);
      check((await item(page, 'dataimport.encoding')).label === '文件编码：GBK', 'the encoding is not said');
      check((await item(page, 'dataimport.col1')).label.includes('(receptions)'), 'receptions not recognised');
      check((await item(page, 'dataimport.col3')).label.includes('(response_3min_rate)'), '3分钟人工响应率 not recognised');
      check((await item(page, 'dataimport.col5')).label === '不导入', 'the unknown column is not left out');
      const unknown = await item(page, 'dataimport.bind0.name');
      check(unknown && unknown.label.startsWith('小美家居旗舰店:新人甲'), `unknown names: ${unknown && unknown.label}`);
      check((await item(page, 'dataimport.summary')).label === '将导入 2 位客服的 8 个数值到 2024-03（可撤销）',
        `summary: ${(await item(page, 'dataimport.summary')).label}`);
      await shot('gbk-preview');

      // The mapping screen: 点赞数(自定义) is 点名好评数; the unknown account is 陈玥's, on Tmall.
      await clickItem(page, 'dataimport.col5');
      await waitFor(page, 'the filter of the metric list', () => item(page, 'dataimport.col5.filter'));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.insertText', { text: '好评' });
      const praise = await waitFor(page, 'the filtered list', async () => {
        const options = (await items(page)).filter((i) => i.id.startsWith('dataimport.col5.') && i.type === 'option');
        return options.length === 1 ? options[0] : null;
      });
      check(praise.label.endsWith('(named_praises)'), `filtered option: ${praise.label}`);
      await clickItem(page, praise.id);
      await waitFor(page, 'the column mapped', async () => (await item(page, 'dataimport.col5')).label.includes('(named_praises)'));
      await pickOption(page, 'dataimport.platform', (l) => l === '天猫');
      await pickOption(page, 'dataimport.bind0', (l) => l === '陈玥');
      await waitFor(page, 'the binding in the preview', async () =>
        ((await item(page, 'dataimport.summary')) || {}).label === '将导入 3 位客服的 15 个数值到 2024-03（可撤销）');
      await shot('gbk-bound');
      const before = await state(page);
      await clickItem(page, 'dataimport.apply');
      const after = await waitFor(page, 'the import applied', async () => {
        const s = await state(page);
        return s.undo === 'import' ? s : null;
      });
      check(!(await item(page, 'dataimport.window')), 'the dialog stayed open');
      check(after.values['陈玥'].receptions === 30 && after.values['陈玥'].named_praises === 2, `陈玥: ${JSON.stringify(after.values['陈玥'])}`);
      check(near(after.values['王喆'].response_3min_rate, 0.982) && after.values['王喆'].receptions === 1400, `王喆: ${JSON.stringify(after.values['王喆'])}`);
      check(after.values['赵宇航'].receptions === before.values['赵宇航'].receptions, 'an agent not in the file changed');
      const chen = after.roster.find((a) => a.name === '陈玥');
      check(chen.nicknames.some((n) => n.platform === 'tmall' && n.account === '小美家居旗舰店:新人甲'), `陈玥's accounts: ${JSON.stringify(chen.nicknames)}`);
      check(after.sources['王喆\u001freceptions'] === '千牛客服绩效-2024-03.csv 2', `source: ${after.sources['王喆\u001freceptions']}`);
      check(after.audit[after.audit.length - 1].action === 'import', 'the import is not in the change log');

      // What `kefu import` makes of the same file (with the binding in a roster) is what the page took.
      const roster = path.join(files, 'roster-bound.csv');
      fs.writeFileSync(roster, fs.readFileSync(path.join(ROOT, 'assets/demo/roster.csv'), 'utf8')
        .replace('小美家居旗舰店:玥玥', '小美家居旗舰店:玥玥|小美家居旗舰店:新人甲'));
      const mappedUtf8 = path.join(files, 'qianniu-mapped.csv');
      fs.writeFileSync(mappedUtf8, [REPORT_HEADER.replace('点赞数(自定义)', 'named_praises'), ...REPORT_ROWS].join('\n') + '\n');
      const cli = kefuImport(KEFU, mappedUtf8, roster);
      for (const [agent, metrics] of Object.entries(cli))
        for (const [metric, v] of Object.entries(metrics))
          check(near(after.values[agent][metric], v), `${agent} ${metric}: ${after.values[agent][metric]} in the page, ${v} from kefu import`);

      // One undo step takes it all back.
      await page.keyboard.press('Control+z');
      const undone = await waitFor(page, 'the import undone', async () => {
        const s = await state(page);
        return s.values['陈玥'].receptions === before.values['陈玥'].receptions ? s : null;
      });
      check(!undone.roster.find((a) => a.name === '陈玥').nicknames.some((n) => n.account.includes('新人甲')), 'the binding stayed after undo');
      await page.keyboard.press('Control+y');
      await waitFor(page, 'the import again', async () => (await state(page)).values['陈玥'].receptions === 30);

      // An XLSX that LibreOffice wrote from a report, into February.
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-lo-'));
      const feb = path.join(files, 'qianniu-2024-02.csv');
      fs.writeFileSync(feb, [REPORT_HEADER.replace(',点赞数(自定义)', ''), '小美家居旗舰店:小喆,1300,12.5,97.50%,98.80%',
        '小美家居旗舰店:思雨,1350,16,95.00%,96.50%', '汇总值,2650,14,96.00%,97.00%'].join('\n') + '\n');
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:44,34,76,1',
        '--convert-to', 'xlsx', '--outdir', files, feb], { stdio: 'ignore', timeout: 120000 });
      const xlsx = feb.replace(/\.csv$/, '.xlsx');
      check(fs.existsSync(xlsx), 'LibreOffice wrote no xlsx');
      await pickFile(page, xlsx);
      await pickOption(page, 'dataimport.month', (l) => l.includes('2024-02'));
      await waitFor(page, 'February chosen', async () => ((await item(page, 'dataimport.summary')) || {}).label === '将导入 2 位客服的 8 个数值到 2024-02（可撤销）');
      await shot('xlsx-preview');
      await clickItem(page, 'dataimport.apply');
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2024-02' }));
      const febState = await waitFor(page, 'February imported', async () => {
        const s = await state(page);
        return s.period === '2024-02' && s.values['王喆'].receptions === 1300 ? s : null;
      });
      const cliXlsx = kefuImport(KEFU, xlsx, path.join(ROOT, 'assets/demo/roster.csv'));
      for (const [agent, metrics] of Object.entries(cliXlsx))
        for (const [metric, v] of Object.entries(metrics))
          check(near(febState.values[agent][metric], v), `xlsx ${agent} ${metric}: ${febState.values[agent][metric]} in the page, ${v} from kefu import`);
      check(/qianniu-2024-02\.xlsx \[.+\] 2/.test(febState.sources['王喆\u001freceptions']), `xlsx source: ${febState.sources['王喆\u001freceptions']}`);

      // After a reload: the values, the binding and the sources.
      await waitSaved(page);
      await page.goto(base + '/'); // not ?demo=1, which opens the demo shop afresh
      await ready(page);
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2024-03' }));
      const back = await waitFor(page, 'March after the reload', async () => {
        const s = await state(page);
        return s.period === '2024-03' ? s : null;
      });
      check(back.values['陈玥'].receptions === 30 && back.values['王喆'].receptions === 1400, 'the imported values are gone after the reload');
      check(back.roster.find((a) => a.name === '陈玥').nicknames.some((n) => n.platform === 'tmall' && n.account === '小美家居旗舰店:新人甲'), 'the binding is gone after the reload');
      check(back.sources['陈玥\u001freceptions'] === '千牛客服绩效-2024-03.csv 4', `source after reload: ${back.sources['陈玥\u001freceptions']}`);
      await clickItem(page, 'tab.data');
      await waitFrames(page, 3);
      await shot('data-after');
    } finally {
      await context.close();
    }
  });

  test('import: chat messages and orders with other headers go through the mapping screen, equal kefu metrics --columns, and are known again after a reload', async ({ browser, base, errors }) => {
    check(KEFU && fs.existsSync(KEFU), `the kefu command line is needed for the comparison (--kefu): ${KEFU}`);
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `import-mapping-${name}.png`) });
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2024-03' }));
      await waitFor(page, 'March selected', async () => (await state(page)).period === '2024-03');
      // A chat export whose headers the readers do not know, in another column order.
      const M = { session_id: '对话编号', time: '发送时刻', role: '发送者类型', agent: '接待客服', buyer: '顾客ID', text: '聊天内容' };
      const O = { order_id: '单号', buyer: '顾客ID', created: '下单时刻', paid: '付款时刻', amount: '成交金额' };
      const chats = path.join(files, 'chats-other-2024-03.csv'), deals = path.join(files, 'deals-other-2024-03.csv');
      fs.writeFileSync(chats, ['接待客服,发送时刻,对话编号,顾客ID,发送者类型,聊天内容',
        '王喆,2024-03-04 09:00:00,s1,b1,buyer,在吗', '王喆,2024-03-04 09:00:30,s1,b1,agent,"您好，在的"',
        '王喆,2024-03-04 09:02:00,s1,b1,buyer,能便宜点吗', '王喆,2024-03-04 09:06:00,s1,b1,agent,亲，这是活动价',
        '刘思雨,2024-03-05 14:00:00,s2,b2,buyer,发货了吗', '刘思雨,2024-03-05 14:01:00,s2,b2,agent,已发货'].join('\n') + '\n');
      fs.writeFileSync(deals, ['顾客ID,单号,下单时刻,付款时刻,成交金额',
        'b1,o1,2024-03-04 10:00:00,2024-03-04 10:01:00,299', 'b2,o2,2024-03-05 15:00:00,,80'].join('\n') + '\n');

      await pickFile(page, chats);
      await pickOption(page, 'dataimport.kind', (l) => l.startsWith('聊天记录'));
      await waitFor(page, 'the messages mapping', () => item(page, 'dataimport.mcol0'));
      check(!(await item(page, 'dataimport.apply')), '导入 is offered for a file that is being mapped');
      const keys = Object.keys(M);
      for (let k = 0; k < keys.length; k++) await pickOption(page, `dataimport.mcol${k}`, (l) => l === M[keys[k]]);
      await shot('messages');
      await clickItem(page, 'dataimport.read_chat');
      await waitFor(page, 'the chat-log preview', async () => ((await item(page, 'dataimport.window')) || {}).label === '导入聊天记录：chats-other-2024-03.csv');

      // The orders file's columns are not found: the mapping for it, then it is picked again.
      const pickOrders = async (button) => {
        const chooser = page.waitForEvent('filechooser', { timeout: 15000 });
        chooser.catch(() => {});
        await clickItem(page, button);
        await (await chooser).setFiles(deals);
      };
      await pickOrders('dataimport.pick_orders');
      const error = await waitFor(page, 'the orders error', () => item(page, 'dataimport.orders_error'));
      check(error.label.includes("no 'buyer' column"), `orders error: ${error.label}`);
      const okeys = ['order_id', 'buyer', 'agent', 'created', 'paid', 'amount'];
      for (let k = 0; k < okeys.length; k++) if (O[okeys[k]]) await pickOption(page, `dataimport.ocol${k}`, (l) => l === O[okeys[k]]);
      await shot('orders');
      await pickOrders('dataimport.repick_orders');
      await waitFor(page, 'the orders read', async () => ((await item(page, 'dataimport.orders_file')) || {}).label === '订单文件：deals-other-2024-03.csv');
      check(!(await item(page, 'dataimport.orders_error')), 'the orders error stayed');
      await shot('preview');
      await clickItem(page, 'dataimport.apply');
      const after = await waitFor(page, 'the import applied', async () => {
        const s = await state(page);
        return s.undo === 'import' ? s : null;
      });

      // `kefu metrics` with --columns on the same files computes what the page took.
      const cols = (m) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');
      const out = execFileSync(KEFU, ['metrics', '--messages', chats, '--columns', cols(M), '--orders', deals, '--order-columns', cols(O),
        '--period', '2024-03', '--settings', 'default'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const [header, ...rows] = out.trim().split('\n').map((l) => l.split(','));
      let compared = 0;
      for (const row of rows)
        header.forEach((h, i) => {
          if (i === 0 || row[i] === '' || !(h in after.values[row[0]])) return;
          check(near(after.values[row[0]][h], Number(row[i])), `${row[0]} ${h}: ${after.values[row[0]][h]} in the page, ${row[i]} from kefu metrics`);
          compared++;
        });
      check(compared >= 20, `only ${compared} values compared`);
      check(after.values['王喆'].sales_amount === 299, `王喆's sales: ${after.values['王喆'].sales_amount}`);

      // After a reload the same header rows are known: the messages open as a chat log, the orders are read.
      await waitSaved(page);
      await page.goto(base + '/');
      await ready(page);
      await page.evaluate(() => window.kefu.act({ type: 'select_period', period: '2024-03' }));
      await waitFor(page, 'March after the reload', async () => (await state(page)).period === '2024-03');
      await pickFile(page, chats);
      check((await item(page, 'dataimport.window')).label === '导入聊天记录：chats-other-2024-03.csv', 'the remembered messages layout is not used');
      await pickOrders('dataimport.pick_orders');
      await waitFor(page, 'the orders read with the remembered columns', async () =>
        ((await item(page, 'dataimport.orders_file')) || {}).label === '订单文件：deals-other-2024-03.csv');
      check(!(await item(page, 'dataimport.orders_error')), 'the remembered orders layout is not used');
      await shot('remembered');
      await clickItem(page, 'dataimport.cancel');
    } finally {
      await context.close();
    }
  });

  test('import: chat logs are previewed with the shop\'s service hours; a big file is read in pieces with progress and can be cancelled', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const messages = path.join(files, 'messages-2024-03.csv');
      fs.writeFileSync(messages, ['session_id,time,role,agent,buyer,text',
        's1,2024-03-04 09:00:00,buyer,王喆,b1,在吗', 's1,2024-03-04 09:00:30,agent,王喆,b1,"您好，在的"',
        's2,2024-03-04 23:00:00,buyer,王喆,b2,在吗', 's2,2024-03-04 23:05:00,agent,王喆,b2,您好'].join('\n') + '\n');
      // The preview with the shop's service hours: the 23:00 block is left out of the response times.
      const withHours = async (hours, expected) => {
        await clickItem(page, 'menu.file');
        await clickItem(page, 'file.settings');
        await typeInto(page, 'settings.hours', hours);
        await clickItem(page, 'settings.save');
        await waitFor(page, `service hours ${hours}`, async () =>
          JSON.stringify((await state(page)).settings.chat.service_hours) === JSON.stringify([hours]));
        await pickFile(page, messages);
        const title = await item(page, 'dataimport.window');
        check(title.label.startsWith('导入聊天记录'), `title: ${title.label}`);
        const used = (await item(page, 'dataimport.chat_used')).label;
        check(used.includes(`服务时间 ${hours}`), `settings used: ${used}`);
        const avg = await waitFor(page, 'the preview', () => item(page, 'dataimport.v0.avg_response_s'));
        check(avg.label === String(expected), `average response ${avg.label} with ${hours}, expected ${expected}`);
        await page.screenshot({ path: path.join(SHOTS, `import-chatlog-${hours.replace(/:/g, '')}.png`) });
        await clickItem(page, 'dataimport.cancel');
        await waitFor(page, 'the dialog closed', async () => !(await item(page, 'dataimport.window')));
      };
      await withHours('08:00-22:00', 30);
      await withHours('08:00-24:00', 165);

      // A big messages file (about 100 MB) dropped on the page is read in pieces: the progress and
      // the time left show, frames keep coming, 取消读取 stops it; dropped again, it is read to the end.
      const drop = () => page.evaluate(() => {
        const lines = ['session_id,time,role,agent,buyer,text\n'];
        const day = (i) => String(1 + (i % 28)).padStart(2, '0');
        for (let i = 0; i < 1200000; i++)
          lines.push(`s${i},2024-03-${day(i)} 10:00:00,buyer,王喆,b${i % 5000},"在吗，这个有货吗"\ns${i},2024-03-${day(i)} 10:00:20,agent,王喆,b${i % 5000},您好，亲，有的\n`);
        const file = new File(lines, 'big-messages.csv');
        const dt = new DataTransfer();
        dt.items.add(file);
        document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        return file.size;
      });
      const size = await drop();
      check(size > 90e6, `the big file is ${size} bytes`);
      const reading = await waitFor(page, 'the progress', () => item(page, 'dataimport.reading'), 20000);
      check(/正在读取 big-messages\.csv：[\d.]+ \/ \d+(\.\d)? MB/.test(reading.label), `progress: ${reading.label}`);
      const frames = await page.evaluate(() => window.kefu.frames());
      await waitFrames(page, 5);
      check(await page.evaluate(() => window.kefu.frames()) >= frames + 5, 'no frames while reading');
      await page.screenshot({ path: path.join(SHOTS, 'import-reading.png') });
      await clickItem(page, 'dataimport.cancel_read');
      await waitFor(page, 'the reading to stop', async () => !(await item(page, 'dataimport.reading')) && !(await item(page, 'dataimport.window')), 20000);
      await drop();
      const left = await waitFor(page, 'the time left', async () => {
        const it = await item(page, 'dataimport.left');
        return it && /约剩 \d+ 秒/.test(it.label) ? it : null;
      }, 30000);
      check(left, 'no time left shown');
      const big = await waitFor(page, 'the big file read', () => item(page, 'dataimport.v0.receptions'), 120000);
      check(Number(big.label) > 1000, `receptions of the big file: ${big.label}`);
      await clickItem(page, 'dataimport.cancel');
    } finally {
      await context.close();
    }
  });

  test('import: the File reader (web/kefu-pieces.js) hands over every byte in order, in pieces, and stops when closed', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      const r = await page.evaluate(async () => {
        const size = 10 * 1000 * 1000 + 3, bytes = new Uint8Array(size);
        for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 12)) & 255;
        const file = new File([bytes], 'pattern.csv');
        const pieces = window.kefuPieces(file, 4 << 20), lengths = [];
        let at = 0, wrong = -1;
        for (;;) {
          const p = await pieces.next();
          if (!p.length) break;
          lengths.push(p.length);
          for (let i = 0; i < p.length && wrong < 0; i++) if (p[i] !== bytes[at + i]) wrong = at + i;
          at += p.length;
        }
        pieces.close();
        const early = window.kefuPieces(file, 1 << 20); // a cancel: closed after one piece
        const first = (await early.next()).length;
        early.close();
        return { lengths, at, wrong, first };
      });
      check(JSON.stringify(r.lengths) === JSON.stringify([4194304, 4194304, 1611395]), `pieces: ${r.lengths}`);
      check(r.at === 10000003 && r.wrong < 0, `read ${r.at} bytes, first wrong byte at ${r.wrong}`);
      check(r.first === 1 << 20, `the first piece of the closed reader: ${r.first}`);
    } finally {
      await context.close();
    }
  });

  test('import: chat log forbidden phrases are listed; 查看上下文 reads the hit\'s session around it from the file', async ({ browser, base, errors }) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await openPage(context, base + '/?demo=1', errors);
      // About 90 KB of other sessions first, so that the slice read around the hit starts mid-file.
      const lines = ['session_id,time,role,agent,buyer,text'];
      for (let i = 0; i < 1500; i++) lines.push(`f${i},2024-03-05 09:00:00,buyer,王喆,b${i},"第 ${i} 条, 其他会话的消息"`);
      lines.push('s2,2024-03-05 10:00:00,buyer,王喆,bx,"在吗\n还在吗"');
      const buyerLine = lines.length; // the physical line of the quoted buyer text (it spans two)
      lines.push('f9,2024-03-05 10:00:10,buyer,王喆,b9,别的会话');
      lines.push('s2,2024-03-05 10:01:00,agent,王喆,bx,"亲，这个我不能改, 抱歉"');
      const hitLine = buyerLine + 3;
      const messages = path.join(files, 'messages-hits.csv');
      fs.writeFileSync(messages, lines.join('\n') + '\n');
      await pickFile(page, messages);
      const header = await item(page, 'dataimport.hits');
      check(header && header.label === '禁用语（1 处）', `hits header: ${header && header.label}`);
      await clickItem(page, 'dataimport.hits');
      const hit = await waitFor(page, 'the hit list', () => item(page, 'dataimport.hit0'));
      check(hit.label === `王喆  2024-03-05 10:01:00  “我不能”  第 ${hitLine} 行`, `hit: ${hit.label}`);
      await clickItem(page, 'dataimport.hit0.open');
      const hitCtx = await waitFor(page, 'the context', () => item(page, 'dataimport.ctx1'));
      check(hitCtx.label === `第 ${hitLine} 行  2024-03-05 10:01:00  agent 王喆：亲，这个我不能改, 抱歉`, `hit in context: ${hitCtx.label}`);
      const before = await item(page, 'dataimport.ctx0');
      check(before && before.label === `第 ${buyerLine} 行  2024-03-05 10:00:00  buyer 王喆：在吗\n还在吗`, `message before: ${before && before.label}`);
      check(!(await item(page, 'dataimport.ctx2')), 'other sessions are shown in the context');
      await page.screenshot({ path: path.join(SHOTS, 'import-chatlog-hit-context.png') });
      await clickItem(page, 'dataimport.cancel');
    } finally {
      await context.close();
    }
  });
}
