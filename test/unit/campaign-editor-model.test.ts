// The campaign editor's form: three default stages and two default asks, stages and asks added and
// removed, asks following their stage's end, the problems found before sending, what is sent.
import { blankCampaignForm, campaignFormProblem, campaignPayload, fieldOfMessage, updateCampaignForm } from '../../src/subpackages/campaign-admin/components/editorModel';

const TODAY = '2026-12-04';

describe('a new campaign', () => {
  it('has 启动部署, 组织实施, 评估检验 one after another, a plan due at the first stage\'s end and a 专题报告 at the last\'s', () => {
    const f = blankCampaignForm(TODAY, 'org-demo');
    expect(f.stages.map((s) => s.name)).toEqual(['启动部署', '组织实施', '评估检验']);
    expect(f.stages[0].startDay).toBe(TODAY);
    for (let i = 1; i < f.stages.length; i += 1) expect(f.stages[i].startDay > f.stages[i - 1].endDay).toBe(true);
    expect(f.asks.map((a) => [a.kind, a.dueDay, a.audience])).toEqual([
      ['plan', f.stages[0].endDay, 'all'],
      ['final', f.stages[2].endDay, 'all'],
    ]);
    expect(campaignFormProblem(f)).toBe('行动名称至少2个字');
    expect(campaignFormProblem({ ...f, title: '学习教育' })).toBeNull();
  });
});

describe('editing stages and asks', () => {
  const base = { ...blankCampaignForm(TODAY, 'org-demo'), title: '学习教育' };

  it('an ask due at a stage\'s end follows it when the end moves', () => {
    const f = updateCampaignForm(base, { type: 'stage', key: 's1', patch: { endDay: '2026-12-20' } });
    expect(f.stages[0].endDay).toBe('2026-12-20');
    expect(f.asks.find((a) => a.kind === 'plan')?.dueDay).toBe('2026-12-20');
    expect(f.asks.find((a) => a.kind === 'final')?.dueDay).toBe(base.asks[1].dueDay);
  });

  it('adds a stage after the last with a fresh key, and a stage report due at its end', () => {
    let f = updateCampaignForm(base, { type: 'addStage' });
    expect(f.stages.map((s) => s.key)).toEqual(['s1', 's2', 's3', 's4']);
    expect(f.stages[3].startDay > f.stages[2].endDay).toBe(true);
    expect(campaignFormProblem(f)).toBe('第4个阶段：阶段名称至少2个字');
    f = updateCampaignForm(f, { type: 'addAsk', kind: 'stage', stageKey: 's2' });
    const stageAsk = f.asks[f.asks.length - 1];
    expect(stageAsk).toMatchObject({ kind: 'stage', stageKey: 's2', title: '组织实施报告', dueDay: f.stages[1].endDay });
    expect(stageAsk.key).toMatch(/^[a-z0-9]{1,12}$/);
    // removing the stage removes its report
    f = updateCampaignForm(f, { type: 'removeStage', key: 's2' });
    expect(f.asks.some((a) => a.stageKey === 's2')).toBe(false);
  });

  it('keeps at least one stage and finds stages out of order', () => {
    let f = updateCampaignForm(base, { type: 'removeStage', key: 's1' });
    f = updateCampaignForm(f, { type: 'removeStage', key: 's2' });
    f = updateCampaignForm(f, { type: 'removeStage', key: 's3' });
    expect(f.stages).toHaveLength(1);
    const back = updateCampaignForm(base, { type: 'stage', key: 's2', patch: { startDay: base.stages[0].startDay } });
    expect(campaignFormProblem(back)).toBe('阶段“组织实施”应在“启动部署”结束后开始');
    const inverted = updateCampaignForm(base, { type: 'stage', key: 's3', patch: { endDay: base.stages[2].startDay.replace(/\d\d$/, '01') } });
    expect(campaignFormProblem(inverted)).toContain('结束日期早于开始日期');
  });

  it('toggles attached activities and sends trimmed fields, a stage key only for a stage report', () => {
    let f = updateCampaignForm(base, { type: 'toggleAttached', kind: 'exams', id: 'e1' });
    f = updateCampaignForm(f, { type: 'toggleAttached', kind: 'events', id: 'v1' });
    f = updateCampaignForm(f, { type: 'toggleAttached', kind: 'exams', id: 'e1' });
    f = updateCampaignForm(f, { type: 'set', patch: { title: '  学习教育  ' } });
    f = updateCampaignForm(f, { type: 'ask', key: 'plan', patch: { stageKey: 's1', audience: 'children' } });
    const p = campaignPayload(f);
    expect(p.title).toBe('学习教育');
    expect(p.attached).toEqual({ exams: [], challenges: [], events: ['v1'], contests: [], taskLists: [] });
    expect(p.asks?.[0]).toMatchObject({ key: 'plan', stageKey: null, audience: 'children' });
  });
});

describe('server messages land next to their field', () => {
  it('reads the field from the message', () => {
    expect(fieldOfMessage('行动名称至少2个字')).toBe('title');
    expect(fieldOfMessage('行动说明最多2000字')).toBe('description');
    expect(fieldOfMessage('阶段名称至少2个字')).toBe('stages');
    expect(fieldOfMessage('报告名称至少2个字')).toBe('asks');
    expect(fieldOfMessage('所选考试不在本单位范围内')).toBe('attached');
    expect(fieldOfMessage('网络不太好，请重试')).toBe('form');
  });
});
