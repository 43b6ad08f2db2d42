// Pure display helpers for the task-list pages (实事清单, campaign-admin tasks/tasklist/item, and
// the public view campaign/tasks): status words, deadlines in words, how an item was finished, the
// kinds of list, the list filters and the share text. No Taro, no I/O; unit-tested in
// test/unit/task-format.test.ts. The rules themselves (what is overdue, who may do what) are the
// server's: these only say in words what a view already carries.
import type { TaskItemView, TaskListKind, TaskNoteView, TaskStatus } from '@core/contracts';
import { addDays, beijingDayKey, beijingDayStart, beijingParts } from '@core/domain/time';

export const TASK_STATUS_LABEL: Record<TaskStatus, string> = { todo: '未开始', doing: '进行中', done: '已完成' };

export const TASK_KIND_LABEL: Record<TaskListKind, string> = { service: '为民办实事清单', problem: '问题清单', duty: '责任清单' };

/** The kinds as choices for a new list, in the order an organiser meets them. */
export const TASK_KIND_OPTIONS: Array<{ value: TaskListKind; label: string }> = (['service', 'problem', 'duty'] as const).map((value) => ({
  value,
  label: TASK_KIND_LABEL[value],
}));

export const NOTE_KIND_LABEL: Record<TaskNoteView['kind'], string> = { progress: '进展', closeOut: '办结', reopen: '重新打开' };

/**
 * The tag of an item's state: the word carries it (colour only supports it). An open item past its
 * deadline says 逾期 beside its status rather than instead of it.
 */
export function statusTagClass(status: TaskStatus, overdue: boolean): string {
  if (status === 'done') return 'tag tag--ok';
  return overdue ? 'tag tag--red' : status === 'doing' ? 'tag tag--gold' : 'tag';
}

/** Whole Beijing days from `fromDay` to `toDay` (negative when `toDay` is earlier). */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((beijingDayStart(toDay) - beijingDayStart(fromDay)) / 86_400_000);
}

/** '5月3日', with the year when it is not `today`'s. */
export function dayText(day: string, today: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const year = day.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`;
  return `${year}${m}月${d}日`;
}

/**
 * An open item's deadline in words: 还有 3 天 / 今天截止 / 已逾期 2 天. A done item has no
 * countdown: its completion says how it went (completionText).
 */
export function deadlineText(deadlineDay: string, today: string): string {
  const left = daysBetween(today, deadlineDay);
  if (left > 0) return `还有 ${left} 天`;
  if (left === 0) return '今天截止';
  return `已逾期 ${-left} 天`;
}

/** 逾期 N 天 for an open item past its deadline, else null. */
export function overdueText(deadlineDay: string, today: string): string | null {
  const late = daysBetween(deadlineDay, today);
  return late > 0 ? `逾期 ${late} 天` : null;
}

/** How a done item was finished against its deadline's day: 提前完成 / 按期完成 / 逾期完成. */
export function completionText(doneDay: string, deadlineDay: string): string {
  if (doneDay < deadlineDay) return '提前完成';
  if (doneDay === deadlineDay) return '按期完成';
  return '逾期完成';
}

/** One line for an item's deadline: '截止 5月3日 · 还有 3 天', or for a done item '5月1日完成 · 提前完成'. */
export function itemDeadlineLine(item: Pick<TaskItemView, 'deadlineDay' | 'status' | 'doneAt'>, today: string): string {
  if (item.status === 'done' && item.doneAt !== null) {
    const doneDay = beijingDayKey(item.doneAt);
    return `${dayText(doneDay, today)}完成 · ${completionText(doneDay, item.deadlineDay)}`;
  }
  return `截止 ${dayText(item.deadlineDay, today)} · ${deadlineText(item.deadlineDay, today)}`;
}

/** A note's moment: '5月3日 14:05', with the year when it is not `today`'s. */
export function noteMoment(epochMs: number, today: string): string {
  const p = beijingParts(epochMs);
  return `${dayText(p.day, today)} ${p.time}`;
}

export type TaskFilter = 'all' | 'open' | 'overdue' | 'done';

export const TASK_FILTERS: Array<{ value: TaskFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '未完成' },
  { value: 'overdue', label: '逾期' },
  { value: 'done', label: '已完成' },
];

export const TASK_FILTER_EMPTY: Record<TaskFilter, string> = {
  all: '还没有事项',
  open: '事项都已完成',
  overdue: '没有逾期的事项',
  done: '还没有完成的事项',
};

export function filterItems<T extends Pick<TaskItemView, 'status' | 'overdue'>>(items: T[], filter: TaskFilter): T[] {
  switch (filter) {
    case 'open':
      return items.filter((i) => i.status !== 'done');
    case 'overdue':
      return items.filter((i) => i.status !== 'done' && i.overdue);
    case 'done':
      return items.filter((i) => i.status === 'done');
    default:
      return items;
  }
}

/** Done share as a whole percentage for a bar (0 when there is nothing). */
export function donePercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/** 已完成 3/5 — the totals line of a list, public or not. */
export function doneOfText(done: number, total: number): string {
  return `已完成 ${done}/${total}`;
}

/** The text an organiser pastes into a group chat to share a public list (H5 copies it). */
export function publicShareText(list: { unitName: string; kind: TaskListKind; title: string }, link: string): string {
  return `【${list.unitName}】${TASK_KIND_LABEL[list.kind]}“${list.title}”办理情况，欢迎查看和监督：${link}`;
}

/** Default deadline for a new item: a fortnight from today. */
export function defaultDeadline(today: string): string {
  return addDays(today, 14);
}

export type ItemField = 'title' | 'detail' | 'owner' | 'deadline';

/**
 * Which field of the item form a refusal is about, so it is shown next to that field: the router
 * names the field by its key (字段 ownerMemberId：…), an action's own refusal in words (请选择负责人,
 * 截止日期…). null: a refusal of the whole form, shown under it.
 */
export function itemFieldOf(message: string): ItemField | null {
  if (/ownerMemberId|负责人/.test(message)) return 'owner';
  if (/deadlineDay|截止/.test(message)) return 'deadline';
  if (/字段 title|事项名称/.test(message)) return 'title';
  if (/字段 detail|事项说明/.test(message)) return 'detail';
  return null;
}
