// Lecture and event sign-ups (宣讲, 党课, 主题党日, 志愿服务): kinds, the rules of the sign-up
// window, cancellation cut-off and attendance, as pure functions. Seats are never counted here:
// the event document's counters, changed by conditional updates, settle them.

export const EVENT_KINDS = ['lecture_tour', 'party_lecture', 'party_day', 'volunteer'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  lecture_tour: '宣讲',
  party_lecture: '党课',
  party_day: '主题党日',
  volunteer: '志愿服务',
};

export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'rejected';

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending: '待审核',
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  rejected: '未通过',
};

export interface EventTimes {
  startsAt: number;
  endsAt: number;
  signupOpensAt: number;
  signupClosesAt: number;
}

const HOUR = 3_600_000;

/** A reason the times do not fit together, or null. */
export function eventTimesProblem(e: EventTimes): string | null {
  if (e.endsAt <= e.startsAt) return '结束时间应晚于开始时间';
  if (e.endsAt - e.startsAt > 7 * 24 * HOUR) return '一次活动最长7天';
  if (e.signupClosesAt <= e.signupOpensAt) return '报名截止时间应晚于报名开始时间';
  if (e.signupClosesAt > e.startsAt) return '报名截止时间不能晚于活动开始时间';
  return null;
}

export type SignupRefusal = 'not_open' | 'closed' | 'not_audience' | 'cancelled_event' | 'rejected';

export const SIGNUP_REFUSAL_TEXT: Record<SignupRefusal, string> = {
  not_open: '报名还没有开始',
  closed: '报名已经截止',
  not_audience: '这个活动不面向您所在的支部',
  cancelled_event: '活动已取消',
  rejected: '您的报名未通过审核，如有疑问请联系支部',
};

export function signupWindowRefusal(e: EventTimes, now: number): SignupRefusal | null {
  if (now < e.signupOpensAt) return 'not_open';
  if (now >= e.signupClosesAt) return 'closed';
  return null;
}

/** The last moment a member may cancel: `cancelHours` before the start. */
export function cancelDeadline(e: { startsAt: number; cancelHours: number }): number {
  return e.startsAt - e.cancelHours * HOUR;
}

/** Attendance by on-site code is open from an hour before the start until the end. */
export const ATTENDANCE_OPENS_BEFORE_MS = HOUR;

/** The event's page: opened from its mini-program code (`?scene=e=<id>`) and from reminders (`?id=`). */
export const EVENT_DETAIL_PAGE = 'subpackages/event/detail';

/** The page an on-site code opens (`?e=<event>&t=<token>`). Its old path still forwards here. */
export const ATTENDANCE_PAGE = 'subpackages/event/attendance';

export function attendanceOpen(e: EventTimes, now: number): boolean {
  return now >= e.startsAt - ATTENDANCE_OPENS_BEFORE_MS && now <= e.endsAt;
}

/** The on-site code changes every 15 seconds; a code is accepted in its window and the next one. */
export const QR_WINDOW_MS = 15_000;

export function qrWindow(now: number): number {
  return Math.floor(now / QR_WINDOW_MS);
}

/** Seats left, or null when the event has no limit. */
export function seatsLeft(capacity: number, confirmed: number): number | null {
  return capacity === 0 ? null : Math.max(0, capacity - confirmed);
}

export type EventPhase = 'upcoming' | 'signup_open' | 'signup_closed' | 'ongoing' | 'ended' | 'cancelled';

export function eventPhase(e: EventTimes & { status: string }, now: number): EventPhase {
  if (e.status === 'cancelled') return 'cancelled';
  if (now > e.endsAt) return 'ended';
  if (now >= e.startsAt) return 'ongoing';
  if (now < e.signupOpensAt) return 'upcoming';
  if (now < e.signupClosesAt) return 'signup_open';
  return 'signup_closed';
}

export const EVENT_PHASE_LABELS: Record<EventPhase, string> = {
  upcoming: '即将开放报名',
  signup_open: '报名中',
  signup_closed: '报名已截止',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};
