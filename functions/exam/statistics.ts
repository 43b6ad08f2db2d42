// Exam statistics the organiser views share: the counters of the units an organiser may see, a
// unit's row, the sum of rows, and the unit of an exam's audience asked for by id.

import type { UnitStats } from '../../core/contracts/exam';
import { SCORE_BUCKET_LABELS } from '../../core/domain/exam';
import { COLLECTIONS } from '../lib/collections';
import { list } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import { type Caller, getUnit, mayManage } from '../org/ports';
import { audienceReaches } from '../../core/domain/units';
import type { UnitDoc } from '../lib/model';
import type { ActionContext } from '../lib/router';
import { ALL_UNITS, type ExamDoc, type StatsDoc } from './model';

export async function statsOf(ctx: ActionContext, exam: ExamDoc, units: UnitDoc[]): Promise<StatsDoc[]> {
  const docs = await list<StatsDoc>(ctx.deps.db.collection(COLLECTIONS.examStats).where({ examId: exam._id }).limit(1000));
  const visible = new Set(units.map((u) => u._id));
  return docs.filter((d) => visible.has(d.unitId));
}

export function unitStats(unit: { _id: string; name: string }, audience: number, s: StatsDoc | undefined): UnitStats {
  const submitted = s?.submitted ?? 0;
  return {
    unitId: unit._id,
    unitName: unit.name,
    audience,
    started: s?.started ?? 0,
    submitted,
    inProgress: Math.max(0, (s?.started ?? 0) - submitted),
    absent: Math.max(0, audience - (s?.started ?? 0)),
    passed: s?.passed ?? 0,
    failed: s?.failed ?? 0,
    flagged: s?.flagged ?? 0,
    averageScore: submitted > 0 ? Math.round(((s?.scoreSum ?? 0) / submitted) * 10) / 10 : null,
    averageSeconds: submitted > 0 ? Math.round((s?.secondsSum ?? 0) / submitted) : null,
    distribution: SCORE_BUCKET_LABELS.map((_, b) => s?.hist[`b${b}`] ?? 0),
  };
}

export function sumStats(list: StatsDoc[], examId: string, orgId: string): StatsDoc {
  const total: StatsDoc = { _id: 'all', examId, unitId: 'all', orgId, invited: 0, started: 0, submitted: 0, passed: 0, failed: 0, flagged: 0, scoreSum: 0, secondsSum: 0, hist: {}, q: {} };
  for (const s of list) {
    for (const k of ['invited', 'started', 'submitted', 'passed', 'failed', 'flagged', 'scoreSum', 'secondsSum'] as const) total[k] += s[k] ?? 0;
    for (const [b, n] of Object.entries(s.hist ?? {})) total.hist[b] = (total.hist[b] ?? 0) + n;
    for (const [qid, v] of Object.entries(s.q ?? {})) {
      const t = (total.q[qid] ??= { n: 0, c: 0 });
      t.n += v.n;
      t.c += v.c;
    }
  }
  return total;
}

export async function branchOf(ctx: ActionContext, me: Caller, exam: ExamDoc, unitId: string): Promise<UnitDoc> {
  const unit = await getUnit(ctx.deps.db, unitId);
  if (!unit || unit.orgId !== exam.orgId || unit.parentId === null) throw notFound('找不到该支部');
  if (!mayManage(me, unit)) throw forbidden('您不是该组织的管理员');
  if (!audienceReaches(exam.audience, unit.path, ALL_UNITS)) throw notFound('这场考试不面向该组织');
  return unit;
}
