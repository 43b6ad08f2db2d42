// Who may see or change an event, checked on the server every call: a member reaches an event
// through its audience, an organiser through their subtrees (editing is for its creator and org
// admins), and an organiser reaches a registration through the branch it belongs to.

import { audienceReaches, audienceTouches } from '../../core/domain/org/units';
import { COLLECTIONS } from '../lib/collections';
import { getById } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import { type Caller, managedUnits, requireManagedUnit, requireMember, requireOrganiser } from '../org/ports';
import type { UnitDoc } from '../lib/model';
import type { ActionContext } from '../lib/router';
import type { EventDoc, RegistrationDoc } from './model';
import { registrationId } from './registration';

export const ALL_UNITS = 'ALL';

/** An audience unit reaches the members of every unit below it. */
export function inAudience(e: EventDoc, unitPath: readonly string[]): boolean {
  return audienceReaches(e.audience, unitPath, ALL_UNITS);
}

/** A published (or cancelled) event the member's branch is invited to; NOT_FOUND otherwise. */
export async function loadForMember(ctx: ActionContext, eventId: string): Promise<{ member: Caller; event: EventDoc }> {
  const member = await requireMember(ctx);
  const event = await getById<EventDoc>(ctx.deps.db, COLLECTIONS.events, eventId);
  if (!event || event.orgId !== member.orgId || event.status === 'draft' || !inAudience(event, member.unitPath)) throw notFound('找不到这个活动，可能已被删除或不面向您所在的支部');
  return { member, event };
}

export interface OrganiserScope {
  me: Caller;
  event: EventDoc;
  units: UnitDoc[];
  canEdit: boolean;
}

/**
 * An event of the organiser's organisation that reaches one of their branches (org admins: any).
 * Editing is for its creator and org admins.
 */
export async function loadForOrganiser(ctx: ActionContext, eventId: string, mode: 'view' | 'edit'): Promise<OrganiserScope> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const event = await getById<EventDoc>(db, COLLECTIONS.events, eventId);
  if (!event || event.orgId !== me.orgId) throw notFound('找不到这个活动');
  const units = await managedUnits(db, me);
  const canEdit = me.role === 'org_admin' || event.createdBy === me._id;
  // It names a unit of the organiser's subtrees, or a unit above them: it reaches their members.
  const canView = canEdit || audienceTouches(event.audience, units, ALL_UNITS);
  if (!canView) throw forbidden('这个活动不面向您管理的支部');
  if (mode === 'edit' && !canEdit) throw forbidden('只有发起人或单位管理员可以修改这个活动');
  return { me, event, units, canEdit };
}

/** A registration of the event in a branch this organiser manages; NOT_FOUND or FORBIDDEN otherwise. */
export async function registrationForOrganiser(ctx: ActionContext, scope: OrganiserScope, memberId: string): Promise<RegistrationDoc> {
  const reg = await getById<RegistrationDoc>(ctx.deps.db, COLLECTIONS.eventRegistrations, registrationId(scope.event._id, memberId));
  if (!reg) throw notFound('找不到这条报名');
  await requireManagedUnit(ctx.deps.db, scope.me, reg.unitId);
  return reg;
}
