// listExamRegrades: the audit of an exam's regrades (examRegrades), newest first, for the
// organisers who may view its figures — who, when, why, the question, the key before and after as
// text, the counts. A make-up's are its original's (they share the pinned questions). The keys and
// the reason (which may name the key) come empty, with keyHeld, to an organiser who may still take a window carrying the question
// (docs/SECURITY.md, rule 2), as the editor and the reports do.
//
// Reads: identity, the exam (a make-up: its original too; a unit organiser: the units), the
// regrades, the caller's open windows (and their taker documents when there are any), the pinned
// copies of the regraded questions (their options, for the key's text), the pool (positions).

import type { ExamRegradeRow, ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, list } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { examForOrganiser } from '../access';
import { heldKeys } from '../keys';
import type { ExamDoc } from '../model';
import { loadPinned, loadPool } from '../pinned';
import { keyText, type RegradeDoc } from '../regrade';

/** The newest regrades shown; an exam is corrected a handful of times at most. */
export const REGRADES_SHOWN = 50;

export async function listExamRegrades(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['listExamRegrades']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const asked = await examForOrganiser(db, me, input.examId, 'view');
  const source = asked.kind === 'makeup' && asked.parentId ? await getById<ExamDoc>(db, COLLECTIONS.exams, asked.parentId) : asked;
  if (!source || source.status !== 'published') return { rows: [] };
  const records = await list<RegradeDoc>(db.collection(COLLECTIONS.examRegrades).where({ examId: source._id }).orderBy('at', 'desc').limit(REGRADES_SHOWN));
  if (records.length === 0) return { rows: [] };
  const qids = [...new Set(records.map((r) => r.qid))];
  const held = await heldKeys(db, me, qids, clock.now(), 'bank');
  const pinned = await loadPinned(db, source._id, qids);
  const positions = source.paper.mode === 'fixed' ? (await loadPool(db, source._id)).pool.map((p) => p.qid) : [];
  const rows: ExamRegradeRow[] = records.map((r) => {
    const hold = held.get(r.qid) ?? null;
    const options = pinned[r.qid]?.options ?? [];
    const at = positions.indexOf(r.qid);
    return {
      id: r._id,
      at: new Date(r.at).getTime(),
      byName: r.byName,
      // A reason may name the key ("应为 B"): held with it.
      reason: hold ? '' : r.reason,
      questionId: r.qid,
      index: at >= 0 ? at + 1 : null,
      stem: r.stem,
      type: r.keyAfter.type,
      keyBefore: hold ? null : keyText(options, r.keyBefore),
      keyAfter: hold ? null : keyText(options, r.keyAfter),
      keyHeld: hold,
      attempts: r.attempts,
      changed: r.changed,
      passedBefore: r.passedBefore,
      passedAfter: r.passedAfter,
      bankFixed: r.bankFixed,
      done: r.doneAt !== null,
    };
  });
  return { rows };
}
