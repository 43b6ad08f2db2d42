// The rules of the reports a campaign asks of the units below (docs/CAMPAIGNS.md, "Reports"):
// when a report is due, how late it came (in minutes, and in the words the pages and the workbook
// share: 晚交 2 天), what state a unit's row is in, the order an organiser reads the
// rows in and the totals at the top. Pure: no platform, no database.

import type { ReportState, ReportStatusRow, ReportStatusView } from '../../contracts/campaign';
import { addDays, beijingDayStart } from '../time';

const MINUTE = 60_000;

export type RowState = ReportStatusRow['state'];

/** The instant a report due on `dueDay` stops being on time: the end of that Beijing day (23:59:59.999). */
export function dueInstant(dueDay: string): number {
  return beijingDayStart(addDays(dueDay, 1)) - 1;
}

/**
 * Minutes late of a report submitted at `at`, or null when on time. Late counts from the end of
 * the due day; once the campaign has closed (and still takes reports), from the close when that
 * came first. A started minute counts whole, so a late report is never "0 minutes" late.
 */
export function lateMinutesAt(dueDay: string, at: number, closedAt: number | null = null): number | null {
  const lateFrom = closedAt === null ? dueInstant(dueDay) : Math.min(dueInstant(dueDay), closedAt);
  if (at <= lateFrom) return null;
  return Math.max(1, Math.ceil((at - lateFrom) / MINUTE));
}

/**
 * How late, in the words every page and the evaluation workbook use: a started unit counts whole,
 * so days agree with the calendar (due on the 5th, sent on the 7th: 2 天) and a late report is never
 * "0". Under an hour in minutes, under a day in hours, then days. '' when on time.
 */
export function lateWords(lateMinutes: number | null | undefined): string {
  if (!lateMinutes || lateMinutes <= 0) return '';
  if (lateMinutes < 60) return `晚交 ${Math.ceil(lateMinutes)} 分钟`;
  const hours = Math.ceil(lateMinutes / 60);
  if (hours < 24) return `晚交 ${hours} 小时`;
  return `晚交 ${Math.ceil(lateMinutes / (24 * 60))} 天`;
}

/** Is the time to submit over: past the due day's end, or the campaign closed. */
export function isOverdue(dueDay: string, now: number, closed: boolean): boolean {
  return closed || now > dueInstant(dueDay);
}

/**
 * A unit's row state for one ask: its report's state, or, with nothing sent upward yet (no
 * report, or a draft), pending before the due day's end and missing after it (or once closed).
 * A draft stays shown as 'draft' before the due day; after it, the unit has still sent nothing,
 * so the row says missing.
 */
export function rowState(report: { state: ReportState } | null, dueDay: string, now: number, closed: boolean): RowState {
  if (report && report.state !== 'draft') return report.state;
  if (isOverdue(dueDay, now, closed)) return 'missing';
  return report ? 'draft' : 'pending';
}

/** Received upward: submitted (waiting for review) or accepted. */
export function isReceived(state: RowState | ReportState | 'none'): boolean {
  return state === 'submitted' || state === 'accepted';
}

/**
 * Where a row goes: what needs the organiser first. Late (received late, not accepted yet),
 * missing, returned, pending (and drafts before the due day), submitted on time, accepted.
 */
export function rowRank(row: Pick<ReportStatusRow, 'state' | 'lateMinutes'>): number {
  switch (row.state) {
    case 'submitted':
      return row.lateMinutes !== null && row.lateMinutes > 0 ? 0 : 4;
    case 'missing':
      return 1;
    case 'returned':
      return 2;
    case 'pending':
    case 'draft':
      return 3;
    case 'accepted':
      return 5;
  }
}

/** Rows in reading order: by rank, then shallower first, then by unit name (Chinese order). */
export function orderRows<R extends Pick<ReportStatusRow, 'state' | 'lateMinutes' | 'depth' | 'unitName'>>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => rowRank(a) - rowRank(b) || a.depth - b.depth || a.unitName.localeCompare(b.unitName, 'zh-Hans-CN'));
}

export type Totals = ReportStatusView['totals'];

/**
 * The totals over rows: expected = every row; submitted = received upward (submitted or
 * accepted), of which late = received late and accepted = accepted; returned; missing and
 * pending = nothing received yet, after / before the due day (drafts included).
 * expected = submitted + returned + missing + pending.
 */
export function totalsOf(rows: ReadonlyArray<Pick<ReportStatusRow, 'state' | 'lateMinutes'>>): Totals {
  const t: Totals = { expected: rows.length, submitted: 0, late: 0, missing: 0, returned: 0, accepted: 0, pending: 0 };
  for (const r of rows) {
    if (isReceived(r.state)) {
      t.submitted++;
      if (r.lateMinutes !== null && r.lateMinutes > 0) t.late++;
      if (r.state === 'accepted') t.accepted++;
    } else if (r.state === 'returned') t.returned++;
    else if (r.state === 'missing') t.missing++;
    else t.pending++;
  }
  return t;
}

/** Has the unit still to send this report upward (pending, a draft, missing, or returned to it)? */
export function owesStill(state: RowState): boolean {
  return !isReceived(state);
}
