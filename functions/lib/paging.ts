// Opaque keyset cursors (rule 9: never a growing skip). A cursor carries the sort values of the
// last item of a page; the next query starts strictly after them.

import type { Command } from './db';
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
