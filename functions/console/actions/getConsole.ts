// getConsole (工作台): a unit's figures for a period, its subtree and each direct child side by
// side, the unit's per-day trend, and what waits for the caller. Roll-ups and counters only, read
// through the contexts' ports — never members, check-ins, rounds or attempts — so the reads do not
// grow with the organisation (docs/CONSOLE.md, "Reads"). Writes nothing.

import type { ConsoleChild, ConsoleResponses } from '../../../core/contracts/console';
import { subtreeFigures, type UnitCount } from '../../../core/domain/console/figures';
import { PeriodError, resolvePeriod, type PeriodInput } from '../../../core/domain/console/period';
import { UNIT_KIND_LABELS } from '../../../core/domain/org/units';
import { addDays, beijingDayKey } from '../../../core/domain/time';
import { checkinDayFigures } from '../../checkin/ports';
import { eventTallies } from '../../event/ports';
import { examTallies } from '../../exam/ports';
import { invalid } from '../../lib/errors';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { getUnit, managedUnits, requireManagedUnit, requireOrganiser, scopeIds } from '../../org/ports';
import { pointsDayFigures } from '../../points/ports';
import { contestTallies, quizDayFigures } from '../../quiz/ports';
import { waitingFor } from './waiting';

const kindLabel = (u: UnitDoc) => UNIT_KIND_LABELS[u.kind] ?? UNIT_KIND_LABELS.other;

export async function getConsole(input: { unitId?: string | null; period: PeriodInput }, ctx: ActionContext): Promise<ConsoleResponses['getConsole']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const now = clock.now();
  let period;
  try {
    // A day that does not exist (2月30日) is refused there rather than rolled over into the next month.
    period = resolvePeriod(input.period, now);
  } catch (err) {
    if (err instanceof PeriodError) throw invalid(err.message);
    throw err;
  }
  // Every unit of the caller's subtrees in one read: the unit, its subtree, its children, the
  // picker's scopes and the waiting queues' units all come from it.
  const managed = await managedUnits(db, me);
  const unitId = input.unitId ?? scopeIds(me)[0];
  const unit = managed.find((u) => u._id === unitId) ?? (await requireManagedUnit(db, me, unitId));
  const subtree = managed.filter((u) => u.path.includes(unit._id));
  const children = subtree.filter((u) => u.parentId === unit._id);
  const childOf = new Map<string, string | null>(subtree.map((u) => [u._id, u._id === unit._id ? null : u.path[u.path.indexOf(unit._id) + 1] ?? null]));
  const root = managed.find((u) => u._id === me.orgId) ?? (await getUnit(db, me.orgId));
  const today = beijingDayKey(now);
  const q = {
    orgId: me.orgId,
    unitId: unit._id,
    childOf,
    childIds: children.map((c) => c._id),
    fromDay: period.fromDay,
    toDay: period.toDay,
    today,
    tree: root?.treeVersion ?? 0,
    firstDay: root ? beijingDayKey(new Date(root.createdAt).getTime()) : undefined,
  };
  const [checkins, quiz, points, exams, events, contests, waiting] = await Promise.all([
    checkinDayFigures(db, q),
    quizDayFigures(db, q),
    pointsDayFigures(db, q),
    examTallies(db, me.orgId, childOf, period.from, period.to),
    eventTallies(db, me.orgId, childOf, period.from, period.to),
    contestTallies(db, me.orgId, [unit, ...children], period.from, period.to),
    waitingFor(db, me, managed, today),
  ]);

  const days: string[] = [];
  for (let d = period.fromDay; d <= period.toDay; d = addDays(d, 1)) days.push(d);
  const trend = {
    days,
    checkins: days.map((d) => checkins.byDay.get(d)?.count ?? 0),
    quiz: days.map((d) => quiz.byDay.get(d)?.participants ?? 0),
    points: days.map((d) => points.byDay.get(d)?.points ?? 0),
  };
  const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);
  const noContests = { contests: 0, participants: 0, rounds: 0 };
  const examsOf = (key: string) =>
    exams.map((e) => ({ ...e, ...(e.byGroup.get(key) ?? { invited: 0, started: 0, submitted: 0, passed: 0 }) }));

  const total = subtreeFigures(
    {
      units: subtree as UnitCount[],
      days: period.days,
      checkins: sum(trend.checkins),
      quizParticipantDays: sum(trend.quiz),
      points: { points: sum(trend.points), members: sum(days.map((d) => points.byDay.get(d)?.members ?? 0)) },
      exams: examsOf(''),
      events: events.total,
      contests: contests.get(unit._id) ?? noContests,
    },
    now,
  );
  const childRows: ConsoleChild[] = children.map((c) => ({
    id: c._id,
    name: c.name,
    kindLabel: kindLabel(c),
    closed: c.status !== 'active',
    figures: subtreeFigures(
      {
        units: subtree.filter((u) => u.path.includes(c._id)) as UnitCount[],
        days: period.days,
        checkins: checkins.byChild.get(c._id)?.count ?? 0,
        quizParticipantDays: quiz.byChild.get(c._id)?.participants ?? 0,
        points: points.byChild.get(c._id) ?? { points: 0, members: 0 },
        exams: examsOf(c._id),
        events: events.byGroup.get(c._id) ?? { events: 0, confirmed: 0, attended: 0 },
        contests: contests.get(c._id) ?? noContests,
      },
      now,
    ),
  }));

  const parent = unit.parentId ? managed.find((u) => u._id === unit.parentId) : undefined;
  const scopes = scopeIds(me).map((id) => managed.find((u) => u._id === id)).filter((u): u is UnitDoc => Boolean(u));
  return {
    unit: { id: unit._id, name: unit.name, kindLabel: kindLabel(unit), parentId: unit.parentId },
    parent: parent ? { id: parent._id, name: parent.name } : null,
    scopes: scopes.map((u) => ({ id: u._id, name: u.name })),
    period: { kind: period.kind, fromDay: period.fromDay, toDay: period.toDay, label: period.label, days: period.days },
    waiting,
    total,
    children: childRows,
    trend,
  };
}
