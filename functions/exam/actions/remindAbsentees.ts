// remindAbsentees: a subscribe message to the members of a unit who have not taken the exam.

import type { ExamResponses } from '../../../core/contracts/exam';
import { formatBeijing } from '../../../core/domain/time';
import { forbidden } from '../../lib/errors';
import { requireOrganiser } from '../../org/ports';
import { clip, spendCredit, templateId } from '../../lib/reminders';
import type { ActionContext } from '../../lib/router';
import { branchRoster } from '../roster';
import { examForOrganiser } from '../shared';
import { branchOf } from '../statistics';

export async function remindAbsentees(input: { examId: string; unitId: string }, ctx: ActionContext): Promise<ExamResponses['remindAbsentees']> {
  const { db, notify, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const unit = await branchOf(ctx, me, exam, input.unitId);
  if (clock.now() >= exam.closesAt) throw forbidden('考试已结束，无需提醒');
  const roster = await branchRoster(db, exam, unit._id, true);
  let sent = 0;
  let withoutCredit = 0;
  for (const r of roster.rows.filter((x) => x.status === 'absent')) {
    if (!r.openid || !r.hasReminderCredit || !(await spendCredit(db, r.memberId, 'exam'))) {
      withoutCredit++;
      continue;
    }
    const ok = await notify.send({
      openid: r.openid,
      templateId: templateId('exam'),
      page: `subpackages/exam/intro?id=${exam._id}`,
      data: {
        thing1: { value: clip(exam.title) },
        time2: { value: formatBeijing(exam.closesAt) },
        thing3: { value: clip(`${unit.name}提醒您按时参加考试`) },
      },
    });
    if (ok) sent++;
    else withoutCredit++;
  }
  return { sent, withoutCredit };
}
