// Pinned questions: at publish an exam copies the content of the questions it may use (its pool),
// so later edits of the bank never change it; papers and reviews read these copies.

import { COLLECTIONS } from '../lib/collections';
import { getById, list, type Database } from '../lib/db';
import { pinnedId } from './ids';
import type { AttemptDoc, ExamPoolDoc, ExamQuestionDoc, PinnedQuestion } from './model';

export type Pinned = Record<string, PinnedQuestion>;

export async function loadPool(db: Database, examId: string): Promise<ExamPoolDoc> {
  const pool = await getById<ExamPoolDoc>(db, COLLECTIONS.examPools, examId);
  if (!pool) throw new Error(`exam ${examId} has no pool`);
  return pool;
}

/** The pinned content of these questions (one query per 1000). */
export async function loadPinned(db: Database, source: string, qids: string[]): Promise<Pinned> {
  const _ = db.command;
  const out: Pinned = {};
  for (let i = 0; i < qids.length; i += 1000) {
    const chunk = qids.slice(i, i + 1000);
    const docs = await list<ExamQuestionDoc>(db.collection(COLLECTIONS.examQuestions).where({ _id: _.in(chunk.map((q) => pinnedId(source, q))) }).limit(chunk.length));
    for (const d of docs) {
      const { type, stem, options, answer, blanks, explanation, tags, difficulty, version } = d;
      // Copies pinned before 仅用于考试 existed have no such field.
      out[d.qid] = { type, stem, options, answer, blanks, explanation, tags, difficulty, examOnly: d.examOnly === true, version };
    }
  }
  const missing = qids.filter((q) => !out[q]);
  if (missing.length > 0) throw new Error(`exam ${source}: pinned questions missing: ${missing.slice(0, 3).join(', ')}`);
  return out;
}

/** The pinned questions of one attempt's paper. */
export function paperPinned(db: Database, a: AttemptDoc): Promise<Pinned> {
  return loadPinned(db, a.source, a.paper.map((p) => p.qid));
}
