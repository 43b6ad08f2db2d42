// The console's period as its pages pass it along: 工作台 → 未参加名单 → 党员详情 keep the period
// the organiser chose (本周, 本月 or their own days) in the page's query.
import type { PeriodInput } from '@core/domain/console/period';
import { addDays } from '@core/domain/time';
import type { PeriodChoice, PeriodKind } from './figuresParts';

const KINDS: readonly string[] = ['week', 'month', 'range'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period a page was opened with (`kind`, `from`, `to`), else 本周; a custom range defaults to the last 30 days. */
export function periodFromParams(params: Partial<Record<string, string>>, today: string): PeriodChoice {
  const from = params.from && DAY.test(params.from) ? params.from : addDays(today, -29);
  const to = params.to && DAY.test(params.to) ? params.to : today;
  return { kind: KINDS.includes(params.kind ?? '') ? (params.kind as PeriodKind) : 'week', fromDay: from, toDay: to };
}

/** What the functions are asked: the days only for a custom range. */
export function periodPayload(p: PeriodChoice): PeriodInput {
  return p.kind === 'range' ? { kind: 'range', fromDay: p.fromDay, toDay: p.toDay } : { kind: p.kind };
}

/** The query that opens the next page with the same period. */
export function periodQuery(p: PeriodChoice): string {
  return p.kind === 'range' ? `kind=range&from=${p.fromDay}&to=${p.toDay}` : `kind=${p.kind}`;
}
