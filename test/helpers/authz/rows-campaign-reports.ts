// The campaign context's reports actions (core/contracts/campaign.ts): who may run each on A's
// objects. A campaign of A (set up by A's organiser) asks the units below A for a plan; the target
// is the report of the unit inside A. Its organisers are A's own, the committee's above and the
// org admin: they read the status and the report, save it, review it (A is its parent) and remind;
// B's organiser sees nothing of it, a plain member nothing at all. Rows that change a report get a
// fresh campaign for each permitted caller. Any organiser may ask for a document upload ticket.
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { A, type Fixture } from './fixture';
import { CALLERS, type Table } from './types';

async function newCampaign(fx: Fixture): Promise<string> {
  const day = beijingDayKey(fx.t.cloud.clock.now());
  const { campaignId } = await fx.ok<{ campaignId: string }>(CALLERS.organiser, 'campaign', 'createCampaign', {
    unitId: A,
    title: fx.unique('矩阵报告行动'),
    description: '',
    stages: [{ key: 's1', name: '启动部署', startDay: day, endDay: addDays(day, 20) }],
    asks: [{ key: 'plan', kind: 'plan', title: '活动方案', dueDay: addDays(day, 5) }],
  });
  return campaignId;
}

/** One campaign of A per fixture, for the rows that only read it (or remind: no unit below A has an organiser). */
const shared = new WeakMap<Fixture, Promise<string>>();
const sharedCampaign = (fx: Fixture) => {
  let id = shared.get(fx);
  if (!id) {
    id = newCampaign(fx);
    shared.set(fx, id);
  }
  return id;
};

const plan = (campaignId: string, fx: Fixture) => ({ campaignId, askKey: 'plan', unitId: fx.subUnitId });

/** A fresh campaign whose sub-unit's plan A's organiser has submitted: its id. */
async function submittedReport(fx: Fixture): Promise<string> {
  const campaignId = await newCampaign(fx);
  const { reportId } = await fx.ok<{ reportId: string }>(CALLERS.organiser, 'campaign', 'saveReport', { ...plan(campaignId, fx), text: '矩阵方案', submit: true });
  return reportId;
}

export const campaignReportsRows: Table = {
  reportStatus: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await sharedCampaign(fx), askKey: 'plan', unitId: A }) },
  getReport: { who: 'organiser-of-target', payload: async (fx) => plan(await sharedCampaign(fx), fx) },
  saveReport: { who: 'organiser-of-target', payload: async (fx) => ({ ...plan(await newCampaign(fx), fx), text: '矩阵草稿', submit: false }) },
  // The sub-unit's parent is A: its organisers and those above review; the unit's own would be refused.
  reviewReport: { who: 'organiser-of-target', payload: async (fx) => ({ reportId: await submittedReport(fx), decision: 'accept' }) },
  remindReports: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await sharedCampaign(fx), askKey: 'plan', unitId: A }) },
  uploadTicket: { who: 'any-organiser', ownOrg: true, payload: () => ({ purpose: 'document', name: '工作方案.pdf' }) },
};
