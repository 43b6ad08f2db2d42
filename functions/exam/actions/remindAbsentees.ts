// remindAbsentees: a subscribe message to the members of a unit who have not taken the exam, each
// spending one of their exam reminder credits (lib/reminders' sendReminder).

import type { ExamResponses } from '../../../core/contracts/exam';
import { formatBeijing } from '../../../core/domain/time';
import { precondition } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import { clip, sendReminder } from '../../lib/reminders';
import type { ActionContext } from '../../lib/router';
import { branchOf, examForOrganiser } from '../access';
import { branchRoster } from '../roster';

export async function remindAbsentees(input: { examId: string; unitId: string }, ctx: ActionContext): Promise<ExamResponses['remindAbsentees']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const unit = await branchOf(ctx, me, exam, input.unitId);
  if (clock.now() >= exam.closesAt) throw precondition('考试已结束，无需提醒');
  const roster = await branchRoster(db, exam, unit._id, true);
  let sent = 0;
  let withoutCredit = 0;
  let unbound = 0;
  for (const r of roster.rows.filter((x) => x.status === 'absent')) {
    // Never bound: no message can reach them, and "未开启提醒" would be untrue (they need an invitation).
    if (!r.openid) {
      unbound++;
      continue;
    }
    if (!r.hasReminderCredit) {
      withoutCredit++;
      continue;
    }
    const outcome = await sendReminder(ctx.deps, {
      memberId: r.memberId,
      openid: r.openid,
      topic: 'exam',
      page: `subpackages/exam/intro?id=${exam._id}`,
      data: {
        thing1: { value: clip(exam.title) },
        time2: { value: formatBeijing(exam.closesAt) },
        thing3: { value: clip(`${unit.name}提醒您按时参加考试`) },
      },
    });
    // No credit left by now, or WeChat did not take the message (the credit is spent either way).
    if (outcome === 'sent') sent++;
    else withoutCredit++;
  }
  return { sent, withoutCredit, unbound };
}
