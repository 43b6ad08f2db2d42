// How often a member may repeat a feed write (issue 14, item 9), per member: ceilings a real member
// never meets, there so that a flood (a script, a stuck button) costs little. A comment's token is
// taken before the content-security call it would cost.

import { DAY_MS, MINUTE_MS, type LimitRule } from '../lib/rateLimit';

export const COMMENT_LIMITS: LimitRule[] = [
  { scope: 'comment-min', limit: 5, windowMs: MINUTE_MS, kind: 'writes' },
  { scope: 'comment-day', limit: 100, windowMs: DAY_MS, kind: 'writes' },
];

export const REPORT_LIMITS: LimitRule[] = [
  { scope: 'report-min', limit: 5, windowMs: MINUTE_MS, kind: 'writes' },
  { scope: 'report-day', limit: 50, windowMs: DAY_MS, kind: 'writes' },
];

/** Liking and taking a like back, together. */
export const LIKE_LIMITS: LimitRule[] = [
  { scope: 'like-min', limit: 20, windowMs: MINUTE_MS, kind: 'writes' },
  { scope: 'like-day', limit: 300, windowMs: DAY_MS, kind: 'writes' },
];

/** Each submission waits for an organiser's review: the day is what matters. */
export const SUBMIT_LIMITS: LimitRule[] = [{ scope: 'submit-day', limit: 10, windowMs: DAY_MS, kind: 'writes', freshFirst: true }];
