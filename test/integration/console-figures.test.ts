// 工作台's figures against the local cloud: a 3-level subtree (the organisation, a committee added
// above two branches, the branches) whose history is made by the real actions — two weeks of
// check-ins, an exam closed yesterday and one open for a week, events, a contest, a daily-quiz
// round, the points they earned. The console's figures for the committee and for each branch must
// equal the organisation's own roll-up (org.getRollup) and the points context's (points.unitPoints)
// of the same units and days, before and after the timers computed the closed days; a member of
// one branch taking the quiz shows in that branch only. Then access, bad periods, an empty period
// and the waiting queues. No call writes anything.
import type { ConsoleView } from '../../core/contracts/console';
import type { Rollup } from '../../core/contracts/org';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { seedDemoCheckins } from '../../scripts/lib/demo-checkins';
import { seedDemoContent } from '../../scripts/lib/demo-content';
import { seedDemoContest, seedDemoExams } from '../../scripts/lib/demo-exams';
import { seedDemo } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { playRound } from '../helpers/quiz';

jest.setTimeout(180_000);

const ADMIN = 'demo-admin';
/** 李强: organiser of 实验中学党支部 (br-school) only. */
const SCHOOL_ORGANISER = 'demo-organiser';
/** 王秀英: a member of 离退休干部党支部 (br-retired). */
const MEMBER = 'demo-member';
/** 马俊: a member of br-school. */
const SCHOOL_MEMBER = 'demo-m-12';

let t: TestCloud;
let mid: string;
const today = beijingDayKey(Date.now());
const fromDay = addDays(today, -13);
const RANGE = { kind: 'range', fromDay, toDay: today } as const;

/** getConsole, asserting it wrote nothing. */
async function view(openid: string, payload: unknown): Promise<ConsoleView> {
  const { result, stats } = await t.invoke(openid, 'console', 'getConsole', payload);
  expect(stats.writes).toBe(0);
  return dataOf(result as never);
}
const refusal = async (openid: string, payload: unknown) => {
  const { result, stats } = await t.invoke(openid, 'console', 'getConsole', payload);
  expect(stats.writes).toBe(0);
  return result as { ok: boolean; code?: string; message?: string };
};
const rollup = (unitId: string) => t.call<Rollup>(ADMIN, 'org', 'getRollup', { unitId, fromDay, toDay: today }).then(dataOf);
const unitPoints = (unitId: string) => t.call<{ points: number; memberDays: number; days: Array<{ day: string; points: number }> }>(ADMIN, 'points', 'unitPoints', { unitId, fromDay, toDay: today }).then(dataOf);
const timer = async (fn: 'checkin' | 'points' | 'quiz', name: string) => {
  const { result } = await t.cloud.invoke(fn, { Type: 'Timer', TriggerName: name }, { openid: '' });
  expect(result).toMatchObject({ ok: true });
};

beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  await seedDemo(t.db, new Date(Date.now() - 30 * 86_400_000));
  await seedDemoExams(t.cloud, t.db);
  await seedDemoContest(t.cloud, t.db);
  await seedDemoCheckins(t.cloud, t.db);
  await seedDemoContent(t.cloud, t.db);
  t.cloud.clock.reset();
  mid = dataOf(await t.call<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: '教育和老干部工委', kind: 'committee' })).unit.id;
  dataOf(await t.call(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: mid }));
  dataOf(await t.call(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: mid }));
  // A daily-quiz round today by a member of br-retired, at a reader's pace.
  await playRound(t, MEMBER);
  t.cloud.clock.reset();
});
afterAll(async () => {
  await t?.close();
});

/** The console's figures of one subtree against the organisation's roll-up and the points of the same days. */
async function expectMatches(f: ConsoleView['total'], unitId: string) {
  const r = await rollup(unitId);
  const p = await unitPoints(unitId);
  expect(f.members).toBe(r.members);
  expect(f.bound).toBe(r.bound);
  expect(f.checkins.total).toBe(r.checkins.total);
  expect(f.checkins.possible).toBe(r.bound * 14);
  expect(f.events).toMatchObject({ confirmed: r.events.confirmed, attended: r.events.attended });
  expect(f.points.points).toBe(p.points);
  expect(f.points.memberDays).toBe(p.memberDays);
  expect(f.exams.items.map((e) => e.examId).sort()).toEqual(r.exams.map((e) => e.examId).sort());
  for (const e of f.exams.items) {
    const want = r.exams.find((x) => x.examId === e.examId)!;
    expect({ audience: e.audience, submitted: e.submitted, passed: e.passed, notYet: e.notYet, absent: e.absent, phase: e.phase }).toEqual({
      audience: want.audience,
      submitted: want.submitted,
      passed: want.passed,
      notYet: want.notYet,
      absent: want.absent,
      phase: want.phase,
    });
  }
  return r;
}

describe('the console over a 3-level subtree', () => {
  it('GIVEN real history THEN the committee and each branch match the roll-ups, before and after the timers', async () => {
    for (const phase of ['live', 'rolled up'] as const) {
      if (phase === 'rolled up') {
        await timer('checkin', 'dailyReminders');
        await timer('points', 'pointsRollups');
        await timer('quiz', 'preparePools');
      }
      const v = await view(ADMIN, { unitId: mid, period: RANGE });
      expect(v.unit).toMatchObject({ id: mid, name: '教育和老干部工委', parentId: 'org-demo' });
      expect(v.parent).toEqual({ id: 'org-demo', name: expect.any(String) });
      expect(v.period).toMatchObject({ kind: 'range', fromDay, toDay: today, days: 14 });
      expect(v.children.map((c) => c.id).sort()).toEqual(['br-retired', 'br-school']);
      const r = await expectMatches(v.total, mid);
      expect(r.checkins.total).toBeGreaterThan(10); // the history is really there
      expect(v.trend.days).toHaveLength(14);
      expect(v.trend.checkins.reduce((a, b) => a + b, 0)).toBe(r.checkins.total);
      expect(Object.fromEntries(v.trend.days.map((d, i) => [d, v.trend.checkins[i]]).filter(([, n]) => n))).toEqual(
        Object.fromEntries(r.checkins.days.filter((d) => d.count > 0).map((d) => [d.day, d.count])),
      );
      for (const c of v.children) await expectMatches(c.figures, c.id);
      // The branches add up to the committee (it has no members of its own).
      for (const k of ['members', 'bound'] as const) expect(v.children.reduce((n, c) => n + c.figures[k], 0)).toBe(v.total[k]);
      expect(v.children.reduce((n, c) => n + c.figures.checkins.total, 0)).toBe(v.total.checkins.total);
      // An exam closed yesterday: 缺考, never 未参加; the open one: 未参加, never 缺考.
      const closed = v.total.exams.items.find((e) => e.phase === 'closed')!;
      const open = v.total.exams.items.find((e) => e.phase === 'open')!;
      expect(closed.absent).toBeGreaterThan(0);
      expect(closed.notYet).toBe(0);
      expect(open.notYet).toBeGreaterThan(0);
      expect(open.absent).toBe(0);
      expect(v.total.exams.rate).toBeCloseTo((closed.submitted + open.submitted) / (closed.audience + open.audience), 6);
      // The quiz round of br-retired's member, today, in br-retired only.
      const retired = v.children.find((c) => c.id === 'br-retired')!;
      const school = v.children.find((c) => c.id === 'br-school')!;
      expect(retired.figures.quiz.participantDays).toBe(1);
      expect(school.figures.quiz.participantDays).toBe(0);
      expect(v.total.quiz.participantDays).toBe(1);
      expect(v.trend.quiz[13]).toBe(1);
      expect(v.trend.points.reduce((a, b) => a + b, 0)).toBe(v.total.points.points);
      // The demo contest is the whole organisation's: each subtree counts it.
      expect(v.total.contests.count).toBeGreaterThanOrEqual(1);
      expect(school.figures.contests.count).toBe(v.total.contests.count);
    }
  });

  it('本周 and 本月 resolve on the server; the organisation sees its direct children side by side', async () => {
    const week = await view(ADMIN, { period: { kind: 'week' } });
    expect(week.unit.id).toBe('org-demo');
    expect(week.period.label).toMatch(/^本周（/);
    expect(week.period.toDay).toBe(today);
    expect(week.children.map((c) => c.id).sort()).toEqual(['br-office', mid].sort());
    expect(week.scopes).toEqual([{ id: 'org-demo', name: expect.any(String) }]);
    const month = await view(ADMIN, { unitId: 'org-demo', period: { kind: 'month' } });
    expect(month.period.fromDay).toBe(`${today.slice(0, 8)}01`);
    expect(month.trend.days).toHaveLength(month.period.days);
  });
});

describe('access and bad input', () => {
  it('a member is refused; an organiser is refused outside their subtree and answered inside it', async () => {
    expect(await refusal(MEMBER, { unitId: 'br-retired', period: { kind: 'week' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await refusal(MEMBER, { period: { kind: 'week' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await refusal('never-bound-openid', { period: { kind: 'week' } })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const unitId of ['org-demo', mid, 'br-retired', 'br-office']) {
      expect(await refusal(SCHOOL_ORGANISER, { unitId, period: { kind: 'week' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await refusal(SCHOOL_ORGANISER, { unitId: 'no-such-unit', period: { kind: 'week' } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const own = await view(SCHOOL_ORGANISER, { period: { kind: 'week' } });
    expect(own.unit.id).toBe('br-school');
    expect(own.parent).toBeNull(); // the committee above is not theirs
    expect(own.scopes).toEqual([{ id: 'br-school', name: '实验中学党支部' }]);
  });

  it('refuses bad periods and malformed payloads with INVALID_ARGUMENT and a plain message', async () => {
    const cases: unknown[] = [
      { period: { kind: 'range', fromDay: today, toDay: addDays(today, -1) } },
      { period: { kind: 'range', fromDay: addDays(today, -400), toDay: today } },
      { period: { kind: 'range' } },
      { period: { kind: 'range', fromDay: '2026-02-30', toDay: today } },
      { period: { kind: 'range', fromDay: addDays(today, 3), toDay: addDays(today, 5) } },
      { period: { kind: 'year' } },
      { period: { kind: 'week' }, extra: 1 },
      { unitId: '../units', period: { kind: 'week' } },
      {},
    ];
    for (const payload of cases) {
      const r = await refusal(ADMIN, payload);
      expect({ payload, r }).toMatchObject({ payload, r: { ok: false, code: 'INVALID_ARGUMENT' } });
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('a period with nothing in it is an honest empty answer', async () => {
    const v = await view(ADMIN, { unitId: mid, period: { kind: 'range', fromDay: addDays(today, -80), toDay: addDays(today, -70) } });
    expect(v.period.days).toBe(11);
    expect(v.total.checkins).toMatchObject({ total: 0 });
    expect(v.total.exams).toMatchObject({ items: [], audience: 0, rate: null, passRate: null });
    expect(v.total.events).toMatchObject({ count: 0, confirmed: 0, attended: 0, rate: null });
    expect(v.total.quiz.participantDays).toBe(0);
    expect(v.total.points).toEqual({ points: 0, memberDays: 0 });
    expect(v.total.contests).toEqual({ count: 0, participants: 0, rounds: 0 });
    expect(v.trend.checkins).toEqual(Array(11).fill(0));
    for (const c of v.children) expect(c.figures.checkins.total + c.figures.quiz.participantDays + c.figures.points.points).toBe(0);
  });
});

describe('waiting for the organiser', () => {
  const count = (v: ConsoleView, kind: string) => v.waiting.find((w) => w.kind === kind)?.count;

  it('counts what each organiser may act on: a submission and a quiz flag of br-school reach its organiser and the org admin, not others', async () => {
    const before = { admin: await view(ADMIN, { period: { kind: 'week' } }), school: await view(SCHOOL_ORGANISER, { period: { kind: 'week' } }) };
    expect(before.admin.waiting.map((w) => w.kind)).toEqual(['submissions', 'bindRequests', 'comments', 'quizFlags', 'questionReports']);
    dataOf(await t.call(SCHOOL_MEMBER, 'feed', 'submitPost', { kind: 'report', title: '我们的读书会', body: '<p>读书会</p>' }));
    dataOf(await t.call(MEMBER, 'feed', 'submitPost', { kind: 'report', title: '老同志的学习', body: '<p>学习</p>' }));
    // A round answered faster than anyone reads: 答题异常 for br-school today.
    await playRound(t, SCHOOL_MEMBER, { stepMs: 0 });
    t.cloud.clock.reset();
    const admin = await view(ADMIN, { period: { kind: 'week' } });
    const school = await view(SCHOOL_ORGANISER, { period: { kind: 'week' } });
    expect(count(admin, 'submissions')).toBe(count(before.admin, 'submissions')! + 2);
    expect(count(school, 'submissions')).toBe(count(before.school, 'submissions')! + 1);
    expect(count(admin, 'quizFlags')).toBe(count(before.admin, 'quizFlags')! + 1);
    expect(count(school, 'quizFlags')).toBe(count(before.school, 'quizFlags')! + 1);
    // br-retired's organiser sees its own member's submission, not br-school's flag.
    const retired = await view('demo-m-22', { period: { kind: 'week' } });
    expect(retired.unit.id).toBe('br-retired');
    expect(count(retired, 'quizFlags')).toBe(0);
    expect(count(retired, 'submissions')).toBeGreaterThanOrEqual(1);
  });
});

describe('after a move', () => {
  it('days before yesterday keep the tree they were rolled up under until the timer recomputes them; yesterday and today follow the move at once', async () => {
    await timer('checkin', 'dailyReminders');
    const before = await view(ADMIN, { unitId: mid, period: RANGE });
    const school = await view(ADMIN, { unitId: 'br-school', period: RANGE });
    // br-school checked in on days before yesterday, so keeping them under the committee shows.
    expect(school.trend.checkins.slice(0, 12).some((n) => n > 0)).toBe(true);
    dataOf(await t.call(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: 'org-demo' }));
    const after = await view(ADMIN, { unitId: mid, period: RANGE });
    expect(after.children.map((c) => c.id)).toEqual(['br-retired']);
    after.trend.days.forEach((day, i) => {
      const old = day < addDays(today, -1);
      expect([day, after.trend.checkins[i]]).toEqual([day, old ? before.trend.checkins[i] : before.trend.checkins[i] - school.trend.checkins[i]]);
    });
    // Members and exams follow the tree at once: they are counted from today's units.
    expect(after.total.members).toBe(before.total.members - school.total.members);
    // Once the timer has recomputed the older days, the committee is the organisation's roll-up again.
    await timer('checkin', 'dailyReminders');
    const settled = await view(ADMIN, { unitId: mid, period: RANGE });
    expect(settled.total.checkins.total).toBe((await rollup(mid)).checkins.total);
    expect(settled.total.checkins.total).toBe(before.total.checkins.total - school.total.checkins.total);
  });
});
