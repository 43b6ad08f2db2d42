// The event context's rows: A's events and A's member's registration.

import { CALLERS, MEMBER_IDS, type Table } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const eventRows: Table = {
  listEvents: { who: 'anyone-bound', ownOrg: true, payload: () => ({ tab: 'open' }) },
  getEvent: { who: 'audience', payload: (fx) => ({ eventId: fx.eventId }) },
  signUp: { who: 'audience', payload: (fx) => ({ eventId: fx.eventId }) },
  // Each permitted caller cancels their own sign-up to an event of A.
  cancelSignUp: { who: 'audience', payload: async (fx, as, openid) => ({ eventId: as === 'denied' ? fx.eventId : await fx.newSignedUpEvent(openid) }) },
  myEvents: { who: 'anyone-bound', ownOrg: true },
  // A wrong code is refused as a state rule for those the event is for.
  attendByCode: { who: 'audience', allowed: ['FAILED_PRECONDITION'], payload: (fx) => ({ eventId: fx.eventId, token: '000000' }) },
  // Changing an event is for its creator (A's organiser) and org admins; the organiser above A
  // views it, its roster and its codes, and marks attendance, but does not change it.
  saveEvent: {
    who: 'author-or-admin',
    payload: (fx) => {
      const now = fx.t.cloud.clock.now();
      const event = { kind: 'party_lecture', title: '矩阵草稿活动', place: '活动室', signupOpensAt: now, signupClosesAt: now + DAY, startsAt: now + 2 * DAY, endsAt: now + 2 * DAY + HOUR, capacity: 30, unitIds: ['br-retired'] };
      return { eventId: fx.draftEventId, event };
    },
  },
  publishEvent: { who: 'author-or-admin', payload: async (fx, as) => ({ eventId: as === 'denied' ? fx.draftEventId : await fx.newEvent({ draft: true }) }) },
  cancelEvent: { who: 'author-or-admin', payload: async (fx, as) => ({ eventId: as === 'denied' ? fx.eventId : await fx.newEvent(), reason: '场地调整' }) },
  listAdminEvents: { who: 'any-organiser', ownOrg: true },
  getEventAdmin: { who: 'organiser-of-target', payload: (fx) => ({ eventId: fx.eventId }) },
  eventRoster: { who: 'organiser-of-target', payload: (fx) => ({ eventId: fx.eventId }) },
  reviewSignUp: {
    who: 'organiser-of-target',
    payload: async (fx) => ({ eventId: await fx.newSignedUpEvent(CALLERS.member, true), memberId: MEMBER_IDS.member, approve: true }),
  },
  // Attendance opens an hour before the start: a state rule for those who may mark it.
  markAttendance: {
    who: 'organiser-of-target',
    allowed: ['FAILED_PRECONDITION'],
    payload: (fx) => ({ eventId: fx.eventId, memberId: MEMBER_IDS.member, attended: true, reason: '现场登记' }),
  },
  qrToken: { who: 'organiser-of-target', payload: (fx) => ({ eventId: fx.eventId }) },
  entryCode: { who: 'organiser-of-target', payload: (fx) => ({ eventId: fx.eventId }) },
  exportRoster: { who: 'organiser-of-target', payload: (fx) => ({ eventId: fx.eventId }) },
  uploadTicket: { who: 'any-organiser', ownOrg: true, payload: () => ({ purpose: 'cover', name: '封面.png' }) },
  // Only once the event has ended: a state rule.
  draftReport: { who: 'author-or-admin', allowed: ['FAILED_PRECONDITION'], payload: (fx) => ({ eventId: fx.eventId }) },
};
