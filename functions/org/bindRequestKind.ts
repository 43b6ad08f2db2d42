// What a bind request is, for the organiser who reviews it. Binding answers every miss alike (so the
// applicant learns nothing about the roster), so the request itself does not say why it was made;
// the organiser may see the roster, and is told here: nobody of that name, a bound member of that
// name (a changed WeChat, or someone using their name), an entry locked by wrong phone tails, or
// unbound entries of that name (a mistyped tail). Approving must then say what it does with them.

import type { BindRequestKind } from '../../core/contracts/org';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { BindRequestDoc } from '../lib/model';
import { needsOrganiser, type BindableEntry } from './bindGuard';

export const KIND_TEXT: Record<BindRequestKind, string> = {
  not_on_roster: '名册中没有此人',
  bound_same_name: '名册中有同名已绑定成员（可能是换了微信，或冒名）',
  locked_entry: '该成员手机尾号多次输错，需核实',
  unbound_same_name: '名册中有同名成员尚未绑定（可能是手机尾号输错），需核实',
};

export interface RequestCase {
  kind: BindRequestKind;
  /** The one entry that approving as 'existing' binds or moves; null when none or several. */
  entryId: string | null;
}

type Request = Pick<BindRequestDoc, 'unitId' | 'name'> & { entryId?: string | null };

/** The case of one request, from the same-name entries of its unit. */
export function caseOf(req: Request, sameName: BindableEntry[]): RequestCase {
  if (req.entryId) return { kind: 'locked_entry', entryId: req.entryId };
  const bound = sameName.filter((m) => m.openid !== null);
  const locked = sameName.filter((m) => m.openid === null && needsOrganiser(m));
  const free = sameName.filter((m) => m.openid === null);
  if (locked.length > 0) return { kind: 'locked_entry', entryId: locked.length === 1 ? locked[0]._id : null };
  if (bound.length > 0) return { kind: 'bound_same_name', entryId: bound.length === 1 && free.length === 0 ? bound[0]._id : null };
  if (free.length > 0) return { kind: 'unbound_same_name', entryId: free.length === 1 ? free[0]._id : null };
  return { kind: 'not_on_roster', entryId: null };
}

/** The cases of many requests, with one query for the entries of their names in their units. */
export async function casesOf(db: Database, reqs: Request[]): Promise<RequestCase[]> {
  if (reqs.length === 0) return [];
  const _ = db.command;
  const units = [...new Set(reqs.map((r) => r.unitId))];
  const names = [...new Set(reqs.map((r) => r.name))];
  const entries = await list<BindableEntry>(
    db
      .collection(COLLECTIONS.members)
      .where({ unitId: _.in(units), name: _.in(names) })
      .field({ _id: true, unitId: true, name: true, openid: true, tailMisses: true })
      .limit(1000),
  );
  return reqs.map((r) => caseOf(r, entries.filter((m) => m.unitId === r.unitId && m.name === r.name)));
}
