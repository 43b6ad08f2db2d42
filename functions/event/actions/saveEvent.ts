// saveEvent: an organiser creates an event (a draft until published) or edits one; its audience is
// branches they manage (the whole organisation for org admins), and a published event's capacity
// never drops below its confirmed sign-ups.

import type { EventAdminView, EventDraft } from '../../../core/contracts/event';
import { eventTimesProblem } from '../../../core/domain/event';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, updateWhere } from '../../lib/db';
import { forbidden, invalid, precondition } from '../../lib/errors';
import { managedUnits, requireOrganiser } from '../../org/ports';
import { requireImage } from '../../lib/images';
import type { ActionContext } from '../../lib/router';
import type { EventDoc } from '../model';
import { ALL_UNITS, loadForOrganiser } from '../access';
import { fillFromWaitlist } from '../seats';
import { adminViewFor } from '../views';

type Draft = Required<Omit<EventDraft, 'cover'>> & { cover?: string | null };

export async function saveEvent(input: { eventId?: string | null; event: Draft }, ctx: ActionContext): Promise<EventAdminView> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const d = input.event;
  const problem = eventTimesProblem(d);
  if (problem) throw invalid(problem);
  const units = await managedUnits(db, me);
  const branches = new Set(units.filter((u) => u.parentId !== null && u.status === 'active').map((u) => u._id));
  let audience: string[];
  if (d.unitIds.length === 0) {
    if (me.role !== 'org_admin') throw forbidden('只有单位管理员可以面向全单位发布活动，请选择支部');
    audience = [ALL_UNITS];
  } else {
    audience = [...new Set(d.unitIds)];
    if (audience.some((id) => !branches.has(id))) throw forbidden('只能为自己管理的支部发布活动');
  }
  // On edit the event's own cover stays without a ticket; a new cover must be the caller's upload.
  const scope = input.eventId ? await loadForOrganiser(ctx, input.eventId, 'edit') : null;
  const cover = await requireImage(ctx.deps.storage, { openid: ctx.openid, context: 'event', purpose: 'cover' }, d.cover, '封面', [scope?.event.cover]);
  const now = clock.now();
  const fields = {
    kind: d.kind,
    title: d.title,
    description: d.description,
    cover,
    place: d.place,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    signupOpensAt: d.signupOpensAt,
    signupClosesAt: d.signupClosesAt,
    capacity: d.capacity,
    waitlist: d.waitlist,
    approval: d.approval,
    audience,
    cancelHours: d.cancelHours,
    updatedAt: now,
  };
  if (!scope) {
    if (d.endsAt <= now) throw invalid('活动结束时间已经过去');
    const doc: EventDoc = {
      _id: ids.random(12),
      orgId: me.orgId,
      ...fields,
      status: 'draft',
      cancelReason: null,
      qrSecret: ids.random(16),
      confirmed: 0,
      waitlisted: 0,
      pending: 0,
      cancelled: 0,
      attended: 0,
      byUnit: {},
      createdBy: me._id,
      createdByName: me.name,
      createdAt: now,
      publishedAt: null,
    };
    await insert(db, COLLECTIONS.events, { ...doc });
    return adminViewFor(ctx, { me, event: doc, units, canEdit: true });
  }
  const e = scope.event;
  if (e.status === 'cancelled') throw precondition('活动已取消，不能再修改');
  if (e.status === 'published') {
    if (now > e.endsAt) throw precondition('活动已结束，不能再修改');
    if (d.capacity !== 0 && d.capacity < e.confirmed) throw precondition(`已有${e.confirmed}人报名，人数上限不能少于${e.confirmed}`);
    if (d.approval !== e.approval && e.pending > 0) throw precondition('还有待审核的报名，请先审核再修改审核设置');
  }
  // Lowering the capacity is conditional on the confirmed count read: a sign-up in between makes this a retry.
  const _ = db.command;
  const n = await updateWhere(db.collection(COLLECTIONS.events).where({ _id: e._id, confirmed: e.confirmed }), { ...fields, cover: _.set(cover), audience: _.set(audience) });
  if (n !== 1) throw precondition('报名人数刚刚发生了变化，请再保存一次');
  const updated = { ...e, ...fields };
  if (updated.status === 'published' && (updated.capacity === 0 || updated.capacity > e.capacity)) await fillFromWaitlist(ctx.deps, e._id);
  return adminViewFor(ctx, { ...scope, event: (await getById<EventDoc>(db, COLLECTIONS.events, e._id)) ?? updated });
}
