// Organisers: create and edit events (a draft until published), publish, cancel with a reason,
// list, the roster by status, the xlsx export, and a draft report for the feed once it ended.

import type { EventAdminView, EventDraft, EventResponses, EventRosterRow } from '../../../core/contracts/event';
import { eventTimesProblem, EVENT_KIND_LABELS, REGISTRATION_STATUS_LABELS } from '../../../core/domain/event';
import { formatBeijing } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, list, updateWhere } from '../../lib/db';
import { AppError, forbidden, invalid, precondition } from '../../lib/errors';
import { managedUnits, membersByIds, requireOrganiser } from '../../org/ports';
import { requireImage } from '../../lib/images';
import { afterCursor, encodeKeyset } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';
import { saveReportDraft } from '../../feed/ports';
import type { PostTag } from '../../../core/domain/posts';
import type { EventDoc, RegistrationDoc } from '../model';
import { adminView, ALL_UNITS, audienceNames, card, coverUrls, fillFromWaitlist, loadForOrganiser, tellAboutEvent, type OrganiserScope } from '../shared';
import { audienceTouches } from '../../../core/domain/units';

type Draft = Required<Omit<EventDraft, 'cover'>> & { cover?: string | null };

async function view(ctx: ActionContext, scope: OrganiserScope): Promise<EventAdminView> {
  const urls = await coverUrls(ctx.deps, [scope.event]);
  return adminView(scope, ctx.deps.clock.now(), { coverUrl: scope.event.cover ? (urls.get(scope.event.cover) ?? null) : null, names: await audienceNames(ctx.deps.db, scope.event) });
}

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
  const cover = await requireImage(ctx.deps.storage, d.cover, '封面');
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
  if (!input.eventId) {
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
    return view(ctx, { me, event: doc, units, canEdit: true });
  }
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
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
  return view(ctx, { ...scope, event: (await getById<EventDoc>(db, COLLECTIONS.events, e._id)) ?? updated });
}

export async function publishEvent(input: { eventId: string }, ctx: ActionContext): Promise<EventAdminView> {
  const { db, clock } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
  if (scope.event.status !== 'draft') return view(ctx, scope);
  const now = clock.now();
  if (scope.event.signupClosesAt <= now) throw precondition('报名截止时间已经过去，请先修改时间');
  await updateWhere(db.collection(COLLECTIONS.events).where({ _id: scope.event._id, status: 'draft' }), { status: 'published', publishedAt: now });
  return view(ctx, { ...scope, event: { ...scope.event, status: 'published', publishedAt: now } });
}

export async function cancelEvent(input: { eventId: string; reason: string }, ctx: ActionContext): Promise<EventResponses['cancelEvent']> {
  const { db, clock } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
  if (scope.event.status === 'cancelled') return { ...(await view(ctx, scope)), notified: 0 };
  const now = clock.now();
  if (now > scope.event.endsAt) throw precondition('活动已结束，不能取消');
  const n = await updateWhere(db.collection(COLLECTIONS.events).where({ _id: scope.event._id, status: scope.event.status }), { status: 'cancelled', cancelReason: input.reason, updatedAt: now });
  if (n !== 1) throw precondition('活动状态刚刚发生了变化，请刷新后再试');
  const event = { ...scope.event, status: 'cancelled' as const, cancelReason: input.reason };
  // Those signed up or waiting hear it (the app shows the reason on the event page in any case).
  const notified = scope.event.status === 'published' ? await tellCancelled(ctx, event) : 0;
  return { ...(await view(ctx, { ...scope, event })), notified };
}

async function tellCancelled(ctx: ActionContext, event: EventDoc): Promise<number> {
  const { db } = ctx.deps;
  const _ = db.command;
  const regs = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: event._id, status: _.in(['confirmed', 'waitlisted', 'pending']) }).limit(1000));
  if (regs.length === 0) return 0;
  const members = await membersByIds(db, regs.map((r) => r.memberId));
  let sent = 0;
  for (const m of members) {
    if (m.openid && (await tellAboutEvent(ctx.deps, event, { memberId: m._id, openid: m.openid }, `活动已取消：${event.cancelReason ?? ''}`)) === 'sent') sent++;
  }
  return sent;
}

export async function getEventAdmin(input: { eventId: string }, ctx: ActionContext): Promise<EventAdminView> {
  return view(ctx, await loadForOrganiser(ctx, input.eventId, 'view'));
}

export async function listAdminEvents(input: { cursor?: string | null; limit: number }, ctx: ActionContext): Promise<EventResponses['listAdminEvents']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  const managed = await managedUnits(db, me);
  const base = { orgId: me.orgId };
  const where = afterCursor(_, base, 'createdAt', input.cursor);
  // Organisers see events reaching their branches; a page may hold fewer after that filter.
  const docs = await list<EventDoc>(db.collection(COLLECTIONS.events).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(input.limit + 1));
  const page = docs.slice(0, input.limit);
  const visible = page.filter((e) => me.role === 'org_admin' || e.createdBy === me._id || audienceTouches(e.audience, managed, ALL_UNITS));
  const urls = await coverUrls(ctx.deps, visible);
  const now = clock.now();
  const last = page[page.length - 1];
  return {
    items: visible.map((e) => ({ ...card(e, now, null, e.cover ? (urls.get(e.cover) ?? null) : null), status: e.status, confirmed: e.confirmed, attended: e.attended })),
    nextCursor: docs.length > input.limit && last ? encodeKeyset([last.createdAt, last._id]) : null,
  };
}

async function rosterRows(ctx: ActionContext, scope: OrganiserScope): Promise<EventRosterRow[]> {
  const { db } = ctx.deps;
  const regs = await list<RegistrationDoc>(db.collection(COLLECTIONS.eventRegistrations).where({ eventId: scope.event._id }).orderBy('name', 'asc').limit(1000));
  const managed = new Set(scope.units.map((u) => u._id));
  const names = new Map(scope.units.map((u) => [u._id, u.name]));
  // A branch organiser sees the members of the branches they manage; the event's owner sees everyone.
  return regs
    .filter((r) => scope.canEdit || managed.has(r.unitId))
    .map((r) => ({
      memberId: r.memberId,
      name: r.name,
      unitName: names.get(r.unitId) ?? '',
      status: r.status,
      attended: r.attended,
      attendedBy: r.attendedBy,
      attendedAt: r.attendedAt,
      signedUpAt: r.signedUpAt,
      waitAt: r.waitAt,
      note: r.attendanceLog.length ? r.attendanceLog[r.attendanceLog.length - 1].reason : r.reviewReason,
    }));
}

export async function eventRoster(
  input: { eventId: string; filter: 'all' | 'confirmed' | 'waitlisted' | 'pending' | 'cancelled' | 'attended' | 'no_show' },
  ctx: ActionContext,
): Promise<EventResponses['eventRoster']> {
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const ended = ctx.deps.clock.now() > scope.event.endsAt;
  const all = await rosterRows(ctx, scope);
  const rows = all
    .filter((r) => {
      switch (input.filter) {
        case 'all':
          return true;
        case 'attended':
          return r.attended;
        case 'no_show':
          return ended && r.status === 'confirmed' && !r.attended;
        default:
          return r.status === input.filter;
      }
    })
    .sort((a, b) => (input.filter === 'waitlisted' ? (a.waitAt ?? 0) - (b.waitAt ?? 0) : 0));
  const label = input.filter === 'all' ? '报名' : input.filter === 'attended' ? '已签到' : input.filter === 'no_show' ? '未到场' : REGISTRATION_STATUS_LABELS[input.filter];
  return { eventId: scope.event._id, rows, text: rows.length ? `「${scope.event.title}」${label}（${rows.length}人）：${rows.map((r) => r.name).join('、')}` : '' };
}

export async function exportRoster(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['exportRoster']> {
  const { storage, clock } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const e = scope.event;
  const ended = clock.now() > e.endsAt;
  const rows: Array<Array<string | number | null>> = [['支部', '姓名', '报名状态', '出席', '签到方式', '签到时间', '报名时间', '备注']];
  for (const r of await rosterRows(ctx, scope)) {
    const present = r.attended ? '出席' : ended && r.status === 'confirmed' ? '未到' : '';
    rows.push([
      r.unitName,
      r.name,
      REGISTRATION_STATUS_LABELS[r.status],
      present,
      r.attendedBy === 'qr' ? '扫码' : r.attendedBy === 'organiser' ? '管理员登记' : '',
      r.attendedAt === null ? null : formatBeijing(r.attendedAt),
      formatBeijing(r.signedUpAt),
      r.note,
    ]);
  }
  const admin = await view(ctx, scope);
  const perUnit: Array<Array<string | number | null>> = [['支部', '已报名', '出席', '出席率（%）']];
  for (const b of admin.branches) perUnit.push([b.unitName, b.confirmed, b.attended, b.confirmed ? Math.round((b.attended / b.confirmed) * 1000) / 10 : null]);
  const bytes = await writeWorkbook([
    { name: '报名名单', rows, widths: [16, 10, 10, 8, 12, 18, 18, 24] },
    { name: '支部出席率', rows: perUnit, widths: [16, 10, 10, 12] },
  ]);
  const stamp = formatBeijing(clock.now()).replace(/[-: ]/g, '');
  const fileName = `${EVENT_KIND_LABELS[e.kind]}-${e.title}-报名名单.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  const fileID = await storage.upload(`exports/event/${e._id}/${stamp}-${scope.me._id}.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), fileName };
}

const KIND_TAG: Record<EventDoc['kind'], PostTag> = { lecture_tour: '宣讲', party_lecture: '党课', party_day: '主题党日', volunteer: '志愿服务' };

/** A draft activity report from an ended event: title, date, place, attendance and photos. */
export async function draftReport(input: { eventId: string; photos: string[] }, ctx: ActionContext): Promise<EventResponses['draftReport']> {
  const { db, clock, ids } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
  const e = scope.event;
  if (e.status !== 'published' || clock.now() <= e.endsAt) throw precondition('活动结束后才能生成活动报道');
  for (const p of input.photos) await requireImage(ctx.deps.storage, p, '照片');
  const day = formatBeijing(e.startsAt).slice(0, 10);
  const title = `${EVENT_KIND_LABELS[e.kind]}｜${e.title}`.slice(0, 40);
  const paragraphs = [
    `${day}，${e.createdByName}组织开展了${EVENT_KIND_LABELS[e.kind]}活动“${e.title}”，地点在${e.place}。`,
    `本次活动共${e.confirmed}人报名，${e.attended}人出席。`,
    e.description ? `活动内容：${e.description}` : '',
  ].filter(Boolean);
  const unitId = e.audience.length === 1 && e.audience[0] !== ALL_UNITS ? e.audience[0] : null;
  // The draft is written by the feed (its public module); this context only says what it says.
  let draft: { postId: string; body: string };
  try {
    draft = await saveReportDraft(
      db,
      {
        postId: ids.derive('post', `event|${e._id}`),
        orgId: e.orgId,
        unitId,
        unitName: unitId ? (scope.units.find((u) => u._id === unitId)?.name ?? null) : null,
        title,
        paragraphs,
        cover: input.photos[0] ?? e.cover,
        images: input.photos,
        tags: [KIND_TAG[e.kind]],
        author: { id: scope.me._id, name: scope.me.name },
        source: { type: 'event', id: e._id },
      },
      clock.now(),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') throw precondition('这个活动的报道已经发布');
    throw err;
  }
  return { postId: draft.postId, title, body: draft.body, photos: input.photos, attended: e.attended };
}
