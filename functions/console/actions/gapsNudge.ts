// gapsNudge: for one activity's list, the message for the group chat (who, what, by when, how) and
// the honest counts — reachable by a reminder (bound, holding a credit), not reachable (bound, no
// credit: the group chat), not bound (an invitation). Sends nothing: the reminders are the owning
// context's actions (exam.remindAbsentees, checkin.remindBranch), called per unit by the page.

import type { GapResponses } from '../../../core/contracts/consoleGaps';
import { ACTIVITY_WORDS, isExamGap, type GapActivity } from '../../../core/domain/console/gaps';
import type { PeriodInput } from '../../../core/domain/console/period';
import { nudgeText } from '../../../core/domain/nudge';
import { addDays, beijingDayKey, beijingDayStart } from '../../../core/domain/time';
import { invalid, notFound, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { allRows, gapScope } from '../gapRows';

export async function gapsNudge(input: { unitId: string; period: PeriodInput; activity: GapActivity; refId?: string | null }, ctx: ActionContext): Promise<GapResponses['gapsNudge']> {
  const { db } = ctx.deps;
  if (input.activity === 'exam' && !input.refId) throw invalid('字段 refId：请选择考试');
  if (input.activity === 'event') throw precondition('已结束的活动无法再参加，未到场的情况请在名单中查看');
  const scope = await gapScope(ctx, input.unitId, input.period);
  const all = await allRows(db, scope);
  const endOfToday = beijingDayStart(addDays(beijingDayKey(scope.now), 1));
  let title: string;
  let deadline: number | null;
  let open = true;
  let withGap: typeof all.rows;
  let holders: Set<string> | null;
  if (input.activity === 'exam') {
    const exam = all.exams.find((e) => e.examId === input.refId);
    if (!exam) throw notFound('这段时间里没有这场考试');
    title = exam.title;
    deadline = exam.closesAt;
    open = scope.now >= exam.opensAt && scope.now < exam.closesAt;
    withGap = all.rows.filter((r) => r.exams.some((c) => c.examId === exam.examId && isExamGap(c.state)));
    holders = all.credit.exam;
  } else {
    title = input.activity === 'checkin' ? '今天的学习打卡' : '今天的每日答题';
    deadline = endOfToday;
    withGap = all.rows.filter((r) => r.gaps.includes(input.activity));
    holders = input.activity === 'checkin' ? all.credit.checkin : null;
  }
  const bound = withGap.filter((r) => r.bound);
  // Reminders go only while there is still time to act (the exam's own action refuses after close).
  const reachable = holders && open ? bound.filter((r) => holders.has(r.memberId)) : [];
  const units = (rows: typeof withGap) => [...new Map(rows.map((r) => [r.unitId, r.unitName])).entries()];
  const unboundRows = withGap.filter((r) => !r.bound);
  return {
    activity: input.activity,
    title: title || ACTIVITY_WORDS[input.activity],
    deadline: open ? deadline : null,
    text: nudgeText({ activity: input.activity, title, deadline: open ? deadline : null, names: bound.map((r) => r.name), unitName: scope.unit.name, now: scope.now }),
    remindable: reachable.length,
    notRemindable: bound.length - reachable.length,
    unbound: unboundRows.length,
    remindUnits: units(reachable).map(([unitId, unitName]) => ({ unitId, unitName })),
    inviteUnits: units(unboundRows).map(([unitId, unitName]) => ({ unitId, unitName, count: unboundRows.filter((r) => r.unitId === unitId).length })),
    truncated: all.truncated,
  };
}
