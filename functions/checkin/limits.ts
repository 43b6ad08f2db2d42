// Check-in calls per member and Beijing day (issue 14, item 9), check-ins and make-ups together.
// A day has one check-in whatever is sent (its _id), but every call downloads and checks a photo:
// 30 covers taps, retries on a bad network and the month's make-ups, and bounds a flood. Created
// first, as a member's first call of the day is the common case (one write).

import { DAY_MS, type LimitRule } from '../lib/rateLimit';

export const CHECKIN_LIMITS: LimitRule[] = [{ scope: 'checkin-day', limit: 30, windowMs: DAY_MS, kind: 'writes', freshFirst: true }];
