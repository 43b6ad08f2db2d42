// The bank for organisers: list (keyset pages, filters), one question, create and edit (a new
// version each time; published exams keep the version they pinned), retire and restore.
// The bank belongs to the organisation: any of its organisers may keep it.

import type { ExamResponses, QuestionInput } from '../../../core/contracts/exam';
import { canonicalQuestion, questionKey, questionProblem, type QuestionDraft } from '../../../core/domain/questions';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, list, updateById } from '../../lib/db';
import { conflict, invalid, notFound } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import { afterCursor, encodeKeyset } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { questionDetail, questionDoc, questionRow } from '../bank';
import type { QuestionDoc } from '../model';

interface ListInput {
  status: 'active' | 'retired';
  type?: QuestionDoc['type'] | null;
  tag?: string | null;
  cursor?: string | null;
  limit: number;
}

export async function listQuestions(input: ListInput, ctx: ActionContext): Promise<ExamResponses['listQuestions']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  const base: Record<string, unknown> = { orgId: me.orgId, status: input.status };
  if (input.type) base.type = input.type;
  if (input.tag) base.tags = input.tag;
  const where = afterCursor(_, base, 'createdAt', input.cursor, true);
  const docs = await list<QuestionDoc>(
    db.collection(COLLECTIONS.questions).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1),
  );
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(questionRow),
    nextCursor: docs.length > input.limit && last ? encodeKeyset([new Date(last.createdAt).getTime(), last._id]) : null,
  };
}

async function ownQuestion(ctx: ActionContext, orgId: string, id: string): Promise<QuestionDoc> {
  const q = await getById<QuestionDoc>(ctx.deps.db, COLLECTIONS.questions, id);
  if (!q || q.orgId !== orgId) throw notFound('找不到这道题');
  return q;
}

export async function getQuestion(input: { questionId: string }, ctx: ActionContext): Promise<ExamResponses['getQuestion']> {
  const me = await requireOrganiser(ctx);
  return questionDetail(await ownQuestion(ctx, me.orgId, input.questionId));
}

type SaveInput = { questionId?: string | null; question: Required<Omit<QuestionInput, 'difficulty'>> & { difficulty: 1 | 2 | 3 } };

export async function saveQuestion(input: SaveInput, ctx: ActionContext): Promise<ExamResponses['saveQuestion']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const draft: QuestionDraft = { ...input.question };
  const problem = questionProblem(draft);
  if (problem) throw invalid(problem);
  const content = canonicalQuestion(draft);
  const key = questionKey(content.stem, content.options);
  const now = new Date(clock.now());

  if (!input.questionId) {
    const doc = questionDoc(ids, me.orgId, content, 'editor', me._id, now);
    const same = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ orgId: me.orgId, key }).limit(1));
    if (same.length > 0) throw conflict('题库中已有相同的题目');
    try {
      await insert(db, COLLECTIONS.questions, { ...doc });
    } catch (err) {
      if (isDuplicateKeyError(err)) throw conflict('题库中已有相同的题目');
      throw err;
    }
    return questionDetail(doc);
  }

  const current = await ownQuestion(ctx, me.orgId, input.questionId);
  if (key !== current.key) {
    const same = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ orgId: me.orgId, key }).limit(2));
    if (same.some((q) => q._id !== current._id)) throw conflict('题库中已有相同的题目');
  }
  const _ = db.command;
  // Conditional on the version read: two organisers editing at once cannot overwrite each other.
  const n = await db
    .collection(COLLECTIONS.questions)
    .where({ _id: current._id, version: current.version })
    .update({
      data: {
        ...content,
        options: _.set(content.options),
        answer: _.set(content.answer),
        blanks: _.set(content.blanks),
        tags: _.set(content.tags),
        key,
        version: _.inc(1),
        updatedAt: now,
      },
    });
  if ((n as { stats: { updated: number } }).stats.updated !== 1) throw conflict('这道题刚被其他管理员修改过，请刷新后再改');
  return questionDetail({ ...current, ...content, key, version: current.version + 1, updatedAt: now });
}

export async function setQuestionStatus(input: { questionId: string; status: 'active' | 'retired' }, ctx: ActionContext): Promise<ExamResponses['setQuestionStatus']> {
  const me = await requireOrganiser(ctx);
  const q = await ownQuestion(ctx, me.orgId, input.questionId);
  await updateById(ctx.deps.db, COLLECTIONS.questions, q._id, { status: input.status, updatedAt: new Date(ctx.deps.clock.now()) });
  return { questionId: q._id, status: input.status };
}
