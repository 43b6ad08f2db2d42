// memberPicture: one member's whole picture for the period — each exam (state and score), the days
// checked in, events, the daily quiz, contests and points. Organisers of the member's unit subtree
// only. A fixed number of reads: identity, member, unit, exams, takers, months, events, places,
// quiz member and rounds, contests and scores, points total and days (14 at most).

import type { GapResponses } from '../../../core/contracts/consoleGaps';
import { daysBetween, EVENT_STATE_WORDS, EXAM_STATE_WORDS, eventState, examState, monthsBetween, quizFacts, quizState, quizWords } from '../../../core/domain/console/gaps';
import type { PeriodInput } from '../../../core/domain/console/period';
import { beijingDayKey } from '../../../core/domain/time';
import { checkinDaysOf } from '../../checkin/memberPorts';
import { eventsInPeriod, placesOf } from '../../event/memberPorts';
import { examReaches, examsInPeriod, standingsOf } from '../../exam/memberPorts';
import { forbidden, notFound } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { getMember, getUnit, mayManagePath, requireOrganiser } from '../../org/ports';
import { memberPointsOf } from '../../points/memberPorts';
import { contestsOfMember, dailyPictureOf } from '../../quiz/memberPorts';
import { periodOf, periodView } from '../gapRows';

export async function memberPicture(input: { memberId: string; period: PeriodInput }, ctx: ActionContext): Promise<GapResponses['memberPicture']> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const period = periodOf(input.period, now);
  const me = await requireOrganiser(ctx);
  const m = await getMember(db, input.memberId);
  if (!m || m.orgId !== me.orgId) throw notFound('找不到该党员');
  if (!mayManagePath(me, m.orgId, m.unitPath)) throw forbidden('该党员不在您的管理范围内');
  const bound = m.openid !== null;
  const today = beijingDayKey(now);
  const days = daysBetween(period.fromDay, period.toDay);
  const who = { _id: m._id, orgId: m.orgId, unitPath: m.unitPath };
  const [unit, exams, events, months, daily, contests, points] = await Promise.all([
    getUnit(db, m.unitId),
    examsInPeriod(db, m.orgId, m.unitPath, period.from, period.to),
    eventsInPeriod(db, m.orgId, m.unitPath, period.from, period.to, false),
    checkinDaysOf(db, [m._id], monthsBetween(period.fromDay, period.toDay)),
    dailyPictureOf(db, m._id, days, today),
    contestsOfMember(db, who, period.from, period.to),
    memberPointsOf(db, m._id, days),
  ]);
  const reaching = exams.filter((e) => examReaches(e, m.unitPath));
  const [standings, places] = await Promise.all([
    standingsOf(db, reaching.map((e) => e.examId), [m._id]),
    placesOf(db, events.map((e) => e.eventId), [m._id]),
  ]);
  const standing = new Map(standings.map((s) => [s.examId, s]));
  const place = new Map(places.map((p) => [p.eventId, p]));
  const marks = [...(months.get(m._id) ?? new Map<string, 'c' | 'm'>())].filter(([d]) => d >= period.fromDay && d <= period.toDay).sort(([a], [b]) => (a < b ? -1 : 1));
  const qFacts = quizFacts(daily.lastDay, now);
  return {
    period: periodView(period),
    now,
    member: { memberId: m._id, name: m.name, unitId: m.unitId, unitName: unit?.name ?? '', leader: m.leader === true, bound },
    exams: reaching
      .filter((e) => !e.inviteOnly || standing.get(e.examId)?.invited)
      .map((e) => {
        const s = standing.get(e.examId) ?? null;
        const state = examState(e, s, bound, now);
        return { examId: e.examId, title: e.title, opensAt: e.opensAt, closesAt: e.closesAt, state, words: EXAM_STATE_WORDS[state], score: s?.best?.score ?? null };
      }),
    checkin: { days: marks.map(([d]) => d), madeUp: marks.filter(([, k]) => k === 'm').map(([d]) => d), of: period.days },
    events: events.flatMap((e) => {
      const p = place.get(e.eventId);
      if (!p || p.status !== 'confirmed') return [];
      const state = eventState(e.endsAt, p.attended, now);
      return [{ eventId: e.eventId, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, state, words: EVENT_STATE_WORDS[state] }];
    }),
    quiz: { days: daily.done, streak: daily.streak, longest: daily.longest, lastDay: daily.lastDay, words: quizWords(quizState(qFacts, bound), qFacts) },
    contests,
    points,
  };
}
