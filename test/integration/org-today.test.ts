// 今日任务 (issue 16) against the local cloud: getToday lists an open exam of the member's branch
// until they hand in (not another branch's, not one not yet open), the check-in until they check
// in, the daily quiz until they finish its scored round, an event they signed up for today or
// tomorrow until their attendance is recorded, an open contest of their audience until the day's
// counting rounds are played; an
// unbound caller is told to bind; its DB operations are fixed whatever the number of exams and
// events; and the Beijing day turns at 00:00:00. The days are in 2036: after the demo members
// were bound, whenever the suite runs.
import type { AttemptView, ExamDraftInput } from '../../core/contracts/exam';
import type { EventAdminView, EventDraft } from '../../core/contracts/event';
import type { TodayView } from '../../core/domain/today';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { playContest } from '../helpers/contest';
import { playRound } from '../helpers/quiz';

let t: TestCloud;
const MIN = 60_000;
const HOUR = 60 * MIN;
/** The UTC instant of a Beijing wall-clock time. */
const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);
const D = '2036-11-24';
const T0 = beijing(D, 10);

const ADMIN = 'demo-admin';
const ORGANISER = 'demo-organiser'; // 李强, br-school
const entry = { title: '学习《中国共产党章程》', minutes: 30 };

const ok = async <T>(openid: string, fn: 'org' | 'exam' | 'event' | 'checkin' | 'quiz', action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, fn, action, payload));
const today = (openid: string) => ok<TodayView>(openid, 'org', 'getToday');
/** Typed wide on purpose: a contest is a task kind of its own. */
const isContest = (x: { kind: string }) => x.kind === 'contest';
const summary = (v: TodayView) => v.tasks.map((x) => `${x.kind}:${x.title}:${x.line}`);

async function publishExam(title: string, unitIds: string[], over: Partial<ExamDraftInput> = {}): Promise<string> {
  const exam: ExamDraftInput = {
    title,
    unitIds,
    opensAt: T0 - MIN,
    closesAt: beijing('2036-11-26', 18),
    durationMinutes: 20,
    paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] },
    passScore: 1,
    ...over,
  };
  const saved = await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam });
  await ok(ADMIN, 'exam', 'publishExam', { examId: saved.id });
  return saved.id;
}

async function publishEvent(title: string, startsAt: number): Promise<string> {
  const event: EventDraft = {
    kind: 'party_day',
    title,
    description: '',
    place: '党员活动室',
    signupOpensAt: T0 - HOUR,
    signupClosesAt: startsAt - HOUR,
    startsAt,
    endsAt: startsAt + 2 * HOUR,
    capacity: 0,
    waitlist: false,
    approval: false,
    unitIds: ['br-school'],
    cancelHours: 2,
  };
  const saved = await ok<EventAdminView>(ORGANISER, 'event', 'saveEvent', { event });
  await ok(ORGANISER, 'event', 'publishEvent', { eventId: saved.id });
  return saved.id;
}

const cost = async (openid: string) => {
  const { result, stats } = await t.invoke(openid, 'org', 'getToday', {});
  expect(result).toMatchObject({ ok: true });
  return { reads: stats.reads, writes: stats.writes };
};

let eventToday: string;
let eventTomorrow: string;
let eventLater: string;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'exam', 'installSeedBank');
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('getToday', () => {
  it('refuses an unbound caller plainly and a payload with fields, reading nothing for the latter', async () => {
    await expect(t.call('o-today-stranger', 'org', 'getToday')).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先绑定所在党支部' });
    const { result, stats } = await t.invoke('demo-m-12', 'org', 'getToday', { memberId: 'demo-member-13' });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect([stats.reads, stats.writes]).toEqual([0, 0]);
  });

  it('with nothing open: the check-in and the daily quiz, in 7 reads (identity, exams, check-in, events, quiz member and pool, contests) and no write', async () => {
    expect(await today('demo-m-05')).toEqual({
      day: D,
      tasks: [
        { kind: 'checkin', id: '', title: '学习打卡', line: '今天还没有打卡' },
        { kind: 'quiz', id: '', title: '每日答题', line: '今天还没有答题' },
      ],
      done: [],
    });
    // 7: the open contests of the member's audience are one query (their rounds are read only when one is open).
    await expect(cost('demo-m-05')).resolves.toEqual({ reads: 7, writes: 0 });
  });

  it('lists an open exam of the member’s branch until they hand it in; not another branch’s, not one not yet open', async () => {
    const school = await publishExam('支部党章测试', ['br-school']);
    await publishExam('离退休支部测试', ['br-retired']);
    await publishExam('下周的测试', ['br-school'], { opensAt: beijing('2036-11-25', 9), closesAt: beijing('2036-11-27', 18) });

    const rest = ['checkin:学习打卡:今天还没有打卡', 'quiz:每日答题:今天还没有答题'];
    expect(summary(await today('demo-m-12'))).toEqual(['exam:支部党章测试:还剩 2 天截止', ...rest]);
    expect(summary(await today('demo-member'))).toEqual(['exam:离退休支部测试:还剩 2 天截止', ...rest]);
    expect((await today('demo-m-12')).tasks[0]).toMatchObject({ kind: 'exam', id: school });

    const attempt = await ok<AttemptView>('demo-m-12', 'exam', 'startExam', { examId: school });
    expect(summary(await today('demo-m-12'))[0]).toBe('exam:支部党章测试:正在作答 · 还剩 2 天截止');
    await ok('demo-m-12', 'exam', 'submitAttempt', { attemptId: attempt.attemptId, answers: [] });

    const after = await today('demo-m-12');
    expect(after.tasks.map((x) => x.kind)).toEqual(['checkin', 'quiz']);
    expect(after.done).toEqual(['今天已交卷：支部党章测试']);
    // Another member of the branch still has it to do.
    expect(summary(await today('demo-m-13'))[0]).toBe('exam:支部党章测试:还剩 2 天截止');
  });

  it('lists the check-in until the member checks in, and the daily quiz until its scored round is finished', async () => {
    await ok('demo-m-12', 'checkin', 'checkIn', entry);
    expect((await today('demo-m-12')).tasks.map((x) => x.kind)).toEqual(['quiz']);
    await playRound(t, 'demo-m-12');
    const after = await today('demo-m-12');
    expect(after.tasks).toEqual([]);
    expect(after.done).toEqual(['今天的学习打卡已完成', '今天的每日答题已完成', '今天已交卷：支部党章测试']);
  });

  it('lists the events the member signed up for today and tomorrow, until their attendance is recorded', async () => {
    eventToday = await publishEvent('今天的主题党日', beijing(D, 14, 30));
    eventTomorrow = await publishEvent('明天的党课', beijing('2036-11-25', 9));
    eventLater = await publishEvent('后天的志愿服务', beijing('2036-11-26', 9));
    for (const eventId of [eventToday, eventTomorrow, eventLater]) await ok('demo-m-13', 'event', 'signUp', { eventId });

    expect(summary(await today('demo-m-13'))).toEqual([
      'exam:支部党章测试:还剩 2 天截止',
      'event:今天的主题党日:今天 14:30 开始 · 党员活动室',
      'checkin:学习打卡:今天还没有打卡',
      'quiz:每日答题:今天还没有答题',
      'event:明天的党课:明天 09:00 开始 · 党员活动室',
    ]);
    // Signed up for nothing: no event, though the branch has three.
    expect((await today('demo-m-15')).tasks.map((x) => x.kind)).toEqual(['exam', 'checkin', 'quiz']);

    t.cloud.clock.set(beijing(D, 14));
    await ok(ORGANISER, 'event', 'markAttendance', { eventId: eventToday, memberId: 'demo-member-13', attended: true, reason: '现场签到' });
    const after = await today('demo-m-13');
    expect(after.tasks.map((x) => x.title)).toEqual(['支部党章测试', '学习打卡', '每日答题', '明天的党课']);
    expect(after.done).toEqual(['已签到：今天的主题党日']);
  });

  it('costs the same with several exams and events as with one: 9 reads (the takers and registrations joined, the contests), no write', async () => {
    for (let i = 1; i <= 4; i++) await publishExam(`支部测试 ${i}`, ['br-school']);
    const several = await cost('demo-m-13');
    expect(several).toEqual({ reads: 9, writes: 0 });
    expect((await today('demo-m-13')).tasks.filter((x) => x.kind === 'exam')).toHaveLength(5);
    // A member signed up for none of the events reads their registrations all the same.
    await expect(cost('demo-m-15')).resolves.toEqual({ reads: 9, writes: 0 });
  });

  it('turns the Beijing day at 00:00:00: the check-in and the quiz are back and tomorrow’s event is today’s', async () => {
    for (const eventId of [eventTomorrow, eventLater]) await ok('demo-m-14', 'event', 'signUp', { eventId });
    t.cloud.clock.set(beijing(D, 23, 55));
    await playRound(t, 'demo-m-14'); // 20 s an answer: done before midnight
    t.cloud.clock.set(beijing(D, 23, 59, 59));
    await ok('demo-m-14', 'checkin', 'checkIn', entry);
    const late = await today('demo-m-14');
    expect(late.day).toBe(D);
    expect(late.tasks.filter((x) => x.kind !== 'exam').map((x) => `${x.kind}:${x.line}`)).toEqual(['event:明天 09:00 开始 · 党员活动室']);
    expect(late.done).toEqual(['今天的学习打卡已完成', '今天的每日答题已完成']);

    t.cloud.clock.set(beijing('2036-11-25', 0, 0, 0));
    const early = await today('demo-m-14');
    expect(early.day).toBe('2036-11-25');
    expect(early.tasks.filter((x) => x.kind !== 'exam').map((x) => `${x.kind}:${x.title}:${x.line}`)).toEqual([
      'event:明天的党课:今天 09:00 开始 · 党员活动室',
      'checkin:学习打卡:今天还没有打卡',
      'quiz:每日答题:今天还没有答题',
      'event:后天的志愿服务:明天 09:00 开始 · 党员活动室',
    ]);
    expect(early.done).toEqual([]);
  });

  it('lists an open contest of the member’s audience while today’s counting rounds are left, gone once they are played, in 10 reads at most', async () => {
    t.cloud.clock.set(beijing('2036-11-25', 8));
    const contest = async (title: string, audienceUnitId: string, opensAt: number) => {
      const body = { title, description: '', opensAt, closesAt: beijing('2036-12-01', 18), questionsPerRound: 5, secondsPerQuestion: null, countingRounds: 2, audienceUnitId, tags: [] };
      const saved = await ok<{ contestId: string }>(ADMIN, 'quiz', 'saveContest', { contest: body });
      await ok(ADMIN, 'quiz', 'publishContest', { contestId: saved.contestId });
      return saved.contestId;
    };
    const mine = await contest('党史知识竞赛', 'org-demo', beijing('2036-11-25', 8));
    await contest('离退休支部竞赛', 'br-retired', beijing('2036-11-25', 8));
    await contest('下周的竞赛', 'org-demo', beijing('2036-11-27', 8));
    t.cloud.clock.set(beijing('2036-11-25', 9));

    const contests = async () => (await today('demo-m-15')).tasks.filter(isContest);
    expect(await contests()).toEqual([{ kind: 'contest', id: mine, title: '党史知识竞赛', line: '知识竞赛：还可计分 2 局，12月1日截止' }]);
    // The most getToday reads: the 8 of exams and events above, the contests' query and today's rounds of the open ones, whatever their number.
    await expect(cost('demo-m-15')).resolves.toEqual({ reads: 10, writes: 0 });

    await playContest(t, 'demo-m-15', mine);
    expect((await contests()).map((x) => x.line)).toEqual(['知识竞赛：还可计分 1 局，12月1日截止']);
    // A counting round begun and not finished is still today's to play.
    const started = await ok<{ roundId: string }>('demo-m-15', 'quiz', 'startContestRound', { contestId: mine });
    expect((await contests()).map((x) => x.line)).toEqual(['知识竞赛：还可计分 1 局，12月1日截止']);
    await playContest(t, 'demo-m-15', mine);
    expect(started.roundId).toMatch(/_2$/);
    const after = await today('demo-m-15');
    expect(after.tasks.filter(isContest)).toEqual([]);
    expect(after.done).toContain('今天的知识竞赛计分局已答完：党史知识竞赛');
    // Another member of the audience still has it; one outside the audience never did.
    const titles = async (openid: string) => (await today(openid)).tasks.filter(isContest).map((x) => x.title).sort();
    await expect(titles('demo-m-12')).resolves.toEqual(['党史知识竞赛']);
    await expect(titles('demo-member')).resolves.toEqual(['党史知识竞赛', '离退休支部竞赛']);
  });
});
