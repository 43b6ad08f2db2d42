// Who may do what with a task list and its items (docs/CAMPAIGNS.md, "Task lists"), checked on the
// server on every call: the organisers of the list's unit (or above it, or the org admin) manage the
// list; an item's owner (领办人, a roster member, maybe a plain member) writes progress on and closes
// their own item. The unit is read as it is now (one read by id), not from the path stored on the
// list, so a unit moved to another part of the tree is managed from where it stands.

import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import { forbidden, invalid, notFound } from '../lib/errors';
import { requireImage } from '../lib/images';
import type { MemberDoc, UnitDoc } from '../lib/model';
import type { ActionContext } from '../lib/router';
import { getMember, getUnit, mayManage, type Caller } from '../org/ports';
import type { TaskItemDoc, TaskListDoc, TaskNoteDoc } from './model';

const NO_LIST = '找不到这份清单';
const NO_ITEM = '找不到这个事项';

export async function loadList(db: Database, listId: string): Promise<TaskListDoc> {
  const list = await getById<TaskListDoc>(db, COLLECTIONS.taskLists, listId);
  if (!list) throw notFound(NO_LIST);
  return list;
}

export async function loadItem(db: Database, itemId: string): Promise<TaskItemDoc> {
  const item = await getById<TaskItemDoc>(db, COLLECTIONS.taskItems, itemId);
  if (!item) throw notFound(NO_ITEM);
  return item;
}

/** The unit a list (and its items) belongs to, as it is now. */
export async function unitOf(db: Database, unitId: string): Promise<UnitDoc> {
  const unit = await getUnit(db, unitId);
  if (!unit) throw notFound('找不到清单所属的组织');
  return unit;
}

/** A list the caller manages, with its unit. Another organisation's list reads as missing. */
export async function listForOrganiser(db: Database, caller: Caller, listId: string): Promise<{ list: TaskListDoc; unit: UnitDoc }> {
  const list = await loadList(db, listId);
  if (list.orgId !== caller.orgId) throw notFound(NO_LIST);
  const unit = await unitOf(db, list.unitId);
  if (!mayManage(caller, unit)) throw forbidden('只有清单所属组织的管理员可以进行此操作');
  return { list, unit };
}

export interface ItemAccess {
  item: TaskItemDoc;
  unit: UnitDoc;
  /** An organiser of the item's unit (or above): may edit it, reopen it, mark photos public. */
  organiser: boolean;
  /** The item's owner (领办人): may write progress and close it. */
  owner: boolean;
}

async function itemAccess(db: Database, caller: Caller, itemId: string): Promise<ItemAccess> {
  const item = await loadItem(db, itemId);
  if (item.orgId !== caller.orgId) throw notFound(NO_ITEM);
  const unit = await unitOf(db, item.unitId);
  return { item, unit, organiser: mayManage(caller, unit), owner: item.ownerMemberId === caller._id };
}

/** An item the caller may write progress on and close: its owner, or an organiser of its unit. */
export async function itemForUpdate(db: Database, caller: Caller, itemId: string): Promise<ItemAccess> {
  const access = await itemAccess(db, caller, itemId);
  if (!access.organiser && !access.owner) throw forbidden('只有事项负责人和管理员可以更新这个事项');
  return access;
}

/** An item the caller manages: organisers of its unit (or above) only. */
export async function itemForOrganiser(db: Database, caller: Caller, itemId: string): Promise<ItemAccess> {
  const access = await itemAccess(db, caller, itemId);
  if (!access.organiser) throw forbidden('只有清单所属组织的管理员可以进行此操作');
  return access;
}

/**
 * The item's owner: a roster entry of the list's unit or a unit below it (bound or not).
 * Missing and elsewhere read the same: the answer says nothing of who else is on the roster.
 */
export async function requireOwner(db: Database, unit: UnitDoc, memberId: string): Promise<MemberDoc> {
  const member = await getMember(db, memberId);
  if (!member || member.orgId !== unit.orgId || !member.unitPath.includes(unit._id)) throw invalid('负责人不在本单位名单中');
  return member;
}

/**
 * The photos of a note or a close-out, each the caller's own upload through this context's
 * `photo` ticket and a whole image (checked by its bytes, as check-in photos are), in order, once
 * each. Another member's file reads as missing; nothing is written before every one passes.
 */
export async function requirePhotos(ctx: ActionContext, photos: readonly string[]): Promise<string[]> {
  const unique = [...new Set(photos)];
  for (const p of unique) await requireImage(ctx.deps.storage, { openid: ctx.openid, context: 'campaign', purpose: 'photo' }, p, '照片');
  return unique;
}

/** A note written now by the caller: progress, close-out or reopen; its photos start private. */
export function newNote(
  ids: { random(bytes: number): string },
  by: Pick<Caller, '_id' | 'name'>,
  kind: TaskNoteDoc['kind'],
  text: string,
  photos: readonly string[],
  at: Date,
): TaskNoteDoc {
  return { noteId: ids.random(8), kind, text, photos: photos.map((fileID) => ({ fileID, public: false })), at, byMemberId: by._id, byName: by.name };
}

