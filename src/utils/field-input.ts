// Pure helpers behind the shared form fields (components/DateTimeField, components/NumberField):
// the instant of the Beijing date and time the pickers show (the other way is core's
// beijingParts), and numbers typed into a field.
// No Taro, no I/O; unit-tested in test/unit/event-format.test.ts and test/unit/feed-format.test.ts.
import { beijingDayStart } from '@core/domain/time';

/** The instant of a Beijing date and clock time (the phone's own time zone plays no part). */
export function fromBeijing(day: string, time: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  return beijingDayStart(day) + minutes * 60_000;
}

/** A whole number typed into a field, kept within [min, max]; null when nothing usable was typed. */
export function parseWhole(input: string, min: number, max: number): number | null {
  const digits = input.replace(/[^\d]/g, '');
  if (digits === '') return null;
  return Math.max(min, Math.min(max, Number(digits)));
}

/** A score typed into a field: halves allowed (2.5), within [min, max]. */
export function parseScore(input: string, min: number, max: number): number | null {
  const n = Number(input.trim());
  if (input.trim() === '' || !Number.isFinite(n)) return null;
  return Math.max(min, Math.min(max, Math.round(n * 2) / 2));
}
