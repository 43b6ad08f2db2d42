// The console's figure actions: organisers of the target's subtree only (A's own, the one above,
// the org admin); members, other branches' organisers and other organisations are refused.
import { A } from './fixture';
import type { Table } from './types';

export const consoleFigureRows: Table = {
  getConsole: { who: 'organiser-of-target', payload: () => ({ unitId: A, period: { kind: 'week' } }) },
};
