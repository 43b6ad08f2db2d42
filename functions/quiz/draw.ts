// Which questions a new round gets: the pool's ids in the order the member should meet them
// (unseen in 30 days first), then their content read through the exam context's port in one
// query that also leaves out whatever practice may no longer serve (a window published since the
// pool was chosen, a question made exam-only or retired). A second read only when more than
// CANDIDATES - ROUND_SIZE of the first candidates were left out. A contest's round draws `size`.

import { CANDIDATES, pickCandidates, ROUND_SIZE, type Seen } from '../../core/domain/quiz';
import type { Database } from '../lib/db';
import { PRACTICE_IDS_MAX, practiceQuestionsByIds, type PracticeQuestion } from '../exam/ports';

export async function drawRound(
  db: Database,
  orgId: string,
  pool: readonly string[],
  recent: readonly Seen[],
  today: string,
  now: number,
  rand: () => number,
  size = ROUND_SIZE,
): Promise<PracticeQuestion[]> {
  // The same room for questions pinned since the pool was built, whatever the round's size (a contest's is up to 50).
  const first = Math.min(PRACTICE_IDS_MAX, size + CANDIDATES - ROUND_SIZE);
  const order = pickCandidates(pool, recent, today, first + PRACTICE_IDS_MAX, rand);
  const chosen: PracticeQuestion[] = [];
  for (const [from, to] of [
    [0, first],
    [first, first + PRACTICE_IDS_MAX],
  ]) {
    const slice = order.slice(from, to);
    if (slice.length === 0) break;
    const found = new Map((await practiceQuestionsByIds(db, orgId, slice, now)).map((q) => [q.id, q]));
    for (const id of slice) {
      const q = found.get(id);
      if (q && chosen.length < size) chosen.push(q);
    }
    if (chosen.length >= size) break;
  }
  return chosen;
}
