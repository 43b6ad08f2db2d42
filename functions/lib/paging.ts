// Opaque keyset cursors (rule 9: never a growing skip). A cursor carries the sort values of the
// last item of a page; the next query starts strictly after them.

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
