// What organisers and owners are shown of task lists (core/contracts/campaignTasks.ts): a list's
// counts from its own counters, and an item with its notes and photos' temporary links. The
// public view has its own projection (core/domain/campaign/tasks.ts publicProjection).

import type { TaskItemView, TaskListSummary, TaskNoteView } from '../../core/contracts/campaignTasks';
import { isOverdue, overdueCount } from '../../core/domain/campaign/tasks';
import type { TaskItemDoc, TaskListDoc } from './model';

export function listSummary(list: TaskListDoc, unitName: string, today: string): TaskListSummary {
  return {
    listId: list._id,
    unitId: list.unitId,
    unitName,
    kind: list.kind,
    title: list.title,
    public: list.public,
    total: list.total ?? 0,
    done: list.done ?? 0,
    overdue: overdueCount(list.openByDeadline ?? {}, today),
  };
}

/** Every photo fileID of these items' notes (for one batch of temporary links). */
export function photoIds(items: readonly TaskItemDoc[]): string[] {
  return [...new Set(items.flatMap((i) => i.notes.flatMap((n) => n.photos.map((p) => p.fileID))))];
}

function noteView(note: TaskItemDoc['notes'][number], urls: ReadonlyMap<string, string>): TaskNoteView {
  return {
    noteId: note.noteId,
    kind: note.kind,
    text: note.text,
    photos: note.photos.map((p) => ({ fileID: p.fileID, url: urls.get(p.fileID) || null, public: p.public })),
    at: new Date(note.at).getTime(),
    byName: note.byName,
  };
}

/**
 * An item as the caller sees it. `full`: an organiser, or the item's owner — the owner, the notes
 * and the detail. Otherwise (another owner of the same list) the title, deadline and status only:
 * names are shown to organisers and to the person named.
 */
export function itemView(item: TaskItemDoc, today: string, urls: ReadonlyMap<string, string>, rights: { full: boolean; mayUpdate: boolean; mayEdit: boolean }): TaskItemView {
  return {
    itemId: item._id,
    version: item.version,
    title: item.title,
    detail: rights.full ? item.detail : '',
    ownerMemberId: rights.full ? item.ownerMemberId : '',
    ownerName: rights.full ? item.ownerName : '',
    deadlineDay: item.deadlineDay,
    status: item.status,
    overdue: isOverdue(item, today),
    doneAt: item.doneAt ? new Date(item.doneAt).getTime() : null,
    doneLate: item.doneLate,
    notes: rights.full ? item.notes.map((n) => noteView(n, urls)) : [],
    mayUpdate: rights.mayUpdate,
    mayEdit: rights.mayEdit,
  };
}
