// getToday: the home page's 今日任务 — what the bound caller has left today — in one call. The facts
// come from each context's port, read at the same time; the rules of what is a task, its order and
// its line are core/domain/today.ts. Reads: identity (1), then open exam windows (1) + the
// member's takers of them (1, none when no window is open), today's check-in by id (1), near events
// (1) + the member's registrations for them (1, none when no event is near), the daily quiz's
// member document and the day's pool by id (2), the open contests of the member's audience (1) +
// their counting rounds of today by id (1, none when no contest is open): 7 to 10, whatever the
// number of exams, events and contests in the organisation.

import type { OrgResponses } from '../../../core/contracts/org';
import { addDays, beijingDayKey, beijingDayStart } from '../../../core/domain/time';
import { todayTasks } from '../../../core/domain/today';
import { checkedInOn } from '../../checkin/ports';
import { confirmedEventsFor } from '../../event/ports';
import { openWindowsFor } from '../../exam/ports';
import { contestTasksFor, dailyDone } from '../../quiz/ports';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../ports';

export async function getToday(_input: Record<string, never>, ctx: ActionContext): Promise<OrgResponses['getToday']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const now = clock.now();
  const day = beijingDayKey(now);
  // Events are a task from the day before they start: today's and tomorrow's.
  const startsBefore = beijingDayStart(addDays(day, 2));
  const [exams, checkedIn, events, quizDone, contests] = await Promise.all([
    openWindowsFor(db, member, now),
    checkedInOn(db, member._id, day),
    confirmedEventsFor(db, member, now, startsBefore),
    dailyDone(db, member, day),
    contestTasksFor(db, member, day, now),
  ]);
  return todayTasks({ now, exams, events, checkedIn, quizDone, contests });
}
