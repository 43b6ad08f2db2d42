// setPhotoPublic: the organisers of an item's unit mark one of its photos (a progress note's or the
// close-out's) shown in the public view, or not. Only a photo of this item: any other fileID is
// refused by name. Reads: identity, the item, its unit; in the transaction the item; one write
// (none when the flag is already so).

import type { TaskResponses } from '../../../core/contracts/campaignTasks';
import { invalid } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireOrganiser } from '../../org/ports';
import { itemForOrganiser } from '../taskAccess';
import { changeItem } from '../taskCounters';

const NOT_HERE = '照片：这张照片不属于这个事项';

export async function setPhotoPublic(input: { itemId: string; fileID: string; public: boolean }, ctx: ActionContext): Promise<TaskResponses['setPhotoPublic']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const { item, unit } = await itemForOrganiser(db, me, input.itemId);
  const has = (notes: typeof item.notes) => notes.some((n) => n.photos.some((p) => p.fileID === input.fileID));
  if (!has(item.notes)) throw invalid(NOT_HERE);
  const result = { itemId: item._id, fileID: input.fileID, public: input.public };
  return changeItem(db, item._id, unit, new Date(clock.now()), (cur) => {
    if (!has(cur.notes)) throw invalid(NOT_HERE);
    const same = cur.notes.every((n) => n.photos.every((p) => p.fileID !== input.fileID || p.public === input.public));
    if (same) return { next: null, result };
    const notes = cur.notes.map((n) => ({ ...n, photos: n.photos.map((p) => (p.fileID === input.fileID ? { ...p, public: input.public } : p)) }));
    return { next: { ...cur, notes }, result };
  });
}
