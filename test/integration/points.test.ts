// The points ledger against the local cloud: awards from a check-in, an event attendance and an
// exam pass land once each however often they are asked for; concurrent awards of one source for
// one member never pass the day's cap; a rule change from tomorrow leaves today's entries as they
// were; every counter equals the sum of the ledger's entries; the operations each costs; who may
// change the rules and read a unit's points. Days are in 2036, after the demo data was written.
import type { EventAdminView, EventDraft, EventResponses } from '../../core/contracts/event';
import type { AttemptView, ExamDraftInput } from '../../core/contracts/exam';
import type { PointsResponses } from '../../core/contracts/points';
import { DEFAULT_POINTS_RULES } from '../../core/domain/points';
import { awardPoints, type AwardRequest } from '../../functions/points/ports';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const HOUR = 60 * MIN;
/** The UTC instant of a Beijing wall-clock time. */
const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);
const ADMIN = 'demo-admin'; // org admin, br-office
const ORGANISER = 'demo-organiser'; // br-school
const entry = { title: '学习《中国共产党章程》', minutes: 30 };

const ok = async <T>(openid: string, fn: 'points' | 'checkin' | 'event' | 'exam', action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, fn, action, payload));
const points = <A extends keyof PointsResponses>(openid: string, action: A, payload: unknown = {}) => ok<PointsResponses[A]>(openid, 'points', action, payload);
const timer = () => t.cloud.invoke('points', { Type: 'Timer', TriggerName: 'pointsRollups' }, { openid: '' });

/** A member of br-retired as the port is asked for them (quiz and contest awards come from the quiz context). */
const retired = (n: string): Omit<AwardRequest, 'source' | 'ref' | 'asked' | 'at'> => ({
  orgId: 'org-demo',
  memberId: `demo-member-${n}`,
  unitId: 'br-retired',
  unitPath: ['org-demo', 'br-retired'],
});

type Doc = Record<string, unknown>;
const find = (collection: string, filter: Doc = {}) => t.cloud.db.find(collection, filter) as Doc[];

beforeAll(async () => {
  t = await startTestCloud();
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('awards from the sources that exist', () => {
  it('a check-in earns its point once, however often it is sent, and 我的积分 shows it against the cap', async () => {
    t.cloud.clock.set(beijing('2036-03-10', 9));
    const all = await Promise.all(Array.from({ length: 8 }, () => t.call('demo-m-02', 'checkin', 'checkIn', entry)));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(find('pointsLedger', { memberId: 'demo-member-02' })).toEqual([
      expect.objectContaining({ _id: 'checkin_demo-member-02_2036-03-10', source: 'checkin', day: '2036-03-10', asked: 1, awarded: 1, ruleVersion: 0 }),
    ]);
    const mine = await points('demo-m-02', 'myPoints');
    expect(mine).toMatchObject({ total: 1, today: '2036-03-10', todayTotal: 1, streak: 1 });
    expect(mine.bySource.find((s) => s.source === 'checkin')).toMatchObject({ label: '学习打卡', earned: 1, cap: 1 });
    const history = await points('demo-m-02', 'pointsHistory');
    expect(history.items).toEqual([expect.objectContaining({ label: '学习打卡', day: '2036-03-10', awarded: 1, capped: false })]);
  });

  it('a make-up earns nothing (points reward the day itself)', async () => {
    t.cloud.clock.set(beijing('2036-03-11', 9));
    await ok('demo-m-02', 'checkin', 'checkIn', entry);
    t.cloud.clock.set(beijing('2036-03-13', 9));
    await ok('demo-m-02', 'checkin', 'makeUp', { ...entry, day: '2036-03-12' });
    expect(find('pointsLedger', { memberId: 'demo-member-02' }).map((e) => e.ref)).toEqual(['2036-03-10', '2036-03-11']);
  });

  it('attending an event earns once, by the code scanned twice or by the organiser marking it as well', async () => {
    const T = beijing('2036-03-20', 9);
    t.cloud.clock.set(T);
    const draft: EventDraft = {
      kind: 'party_lecture',
      title: '专题党课：积分测试',
      description: '',
      place: '学校报告厅',
      signupOpensAt: T,
      signupClosesAt: T + 20 * HOUR,
      startsAt: T + 24 * HOUR,
      endsAt: T + 26 * HOUR,
      capacity: 10,
      waitlist: false,
      approval: false,
      unitIds: ['br-school'],
      cancelHours: 2,
    };
    const saved = await ok<EventAdminView>(ORGANISER, 'event', 'saveEvent', { event: draft });
    await ok(ORGANISER, 'event', 'publishEvent', { eventId: saved.id });
    for (const who of ['demo-m-12', 'demo-m-13']) await ok(who, 'event', 'signUp', { eventId: saved.id });
    t.cloud.clock.set(T + 23 * HOUR + 30 * MIN);
    const code = await ok<EventResponses['qrToken']>(ORGANISER, 'event', 'qrToken', { eventId: saved.id });
    await ok('demo-m-12', 'event', 'attendByCode', { eventId: saved.id, token: code.token });
    await ok('demo-m-12', 'event', 'attendByCode', { eventId: saved.id, token: code.token });
    await ok(ORGANISER, 'event', 'markAttendance', { eventId: saved.id, memberId: 'demo-member-12', attended: true, reason: '现场签到表' });
    await ok(ORGANISER, 'event', 'markAttendance', { eventId: saved.id, memberId: 'demo-member-13', attended: true, reason: '手机没电，现场签到表' });
    expect(find('pointsLedger', { source: 'event' }).map((e) => [e.memberId, e.ref, e.awarded, e.day])).toEqual([
      ['demo-member-12', saved.id, 2, '2036-03-21'],
      ['demo-member-13', saved.id, 2, '2036-03-21'],
    ]);
    expect(find('pointsTotals', { _id: 'demo-member-12' })[0]).toMatchObject({ total: 2, bySource: { event: 2 }, unitId: 'br-school' });
  });

  it('passing an exam earns once: a second pass of the same exam earns nothing', async () => {
    t.cloud.clock.set(beijing('2036-03-25', 10));
    await ok(ADMIN, 'exam', 'installSeedBank');
    const now = t.cloud.clock.now();
    const exam: ExamDraftInput = {
      title: '积分测试：党章知识',
      unitIds: ['br-office'],
      opensAt: now - MIN,
      closesAt: now + 60 * MIN,
      durationMinutes: 20,
      paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 3 }] },
      passScore: 1,
      maxAttempts: 2,
    } as ExamDraftInput;
    const { id: examId } = await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam });
    await ok(ADMIN, 'exam', 'publishExam', { examId });
    for (let round = 0; round < 2; round++) {
      const view = await ok<AttemptView>('demo-m-03', 'exam', 'startExam', { examId });
      const answers = correctAnswers(t.cloud.db, view.attemptId);
      await ok('demo-m-03', 'exam', 'submitAttempt', { attemptId: view.attemptId, answers });
      // A repeated submit of the closed attempt asks again and finds the award there.
      await ok('demo-m-03', 'exam', 'submitAttempt', { attemptId: view.attemptId, answers: [] });
    }
    expect(find('pointsLedger', { source: 'exam' }).map((e) => [e.memberId, e.ref, e.awarded])).toEqual([['demo-member-03', examId, 5]]);
  });
});

describe('the daily cap', () => {
  it('12 concurrent quiz awards of one member give exactly the cap, each entry once', async () => {
    t.cloud.clock.set(beijing('2036-04-01', 9));
    const at = t.cloud.clock.now();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => awardPoints(t.db, { ...retired('23'), source: 'quiz', ref: `round-${i}`, asked: 1, at })));
    expect(results.reduce((s, r) => s + r.awarded, 0)).toBe(DEFAULT_POINTS_RULES.quiz.cap);
    expect(results.filter((r) => r.capped)).toHaveLength(12 - DEFAULT_POINTS_RULES.quiz.cap);
    expect(find('pointsLedger', { memberId: 'demo-member-23' })).toHaveLength(12);
    expect(find('pointsDays', { _id: 'demo-member-23_2036-04-01' })[0]).toMatchObject({ total: 5, bySource: { quiz: 5 } });
    // The same 12 again: every award exists, nothing is written.
    const again = await Promise.all(Array.from({ length: 12 }, (_, i) => awardPoints(t.db, { ...retired('23'), source: 'quiz', ref: `round-${i}`, asked: 1, at })));
    expect(again.every((r) => !r.created)).toBe(true);
    expect(again.reduce((s, r) => s + r.awarded, 0)).toBe(5);
    expect(find('pointsTotals', { _id: 'demo-member-23' })[0]).toMatchObject({ total: 5 });
  });

  it('23:59:59 counts against the day’s cap, 00:00:00 against the next day’s', async () => {
    const award = (ref: string, at: number, asked: number) => awardPoints(t.db, { ...retired('24'), source: 'quiz', ref, asked, at });
    await expect(award('late-1', beijing('2036-04-02', 23, 59, 59), 4)).resolves.toMatchObject({ awarded: 4, capped: false });
    await expect(award('late-2', beijing('2036-04-02', 23, 59, 59), 4)).resolves.toMatchObject({ awarded: 1, capped: true });
    await expect(award('early-1', beijing('2036-04-03', 0, 0, 0), 4)).resolves.toMatchObject({ awarded: 4, capped: false, total: 9 });
    expect(find('pointsLedger', { memberId: 'demo-member-24' }).map((e) => [e.ref, e.day])).toEqual([
      ['late-1', '2036-04-02'],
      ['late-2', '2036-04-02'],
      ['early-1', '2036-04-03'],
    ]);
    expect(find('pointsTotals', { _id: 'demo-member-24' })[0]).toMatchObject({ streak: 2, lastDay: '2036-04-03' });
  });
});

describe('rules', () => {
  it('a change from tomorrow leaves today’s awards and entries as they were; tomorrow the new rules apply', async () => {
    t.cloud.clock.set(beijing('2036-05-10', 10));
    await expect(awardPoints(t.db, { ...retired('25'), source: 'quiz', ref: 'r1', asked: 4, at: t.cloud.clock.now() })).resolves.toMatchObject({ awarded: 4 });
    const refusedToday = await t.call(ADMIN, 'points', 'savePointsRules', { from: '2036-05-10', rules: DEFAULT_POINTS_RULES });
    expect(refusedToday).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const rules = { ...DEFAULT_POINTS_RULES, quiz: { points: 2, cap: 8 } };
    const saved = await points(ADMIN, 'savePointsRules', { from: '2036-05-11', rules, note: '答题加分' });
    expect(saved.current.v).toBe(0);
    expect(saved.scheduled).toMatchObject({ v: 1, from: '2036-05-11', byName: '张伟', note: '答题加分', changes: ['每日答题：每答对1题 1 → 2 分', '每日答题：每日上限 5 → 8 分'] });
    // Still today: the cap of 5 holds, and the entry already made keeps its version.
    await expect(awardPoints(t.db, { ...retired('25'), source: 'quiz', ref: 'r2', asked: 4, at: t.cloud.clock.now() })).resolves.toMatchObject({ awarded: 1, capped: true });
    expect(find('pointsLedger', { memberId: 'demo-member-25' }).map((e) => [e.ref, e.awarded, e.ruleVersion])).toEqual([
      ['r1', 4, 0],
      ['r2', 1, 0],
    ]);
    t.cloud.clock.set(beijing('2036-05-11', 8));
    await expect(awardPoints(t.db, { ...retired('25'), source: 'quiz', ref: 'r3', asked: 3, at: t.cloud.clock.now() })).resolves.toMatchObject({ awarded: 6 });
    expect(find('pointsLedger', { _id: 'quiz_demo-member-25_r3' })[0]).toMatchObject({ ruleVersion: 1, raw: 6 });
    const seen = await points('demo-m-25', 'pointsRules');
    expect(seen).toMatchObject({ current: { v: 1, from: '2036-05-11' }, scheduled: null, canEdit: false });
    expect(seen.log.map((v) => [v.from, v.byName])).toEqual([['2036-05-11', '张伟']]);
    const mine = await points('demo-m-25', 'myPoints');
    expect(mine.bySource.find((s) => s.source === 'quiz')).toMatchObject({ earned: 6, cap: 8, rule: '每答对1题 2 分，每日最多 8 分' });
  });

  it('only an org admin saves rules: a member or a unit organiser is refused and nothing is written', async () => {
    const before = find('pointsRules');
    for (const who of ['demo-m-26', ORGANISER]) {
      await expect(t.call(who, 'points', 'savePointsRules', { from: '2036-12-01', rules: DEFAULT_POINTS_RULES })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    await expect(t.call(ADMIN, 'points', 'savePointsRules', { from: '2036-12-01', rules: { ...DEFAULT_POINTS_RULES, quiz: { points: 1, cap: 101 } } })).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
    expect(find('pointsRules')).toEqual(before);
  });
});

describe('counters and unit figures', () => {
  it('every counter equals the sum of the ledger: member totals, member days, unit days', async () => {
    const ledger = find('pointsLedger');
    const sum = (key: (e: Doc) => string) => {
      const m = new Map<string, number>();
      for (const e of ledger) m.set(key(e), (m.get(key(e)) ?? 0) + (e.awarded as number));
      return m;
    };
    for (const [memberId, total] of sum((e) => e.memberId as string)) expect([memberId, find('pointsTotals', { _id: memberId })[0]?.total]).toEqual([memberId, total]);
    for (const [id, total] of sum((e) => `${e.memberId as string}_${e.day as string}`)) {
      if (total > 0) expect([id, find('pointsDays', { _id: id })[0]?.total]).toEqual([id, total]);
    }
    const days = find('pointsDays');
    const byUnitDay = new Map<string, { points: number; members: number }>();
    for (const d of days) {
      const k = `${d.unitId as string}_${d.day as string}`;
      const s = byUnitDay.get(k) ?? { points: 0, members: 0 };
      byUnitDay.set(k, { points: s.points + (d.total as number), members: s.members + 1 });
    }
    expect(find('pointsUnitDays').map((u) => [u._id, u.points, u.members]).sort()).toEqual([...byUnitDay].map(([k, v]) => [k, v.points, v.members]).sort());
  });

  it('a unit’s period comes from the roll-ups after the timer, the same as from the leaves before it', async () => {
    t.cloud.clock.set(beijing('2036-04-04', 9));
    await awardPoints(t.db, { ...retired('26'), source: 'quiz', ref: 'today', asked: 2, at: t.cloud.clock.now() });
    const period = { unitId: 'org-demo', fromDay: '2036-04-01', toDay: '2036-04-04' };
    const before = await points(ADMIN, 'unitPoints', period);
    expect(before.days).toEqual([
      { day: '2036-04-01', points: 5, members: 1 },
      { day: '2036-04-02', points: 5, members: 1 },
      { day: '2036-04-03', points: 4, members: 1 },
      { day: '2036-04-04', points: 2, members: 1 },
    ]);
    expect(before).toMatchObject({ unitName: '示例市直机关党委', points: 16, memberDays: 4 });
    const run = await timer();
    expect(run.result).toMatchObject({ ok: true });
    expect(find('pointsRollups', { unitId: 'br-retired', day: '2036-04-02' })[0]).toMatchObject({ points: 5, members: 1 });
    const after = await t.invoke('demo-m-22', 'points', 'unitPoints', { ...period, unitId: 'br-retired' });
    expect((after.result as { data: PointsResponses['unitPoints'] }).data.days).toEqual(before.days);
    // identity, the unit, the root (tree version), the roll-ups of the unit and the root, then the
    // subtree's units and one aggregate of their counters for the day not rolled up (today).
    expect([after.stats.reads, after.stats.writes]).toEqual([6, 0]);
  });

  it('unitPoints is refused outside the organiser’s subtree and to members', async () => {
    await expect(t.call(ORGANISER, 'points', 'unitPoints', { unitId: 'br-retired' })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(t.call('demo-m-12', 'points', 'unitPoints', { unitId: 'br-school' })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(t.call(ORGANISER, 'points', 'unitPoints', { unitId: 'br-school', fromDay: '2036-04-05', toDay: '2036-04-01' })).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
  });

  it('the timer repairs a unit’s day counter an award left short, once it stays short a minute', async () => {
    const at = beijing('2036-04-04', 9);
    t.cloud.clock.set(at);
    await t.db.collection('pointsUnitDays').doc('br-retired_2036-04-04').update({ data: { points: 0, members: 0 } });
    await timer();
    expect(find('pointsUnitDays', { _id: 'br-retired_2036-04-04' })[0]).toMatchObject({ points: 0 });
    t.cloud.clock.set(at + 2 * MIN);
    await timer();
    expect(find('pointsUnitDays', { _id: 'br-retired_2036-04-04' })[0]).toMatchObject({ points: 2, members: 1 });
  });
});

describe('cost', () => {
  it('an award, 我的积分 and a page of history cost a fixed number of operations', async () => {
    t.cloud.clock.set(beijing('2036-06-01', 9));
    await ok('demo-m-04', 'checkin', 'checkIn', entry); // the unit's day counter exists
    const checkIn = await t.invoke('demo-m-05', 'checkin', 'checkIn', entry);
    const own = checkIn.stats.ops.filter((o) => (o.collection ?? '').startsWith('points'));
    // the entry, the total, the rules, the member's day (transaction reads); the entry, the day and
    // the total (transaction writes); the unit's day counter increment.
    expect(own.map((o) => o.collection)).toEqual(['pointsLedger', 'pointsTotals', 'pointsRules', 'pointsDays', 'pointsLedger', 'pointsDays', 'pointsTotals', 'pointsUnitDays']);
    expect([checkIn.stats.reads, checkIn.stats.writes]).toEqual([9, 11]);
    // A repeat finds the entry and writes nothing of the points.
    const again = await t.invoke('demo-m-05', 'checkin', 'checkIn', entry);
    expect(again.stats.ops.filter((o) => (o.collection ?? '').startsWith('points')).map((o) => o.collection)).toEqual(['pointsLedger', 'pointsTotals']);
    const mine = await t.invoke('demo-m-05', 'points', 'myPoints', {});
    expect([mine.stats.reads, mine.stats.writes]).toEqual([4, 0]);
    const history = await t.invoke('demo-m-05', 'points', 'pointsHistory', { limit: 20 });
    expect([history.stats.reads, history.stats.writes]).toEqual([2, 0]);
  });
});
