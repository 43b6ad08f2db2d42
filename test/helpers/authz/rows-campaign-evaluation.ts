// The campaign context's evaluation actions (core/contracts/campaign*.ts): who may run each on A's
// objects. A campaign on A (by A's organiser, its first stage ended yesterday) is evaluated, and
// its stages drafted, by the organisers who see it from A or above: A's own, the committee's above
// A and the org admin. A unit inside A is assessed by the organisers of A (its parent) and above.
// Saving an assessment replaces the unit's one document, so every permitted caller may run it on
// the same campaign; a stage draft is one per campaign, stage and organiser.
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { A, type Fixture } from './fixture';
import { CALLERS, type Table } from './types';

async function newCampaign(fx: Fixture): Promise<string> {
  const day = beijingDayKey(fx.t.cloud.clock.now());
  const plan = {
    unitId: A,
    title: fx.unique('矩阵评估行动'),
    stages: [
      { key: 's1', name: '启动部署', startDay: addDays(day, -10), endDay: addDays(day, -1) },
      { key: 's2', name: '组织实施', startDay: day, endDay: addDays(day, 30) },
    ],
    asks: [{ key: 'plan', kind: 'plan', title: '活动方案', dueDay: addDays(day, -5) }],
    attached: { exams: [fx.examId], challenges: [], events: [fx.eventId], contests: [], taskLists: [] },
  };
  return (await fx.ok<{ campaignId: string }>(CALLERS.organiser, 'campaign', 'createCampaign', plan)).campaignId;
}

/** One campaign of A per fixture: no row here changes what another caller meets. */
const shared = new WeakMap<Fixture, Promise<string>>();
const sharedCampaign = (fx: Fixture) => {
  let id = shared.get(fx);
  if (!id) {
    id = newCampaign(fx);
    shared.set(fx, id);
  }
  return id;
};

export const campaignEvaluationRows: Table = {
  draftStageReport: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await sharedCampaign(fx), stageKey: 's1' }) },
  saveAssessment: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await sharedCampaign(fx), unitId: fx.subUnitId, grade: 'good', text: '矩阵评价' }) },
  exportEvaluation: { who: 'organiser-of-target', payload: async (fx) => ({ campaignId: await sharedCampaign(fx) }) },
};
