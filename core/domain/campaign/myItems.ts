// 我负责的实事 (docs/CAMPAIGNS.md, "Task lists"): which of a member's own items they are shown —
// every item not done, and those done in the last 30 days — and in what order: open items first,
// the nearest deadline first (overdue ones therefore at the top), then the done ones, latest first.

import type { TaskStatus } from '../../contracts/campaignTasks';

/** Done items stay on the list this many days after they were done. */
export const MY_DONE_DAYS = 30;
/** The most items one query answers; a member owns a few (the largest lists have some 60 items). */
export const MAX_MY_ITEMS = 200;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Done at or after this instant is still shown (30 days before `now`). */
export function myDoneSince(now: number): number {
  return now - MY_DONE_DAYS * DAY_MS;
}

/** Whether an item is shown: not done, or done at or after `myDoneSince(now)`. */
export function isShownToOwner(item: { status: TaskStatus; doneAt: number | null }, now: number): boolean {
  return item.status !== 'done' || (item.doneAt !== null && item.doneAt >= myDoneSince(now));
}

/** Open items by deadline (then title), then done items, the latest done first. */
export function orderMyItems<T extends { status: TaskStatus; deadlineDay: string; title: string; doneAt: number | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const aDone = a.status === 'done';
    const bDone = b.status === 'done';
    if (aDone !== bDone) return aDone ? 1 : -1;
    if (aDone) return (b.doneAt ?? 0) - (a.doneAt ?? 0);
    if (a.deadlineDay !== b.deadlineDay) return a.deadlineDay < b.deadlineDay ? -1 : 1;
    return a.title.localeCompare(b.title, 'zh-Hans-CN');
  });
}
