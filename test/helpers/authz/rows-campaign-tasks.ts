// The campaign context's tasks actions (core/contracts/campaignTasks.ts): who may run each on A's
// objects. A's organiser keeps a published task list for A whose items A's organiser owns, so the
// organisers of A's subtree (A's own, the one above, the org admin) may do everything and A's
// plain member, who owns nothing there, nothing; the public view answers anyone, bound or not.
// Items that a call changes (edit, note, close, reopen, a photo made public) are made afresh for
// each permitted caller through the actions.

import { addDays, beijingDayKey } from '../../../core/domain/time';
import { issueTicket } from '../../../functions/lib/uploads';
import { encodePng } from '../../../localcloud/png';
import { A } from './fixture';
import type { Fixture } from './fixture';
import { CALLERS, MEMBER_IDS, type Table } from './types';

const ORGANISER = CALLERS.organiser;

/** One published list of A per fixture, for the rows that read it or add to it. */
const shared = new WeakMap<Fixture, Promise<string>>();
function sharedList(fx: Fixture): Promise<string> {
  let id = shared.get(fx);
  if (!id) {
    id = fx.ok<{ listId: string }>(ORGANISER, 'campaign', 'createTaskList', { unitId: A, kind: 'service', title: '矩阵实事清单', public: true }).then((r) => r.listId);
    shared.set(fx, id);
  }
  return id;
}

const deadline = (fx: Fixture) => addDays(beijingDayKey(fx.t.cloud.clock.now()), 30);
const itemFields = (fx: Fixture) => ({ title: fx.unique('矩阵事项'), ownerMemberId: MEMBER_IDS.organiser, deadlineDay: deadline(fx) });

/** A new item of the shared list, owned by A's organiser (a member of A). */
async function newItem(fx: Fixture): Promise<string> {
  return (await fx.ok<{ itemId: string }>(ORGANISER, 'campaign', 'addTaskItem', { listId: await sharedList(fx), ...itemFields(fx) })).itemId;
}

async function closedItem(fx: Fixture): Promise<string> {
  const itemId = await newItem(fx);
  await fx.ok(ORGANISER, 'campaign', 'closeTaskItem', { itemId, text: '矩阵办结' });
  return itemId;
}

/** A new item with a progress note carrying a photo A's organiser uploaded (at their own photo ticket's path). */
async function itemWithPhoto(fx: Fixture): Promise<{ itemId: string; fileID: string }> {
  const itemId = await newItem(fx);
  const fileID = await fx.t.upload(issueTicket(ORGANISER, 'campaign', 'photo', 'p.png').cloudPath, encodePng(1, 1, 0, Buffer.from([0, 99])));
  await fx.ok(ORGANISER, 'campaign', 'addTaskNote', { itemId, text: '矩阵进展', photos: [fileID] });
  return { itemId, fileID };
}

export const campaignTasksRows: Table = {
  createTaskList: { who: 'organiser-of-target', payload: (fx) => ({ unitId: A, kind: 'problem', title: fx.unique('矩阵问题清单') }) },
  updateTaskList: { who: 'organiser-of-target', payload: async (fx) => ({ listId: await sharedList(fx), title: '矩阵实事清单', public: true }) },
  listTaskLists: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  // A's plain member owns no item of it: the list is the organisers' (an owner's view is in campaign-tasks.test.ts).
  getTaskList: { who: 'organiser-of-target', payload: async (fx) => ({ listId: await sharedList(fx) }) },
  addTaskItem: { who: 'organiser-of-target', payload: async (fx) => ({ listId: await sharedList(fx), ...itemFields(fx) }) },
  updateTaskItem: { who: 'organiser-of-target', payload: async (fx) => ({ itemId: await newItem(fx), version: 0, ...itemFields(fx) }) },
  // The owner is A's organiser; the organisers above may write too.
  addTaskNote: { who: 'organiser-of-target', payload: async (fx) => ({ itemId: await newItem(fx), text: '矩阵进展' }) },
  closeTaskItem: { who: 'organiser-of-target', payload: async (fx) => ({ itemId: await newItem(fx), text: '矩阵办结' }) },
  reopenTaskItem: { who: 'organiser-of-target', payload: async (fx) => ({ itemId: await closedItem(fx), reason: '矩阵重开' }) },
  setPhotoPublic: { who: 'organiser-of-target', payload: async (fx) => ({ ...(await itemWithPhoto(fx)), public: true }) },
  taskRollup: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  // Published: anyone, bound or not, another organisation's admin included.
  publicTaskList: { who: 'unknown-ok', payload: async (fx) => ({ listId: await sharedList(fx) }) },
  // 我负责的实事: every bound member lists their own items (the foreign admin theirs); nothing of A's is named.
  myTaskItems: { who: 'anyone-bound', ownOrg: true },
};
