// 我的积分 shows a correcting entry in plain words: a member whose exam pass a regrade took away sees
// 考试通过 +5 and, beside it, 考试成绩更正 −5, and a total without those points.
import { withdrawPoints, awardPoints } from '../../functions/points/ports';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { openTab, shown } from '../helpers/ui';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

it('a pass taken back by a regrade reads 考试成绩更正 −5 in the history, and the total is without it', async () => {
  const db = env.t.db;
  const now = env.t.cloud.clock.now();
  const member = { orgId: 'org-demo', memberId: 'demo-member-21', unitId: 'br-retired', unitPath: ['org-demo', 'br-retired'] };
  await awardPoints(db, { ...member, source: 'exam', ref: 'exam-corrected', asked: 1, at: now - 60_000 });
  await withdrawPoints(db, { memberId: member.memberId, source: 'exam', ref: 'exam-corrected', at: now });
  const { context, page } = await env.open();
  try {
    await page.locator('#login-member').click();
    await page.getByText('王秀英').first().waitFor();
    await openTab(page, '我的');
    await shown(page, '#go-points').click();
    await expect(shown(page, '#points-total').getAttribute('data-total')).resolves.toBe('0');
    await expect(shown(page, '#points-streak').innerText()).resolves.toBe('今天还没有获得积分');
    const correction = shown(page, '#points-entry-exam_demo-member-21_exam-corrected_withdrawn');
    await expect(correction.innerText()).resolves.toMatch(/考试成绩更正[\s\S]*\u22125/);
    await expect(shown(page, '#points-entry-exam_demo-member-21_exam-corrected').innerText()).resolves.toMatch(/考试通过[\s\S]*\+5/);
    const size = await correction.locator('.points-entry__points').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    await shot(page, 'points-correction');
  } finally {
    await context.close();
  }
});
