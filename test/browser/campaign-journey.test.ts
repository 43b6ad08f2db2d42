// Issue 18's "Done when", in headless Chromium, step by step. Over a 3-level subtree (示例市直机关党委
// → 教育和老干部工委 → 实验中学 and 离退休干部党支部, set up through the actions with an exam, a
// check-in challenge, an event and a public task list that members of both branches took part in
// partly: test/helpers/campaign.ts), 张伟, the org admin:
//   1. launches a campaign in the editor with its three stages and the four activities attached;
//   2. enters 冯玉兰's paper result on the exam's page (opened from the campaign): it counts there
//      and on the campaign (已交卷 3 → 4);
//   3. closes a task item with a photo marked public; a visitor sees it on the public page with no
//      member's name or phone;
// 李强 (实验中学) sends his branch's 活动方案 on time; the server's clock (and the browsers') moves
// past the 专题报告's due day and 郑桂兰 (教育和老干部工委) sends hers late; 张伟 sees 晚交 at the top of the campaign and the committee first on 报送情况, then
// downloads the 四落实 workbook, which the test opens and checks cell by cell against the journey.
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { reportWords } from '../../core/domain/campaign/evaluation';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import { encodePng } from '../../localcloud/png';
import { DEMO_MEMBERS } from '../../scripts/lib/demo-data';
import { lateText } from '../../src/utils/campaign-format';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { ADMIN, besideLabel, COUNTY_NAME, COUNTY_ORGANISER, setUpJourney, sheetLines, summaryRows, type JourneySetup } from '../helpers/campaign';
import { answerModal, eventually, fill, shown } from '../helpers/ui';

jest.setTimeout(300_000);

const BRANCH_ORGANISER = 'demo-organiser'; // 李强, 实验中学党支部
const FENG = 'demo-member-27'; // 冯玉兰, 离退休干部党支部, never bound: her paper is entered by hand
const CAMPAIGN_TITLE = '学习贯彻专项行动（全流程）';
const PLAN_TEXT = '一、成立工作专班\n二、每月一次主题党日\n三、年底前完成全员考试';
const FINAL_TEXT = '工委所属两个支部开展了考试、打卡和主题党日，办结实事一项。';
const CLOSE_OUT = '路灯已修好，晚上照明正常';
const HOUR = 3_600_000;

let env: BrowserEnv;
let s: JourneySetup;
let admin: { context: BrowserContext; page: Page };
let campaignId = '';
let finalDue = '';
beforeAll(async () => {
  env = await startBrowserEnv();
  s = await setUpJourney(env.t);
}, 300_000);
afterAll(async () => {
  env?.t.cloud.clock.reset();
  await env?.close();
});

const at = (path: string) => `${env.t.cloud.url}/#${path}`;
const text = (page: Page, selector: string) => shown(page, selector).innerText();
const detailPath = () => `/subpackages/campaign-admin/detail?id=${campaignId}`;

async function signInAs(openid: string, waitFor: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  await page.locator('#login-openid input, input#login-openid').first().fill(openid);
  await page.locator('#login-openid-submit').click();
  await page.getByText(waitFor).first().waitFor();
  return { context, page };
}

/** A small square PNG of one colour (RGBA scanlines, each row led by filter byte 0). */
function squarePng(size: number, rgba: [number, number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 4, Buffer.from(rgba))]);
  return encodePng(size, size, 6, Buffer.concat(Array.from({ length: size }, () => row)));
}

function stored<T>(collection: string, id: string): T {
  const doc = env.t.cloud.db.find(collection).find((d) => d._id === id);
  if (!doc) throw new Error(`${collection}/${id} was not written`);
  return doc as unknown as T;
}

describe('专项行动 from launch to the 四落实 workbook, over a 3-level subtree (issue 18)', () => {
  it('the org admin launches a campaign with its stages over the subtree, the exam, the challenge, the event and the task list attached', async () => {
    admin = await signInAs(ADMIN, '张伟');
    const page = admin.page;
    await page.goto(at('/subpackages/org-admin/index'));
    await shown(page, '#admin-campaigns').click();
    await shown(page, '#campaign-new').click();
    await fill(page, 'campaign-title', CAMPAIGN_TITLE);
    await shown(page, '#campaign-unit-org-demo').click();
    await expect(shown(page, '#campaign-unit-org-demo').getAttribute('aria-checked')).resolves.toBe('true');
    const value = (selector: string) => shown(page, `${selector} input`).inputValue();
    await expect(Promise.all(['s1', 's2', 's3'].map((k) => value(`#campaign-stage-${k}-name`)))).resolves.toEqual(['启动部署', '组织实施', '评估检验']);
    await expect(Promise.all(['plan', 'final'].map((k) => value(`#campaign-ask-${k}-title`)))).resolves.toEqual(['活动方案', '专题报告']);
    for (const [kind, id] of [
      ['exams', s.examId],
      ['challenges', s.challengeId],
      ['events', s.eventId],
      ['taskLists', s.listId],
    ]) {
      await shown(page, `#campaign-attach-${kind}-${id}`).click();
      await expect(shown(page, `#campaign-attach-${kind}-${id}`).getAttribute('aria-checked')).resolves.toBe('true');
    }
    await shown(page, '#campaign-save').click();

    // THEN the detail page: the campaign of the organisation, its stages, each activity's figure
    await shown(page, '#campaign-head').waitFor();
    await expect(text(page, '#campaign-head-title')).resolves.toBe(CAMPAIGN_TITLE);
    campaignId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    expect(campaignId).not.toBe('');
    const doc = stored<{ unitId: string; stages: Array<{ name: string; endDay: string }>; asks: Array<{ key: string; dueDay: string }>; attached: Record<string, string[]> }>('campaigns', campaignId);
    expect(doc.unitId).toBe('org-demo');
    expect(doc.stages.map((st) => st.name)).toEqual(['启动部署', '组织实施', '评估检验']);
    expect(doc.attached).toMatchObject({ exams: [s.examId], challenges: [s.challengeId], events: [s.eventId], taskLists: [s.listId] });
    finalDue = doc.asks.find((a) => a.key === 'final')?.dueDay ?? '';
    expect(finalDue).toBe(doc.stages[2].endDay);
    await expect(text(page, '#campaign-stage-list')).resolves.toMatch(/启动部署[\s\S]*当前阶段[\s\S]*组织实施[\s\S]*评估检验/);
    // The exam reaches the committee's 20 members; 马俊, 朱敏 and 宋德明 handed in.
    await expect(text(page, `#campaign-activity-${s.examId}`)).resolves.toContain('已交卷 3 / 20（15%）');
    await expect(text(page, `#campaign-activity-${s.challengeId}`)).resolves.toContain('打卡人次 2');
    await expect(text(page, `#campaign-activity-${s.eventId}`)).resolves.toContain('到场人数 2 / 3（67%）');
    await expect(text(page, `#campaign-activity-${s.listId}`)).resolves.toContain('已完成事项 0 / 2（0%）');
    // Four units owe each report: the committee, its two branches and 机关第一党支部.
    await expect(text(page, '#campaign-total-plan')).resolves.toContain('0/4');
  });

  it('a paper result entered on the exam’s page (opened from the campaign) is counted there and on the campaign', async () => {
    const page = admin.page;
    await shown(page, `#campaign-activity-${s.examId}`).click();
    await shown(page, '#stats-head').waitFor();
    await shown(page, '#stats-unit-br-retired').click();
    const cell = (metric: string) => text(page, `#stats-cell-br-retired-${metric}`);
    await expect(cell('submitted')).resolves.toBe('1'); // 宋德明
    await expect(text(page, `#roster-${FENG}`)).resolves.toMatch(/冯玉兰[\s\S]*未参加[\s\S]*未绑定/);
    await shown(page, `#roster-paper-${FENG}`).click();
    await shown(page, '#paper-dialog').waitFor();
    await fill(page, 'paper-dialog-score', '8');
    await shown(page, '#paper-dialog-confirm').click();
    await eventually(async () => {
      await expect(text(page, `#roster-${FENG}`)).resolves.toMatch(/冯玉兰[\s\S]*及格[\s\S]*手工录入[\s\S]*8 分/);
      await expect(cell('submitted')).resolves.toBe('2');
      await expect(cell('handRecorded')).resolves.toBe('1');
      await expect(cell('passed')).resolves.toBe('2');
    });

    // Back on the campaign: 已交卷 4 of 20.
    await page.goto(at(detailPath()));
    await eventually(async () => expect(text(page, `#campaign-activity-${s.examId}`)).resolves.toContain('已交卷 4 / 20（20%）'));
  });

  it('a task item closed with a photo marked public shows on the public page with no member’s name or phone', async () => {
    const page = admin.page;
    await page.goto(at(`/subpackages/campaign-admin/item?listId=${s.listId}&itemId=${s.itemIds.closed}`));
    await shown(page, '#item-close-open').click();
    await fill(page, 'item-close-text', CLOSE_OUT);
    await page.locator('#item-close-photos-input').setInputFiles({ name: '路灯.png', mimeType: 'image/png', buffer: squarePng(16, [0xc8, 0x16, 0x1d, 0xff]) });
    await shown(page, '#item-close-photos-0, #item-close-photos-error').waitFor();
    await expect(page.locator('#item-close-photos-error:visible').count()).resolves.toBe(0);
    await shown(page, '#item-close-submit').click();
    await answerModal(page, /办结后算作已完成/, 'confirm');
    await eventually(async () => expect(text(page, '#item-status')).resolves.toBe('已完成'));
    const item = stored<{ status: string; notes: Array<{ noteId: string; kind: string; photos: Array<{ public: boolean }> }> }>('taskItems', s.itemIds.closed);
    const closeOut = item.notes.find((n) => n.kind === 'closeOut');
    expect(closeOut?.photos).toHaveLength(1);
    await shown(page, `#item-note-${closeOut?.noteId}-photo-0-public`).click();
    await eventually(async () => expect(text(page, `#item-note-${closeOut?.noteId}-photo-0-public`)).resolves.toContain('已公开'));
    expect(stored<typeof item>('taskItems', s.itemIds.closed).notes.find((n) => n.kind === 'closeOut')?.photos[0].public).toBe(true);

    // The campaign counts it: 1 of 2 items done.
    await page.goto(at(detailPath()));
    await eventually(async () => expect(text(page, `#campaign-activity-${s.listId}`)).resolves.toContain('已完成事项 1 / 2（50%）'));

    // A visitor who never bound opens the public page: both items, the one done with its photo, no names.
    const visitor = await env.open();
    const v = visitor.page;
    await v.locator('#login-openid input, input#login-openid').first().fill('visitor-never-bound');
    await v.locator('#login-openid-submit').click();
    await v.waitForURL(/pages\/home/);
    await v.goto(at(`/subpackages/campaign/tasks?listId=${s.listId}`));
    await shown(v, '#public-title').waitFor();
    await expect(text(v, '#public-title')).resolves.toBe(s.titles.list);
    await expect(text(v, '#public-unit')).resolves.toContain('实验中学党支部');
    await expect(text(v, '#public-totals')).resolves.toContain('已完成 1/2');
    const body = await v.locator('body').innerText();
    expect(body).toContain(s.titles.closedItem);
    expect(body).toContain(s.titles.openItem);
    await expect(v.locator('[id^="public-item-"][id*="-photo-"]:visible').count()).resolves.toBe(1);
    for (const m of DEMO_MEMBERS) {
      expect(body).not.toContain(m.name);
      if (m.phone) expect(body).not.toContain(m.phone);
    }
    expect(body).not.toContain(CLOSE_OUT);
    expect(body).not.toMatch(/1[3-9]\d{9}/);
    await visitor.context.close();
  });

  it('实验中学 sends its 活动方案 on time from its own view of the campaign', async () => {
    const branch = await signInAs(BRANCH_ORGANISER, '李强');
    const page = branch.page;
    await page.goto(at('/subpackages/campaign-admin/index'));
    await shown(page, `#campaign-${campaignId}`).click();
    await expect(text(page, '#campaign-head')).resolves.toContain('当前查看：实验中学党支部');
    await shown(page, '#campaign-own-plan-open').click();
    await shown(page, '#report-text').waitFor();
    await expect(text(page, '#report-state')).resolves.toBe('待报送');
    await fill(page, 'report-text', PLAN_TEXT);
    await shown(page, '#report-submit').click();
    await answerModal(page, /报送给上级后不能再修改/, 'confirm');
    await eventually(async () => expect(text(page, '#report-state')).resolves.toBe('已报送'));
    await expect(page.locator('#report-head .tag--red:visible').count()).resolves.toBe(0); // no 晚交
    expect(stored<{ state: string; lateMinutes: number | null }>('campaignReports', `${campaignId}:plan:br-school`)).toMatchObject({ state: 'submitted', lateMinutes: null });
    await branch.context.close();
  });

  it('past the 专题报告’s due day the committee sends it late; the admin sees 晚交 at the top and the committee first on 报送情况', async () => {
    // Two days after the final report's due day, 10:00 Beijing, on the server and in both browsers.
    const later = beijingDayStart(addDays(finalDue, 2)) + 10 * HOUR;
    env.t.cloud.clock.set(later);
    expect(beijingDayKey(env.t.cloud.clock.now())).toBe(addDays(finalDue, 2));

    const county = await signInAs(COUNTY_ORGANISER.openid, COUNTY_ORGANISER.name);
    await county.context.clock.setSystemTime(later);
    const page = county.page;
    await page.goto(at('/subpackages/campaign-admin/index'));
    await shown(page, `#campaign-${campaignId}`).click();
    // Her view is the committee's: its own 专题报告 is owed upward, past due.
    await expect(text(page, '#campaign-head')).resolves.toContain(`当前查看：${COUNTY_NAME}`);
    await expect(text(page, '#campaign-own-final')).resolves.toContain('未报送');
    await shown(page, '#campaign-own-final-open').click();
    await shown(page, '#report-text').waitFor();
    await expect(text(page, '#report-state')).resolves.toBe('未报送');
    await fill(page, 'report-text', FINAL_TEXT);
    await shown(page, '#report-submit').click();
    await answerModal(page, /已过截止日期，报送后会标为晚交/, 'confirm');
    await eventually(async () => expect(text(page, '#report-state')).resolves.toBe('已报送'));
    const report = stored<{ state: string; lateMinutes: number }>('campaignReports', `${campaignId}:final:${s.countyId}`);
    expect(report).toMatchObject({ state: 'submitted' });
    expect(report.lateMinutes).toBeGreaterThan(24 * 60); // 34 hours after the due day's end, and the seconds since
    const late = lateText(report.lateMinutes);
    expect(late).toMatch(/^晚交 \d+ 天$/);
    await expect(text(page, '#report-head')).resolves.toContain(late);
    await county.context.close();

    // 张伟's campaign: 晚交 at the top, on the 专题报告's line (all four units: one late, three missing).
    const a = admin.page;
    await admin.context.clock.setSystemTime(env.t.cloud.clock.now());
    await a.goto(at(detailPath()));
    await a.reload();
    await eventually(async () => expect(text(a, '#campaign-total-final-line')).resolves.toBe('需要处理：晚交 1 · 未交 3 · 退回 0'));
    await expect(text(a, '#campaign-total-plan-line')).resolves.toBe('需要处理：晚交 0 · 未交 3 · 退回 0');
    // The totals come before the stages, activities and actions: what needs him is at the top.
    const order = await a.evaluate(() =>
      ['#campaign-head', '#campaign-totals', '#campaign-stage-list', '#campaign-activities'].map((sel) => {
        const all = Array.from(document.querySelectorAll<HTMLElement>(sel)).filter((e) => e.offsetParent !== null);
        return all[0]?.getBoundingClientRect().top ?? -1;
      }),
    );
    expect(order.every((y) => y >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);

    // 报送情况 of the 专题报告: the committee first, 晚交 N 天; the others 未报送.
    await shown(a, '#campaign-total-final-reports').click();
    await shown(a, `#status-${s.countyId}`).waitFor();
    const rows = await a.locator('.cmp-status:visible').evaluateAll((els) => els.map((e) => e.id));
    // Late first; then the missing, shallower first (机关第一党支部 beside the committee, then its branches).
    expect(rows.slice(0, 2)).toEqual([`status-${s.countyId}`, 'status-br-office']);
    expect(rows.slice(2).sort()).toEqual(['status-br-retired', 'status-br-school']);
    const first = await text(a, `#status-${s.countyId}`);
    expect(first).toContain(COUNTY_NAME);
    expect(first).toContain('已报送');
    expect(first).toContain(late);
    for (const unit of ['br-office', 'br-school', 'br-retired']) await expect(text(a, `#status-${unit}-state`)).resolves.toBe('未报送');
  });

  it('the evaluation workbook downloaded from the detail page counts what the journey did, cell by cell', async () => {
    const page = admin.page;
    await page.goto(at(detailPath()));
    await shown(page, '#campaign-export').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '#campaign-export').click()]);
    expect(download.suggestedFilename()).toBe(`${CAMPAIGN_TITLE}四落实评估.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());

    // 汇总: the organisation first, then its units in tree order, the committee above its two branches.
    const { rows, order } = summaryRows(wb);
    expect(order).toEqual(['示例市直机关党委', '机关第一党支部', COUNTY_NAME, '实验中学党支部', '离退休干部党支部']);

    // Each unit's figures cover its subtree. Reports: the plan (due in the first stage) and the 专题报告.
    // Exam: 马俊 and 宋德明 pass, 朱敏 fails, 冯玉兰's paper passes — 4 handed in of the committee's 20.
    // Event: 胡雪 and 谢国华 attended. Check-ins: 马俊, 王秀英. Items: 2 in 实验中学, 1 done, 1 overdue.
    const county = { 上级单位: '示例市直机关党委', 应参加: 20, 已绑定: 12, 参加人数: 4, 应报送: 6, 按时报送: 1, 晚交: 1, 未交: 4, 考试: 1, 活动: 1, 学习打卡: 2, 竞赛: 0, 实事: 2, 实事完成: 1, 实事总数: 2, 逾期: 1 };
    // 参加人数 4 is the exam's four papers, 冯玉兰's entered by hand among them.
    expect(rows.get(COUNTY_NAME)).toMatchObject(county);
    expect(rows.get('示例市直机关党委')).toMatchObject({ ...county, 上级单位: null, 应参加: 30, 已绑定: 18, 应报送: 8, 未交: 6 });
    expect(rows.get('实验中学党支部')).toMatchObject({
      上级单位: COUNTY_NAME,
      应参加: 10,
      参加人数: 2,
      领导班子参加: 1, // 马俊; 李强 took no part
      领导班子人数: 2,
      应报送: 2,
      按时报送: 1,
      晚交: 0,
      未交: 1,
      考试: 1,
      活动: 1,
      学习打卡: 1,
      实事完成: 1,
      实事总数: 2,
      逾期: 1,
    });
    expect(rows.get('离退休干部党支部')).toMatchObject({ 上级单位: COUNTY_NAME, 应参加: 10, 参加人数: 2, 领导班子参加: 1, 应报送: 2, 按时报送: 0, 未交: 2, 考试: 1, 学习打卡: 1, 实事总数: 0 });
    expect(rows.get('机关第一党支部')).toMatchObject({ 上级单位: '示例市直机关党委', 应参加: 10, 参加人数: 0, 领导班子参加: 0, 应报送: 2, 按时报送: 0, 未交: 2, 考试: 0, 活动: 0, 参与率: '—', 考试及格率: '—' });
    // Rates are numbers (formatted as percentages): on time, participation, pass rate.
    const rate = (unit: string, col: string) => (rows.get(unit)?.[col] as number | undefined) ?? NaN;
    expect(rate(COUNTY_NAME, '按时率')).toBeCloseTo(1 / 6, 6);
    expect(rate(COUNTY_NAME, '参与率')).toBeCloseTo((4 + 2) / (20 + 20), 6); // (handed in + attended) ÷ (asked by the exam + the event)
    expect(rate(COUNTY_NAME, '考试及格率')).toBeCloseTo(3 / 4, 6);
    expect(rate('实验中学党支部', '考试及格率')).toBeCloseTo(1 / 2, 6);
    expect(rate('离退休干部党支部', '考试及格率')).toBeCloseTo(1, 6);
    expect(rate('实验中学党支部', '覆盖率')).toBeCloseTo(2 / 10, 6);

    // The committee's sheet: its reports in words, its blocks with their figures.
    const report = stored<{ lateMinutes: number }>('campaignReports', `${campaignId}:final:${s.countyId}`);
    const cs = sheetLines(wb, COUNTY_NAME);
    for (const h of ['一、人员', '二、时间', '三、内容', '四、效果', '评价']) expect(cs.map((l) => l[0])).toContain(h);
    expect(besideLabel(cs, '专项行动')).toEqual([CAMPAIGN_TITLE]);
    expect(besideLabel(cs, '应报送', '二、时间')).toEqual([6]);
    expect(besideLabel(cs, '晚交', '二、时间')).toEqual([1]);
    // The workbook words lateness with reportWords (days rounded up), the pages with lateText
    // (rounded down): the same report reads 晚交 2 天 here and 晚交 1 天 on 报送情况 (reported).
    expect(besideLabel(cs, '专题报告')).toEqual([finalDue, reportWords({ state: 'submitted', lateMinutes: report.lateMinutes })]);
    expect(besideLabel(cs, '活动方案')?.[1]).toBe('未交');
    expect(besideLabel(cs, s.titles.exam)).toEqual([20, 4, 3]); // asked, handed in, passed
    expect(besideLabel(cs, s.titles.event)).toEqual([3, 2]); // signed up, attended
    expect(besideLabel(cs, '实事完成', '四、效果')).toEqual([1]);
    expect(besideLabel(cs, '逾期', '四、效果')).toEqual([1]);

    // 实验中学's sheet: its leaders by name, its plan on time, its exam and event lines.
    const school = sheetLines(wb, '实验中学党支部');
    expect(besideLabel(school, '马俊')).toEqual(['参加']);
    expect(besideLabel(school, '李强')).toEqual(['未参加']);
    expect(besideLabel(school, '活动方案')).toEqual([doc().asks.find((a) => a.key === 'plan')?.dueDay, '按时报送']);
    expect(besideLabel(school, '专题报告')?.[1]).toBe('未交');
    expect(besideLabel(school, s.titles.exam)).toEqual([10, 2, 1]);
    expect(besideLabel(school, s.titles.event)).toEqual([2, 1]);
    // 离退休干部: 宋德明 took the exam online; the paper result is 冯玉兰's, not a leader's.
    const retired = sheetLines(wb, '离退休干部党支部');
    expect(besideLabel(retired, '宋德明')).toEqual(['参加']);
    expect(besideLabel(retired, '王秀英')).toEqual(['未参加']);
    expect(besideLabel(retired, s.titles.exam)).toEqual([10, 2, 2]);
    expect(wb.worksheets.map((w) => w.name).slice(-1)).toEqual(['说明']);
  });
});

function doc(): { asks: Array<{ key: string; dueDay: string }> } {
  return stored('campaigns', campaignId);
}
