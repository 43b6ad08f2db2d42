// Contract of the `org` cloud function: identity, the organisation tree and the branch roster.

import * as z from 'zod';
import { cursorField, idField, pageLimitField, type Page } from './common';
import { actionSchemas } from './lazy';
import type { MemberCategory, Role } from '../domain/org/roles';
import type { TodayView } from '../domain/today';
import { UNIT_KINDS, UNIT_NAME_MAX, type AnyUnitKind } from '../domain/org/units';

const unitNameSchema = () => z
  .string()
  .trim()
  .min(1, '请填写组织名称')
  .max(UNIT_NAME_MAX, `组织名称请控制在${UNIT_NAME_MAX}字以内`)
  .refine((s) => !/[<>]/.test(s) && [...s].every((c) => c.charCodeAt(0) >= 32), '组织名称不能包含尖括号或控制字符');
const orderSchema = () => z.number().int().min(0).max(9999);

export const orgSchemas = actionSchemas({
  getMe: () => z.object({}).strict(),
  /** 今日任务: what the bound caller has left today (exams, events, check-in, daily quiz), in one call. */
  getToday: () => z.object({}).strict(),
  bindMember: () => z
    .object({
      name: z.string().trim().min(1, '请填写姓名').max(20, '姓名过长'),
      inviteCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{6}$/, '邀请码是6位字母或数字'),
      phoneTail: z
        .string()
        .trim()
        .regex(/^\d{4}$/, '手机号后四位应为4位数字')
        .optional(),
    })
    .strict(),
  listUnits: () => z.object({}).strict(),
  /** A unit under `parentId` (any depth); org admins and organisers of a subtree containing the parent. */
  createUnit: () => z
    .object({
      parentId: idField(),
      name: unitNameSchema(),
      kind: z.enum(UNIT_KINDS),
      order: orderSchema().optional(),
    })
    .strict(),
  /** Rename, change the kind or the place among siblings. */
  updateUnit: () => z
    .object({
      unitId: idField(),
      name: unitNameSchema().optional(),
      kind: z.enum(UNIT_KINDS).optional(),
      order: orderSchema().optional(),
    })
    .strict(),
  /** Move a unit, with everything below it, under another parent. */
  moveUnit: () => z.object({ unitId: idField(), parentId: idField() }).strict(),
  /**
   * Close a unit (撤销): kept with its history, no new members or children. Its members move to
   * `moveMembersTo` (the ids stay, so their history follows them) or stay listed with it.
   */
  closeUnit: () => z.object({ unitId: idField(), moveMembersTo: idField().nullish() }).strict(),
  /** 组织关系转接: a member moves to another unit; their history stays where it happened. */
  moveMember: () => z.object({ memberId: idField(), unitId: idField() }).strict(),
  /** 领导班子成员: flagged members are listed first and counted apart. */
  setLeader: () => z.object({ memberId: idField(), leader: z.boolean() }).strict(),
  listMembers: () => z
    .object({
      unitId: idField(),
      cursor: cursorField(),
      limit: pageLimitField(),
      bound: z.enum(['all', 'bound', 'unbound']).default('all'),
    })
    .strict(),
  importRoster: () => z
    .object({
      fileID: z.string().min(1).max(512),
      fileName: z.string().min(1).max(200),
      unitId: idField().nullish(),
      commit: z.boolean(),
      /**
       * Rows (by row number) reported `duplicate` that the organiser confirmed are other people
       * with the same name: written as new entries. Other duplicate rows are not written.
       */
      allowDuplicates: z.array(z.number().int()).max(2000).optional(),
    })
    .strict(),
  /**
   * Units under `parentId` (default: the organisation, for an org admin) from an xlsx or csv file
   * with a parent column or one column per level; commit:false previews the row report.
   */
  importUnits: () => z
    .object({
      fileID: z.string().min(1).max(512),
      fileName: z.string().min(1).max(200),
      parentId: idField().nullish(),
      commit: z.boolean(),
    })
    .strict(),
  listBindRequests: () => z.object({ unitId: idField().nullish() }).strict(),
  reviewBindRequest: () => z
    .object({
      requestId: idField(),
      approve: z.boolean(),
      reason: z.string().trim().max(100).optional(),
      /**
       * When the roster has an entry of the request's name: 'existing' binds the applicant to it (a
       * bound one moves to the new WeChat: 换绑), 'new' adds a second entry of that name. Approving
       * such a request without a mode is refused.
       */
      mode: z.enum(['existing', 'new']).optional(),
    })
    .strict(),
  /**
   * Appoint a bound member organiser of one or more units (their subtrees), or make them a member
   * again. Only bound members: a roster entry with a role could otherwise be claimed by its name.
   */
  setMemberRole: () => z
    .object({
      memberId: idField(),
      role: z.enum(['member', 'unit_organiser']),
      unitIds: z.array(idField()).min(1).max(20).optional(),
    })
    .strict(),
  resetInviteCode: () => z.object({ unitId: idField() }).strict(),
  /**
   * A unit's figures summed over its whole subtree for a period of Beijing days (default: the last
   * 7 days to today; at most 366): members, check-ins per day, exams and events of the period.
   */
  getRollup: () => z
    .object({
      unitId: idField(),
      fromDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
      toDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
    })
    .strict(),
  /** The organisers (and org admins) inside the caller's subtrees, with what each manages. */
  listOrganisers: () => z.object({}).strict(),
  /** The first-run checklist of 管理后台, ticked off from the data. */
  getSetup: () => z.object({}).strict(),
  /** A unit's invite code with a mini-program code that opens binding with it filled in. */
  inviteCard: () => z.object({ unitId: idField() }).strict(),
  unbindMember: () => z
    .object({
      memberId: idField(),
      reason: z.string().trim().min(1, '请说明解除绑定的原因').max(100, '原因请控制在100字以内'),
    })
    .strict(),
  /**
   * The member accepted one-time subscribe messages (wx.requestSubscribeMessage) for these topics:
   * each acceptance allows one message, counted here because WeChat cannot be asked.
   */
  grantReminders: () => z
    .object({
      topics: z.array(z.enum(['exam', 'checkin', 'event', 'campaign'])).min(1).max(4),
      /**
       * The running mini-program's version (wx.getAccountInfoSync().miniProgram.envVersion):
       * messages sent on these credits open that version. Absent (H5, older clients): release.
       */
      envVersion: z.enum(['develop', 'trial', 'release'], { message: '小程序版本只能是 develop、trial 或 release' }).optional(),
    })
    .strict(),
  /**
   * A one-time web sign-in code (网页登录码) for a bound member: 8 digits, 24 hours, one use, shown
   * once; a new one voids the member's previous one. `memberId`: an organiser's member (org admin,
   * or organiser of a unit over the member's unit); absent: the caller's own (mini-program only).
   */
  issueWebCode: () => z.object({ memberId: idField().optional() }).strict(),
  /** A web caller signs in with a code: their web key goes on the code's member (replacing any earlier one). */
  redeemWebCode: () => z
    .object({
      code: z
        .string()
        .max(32, '网页登录码是8位数字')
        .transform((s) => s.replace(/[\s-]/g, ''))
        .pipe(z.string().regex(/^\d{8}$/, '网页登录码是8位数字')),
    })
    .strict(),
  /** A web caller signs out: their web key is cleared. */
  signOutWeb: () => z.object({}).strict(),
  /** An organiser clears a member's web key (and voids an unused code): that browser is signed out. */
  revokeWebKey: () => z.object({ memberId: idField() }).strict(),
  /** Organisers: a cloud path to upload a roster or units sheet to (an upload ticket); the import accepts only that file. */
  uploadTicket: () => z.object({ purpose: z.enum(['sheet']), name: z.string().trim().min(1).max(200) }).strict(),
} as const);

export type OrgRequests = { [A in keyof typeof orgSchemas]: z.input<(typeof orgSchemas)[A]> };

export interface UnitRef {
  id: string;
  name: string;
}

export interface ManagedUnit extends UnitRef {
  kind: AnyUnitKind;
  kindLabel: string;
  parentId: string | null;
  /** Ids from the root to this unit. */
  path: string[];
  /** 0 for the organisation itself. */
  depth: number;
  order: number;
  /** Epoch ms; siblings of the same order keep the order they were created in. */
  createdAt: number;
  status: 'active' | 'closed';
  /** Units below the root have invite codes; only their organisers see them. */
  inviteCode: string | null;
  /** This unit's own members (not its subtree's). */
  memberCount: number;
  boundCount: number;
  /** Members of the unit and every unit below it (listUnits only; 0 elsewhere). */
  subtreeMembers: number;
  subtreeBound: number;
}

export interface OrganiserRow {
  memberId: string;
  name: string;
  role: Role;
  roleLabel: string;
  /** The unit the organiser belongs to. */
  unitName: string;
  bound: boolean;
  /** The units whose subtrees they manage (empty for an org admin: the whole organisation). */
  manages: UnitRef[];
  isMe: boolean;
}

export interface SetupStep {
  key: 'units' | 'roster' | 'invite' | 'activity';
  title: string;
  hint: string;
  done: boolean;
}

/** One unit's figures summed over its subtree (itself and every unit below it). */
export interface Rollup {
  unit: { id: string; name: string; kindLabel: string };
  fromDay: string;
  toDay: string;
  /** Open units in the subtree, the unit itself included. */
  units: number;
  members: number;
  bound: number;
  checkins: { total: number; days: Array<{ day: string; count: number }> };
  /** Exams whose window overlaps the period. `notYet` while open, `absent` (缺考) only after close. */
  exams: Array<{
    examId: string;
    title: string;
    kind: 'exam' | 'makeup';
    phase: 'upcoming' | 'open' | 'closed';
    audience: number;
    submitted: number;
    passed: number;
    notYet: number;
    absent: number;
  }>;
  /** Events starting in the period that reach the subtree. */
  events: { count: number; confirmed: number; attended: number };
}

export interface MeMember {
  id: string;
  name: string;
  role: Role;
  roleLabel: string;
  category: MemberCategory;
  unit: UnitRef;
  org: UnitRef;
}

/** `openid` is the caller's own: shown on 我的 so a first admin can be granted by command. */
export type Me =
  | { bound: true; openid: string; member: MeMember; canManage: boolean }
  | {
      bound: false;
      openid: string;
      request: { status: 'pending' | 'rejected'; name: string; unitName: string; reason: string | null } | null;
    };

export type BindResult = { status: 'bound'; me: Me } | { status: 'pending'; unitName: string };

export interface MemberRow {
  id: string;
  name: string;
  unitId: string;
  role: Role;
  roleLabel: string;
  category: MemberCategory;
  bound: boolean;
  phoneMasked: string | null;
  /** 领导班子成员. */
  leader: boolean;
  /** Units whose subtrees this member organises (unit organisers only). */
  manages: string[];
}

export interface ImportRowReport {
  row: number;
  name: string;
  unitName: string | null;
  /**
   * duplicate: the unit already has an entry of that name with another phone (or none), so this
   * may be the same person; written only when the commit lists the row in allowDuplicates.
   */
  status: 'ready' | 'created' | 'exists' | 'duplicate' | 'invalid';
  /** Why a row is invalid or a possible duplicate; for a written row, a note (e.g. its 角色 was not followed). */
  reason: string | null;
}

export interface ImportReport {
  committed: boolean;
  fileName: string;
  total: number;
  ready: number;
  created: number;
  exists: number;
  duplicate: number;
  invalid: number;
  blankRows: number;
  rows: ImportRowReport[];
}

/** One report row per unit the file names; its `unitName` is the unit's parent. */
export interface UnitImportReport extends ImportReport {
  /** The sheet the units were read from (after any instruction sheet); null for a csv file. */
  sheetName: string | null;
}

/** What a bind request is, as the organiser sees it (the applicant never does). */
export type BindRequestKind = 'not_on_roster' | 'bound_same_name' | 'locked_entry' | 'unbound_same_name';

export interface BindRequestRow {
  id: string;
  name: string;
  phoneTail: string | null;
  unitId: string;
  unitName: string;
  createdAt: number;
  kind: BindRequestKind;
  /** The case in plain words (名册中没有此人 …). */
  kindText: string;
  /** The roster entry 'existing' would bind (or move, when bound); null when there is none or several. */
  entryId: string | null;
}

export interface OrgResponses {
  uploadTicket: { cloudPath: string };
  getMe: Me;
  getToday: TodayView;
  bindMember: BindResult;
  /** The caller's subtrees in tree order (depth-first, siblings by order then name). */
  listUnits: { units: ManagedUnit[] };
  createUnit: { unit: ManagedUnit };
  updateUnit: { unit: ManagedUnit };
  moveUnit: { unit: ManagedUnit; moved: number };
  closeUnit: { unit: ManagedUnit; movedMembers: number };
  moveMember: { memberId: string; unitId: string };
  setLeader: { memberId: string; leader: boolean };
  listMembers: Page<MemberRow>;
  importRoster: ImportReport;
  importUnits: UnitImportReport;
  listBindRequests: { items: BindRequestRow[] };
  reviewBindRequest: { status: 'approved' | 'rejected'; memberId: string | null };
  setMemberRole: { memberId: string; role: Role; unitIds: string[] };
  resetInviteCode: { unitId: string; inviteCode: string };
  inviteCard: { unitId: string; unitName: string; orgName: string; inviteCode: string; qrUrl: string };
  getRollup: Rollup;
  getSetup: { steps: SetupStep[]; done: boolean };
  listOrganisers: { items: OrganiserRow[] };
  unbindMember: { memberId: string };
  grantReminders: { credits: Record<'exam' | 'checkin' | 'event' | 'campaign', number> };
  /** `expiresAt`: epoch ms. The code is never shown again. */
  issueWebCode: { code: string; expiresAt: number; name: string };
  redeemWebCode: { me: Me };
  signOutWeb: { signedOut: boolean };
  /** `revoked`: a web key was on the member (false: nothing to clear). */
  revokeWebKey: { memberId: string; revoked: boolean };
}
