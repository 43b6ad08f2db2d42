// Building blocks for action schemas. Schemas run at each action's door in the cloud function;
// the client imports only the inferred types (type-only imports add nothing to the bundle).

import { z } from 'zod';

/** Ids the server generates or derives: short, URL-safe, never a path or an operator. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

export const pageLimitSchema = z.number().int().min(1).max(100).default(20);

export const cursorSchema = z.string().max(200).nullish();

export interface Page<T> {
  items: T[];
  /** Opaque keyset cursor for the next page; null when this page is the last. */
  nextCursor: string | null;
}
