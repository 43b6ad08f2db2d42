// The points context's rows: a member's own points and the organisation's rules (their own
// organisation), the rules' editor (org admins), and A's points for the organisers of its subtree.

import { DEFAULT_POINTS_RULES } from '../../../core/domain/points';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { A } from './fixture';
import type { Table } from './types';

export const pointsRows: Table = {
  myPoints: { who: 'anyone-bound', ownOrg: true },
  pointsHistory: { who: 'anyone-bound', ownOrg: true },
  pointsRules: { who: 'anyone-bound', ownOrg: true },
  savePointsRules: {
    who: 'org-admin',
    ownOrg: true,
    payload: (fx) => ({ from: addDays(beijingDayKey(fx.t.cloud.clock.now()), 1), rules: DEFAULT_POINTS_RULES, note: '矩阵' }),
  },
  unitPoints: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
};
