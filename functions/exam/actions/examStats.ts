// examStats: an exam's figures per unit the organiser may see, with the total and per question.

import type { ExamResponses, QuestionStat } from '../../../core/contracts/exam';
import { forbidden, precondition } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { examForOrganiser, visibleUnits } from '../access';
import { examPhase } from '../phases';
import { loadPinned, loadPool } from '../pinned';
import { statsOf, sumStats, unitStats } from '../statistics';

export async function examStats(input: { examId: string; unitId?: string | null }, ctx: ActionContext): Promise<ExamResponses['examStats']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  // A draft has no paper pinned and nobody has sat it: there are no figures to give yet.
  if (exam.status !== 'published') throw precondition('这场考试还没有发布，发布后才有成绩和统计');
  let units = await visibleUnits(db, me, exam);
  if (input.unitId) {
    units = units.filter((u) => u._id === input.unitId);
    if (units.length === 0) throw forbidden('您不是该支部的管理员');
  }
  const stats = await statsOf(ctx, exam, units);
  const byUnit = new Map(stats.map((s) => [s.unitId, s]));
  const audienceOf = (u: UnitDoc) => (exam.inviteOnly ? byUnit.get(u._id)?.invited ?? 0 : u.memberCount);
  const rows = units.filter((u) => !exam.inviteOnly || byUnit.has(u._id)).map((u) => unitStats(u, audienceOf(u), byUnit.get(u._id)));
  const total = sumStats(stats, exam._id, exam.orgId);
  const overall = unitStats({ _id: 'all', name: '合计' }, rows.reduce((n, r) => n + r.audience, 0), total);
  const pool = await loadPool(db, exam._id);
  // Fixed papers list questions in paper order; drawn papers list those answered, most answered first.
  const qids = exam.paper.mode === 'fixed' ? pool.pool.map((p) => p.qid) : Object.keys(total.q).filter((q) => total.q[q].n > 0).sort((a, b) => total.q[b].n - total.q[a].n);
  const pinned = await loadPinned(db, pool.source, qids);
  const questions: QuestionStat[] = qids.map((qid, i) => {
    const q = pinned[qid];
    const s = total.q[qid] ?? { n: 0, c: 0 };
    return { qid, index: i + 1, type: q.type, stem: q.stem, answered: s.n, correct: s.c, accuracy: s.n > 0 ? Math.round((s.c / s.n) * 1000) / 10 : null };
  });
  return { examId: exam._id, title: exam.title, kind: exam.kind, parentId: exam.parentId, totalScore: exam.totalScore, passScore: exam.passScore, phase: examPhase(exam, clock.now()), units: rows, overall, questions };
}
