// Demo 专项行动 for `npm start`, written through the real `campaign` function: the org admin's
// campaign over the whole demo organisation in three stages around today (启动部署 ended, 组织实施
// under way, 评估检验 next), asking every branch for a 活动方案 (due in 3 days) and a closing
// 专题报告, with the demo's open exam, its 党课 and a task list attached. 实验中学党支部 has sent its
// plan on time, 离退休干部党支部 keeps a draft, 机关第一党支部 has nothing yet. The school's public
// 为民办实事清单 has three items: one 马俊 finished (a progress note, then the close-out), one he is
// working on, one 朱敏 has not started — so 马俊 finds his under 我的 → 我负责的实事. Once (a
// marker); after the exams and the content (it attaches their exam and event).

import type { LocalCloud } from '../../localcloud';
import { COLLECTIONS } from '../../functions/lib/collections';
import { getById, insert, type Database } from '../../functions/lib/db';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { DEMO_ORG } from './demo-data';

const MARKER = 'demo-campaign-v1';
export const DEMO_CAMPAIGN_TITLE = '“学查改”专项行动';
export const DEMO_TASK_LIST_TITLE = '实验中学党支部为民办实事清单';

const ADMIN = 'demo-admin'; // 张伟, org admin
const SCHOOL = 'demo-organiser'; // 李强, organiser of 实验中学党支部
const RETIRED = 'demo-m-22'; // 宋德明, organiser of 离退休干部党支部
const MA_JUN = { openid: 'demo-m-12', memberId: 'demo-member-12' }; // 马俊, a member of the school
const ZHU_MIN = 'demo-member-13'; // 朱敏, a member of the school

/** The id of the one document of `collection` with this title (the demo's own exam or event). */
function idByTitle(cloud: LocalCloud, collection: string, title: string): string[] {
  return cloud.db.find(collection, { title }).map((d) => String(d._id));
}

export async function seedDemoCampaign(cloud: LocalCloud, db: Database): Promise<{ seeded: boolean }> {
  if (await getById(db, COLLECTIONS.meta, MARKER)) return { seeded: false };
  const call = async <T>(openid: string, action: string, payload: unknown = {}): Promise<T> => {
    const { result } = await cloud.invoke('campaign', { action, payload }, { openid });
    const r = result as { ok: boolean; data: T; message?: string };
    if (!r.ok) throw new Error(`demo campaign: ${action} failed: ${r.message}`);
    return r.data;
  };
  const today = beijingDayKey(Date.now());

  // The school's public task list and its three items.
  const { listId } = await call<{ listId: string }>(SCHOOL, 'createTaskList', { unitId: 'br-school', kind: 'service', title: DEMO_TASK_LIST_TITLE, public: true });
  const item = async (title: string, detail: string, ownerMemberId: string, days: number) =>
    (await call<{ itemId: string }>(SCHOOL, 'addTaskItem', { listId, title, detail, ownerMemberId, deadlineDay: addDays(today, days) })).itemId;
  const lamp = await item('修好校门口的路灯', '校门口东侧两盏路灯不亮，放学时看不清路', MA_JUN.memberId, 5);
  await call(MA_JUN.openid, 'addTaskNote', { itemId: lamp, text: '已联系街道办，灯杆本周更换' });
  await call(MA_JUN.openid, 'closeTaskItem', { itemId: lamp, text: '路灯已修好，晚上照明正常' });
  const room = await item('修缮社区老年活动室', '更换活动室的破损桌椅和照明，方便老人白天活动', MA_JUN.memberId, 20);
  await call(MA_JUN.openid, 'addTaskNote', { itemId: room, text: '已和社区商定修缮清单，下周进场' });
  await item('开设周末公益课堂', '为社区孩子开设周末作业辅导和阅读课', ZHU_MIN, 30);

  // The campaign: 启动部署 ended last week, 组织实施 under way, 评估检验 next.
  const { campaignId } = await call<{ campaignId: string }>(ADMIN, 'createCampaign', {
    unitId: DEMO_ORG.id,
    title: DEMO_CAMPAIGN_TITLE,
    description: '围绕学习教育、查摆问题、整改落实，各支部制定活动方案，按阶段推进，行动结束时报送专题报告。',
    stages: [
      { key: 's1', name: '启动部署', startDay: addDays(today, -20), endDay: addDays(today, -8) },
      { key: 's2', name: '组织实施', startDay: addDays(today, -7), endDay: addDays(today, 20) },
      { key: 's3', name: '评估检验', startDay: addDays(today, 21), endDay: addDays(today, 35) },
    ],
    asks: [
      { key: 'plan', kind: 'plan', title: '活动方案', dueDay: addDays(today, 3), audience: 'all' },
      { key: 'final', kind: 'final', title: '专题报告', dueDay: addDays(today, 35), audience: 'all' },
    ],
    attached: {
      exams: idByTitle(cloud, COLLECTIONS.exams, '党史知识闭卷测试'),
      challenges: [],
      events: idByTitle(cloud, COLLECTIONS.events, '专题党课：学习党的光辉历程'),
      contests: [],
      taskLists: [listId],
    },
  });

  // One branch's plan sent on time, another's kept as a draft.
  await call(SCHOOL, 'saveReport', {
    campaignId,
    askKey: 'plan',
    unitId: 'br-school',
    text: '一、学习教育：每周一次集中学习，党员每天在小程序打卡。\n二、查摆问题：支部委员会逐一谈心谈话，列出问题清单。\n三、整改落实：围绕校园周边办好三件实事，按月通报进度。',
    submit: true,
  });
  await call(RETIRED, 'saveReport', { campaignId, askKey: 'plan', unitId: 'br-retired', text: '一、学习教育：每月组织一次集中学习，行动不便的老党员送学上门。\n（草稿，待支委会讨论）', submit: false });

  await insert(db, COLLECTIONS.meta, { _id: MARKER, at: new Date() });
  return { seeded: true };
}
