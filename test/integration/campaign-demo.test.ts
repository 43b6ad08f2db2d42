// The demo 专项行动 `npm start` seeds (scripts/lib/demo-campaign.ts), through the actions, on top of
// the demo organisation, exams and content: the org admin's campaign answers listCampaigns with its
// current stage; 实验中学党支部's plan is in on time, 离退休干部党支部's a draft, 机关第一党支部 owes it;
// the exam, the 党课 and the school's public list are attached; the list shows three items, one
// done; 马俊 finds his two under 我负责的实事. Seeding again writes nothing.
import type { CampaignResponses, ReportStatusView } from '../../core/contracts/campaign';
import { DEMO_CAMPAIGN_TITLE, DEMO_TASK_LIST_TITLE, seedDemoCampaign } from '../../scripts/lib/demo-campaign';
import { seedDemoContent } from '../../scripts/lib/demo-content';
import { seedDemoExams } from '../../scripts/lib/demo-exams';
import { seedDemo } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(180_000);

let t: TestCloud;
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, 'campaign', action, payload));

beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  await seedDemo(t.db, new Date(Date.now() - 30 * 86_400_000));
  await seedDemoExams(t.cloud, t.db);
  await seedDemoContent(t.cloud, t.db);
  t.cloud.clock.reset();
  expect(await seedDemoCampaign(t.cloud, t.db)).toEqual({ seeded: true });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('the demo campaign', () => {
  let campaignId = '';

  it('the demo admin’s listCampaigns answers it, in its 组织实施 stage', async () => {
    const { items } = await ok<CampaignResponses['listCampaigns']>('demo-admin', 'listCampaigns');
    const c = items.find((i) => i.title === DEMO_CAMPAIGN_TITLE);
    expect(c).toMatchObject({ unitName: '示例市直机关党委', status: 'open', currentStage: '组织实施', own: true });
    campaignId = c?.campaignId ?? '';
    // A branch organiser sees it from above.
    const school = await ok<CampaignResponses['listCampaigns']>('demo-organiser', 'listCampaigns');
    expect(school.items.map((i) => i.campaignId)).toContain(campaignId);
  });

  it('attaches the open exam, the 党课 and the school’s list, and asks for a plan and a 专题报告', async () => {
    const v = await ok<CampaignResponses['getCampaign']>('demo-admin', 'getCampaign', { campaignId });
    expect(v.stages.map((s) => s.name)).toEqual(['启动部署', '组织实施', '评估检验']);
    expect(v.asks.map((a) => a.title)).toEqual(['活动方案', '专题报告']);
    expect(v.activities.map((a) => [a.kind, a.title])).toEqual(
      expect.arrayContaining([
        ['exam', '党史知识闭卷测试'],
        ['event', '专题党课：学习党的光辉历程'],
        ['taskList', DEMO_TASK_LIST_TITLE],
      ]),
    );
  });

  it('the plan: in on time from the school, a draft at the retired cadres’, owed by the office', async () => {
    const s = await ok<ReportStatusView>('demo-admin', 'reportStatus', { campaignId, askKey: 'plan' });
    const state = Object.fromEntries(s.rows.map((r) => [r.unitId, [r.state, r.lateMinutes]]));
    expect(state).toEqual({ 'br-school': ['submitted', null], 'br-retired': ['draft', null], 'br-office': ['pending', null] });
  });

  it('the public list has three items, one done; 马俊 finds his two under 我负责的实事', async () => {
    const v = await ok<CampaignResponses['getCampaign']>('demo-organiser', 'getCampaign', { campaignId });
    const list = v.activities.find((a) => a.kind === 'taskList');
    const pub = await ok<CampaignResponses['publicTaskList']>('visitor-demo', 'publicTaskList', { listId: list?.id });
    expect(pub.totals).toEqual({ total: 3, done: 1 });
    const mine = await ok<CampaignResponses['myTaskItems']>('demo-m-12', 'myTaskItems');
    expect(mine.items.map((i) => [i.title, i.status])).toEqual([
      ['修缮社区老年活动室', 'doing'],
      ['修好校门口的路灯', 'done'],
    ]);
  });

  it('seeding again writes nothing', async () => {
    expect(await seedDemoCampaign(t.cloud, t.db)).toEqual({ seeded: false });
    expect(t.cloud.db.find('campaigns').length).toBe(1);
  });
});
