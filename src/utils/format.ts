// Pure display helpers shared by the pages (no Taro, no I/O), unit-tested in test/unit/ui-format.test.ts.
// Each context's own display helpers sit beside it: exam-format, checkin-format, event-format, feed-format.
import { beijingHour } from '@core/domain/time';

/** A greeting for the Beijing time of day (the phone's own time zone may be anything). */
export function greetingAt(epochMs: number): string {
  const h = beijingHour(epochMs);
  if (h >= 5 && h < 9) return '早上好';
  if (h >= 9 && h < 12) return '上午好';
  if (h >= 12 && h < 14) return '中午好';
  if (h >= 14 && h < 18) return '下午好';
  return '晚上好';
}

/** What a member types as an invite code: letters and digits only, upper-case, at most 6. */
export function normaliseInviteCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 6);
}

/** 手机号后四位: digits only, at most 4. */
export function normalisePhoneTail(input: string): string {
  return input.replace(/\D/g, '').slice(0, 4);
}

/** Share of bound members as a whole percentage for a progress bar (0 when there is nobody). */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((part / whole) * 100)));
}
