// Points a dying call left behind (the quiz timer, for one organisation): a scored daily round or a
// counting contest round is committed with `pointsAwarded: false`, and the call that finished it
// sets it once the ledger took the award. A round still unmarked a while after it finished lost its
// award (the call died between the two); the timer awards it again — the ledger's id makes a second
// award nothing, so a call that merely ran late costs nothing either. Only rounds of the last two
// days are looked at, a bounded number a run, oldest first; the next run goes on.

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { Logger } from '../lib/deps';
import type { UnitDoc } from '../lib/model';
import { awardContestRound } from './contestFinish';
import type { ContestRoundDoc } from './contestModel';
import { awardDailyRound } from './finish';
import type { RoundDoc } from './model';

/** How far back a lost award is looked for. */
export const REPAIR_WINDOW_MS = 2 * 86_400_000;
/** A round finished more recently may still have its call awarding it. */
export const REPAIR_AFTER_MS = 2 * 60_000;
/** Rounds of each kind repaired per organisation and run. */
const REPAIR_BATCH = 50;

/** Rounds of `collection` owing their points: the oldest first, on the `orgId, pointsAwarded, finishedAt` index. */
async function owing<T extends { _id: string; finishedAt: number | null }>(db: Database, collection: string, orgId: string, now: number): Promise<T[]> {
  const _ = db.command;
  const rows = await list<T>(
    db
      .collection(collection)
      .where({ orgId, pointsAwarded: false, finishedAt: _.gt(now - REPAIR_WINDOW_MS) })
      .orderBy('finishedAt', 'asc')
      .limit(REPAIR_BATCH),
  );
  return rows.filter((r) => r.finishedAt !== null && r.finishedAt <= now - REPAIR_AFTER_MS);
}

/** The lost awards of one organisation's rounds, given again; how many rounds were repaired. */
export async function repairAwards(db: Database, log: Logger, orgId: string, units: UnitDoc[], now: number): Promise<number> {
  const pathOf = new Map(units.map((u) => [u._id, u.path]));
  // A unit closed since keeps its member's points on the organisation (the ledger needs a path).
  const path = (unitId: string) => pathOf.get(unitId) ?? [orgId, unitId];
  let repaired = 0;
  const attempt = async (what: string, run: () => Promise<number>) => {
    try {
      await run();
      repaired += 1;
    } catch (err) {
      log.error(`quiz timer: ${what} not repaired`, err instanceof Error ? err.message : err);
    }
  };
  for (const r of await owing<RoundDoc>(db, COLLECTIONS.quizRounds, orgId, now)) await attempt(r._id, () => awardDailyRound(db, r, path(r.unitId)));
  for (const r of await owing<ContestRoundDoc>(db, COLLECTIONS.contestRounds, orgId, now)) await attempt(r._id, () => awardContestRound(db, r, path(r.unitId)));
  return repaired;
}
