// Task lists of the `campaign` function (实事清单 / 问题清单 / 责任清单): per unit, items with an
// owner from the unit's roster, a deadline, a status, progress notes with photos and a close-out
// with evidence; roll-ups of done and overdue by unit from counters; and an optional public view
// for the people served that shows titles, unit, status and the photos an organiser marked
// public — never a member's name or phone. docs/CAMPAIGNS.md.

import * as z from 'zod';
import { CONTROL_CHARS, idField, lineSchema } from './common';
import type { RequestsOf } from './lazy';

function textSchema(what: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${what}最多${max}字`)
    .refine((s) => !CONTROL_CHARS.test(s), `${what}不能包含控制字符`);
}

export const TASK_LIST_KINDS = ['service', 'problem', 'duty'] as const;
/** service: 为民办实事清单; problem: 问题清单; duty: 责任清单. */
export type TaskListKind = (typeof TASK_LIST_KINDS)[number];
export type TaskStatus = 'todo' | 'doing' | 'done';

/** A photo uploaded through the campaign context's `photo` ticket. */
const photoSchema = () => z.string().min(1).max(512);

/** The router names the field by its key (ownerMemberId); the message names it as members know it. */
const ownerSchema = () => z
  .string({ error: (issue) => (issue.input === undefined || issue.input === null ? '请选择负责人' : '负责人格式不正确') })
  .min(1, '请选择负责人')
  .max(64, '负责人格式不正确')
  .regex(/^[A-Za-z0-9_-]+$/, '负责人格式不正确');

const deadlineSchema = () => z
  .string({ error: (issue) => (issue.input === undefined || issue.input === null ? '请选择截止日期' : '截止日期格式应为 YYYY-MM-DD') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期格式应为 YYYY-MM-DD');

const itemFields = () => ({
  title: lineSchema('事项名称', 60).pipe(z.string().min(2, '事项名称至少2个字')),
  detail: textSchema('事项说明', 1000).default(''),
  /** A member of the item's unit roster (领办人). Required: 请选择负责人. */
  ownerMemberId: ownerSchema(),
  deadlineDay: deadlineSchema(),
});

export const taskActions = {
  /** Organisers of the unit: a task list for a unit of their subtree. */
  createTaskList: () => z
    .object({
      unitId: idField(),
      kind: z.enum(TASK_LIST_KINDS),
      title: lineSchema('清单名称', 40).pipe(z.string().min(2, '清单名称至少2个字')),
      /** 向服务对象和社会公布: the public view answers only when true. */
      public: z.boolean().default(false),
    })
    .strict(),
  updateTaskList: () => z
    .object({
      listId: idField(),
      title: lineSchema('清单名称', 40).pipe(z.string().min(2, '清单名称至少2个字')),
      public: z.boolean(),
    })
    .strict(),
  /** Organisers: the task lists of `unitId`'s subtree (default: every unit they manage), with each list's counts. */
  listTaskLists: () => z.object({ unitId: idField().nullish() }).strict(),
  /** Organisers of the list's unit (or above), and each item's owner for their items: the list and its items. */
  getTaskList: () => z.object({ listId: idField() }).strict(),
  /** Organisers of the list's unit: add an item (the unit of a list owns its items). */
  addTaskItem: () => z.object({ listId: idField(), ...itemFields() }).strict(),
  /** Organisers: change an item's title, detail, owner or deadline; `version` from getTaskList. */
  updateTaskItem: () => z.object({ itemId: idField(), version: z.number().int().min(0), ...itemFields() }).strict(),
  /** The owner or organisers: a progress note with up to 9 photos; `status` moves todo → doing (never to done: closeTaskItem). */
  addTaskNote: () => z
    .object({
      itemId: idField(),
      text: textSchema('进展说明', 1000).pipe(z.string().min(2, '请写一句进展')),
      photos: z.array(photoSchema()).max(9, '照片最多9张').default([]),
    })
    .strict(),
  /** The owner or organisers: close the item with what was done and its evidence (at least one photo or a sentence). */
  closeTaskItem: () => z
    .object({
      itemId: idField(),
      text: textSchema('完成情况', 1000).pipe(z.string().min(2, '请写明完成情况')),
      photos: z.array(photoSchema()).max(9, '照片最多9张').default([]),
    })
    .strict(),
  /** Organisers: open a closed item again, with a reason (kept in its notes). */
  reopenTaskItem: () => z.object({ itemId: idField(), reason: textSchema('原因', 200).pipe(z.string().min(2, '请说明原因')) }).strict(),
  /** Organisers: mark one photo of an item (a note's or the close-out's) shown in the public view, or not. */
  setPhotoPublic: () => z.object({ itemId: idField(), fileID: photoSchema(), public: z.boolean() }).strict(),
  /** Organisers: done and overdue by unit over `unitId`'s subtree (direct children side by side), from counters. */
  taskRollup: () => z.object({ unitId: idField().nullish() }).strict(),
  /** Anyone, bound or not: a public list's titles, unit, status and public photos. Never names or phones. */
  publicTaskList: () => z.object({ listId: idField() }).strict(),
  /** Any bound member: the items they own (领办), open ones and those done in the last 30 days (我负责的实事). */
  myTaskItems: () => z.object({}).strict(),
} as const;

export interface TaskListSummary {
  listId: string;
  unitId: string;
  unitName: string;
  kind: TaskListKind;
  title: string;
  public: boolean;
  total: number;
  done: number;
  /** Not done with the deadline passed (Beijing day). */
  overdue: number;
}

export interface TaskPhoto {
  fileID: string;
  url: string | null;
  public: boolean;
}

export interface TaskNoteView {
  noteId: string;
  kind: 'progress' | 'closeOut' | 'reopen';
  text: string;
  photos: TaskPhoto[];
  at: number;
  byName: string;
}

export interface TaskItemView {
  itemId: string;
  version: number;
  title: string;
  detail: string;
  ownerMemberId: string;
  ownerName: string;
  deadlineDay: string;
  status: TaskStatus;
  overdue: boolean;
  doneAt: number | null;
  /** Done after the deadline's day. */
  doneLate: boolean;
  notes: TaskNoteView[];
  /** Whether the caller may write notes and close it (owner or organiser), edit it (organiser). */
  mayUpdate: boolean;
  mayEdit: boolean;
}

export interface TaskListView extends TaskListSummary {
  items: TaskItemView[];
  mayEdit: boolean;
}

export interface TaskRollupRow {
  unitId: string;
  unitName: string;
  lists: number;
  total: number;
  done: number;
  overdue: number;
}

/** What the people served see: no member's name, no phone, no note text beyond the close-out's. */
export interface PublicTaskList {
  title: string;
  kind: TaskListKind;
  unitName: string;
  items: Array<{ title: string; status: TaskStatus; deadlineDay: string; doneDay: string | null; photos: Array<{ url: string }> }>;
  totals: { total: number; done: number };
}

/** One item the caller owns, as 我负责的实事 lists it; the item page (getTaskList) has the rest. */
export interface MyTaskItem {
  itemId: string;
  listId: string;
  listTitle: string;
  listKind: TaskListKind;
  unitName: string;
  title: string;
  deadlineDay: string;
  status: TaskStatus;
  /** Not done with the deadline's day passed (Beijing). */
  overdue: boolean;
  doneAt: number | null;
  doneLate: boolean;
}

export type TaskRequests = RequestsOf<typeof taskActions>;

export interface TaskResponses {
  createTaskList: { listId: string };
  updateTaskList: { listId: string };
  listTaskLists: { items: TaskListSummary[] };
  getTaskList: TaskListView;
  addTaskItem: { itemId: string };
  updateTaskItem: { itemId: string; version: number };
  addTaskNote: { noteId: string; status: TaskStatus };
  closeTaskItem: { itemId: string; status: TaskStatus; doneLate: boolean };
  reopenTaskItem: { itemId: string; status: TaskStatus };
  setPhotoPublic: { itemId: string; fileID: string; public: boolean };
  taskRollup: { unit: TaskRollupRow; children: TaskRollupRow[] };
  publicTaskList: PublicTaskList;
  /** Open items first (the nearest deadline first), then those done in the last 30 days (latest first). */
  myTaskItems: { items: MyTaskItem[] };
}
