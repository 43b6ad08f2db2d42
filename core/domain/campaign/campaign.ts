// The rules of a campaign's plan (专项行动, docs/CAMPAIGNS.md "Campaigns"): its stages and the
// reports it asks for, checked before anything is written, and what a day means for it (the
// stage it falls in, the next due day). Pure: no platform, no database.

import type { CampaignAsk, CampaignStage } from '../../contracts/campaign';
import { isCalendarDay } from '../console/period';
import { addDays } from '../time';

/** A report may be due at most this many days after the last stage ends (the 专题报告 comes later). */
export const DUE_AFTER_END_DAYS = 90;

export interface PlanInput {
  stages: ReadonlyArray<CampaignStage>;
  asks: ReadonlyArray<Omit<CampaignAsk, 'stageKey' | 'audience'> & { stageKey?: string | null; audience?: CampaignAsk['audience'] }>;
}

/** The plan as stored: asks other than a stage report carry no stage. */
export interface Plan {
  stages: CampaignStage[];
  asks: CampaignAsk[];
}

/**
 * The years a campaign's days may fall in. Beyond them day arithmetic leaves the YYYY-MM-DD form
 * (the day after 9999-12-31 is no day key), which the evaluation's period and a report's due
 * instant rely on; no campaign of ours runs outside this century.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** A real calendar day within FIRST_YEAR … LAST_YEAR. */
function isPlanDay(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return isCalendarDay(day) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** Says the years allowed when a calendar day lies outside them. */
function yearsHint(day: string): string {
  return isCalendarDay(day) ? `（应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 年之间）` : '';
}

/** A refusal of the plan, in plain Chinese naming the field (阶段…, 报告…). */
export class PlanError extends Error {}

/**
 * Checks the stages and asks and answers them as stored; throws PlanError naming the first
 * field at fault. Stages: real calendar days (years 2000–2099), start ≤ end, keys unique, in order — a stage starts
 * the day the previous one ends or later. Asks: keys unique, a stage report names an existing
 * stage (others carry none), due on a real day within [first start, last end + 90 days].
 */
export function checkPlan(input: PlanInput): Plan {
  const stages = input.stages.map((s) => ({ key: s.key, name: s.name, startDay: s.startDay, endDay: s.endDay }));
  if (stages.length === 0) throw new PlanError('请至少设一个阶段');
  const stageKeys = new Set<string>();
  let previous: CampaignStage | null = null;
  for (const s of stages) {
    if (stageKeys.has(s.key)) throw new PlanError(`阶段编号「${s.key}」重复`);
    stageKeys.add(s.key);
    if (!isPlanDay(s.startDay)) throw new PlanError(`阶段「${s.name}」的开始日期 ${s.startDay} 不是有效日期${yearsHint(s.startDay)}`);
    if (!isPlanDay(s.endDay)) throw new PlanError(`阶段「${s.name}」的结束日期 ${s.endDay} 不是有效日期${yearsHint(s.endDay)}`);
    if (s.startDay > s.endDay) throw new PlanError(`阶段「${s.name}」的开始日期不能晚于结束日期`);
    if (previous && s.startDay < previous.endDay) {
      throw new PlanError(`阶段「${s.name}」与上一阶段「${previous.name}」时间重叠：应在 ${previous.endDay} 或之后开始`);
    }
    previous = s;
  }
  const first = stages[0].startDay;
  const lastDue = addDays(stages[stages.length - 1].endDay, DUE_AFTER_END_DAYS);
  const askKeys = new Set<string>();
  const asks: CampaignAsk[] = input.asks.map((a) => {
    if (askKeys.has(a.key)) throw new PlanError(`报告编号「${a.key}」重复`);
    askKeys.add(a.key);
    let stageKey: string | null = null;
    if (a.kind === 'stage') {
      if (!a.stageKey) throw new PlanError(`报告「${a.title}」请选择所属阶段`);
      if (!stageKeys.has(a.stageKey)) throw new PlanError(`报告「${a.title}」所属阶段「${a.stageKey}」不存在`);
      stageKey = a.stageKey;
    }
    if (!isPlanDay(a.dueDay)) throw new PlanError(`报告「${a.title}」的截止日期 ${a.dueDay} 不是有效日期${yearsHint(a.dueDay)}`);
    if (a.dueDay < first || a.dueDay > lastDue) throw new PlanError(`报告「${a.title}」的截止日期应在 ${first} 至 ${lastDue} 之间`);
    return { key: a.key, kind: a.kind, title: a.title, stageKey, dueDay: a.dueDay, audience: a.audience ?? 'all' };
  });
  return { stages, asks };
}

/** The days the campaign runs: the first stage's start to the last stage's end. */
export function campaignSpan(stages: ReadonlyArray<Pick<CampaignStage, 'startDay' | 'endDay'>>): { startDay: string; endDay: string } {
  return { startDay: stages[0]?.startDay ?? '', endDay: stages[stages.length - 1]?.endDay ?? '' };
}

/**
 * The stage `day` falls in (its key), or null before the first and after the last. On the day one
 * stage ends and the next starts, the next one is current (the work has moved on).
 */
export function currentStage(stages: ReadonlyArray<CampaignStage>, day: string): string | null {
  let found: string | null = null;
  for (const s of stages) if (s.startDay <= day && day <= s.endDay) found = s.key;
  return found;
}

/** The nearest due day not yet passed (today included) among the asks, or null. */
export function nextDueDay(asks: ReadonlyArray<Pick<CampaignAsk, 'dueDay'>>, day: string): string | null {
  let next: string | null = null;
  for (const a of asks) if (a.dueDay >= day && (next === null || a.dueDay < next)) next = a.dueDay;
  return next;
}

/** Each id once, in the order first given (a double tap in the picker attaches nothing twice). */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
