// saveQuestion: create a question or edit one (a new version each time; published exams keep the
// version they pinned). The same content twice in one bank is refused. An organiser who may not
// read the question's key (it is on a window they may still take) edits it without: what they
// leave empty keeps the stored key, and the answer comes back without it (docs/SECURITY.md, rule 2).
// Each edit that changes something leaves a history record (questionHistory), in the same
// transaction as the change.

import type { ExamResponses, QuestionInput } from '../../../core/contracts/exam';
import { editWithHeldKey } from '../../../core/domain/exam/keys';
import { questionIdent } from '../../../core/domain/exam/questionIdentity';
import { canonicalQuestion, isIndefiniteKey, questionKey, questionProblem, type QuestionDraft } from '../../../core/domain/exam/questions';
import { COLLECTIONS } from '../../lib/collections';
import { insert, isDuplicateKeyError, list } from '../../lib/db';
import { conflict, invalid, precondition } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { changeQuestion, contentOf, historyDoc, ownQuestion, questionDetail, questionDoc } from '../bank';
import { heldKeys } from '../keys';
import type { QuestionDoc } from '../model';

type SaveInput = { questionId?: string | null; question: Required<Omit<QuestionInput, 'difficulty'>> & { difficulty: 1 | 2 | 3 } };

export async function saveQuestion(input: SaveInput, ctx: ActionContext): Promise<ExamResponses['saveQuestion']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const draft: QuestionDraft = { ...input.question };
  const now = new Date(clock.now());

  if (!input.questionId) {
    const problem = questionProblem(draft);
    if (problem) throw invalid(problem);
    const content = canonicalQuestion(draft);
    const key = questionKey(content.stem, content.options);
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
  const hold = (await heldKeys(db, me, [current._id], now.getTime(), 'bank')).get(current._id) ?? null;
  let content = canonicalQuestion(draft);
  if (hold) {
    const edit = editWithHeldKey(content, contentOf(current));
    if (!edit.ok) throw precondition(edit.reason);
    content = edit.question;
  }
  // A held edit is checked with the key it keeps; any other as the editor sent it. A question
  // stored with one correct option of several is 不定项 (the import let it in), so it stays
  // acceptable with it, whether or not the editor could see the key.
  const indefinite = draft.indefinite === true || isIndefiniteKey(current);
  const problem = questionProblem(hold ? { ...content, indefinite } : { ...draft, indefinite });
  if (problem) throw invalid(problem);
  const key = questionKey(content.stem, content.options);
  if (key !== current.key) {
    const same = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ orgId: me.orgId, key }).limit(2));
    if (same.some((q) => q._id !== current._id)) throw conflict('题库中已有相同的题目');
  }
  const _ = db.command;
  // The change and its history record in one transaction, conditional on the version read: two
  // organisers editing at once cannot overwrite each other, and no change lands without its record.
  const history = historyDoc(current, content, { by: me._id, at: now, source: 'editor' });
  const data = {
    ...content,
    options: _.set(content.options),
    answer: _.set(content.answer),
    blanks: _.set(content.blanks),
    tags: _.set(content.tags),
    key,
    ident: questionIdent(content.type, content.stem),
    updatedAt: now,
  };
  if (!(await changeQuestion(db, current, data, history))) throw conflict('这道题刚被其他管理员修改过，请刷新后再改');
  return questionDetail({ ...current, ...content, key, version: current.version + 1, updatedAt: now }, hold);
}
