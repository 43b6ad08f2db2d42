// listQuestions: the organisation's bank for organisers, newest first in keyset pages, by status
// and optionally by type or tag. The bank belongs to the organisation: any of its organisers may keep it.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { questionRow } from '../bank';
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
  const { page, nextCursor } = keysetPage(docs, input.limit, (q) => [new Date(q.createdAt).getTime(), q._id]);
  return {
    items: page.map(questionRow),
    nextCursor,
  };
}
