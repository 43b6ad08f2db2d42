// Writes a member can repeat are limited per member (issue 14, item 9): a flood of comments does not
// reach the content-check service, reports, likes, submissions and sign-ups have a ceiling no real
// member meets, and every refusal says how long to wait. Post images come from cloud storage only.
import type { AdminPost, FeedResponses } from '../../core/contracts/feed';
import type { EventAdminView, EventDraft } from '../../core/contracts/event';
import type { Envelope } from '../../core/envelope';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ADMIN = 'demo-admin';
const ORGANISER = 'demo-organiser'; // br-school
const SCHOOL = ['demo-m-12', 'demo-m-13', 'demo-m-14', 'demo-m-15', 'demo-m-16'];
let t: TestCloud;
/** 08:00 Beijing time of a day well ahead: every minute below is a window start. */
let T0 = 0;

const feed = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'feed', action, payload);
const contentChecks = () => t.cloud.openapiCalls().filter((c) => c.api === 'security.msgSecCheck').length;
const refusals = (answers: Array<Envelope<unknown>>) => answers.filter((a) => !a.ok);
const post = (over: Record<string, unknown> = {}) => ({ kind: 'report', title: '支部开展主题党日活动', body: '<p>全体党员参加了活动。</p>', tags: ['主题党日'], ...over });
let postId = '';

beforeAll(async () => {
  t = await startTestCloud();
  const day = Math.ceil((Date.now() + 2 * DAY) / DAY) * DAY; // 00:00 UTC = 08:00 Beijing
  T0 = day;
  t.cloud.clock.set(T0);
  const saved = dataOf(await feed<AdminPost>(ADMIN, 'savePost', { post: post({ unitId: null }) }));
  postId = dataOf(await feed<AdminPost>(ADMIN, 'publishPost', { postId: saved.id })).id;
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('comments', () => {
  it('GIVEN 5 comments in a minute THEN the 6th is refused with the wait in words before the content check; the next minute takes comments again', async () => {
    t.cloud.clock.set(T0 + 10 * MIN + 1_000);
    for (let i = 0; i < 5; i++) dataOf(await feed(SCHOOL[0], 'addComment', { postId, text: `第${i + 1}条评论` }));
    const checks = contentChecks();
    expect(await feed(SCHOOL[0], 'addComment', { postId, text: '第六条' })).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '操作太频繁，请 1 分钟后再试' });
    expect(contentChecks()).toBe(checks);
    expect(t.cloud.db.count('postComments', { memberId: 'demo-member-12' })).toBe(5);
    // Another member is not held up.
    dataOf(await feed(SCHOOL[1], 'addComment', { postId, text: '我也说一句' }));
    t.cloud.clock.set(T0 + 11 * MIN + 1_000);
    dataOf(await feed(SCHOOL[0], 'addComment', { postId, text: '下一分钟' }));
  });

  it('GIVEN 20 comments sent at once by one member THEN exactly 5 are stored and checked', async () => {
    t.cloud.clock.set(T0 + 20 * MIN + 1_000);
    const checks = contentChecks();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => feed(SCHOOL[2], 'addComment', { postId, text: `连发${i}` })));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect(refusals(answers).every((a) => !a.ok && a.code === 'RESOURCE_EXHAUSTED')).toBe(true);
    expect(contentChecks() - checks).toBe(5);
    expect(t.cloud.db.count('postComments', { memberId: 'demo-member-14' })).toBe(5);
  });

  it('GIVEN 100 comments in a day THEN the 101st waits for tomorrow, and tomorrow takes comments again', async () => {
    for (let m = 0; m < 20; m++) {
      t.cloud.clock.set(T0 + 2 * HOUR + m * MIN + 1_000);
      for (let i = 0; i < 5; i++) dataOf(await feed(SCHOOL[3], 'addComment', { postId, text: `每日${m}-${i}` }));
    }
    t.cloud.clock.set(T0 + 3 * HOUR);
    expect(await feed(SCHOOL[3], 'addComment', { postId, text: '第101条' })).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '今天的操作次数太多，请明天再试' });
    // Beijing midnight (16:00 UTC) starts a new day.
    t.cloud.clock.set(T0 + 16 * HOUR + 1_000);
    dataOf(await feed(SCHOOL[3], 'addComment', { postId, text: '新的一天' }));
  }, 60_000);
});

describe('reports, likes and submissions', () => {
  it('GIVEN a member reporting comments in a hurry THEN the 6th report in a minute is refused', async () => {
    t.cloud.clock.set(T0 + 4 * HOUR + 1_000);
    const targets = t.cloud.db.find('postComments', { memberId: 'demo-member-15' }).slice(0, 6);
    expect(targets).toHaveLength(6);
    for (const c of targets.slice(0, 5)) dataOf(await feed(SCHOOL[4], 'reportComment', { commentId: c._id }));
    expect(await feed(SCHOOL[4], 'reportComment', { commentId: targets[5]._id })).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '操作太频繁，请 1 分钟后再试' });
    expect(t.cloud.db.find('postComments', { _id: targets[5]._id })[0]).toMatchObject({ reports: 0 });
  });

  it('GIVEN likes toggled 40 times at once THEN at most 20 are taken in the minute', async () => {
    t.cloud.clock.set(T0 + 5 * HOUR + 1_000);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => feed(SCHOOL[0], 'likePost', { postId, like: i % 2 === 0 })));
    expect(answers.filter((a) => a.ok)).toHaveLength(20);
    expect(refusals(answers).every((a) => !a.ok && a.code === 'RESOURCE_EXHAUSTED')).toBe(true);
  });

  it('GIVEN 10 submissions in a day THEN the 11th waits for tomorrow', async () => {
    for (let i = 0; i < 10; i++) {
      t.cloud.clock.set(T0 + 6 * HOUR + i * MIN + 1_000);
      dataOf(await feed(SCHOOL[1], 'submitPost', post({ title: `投稿${i}` })));
    }
    t.cloud.clock.set(T0 + 7 * HOUR);
    expect(await feed(SCHOOL[1], 'submitPost', post({ title: '第十一篇' }))).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '今天的操作次数太多，请明天再试' });
  });
});

describe('event sign-ups', () => {
  it('GIVEN sign-ups and cancellations in a loop THEN the 21st in a minute is refused; the next minute passes', async () => {
    t.cloud.clock.set(T0 + 8 * HOUR + 1_000);
    const draft: EventDraft = {
      kind: 'party_lecture',
      title: '专题党课',
      description: '欢迎大家参加。',
      place: '学校报告厅',
      signupOpensAt: T0,
      signupClosesAt: T0 + 20 * HOUR,
      startsAt: T0 + 24 * HOUR,
      endsAt: T0 + 26 * HOUR,
      capacity: 30,
      waitlist: true,
      approval: false,
      unitIds: ['br-school'],
      cancelHours: 2,
    };
    const saved = dataOf(await t.call<EventAdminView>(ORGANISER, 'event', 'saveEvent', { event: draft }));
    dataOf(await t.call(ORGANISER, 'event', 'publishEvent', { eventId: saved.id }));
    const ev = (action: string) => t.call(SCHOOL[2], 'event', action, { eventId: saved.id });
    for (let i = 0; i < 20; i++) expect(await ev(i === 1 || i === 8 ? 'cancelSignUp' : 'signUp')).toMatchObject({ ok: true });
    expect(await ev('signUp')).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '操作太频繁，请 1 分钟后再试' });
    t.cloud.clock.set(T0 + 8 * HOUR + MIN + 1_000);
    expect(await ev('signUp')).toMatchObject({ ok: true });
  });
});

describe('check-ins', () => {
  it('GIVEN 30 check-in calls of one member in a day (taps, retries, make-ups) THEN the 31st waits for tomorrow; tomorrow checks in', async () => {
    t.cloud.clock.set(T0 + 10 * HOUR);
    const entry = { title: '学习党章', minutes: 30, note: '' };
    const first = await Promise.all(Array.from({ length: 20 }, () => t.call(SCHOOL[0], 'checkin', 'checkIn', entry)));
    expect(refusals(first)).toEqual([]);
    for (let i = 0; i < 10; i++) expect(await t.call(SCHOOL[0], 'checkin', 'checkIn', entry)).toMatchObject({ ok: true });
    expect(await t.call(SCHOOL[0], 'checkin', 'checkIn', entry)).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '今天的操作次数太多，请明天再试' });
    expect(await t.call(SCHOOL[0], 'checkin', 'makeUp', { ...entry, day: '2000-01-01' })).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    t.cloud.clock.set(T0 + 16 * HOUR + 1_000);
    expect(await t.call(SCHOOL[0], 'checkin', 'checkIn', entry)).toMatchObject({ ok: true, data: { created: true } });
  }, 60_000);
});

describe('post images', () => {
  it('GIVEN a member’s submission with an https image in its body THEN the image is dropped on save', async () => {
    t.cloud.clock.set(T0 + 9 * HOUR + 1_000);
    const body = '<p>活动现场<img src="https://tracker.example/pixel.gif?u=1"></p>';
    const { postId: id } = dataOf(await feed<FeedResponses['submitPost']>(SCHOOL[4], 'submitPost', post({ body })));
    expect(t.cloud.db.find('posts', { _id: id })[0]).toMatchObject({ body: '<p>活动现场</p>' });
  });
});
