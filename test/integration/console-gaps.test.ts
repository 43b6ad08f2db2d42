// Each member's gaps (issue 17) against the local cloud, over a 3-level subtree: 教育和老干部工委
// above 实验中学党支部 and 离退休干部党支部, members of both branches taking part partly. An open
// exam is 未参加 and the same exam after its close 缺考; unbound entries are 未绑定 and never
// counted as remindable; the nudge's counts are honest; a page costs the same reads whatever its
// size; the export opens and has a row per member; access is the subtree's organisers only.
import ExcelJS from 'exceljs';
import type { GapList, GapResponses, GapRow, MemberPicture } from '../../core/contracts/consoleGaps';
import type { Envelope } from '../../core/envelope';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const HOUR = 60 * MIN;
const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);
const T0 = beijing('2036-11-26', 10); // a Wednesday
const CLOSE = beijing('2036-11-28', 18);

const ADMIN = 'demo-admin';
const MID_ORGANISER = 'demo-m-03'; // 陈静, moved into the middle unit and appointed its organiser
const week = { kind: 'week' };
type Fn = 'org' | 'exam' | 'checkin' | 'event' | 'console';
const ok = async <T>(openid: string, fn: Fn, action: string, payload: unknown = {}) => dataOf(await t.call<T>(openid, fn, action, payload));
const gaps = (payload: object, openid = MID_ORGANISER) => ok<GapList>(openid, 'console', 'listGaps', { unitId: mid, period: week, limit: 50, ...payload });
const rowsOf = (l: GapList) => [...l.leaders, ...l.members];
const row = (l: GapList, name: string) => rowsOf(l).find((r) => r.name === name) as GapRow;

let mid: string;
let examId: string;
let eventId: string;

beforeAll(async () => {
  t = await startTestCloud();
  // On Monday, a branch meeting of 实验中学 for Tuesday: 胡雪 and 郭峰 sign up, only 郭峰 comes.
  t.cloud.clock.set(beijing('2036-11-24', 9));
  const event = {
    kind: 'party_day',
    title: '支部主题党日',
    description: '',
    place: '党员活动室',
    signupOpensAt: beijing('2036-11-24', 8),
    signupClosesAt: beijing('2036-11-25', 12),
    startsAt: beijing('2036-11-25', 14),
    endsAt: beijing('2036-11-25', 16),
    capacity: 0,
    waitlist: false,
    approval: false,
    unitIds: ['br-school'],
    cancelHours: 2,
  };
  eventId = (await ok<{ id: string }>('demo-organiser', 'event', 'saveEvent', { event })).id;
  await ok('demo-organiser', 'event', 'publishEvent', { eventId });
  await ok('demo-m-14', 'event', 'signUp', { eventId });
  await ok('demo-m-15', 'event', 'signUp', { eventId });
  t.cloud.clock.set(beijing('2036-11-25', 14, 30));
  await ok('demo-organiser', 'event', 'markAttendance', { eventId, memberId: 'demo-member-15', attended: true, reason: '现场签到' });
  t.cloud.clock.set(T0);
  await ok(ADMIN, 'exam', 'installSeedBank');
  mid = (await ok<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: '教育和老干部工委', kind: 'committee' })).unit.id;
  await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: mid });
  await ok(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: mid });
  await ok(ADMIN, 'org', 'moveMember', { memberId: 'demo-member-03', unitId: mid });
  await ok(ADMIN, 'org', 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [mid] });
  const exam = { title: '「四史」学习测试', unitIds: [mid], opensAt: T0 - HOUR, closesAt: CLOSE, durationMinutes: 20, paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] }, passScore: 1 };
  examId = (await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam })).id;
  await ok(ADMIN, 'exam', 'publishExam', { examId });
  // 马俊 (实验中学) and 王秀英 (离退休) hand in; 朱敏 has started; the others have not.
  for (const who of ['demo-m-12', 'demo-member']) {
    const a = await ok<{ attemptId: string }>(who, 'exam', 'startExam', { examId });
    await ok(who, 'exam', 'submitAttempt', { attemptId: a.attemptId, answers: [] });
  }
  await ok('demo-m-13', 'exam', 'startExam', { examId });
  await ok('demo-m-14', 'checkin', 'checkIn', { title: '学习党章', minutes: 20 });
  await ok('demo-m-15', 'org', 'grantReminders', { topics: ['exam', 'checkin'] });
}, 90_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('console.listGaps', () => {
  it('refuses members, an organiser outside the subtree and a bad period, writing nothing', async () => {
    const asMember = await t.invoke('demo-m-14', 'console', 'listGaps', { unitId: 'br-school', period: week });
    expect(asMember.result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // 李强 organises 实验中学党支部, below the middle unit: not the middle unit itself.
    await expect(t.call('demo-organiser', 'console', 'listGaps', { unitId: mid, period: week })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(t.call(MID_ORGANISER, 'console', 'listGaps', { unitId: 'br-office', period: week })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const bad = await t.invoke(MID_ORGANISER, 'console', 'listGaps', { unitId: mid, period: { kind: 'range', fromDay: '2036-11-20', toDay: '2036-11-01' } });
    expect(bad.result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect([asMember.stats.writes, bad.stats.writes]).toEqual([0, 0]);
    await expect(t.call(MID_ORGANISER, 'console', 'memberPicture', { memberId: 'demo-member-02', period: week })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lists both branches and the middle unit, leaders apart, each state in words: 已交卷, 考试中, 未参加, 未绑定', async () => {
    const l = await gaps({});
    expect(rowsOf(l)).toHaveLength(21);
    expect(l.exams.map((e) => e.title)).toEqual(['「四史」学习测试']);
    expect(l.leaders.every((r) => r.leader)).toBe(true);
    expect(l.leaders.map((r) => r.name).sort()).toEqual(['宋德明', '李强', '王秀英', '马俊'].sort());
    expect(l.members.some((r) => r.leader)).toBe(false);
    expect(row(l, '马俊').exams[0].words).toBe('已交卷（未合格）');
    expect(row(l, '王秀英').exams[0].words).toBe('已交卷（未合格）');
    expect(row(l, '朱敏').exams[0].words).toBe('考试中');
    expect(row(l, '胡雪')).toMatchObject({ bound: true, unitName: '实验中学党支部', exams: [{ state: 'not_taken', words: '未参加' }] });
    expect(row(l, '高远')).toMatchObject({ bound: false, exams: [{ words: '未绑定' }], checkin: { words: '未绑定' }, quiz: { words: '未绑定' } });
    expect(row(l, '胡雪').checkin).toMatchObject({ state: 'ok', days: 1, thisWeek: 1 });
    expect(row(l, '郭峰').checkin.words).toBe('本周未打卡');
    expect(row(l, '郭峰').quiz.words).toBe('从未参加每日答题');
    // The meeting that ended on Tuesday: 胡雪 signed up and did not come (未到场); 郭峰 came.
    expect(l.events.map((e) => e.title)).toEqual(['支部主题党日']);
    expect(row(l, '胡雪').missedEvents.map((e) => e.title)).toEqual(['支部主题党日']);
    expect(row(l, '胡雪').gaps).toEqual(['exam', 'event', 'quiz']);
    expect(row(l, '郭峰').missedEvents).toEqual([]);
    expect(l.summary.find((s) => s.activity === 'event')).toEqual({ activity: 'event', gaps: 1, bound: 1, unbound: 0, withCredit: null });
    // 8 unbound entries (4 per branch); the exam gap counts them apart; one bound member holds a credit.
    const examSummary = l.summary.find((s) => s.activity === 'exam');
    expect(examSummary).toMatchObject({ unbound: 8, withCredit: 1 });
    expect(examSummary?.gaps).toBe((examSummary?.bound ?? 0) + 8);
  });

  it('costs the same reads for a page of 5 and of 50, for the middle unit and the whole organisation, and writes nothing', async () => {
    const cost = async (unitId: string, limit: number) => {
      const { result, stats } = await t.invoke(ADMIN, 'console', 'listGaps', { unitId, period: week, limit });
      expect(result).toMatchObject({ ok: true });
      return [stats.reads, stats.writes];
    };
    // identity, unit, subtree, members, exams, events that ended, then keyed by the page's ids:
    // takers, check-in months, event places, quiz, two credit reads.
    const pinned = [12, 0];
    await expect(cost(mid, 5)).resolves.toEqual(pinned);
    await expect(cost(mid, 50)).resolves.toEqual(pinned);
    await expect(cost('org-demo', 50)).resolves.toEqual(pinned);
  });

  it('shows the leaders apart for 工作台: the same rows as the list, in the same reads, and refuses whom the list refuses', async () => {
    const l = await gaps({});
    const { result, stats } = await t.invoke(MID_ORGANISER, 'console', 'leaderGaps', { unitId: mid, period: week });
    const leaders = dataOf(result as Envelope<GapResponses['leaderGaps']>);
    expect(leaders.leaders.map((r) => r.name)).toEqual(l.leaders.map((r) => r.name));
    expect(leaders.leaders).toEqual(l.leaders);
    expect(leaders.more).toBe(false);
    expect(leaders.summary.find((x) => x.activity === 'exam')).toMatchObject({ gaps: l.leaders.filter((r) => r.gaps.includes('exam')).length });
    expect([stats.reads, stats.writes]).toEqual([12, 0]);
    await expect(t.call('demo-m-14', 'console', 'leaderGaps', { unitId: 'br-school', period: week })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(t.call(MID_ORGANISER, 'console', 'leaderGaps', { unitId: 'br-office', period: week })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('pages in roster order without repeats', async () => {
    const first = await gaps({ limit: 8 });
    expect(first.nextCursor).not.toBeNull();
    const names = rowsOf(first).map((r) => r.memberId);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await gaps({ limit: 8, cursor });
      names.push(...rowsOf(next).map((r) => r.memberId));
      cursor = next.nextCursor;
    }
    expect(names).toHaveLength(21);
    expect(new Set(names).size).toBe(21);
  });

  it('the nudge: the copy text names the exam once and its deadline; counts remindable, not remindable and unbound honestly', async () => {
    const n = await ok<GapResponses['gapsNudge']>(MID_ORGANISER, 'console', 'gapsNudge', { unitId: mid, period: week, activity: 'exam', refId: examId });
    expect(n.text).toContain('「『四史』学习测试」');
    expect(n.text).not.toContain('「「');
    expect(n.text).toContain('11月28日（周五）18:00前');
    expect(n.text).toContain('胡雪');
    expect(n.text).not.toContain('高远'); // unbound: an invitation, not a name in the chat
    expect(n).toMatchObject({ remindable: 1, unbound: 8, remindUnits: [{ unitId: 'br-school' }] });
    // Bound, with the gap: 21 − 8 unbound − 马俊, 王秀英 (handed in), 朱敏 (started) = 10; one holds a credit.
    expect(n.notRemindable).toBe(9);
    expect(n.inviteUnits.map((u) => [u.unitId, u.count]).sort()).toEqual([['br-retired', 4], ['br-school', 4]]);
  });

  it('the check-in and daily-quiz nudges: today as the deadline, a reminder only where one exists; an ended event or an exam not named are refused', async () => {
    const nudge = (activity: string, refId?: string) => t.call<GapResponses['gapsNudge']>(MID_ORGANISER, 'console', 'gapsNudge', { unitId: mid, period: week, activity, refId });
    const checkin = dataOf(await nudge('checkin'));
    expect(checkin.text).toContain('11月26日（周三）24:00前');
    // Bound: 21 − 8 = 13, less 胡雪 who checked in this week; 郭峰 holds a check-in credit.
    expect(checkin).toMatchObject({ remindable: 1, notRemindable: 11, unbound: 8, remindUnits: [{ unitId: 'br-school' }] });
    const quiz = dataOf(await nudge('quiz'));
    // No subscribe message exists for the daily quiz: everyone bound is reached through the group chat.
    expect(quiz).toMatchObject({ remindable: 0, notRemindable: 13, unbound: 8, remindUnits: [] });
    await expect(nudge('event')).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    await expect(nudge('exam')).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await expect(nudge('exam', 'no-such-exam')).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('after the close the same exam is 缺考, and nobody is remindable any more', async () => {
    t.cloud.clock.set(CLOSE + MIN);
    try {
      const l = await gaps({});
      expect(row(l, '胡雪').exams[0]).toMatchObject({ state: 'missed', words: '缺考' });
      expect(row(l, '高远').exams[0].words).toBe('未绑定');
      const n = await ok<GapResponses['gapsNudge']>(MID_ORGANISER, 'console', 'gapsNudge', { unitId: mid, period: week, activity: 'exam', refId: examId });
      expect(n).toMatchObject({ remindable: 0, deadline: null, remindUnits: [] });
    } finally {
      t.cloud.clock.set(T0);
    }
  });

  it('one member’s picture: the exam with its score, the day checked in, in a fixed number of reads', async () => {
    const p = await ok<MemberPicture>(MID_ORGANISER, 'console', 'memberPicture', { memberId: 'demo-member-14', period: week });
    expect(p.member).toMatchObject({ name: '胡雪', unitName: '实验中学党支部', bound: true });
    expect(p.checkin.days).toEqual(['2036-11-26']);
    expect(p.exams).toMatchObject([{ title: '「四史」学习测试', words: '未参加' }]);
    expect(p.events).toMatchObject([{ title: '支部主题党日', state: 'absent', words: '未到场' }]);
    const other = await ok<MemberPicture>(MID_ORGANISER, 'console', 'memberPicture', { memberId: 'demo-member-12', period: { kind: 'month' } });
    expect(other.exams[0]).toMatchObject({ words: '已交卷（未合格）', score: 0 });
    const { stats } = await t.invoke(MID_ORGANISER, 'console', 'memberPicture', { memberId: 'demo-member-12', period: { kind: 'month' } });
    // identity, member, unit, exams, events, months, quiz member and rounds, contests, points total
    // and days, takers, places: 13 (14 with a contest of the period: its scores).
    expect([stats.reads, stats.writes]).toEqual([13, 0]);
  });

  it('exports one row per member with the same words; a unit without members gives the header only', async () => {
    const file = await ok<GapResponses['exportGaps']>(MID_ORGANISER, 'console', 'exportGaps', { unitId: mid, period: week });
    expect(file.rows).toBe(21);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as unknown as ArrayBuffer);
    const sheet = (wb.getWorksheet('未参加名单') as ExcelJS.Worksheet).getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(sheet[0]).toEqual(['支部', '姓名', '领导班子', '绑定', '考试：「四史」学习测试', '学习打卡', '活动未到场', '每日答题']);
    expect(sheet).toHaveLength(22);
    expect(sheet.find((r) => r[1] === '胡雪')?.slice(0, 6)).toEqual(['实验中学党支部', '胡雪', undefined, '已绑定', '未参加', '打卡 1/3 天']);
    expect(sheet.find((r) => r[1] === '高远')?.[3]).toBe('未绑定');

    const empty = (await ok<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: mid, name: '新建党小组', kind: 'branch' })).unit.id;
    const none = await ok<GapList>(ADMIN, 'console', 'listGaps', { unitId: empty, period: week });
    expect([none.leaders, none.members, none.nextCursor]).toEqual([[], [], null]);
    const blank = await ok<GapResponses['exportGaps']>(ADMIN, 'console', 'exportGaps', { unitId: empty, period: week });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await t.sdk.downloadFile({ fileID: blank.fileID })).fileContent as unknown as ArrayBuffer);
    expect((wb2.getWorksheet('未参加名单') as ExcelJS.Worksheet).rowCount).toBe(1);
  });
});
