// listQuestionHistory: a question's changes (修改记录), newest first in keyset pages — who, when,
// from which file, the editor or a regrade, and what changed. Organisers of the bank's
// organisation, as getQuestion; only the change lines leave the server, and a line naming the key
// says only 答案有改动 while the key is held from the reader (docs/SECURITY.md, rule 2).

import type { ExamResponses } from '../../../core/contracts/exam';
import { lineWithoutKey } from '../../../core/domain/exam/questionIdentity';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { afterCursor, decodeKeyset, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { membersByIds, requireOrganiser } from '../../org/ports';
import { ownQuestion } from '../bank';
import { heldKeys } from '../keys';
import type { QuestionHistoryDoc } from '../model';

const LIMIT = 20;

const atOf = (h: QuestionHistoryDoc) => new Date(h.at).getTime();
/** Newest first: time, then id (the keyset order of the query). */
const newerFirst = (a: QuestionHistoryDoc, b: QuestionHistoryDoc) => atOf(b) - atOf(a) || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

export async function listQuestionHistory(input: { questionId: string; cursor?: string | null }, ctx: ActionContext): Promise<ExamResponses['listQuestionHistory']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const q = await ownQuestion(ctx, me.orgId, input.questionId);
  const held = (await heldKeys(db, me, [q._id], clock.now(), 'bank')).has(q._id);
  const _ = db.command;
  const where = afterCursor(_, { questionId: q._id }, 'at', input.cursor, true);
  const docs = await list<QuestionHistoryDoc>(
    db.collection(COLLECTIONS.questionHistory).where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(LIMIT + 1),
  );
  // An import's record rides on the question until it is copied here (bank.ts): if the copy has not
  // landed, the one on the question takes its place, in order.
  const last = q.lastChange;
  if (last && !docs.some((d) => d._id === last._id) && isAfter(last, input.cursor)) {
    docs.push(last);
    docs.sort(newerFirst);
  }
  const { page, nextCursor } = keysetPage(docs, LIMIT, (h) => [atOf(h), h._id]);
  const names = new Map((await membersByIds(db, [...new Set(page.map((h) => h.by))])).map((m) => [m._id, m.name]));
  return {
    items: page.map((h) => ({
      id: h._id,
      version: h.version,
      at: atOf(h),
      byName: names.get(h.by) ?? '（已不在名册）',
      source: h.source,
      fileName: h.fileName,
      changes: held ? h.changes.map(lineWithoutKey) : h.changes,
      keyHeld: held,
    })),
    nextCursor,
  };
}

/** Whether a record sorts after the cursor (is on this page or a later one). */
function isAfter(h: QuestionHistoryDoc, cursor: string | null | undefined): boolean {
  if (!cursor) return true;
  const [at, id] = decodeKeyset(cursor, ['number', 'string']);
  return atOf(h) < at || (atOf(h) === at && h._id < id);
}
