// regradeExam: correct one pinned question's key and grade every attempt carrying it again (the
// exam's and its make-ups'), with scores, passes, best results and counters moved, the members
// told on their result, and an audit record (examRegrades). Who may: as previewRegrade.
//
// The audit record's id is the exam's next regrade version, so two organisers confirming at once
// settle in the database: the same correction twice makes one record and both calls finish it
// (every write is idempotent, ../regrade.ts); a different correction at the same moment is refused.
// A large exam may take more than one call: `done: false` asks the caller to send it again.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById, updateWhere, type Database } from '../../lib/db';
import { conflict, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { changeQuestion, contentOf, historyDoc } from '../bank';
import { pinnedId } from '../ids';
import type { ExamDoc, KeyEntry, QuestionDoc } from '../model';
import { applyRegrade, familyAttempts, previewOf, sameKey, type RegradeDoc } from '../regrade';
import { regradeTarget, type RegradeTarget } from './previewRegrade';

type Versioned = ExamDoc & { regradeVersion?: number };
const regradeId = (examId: string, version: number) => `${examId}_r${version}`;

/** The record of this very correction at the exam's latest version, if there is one. */
async function sameCorrection(db: Database, examId: string, version: number, t: RegradeTarget): Promise<RegradeDoc | null> {
  if (version === 0) return null;
  const last = await getById<RegradeDoc>(db, COLLECTIONS.examRegrades, regradeId(examId, version));
  return last && last.qid === t.qid && sameKey(last.keyAfter, t.keyAfter) ? last : null;
}

/** The bank's question gets the corrected key too, when it still has the pinned type and options. */
async function fixBank(db: Database, t: RegradeTarget, key: KeyEntry, now: Date): Promise<boolean> {
  const q = await getById<QuestionDoc>(db, COLLECTIONS.questions, t.qid);
  if (!q || q.orgId !== t.exam.orgId || q.type !== t.question.type || q.options.length !== t.question.options.length) return false;
  if (q.type === 'fill' && q.blanks.length !== key.blanks.length) return false;
  const _ = db.command;
  // The bank's history says the key came from a regrade, by whom: one transaction with the change.
  const history = historyDoc(q, { ...contentOf(q), answer: key.answer, blanks: key.blanks }, { by: t.me._id, at: now, source: 'regrade' });
  const changed = await changeQuestion(db, q, { answer: _.set(key.answer), blanks: _.set(key.blanks), updatedAt: now }, history);
  return changed || sameKey({ type: q.type, answer: q.answer, blanks: q.blanks }, key);
}

export async function regradeExam(
  input: { examId: string; questionId: string; key: { answer: number[]; blanks: string[][] }; reason: string; fixBank: boolean },
  ctx: ActionContext,
): Promise<ExamResponses['regradeExam']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const t = await regradeTarget(ctx, input);
  const exam = t.exam as Versioned;
  let version = exam.regradeVersion ?? 0;
  let record = await sameCorrection(db, exam._id, version, t);
  if (!record && sameKey(t.keyBefore, t.keyAfter)) {
    // A twin call may have pinned the key after this one read the exam: look at its record.
    version = (await getById<Versioned>(db, COLLECTIONS.exams, exam._id))?.regradeVersion ?? 0;
    record = await sameCorrection(db, exam._id, version, t);
    if (!record) throw precondition('这就是这道题现在的答案，无需更正');
  }
  if (!record) {
    const p = previewOf(await familyAttempts(db, t.examIds), t.qid, t.keyAfter, 0);
    const doc: RegradeDoc = {
      _id: regradeId(exam._id, version + 1),
      orgId: exam.orgId,
      examId: exam._id,
      examIds: t.examIds,
      qid: t.qid,
      stem: t.question.stem,
      keyBefore: t.keyBefore,
      keyAfter: t.keyAfter,
      reason: input.reason,
      by: t.me._id,
      byName: t.me.name,
      at: new Date(clock.now()),
      attempts: p.attempts,
      changed: p.changed,
      passedBefore: p.passedBefore,
      passedAfter: p.passedAfter,
      bankFixed: false,
      doneAt: null,
    };
    try {
      await insert(db, COLLECTIONS.examRegrades, { ...doc });
      record = doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      record = await sameCorrection(db, exam._id, version + 1, t);
      if (!record) throw conflict('另一位管理员刚刚更正了这场考试的答案，请刷新后再看');
    }
    await updateWhere(db.collection(COLLECTIONS.exams).where({ _id: exam._id, regradeVersion: version === 0 ? _.exists(false) : version }), { regradeVersion: version + 1 });
  }
  // The pinned copy first: attempts started from now on carry the corrected key.
  await updateById(db, COLLECTIONS.examQuestions, pinnedId(exam._id, t.qid), { answer: _.set(t.keyAfter.answer), blanks: _.set(t.keyAfter.blanks) });
  const { written, done } = await applyRegrade(ctx, t.examIds, t.qid, t.keyAfter);
  if (!done) return { regradeId: record._id, changed: record.changed, passedBefore: record.passedBefore, passedAfter: record.passedAfter, written, done };
  const now = new Date(clock.now());
  const bankFixed = record.bankFixed || (input.fixBank && (await fixBank(db, t, t.keyAfter, now)));
  await updateById(db, COLLECTIONS.examRegrades, record._id, { doneAt: now, bankFixed });
  return { regradeId: record._id, changed: record.changed, passedBefore: record.passedBefore, passedAfter: record.passedAfter, written, done };
}
