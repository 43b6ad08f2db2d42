// Rules of task lists (实事清单 / 问题清单 / 责任清单, docs/CAMPAIGNS.md "Task lists"), pure: when an
// item is overdue or was done late, how each write moves the counters kept per list and per unit,
// what a deadline and a note may be, and the public projection the people served are shown.
//
// Counters: a unit (and each list) keeps `total`, `done` and `openByDeadline` — the items not done,
// by their deadline day. Overdue is the sum of the days before today, so it grows by itself as days
// pass with nothing written. Every write of an item moves the counters by the difference between
// what the item counted for before and after, so each transition (add, note, close, reopen, a new
// deadline) is one rule, not six.

import { isCalendarDay } from '../console/period';
import { beijingDayKey } from '../time';
import type { PublicTaskList, TaskListKind, TaskStatus } from '../../contracts/campaignTasks';

/** Notes kept on one item (progress, close-out, reopen): the item document stays small. */
export const MAX_NOTES = 100;
/** Items of one list: the largest lists in the field have some 60 (62项"为民办实事"任务清单). */
export const MAX_ITEMS_PER_LIST = 200;
/** Task lists of one unit. */
export const MAX_LISTS_PER_UNIT = 100;

export interface TaskCounters {
  total: number;
  done: number;
  /** Items not done, by deadline day; a day with none is left out. */
  openByDeadline: Record<string, number>;
}

export const EMPTY_COUNTERS: TaskCounters = { total: 0, done: 0, openByDeadline: {} };

/** What an item counts for: its status and deadline (null: the item does not exist). */
export interface CountedItem {
  status: TaskStatus;
  deadlineDay: string;
}

/** Items not done whose deadline day is before `today` (Beijing). */
export function overdueCount(openByDeadline: Readonly<Record<string, number>>, today: string): number {
  let n = 0;
  for (const [day, count] of Object.entries(openByDeadline)) if (day < today) n += count;
  return n;
}

/** Is the item overdue today: not done, and its deadline day has passed. */
export function isOverdue(item: CountedItem, today: string): boolean {
  return item.status !== 'done' && item.deadlineDay < today;
}

/** Done after the deadline's day (Beijing): done on the deadline day itself is on time. */
export function isDoneLate(deadlineDay: string, doneAt: number): boolean {
  return beijingDayKey(doneAt) > deadlineDay;
}

function contribution(item: CountedItem | null): TaskCounters {
  if (!item) return EMPTY_COUNTERS;
  const done = item.status === 'done';
  return { total: 1, done: done ? 1 : 0, openByDeadline: done ? {} : { [item.deadlineDay]: 1 } };
}

/** How the counters move when an item goes from `before` to `after` (null: not there). */
export function counterDelta(before: CountedItem | null, after: CountedItem | null): TaskCounters {
  const a = contribution(before);
  const b = contribution(after);
  const open: Record<string, number> = {};
  for (const [day, n] of Object.entries(b.openByDeadline)) open[day] = (open[day] ?? 0) + n;
  for (const [day, n] of Object.entries(a.openByDeadline)) open[day] = (open[day] ?? 0) - n;
  for (const day of Object.keys(open)) if (open[day] === 0) delete open[day];
  return { total: b.total - a.total, done: b.done - a.done, openByDeadline: open };
}

/** Whether a delta changes nothing (a progress note on an item already under way). */
export function isZeroDelta(delta: TaskCounters): boolean {
  return delta.total === 0 && delta.done === 0 && Object.keys(delta.openByDeadline).length === 0;
}

/** The counters after a delta; days left with no item are dropped, so the map stays as small as the open items. */
export function applyDelta(counters: Partial<TaskCounters> | null | undefined, delta: TaskCounters): TaskCounters {
  const open: Record<string, number> = { ...(counters?.openByDeadline ?? {}) };
  for (const [day, n] of Object.entries(delta.openByDeadline)) open[day] = (open[day] ?? 0) + n;
  for (const day of Object.keys(open)) if (open[day] <= 0) delete open[day];
  return {
    total: Math.max(0, (counters?.total ?? 0) + delta.total),
    done: Math.max(0, (counters?.done ?? 0) + delta.done),
    openByDeadline: open,
  };
}

/** Counters of several units (or lists) added together: a subtree's, a child's. */
export function sumCounters(all: ReadonlyArray<Partial<TaskCounters>>): TaskCounters {
  let sum: TaskCounters = EMPTY_COUNTERS;
  for (const c of all) sum = applyDelta(sum, { total: c.total ?? 0, done: c.done ?? 0, openByDeadline: c.openByDeadline ?? {} });
  return sum;
}

/**
 * Why a deadline is refused, naming the field (null: fine). `today` is Beijing's; a day before it
 * is refused on an item's creation and when the deadline is changed (an unchanged past deadline
 * stays: the item is simply overdue).
 */
export function deadlineProblem(day: string, today: string): string | null {
  if (!isCalendarDay(day)) return `截止日期：${day} 不是有效的日期`;
  if (day < today) return '截止日期不能早于今天';
  return null;
}

/** Why another note (progress, close-out or reopen) cannot be added (null: it can). */
export function notesProblem(notes: number): string | null {
  return notes >= MAX_NOTES ? `一个事项最多记录${MAX_NOTES}条进展，请联系管理员整理后再记` : null;
}

/** The status after a progress note: a note on an item not started says it is under way. */
export function statusAfterNote(status: TaskStatus): TaskStatus {
  return status === 'todo' ? 'doing' : status;
}

/** The parts of an item the public projection reads: no owner, no note text. */
export interface PublicItemSource {
  title: string;
  status: TaskStatus;
  deadlineDay: string;
  doneAt: number | null;
  notes: ReadonlyArray<{ photos: ReadonlyArray<{ fileID: string; public: boolean }> }>;
}

/** The fileIDs an organiser marked public, over every note of the items, in order, once each. */
export function publicPhotoIds(items: ReadonlyArray<Pick<PublicItemSource, 'notes'>>): string[] {
  const seen = new Set<string>();
  for (const item of items) for (const note of item.notes) for (const p of note.photos) if (p.public) seen.add(p.fileID);
  return [...seen];
}

/**
 * What the people served see of a public list: titles, status, deadline, the day it was done and
 * the public photos' links. Built field by field from what may be shown, so nothing else — an
 * owner's name, a member id, a note's text, a photo not marked public — can ride along. A photo
 * whose link could not be made is left out.
 */
export function publicProjection(
  list: { title: string; kind: TaskListKind },
  unitName: string,
  items: readonly PublicItemSource[],
  urls: ReadonlyMap<string, string>,
): PublicTaskList {
  return {
    title: list.title,
    kind: list.kind,
    unitName,
    items: items.map((item) => {
      const photos: Array<{ url: string }> = [];
      for (const id of publicPhotoIds([item])) {
        const url = urls.get(id);
        if (url) photos.push({ url });
      }
      return {
        title: item.title,
        status: item.status,
        deadlineDay: item.deadlineDay,
        doneDay: item.status === 'done' && item.doneAt !== null ? beijingDayKey(item.doneAt) : null,
        photos,
      };
    }),
    totals: { total: items.length, done: items.filter((i) => i.status === 'done').length },
  };
}
