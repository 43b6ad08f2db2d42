// publishExam: publishing pins the questions (content and version) an exam may use, so later
// edits of the bank never change an open exam, and marks them in the bank as pinned until its
// close (+24 h) so practice never serves them; the per-branch counters are created at the same
// time, and the exam becomes visible last.

import type { ExamResponses } from '../../../core/contracts/exam';
import { drawShortfall, type PoolEntry } from '../../../core/domain/exam';
import type { QuestionType } from '../../../core/domain/exam/questions';
import { COLLECTIONS } from '../../lib/collections';
import { insertBatch, list, updateWhere, type Database } from '../../lib/db';
import { conflict, precondition } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { examForOrganiser, reachedUnits } from '../access';
import { contentOf } from '../bank';
import { pinnedId } from '../ids';
import type { ExamPoolDoc, ExamQuestionDoc, QuestionDoc } from '../model';
import type { Pinned } from '../pinned';
import { pinForWindow } from '../pins';
import { ensureStats } from '../statistics';

/** A rules paper draws from at most this many pinned questions (the key stays well under 16 MB). */
const POOL_LIMIT = 3000;

export async function publishExam(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['publishExam']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'edit');
  if (exam.status !== 'draft') throw conflict('考试已经发布');
  if (exam.closesAt <= clock.now()) throw precondition('考试结束时间已过，请先修改时间');

  const questions: Pinned = {};
  let pool: PoolEntry[];
  if (exam.paper.mode === 'fixed') {
    const _ = db.command;
    const ids = exam.paper.questionIds;
    const qs = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ _id: _.in(ids) }).limit(ids.length));
    const byId = new Map(qs.filter((q) => q.orgId === me.orgId && q.status === 'active').map((q) => [q._id, q]));
    if (ids.some((id) => !byId.has(id))) throw precondition('试卷中有题目已被停用或删除，请修改试卷');
    pool = ids.map((id) => {
      const q = byId.get(id) as QuestionDoc;
      questions[id] = { ...contentOf(q), version: q.version };
      return { qid: id, type: q.type, tags: q.tags };
    });
  } else {
    const rules = exam.paper.rules;
    const candidates = await activeQuestions(db, me.orgId, [...new Set(rules.map((r) => r.type))]);
    const matching = candidates.filter((q) => rules.some((r) => r.type === q.type && (r.tag === null || q.tags.includes(r.tag))));
    pool = matching.map((q) => ({ qid: q._id, type: q.type, tags: q.tags }));
    const short = drawShortfall(rules, pool);
    if (short) throw precondition(short);
    for (const q of matching) questions[q._id] = { ...contentOf(q), version: q.version };
  }

  // Pinned questions first (ids derive from exam and question: a retried publish finds them), then
  // the pool, then the counters; the exam becomes visible last, when all of it is there.
  const docs: ExamQuestionDoc[] = Object.entries(questions).map(([qid, q]) => ({ _id: pinnedId(exam._id, qid), examId: exam._id, qid, orgId: exam.orgId, ...q }));
  for (let i = 0; i < docs.length; i += 100) await insertBatch(db, COLLECTIONS.examQuestions, docs.slice(i, i + 100).map((d) => ({ ...d })));
  const poolDoc: Omit<ExamPoolDoc, '_id'> = { orgId: exam.orgId, pool, source: exam._id };
  await db.collection(COLLECTIONS.examPools).doc(exam._id).set({ data: poolDoc });
  for (const unit of await reachedUnits(db, exam)) await ensureStats(db, exam._id, unit._id, exam.orgId);
  // Practice leaves out every question of the pool before the exam can be seen; a publish that
  // fails after this only keeps practice stricter, and its retry pins nothing new.
  await pinForWindow(db, exam.orgId, pool.map((p) => p.qid), exam.closesAt);
  const n = await updateWhere(db.collection(COLLECTIONS.exams).where({ _id: exam._id, status: 'draft' }), {
    status: 'published',
    publishedAt: new Date(clock.now()),
  });
  if (n !== 1) throw conflict('考试已经发布');
  return { examId: exam._id, questionCount: exam.questionCount, totalScore: exam.totalScore };
}

/** Active questions of the given types, newest first, read in keyset pages up to POOL_LIMIT. */
async function activeQuestions(db: Database, orgId: string, types: QuestionType[]): Promise<QuestionDoc[]> {
  const _ = db.command;
  const out: QuestionDoc[] = [];
  for (const type of types) {
    let cursor: { at: Date; id: string } | null = null;
    for (;;) {
      const base = { orgId, status: 'active', type };
      const where: object = cursor ? _.or([{ ...base, createdAt: _.lt(cursor.at) }, { ...base, createdAt: cursor.at, _id: _.lt(cursor.id) }]) : base;
      const page: QuestionDoc[] = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(1000));
      out.push(...page);
      if (page.length < 1000 || out.length >= POOL_LIMIT) break;
      const last: QuestionDoc = page[page.length - 1];
      cursor = { at: new Date(last.createdAt), id: last._id };
    }
  }
  return out.slice(0, POOL_LIMIT);
}
