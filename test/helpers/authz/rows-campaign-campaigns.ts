// The campaign context's campaigns actions (core/contracts/campaign*.ts): who may run each on A's
// objects. A campaign on A is set up, changed and closed by the organisers of A and above (A's
// own, the committee's above it) and the org admin; it is seen by the organisers of the units it
// reaches (A's subtree) and above. Each state-changing row gets a fresh campaign of A's organiser.
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { A, type Fixture } from './fixture';
import { CALLERS, type Table } from './types';

function planOf(fx: Fixture, title: string) {
  const day = beijingDayKey(fx.t.cloud.clock.now());
  return {
    title,
    description: '',
    stages: [
      { key: 's1', name: '启动部署', startDay: day, endDay: addDays(day, 10) },
      { key: 's2', name: '组织实施', startDay: addDays(day, 10), endDay: addDays(day, 40) },
    ],
    asks: [{ key: 'plan', kind: 'plan', title: '活动方案', dueDay: addDays(day, 5) }],
    attached: { exams: [fx.examId], challenges: [fx.challengeId], events: [fx.eventId], contests: [], taskLists: [] },
  };
}

async function newCampaign(fx: Fixture): Promise<string> {
  const { campaignId } = await fx.ok<{ campaignId: string }>(CALLERS.organiser, 'campaign', 'createCampaign', { unitId: A, ...planOf(fx, fx.unique('矩阵专项行动')) });
  return campaignId;
}

/** One campaign of A per fixture, for the rows that only read it. */
const shared = new WeakMap<Fixture, Promise<string>>();
const sharedCampaign = (fx: Fixture) => {
  let id = shared.get(fx);
  if (!id) {
    id = newCampaign(fx);
    shared.set(fx, id);
  }
  return id;
};

export const campaignCampaignsRows: Table = {
  // For A's unit: its organisers and those above; B's organiser is refused (outside their subtree).
  createCampaign: { who: 'organiser-of-target', payload: (fx) => ({ unitId: A, ...planOf(fx, fx.unique('矩阵新建行动')) }) },
  updateCampaign: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await newCampaign(fx), version: 0, ...planOf(fx, fx.unique('矩阵修改行动')) }) },
  closeCampaign: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await newCampaign(fx), acceptLate: true }) },
  listCampaigns: { who: 'any-organiser', ownOrg: true },
  getCampaign: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await sharedCampaign(fx) }) },
};
