// addTaskNote: the item's owner (领办人) or an organiser of its unit writes a progress note with up to
// 9 photos (each their own upload, a whole image); an item not started is then under way (todo →
// doing), which moves no counter. A done item takes no more notes (reopen it first); an item keeps
// at most MAX_NOTES. Reads: identity, the item, its unit; the photos' bytes; in the transaction the
// item; one write.

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { notesProblem, statusAfterNote } from '../../../core/domain/campaign/tasks';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import { itemForUpdate, newNote, requirePhotos } from '../taskAccess';
import { changeItem } from '../taskCounters';

export const DONE_ALREADY = '这个事项已经办结，如需补充请管理员先重新打开';

export async function addTaskNote(input: { itemId: string; text: string; photos: string[] }, ctx: ActionContext): Promise<TaskResponses['addTaskNote']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireMember(ctx);
  const { item, unit } = await itemForUpdate(db, me, input.itemId);
  if (item.status === 'done') throw precondition(DONE_ALREADY);
  const photos = await requirePhotos(ctx, input.photos);
  const now = new Date(clock.now());
  const note = newNote(ids, me, 'progress', input.text, photos, now);
  return changeItem(db, item._id, unit, now, (cur) => {
    if (cur.status === 'done') throw precondition(DONE_ALREADY);
    const problem = notesProblem(cur.notes.length);
    if (problem) throw precondition(problem);
    const status = statusAfterNote(cur.status);
    return { next: { ...cur, status, notes: [...cur.notes, note], updatedAt: now }, result: { noteId: note.noteId, status } };
  });
}
