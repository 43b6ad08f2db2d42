// Display and form helpers for the organiser's event pages: words for an event's state, default
// times for a new event and attendance rates (the pickers' Beijing date and time and typed numbers
// are in utils/field-input). Pure functions (no Taro, no I/O), unit-tested in
// test/unit/event-format.test.ts; the rules themselves live in core/domain/event.ts and on the server.
import type { EventAdminView, EventRosterRow } from '@core/contracts';
import { addDays, beijingDayKey } from '@core/domain/time';
import { fromBeijing } from '@/utils/field-input';

export type EventStatus = EventAdminView['status'];

/** Each status as a word with a symbol, so the state never rests on colour alone. */
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: '✎ 草稿',
  published: '● 已发布',
  cancelled: '✕ 已取消',
};

export const EVENT_STATUS_TAG: Record<EventStatus, string> = {
  draft: 'tag tag--gold',
  published: 'tag tag--red',
  cancelled: 'tag',
};

export type RosterFilter = 'all' | 'confirmed' | 'waitlisted' | 'pending' | 'cancelled' | 'attended' | 'no_show';

export const ROSTER_FILTERS: Array<{ value: RosterFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'confirmed', label: '已报名' },
  { value: 'waitlisted', label: '候补' },
  { value: 'pending', label: '待审核' },
  { value: 'cancelled', label: '已取消' },
  { value: 'attended', label: '已签到' },
  { value: 'no_show', label: '未到场' },
];

/** A roster row's attendance in words: '✓ 已签到（扫码）', '✓ 已签到（管理员登记）' or '○ 未签到'. */
export function attendanceLabel(row: Pick<EventRosterRow, 'attended' | 'attendedBy'>): string {
  if (!row.attended) return '○ 未签到';
  return row.attendedBy === 'organiser' ? '✓ 已签到（管理员登记）' : '✓ 已签到（扫码）';
}

/** Attendance rate as a whole percentage ('67%'), or '—' when nobody is signed up. */
export function rateText(attended: number, confirmed: number): string {
  if (confirmed <= 0) return '—';
  return `${Math.round((attended / confirmed) * 100)}%`;
}

export interface EventTimesForm {
  signupOpensAt: number;
  signupClosesAt: number;
  startsAt: number;
  endsAt: number;
}

/**
 * A new event's times: sign-up opens now (to the minute) and closes at 18:00 the day before; the
 * event runs 09:00–11:00 three days from today, Beijing time.
 */
export function defaultEventTimes(now: number): EventTimesForm {
  const today = beijingDayKey(now);
  const startsAt = fromBeijing(addDays(today, 3), '09:00');
  return {
    signupOpensAt: Math.floor(now / 60_000) * 60_000,
    signupClosesAt: fromBeijing(addDays(today, 2), '18:00'),
    startsAt,
    endsAt: startsAt + 2 * 3_600_000,
  };
}

/** Moving the start moves the end with it (the length stays), the usual intent when rescheduling. */
export function moveStart<T extends EventTimesForm>(form: T, startsAt: number): T {
  return { ...form, startsAt, endsAt: form.endsAt + (startsAt - form.startsAt) };
}
