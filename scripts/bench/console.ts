// 工作台's load for the bench: an org admin of the large organisation (bench/prepare.ts,
// prepareBigOrg: 500 units, 5 levels, 30 days of check-in counters rolled up by the timer) asks
// console.getConsole for the whole organisation over 366 days and for one branch over 本月 — roll-ups
// and counters only, so the reads stay the same however many members the units hold.

import { addDays, beijingDayKey } from '../../core/domain/time';
import type { Scenario } from './load';

export function consoleScenarios(url: string, big: { rootId: string; branchId: string; units: number; members: number }, token: string): Scenario[] {
  const fnUrl = `${url}/api/fn/console`;
  const today = beijingDayKey(Date.now());
  const yearAgo = addDays(today, -365);
  return [
    {
      name: `local host: console.getConsole, whole organisation (${big.units} units, 5 levels, ${big.members} members, 366 days)`,
      url: fnUrl,
      bodies: [JSON.stringify({ action: 'getConsole', payload: { unitId: big.rootId, period: { kind: 'range', fromDay: yearAgo, toDay: today } } })],
      tokens: [token],
    },
    {
      name: 'local host: console.getConsole, one branch (本月)',
      url: fnUrl,
      bodies: [JSON.stringify({ action: 'getConsole', payload: { unitId: big.branchId, period: { kind: 'month' } } })],
      tokens: [token],
    },
  ];
}
