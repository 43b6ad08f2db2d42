// listStaleExamKeys: after a bank question's key was corrected in the editor, the published exams
// whose pinned copy of it still grades with another key (publishing pins a copy, which later edits
// never change), with their make-ups and graded attempts — so the organiser can regrade each.
// Only the exams the caller may regrade (edit), and nothing at all while the question's key is
// held from them (they may still take a window carrying it: docs/SECURITY.md, rule 2). The answer
// never carries a key; the comparison with the bank's key happens here. A choice key counts as
// changed only when it differs both by position and by the text of the correct options: options
// reordered or a typo fixed in an option leave the exams' keys right.
//
// Reads: identity, the question, the caller's open windows (and their taker documents, when there
// are any), the pinned copies of the question, those exams, their make-ups, one unit read for a unit
// organiser, and one count per stale exam (at most STALE_LIMIT).

import type { ExamResponses, StaleKeyExam } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { count, list } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser, scopeIds, unitsByIds } from '../../org/ports';
import { canEditExam } from '../access';
import { ownQuestion } from '../bank';
import { heldKeys } from '../keys';
import type { ExamDoc, ExamQuestionDoc, QuestionDoc } from '../model';
import { sameKey } from '../regrade';

/** At most this many exams are listed (each costs one count); the newest windows first. */
export const STALE_LIMIT = 20;

type PinFacts = Pick<ExamQuestionDoc, '_id' | 'examId' | 'type' | 'options' | 'answer' | 'blanks'>;

const correctTexts = (options: string[], answer: number[]) => JSON.stringify(answer.map((i) => (options[i] ?? '').trim()).sort());

/** Whether an exam's pinned copy grades with a key other than the bank question's. */
export function pinGradesOtherwise(p: PinFacts, q: Pick<QuestionDoc, 'type' | 'options' | 'answer' | 'blanks'>): boolean {
  if (p.type !== q.type) return true;
  if (sameKey({ type: p.type, answer: p.answer, blanks: p.blanks }, { type: q.type, answer: q.answer, blanks: q.blanks })) return false;
  return p.type === 'fill' || correctTexts(p.options, p.answer) !== correctTexts(q.options, q.answer);
}

type ExamFacts = Pick<ExamDoc, '_id' | 'orgId' | 'title' | 'status' | 'kind' | 'parentId' | 'closesAt' | 'audience' | 'unitIds' | 'createdBy'>;
const EXAM_FIELDS = { _id: true, orgId: true, title: true, status: true, kind: true, parentId: true, closesAt: true, audience: true, unitIds: true, createdBy: true };

export async function listStaleExamKeys(input: { questionId: string }, ctx: ActionContext): Promise<ExamResponses['listStaleExamKeys']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const q = await ownQuestion(ctx, me.orgId, input.questionId);
  const held = (await heldKeys(db, me, [q._id], clock.now(), 'bank')).get(q._id) ?? null;
  if (held) return { questionId: q._id, exams: [], keyHeld: held };

  const pins = await list<PinFacts>(
    db.collection(COLLECTIONS.examQuestions).where({ qid: q._id, orgId: me.orgId }).field({ _id: true, examId: true, type: true, options: true, answer: true, blanks: true }).limit(1000),
  );
  const staleIds = pins.filter((p) => pinGradesOtherwise(p, q)).map((p) => p.examId);
  if (staleIds.length === 0) return { questionId: q._id, exams: [], keyHeld: null };

  const exams = (await list<ExamFacts>(db.collection(COLLECTIONS.exams).where({ _id: _.in(staleIds) }).field(EXAM_FIELDS).limit(staleIds.length)))
    .filter((e) => e.orgId === me.orgId && e.status === 'published')
    .sort((a, b) => b.closesAt - a.closesAt);
  if (exams.length === 0) return { questionId: q._id, exams: [], keyHeld: null };

  // Who may regrade: the exam's editors (canEditExam needs its target units, one read for all).
  let editable = exams;
  if (me.role !== 'org_admin') {
    const targetIds = [...new Set(exams.flatMap((e) => e.unitIds))];
    const units = targetIds.length > 0 ? await unitsByIds(db, [...new Set([...targetIds, ...scopeIds(me)])], me.orgId) : [];
    editable = exams.filter((e) => canEditExam(me, e as ExamDoc, units.filter((u) => e.unitIds.includes(u._id))));
  }
  editable = editable.slice(0, STALE_LIMIT);
  if (editable.length === 0) return { questionId: q._id, exams: [], keyHeld: null };

  const makeups = await list<ExamFacts>(
    db.collection(COLLECTIONS.exams).where({ orgId: me.orgId, parentId: _.in(editable.map((e) => e._id)) }).field(EXAM_FIELDS).limit(Math.min(1000, 100 * editable.length)),
  );
  const out: StaleKeyExam[] = [];
  for (const e of editable) {
    const family = makeups.filter((m) => m.parentId === e._id && m.status === 'published');
    const attempts = await count(db.collection(COLLECTIONS.examAttempts).where({ examId: _.in([e._id, ...family.map((m) => m._id)]), status: 'submitted' }));
    out.push({ examId: e._id, title: e.title, closesAt: e.closesAt, makeups: family.map((m) => m.title), attempts });
  }
  return { questionId: q._id, exams: out, keyHeld: null };
}
