// getRollup: one unit's figures summed over its whole subtree, for a period of Beijing days.
// A fixed number of reads whatever the subtree's size (pinned by a test): identity, the unit,
// the subtree's units (member counters live on them), the root (its tree version), the closed
// days' check-in roll-ups and one aggregate of today's counters, the period's exams and one
// aggregate of their per-unit counters, the period's events. Every figure comes from counters
// written at the leaves by the owning context at the time it happened, so history stays where it
// happened and a moved unit takes its own with it.

import type { OrgResponses } from '../../../core/contracts/org';
import { addDays, beijingDayKey, beijingDayStart } from '../../../core/domain/time';
import { audienceReaches, UNIT_KIND_LABELS } from '../../../core/domain/org/units';
import { checkinsByDay } from '../../checkin/ports';
import { eventRollup } from '../../event/ports';
import { examRollup } from '../../exam/ports';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { invalid } from '../../lib/errors';
import type { UnitDoc } from '../../lib/model';
import { requireManagedUnit, requireOrganiser, unitsUnder } from '../ports';
import type { ActionContext } from '../../lib/router';

const MAX_DAYS = 366;

export async function getRollup(input: { unitId: string; fromDay?: string; toDay?: string }, ctx: ActionContext): Promise<OrgResponses['getRollup']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const now = clock.now();
  const toDay = input.toDay ?? beijingDayKey(now);
  const fromDay = input.fromDay ?? addDays(toDay, -6);
  let from: number;
  let to: number;
  try {
    from = beijingDayStart(fromDay);
    to = beijingDayStart(addDays(toDay, 1));
  } catch {
    throw invalid('日期无效');
  }
  if (from >= to) throw invalid('开始日期不能晚于结束日期');
  if (to - from > MAX_DAYS * 24 * 3600 * 1000) throw invalid(`一次最多查看 ${MAX_DAYS} 天`);

  const unit = await requireManagedUnit(db, me, input.unitId);
  const subtree = await unitsUnder(db, unit.orgId, [unit._id]);
  const ids = subtree.map((u) => u._id);

  const root = unit.parentId === null ? unit : await getById<UnitDoc>(db, COLLECTIONS.units, unit.orgId);
  const perDay = await checkinsByDay(db, {
    orgId: unit.orgId,
    unitId: unit._id,
    unitIds: ids,
    fromDay,
    toDay,
    today: beijingDayKey(now),
    tree: root?.treeVersion ?? 0,
  });
  const days: Array<{ day: string; count: number }> = [];
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) days.push({ day: d, count: perDay.get(d) ?? 0 });

  const exams = (await examRollup(db, unit.orgId, ids, from, to)).map((e) => {
    // Who the exam asks in this subtree: the invited for a make-up, else the members of every
    // unit of the subtree that the exam's audience reaches (as the per-branch views count them).
    const audience = e.inviteOnly ? e.invited : subtree.filter((u) => audienceReaches(e.audience, u.path)).reduce((n, u) => n + u.memberCount, 0);
    const phase: 'upcoming' | 'open' | 'closed' = now < e.opensAt ? 'upcoming' : now < e.closesAt ? 'open' : 'closed';
    const missing = Math.max(0, audience - e.started);
    return {
      examId: e.examId,
      title: e.title,
      kind: e.kind,
      phase,
      audience,
      submitted: e.submitted,
      passed: e.passed,
      notYet: phase === 'closed' ? 0 : missing,
      absent: phase === 'closed' ? missing : 0,
    };
  });
  const events = await eventRollup(db, unit.orgId, ids, from, to);

  const open = subtree.filter((u) => u.status === 'active');
  return {
    unit: { id: unit._id, name: unit.name, kindLabel: UNIT_KIND_LABELS[unit.kind] ?? UNIT_KIND_LABELS.other },
    fromDay,
    toDay,
    units: open.length,
    members: subtree.reduce((n, u) => n + u.memberCount, 0),
    bound: subtree.reduce((n, u) => n + u.boundCount, 0),
    checkins: { total: days.reduce((n, d) => n + d.count, 0), days },
    exams,
    events: { count: events.events, confirmed: events.confirmed, attended: events.attended },
  };
}
