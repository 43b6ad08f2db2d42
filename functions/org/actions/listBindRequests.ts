// listBindRequests: the bind requests waiting in the organiser's units, each with what it is
// (nobody of that name on the roster, a bound member of that name, an entry locked by wrong tails).

import type { BindRequestRow, OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { managedUnits, requireManagedUnit, requireOrganiser } from '../ports';
import type { BindRequestDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { casesOf, KIND_TEXT } from '../bindRequestKind';

export async function listBindRequests(
  input: { unitId?: string | null },
  ctx: ActionContext,
): Promise<OrgResponses['listBindRequests']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const units = input.unitId
    ? [await requireManagedUnit(db, me, input.unitId)]
    : await managedUnits(db, me);
  if (units.length === 0) return { items: [] };
  const names = new Map(units.map((u) => [u._id, u.name]));
  const _ = db.command;
  const docs = await list<BindRequestDoc>(
    db
      .collection(COLLECTIONS.bindRequests)
      .where({ unitId: _.in([...names.keys()]), status: 'pending' })
      .orderBy('createdAt', 'asc')
      .limit(100),
  );
  // Told to the organiser only: they may see the roster, the applicant may not (../bindRequestKind.ts).
  const cases = await casesOf(db, docs);
  const items: BindRequestRow[] = docs.map((d, i) => ({
    id: d._id,
    name: d.name,
    phoneTail: d.phoneTail,
    unitId: d.unitId,
    unitName: names.get(d.unitId) ?? '',
    createdAt: new Date(d.createdAt).getTime(),
    kind: cases[i].kind,
    kindText: KIND_TEXT[cases[i].kind],
    entryId: cases[i].entryId,
  }));
  return { items };
}
