// Nothing half-written between a record and its counter (issue 14 follow-up). A like or a comment
// and the post's counter are written by one transaction: however the call is stopped, the post
// never shows a like or comment without its count. A test barrier holds the write that would come
// second in two separate writes, and the database is read all the while the call is held.
// Event counters (seats, waitlist, pending) sit on the one document a thousand members sign up
// against at once, so they are kept by conditional updates and repaired from the registrations by
// the timer: a sign-up or cancellation that died between its two writes is put right a minute later.
import type { AdminPost } from '../../core/contracts/feed';
import type { EventAdminView, EventDraft, SignUpResult } from '../../core/contracts/event';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ADMIN = 'demo-admin';
const ORGANISER = 'demo-organiser'; // br-school
const SCHOOL = ['demo-m-12', 'demo-m-13', 'demo-m-14', 'demo-m-15', 'demo-m-16'];
let t: TestCloud;
let T0 = 0;
let postId = '';

beforeAll(async () => {
  t = await startTestCloud();
  T0 = Math.ceil((Date.now() + 2 * 24 * HOUR) / MIN) * MIN;
  t.cloud.clock.set(T0);
  const saved = dataOf(await t.call<AdminPost>(ADMIN, 'feed', 'savePost', { post: { kind: 'report', title: '计数测试', body: '<p>正文</p>', tags: [], unitId: null } }));
  postId = dataOf(await t.call<AdminPost>(ADMIN, 'feed', 'publishPost', { postId: saved.id })).id;
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

const post = () => t.cloud.db.get(COLLECTIONS.posts, postId) as { likes: number; comments: number };
const likes = () => t.cloud.db.count(COLLECTIONS.postLikes, { postId });
const visibleComments = () => t.cloud.db.count(COLLECTIONS.postComments, { postId, status: 'visible' });

/**
 * Runs `action` while a barrier holds the post's counter update as a separate write would send it
 * (for up to 1.5 s), reading the database every 10 ms; the states seen where record and counter
 * disagree.
 */
async function watch(action: () => Promise<unknown>, agree: () => string | null): Promise<string[]> {
  const barrier = t.cloud.barrier({ action: 'database.modifyDocument', collection: COLLECTIONS.posts, parties: 2, timeoutMs: 1_500 });
  const seen: string[] = [];
  let done = false;
  const call = action().finally(() => {
    done = true;
  });
  while (!done) {
    const wrong = agree();
    if (wrong && !seen.includes(wrong)) seen.push(wrong);
    await new Promise((r) => setTimeout(r, 10));
  }
  await call;
  barrier.cancel();
  const wrong = agree();
  if (wrong && !seen.includes(wrong)) seen.push(wrong);
  return seen;
}

describe('feed: a record and its post counter are one write', () => {
  it('a like is never seen without its count, nor a count without its like', async () => {
    const agree = () => (post().likes === likes() ? null : `likes ${post().likes}, like records ${likes()}`);
    expect(await watch(() => t.call(SCHOOL[0], 'feed', 'likePost', { postId, like: true }), agree)).toEqual([]);
    expect(post().likes).toBe(1);
    expect(await watch(() => t.call(SCHOOL[0], 'feed', 'likePost', { postId, like: false }), agree)).toEqual([]);
    expect(post().likes).toBe(0);
  });

  it('a visible comment is never seen without its count', async () => {
    const agree = () => (post().comments === visibleComments() ? null : `comments ${post().comments}, visible ${visibleComments()}`);
    expect(await watch(() => t.call(SCHOOL[1], 'feed', 'addComment', { postId, text: '说得好' }), agree)).toEqual([]);
    expect(post().comments).toBe(1);
  });

  it('concurrent likes of one post by many members all count', async () => {
    const answers = await Promise.all(SCHOOL.map((who) => t.call(who, 'feed', 'likePost', { postId, like: true })));
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect({ likes: post().likes, records: likes() }).toEqual({ likes: 5, records: 5 });
  });
});

describe('event: counters a died sign-up or cancellation left wrong are repaired from the registrations', () => {
  const draft = (over: Partial<EventDraft> = {}): EventDraft => ({
    kind: 'party_lecture',
    title: '计数修复',
    description: '说明',
    place: '报告厅',
    signupOpensAt: T0,
    signupClosesAt: T0 + 20 * HOUR,
    startsAt: T0 + 24 * HOUR,
    endsAt: T0 + 26 * HOUR,
    capacity: 1,
    waitlist: true,
    approval: false,
    unitIds: ['br-school'],
    cancelHours: 2,
    ...over,
  });
  const publish = async (d: EventDraft) => {
    const saved = dataOf(await t.call<EventAdminView>(ORGANISER, 'event', 'saveEvent', { event: d }));
    dataOf(await t.call(ORGANISER, 'event', 'publishEvent', { eventId: saved.id }));
    return saved.id;
  };
  const timer = () => t.cloud.invoke('event', { Type: 'Timer', TriggerName: 'remindUpcoming' }, { openid: '' });
  const counters = (eventId: string) => {
    const e = t.cloud.db.get(COLLECTIONS.events, eventId) as { confirmed: number; waitlisted: number; pending: number };
    return { confirmed: e.confirmed, waitlisted: e.waitlisted, pending: e.pending };
  };
  const counted = (eventId: string) => ({
    confirmed: t.cloud.db.count(COLLECTIONS.eventRegistrations, { eventId, status: 'confirmed' }),
    waitlisted: t.cloud.db.count(COLLECTIONS.eventRegistrations, { eventId, status: 'waitlisted' }),
    pending: t.cloud.db.count(COLLECTIONS.eventRegistrations, { eventId, status: 'pending' }),
  });

  it('GIVEN waitlisted sign-ups that died before their count, and a cancellation that died before its count THEN a minute later the timer repairs both', async () => {
    t.cloud.clock.set(T0 + 3 * MIN);
    const eventId = await publish(draft());
    dataOf(await t.call<SignUpResult>(SCHOOL[0], 'event', 'signUp', { eventId }));
    dataOf(await t.call<SignUpResult>(SCHOOL[1], 'event', 'signUp', { eventId }));
    dataOf(await t.call<SignUpResult>(SCHOOL[2], 'event', 'signUp', { eventId }));
    expect(counters(eventId)).toEqual({ confirmed: 1, waitlisted: 2, pending: 0 });
    // Two sign-ups wrote their waitlisted registrations and died (a crash, the time limit) before their count …
    const reg = t.cloud.db.get(COLLECTIONS.eventRegistrations, `${eventId}_demo-member-14`) as Record<string, unknown>;
    for (const m of ['demo-member-15', 'demo-member-16']) t.cloud.db.insert(COLLECTIONS.eventRegistrations, { ...reg, _id: `${eventId}_${m}`, memberId: m, waitAt: T0 + 3 * MIN + 1 });
    // … and a cancellation moved its registration and died before its count.
    t.cloud.db.update(COLLECTIONS.eventRegistrations, { _id: `${eventId}_demo-member-13` }, { $set: { status: 'cancelled' } });
    expect(counted(eventId)).toEqual({ confirmed: 1, waitlisted: 3, pending: 0 });

    await timer();
    expect(counters(eventId)).toEqual({ confirmed: 1, waitlisted: 2, pending: 0 });
    // A minute on from the first run (the test clock ran on while the sign-ups were made).
    t.cloud.clock.set(T0 + 5 * MIN);
    await timer();
    expect(counters(eventId)).toEqual({ confirmed: 1, waitlisted: 3, pending: 0 });
    expect(counted(eventId)).toEqual({ confirmed: 1, waitlisted: 3, pending: 0 });
  });

  it('GIVEN a pending sign-up that died before its count THEN a minute later the timer repairs the pending count', async () => {
    t.cloud.clock.set(T0 + 10 * MIN);
    const eventId = await publish(draft({ approval: true, title: '需要审核的计数' }));
    dataOf(await t.call<SignUpResult>(SCHOOL[0], 'event', 'signUp', { eventId }));
    const reg = t.cloud.db.get(COLLECTIONS.eventRegistrations, `${eventId}_demo-member-12`) as Record<string, unknown>;
    t.cloud.db.insert(COLLECTIONS.eventRegistrations, { ...reg, _id: `${eventId}_demo-member-13`, memberId: 'demo-member-13' });
    await timer();
    t.cloud.clock.set(T0 + 12 * MIN);
    await timer();
    expect(counters(eventId)).toEqual({ confirmed: 0, waitlisted: 0, pending: 2 });
  });

  it('a count that only looks wrong while a call is in flight is left alone', async () => {
    t.cloud.clock.set(T0 + 20 * MIN);
    const eventId = await publish(draft({ title: '进行中的计数' }));
    dataOf(await t.call<SignUpResult>(SCHOOL[0], 'event', 'signUp', { eventId }));
    const reg = t.cloud.db.get(COLLECTIONS.eventRegistrations, `${eventId}_demo-member-12`) as Record<string, unknown>;
    t.cloud.db.insert(COLLECTIONS.eventRegistrations, { ...reg, _id: `${eventId}_demo-member-13`, memberId: 'demo-member-13', status: 'waitlisted', waitAt: T0 });
    await timer();
    // The sign-up's count lands before the next run: nothing to repair, and the note is cleared.
    t.cloud.db.update(COLLECTIONS.events, { _id: eventId }, { $inc: { waitlisted: 1 } });
    t.cloud.clock.set(T0 + 22 * MIN);
    await timer();
    expect(counters(eventId)).toEqual({ confirmed: 1, waitlisted: 1, pending: 0 });
    expect(t.cloud.db.get(COLLECTIONS.events, eventId)).not.toHaveProperty('seatCheck');
  });
});
