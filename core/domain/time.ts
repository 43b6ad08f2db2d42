// Beijing-day arithmetic (architecture rule 7). Cloud functions run in UTC and TZ is not reliable
// there, so a "day" is computed from a fixed UTC+8 offset (China has no daylight saving time).

export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock is injected everywhere time matters, so tests can stand at 23:59:59 and 00:00:00. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of the Beijing calendar day containing the instant. */
export function beijingDayKey(epochMs: number): string {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
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
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  return `${beijingDayKey(epochMs)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Beijing hour 0–23, for greetings and reminder windows. */
export function beijingHour(epochMs: number): number {
  return new Date(epochMs + BEIJING_OFFSET_MS).getUTCHours();
}
