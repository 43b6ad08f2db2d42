// closeTaskItem: the item's owner or an organiser of its unit closes it (办结) with what was done and
// its evidence (photos, each their own upload); doneLate when closed after the deadline's day. The
// item and the list's and unit's counters move in one transaction, so ten taps at once close it
// once and count it done once; closing a done item again is FAILED_PRECONDITION. Reads: identity,
// the item, its unit; the photos' bytes; in the transaction the item, the list, the unit's counters.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { isDoneLate, notesProblem } from '../../../core/domain/campaign/tasks';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { itemForUpdate, newNote, requirePhotos } from '../taskAccess';
import { changeItem } from '../taskCounters';

const CLOSED_ALREADY = '这个事项已经办结';

export async function closeTaskItem(input: { itemId: string; text: string; photos: string[] }, ctx: ActionContext): Promise<TaskResponses['closeTaskItem']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireMember(ctx);
  const { item, unit } = await itemForUpdate(db, me, input.itemId);
  if (item.status === 'done') throw precondition(CLOSED_ALREADY);
  const photos = await requirePhotos(ctx, input.photos);
  const at = clock.now();
  const now = new Date(at);
  const note = newNote(ids, me, 'closeOut', input.text, photos, now);
  return changeItem(db, item._id, unit, now, (cur) => {
    if (cur.status === 'done') throw precondition(CLOSED_ALREADY);
    const problem = notesProblem(cur.notes.length);
    if (problem) throw precondition(problem);
    const doneLate = isDoneLate(cur.deadlineDay, at);
    return {
      next: { ...cur, status: 'done', doneAt: now, doneLate, notes: [...cur.notes, note], updatedAt: now },
      result: { itemId: cur._id, status: 'done', doneLate },
    };
  });
}
