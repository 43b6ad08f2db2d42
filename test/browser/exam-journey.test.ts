// The exam feature end to end, as one journey in headless Chromium against the H5 build with the
// real `exam` function behind it: the org admin imports questions (good and bad rows), installs
// the built-in bank and publishes an exam for two branches with a one-hour window; 王秀英 starts
// it, closes the page half way, comes back to the same paper with her answers and passes; 郑桂兰
// never takes it. After the window closes the admin reads the statistics and the 缺考 list and
// arranges a make-up; 郑桂兰 takes the make-up; the original exam still records her as 缺考, the
// make-up records her result, and the exported xlsx says so.
import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { answerModal, eventually, fill, openTab, shown } from '../helpers/ui';

jest.setTimeout(180_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

const TITLE = '旅程测试：党章党规知识测试';
const HOUR = 3_600_000;

/** Good rows (2–4), a wrong answer letter (5), no stem (6), an unknown type (7), a repeat of row 2 (8). */
const QUESTIONS_CSV = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度',
  '单选,旅程测试：党的最高领导机关是什么？,党的全国代表大会和它所产生的中央委员会,中央政治局,中央书记处,中央纪律检查委员会,A,见党章第十条。,党章党规,中',
  '判断,旅程测试：党员有权对党的决议和政策提出建议。,,,,,√,党员的权利之一。,党章党规,易',
  '填空,旅程测试：中国共产党第一次全国代表大会于____年召开。,,,,,1921,,党史,易',
  '单选,旅程测试：答案字母超出选项的题,甲,乙,丙,丁,E,,,',
  '单选,,甲,乙,,,A,,,',
  '问答,旅程测试：题型无法识别的题,,,,,随便写,,,',
  '单选,旅程测试：党的最高领导机关是什么？,党的全国代表大会和它所产生的中央委员会,中央政治局,中央书记处,中央纪律检查委员会,A,见党章第十条。,党章党规,中',
].join('\n');

// ---- helpers (the same patterns as exam-organiser / exam-member) -------------------------------

/** A fresh browser (its own storage) signed in with one of the login page's buttons or an openid. */
async function signIn(who: 'admin' | 'member' | { openid: string }, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  if (typeof who === 'string') {
    await page.locator(`#login-${who}`).click();
  } else {
    await page.locator('#login-openid input, input#login-openid').first().fill(who.openid);
    await page.locator('#login-openid-submit').click();
  }
  await page.getByText(name).first().waitFor();
  return { context, page };
}

/** 我的 → 管理后台 → 考试与题库. */
async function openExamAdmin(page: Page): Promise<void> {
  await openTab(page, '我的');
  await page.locator('#go-admin').click();
  await shown(page, '#admin-exams').click();
  await shown(page, '#exam-new').waitFor();
}

/** The Beijing date and clock time of an instant, as the pickers show them. */
function beijing(ms: number): { day: string; time: string } {
  const iso = new Date(ms + 8 * HOUR).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

function fromBeijing(day: string, time: string): number {
  return Date.parse(`${day}T${time}:00+08:00`);
}

/** The instant a DateTimeField shows (its date box, then its time box, each with a › arrow). */
async function fieldWhen(page: Page, id: string): Promise<number> {
  const day = /\d{4}-\d{2}-\d{2}/.exec(await shown(page, `#${id}-date`).innerText())?.[0] ?? '';
  const time = /\d{2}:\d{2}/.exec(await shown(page, `#${id}-time`).innerText())?.[0] ?? '';
  return fromBeijing(day, time);
}

// Taro's H5 picker (weui): a sheet at the bottom with one wheel per column, turned by dragging.
// A wheel's content sits at translateY = TOP - LINE × index (the time wheels carry 4 wrap-around
// rows before 00).
const LINE = 34;
const TOP = 102;

async function wheelAt(wheel: Locator): Promise<number> {
  return wheel.locator('.weui-picker__content').evaluate((el, [line, top]) => {
    const m = /translate3d\(\s*0(?:px)?\s*,\s*(-?[\d.]+)px/.exec((el as HTMLElement).style.transform);
    return m ? (top - Number(m[1])) / line : Number.NaN;
  }, [LINE, TOP] as const);
}

/** Drag one wheel (at most five rows a drag, staying on the wheel) until `target` is in the middle. */
async function turnWheel(page: Page, wheel: Locator, target: number): Promise<void> {
  for (let drags = 0; drags < 40; drags++) {
    const at = Math.round(await wheelAt(wheel));
    if (at === target) return;
    const rows = Math.max(-5, Math.min(5, target - at));
    const box = await wheel.boundingBox();
    if (!box) throw new Error('picker wheel has no box');
    const x = box.x + box.width / 2;
    const y0 = rows > 0 ? box.y + box.height - 12 : box.y + 12;
    await page.mouse.move(x, y0);
    await page.mouse.down();
    await page.mouse.move(x, y0 - rows * LINE, { steps: 8 });
    await page.mouse.up();
    await eventually(async () => {
      const now = await wheelAt(wheel);
      expect(Number.isInteger(now) && now !== at).toBe(true);
    }, 3_000);
  }
  throw new Error(`picker wheel did not reach row ${target}`);
}

async function openPicker(page: Page, trigger: string): Promise<Locator> {
  await shown(page, trigger).click();
  const sheet = page.locator('.weui-picker:visible');
  await sheet.waitFor();
  // Wait for the slide-up to finish: the wheels are dragged by their position on screen.
  let last = '';
  await eventually(async () => {
    const box = JSON.stringify(await sheet.boundingBox());
    const same = box === last;
    last = box;
    expect(same).toBe(true);
  }, 5_000);
  return sheet;
}

async function confirmPicker(page: Page, sheet: Locator): Promise<void> {
  await sheet.locator('.weui-picker__action').last().click();
  await page.locator('.weui-picker:visible').waitFor({ state: 'hidden' });
}

/** Set a DateTimeField (`<id>-date`, `<id>-time`) to an instant, through its two pickers. */
async function pickWhen(page: Page, id: string, ms: number): Promise<void> {
  const { day, time } = beijing(ms);
  const [y, mo, d] = day.split('-');
  const [h, mi] = time.split(':');

  if ((await shown(page, `#${id}-date`).innerText()).trim().startsWith(day) === false) {
    const sheet = await openPicker(page, `#${id}-date`);
    const wheels = sheet.locator('taro-picker-group');
    for (const [col, text] of [
      [0, `${y}年`],
      [1, `${mo}月`],
      [2, `${d}日`],
    ] as const) {
      const items = await wheels.nth(col).locator('.weui-picker__item').allInnerTexts();
      const target = items.map((t) => t.trim()).indexOf(text);
      expect(target).toBeGreaterThanOrEqual(0);
      await turnWheel(page, wheels.nth(col), target);
    }
    await confirmPicker(page, sheet);
  }
  await eventually(async () => expect((await shown(page, `#${id}-date`).innerText()).trim()).toMatch(new RegExp(`^${day}`)));

  const sheet = await openPicker(page, `#${id}-time`);
  const wheels = sheet.locator('taro-picker-group');
  await turnWheel(page, wheels.nth(0), Number(h) + 4);
  await turnWheel(page, wheels.nth(1), Number(mi) + 4);
  await confirmPicker(page, sheet);
  await eventually(async () => expect((await shown(page, `#${id}-time`).innerText()).trim()).toMatch(new RegExp(`^${time}`)));
}

/** The shown positions of the right options for each question of an attempt, read from its key. */
function rightPicks(attemptId: string): Array<{ qid: string; picks: number[] }> {
  const a = env.t.cloud.db.get('examAttempts', attemptId) as unknown as {
    paper: Array<{ qid: string; order: number[] }>;
    key: Record<string, { type: string; answer: number[] }>;
  };
  return a.paper.map((p) => {
    const k = a.key[p.qid];
    expect(k.type === 'single' || k.type === 'judge').toBe(true);
    return { qid: p.qid, picks: p.order.flatMap((orig, pos) => (k.answer.includes(orig) ? [pos] : [])) };
  });
}

function stemOf(source: string, qid: string): string {
  return String((env.t.cloud.db.get('examQuestions', `${source}_${qid}`) as unknown as { stem: string }).stem);
}

async function chosen(page: Page): Promise<string[]> {
  return page.locator('.take-option.take-option--on').evaluateAll((els) => els.map((el) => el.getAttribute('data-index') ?? ''));
}

/** On the take page: open question `index` (1-based) of `total` from the answer sheet. */
async function goTo(page: Page, index: number, total: number): Promise<void> {
  await page.locator('#take-sheet').click();
  await page.locator(`#sheet-item-${index}`).click();
  await page.locator('#take-index', { hasText: `第 ${index} / ${total} 题` }).waitFor();
}

/** Answer questions from..to (1-based) with the right picks, moving on with 下一题. */
async function answerRange(page: Page, attemptId: string, from: number, to: number): Promise<void> {
  const key = rightPicks(attemptId);
  const total = key.length;
  const source = String(env.t.cloud.db.get('examAttempts', attemptId)?.source);
  for (let i = from; i <= to; i++) {
    await page.locator('#take-index', { hasText: `第 ${i} / ${total} 题` }).waitFor();
    await expect(page.locator('#take-stem').innerText()).resolves.toBe(stemOf(source, key[i - 1].qid));
    for (const p of key[i - 1].picks) await page.locator(`.take-option[data-index="${p}"]`).click();
    await expect(chosen(page)).resolves.toEqual(key[i - 1].picks.map(String));
    if (i < total) await page.locator('#take-next').click();
  }
  await page.locator('#take-save', { hasText: '已保存' }).waitFor();
}

/** The result page after handing in: passed, full marks. */
async function expectPassed(page: Page, total: number): Promise<void> {
  const score = page.locator('#result-score');
  await score.waitFor();
  await expect(score.innerText()).resolves.toMatch(new RegExp(`^${total}\\s*/\\s*${total} 分$`));
  await expect(page.locator('#result-verdict').innerText()).resolves.toMatch(/^✓ 通过$/);
  await expect(page.locator('#result-closed-by').innerText()).resolves.toContain('本人交卷');
}

// ---- the journey -------------------------------------------------------------------------------

describe('exam journey', () => {
  it('import → bank → publish for two branches → take with a break → close → statistics → make-up → export', async () => {
    const cell = (page: Page, unit: string, metric: string) => shown(page, `#stats-cell-${unit}-${metric}`).innerText();
    try {
      // ==== 1. The org admin: questions, bank, a published exam ==================================
      const admin = await signIn('admin', '张伟');
      let page = admin.page;
      await openExamAdmin(page);
      await shot(page, 'exam-journey-admin-home');

      // The built-in bank first: 题库 offers it only while the bank is empty (see the report).
      await shown(page, '#exam-bank').click();
      await shown(page, '#bank-install').click();
      await page.getByText(/已导入 \d+ 道题/).first().waitFor();
      const installed = env.t.cloud.db.count('questions', { status: 'active' });
      expect(installed).toBeGreaterThanOrEqual(200);
      await eventually(async () => {
        await expect(shown(page, '#bank-active').innerText()).resolves.toBe(String(installed));
      });
      await page.goBack();
      await shown(page, '#exam-import').click();

      // 导入题目: a CSV with good and bad rows; the preview says why row by row, then commit.
      await page.locator('#qimport-file-input').waitFor({ state: 'attached' });
      await page.locator('#qimport-file-input').setInputFiles({ name: '旅程题目.csv', mimeType: 'text/csv', buffer: Buffer.from(QUESTIONS_CSV) });
      await shown(page, '#qimport-picked').waitFor();
      await shown(page, '#qimport-preview').click();
      await shown(page, '#qimport-preview-result').waitFor();
      await expect(shown(page, '#qimport-totals').innerText()).resolves.toMatch(/^3\s+可导入\s+1\s+重复\s+3\s+有误\s+0\s+空行/);
      for (const row of [2, 3, 4]) await expect(shown(page, `#qimport-row-${row}`).innerText()).resolves.toContain('可导入');
      await expect(shown(page, '#qimport-row-5').innerText()).resolves.toMatch(/有误[\s\S]*答案 E 超出了选项范围/);
      await expect(shown(page, '#qimport-row-6').innerText()).resolves.toMatch(/有误[\s\S]*题干为空/);
      await expect(shown(page, '#qimport-row-7').innerText()).resolves.toMatch(/有误[\s\S]*无法识别题型“问答”/);
      await expect(shown(page, '#qimport-row-8').innerText()).resolves.toMatch(/重复[\s\S]*与第 2 行(相同|是同一题)，已合并/);
      await shot(page, 'exam-journey-import-preview');
      expect(env.t.cloud.db.count('questions', { stem: { $regex: '^旅程测试' } })).toBe(0);

      await shown(page, '#qimport-commit').click();
      await shown(page, '#qimport-done').waitFor();
      await expect(shown(page, '#qimport-done').innerText()).resolves.toContain('已导入 3 道题');
      await expect(shown(page, '#qimport-totals').innerText()).resolves.toMatch(/^3\s+已导入\s+1\s+重复\s+3\s+有误/);
      const imported = env.t.cloud.db.find('questions', { stem: { $regex: '^旅程测试' } }, {});
      expect(imported.map((q) => q.type).sort()).toEqual(['fill', 'judge', 'single']);

      // 新建考试: 实验中学 and 离退休干部 branches, 4 单选 + 2 判断, open now for one hour.
      await page.goBack();
      await shown(page, '#exam-new').click();
      await fill(page, 'editor-title', TITLE);
      await shown(page, '#editor-unit-br-school').click();
      await shown(page, '#editor-unit-br-retired').click();
      await expect(shown(page, '#editor-unit-br-school').getAttribute('aria-checked')).resolves.toBe('true');
      await expect(shown(page, '#editor-unit-br-retired').getAttribute('aria-checked')).resolves.toBe('true');
      const opensAt = await fieldWhen(page, 'editor-opens');
      expect(Math.abs(opensAt - Date.now())).toBeLessThan(2 * 60_000);
      await pickWhen(page, 'editor-closes', opensAt + HOUR);
      await shown(page, '#editor-rule-3-remove').click(); // 填空
      await shown(page, '#editor-rule-1-remove').click(); // 多选
      await fill(page, 'editor-rule-0-count', '4');
      await fill(page, 'editor-rule-1-count', '2');
      await expect(shown(page, '#editor-rule-0').innerText()).resolves.toContain('单选题');
      await expect(shown(page, '#editor-rule-1').innerText()).resolves.toContain('判断题');
      await expect(shown(page, '#editor-total').innerText()).resolves.toMatch(/共\s*6\s*题[\s\S]*总分\s*10\s*分/);
      await expect(shown(page, '#editor-pass input').inputValue()).resolves.toBe('6');
      await shot(page, 'exam-journey-editor');
      await shown(page, '#editor-publish').click();
      const [from, to] = [beijing(opensAt), beijing(opensAt + HOUR)].map((b) => `${b.day} ${b.time}`);
      const windowText = `${from} 至 ${from.slice(0, 4) === to.slice(0, 4) ? to.slice(5) : to}`;
      await answerModal(page, new RegExp(`^面向(离退休干部党支部、实验中学党支部|实验中学党支部、离退休干部党支部)，${windowText}。发布后试卷和设置不能再修改。[^。]*不会出现在每日答题和知识竞赛中`), 'confirm');

      await shown(page, '#stats-head').waitFor();
      const exams = env.t.cloud.db.find('exams', { title: TITLE }, {});
      expect(exams).toHaveLength(1);
      const exam = exams[0] as unknown as { _id: string; status: string; unitIds: string[]; opensAt: number; closesAt: number; totalScore: number; passScore: number; questionCount: number };
      expect(exam).toMatchObject({ status: 'published', questionCount: 6, totalScore: 10, passScore: 6, opensAt, closesAt: opensAt + HOUR });
      expect([...exam.unitIds].sort()).toEqual(['br-retired', 'br-school']);
      const examId = exam._id;
      await admin.context.close();

      // ==== 2. 王秀英 starts, leaves half way, comes back to the same paper and passes ============
      const wang = await signIn('member', '王秀英');
      page = wang.page;
      await openTab(page, '答题');
      const card = shown(page, `#exam-${examId}`);
      await card.waitFor();
      await expect(card.innerText()).resolves.toMatch(new RegExp(`${TITLE}[\\s\\S]*● 可参加[\\s\\S]*共 6 题[\\s\\S]*满分 10 分 · 6 分及格`));
      await card.click();
      await shown(page, '#exam-start').click();
      await answerModal(page, /考试时长 60 分钟/, 'confirm');
      await page.locator('#take-question').waitFor();
      const attemptId = /attemptId=([A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? '';
      expect(attemptId).not.toBe('');
      await answerRange(page, attemptId, 1, 3);
      await expect(page.locator('#take-answered').innerText()).resolves.toContain('已答 3 / 6 题');
      await shot(page, 'exam-journey-take-half');
      const key = rightPicks(attemptId);
      expect(Object.keys(env.t.cloud.db.get('examAttempts', attemptId)?.answers ?? {}).sort()).toEqual(key.slice(0, 3).map((k) => k.qid).sort());

      // She closes the page; a new page in the same browser keeps her signed in.
      await page.close();
      page = await wang.context.newPage();
      page.on('pageerror', (err) => console.error('[page error]', err.message));
      await page.goto(`${env.t.cloud.url}/`);
      await openTab(page, '答题');
      const again = shown(page, `#exam-${examId}`);
      await again.waitFor();
      await expect(again.innerText()).resolves.toContain('✎ 答题中');
      await again.click();
      await expect(shown(page, '#exam-continue').innerText()).resolves.toContain('继续答题');
      await shot(page, 'exam-journey-continue');
      await shown(page, '#exam-continue').click();
      // The same paper, open at the first unanswered question, her answers still chosen.
      await page.locator('#take-index', { hasText: '第 4 / 6 题' }).waitFor();
      await expect(page.locator('#take-answered').innerText()).resolves.toContain('已答 3 / 6 题');
      expect(/attemptId=([A-Za-z0-9_-]+)/.exec(page.url())?.[1]).toBe(attemptId);
      for (let i = 1; i <= 3; i++) {
        await goTo(page, i, 6);
        await expect(page.locator('#take-stem').innerText()).resolves.toBe(stemOf(examId, key[i - 1].qid));
        await expect(chosen(page)).resolves.toEqual(key[i - 1].picks.map(String));
      }
      await goTo(page, 4, 6);
      await answerRange(page, attemptId, 4, 6);
      await page.locator('#take-submit').click();
      await answerModal(page, /已全部作答/, 'confirm');
      await expectPassed(page, 10);
      await shot(page, 'exam-journey-result');
      expect(env.t.cloud.db.get('examAttempts', attemptId)).toMatchObject({ status: 'submitted', score: 10, passed: true, answeredCount: 6 });
      await wang.context.close();

      // ==== 3. 郑桂兰 (demo-m-23, 离退休干部党支部) never takes it; the window closes ==============
      expect(env.t.cloud.db.count('examAttempts', { examId, memberId: 'demo-member-23' })).toBe(0);
      env.t.cloud.clock.set(exam.closesAt + 60_000);

      // ==== 4. The admin: statistics, the 缺考 list, a make-up for the absentees ==================
      const admin2 = await signIn('admin', '张伟');
      page = admin2.page;
      await openExamAdmin(page);
      await shown(page, `#exam-row-${examId}`).click();
      await shown(page, '#stats-head').waitFor();
      await expect(shown(page, '#stats-head').innerText()).resolves.toContain('■ 已结束');
      await expect(cell(page, 'br-retired', 'audience')).resolves.toBe('10');
      await expect(cell(page, 'br-retired', 'submitted')).resolves.toBe('1');
      await expect(cell(page, 'br-retired', 'inProgress')).resolves.toBe('0');
      await expect(cell(page, 'br-retired', 'absent')).resolves.toBe('9');
      await expect(cell(page, 'br-retired', 'passed')).resolves.toBe('1');
      await expect(cell(page, 'br-retired', 'average')).resolves.toBe('10');
      await expect(cell(page, 'br-school', 'submitted')).resolves.toBe('0');
      await expect(cell(page, 'br-school', 'absent')).resolves.toBe('10');
      await expect(cell(page, 'all', 'absent')).resolves.toBe('19');
      await shot(page, 'exam-journey-stats');

      await shown(page, '#stats-unit-br-retired').click();
      await shown(page, '#stats-filter-absent').click();
      await eventually(async () => {
        const absentList = await shown(page, '#stats-roster').innerText();
        expect(absentList).toContain('郑桂兰');
        expect(absentList).not.toContain('王秀英');
      });
      await expect(shown(page, '#roster-demo-member-23').innerText()).resolves.toContain('○ 缺考');
      const absentText = await shown(page, '#stats-absent-text').innerText();
      // The window has closed: the copied list says 缺考, as the roster does.
      expect(absentText).toContain(`「${TITLE}」缺考（5人）：`);
      expect(absentText).toContain('；未绑定微信（4人）：');
      expect(absentText).toContain('郑桂兰');
      expect(absentText).not.toContain('王秀英');
      await shot(page, 'exam-journey-absent');

      // 安排补考: the absentees, from now (the server's moved clock) for one hour.
      await shown(page, '#stats-makeup').click();
      await shown(page, '#makeup-dialog').waitFor();
      await shown(page, '#makeup-include-absent').click();
      await expect(shown(page, '#makeup-include-absent').getAttribute('aria-checked')).resolves.toBe('true');
      const makeupOpens = Math.floor(env.t.cloud.clock.now() / 60_000) * 60_000;
      await pickWhen(page, 'makeup-opens', makeupOpens);
      await pickWhen(page, 'makeup-closes', makeupOpens + HOUR);
      await shot(page, 'exam-journey-makeup');
      await shown(page, '#makeup-dialog-confirm').click();
      await page.getByText('已安排补考，邀请 19 人').first().waitFor();
      await eventually(async () => expect(shown(page, '#stats-head').innerText()).resolves.toContain(`${TITLE}（补考）`));
      const makeups = env.t.cloud.db.find('exams', { parentId: examId }, {});
      expect(makeups).toHaveLength(1);
      const makeup = makeups[0] as unknown as { _id: string; kind: string; status: string; opensAt: number; closesAt: number };
      expect(makeup).toMatchObject({ kind: 'makeup', status: 'published', opensAt: makeupOpens, closesAt: makeupOpens + HOUR });
      const makeupId = makeup._id;
      await admin2.context.close();

      // ==== 5. 郑桂兰 finds the make-up on 答题, takes it and passes ===============================
      const zheng = await signIn({ openid: 'demo-m-23' }, '郑桂兰');
      page = zheng.page;
      await openTab(page, '答题');
      const makeupCard = shown(page, `#exam-${makeupId}`);
      await makeupCard.waitFor();
      await expect(makeupCard.innerText()).resolves.toMatch(/补考[\s\S]*● 可参加[\s\S]*共 6 题/);
      await shot(page, 'exam-journey-makeup-card');
      await makeupCard.click();
      await shown(page, '#exam-start').click();
      await answerModal(page, /考试时长 60 分钟/, 'confirm');
      await page.locator('#take-question').waitFor();
      const makeupAttempt = /attemptId=([A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? '';
      expect(makeupAttempt).not.toBe('');
      await answerRange(page, makeupAttempt, 1, 6);
      await page.locator('#take-submit').click();
      await answerModal(page, /已全部作答/, 'confirm');
      await expectPassed(page, 10);
      await shot(page, 'exam-journey-makeup-result');
      expect(env.t.cloud.db.get('examAttempts', makeupAttempt)).toMatchObject({ examId: makeupId, status: 'submitted', score: 10, passed: true });
      // The original stays under 已结束 as 缺考.
      await page.locator('#result-back').click();
      await shown(page, '#quiz-tab-ended').click();
      await expect(shown(page, `#quiz-list-ended #exam-${examId}`).innerText()).resolves.toContain('— 缺考');
      await zheng.context.close();

      // ==== 6. The admin: the make-up shows her result, the original still 缺考; export ===========
      const admin3 = await signIn('admin', '张伟');
      page = admin3.page;
      await openExamAdmin(page);
      await shown(page, `#exam-row-${makeupId}`).click();
      await eventually(async () => expect(shown(page, '#stats-head').innerText()).resolves.toContain(`${TITLE}（补考）`));
      await expect(cell(page, 'br-retired', 'audience')).resolves.toBe('9');
      await expect(cell(page, 'br-retired', 'submitted')).resolves.toBe('1');
      await expect(cell(page, 'br-retired', 'passed')).resolves.toBe('1');
      await shown(page, '#stats-unit-br-retired').click();
      await eventually(async () => expect(shown(page, '#roster-demo-member-23').innerText()).resolves.toMatch(/郑桂兰[\s\S]*✓ 及格[\s\S]*10 分/));
      await shot(page, 'exam-journey-makeup-stats');

      await page.goBack();
      await shown(page, `#exam-row-${examId}`).click();
      await eventually(async () => expect(shown(page, '#stats-head').innerText()).resolves.toMatch(new RegExp(`${TITLE}(?!（补考）)`)));
      await expect(cell(page, 'br-retired', 'submitted')).resolves.toBe('1');
      await expect(cell(page, 'br-retired', 'absent')).resolves.toBe('9');
      await shown(page, '#stats-unit-br-retired').click();
      await shown(page, '#stats-filter-absent').click();
      await eventually(async () => {
        const absentList = await shown(page, '#stats-roster').innerText();
        expect(absentList).toContain('郑桂兰');
        expect(absentList).not.toContain('王秀英');
      });

      const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '#stats-export').click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${TITLE}-成绩-\\d+\\.xlsx$`));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await download.path());
      const sheet = book.getWorksheet('成绩');
      expect(sheet).toBeDefined();
      const values = (r: number) => (sheet?.getRow(r).values as unknown[]).slice(1);
      expect(values(1)).toEqual(['支部', '姓名', '状态', '成绩', '总分', '用时（分钟）', '交卷时间', '答题次数', '切屏标记', '补时（分钟）']);
      const rows = Array.from({ length: sheet?.rowCount ?? 0 }, (_, i) => values(i + 1));
      expect(rows).toHaveLength(21); // header + the 20 members of the two branches
      const wangRow = rows.filter((r) => r[1] === '王秀英');
      expect(wangRow).toHaveLength(1);
      expect(wangRow[0].slice(0, 5)).toEqual(['离退休干部党支部', '王秀英', '及格', 10, 10]);
      expect(wangRow[0][7]).toBe(1);
      const zhengRow = rows.filter((r) => r[1] === '郑桂兰');
      expect(zhengRow).toHaveLength(1);
      expect(zhengRow[0].slice(0, 3)).toEqual(['离退休干部党支部', '郑桂兰', '缺考']);
      expect(zhengRow[0][3] ?? null).toBeNull(); // no score: an empty cell
      await admin3.context.close();
    } finally {
      env.t.cloud.clock.reset();
    }
  });
});
