// Branch organisers in an organisation-wide contest (issue 16, the usual case: the organisation
// publishes, each branch follows its own members), against the local cloud. 实验中学's organiser
// (李强) and 离退休干部党支部's (宋德明) each read the contest read-only — listed apart from the
// contests they manage — with the figures and flags of their own branch only, never the other's or
// the organisation's; nothing of it may they change; members are refused; a draft, or a contest of
// another branch, stays hidden. Reads of each call pinned.
import type { ContestFigures, ContestFlagRow, ManagedContest, ManagedContestPage, Page } from '../../core/contracts';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { beijing, playContest } from '../helpers/contest';

let t: TestCloud;
const T0 = beijing('2036-11-20', 9);
const DAY = 86_400_000;
const SCHOOL = 'demo-organiser'; // 李强, organiser of 实验中学党支部 (br-school)
const RETIRED = 'demo-m-22'; // 宋德明, organiser of 离退休干部党支部 (br-retired)
const ADMIN = 'demo-admin';

const quiz = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'quiz', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await quiz<T>(openid, action, payload));
const timer = () => t.cloud.invoke('quiz', { Type: 'Timer', TriggerName: 'preparePools' }, { openid: '' });
const cost = async (openid: string, action: string, payload: unknown = {}) => {
  const r = await t.invoke(openid, 'quiz', action, payload);
  expect(r.result).toMatchObject({ ok: true });
  return [r.stats.reads, r.stats.writes];
};

const contest = (over: Record<string, unknown> = {}) => ({
  title: '全市党史知识竞赛',
  description: '',
  opensAt: T0,
  closesAt: T0 + 7 * DAY,
  questionsPerRound: 5,
  secondsPerQuestion: null,
  countingRounds: 2,
  audienceUnitId: 'org-demo',
  tags: [],
  ...over,
});

let whole: string; // the organisation's, published by the org admin
let draft: string; // the organisation's, never published
let retiredOnly: string; // 离退休干部党支部's own

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0 - 60 * 60_000);
  dataOf(await t.call(ADMIN, 'exam', 'installSeedBank', {}));
  whole = (await ok<ManagedContest>(ADMIN, 'saveContest', { contest: contest() })).contestId;
  await ok(ADMIN, 'publishContest', { contestId: whole });
  draft = (await ok<ManagedContest>(ADMIN, 'saveContest', { contest: contest({ title: '还在起草的竞赛' }) })).contestId;
  retiredOnly = (await ok<ManagedContest>(ADMIN, 'saveContest', { contest: contest({ title: '离退休支部竞赛', audienceUnitId: 'br-retired' }) })).contestId;
  await ok(ADMIN, 'publishContest', { contestId: retiredOnly });

  t.cloud.clock.set(T0 + 10 * 60_000);
  // 实验中学: 马俊 5 right, 朱敏 3, and 胡雪 by script (too fast: scored 0, flagged).
  await playContest(t, 'demo-m-12', whole, { right: 5 });
  await playContest(t, 'demo-m-13', whole, { right: 3 });
  await playContest(t, 'demo-m-14', whole, { stepMs: 0 });
  // 离退休干部党支部: 郑桂兰 4 right, and 谢国华 by script.
  await playContest(t, 'demo-m-23', whole, { right: 4 });
  await playContest(t, 'demo-m-24', whole, { stepMs: 0 });
  // 机关第一党支部: 刘洋 5 right.
  await playContest(t, 'demo-m-02', whole, { right: 5 });
  t.cloud.clock.set(T0 + 30 * 60_000);
  await timer();
}, 120_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('a branch organiser in the organisation’s contest', () => {
  it('finds it listed read-only beside the contests they manage, and opens it read-only', async () => {
    const page = await ok<ManagedContestPage>(SCHOOL, 'listManagedContests', {});
    expect(page.items.map((c) => c.contestId)).not.toContain(whole);
    expect(page.wider.map((c) => c.contestId)).toEqual([whole]); // not the draft, not 离退休's
    expect(page.wider[0]).toMatchObject({ title: '全市党史知识竞赛', access: 'figures', audienceName: expect.any(String) });
    expect(await ok<ManagedContest>(SCHOOL, 'getManagedContest', { contestId: whole })).toMatchObject({ contestId: whole, access: 'figures' });
    expect((await ok<ManagedContestPage>(RETIRED, 'listManagedContests', {})).wider.map((c) => c.contestId)).toEqual([whole]);
    // The org admin manages it; nothing is "wider" for them.
    const admin = await ok<ManagedContestPage>(ADMIN, 'listManagedContests', {});
    expect(admin.items.find((c) => c.contestId === whole)).toMatchObject({ access: 'manage' });
    expect(admin.wider).toEqual([]);
  });

  it('reads the figures of their own branch only, day by day and over the contest', async () => {
    const school = await ok<ContestFigures>(SCHOOL, 'getContestFigures', { contestId: whole });
    expect(school).toMatchObject({ access: 'figures', day: null, days: ['2036-11-20'] });
    // 马俊 50, 朱敏 30, 胡雪 0: three took part of ten members, 80 / 3 rounds.
    expect(school.unit).toMatchObject({ unitId: 'br-school', members: 10, participants: 3, rate: 30, rounds: 3, average: 26.7 });
    expect(school.rows).toEqual([]);
    const today = await ok<ContestFigures>(SCHOOL, 'getContestFigures', { contestId: whole, day: '2036-11-20' });
    expect(today.unit).toMatchObject({ unitId: 'br-school', participants: 3, rounds: 3 });
    const retired = await ok<ContestFigures>(RETIRED, 'getContestFigures', { contestId: whole, day: '2036-11-20' });
    expect(retired.unit).toMatchObject({ unitId: 'br-retired', members: 10, participants: 2, rate: 20, rounds: 2, average: 20 });
    expect(JSON.stringify([school, today, retired])).not.toMatch(/br-office|org-demo/);
    // Not another branch's, nor the organisation's.
    for (const unitId of ['br-retired', 'org-demo', 'br-office']) {
      await expect(quiz(SCHOOL, 'getContestFigures', { contestId: whole, unitId })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    await expect(quiz(RETIRED, 'getContestFigures', { contestId: whole, unitId: 'br-school' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The org admin still reads the whole organisation.
    const all = await ok<ContestFigures>(ADMIN, 'getContestFigures', { contestId: whole });
    expect(all).toMatchObject({ access: 'manage', unit: { unitId: 'org-demo', participants: 6 } });
    expect(all.rows.map((r) => r.unitId).sort()).toEqual(['br-office', 'br-retired', 'br-school']);
  });

  it('sees the flags of their own members only', async () => {
    const school = await ok<Page<ContestFlagRow>>(SCHOOL, 'listContestFlags', { contestId: whole });
    expect(school.items.map((r) => r.memberId)).toEqual(['demo-member-14']);
    expect(school.items[0]).toMatchObject({ fast: 5, unitName: '实验中学党支部' });
    const retired = await ok<Page<ContestFlagRow>>(RETIRED, 'listContestFlags', { contestId: whole });
    expect(retired.items.map((r) => r.memberId)).toEqual(['demo-member-24']);
    const admin = await ok<Page<ContestFlagRow>>(ADMIN, 'listContestFlags', { contestId: whole });
    expect(admin.items.map((r) => r.memberId).sort()).toEqual(['demo-member-14', 'demo-member-24']);
  });

  it('changes nothing of it, and sees nothing of a draft or of another branch’s contest; members are refused', async () => {
    await expect(quiz(SCHOOL, 'cancelContest', { contestId: whole })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(quiz(SCHOOL, 'saveContest', { contestId: whole, contest: contest({ title: '改个名字' }) })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(quiz(SCHOOL, 'draftContestReport', { contestId: whole })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    for (const contestId of [draft, retiredOnly]) {
      for (const action of ['getManagedContest', 'getContestFigures', 'listContestFlags']) {
        await expect(quiz(SCHOOL, action, { contestId })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
      }
    }
    // 宋德明 manages 离退休's own contest.
    expect(await ok<ManagedContest>(RETIRED, 'getManagedContest', { contestId: retiredOnly })).toMatchObject({ access: 'manage' });
    for (const action of ['getManagedContest', 'getContestFigures', 'listContestFlags']) {
      await expect(quiz('demo-m-12', action, { contestId: whole })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    await expect(quiz('demo-m-12', 'listManagedContests', {})).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('costs a fixed number of reads: no more than the organisers who manage it', async () => {
    expect(await cost(SCHOOL, 'getContestFigures', { contestId: whole })).toEqual([4, 0]); // identity, contest, subtree's units, roll-ups
    expect(await cost(SCHOOL, 'listContestFlags', { contestId: whole, limit: 20 })).toEqual([4, 0]); // identity, contest, page, units' names
    expect(await cost(SCHOOL, 'getManagedContest', { contestId: whole })).toEqual([2, 0]); // identity, contest
    expect(await cost(SCHOOL, 'listManagedContests', { limit: 20 })).toEqual([3, 0]); // identity, page, the wider contests
    expect(await cost(ADMIN, 'listManagedContests', { limit: 20 })).toEqual([2, 0]); // identity, page
  });
});
