// The timer's walk over closed days for a context's roll-ups (check-ins, points): for every
// organisation, the last closed days again, then, while the tree has changed since the history was
// computed, older days a batch at a time back to a year or the organisation's creation, resumed
// from the context's run document. Stops when `budgetMs` is spent; the next run goes on.
// The context gives its own day computation and run document (its collections stay its own).

import { addDays, beijingDayKey } from '../../core/domain/time';
import type { UnitDoc } from './model';

/** Closed days recomputed on every run (late writes: make-ups, repeated awards). */
export const RECHECK_DAYS = 8;
/** After the tree changes, older days are recomputed this many per run, newest first. */
export const BACKFILL_DAYS_PER_RUN = 30;
/** Roll-ups are kept for a year and a day (the longest period a roll-up read accepts). */
export const HISTORY_DAYS = 366;

/** Where an organisation's backfill stands: the next (older) day to compute, under which tree. */
export interface RollupRun {
  tree: number;
  next: string;
}

export interface RollupSchedule {
  /** The organisations' roots (org's `organisationRoots`). */
  roots: UnitDoc[];
  unitsOf(orgId: string): Promise<UnitDoc[]>;
  /** Computes one day of one organisation; the documents written. */
  rollupDay(orgId: string, units: UnitDoc[], tree: number, day: string): Promise<number>;
  readRun(orgId: string): Promise<RollupRun | null>;
  writeRun(orgId: string, run: RollupRun): Promise<void>;
}

export async function runRollupSchedule(s: RollupSchedule, now: number, budgetMs: number): Promise<{ organisations: number; days: number; writes: number; done: boolean }> {
  const started = Date.now();
  const today = beijingDayKey(now);
  const yesterday = addDays(today, -1);
  let days = 0;
  let writes = 0;
  let done = true;
  const spent = () => Date.now() - started > budgetMs;
  for (const root of s.roots) {
    if (spent()) {
      done = false;
      break;
    }
    const tree = root.treeVersion ?? 0;
    const units = await s.unitsOf(root._id);
    const first = beijingDayKey(new Date(root.createdAt).getTime());
    const floor = [addDays(today, -HISTORY_DAYS), first].sort()[1];
    for (let d = yesterday, k = 0; k < RECHECK_DAYS && d >= floor && !spent(); k++, d = addDays(d, -1)) {
      writes += await s.rollupDay(root._id, units, tree, d);
      days += 1;
    }
    if (spent()) done = false;
    // Older days: computed once per tree version, newest first, resumed from the run document.
    const run = await s.readRun(root._id);
    let next = run && run.tree === tree ? run.next : addDays(yesterday, -RECHECK_DAYS);
    for (let k = 0; k < BACKFILL_DAYS_PER_RUN && next >= floor; k++) {
      if (spent()) {
        done = false;
        break;
      }
      writes += await s.rollupDay(root._id, units, tree, next);
      days += 1;
      next = addDays(next, -1);
    }
    if (!run || run.tree !== tree || run.next !== next) await s.writeRun(root._id, { tree, next });
    if (next >= floor) done = false;
  }
  return { organisations: s.roots.length, days, writes, done };
}

/**
 * Today and the closed days a late write can still change (`RECHECK_DAYS`), for every
 * organisation: the walk of the timers' counter repairs. Stops when `budgetMs` is spent.
 */
export async function forRecentDays(
  roots: UnitDoc[],
  now: number,
  budgetMs: number,
  repairDay: (orgId: string, day: string) => Promise<{ checked: number; repaired: number }>,
): Promise<{ checked: number; repaired: number; done: boolean }> {
  const started = Date.now();
  const today = beijingDayKey(now);
  let checked = 0;
  let repaired = 0;
  for (const root of roots) {
    for (let k = 0, day = today; k <= RECHECK_DAYS; k++, day = addDays(day, -1)) {
      if (Date.now() - started > budgetMs) return { checked, repaired, done: false };
      const r = await repairDay(root._id, day);
      checked += r.checked;
      repaired += r.repaired;
    }
  }
  return { checked, repaired, done: true };
}
