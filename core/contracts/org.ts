// Contract of the `org` cloud function: identity, the organisation tree and the branch roster.

import { z } from 'zod';
import { cursorSchema, idSchema, pageLimitSchema, type Page } from './common';
import type { MemberCategory, Role } from '../domain/roles';

export const orgSchemas = {
  getMe: z.object({}).strict(),
  bindMember: z
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
  listUnits: z.object({}).strict(),
  listMembers: z
    .object({
      unitId: idSchema,
      cursor: cursorSchema,
      limit: pageLimitSchema,
      bound: z.enum(['all', 'bound', 'unbound']).default('all'),
    })
    .strict(),
  importRoster: z
    .object({
      fileID: z.string().min(1).max(512),
      fileName: z.string().min(1).max(200),
      unitId: idSchema.nullish(),
      commit: z.boolean(),
    })
    .strict(),
  listBindRequests: z.object({ unitId: idSchema.nullish() }).strict(),
  reviewBindRequest: z
    .object({
      requestId: idSchema,
      approve: z.boolean(),
      reason: z.string().trim().max(100).optional(),
    })
    .strict(),
  setMemberRole: z
    .object({
      memberId: idSchema,
      role: z.enum(['member', 'branch_organiser']),
    })
    .strict(),
  resetInviteCode: z.object({ unitId: idSchema }).strict(),
  unbindMember: z
    .object({
      memberId: idSchema,
      reason: z.string().trim().min(1, '请说明解除绑定的原因').max(100, '原因请控制在100字以内'),
    })
    .strict(),
  /**
   * The member accepted one-time subscribe messages (wx.requestSubscribeMessage) for these topics:
   * each acceptance allows one message, counted here because WeChat cannot be asked.
   */
  grantReminders: z
    .object({
      topics: z.array(z.enum(['exam', 'checkin', 'event'])).min(1).max(3),
    })
    .strict(),
} as const;

export type OrgRequests = { [A in keyof typeof orgSchemas]: z.input<(typeof orgSchemas)[A]> };

export interface UnitRef {
  id: string;
  name: string;
}

export interface ManagedUnit extends UnitRef {
  kind: 'org' | 'branch';
  parentId: string | null;
  /** Only branches have invite codes; only their organisers see them. */
  inviteCode: string | null;
  memberCount: number;
  boundCount: number;
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
}

export interface ImportRowReport {
  row: number;
  name: string;
  unitName: string | null;
  status: 'ready' | 'created' | 'exists' | 'invalid';
  reason: string | null;
}

export interface ImportReport {
  committed: boolean;
  fileName: string;
  total: number;
  ready: number;
  created: number;
  exists: number;
  invalid: number;
  blankRows: number;
  rows: ImportRowReport[];
}

export interface BindRequestRow {
  id: string;
  name: string;
  phoneTail: string | null;
  unitId: string;
  unitName: string;
  createdAt: number;
}

export interface OrgResponses {
  getMe: Me;
  bindMember: BindResult;
  listUnits: { units: ManagedUnit[] };
  listMembers: Page<MemberRow>;
  importRoster: ImportReport;
  listBindRequests: { items: BindRequestRow[] };
  reviewBindRequest: { status: 'approved' | 'rejected'; memberId: string | null };
  setMemberRole: { memberId: string; role: Role };
  resetInviteCode: { unitId: string; inviteCode: string };
  unbindMember: { memberId: string };
  grantReminders: { credits: Record<'exam' | 'checkin' | 'event', number> };
}
