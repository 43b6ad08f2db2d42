// The check-in context's rows: a member's own check-ins, A's completion and A's challenges.

import { beijingDayKey } from '../../../core/domain/time';
import { A } from './fixture';
import type { Table } from './types';

const DAY = 86_400_000;
const entry = { title: '学习党章第一章', minutes: 20 };

export const checkinRows: Table = {
  checkIn: { who: 'anyone-bound', ownOrg: true, payload: () => entry },
  // Yesterday, within the default window; a quota or window refusal is a state rule.
  makeUp: { who: 'anyone-bound', ownOrg: true, allowed: ['FAILED_PRECONDITION'], payload: (fx) => ({ ...entry, day: beijingDayKey(fx.t.cloud.clock.now() - DAY) }) },
  getMyCheckins: { who: 'anyone-bound', ownOrg: true },
  branchCompletion: { who: 'any-organiser', ownOrg: true },
  branchDayRoster: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  remindBranch: { who: 'organiser-of-target', allowed: ['FAILED_PRECONDITION'], payload: () => ({ unitId: A }) },
  completionTrend: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  exportCompletion: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  getSettings: { who: 'anyone-bound', ownOrg: true },
  updateSettings: { who: 'org-admin', ownOrg: true, payload: () => ({ makeupWindowDays: 3, makeupPerMonth: 2, reminderEnabled: false, reminderTime: '20:00' }) },
  createChallenge: {
    who: 'organiser-of-target',
    payload: (fx) => {
      const now = fx.t.cloud.clock.now();
      return { title: fx.unique('矩阵挑战'), startDay: beijingDayKey(now), endDay: beijingDayKey(now + 6 * DAY), requiredDays: 3, unitIds: [A] };
    },
  },
  // Its creator (A's organiser) or an org admin; the organiser above A only follows it.
  cancelChallenge: { who: 'author-or-admin', payload: async (fx, as) => ({ challengeId: as === 'denied' ? fx.challengeId : await fx.newChallenge() }) },
  listChallenges: { who: 'any-organiser', ownOrg: true },
  challengeProgress: { who: 'organiser-of-target', payload: (fx) => ({ challengeId: fx.challengeId, unitId: A }) },
  myChallenges: { who: 'anyone-bound', ownOrg: true },
  sharedCheckins: { who: 'anyone-bound', ownOrg: true },
  uploadTicket: { who: 'anyone-bound', ownOrg: true, payload: () => ({ purpose: 'photo', name: '学习照片.png' }) },
};
