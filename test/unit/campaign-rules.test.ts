// A campaign's plan (core/domain/campaign/campaign.ts): stages on real days, in order and unique;
// asks unique, a stage report naming an existing stage, due within the campaign (+90 days); the
// stage of a day and the next due day.

import { checkPlan, currentStage, nextDueDay, PlanError, uniqueIds, type PlanInput } from '../../core/domain/campaign/campaign';

const stages = [
  { key: 's1', name: '启动部署', startDay: '2026-03-01', endDay: '2026-03-15' },
  { key: 's2', name: '组织实施', startDay: '2026-03-15', endDay: '2026-05-31' },
  { key: 's3', name: '评估检验', startDay: '2026-06-01', endDay: '2026-06-30' },
];
const asks: PlanInput['asks'] = [
  { key: 'plan', kind: 'plan', title: '活动方案', stageKey: null, dueDay: '2026-03-10', audience: 'all' },
  { key: 'mid', kind: 'stage', title: '阶段报告', stageKey: 's2', dueDay: '2026-05-31', audience: 'children' },
  { key: 'fin', kind: 'final', title: '专题报告', stageKey: 's3', dueDay: '2026-07-15' },
];

const refused = (input: PlanInput) => {
  try {
    checkPlan(input);
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('a campaign plan', () => {
  it('GIVEN stages in order and asks within the dates THEN they are kept, a non-stage ask carries no stage, audience defaults to all', () => {
    const plan = checkPlan({ stages, asks });
    expect(plan.stages).toEqual(stages);
    expect(plan.asks.map((a) => [a.key, a.stageKey, a.audience])).toEqual([
      ['plan', null, 'all'],
      ['mid', 's2', 'children'],
      ['fin', null, 'all'],
    ]);
  });

  it('refuses overlapping or out-of-order stages, naming 阶段 and the stage', () => {
    const overlap = [stages[0], { ...stages[1], startDay: '2026-03-14' }];
    expect(refused({ stages: overlap, asks: [] })).toBe('阶段「组织实施」与上一阶段「启动部署」时间重叠：应在 2026-03-15 或之后开始');
    expect(refused({ stages: [stages[1], stages[0]], asks: [] })).toContain('阶段「启动部署」与上一阶段「组织实施」时间重叠');
    // Starting the day the previous one ends is allowed.
    expect(() => checkPlan({ stages: stages.slice(0, 2), asks: [] })).not.toThrow();
  });

  it('refuses a stage ending before it starts, a repeated key and a day not on the calendar', () => {
    expect(refused({ stages: [{ ...stages[0], endDay: '2026-02-28' }], asks: [] })).toBe('阶段「启动部署」的开始日期不能晚于结束日期');
    expect(refused({ stages: [stages[0], { ...stages[1], key: 's1' }], asks: [] })).toBe('阶段编号「s1」重复');
    expect(refused({ stages: [{ ...stages[0], endDay: '2026-02-30' }], asks: [] })).toBe('阶段「启动部署」的结束日期 2026-02-30 不是有效日期');
    expect(refused({ stages: [{ ...stages[0], startDay: '2026-13-01' }], asks: [] })).toContain('开始日期 2026-13-01 不是有效日期');
    expect(refused({ stages: [], asks: [] })).toBe('请至少设一个阶段');
  });

  it('refuses days outside 2000–2099, where the day after the last would not be a day key (9999-12-31 + 1)', () => {
    expect(refused({ stages: [{ ...stages[0], endDay: '9999-12-31' }], asks: [] })).toBe('阶段「启动部署」的结束日期 9999-12-31 不是有效日期（应在 2000 至 2099 年之间）');
    expect(refused({ stages: [{ ...stages[0], startDay: '1999-12-31' }], asks: [] })).toContain('开始日期 1999-12-31 不是有效日期（应在 2000 至 2099 年之间）');
    const lastCentury = [{ ...stages[0], startDay: '2099-12-01', endDay: '2099-12-31' }];
    expect(() => checkPlan({ stages: lastCentury, asks: [{ ...asks[0], dueDay: '2099-12-31' }] })).not.toThrow();
    expect(refused({ stages: lastCentury, asks: [{ ...asks[0], dueDay: '2100-01-05' }] })).toBe('报告「活动方案」的截止日期 2100-01-05 不是有效日期（应在 2000 至 2099 年之间）');
  });

  it('refuses an ask with a repeated key, an unknown or missing stage, or a due day outside the campaign (+90 days)', () => {
    expect(refused({ stages, asks: [asks[0], { ...asks[1], key: 'plan' }] })).toBe('报告编号「plan」重复');
    expect(refused({ stages, asks: [{ ...asks[1], stageKey: 'zz' }] })).toBe('报告「阶段报告」所属阶段「zz」不存在');
    expect(refused({ stages, asks: [{ ...asks[1], stageKey: null }] })).toBe('报告「阶段报告」请选择所属阶段');
    expect(refused({ stages, asks: [{ ...asks[0], dueDay: '2026-02-28' }] })).toBe('报告「活动方案」的截止日期应在 2026-03-01 至 2026-09-28 之间');
    expect(refused({ stages, asks: [{ ...asks[2], dueDay: '2026-09-29' }] })).toContain('截止日期应在');
    expect(() => checkPlan({ stages, asks: [{ ...asks[2], dueDay: '2026-09-28' }] })).not.toThrow();
    expect(refused({ stages, asks: [{ ...asks[0], dueDay: '2026-04-31' }] })).toBe('报告「活动方案」的截止日期 2026-04-31 不是有效日期');
  });

  it('the stage of a day: none before and after; the next stage on the day one ends and the next starts', () => {
    expect(currentStage(stages, '2026-02-28')).toBeNull();
    expect(currentStage(stages, '2026-03-01')).toBe('s1');
    expect(currentStage(stages, '2026-03-15')).toBe('s2');
    expect(currentStage(stages, '2026-06-30')).toBe('s3');
    expect(currentStage(stages, '2026-07-01')).toBeNull();
  });

  it('the next due day is the nearest not yet passed, today included', () => {
    expect(nextDueDay(asks, '2026-03-01')).toBe('2026-03-10');
    expect(nextDueDay(asks, '2026-03-10')).toBe('2026-03-10');
    expect(nextDueDay(asks, '2026-03-11')).toBe('2026-05-31');
    expect(nextDueDay(asks, '2026-07-16')).toBeNull();
    expect(nextDueDay([], '2026-03-01')).toBeNull();
  });

  it('attached ids keep their first order, each once', () => {
    expect(uniqueIds(['b', 'a', 'b'])).toEqual(['b', 'a']);
  });
});
