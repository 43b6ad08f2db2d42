// The organisation's roster read member by member for the console's gap lists (rule 3): a page of
// a subtree's members in roster order, by keyset, one read whatever the subtree's size.

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { decodeKeyset, encodeKeyset } from '../lib/paging';
import type { MemberDoc } from '../lib/model';

/** What a gap list needs of a roster entry. */
export type RosterEntry = Pick<MemberDoc, '_id' | 'orgId' | 'unitId' | 'unitPath' | 'name' | 'sortKey' | 'leader' | 'openid'>;

const FIELDS = { orgId: true, unitId: true, unitPath: true, name: true, sortKey: true, leader: true, openid: true };

/**
 * One page of the members of `unitId`'s subtree (the unit on their path), in roster order — the
 * listing key puts leaders first, then pinyin — then `_id`. One query on `unitPath, sortKey`.
 */
export async function subtreeMembersPage(db: Database, unitId: string, cursor: string | null | undefined, limit: number): Promise<{ page: RosterEntry[]; nextCursor: string | null }> {
  const _ = db.command;
  // Unit ids are unique across organisations: the unit on the path names the organisation too.
  const base = { unitPath: unitId };
  let where: object = base;
  if (cursor) {
    const [key, id] = decodeKeyset(cursor, ['string', 'string']);
    where = _.or([{ ...base, sortKey: _.gt(key) }, { ...base, sortKey: key, _id: _.gt(id) }]);
  }
  const docs = await list<RosterEntry>(db.collection(COLLECTIONS.members).where(where).field(FIELDS).orderBy('sortKey', 'asc').orderBy('_id', 'asc').limit(limit + 1));
  const page = docs.slice(0, limit).map((m) => ({ ...m, sortKey: m.sortKey ?? '', leader: m.leader === true, openid: m.openid ?? null }));
  const last = page[page.length - 1];
  return { page, nextCursor: docs.length > limit && last ? encodeKeyset([last.sortKey, last._id]) : null };
}

/**
 * The leaders (领导班子成员) of `unitId`'s subtree, in roster order: their listing keys start with
 * `0:` (./sortKey.ts), so they are the first of the subtree's roster. One query on `unitPath, sortKey`.
 */
export async function subtreeLeaders(db: Database, unitId: string, limit: number): Promise<{ leaders: RosterEntry[]; more: boolean }> {
  const _ = db.command;
  const docs = await list<RosterEntry>(
    db
      .collection(COLLECTIONS.members)
      .where({ unitPath: unitId, sortKey: _.lt('1:') })
      .field(FIELDS)
      .orderBy('sortKey', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1),
  );
  const leaders = docs
    .filter((m) => m.leader === true)
    .slice(0, limit)
    .map((m) => ({ ...m, sortKey: m.sortKey ?? '', leader: true, openid: m.openid ?? null }));
  return { leaders, more: docs.length > limit };
}

/**
 * Every leader (领导班子成员) of `unitId`'s subtree, in roster order, a page of 1000 per read: the
 * 四落实 evaluation names each unit's leaders. Leaders are a few per unit (a subtree of 500 units
 * holds one or two thousand), so this reads one or two pages, never the other members: the query
 * stops at the end of the leaders' listing keys (`0:`…).
 */
export async function allSubtreeLeaders(db: Database, unitId: string, maxPages = 5): Promise<{ leaders: RosterEntry[]; more: boolean }> {
  const _ = db.command;
  const PAGE = 1000;
  const out: RosterEntry[] = [];
  let after: { sortKey: string; _id: string } | null = null;
  for (let page = 0; page < maxPages; page++) {
    const base = { unitPath: unitId, sortKey: _.lt('1:') };
    const where: object = after
      ? _.or([{ unitPath: unitId, sortKey: _.gt(after.sortKey).and(_.lt('1:')) }, { unitPath: unitId, sortKey: after.sortKey, _id: _.gt(after._id) }])
      : base;
    const docs = await list<RosterEntry>(db.collection(COLLECTIONS.members).where(where).field(FIELDS).orderBy('sortKey', 'asc').orderBy('_id', 'asc').limit(PAGE));
    out.push(...docs.filter((m) => m.leader === true).map((m) => ({ ...m, sortKey: m.sortKey ?? '', leader: true, openid: m.openid ?? null })));
    if (docs.length < PAGE) return { leaders: out, more: false };
    const last = docs[docs.length - 1];
    after = { sortKey: last.sortKey ?? '', _id: last._id };
  }
  return { leaders: out, more: true };
}
