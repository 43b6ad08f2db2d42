// Beijing-day arithmetic (architecture rule 7). Cloud functions run in UTC and TZ is not reliable
// there, so a "day" is computed from a fixed UTC+8 offset (China has no daylight saving time).

export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock is injected everywhere time matters, so tests can stand at 23:59:59 and 00:00:00. */
export interface Clock {
  now(): number;
}

/** Two digits, for clock times and day keys: 9 → '09'. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The Beijing calendar and clock fields of an instant, for every display of a date or time. */
export interface BeijingParts {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
  /** 0 (Sunday) – 6 */
  weekday: number;
  /** 'HH:mm' */
  time: string;
  /** 'YYYY-MM-DD' */
  day: string;
}

export function beijingParts(epochMs: number): BeijingParts {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return { y, m, d: day, weekday: d.getUTCDay(), time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`, day: `${y}-${pad2(m)}-${pad2(day)}` };
}

/** 'YYYY-MM-DD' of the Beijing calendar day containing the instant. */
export function beijingDayKey(epochMs: number): string {
  return beijingParts(epochMs).day;
}

/** The instant a Beijing day starts (00:00:00.000 Beijing time). */
export function beijingDayStart(dayKey: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dayKey);
  if (!m) throw new Error(`not a day key: ${dayKey}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - BEIJING_OFFSET_MS;
}

/** Day key n days after (or before, if negative) the given one. */
export function addDays(dayKey: string, n: number): string {
  return beijingDayKey(beijingDayStart(dayKey) + n * DAY_MS);
}

/** 'YYYY-MM-DD HH:mm' in Beijing time, for display and exports. */
export function formatBeijing(epochMs: number): string {
  const p = beijingParts(epochMs);
  return `${p.day} ${p.time}`;
}

/** Beijing hour 0–23, for greetings and reminder windows. */
export function beijingHour(epochMs: number): number {
  return new Date(epochMs + BEIJING_OFFSET_MS).getUTCHours();
}
