// Opaque keyset cursors (rule 9: never a growing skip). A cursor carries the sort values of the
// last item of a page; the next query starts strictly after them.

import { list, type BaseDoc, type Command, type Database } from './db';
import { invalid } from './errors';

export function encodeKeyset(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values of a cursor, checked against the expected kinds; INVALID_ARGUMENT otherwise. */
export function decodeKeyset<K extends Array<'string' | 'number'>>(
  cursor: string,
  kinds: [...K],
): { [I in keyof K]: K[I] extends 'string' ? string : number } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === kinds.length && v.every((x, i) => typeof x === kinds[i])) {
      return v as { [I in keyof K]: K[I] extends 'string' ? string : number };
    }
  } catch {
    // fall through
  }
  throw invalid('字段 cursor：分页位置无效，请刷新后重试');
}

/**
 * The filter of the page after `cursor` in a list sorted newest first by `field` then `_id`
 * (both descending): `base` alone without a cursor. `asDate` for fields stored as Dates.
 */
export function afterCursor(_: Command, base: Record<string, unknown>, field: string, cursor: string | null | undefined, asDate = false): object {
  if (!cursor) return base;
  const [n, id] = decodeKeyset(cursor, ['number', 'string']);
  const at = asDate ? new Date(n) : n;
  return _.or([{ ...base, [field]: _.lt(at) }, { ...base, [field]: at, _id: _.lt(id) }]);
}

/**
 * The end of a keyset page: `docs` was read with `.limit(limit + 1)`, so the first `limit` are the
 * page and a next page exists only when more came back; its cursor is made from the page's last item.
 */
export function cursorPage<T>(docs: T[], limit: number, cursorOf: (last: T) => string): { page: T[]; nextCursor: string | null } {
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: docs.length > limit && last ? cursorOf(last) : null };
}

/** `cursorPage` with the cursor `encodeKeyset(keyOf(last))`: the sort values of the page's last item. */
export function keysetPage<T>(docs: T[], limit: number, keyOf: (last: T) => Array<string | number>): { page: T[]; nextCursor: string | null } {
  return cursorPage(docs, limit, (last) => encodeKeyset(keyOf(last)));
}

/** The most documents one read returns (the SDK's ceiling). */
export const READ_CEILING = 1000;

/**
 * Every document of `collection` matching `base`, read in keyset pages along `key` ascending, a
 * field unique under `base` (`unitId` within an organisation's day, or `_id`): for timers and
 * roll-ups that must see the whole of a set that can pass the 1,000 documents one read returns
 * (an organisation's units, its per-unit counters of a day). Past `maxDocs` it throws rather than
 * return part of the set: a caller that computes counters from it must never act on a truncated read.
 * One read per 1,000 documents (and one more when the last page is exactly full).
 */
export async function listAllByKey<T extends BaseDoc>(
  db: Database,
  collection: string,
  base: Record<string, unknown>,
  key: string,
  maxDocs = 50_000,
): Promise<T[]> {
  const _ = db.command;
  const all: T[] = [];
  let after: unknown;
  for (;;) {
    const where = after === undefined ? base : { ...base, [key]: _.gt(after) };
    const page = await list<T>(db.collection(collection).where(where).orderBy(key, 'asc').limit(READ_CEILING));
    all.push(...page);
    if (all.length > maxDocs) throw new Error(`listAllByKey: more than ${maxDocs} documents in ${collection}; refusing a partial read`);
    if (page.length < READ_CEILING) return all;
    after = (page[page.length - 1] as unknown as Record<string, unknown>)[key];
  }
}
