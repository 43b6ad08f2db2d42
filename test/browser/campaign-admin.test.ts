// A campaign from its launch to a returned plan, in headless Chromium (issue 18): 张伟, the org
// admin, launches a 专项行动 over the whole organisation with the three default stages and an
// exam attached; its detail page shows the stages and the exam. 李强, organiser of 实验中学党支部,
// finds it on 专项行动, writes his branch's 活动方案 with a PDF attached and sends it (asked first).
// 张伟 sees 已报送 on 报送情况, opens the plan and returns it with a reason; 李强 sees the reason
// at the top of his plan, which he may edit again; after sending he turns on 开启报送提醒. 张伟's pages are measured at the standard sizes
// (16 px text, 44 px taps), 李强's in 大字模式 (20 px).
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { startBrowserEnv, shot, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { measure, settled, TRACK_TAPS } from '../helpers/measure';
import { answerModal, eventually, fill, shown } from '../helpers/ui';

jest.setTimeout(300_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterAll(async () => {
  await env?.close();
});

const ADMIN = 'demo-admin'; // 张伟, org admin
const ORGANISER = 'demo-organiser'; // 李强, 实验中学党支部
const MIN = 60_000;
const EXAM_TITLE = '专项行动测试：党章党规知识测试';
const CAMPAIGN_TITLE = '学习贯彻专项行动（浏览器测试）';
const PLAN_TEXT = '一、成立工作专班\n二、每月一次主题党日\n三、年底前完成全员考试';
const REASON = '缺少时间安排，请补充';

/** A small but real PDF: the server checks an attachment's first bytes against its extension. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

const at = (path: string) => `${env.t.cloud.url}/#${path}`;
const text = (page: Page, selector: string) => shown(page, selector).innerText();

const NORMAL = { minFont: 16, minTap: 44 };
const SENIOR = { minFont: 20, minTap: 44 };

/** Every piece of reading text and every tap target on the page shown is at least this large (docs/SENIOR-MODE.md). */
async function expectSizes(page: Page, limits: { minFont: number; minTap: number }): Promise<void> {
  await settled(page);
  const m = await measure(page, limits);
  expect(m.texts).toBeGreaterThan(3);
  expect(m.small).toEqual([]);
  expect(m.tiny).toEqual([]);
}

/** Signed in, with taps tracked for measuring (and 大字模式 when `senior`) from the next load on. */
async function signInAs(openid: string, waitFor: string, senior = false): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  await page.locator('#login-openid input, input#login-openid').first().fill(openid);
  await page.locator('#login-openid-submit').click();
  await page.getByText(waitFor).first().waitFor();
  await context.addInitScript(`${senior ? "localStorage.setItem('prefs.senior', JSON.stringify({ data: true }));" : ''}${TRACK_TAPS}`);
  return { context, page };
}

async function publishedExam(): Promise<string> {
  const ok = async <T>(action: string, payload: unknown = {}) => dataOf(await env.t.call<T>(ADMIN, 'exam', action, payload));
  await ok('installSeedBank');
  const paper = (env.t.cloud.db.find('questions', { type: 'single' }) as unknown as Array<{ _id: string }>)
    .map((d) => d._id)
    .sort()
    .slice(0, 4);
  const now = env.t.cloud.clock.now();
  const saved = await ok<{ id: string }>('saveExam', {
    exam: { title: EXAM_TITLE, unitIds: [], opensAt: now - MIN, closesAt: now + 7 * 24 * 60 * MIN, durationMinutes: 20, passScore: 1, shuffleQuestions: false, paper: { mode: 'fixed', questionIds: paper } },
  });
  await ok('publishExam', { examId: saved.id });
  return saved.id;
}

it('an admin launches a campaign with an exam, a branch sends its plan with a PDF, the admin returns it with a reason and the branch reads it', async () => {
  const examId = await publishedExam();

  // GIVEN 张伟 on 专项行动: a new campaign with the default stages and asks, the exam ticked
  const admin = await signInAs(ADMIN, '张伟');
  let page = admin.page;
  await page.goto(at('/subpackages/org-admin/index'));
  await page.reload(); // the init script runs on this load
  await shown(page, '#admin-campaigns').click();
  await shown(page, '#campaign-new').click();
  await fill(page, 'campaign-title', CAMPAIGN_TITLE);
  const value = (selector: string) => shown(page, `${selector} input`).inputValue();
  await expect(Promise.all(['s1', 's2', 's3'].map((k) => value(`#campaign-stage-${k}-name`)))).resolves.toEqual(['启动部署', '组织实施', '评估检验']);
  await expect(Promise.all(['plan', 'final'].map((k) => value(`#campaign-ask-${k}-title`)))).resolves.toEqual(['活动方案', '专题报告']);
  await shown(page, `#campaign-attach-exams-${examId}`).click();
  await expect(shown(page, `#campaign-attach-exams-${examId}`).getAttribute('aria-checked')).resolves.toBe('true');
  await expectSizes(page, NORMAL);
  await shot(page, 'campaign-editor');
  await shown(page, '#campaign-save').click();

  // THEN the detail page shows the campaign, its stages with the first marked current, and the exam
  await shown(page, '#campaign-head').waitFor();
  await expect(text(page, '#campaign-head-title')).resolves.toBe(CAMPAIGN_TITLE);
  const campaignId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? '';
  expect(campaignId).not.toBe('');
  await expect(text(page, '#campaign-stage-list')).resolves.toMatch(/启动部署[\s\S]*当前阶段[\s\S]*组织实施[\s\S]*评估检验/);
  await expect(text(page, '#campaign-activities')).resolves.toContain(EXAM_TITLE);
  await expect(text(page, '#campaign-totals')).resolves.toContain('活动方案');
  await expectSizes(page, NORMAL);
  await shot(page, 'campaign-detail');

  // WHEN 李强 finds it on 专项行动 and opens his branch's plan
  const organiser = await signInAs(ORGANISER, '李强', true);
  const branch = organiser.page;
  await branch.goto(at('/subpackages/campaign-admin/index'));
  await branch.reload(); // 大字模式 from this load
  await shown(branch, `#campaign-${campaignId}`).waitFor();
  await expectSizes(branch, SENIOR);
  await shown(branch, `#campaign-${campaignId}`).click();
  await shown(branch, '#campaign-own-plan-open').waitFor();
  await expectSizes(branch, SENIOR);
  await shown(branch, '#campaign-own-plan-open').click();
  await shown(branch, '#report-text').waitFor();
  await expect(text(branch, '#report-state')).resolves.toBe('待报送');
  await fill(branch, 'report-text', PLAN_TEXT);
  await branch.locator('#report-file-input').setInputFiles({ name: '工作方案.pdf', mimeType: 'application/pdf', buffer: PDF });
  await eventually(async () => expect(text(branch, '#report-file-0')).resolves.toContain('工作方案.pdf'));
  await expectSizes(branch, SENIOR);
  await shot(branch, 'campaign-report-senior');
  await shown(branch, '#report-submit').click();
  await answerModal(branch, /报送给上级后不能再修改/, 'confirm');

  // THEN it is sent and read only
  await eventually(async () => expect(text(branch, '#report-state')).resolves.toBe('已报送'));
  await expect(text(branch, '#report-text-read')).resolves.toContain('每月一次主题党日');
  await expect(text(branch, '#report-files')).resolves.toContain('工作方案.pdf');
  const stored = env.t.cloud.db.find('campaignReports').find((d) => d._id === `${campaignId}:plan:br-school`) as Record<string, unknown> | undefined;
  expect(stored).toMatchObject({ state: 'submitted', unitId: 'br-school' });
  expect((stored?.files as Array<{ name: string }>).map((f) => f.name)).toEqual(['工作方案.pdf']);
  // AND 开启报送提醒 is offered after sending: a tap turns on one campaign reminder (H5 takes consent as given)
  await expect(text(branch, '#report-remind')).resolves.toContain('每开启一次，可收到一次提醒');
  await shown(branch, '#report-remind-button').click();
  await eventually(async () => expect(text(branch, '#report-remind-on')).resolves.toContain('已开启报送提醒'));
  expect(env.t.cloud.db.find('reminderCredits').find((d) => d._id === 'demo-member-11')).toMatchObject({ campaign: 1 });

  // WHEN 张伟 opens 报送情况 for the plan: 实验中学党支部 已报送; he returns it with a reason
  page = admin.page;
  await page.goto(at(`/subpackages/campaign-admin/detail?id=${campaignId}`));
  await shown(page, '#campaign-total-plan-reports').click();
  await eventually(async () => expect(text(page, '#status-br-school-state')).resolves.toBe('已报送'));
  await expect(text(page, '#status-br-office-state')).resolves.toMatch(/待报送/);
  await expectSizes(page, NORMAL);
  await shot(page, 'campaign-reports');
  await shown(page, '#status-br-school').locator('.cmp-status__main').click();
  await shown(page, '#report-review').waitFor();
  await expect(text(page, '#report-text-read')).resolves.toContain('成立工作专班');
  await shown(page, '#report-return').click();
  await fill(page, 'report-return-dialog-reason', REASON);
  await shown(page, '#report-return-dialog-confirm').click();
  await eventually(async () => expect(text(page, '#report-state')).resolves.toBe('已退回'));

  // THEN 李强 reads the reason at the top of his plan, and may edit and send it again
  await branch.goto(at(`/subpackages/campaign-admin/report?id=${campaignId}&ask=plan&unit=br-school`));
  await branch.reload();
  await eventually(async () => expect(text(branch, '#report-returned-reason')).resolves.toContain(REASON));
  await expect(text(branch, '#report-state')).resolves.toBe('已退回');
  await expect(shown(branch, '#report-submit').innerText()).resolves.toContain('重新报送');
  await expectSizes(branch, SENIOR);
  await shot(branch, 'campaign-report-returned');

  await admin.context.close();
  await organiser.context.close();
});

it('the admin reminds the units not in, writes an assessment, exports the evaluation, edits the title and ends the campaign without late reports', async () => {
  const today = beijingDayKey(env.t.cloud.clock.now());
  const created = dataOf(
    await env.t.call<{ campaignId: string }>(ADMIN, 'campaign', 'createCampaign', {
      unitId: 'org-demo',
      title: '结束测试专项行动',
      stages: [{ key: 's1', name: '启动部署', startDay: today, endDay: addDays(today, 20) }],
      asks: [{ key: 'plan', kind: 'plan', title: '活动方案', dueDay: addDays(today, 10), audience: 'all' }],
    }),
  );
  const campaignId = created.campaignId;
  const { context, page } = await signInAs(ADMIN, '张伟');

  // 提醒未报送: the honest sentence
  await page.goto(at(`/subpackages/campaign-admin/reports?id=${campaignId}&ask=plan`));
  await page.reload();
  await shown(page, '#status-remind').click();
  await eventually(async () => expect(text(page, '#status-reminded')).resolves.toMatch(/^已提醒 \d+ 个单位/));

  // 填写评价 for 离退休干部党支部: a grade and a sentence, kept for the evaluation
  await shown(page, '#status-br-retired-assess').click();
  await shown(page, '#assessment-dialog').waitFor();
  await expectSizes(page, NORMAL);
  await shown(page, '#assessment-grade-good').click();
  await fill(page, 'assessment-text', '学习扎实，按时报送');
  await shown(page, '#assessment-dialog-confirm').click();
  await eventually(async () => expect(text(page, '#status-br-retired')).resolves.toContain('已评价：良好'));
  // Read back from the server, with its text; 修改评价 starts from it
  await expect(text(page, '#status-br-retired-assessment')).resolves.toBe('已评价：良好 · 学习扎实，按时报送');
  await shown(page, '#status-br-retired-assess').click();
  await expect(shown(page, '#assessment-text textarea, textarea#assessment-text').inputValue()).resolves.toBe('学习扎实，按时报送');
  await shown(page, '#assessment-dialog-cancel').click();
  const assessment = env.t.cloud.db.find('campaignAssessments').find((d) => d._id === `${campaignId}:br-retired`) as Record<string, unknown> | undefined;
  expect(assessment).toMatchObject({ grade: 'good', text: '学习扎实，按时报送' });

  // 导出四落实评估: a workbook downloads
  await page.goto(at(`/subpackages/campaign-admin/detail?id=${campaignId}`));
  await shown(page, '#campaign-export').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '#campaign-export').click()]);
  expect(download.suggestedFilename()).toBe('结束测试专项行动四落实评估.xlsx');
  await expect(page.locator('#campaign-export-error:visible').count()).resolves.toBe(0);

  // 修改: the editor opens with the campaign as saved; a changed title is saved with its version
  await shown(page, '#campaign-edit').click();
  await shown(page, '#campaign-title').waitFor();
  await expect(shown(page, '#campaign-title input').inputValue()).resolves.toBe('结束测试专项行动');
  await expect(shown(page, '#campaign-ask-plan-due').innerText()).resolves.toContain(addDays(today, 10));
  await fill(page, 'campaign-title', '结束测试专项行动（修改）');
  await shown(page, '#campaign-save').click();
  await eventually(async () => expect(text(page, '#campaign-head-title')).resolves.toBe('结束测试专项行动（修改）'));

  // 结束行动, choosing 停止接收报告
  await shown(page, '#campaign-close').click();
  await shown(page, '#campaign-close-dialog').waitFor();
  await expectSizes(page, NORMAL);
  await shown(page, '#campaign-close-choice-stop').click();
  await shown(page, '#campaign-close-dialog-confirm').click();
  await eventually(async () => expect(text(page, '#campaign-status')).resolves.toBe('已结束 · 已停止接收报告'));
  await expect(page.locator('#campaign-edit:visible').count()).resolves.toBe(0);
  const stored = env.t.cloud.db.find('campaigns').find((d) => d._id === campaignId) as Record<string, unknown> | undefined;
  expect(stored).toMatchObject({ status: 'closed', acceptLate: false });
  await context.close();
});
