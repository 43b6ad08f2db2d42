// The campaign editor's form as it holds it: a new campaign starts with three stages (启动部署,
// 组织实施, 评估检验) and two asks (活动方案 due at the end of the first stage, 专题报告 at the end
// of the last); stages and asks are added and removed; an ask due at a stage's end follows that
// end when it moves. Pure (no React, no Taro); unit-tested in test/unit/campaign-editor-model.test.ts.
// Every rule is checked again by the server, whose messages name the field.
import type { CampaignAsk, CampaignAttached, CampaignRequests, CampaignStage, CampaignView, ReportKind } from '@core/contracts';
import { addDays } from '@core/domain/time';
import { REPORT_KIND_LABELS } from '@/utils/campaign-format';

export interface CampaignForm {
  campaignId: string | null;
  version: number | null;
  unitId: string | null;
  title: string;
  description: string;
  stages: CampaignStage[];
  asks: CampaignAsk[];
  attached: CampaignAttached;
}

export type AttachKind = keyof CampaignAttached;

export const EMPTY_ATTACHED: CampaignAttached = { exams: [], challenges: [], events: [], contests: [], taskLists: [] };

/** The three stages of a campaign as the issue names them, over about three months from today. */
export function defaultStages(today: string): CampaignStage[] {
  return [
    { key: 's1', name: '启动部署', startDay: today, endDay: addDays(today, 13) },
    { key: 's2', name: '组织实施', startDay: addDays(today, 14), endDay: addDays(today, 69) },
    { key: 's3', name: '评估检验', startDay: addDays(today, 70), endDay: addDays(today, 89) },
  ];
}

export function blankCampaignForm(today: string, unitId: string | null): CampaignForm {
  const stages = defaultStages(today);
  return {
    campaignId: null,
    version: null,
    unitId,
    title: '',
    description: '',
    stages,
    asks: [
      { key: 'plan', kind: 'plan', title: REPORT_KIND_LABELS.plan, stageKey: null, dueDay: stages[0].endDay, audience: 'all' },
      { key: 'final', kind: 'final', title: REPORT_KIND_LABELS.final, stageKey: null, dueDay: stages[stages.length - 1].endDay, audience: 'all' },
    ],
    attached: { ...EMPTY_ATTACHED },
  };
}

export function campaignFormOf(v: CampaignView): CampaignForm {
  return {
    campaignId: v.campaignId,
    version: v.version,
    unitId: v.unitId,
    title: v.title,
    description: v.description,
    stages: v.stages.map((s) => ({ ...s })),
    asks: v.asks.map((a) => ({ ...a })),
    attached: {
      exams: [...v.attached.exams],
      challenges: [...v.attached.challenges],
      events: [...v.attached.events],
      contests: [...v.attached.contests],
      taskLists: [...v.attached.taskLists],
    },
  };
}

/** A key not yet used: prefix + the next number. */
function nextKey(prefix: string, used: string[]): string {
  let n = 1;
  while (used.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export type CampaignFormAction =
  | { type: 'set'; patch: Partial<Pick<CampaignForm, 'title' | 'description' | 'unitId'>> }
  | { type: 'stage'; key: string; patch: Partial<Omit<CampaignStage, 'key'>> }
  | { type: 'addStage' }
  | { type: 'removeStage'; key: string }
  | { type: 'ask'; key: string; patch: Partial<Omit<CampaignAsk, 'key' | 'kind'>> }
  | { type: 'addAsk'; kind: ReportKind; stageKey?: string | null }
  | { type: 'removeAsk'; key: string }
  | { type: 'toggleAttached'; kind: AttachKind; id: string };

export function updateCampaignForm(form: CampaignForm, a: CampaignFormAction): CampaignForm {
  switch (a.type) {
    case 'set':
      return { ...form, ...a.patch };
    case 'stage': {
      const old = form.stages.find((s) => s.key === a.key);
      if (!old) return form;
      const stages = form.stages.map((s) => (s.key === a.key ? { ...s, ...a.patch } : s));
      // An ask due at the stage's end (the plan at the first's, a stage report, the final at the
      // last's) keeps being due at its end.
      const newEnd = a.patch.endDay;
      const asks = newEnd && newEnd !== old.endDay ? form.asks.map((q) => (q.dueDay === old.endDay && (q.stageKey === null || q.stageKey === a.key) ? { ...q, dueDay: newEnd } : q)) : form.asks;
      return { ...form, stages, asks };
    }
    case 'addStage': {
      const last = form.stages[form.stages.length - 1];
      const start = last ? addDays(last.endDay, 1) : form.stages[0]?.startDay ?? '';
      const key = nextKey('s', form.stages.map((s) => s.key));
      return { ...form, stages: [...form.stages, { key, name: '', startDay: start, endDay: addDays(start, 29) }] };
    }
    case 'removeStage':
      if (form.stages.length <= 1) return form;
      // A stage report of a removed stage goes with it.
      return { ...form, stages: form.stages.filter((s) => s.key !== a.key), asks: form.asks.filter((q) => q.stageKey !== a.key) };
    case 'ask':
      return { ...form, asks: form.asks.map((q) => (q.key === a.key ? { ...q, ...a.patch } : q)) };
    case 'addAsk': {
      const stage = a.stageKey ? form.stages.find((s) => s.key === a.stageKey) : null;
      const last = form.stages[form.stages.length - 1];
      const key = nextKey(a.kind === 'stage' ? 'r' : a.kind, form.asks.map((q) => q.key));
      const title = a.kind === 'stage' && stage ? `${stage.name || '阶段'}报告`.slice(0, 30) : REPORT_KIND_LABELS[a.kind];
      const dueDay = stage?.endDay ?? (a.kind === 'plan' ? form.stages[0]?.endDay : last?.endDay) ?? '';
      return { ...form, asks: [...form.asks, { key, kind: a.kind, title, stageKey: a.kind === 'stage' ? (stage?.key ?? null) : null, dueDay, audience: 'all' }] };
    }
    case 'removeAsk':
      return { ...form, asks: form.asks.filter((q) => q.key !== a.key) };
    case 'toggleAttached': {
      const list = form.attached[a.kind];
      const next = list.includes(a.id) ? list.filter((x) => x !== a.id) : [...list, a.id];
      return { ...form, attached: { ...form.attached, [a.kind]: next } };
    }
    default:
      return form;
  }
}

/** Where a problem is shown: next to its field, or under the form. */
export type FormField = 'title' | 'description' | 'unit' | 'stages' | 'asks' | 'attached' | 'form';

/** The field a server message (or our own) names: 行动名称…, 阶段…, 报告…. */
export function fieldOfMessage(message: string): FormField {
  if (/行动名称/.test(message)) return 'title';
  if (/行动说明/.test(message)) return 'description';
  if (/阶段/.test(message) && !/报告/.test(message)) return 'stages';
  if (/报告|截止/.test(message)) return 'asks';
  if (/考试|打卡|活动|竞赛|清单/.test(message)) return 'attached';
  if (/单位|管理范围/.test(message)) return 'unit';
  return 'form';
}

/** The first problem the form has before it is sent, or null (the server checks again). */
export function campaignFormProblem(form: CampaignForm): string | null {
  if (form.title.trim().length < 2) return '行动名称至少2个字';
  if (form.stages.length === 0) return '请至少设一个阶段';
  for (const [i, s] of form.stages.entries()) {
    if (s.name.trim().length < 2) return `第${i + 1}个阶段：阶段名称至少2个字`;
    if (s.endDay < s.startDay) return `阶段“${s.name}”的结束日期早于开始日期`;
    const prev = form.stages[i - 1];
    if (prev && s.startDay <= prev.endDay) return `阶段“${s.name}”应在“${prev.name}”结束后开始`;
  }
  for (const q of form.asks) {
    if (q.title.trim().length < 2) return '报告名称至少2个字';
    if (!q.dueDay) return `请为“${q.title}”选择截止日期`;
  }
  return null;
}

type CampaignFields = Omit<CampaignRequests['createCampaign'], 'unitId'>;

/** What createCampaign / updateCampaign are sent (besides the unit, id and version). */
export function campaignPayload(form: CampaignForm): CampaignFields {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    stages: form.stages.map((s) => ({ ...s, name: s.name.trim() })),
    asks: form.asks.map((q) => ({ ...q, title: q.title.trim(), stageKey: q.kind === 'stage' ? q.stageKey : null })),
    attached: form.attached,
  };
}
