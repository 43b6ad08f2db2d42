// The rules editor's form model, kept pure so its rules are unit-tested: it starts from the rules
// of the change already scheduled (else those in force) and the earliest day a change may start
// (tomorrow); it says in Chinese what stops a save before anything is sent.
import type { PointsRequests, PointsRulesView } from '@core/contracts';
import { POINT_SOURCES, RULE_LIMITS, type PointSource, type PointsRules } from '@core/domain/points';
import { addDays } from '@core/domain/time';

export interface RulesForm {
  from: string;
  rules: PointsRules;
  note: string;
}

/** The earliest day a change may start: tomorrow (Beijing), so a day never mixes two rule sets. */
export const earliestFrom = (today: string) => addDays(today, 1);

export function initialForm(view: PointsRulesView): RulesForm {
  const base = view.scheduled ?? view.current;
  const from = view.scheduled ? view.scheduled.from : earliestFrom(view.today);
  const rules = Object.fromEntries(POINT_SOURCES.map((s) => [s, { ...base.rules[s] }])) as PointsRules;
  return { from, rules, note: '' };
}

export function setRule(form: RulesForm, source: PointSource, patch: Partial<PointsRules[PointSource]>): RulesForm {
  return { ...form, rules: { ...form.rules, [source]: { ...form.rules[source], ...patch } } };
}

/** What stops the save, or null. */
export function formProblem(form: RulesForm, today: string): string | null {
  if (form.from < earliestFrom(today)) return '新规则最早从明天起生效';
  for (const s of POINT_SOURCES) {
    const r = form.rules[s];
    if (!Number.isInteger(r.points) || r.points < 0 || r.points > RULE_LIMITS.points) return `分值应为 0 到 ${RULE_LIMITS.points} 分`;
    if (!Number.isInteger(r.cap) || r.cap < 0 || r.cap > RULE_LIMITS.cap) return `每日上限应为 0 到 ${RULE_LIMITS.cap} 分`;
  }
  if (form.note.length > 100) return '说明最多100字';
  return null;
}

export function payloadOf(form: RulesForm): PointsRequests['savePointsRules'] {
  return { from: form.from, rules: form.rules, note: form.note.trim() };
}
