// Pure display helpers for the event pages (活动 tab, event subpackage): seats left, the member's
// standing in words, Beijing times, page parameters and the scanned on-site code. No Taro, no
// I/O; unit-tested in test/unit/event-format.test.ts. The rules themselves live in
// core/domain/event.ts and on the server.
import { ATTENDANCE_PAGE, QR_WINDOW_MS, REGISTRATION_STATUS_LABELS, type EventPhase, type RegistrationStatus } from '@core/domain/event';
import { parseOnsiteCode } from '@core/domain/onsiteUrl';
import { beijingParts } from '@core/domain/time';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '5月3日 周六 09:00' in Beijing time; the year is added when it is not the current one. */
export function eventMoment(epochMs: number, now: number = Date.now()): string {
  const p = beijingParts(epochMs);
  const year = p.y === beijingParts(now).y ? '' : `${p.y}年`;
  return `${year}${p.m}月${p.d}日 周${WEEKDAYS[p.weekday]} ${p.time}`;
}

/** When an event runs: '5月3日 周六 09:00–11:00' within a day, else both ends in full. */
export function eventWhen(startsAt: number, endsAt: number, now: number = Date.now()): string {
  const a = beijingParts(startsAt);
  const b = beijingParts(endsAt);
  if (a.day === b.day) return `${eventMoment(startsAt, now)}–${b.time}`;
  return `${eventMoment(startsAt, now)} 至 ${eventMoment(endsAt, now)}`;
}

/**
 * Seats left in words. `waitlist` says whether a full event still takes sign-ups onto its
 * waitlist; null when the page does not know (an event card carries no waitlist flag).
 */
export function seatsText(seatsLeft: number | null, waitlist: boolean | null): string {
  if (seatsLeft === null) return '不限名额';
  if (seatsLeft > 0) return `剩余${seatsLeft}个名额`;
  return waitlist ? '已满，可候补' : '名额已满';
}

/** Seats left on a list card (a full event that keeps a waitlist says so). */
export function cardSeatsText(card: { seatsLeft: number | null; waitlist: boolean }): string {
  return seatsText(card.seatsLeft, card.waitlist);
}

/** Share of seats taken, 0–100, for the seats bar; null when the event has no limit. */
export function seatsTakenPercent(capacity: number, seatsLeft: number | null): number | null {
  if (capacity <= 0 || seatsLeft === null) return null;
  const taken = Math.max(0, capacity - seatsLeft);
  return Math.min(100, Math.round((taken / capacity) * 100));
}

/** Whether seats still matter for a card in this phase (not once it started, ended or was cancelled). */
export function showsSeats(phase: EventPhase): boolean {
  return phase === 'upcoming' || phase === 'signup_open' || phase === 'signup_closed';
}

/** The member's standing in one word or phrase: 已签到, 候补第3位, 已报名 …; null without a registration. */
export function myStatusText(status: RegistrationStatus | null, opts: { waitPosition?: number | null; attended?: boolean } = {}): string | null {
  if (status === null) return null;
  if (opts.attended) return '已签到';
  if (status === 'waitlisted' && opts.waitPosition) return `候补第${opts.waitPosition}位`;
  return REGISTRATION_STATUS_LABELS[status];
}

/** The tag style of a registration status (the word carries the meaning; colour only supports it). */
export function statusTagClass(status: RegistrationStatus | null, attended = false): string {
  if (attended) return 'tag tag--ok';
  switch (status) {
    case 'confirmed':
      return 'tag tag--red';
    case 'waitlisted':
    case 'pending':
      return 'tag tag--gold';
    default:
      return 'tag';
  }
}

/** 已签到 / 未到 for a member's own row; '' while attendance is not decided yet. */
export function attendanceText(row: { status: RegistrationStatus; attended: boolean; phase: EventPhase }): string {
  if (row.attended) return '已签到';
  if (row.status === 'confirmed' && row.phase === 'ended') return '未到';
  return '';
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function decodeOnce(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The value of `key` in a query string like 'e=abc&x=1' (no decoding). */
function queryValue(query: string, key: string): string | null {
  for (const pair of query.split('&')) {
    const i = pair.indexOf('=');
    if (i > 0 && pair.slice(0, i) === key) return pair.slice(i + 1);
  }
  return null;
}

/**
 * The event a detail page is about: `?id=<id>`, or the static mini-program code's `scene`, which
 * WeChat passes URL-encoded (`scene=e%3D<id>`). '' when neither holds a well-formed id.
 */
export function eventIdFromParams(params: Record<string, string | undefined>): string {
  if (params.id && ID.test(params.id)) return params.id;
  if (!params.scene) return '';
  let scene = params.scene;
  // Decoded at most twice: some paths hand the scene on already decoded, some encoded twice.
  for (let i = 0; i < 2 && scene.includes('%'); i++) scene = decodeOnce(scene);
  const id = queryValue(scene, 'e');
  return id && ID.test(id) ? id : '';
}

/**
 * Where a scanned on-site code leads: the attendance page of this app with its event and token,
 * or null for anything else (another app's code, a damaged scan). Reads the code's URL
 * (`https://<domain>/qr/checkin?e=&t=`, also encoded as the `q` option carries it) and the old
 * page-path form (core/domain/onsiteUrl.ts).
 */
export function attendanceUrlFromScan(scanned: string): string | null {
  const code = parseOnsiteCode(scanned);
  return code ? `/${ATTENDANCE_PAGE}?e=${code.eventId}&t=${code.token}` : null;
}

/**
 * When the organiser's screen should fetch the next on-site code. The server's code expires at
 * `expiresAt` (its own clock); when the phone's clock agrees, fetch just after that moment. When
 * the clocks disagree the moment is unknown, so fetch every 10 seconds: a code is accepted for
 * its window and the next one, so a code on screen is then always at least 5 seconds from expiry.
 */
export function qrRefreshDelay(expiresAt: number, now: number): number {
  const left = expiresAt - now;
  if (left > 0 && left <= QR_WINDOW_MS + 1_000) return left + 300;
  return 10_000;
}
