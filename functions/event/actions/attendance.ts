// Attendance: the organiser's phone shows a code that changes every 15 seconds; a member scans it
// in the app and is marked present at that event only (the code is an HMAC of the event and the
// time window under the event's secret, so another event's code or a screenshot older than 30
// seconds fails). Organisers may also mark attendance by hand, with the reason kept.

import qrcode from 'qrcode-generator';
import type { EventResponses } from '../../../core/contracts/event';
import { ATTENDANCE_PAGE, attendanceOpen, ATTENDANCE_OPENS_BEFORE_MS, QR_WINDOW_MS, qrWindow } from '../../../core/domain/event';
import { formatBeijing } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, updateById } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import type { RegistrationDoc } from '../model';
import { loadForMember, loadForOrganiser, moveRegistration, qrTokenFor, qrTokenValid, registrationForOrganiser, registrationId } from '../shared';

export const DETAIL_PAGE = 'subpackages/event/detail';

export async function attendByCode(input: { eventId: string; token: string }, ctx: ActionContext): Promise<EventResponses['attendByCode']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const now = clock.now();
  if (!qrTokenValid(event, input.token, now)) throw precondition('签到码已过期或不属于这个活动，请扫描现场屏幕上最新的签到码');
  if (event.status !== 'published') throw precondition('活动已取消');
  if (!attendanceOpen(event, now)) {
    throw precondition(now < event.startsAt ? `签到从活动开始前1小时（${formatBeijing(event.startsAt - ATTENDANCE_OPENS_BEFORE_MS)}）开放` : '活动已结束，不能再签到');
  }
  const reg = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
  if (!reg || reg.status !== 'confirmed') throw precondition(reg?.status === 'waitlisted' ? '您还在候补名单上，请联系现场工作人员' : '您没有报名这个活动，请联系现场工作人员');
  if (reg.attended) return { eventId: event._id, title: event.title, attendedAt: reg.attendedAt ?? now, already: true };
  const moved = await moveRegistration(db, reg, 'confirmed', member._id, now, { attended: true, attendedAt: now, attendedBy: 'qr' });
  if (!moved) {
    // A concurrent scan (or an organiser) changed it: report what is there now.
    const current = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, reg._id);
    if (current?.attended) return { eventId: event._id, title: event.title, attendedAt: current.attendedAt ?? now, already: true };
    throw precondition('签到状态刚刚发生了变化，请再扫一次');
  }
  await updateById(db, COLLECTIONS.events, event._id, { attended: _.inc(1), [`byUnit.${reg.unitId}.a`]: _.inc(1) });
  return { eventId: event._id, title: event.title, attendedAt: now, already: false };
}

export async function markAttendance(
  input: { eventId: string; memberId: string; attended: boolean; reason: string },
  ctx: ActionContext,
): Promise<EventResponses['markAttendance']> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const reg = await registrationForOrganiser(ctx, scope, input.memberId);
  if (reg.status !== 'confirmed' && reg.status !== 'waitlisted') throw precondition('只能为已报名或候补的党员登记出席');
  const now = clock.now();
  if (now < scope.event.startsAt - ATTENDANCE_OPENS_BEFORE_MS) throw precondition('活动开始前1小时起才能登记出席');
  if (reg.attended === input.attended) return { attended: reg.attended };
  const entry = { at: now, by: scope.me._id, byName: scope.me.name, attended: input.attended, reason: input.reason };
  const moved = await moveRegistration(db, reg, reg.status, scope.me._id, now, {
    attended: input.attended,
    attendedAt: input.attended ? now : null,
    attendedBy: input.attended ? 'organiser' : null,
    attendanceLog: _.push(entry),
  });
  if (!moved) throw precondition('签到状态刚刚发生了变化，请刷新后再试');
  const d = input.attended ? 1 : -1;
  await updateById(db, COLLECTIONS.events, input.eventId, { attended: _.inc(d), [`byUnit.${reg.unitId}.a`]: _.inc(d) });
  return { attended: input.attended };
}

/** The rotating on-site code: the current token, the path it opens, and the code as an image. */
export async function qrToken(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['qrToken']> {
  const { clock } = ctx.deps;
  const { event } = await loadForOrganiser(ctx, input.eventId, 'view');
  if (event.status !== 'published') throw precondition('活动未发布或已取消');
  const now = clock.now();
  if (now > event.endsAt) throw precondition('活动已结束');
  const w = qrWindow(now);
  const token = qrTokenFor(event, w);
  const content = `${ATTENDANCE_PAGE}?e=${event._id}&t=${token}`;
  const qr = qrcode(0, 'M');
  qr.addData(content);
  qr.make();
  return { token, content, expiresAt: (w + 1) * QR_WINDOW_MS, serverNow: now, image: qr.createDataURL(8, 4) };
}

/** A static code that opens the event's page: wxacode.getUnlimited (scene `e=<id>`), stored once. */
export async function entryCode(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['entryCode']> {
  const { storage, codes } = ctx.deps;
  const { event } = await loadForOrganiser(ctx, input.eventId, 'view');
  const scene = `e=${event._id}`;
  if (scene.length > 32) throw invalid('活动编号过长，无法生成小程序码');
  const png = await codes.entry(scene, DETAIL_PAGE);
  const fileID = await storage.upload(`codes/event/${event._id}.png`, png);
  return { fileID, url: await storage.tempUrl(fileID) };
}
