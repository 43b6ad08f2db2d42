// Practice pins: when a window (an exam, a make-up) is published, every question it may put on a
// paper is marked in the bank with `pinnedUntil` (its close plus a margin), so the practice pools
// of other contexts can leave it out with one indexed filter (core/domain/exam/practice.ts).
// Only this module writes the field, and only ever raises it.

import { pinnedUntilFor } from '../../core/domain/exam/practice';
import { COLLECTIONS } from '../lib/collections';
import { updateWhere, type Database } from '../lib/db';

/** Ids per conditional update: the `_.in` list of one request stays small (a pool holds up to 3000). */
const PIN_CHUNK = 500;

/**
 * Raise `pinnedUntil` of these questions to `closesAt + margin`, wherever it is lower or absent:
 * one conditional update per 500 ids, no read. Idempotent (a retried publish changes nothing), and
 * two windows pinning at once end with the later close: each document takes a value only while it
 * is the larger one. Returns how many documents were raised.
 */
export async function pinForWindow(db: Database, orgId: string, qids: readonly string[], closesAt: number): Promise<number> {
  const _ = db.command;
  const until = pinnedUntilFor(closesAt);
  const ids = [...new Set(qids)];
  let raised = 0;
  for (let i = 0; i < ids.length; i += PIN_CHUNK) {
    const chunk = ids.slice(i, i + PIN_CHUNK);
    raised += await updateWhere(
      db.collection(COLLECTIONS.questions).where({ _id: _.in(chunk), orgId, pinnedUntil: _.or(_.lt(until), _.exists(false)) }),
      { pinnedUntil: until },
    );
  }
  return raised;
}
