// listMembers: one branch's roster for its organisers in pinyin order, a page at a time (keyset
// on sortKey, _id; never a growing skip). An entry written before sortKey existed has none: it is
// listed (first: a missing field sorts before every string), never filtered out.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { MemberDoc } from '../../lib/model';
import { cursorPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { memberRow } from '../views';

interface Input {
  unitId: string;
  cursor?: string | null;
  limit: number;
  bound: 'all' | 'bound' | 'unbound';
}

export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw invalid('字段 cursor：分页位置无效，请刷新后重试');
}

export async function listMembers(input: Input, ctx: ActionContext): Promise<OrgResponses['listMembers']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  await requireManagedUnit(db, me, input.unitId);

  const _ = db.command;
  const base: Record<string, unknown> = { unitId: input.unitId };
  if (input.bound === 'bound') base.openid = _.neq(null);
  if (input.bound === 'unbound') base.openid = null;
  let where: Record<string, unknown> | ReturnType<typeof _.or> = base;
  if (input.cursor) {
    const [key, id] = decodeCursor(input.cursor);
    // '' stands for "no sortKey": those entries match null (a missing field), not ''. Every key
    // written is non-empty, so `gt('')` is all the keyed entries.
    where = _.or([
      { ...base, sortKey: _.gt(key) },
      { ...base, sortKey: key === '' ? null : key, _id: _.gt(id) },
    ]);
  }
  const docs = await list<MemberDoc>(
    db
      .collection(COLLECTIONS.members)
      .where(where)
      .orderBy('sortKey', 'asc')
      .orderBy('_id', 'asc')
      .limit(input.limit + 1),
  );
  const { page, nextCursor } = cursorPage(docs, input.limit, (m) => encodeCursor(m.sortKey ?? '', m._id));
  return {
    items: page.map(memberRow),
    nextCursor,
  };
}
