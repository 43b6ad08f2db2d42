// Building blocks for action schemas. Schemas run at each action's door in the cloud function;
// the client imports only the inferred types (type-only imports add nothing to the bundle). Each
// block is a function that builds it: a contract builds an action's schema on the action's first
// call (./lazy.ts), never at load.

import * as z from 'zod';

/** Ids the server generates or derives: short, URL-safe, never a path or an operator. */
export const idField = () =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

export const pageLimitField = () => z.number().int().min(1).max(100).default(20);

export const cursorField = () => z.string().max(200).nullish();

export interface Page<T> {
  items: T[];
  /** Opaque keyset cursor for the next page; null when this page is the last. */
  nextCursor: string | null;
}

/** Control characters (NUL, escapes, DEL): never part of anything a member types. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A single line of typed text: no control characters (nor line breaks), refused with `what` named. */
export function lineSchema(what: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${what}最多${max}字`)
    .refine((s) => !CONTROL_CHARS.test(s) && !/[\r\n]/.test(s), `${what}不能包含控制字符或换行`);
}

const dayKey = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** A period of the console (core/domain/console/period.ts): 本周, 本月 or a range of Beijing days. */
export const periodField = () =>
  z
    .object({
      kind: z.enum(['week', 'month', 'range']),
      fromDay: dayKey().nullish(),
      toDay: dayKey().nullish(),
    })
    .strict();
