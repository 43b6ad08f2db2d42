// A paper result in headless Chromium (issue 18, 送题到家): the organiser of 离退休干部党支部 opens
// the exam's statistics, records 冯玉兰's paper score — she has never bound WeChat — and sees it
// counted (已考, 其中手工录入, 及格) and marked 手工录入 in the roster; then corrects it with a reason
// and sees the trace.
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, fill, shown } from '../helpers/ui';

jest.setTimeout(240_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const ORGANISER = 'demo-m-22'; // 宋德明, organiser of 离退休干部党支部
const FENG = 'demo-member-27'; // 冯玉兰, never bound

it('records a paper score for an unbound member, counted and marked 手工录入, and corrects it with a trace', async () => {
  const ok = async <T>(openid: string, action: string, payload: unknown) => dataOf(await env.t.call<T>(openid, 'exam', action, payload));
  await ok('demo-admin', 'installSeedBank', {});
  const now = env.t.cloud.clock.now();
  // Ten points (five single choices at 2), pass at 6.
  const exam = { title: '浏览器测试：送题到家', unitIds: ['br-retired'], opensAt: now - 60_000, closesAt: now + 86_400_000, durationMinutes: 20, paper: { mode: 'rules', rules: [{ type: 'single', tag: null, count: 5 }] }, passScore: 6 };
  const examId = (await ok<{ id: string }>(ORGANISER, 'saveExam', { exam })).id;
  await ok(ORGANISER, 'publishExam', { examId });

  const { context, page } = await env.open();
  await page.locator('#login-openid input, input#login-openid').first().fill(ORGANISER);
  await page.locator('#login-openid-submit').click();
  await page.getByText('宋德明').first().waitFor();
  await page.goto(`${env.t.cloud.url}/#/subpackages/exam-admin/stats?id=${examId}`);
  await shown(page, '#stats-head').waitFor();
  const cell = (metric: string) => shown(page, `#stats-cell-br-retired-${metric}`).innerText();
  await expect(cell('submitted')).resolves.toBe('0');

  // 冯玉兰 has not taken it (未参加, 未绑定): 录入纸质成绩.
  await expect(shown(page, `#roster-${FENG}`).innerText()).resolves.toMatch(/冯玉兰[\s\S]*未参加[\s\S]*未绑定/);
  await shown(page, `#roster-paper-${FENG}`).click();
  await shown(page, '#paper-dialog').waitFor();
  await fill(page, 'paper-dialog-score', '8');
  await shown(page, '#paper-dialog-confirm').click();
  await eventually(async () => expect(env.t.cloud.db.count('examTakers', { examId, memberId: FENG })).toBe(1));

  await eventually(async () => {
    const row = await shown(page, `#roster-${FENG}`).innerText();
    expect(row).toMatch(/冯玉兰[\s\S]*及格[\s\S]*手工录入[\s\S]*8 分/);
    expect(row).toContain('送题到家');
    expect(row).toContain('宋德明录入');
    expect(row).not.toContain('未绑定');
  });
  await eventually(async () => {
    await expect(cell('submitted')).resolves.toBe('1');
    await expect(cell('handRecorded')).resolves.toBe('1');
    await expect(cell('passed')).resolves.toBe('1');
    await expect(cell('absent')).resolves.toBe('9');
  });
  await shot(page, 'exam-paper-recorded');

  // 更正: 8 → 5, with a reason; the trace shows both.
  await shown(page, `#roster-paper-amend-${FENG}`).click();
  await shown(page, '#paper-dialog').waitFor();
  await fill(page, 'paper-dialog-score', '5');
  await fill(page, 'paper-dialog-text', '阅卷时多算了一题');
  await shown(page, '#paper-dialog-confirm').click();
  await eventually(async () => {
    const trace = await shown(page, `#roster-trace-${FENG}`).innerText();
    expect(trace).toContain('录入 8 分，宋德明：送题到家');
    expect(trace).toContain('更正 8 → 5 分，宋德明：阅卷时多算了一题');
  });
  await eventually(async () => {
    await expect(cell('failed')).resolves.toBe('1');
    await expect(cell('passed')).resolves.toBe('0');
  });
  await shot(page, 'exam-paper-corrected');
  await context.close();
});
