// The console's gap actions: organisers of the target's subtree only (A's own, the one above, the
// org admin); members, another branch's organiser and another organisation's admin are refused.
import { A } from './fixture';
import { MEMBER_IDS, type Table } from './types';

const period = { kind: 'week' };

export const consoleGapRows: Table = {
  listGaps: { who: 'organiser-of-target', payload: () => ({ unitId: A, period }) },
  memberPicture: { who: 'organiser-of-target', payload: () => ({ memberId: MEMBER_IDS.member, period }) },
  gapsNudge: { who: 'organiser-of-target', payload: () => ({ unitId: A, period, activity: 'checkin' }) },
  exportGaps: { who: 'organiser-of-target', payload: () => ({ unitId: A, period }) },
  leaderGaps: { who: 'organiser-of-target', payload: () => ({ unitId: A, period }) },
};
