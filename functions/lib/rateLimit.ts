// Attempt and write limits, shared by every context (shared kernel: only this module writes
// `rateLimits`). Fixed windows: one document per (scope, key, window) with a deterministic _id, so
// the database settles races: a token is taken by one conditional update (count < limit → +1);
// when that matches nothing the window's document is created, and a duplicate _id means another
// call created it first, so the conditional update is tried once more.

import { createHash } from 'node:crypto';
import { BEIJING_OFFSET_MS } from '../../core/domain/time';
import { COLLECTIONS } from './collections';
import { getById, insert, isDuplicateKeyError, list, updateWhere, type Database } from './db';
import { AppError } from './errors';

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export interface LimitRule {
  /** Short name of what is counted; part of the _id (letters, digits, '-'). */
  scope: string;
  /** Tokens per window. */
  limit: number;
  windowMs: number;
  /** 'attempts': guesses of a secret; 'writes': repeated writes (different words for the wait). */
  kind: 'attempts' | 'writes';
  /**
   * Most calls are the first of their window (a bind attempt, a day's check-in): create the
   * window's document first, saving the conditional update that would match nothing.
   */
  freshFirst?: boolean;
}

export interface RateLimitDoc {
  _id: string;
  scope: string;
  /** Hash of the key: an openid or member id is not stored in the clear where it is not needed. */
  keyHash: string;
  windowStart: Date;
  count: number;
  limit: number;
  /** When the document may be deleted (the end of its window). */
  expiresAt: Date;
}

/**
 * Day windows follow Beijing days ("请明天再试" means the calendar day the member lives in); shorter
 * windows are aligned to the epoch, as every divisor of a day is aligned to Beijing midnight too.
 */
export function windowOf(rule: Pick<LimitRule, 'windowMs'>, now: number): { start: number; end: number } {
  const shift = rule.windowMs % DAY_MS === 0 ? BEIJING_OFFSET_MS : 0;
  const start = Math.floor((now + shift) / rule.windowMs) * rule.windowMs - shift;
  return { start, end: start + rule.windowMs };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

export function limitDocId(rule: Pick<LimitRule, 'scope' | 'windowMs'>, key: string, now: number): string {
  return `rl-${rule.scope}-${windowOf(rule, now).start}-${hashKey(key)}`;
}

/** The wait until the window ends, in words an older member reads at a glance (' 8 分钟后', '明天'). */
export function waitWords(rule: Pick<LimitRule, 'windowMs'>, now: number): string {
  const { end } = windowOf(rule, now);
  if (rule.windowMs >= DAY_MS) return '明天';
  const left = Math.max(1, end - now);
  if (left > 90 * MINUTE_MS) return ` ${Math.ceil(left / (60 * MINUTE_MS))} 小时后`;
  return ` ${Math.ceil(left / MINUTE_MS)} 分钟后`;
}

export function limitMessage(rule: Pick<LimitRule, 'windowMs' | 'kind'>, now: number): string {
  const lead = rule.kind === 'attempts' ? '尝试次数太多' : rule.windowMs >= DAY_MS ? '今天的操作次数太多' : '操作太频繁';
  return `${lead}，请${waitWords(rule, now)}再试`;
}

export function exhausted(rule: LimitRule, now: number): AppError {
  return new AppError('RESOURCE_EXHAUSTED', limitMessage(rule, now));
}

async function take(db: Database, id: string, limit: number): Promise<boolean> {
  const _ = db.command;
  return (await updateWhere(db.collection(COLLECTIONS.rateLimits).where({ _id: id, count: _.lt(limit) }), { count: _.inc(1) })) === 1;
}

async function create(db: Database, rule: LimitRule, id: string, key: string, now: number): Promise<boolean> {
  const { start, end } = windowOf(rule, now);
  const doc: RateLimitDoc = { _id: id, scope: rule.scope, keyHash: hashKey(key), windowStart: new Date(start), count: 1, limit: rule.limit, expiresAt: new Date(end) };
  try {
    await insert(db, COLLECTIONS.rateLimits, { ...doc });
    return true;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return false;
  }
}

/**
 * Take one token of `rule` for `key` at `now`; RESOURCE_EXHAUSTED (with the wait in words) when
 * the window's tokens are all taken. One or two writes, three when a concurrent call created the
 * window's document between them.
 */
export async function consume(db: Database, rule: LimitRule, key: string, now: number): Promise<void> {
  if (rule.limit < 1) throw exhausted(rule, now);
  const id = limitDocId(rule, key, now);
  if (rule.freshFirst) {
    if (await create(db, rule, id, key, now)) return;
    if (await take(db, id, rule.limit)) return;
    throw exhausted(rule, now);
  }
  if (await take(db, id, rule.limit)) return;
  if (await create(db, rule, id, key, now)) return;
  if (await take(db, id, rule.limit)) return;
  throw exhausted(rule, now);
}

/** Take a token of each rule in order; a refusal gives back what this call took before it. */
export async function consumeAll(db: Database, rules: readonly LimitRule[], key: string, now: number): Promise<void> {
  const taken: LimitRule[] = [];
  try {
    for (const rule of rules) {
      await consume(db, rule, key, now);
      taken.push(rule);
    }
  } catch (err) {
    for (const rule of taken) await refund(db, rule, key, now);
    throw err;
  }
}

/**
 * Give back a token taken at `now` (the attempt turned out right). Conditional on a token being
 * there, so a refund never drives the count below zero.
 */
export async function refund(db: Database, rule: LimitRule, key: string, now: number): Promise<void> {
  const _ = db.command;
  await updateWhere(db.collection(COLLECTIONS.rateLimits).where({ _id: limitDocId(rule, key, now), count: _.gt(0) }), { count: _.inc(-1) });
}

/** Tokens taken in the current window (read-only). */
export async function peek(db: Database, rule: LimitRule, key: string, now: number): Promise<number> {
  const doc = await getById<RateLimitDoc>(db, COLLECTIONS.rateLimits, limitDocId(rule, key, now));
  return doc?.count ?? 0;
}

/** Ended windows deleted per sweep: a timer run stays short whatever the backlog. */
export const SWEEP_BATCH = 500;

/**
 * Delete up to `batch` windows that have ended by `now` (by the `expiresAt` index). An ended
 * window is never taken from or refunded again (both name the window of their own `now`), so
 * deleting it races with nothing. Returns how many were deleted.
 */
export async function sweepExpired(db: Database, now: number, batch = SWEEP_BATCH): Promise<number> {
  const _ = db.command;
  const ended = await list<RateLimitDoc>(
    db.collection(COLLECTIONS.rateLimits).where({ expiresAt: _.lte(new Date(now)) }).field({ _id: true }).limit(batch),
  );
  if (ended.length === 0) return 0;
  const res = (await db
    .collection(COLLECTIONS.rateLimits)
    .where({ _id: _.in(ended.map((d) => d._id)), expiresAt: _.lte(new Date(now)) })
    .remove()) as { stats?: { removed?: number } };
  return res.stats?.removed ?? 0;
}
