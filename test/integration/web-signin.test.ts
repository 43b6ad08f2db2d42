// Web sign-in (docs/WEB-APP.md): a member's one-time code puts a web caller's uid on their identity
// as its web key; the router then runs that caller as the member. Issue, redeem, expiry, reuse, a
// race of two redeems, the guess limits, sign-out, revoke, and the one extra read a web call costs.

import { startTestCloud, dataOf, type TestCloud } from '../helpers/cloud';
import { issueWebCodeFor, newWebUid, signInAsWeb, webCall } from '../helpers/web';
import { WEB_TEXT } from '../../functions/org/webSignIn';
import { WEB_SIGN_IN_FIRST } from '../../functions/lib/router';
import type { Me } from '../../core/contracts/org';

jest.setTimeout(60_000);

const MEMBER = 'demo-member'; // 王秀英, member of 离退休干部党支部
const MEMBER_ID = 'demo-member-21';
const ORGANISER = 'demo-m-22'; // 宋德明, organiser of that branch
const OTHER_ORGANISER = 'demo-organiser'; // 李强, organiser of 实验中学党支部
const ADMIN = 'demo-admin';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
}, 120_000);
afterAll(async () => {
  await t?.close();
});
afterEach(() => t.cloud.clock.reset());

const nameOf = (me: Me) => (me.bound ? me.member.name : null);

describe('a web caller without a web key', () => {
  it('is answered as an unbound mini-program caller on everything but signing in, in any context', async () => {
    const uid = newWebUid();
    const sample = [
      ['org', 'getMe', {}],
      ['org', 'getToday', {}],
      ['org', 'listMembers', { unitId: 'br-retired' }],
      ['exam', 'bankSummary', {}],
      ['checkin', 'myChallenges', {}],
      ['feed', 'listModels', {}],
      ['points', 'myPoints', {}],
    ] as const;
    for (const [fn, action, payload] of sample) {
      expect([fn, action, await webCall(t, uid, fn, action, payload)]).toMatchObject([fn, action, { ok: false, code: 'UNAUTHENTICATED' }]);
    }
    expect(await webCall(t, uid, 'org', 'getToday')).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: WEB_SIGN_IN_FIRST });
    // The same code an unbound openid gets.
    expect(await t.call('never-bound-openid', 'org', 'getToday')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('cannot name an openid: not in the payload, the event or userInfo', async () => {
    const uid = newWebUid();
    const event = { action: 'getToday', payload: {}, openid: ADMIN, userInfo: { openId: ADMIN, appId: 'x' } };
    const res = await t.cloud.invoke('org', event, { openid: '', uid, source: 'web' });
    expect(res.result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await webCall(t, uid, 'org', 'redeemWebCode', { code: '12345678', openid: ADMIN })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('cannot run a timer job by sending a trigger-shaped event', async () => {
    const uid = newWebUid();
    const res = await t.cloud.invoke('points', { Type: 'Timer', TriggerName: 'nightly', Time: new Date().toISOString() }, { openid: '', uid, source: 'web' });
    expect(res.result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});

describe('issuing a code', () => {
  it('gives the member 8 digits valid 24 hours, stored only as a hash', async () => {
    const before = t.cloud.clock.now();
    const issued = dataOf(await t.call<{ code: string; expiresAt: number; name: string }>(MEMBER, 'org', 'issueWebCode', {}));
    expect(issued.code).toMatch(/^\d{8}$/);
    expect(issued.name).toBe('王秀英');
    expect(issued.expiresAt - before).toBeGreaterThanOrEqual(24 * 3600_000 - 5_000);
    expect(issued.expiresAt - before).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
    const stored = JSON.stringify(t.cloud.db.find('webCodes'));
    expect(stored).not.toContain(issued.code);
    expect(t.cloud.db.find('webCodes', { memberId: MEMBER_ID }).length).toBeGreaterThan(0);
  });

  it('lets an organiser issue one for a member of their subtree, not another branch’s organiser; never for an unbound entry', async () => {
    const code = dataOf(await t.call<{ code: string; name: string }>(ORGANISER, 'org', 'issueWebCode', { memberId: MEMBER_ID }));
    expect(code.name).toBe('王秀英');
    expect(await t.call(OTHER_ORGANISER, 'org', 'issueWebCode', { memberId: MEMBER_ID })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.call(MEMBER, 'org', 'issueWebCode', { memberId: 'demo-member-23' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // 程保国 (demo-member-30) never bound.
    expect(await t.call(ORGANISER, 'org', 'issueWebCode', { memberId: 'demo-member-30' })).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: WEB_TEXT.unbound });
  });

  it('does not let a web session issue its own code (only the mini-program or an organiser)', async () => {
    const uid = await signInAsWeb(t, 'demo-m-23');
    expect(await webCall(t, uid, 'org', 'issueWebCode', {})).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: WEB_TEXT.selfInApp });
  });
});

describe('redeeming a code', () => {
  it('signs the web caller in as the member, with exactly their rights', async () => {
    const uid = newWebUid();
    const code = await issueWebCodeFor(t, MEMBER);
    const redeemed = dataOf(await webCall<{ me: Me }>(t, uid, 'org', 'redeemWebCode', { code: `${code.slice(0, 4)} ${code.slice(4)}` }));
    expect(nameOf(redeemed.me)).toBe('王秀英');
    expect(nameOf(dataOf(await webCall<Me>(t, uid, 'org', 'getMe')))).toBe('王秀英');
    // The member's own things, as in the mini-program; an organiser's lists refused alike.
    const viaWeb = await webCall(t, uid, 'org', 'getToday');
    const viaApp = await t.call(MEMBER, 'org', 'getToday');
    expect(viaWeb.ok).toBe(true);
    expect(JSON.stringify(viaWeb)).toBe(JSON.stringify(viaApp));
    const refusedWeb = await webCall(t, uid, 'org', 'listMembers', { unitId: 'br-retired' });
    const refusedApp = await t.call(MEMBER, 'org', 'listMembers', { unitId: 'br-retired' });
    expect(refusedWeb).toEqual(refusedApp);
    expect(refusedWeb).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('costs a web call one read more than the same call from the mini-program (the identity by web key)', async () => {
    const uid = await signInAsWeb(t, 'demo-m-24');
    const app = await t.invoke('demo-m-24', 'org', 'getMe');
    const web = await t.cloud.invoke('org', { action: 'getMe', payload: {} }, { openid: '', uid, source: 'web' });
    expect(web.stats.reads).toBe(app.stats.reads + 1);
    expect(web.stats.writes).toBe(app.stats.writes);
  });

  it('refuses a wrong, a used, a voided and an expired code with a plain reason', async () => {
    const uid = newWebUid();
    // A wrong one: no such code (counted).
    const wrong = await webCall(t, uid, 'org', 'redeemWebCode', { code: '00000000' });
    expect(wrong).toEqual({ ok: false, code: 'NOT_FOUND', message: WEB_TEXT.wrong });
    expect(await webCall(t, uid, 'org', 'redeemWebCode', { code: '1234' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('8位数字') });

    // Used: a second browser cannot reuse it.
    const code = await issueWebCodeFor(t, 'demo-m-25');
    dataOf(await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code }));
    expect(await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code })).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: WEB_TEXT.used });

    // Voided: a newer code was issued.
    const first = await issueWebCodeFor(t, 'demo-m-25');
    const second = await issueWebCodeFor(t, 'demo-m-25', ORGANISER);
    expect(await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code: first })).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: WEB_TEXT.voided });

    // Expired: 24 hours later.
    t.cloud.clock.set(Date.now() + 24 * 3600_000 + 60_000);
    expect(await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code: second })).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: WEB_TEXT.expired });
  });

  it('lets exactly one of two concurrent redeems of one code in', async () => {
    const code = await issueWebCodeFor(t, 'demo-m-26');
    const [a, b] = [newWebUid(), newWebUid()];
    // Both transactions read the code before either writes.
    const barrier = t.cloud.barrier({ action: 'database.getInTransaction', collection: 'webCodes', parties: 2, timeoutMs: 3_000 });
    const answers = await Promise.all([a, b].map((uid) => webCall(t, uid, 'org', 'redeemWebCode', { code })));
    barrier.cancel();
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    const lost = answers.find((x) => !x.ok);
    expect(lost).toMatchObject({ ok: false, message: WEB_TEXT.used });
    expect(['CONFLICT', 'FAILED_PRECONDITION']).toContain(lost && !lost.ok ? lost.code : '');
    const winner = answers[0].ok ? a : b;
    const loser = winner === a ? b : a;
    expect(nameOf(dataOf(await webCall<Me>(t, winner, 'org', 'getMe')))).toBe('唐志刚');
    expect(await webCall(t, loser, 'org', 'getMe')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(t.cloud.db.find('identities', { webUid: winner })).toHaveLength(1);
  });

  it('keeps one web key per member: signing in elsewhere signs the earlier browser out', async () => {
    const first = await signInAsWeb(t, 'demo-m-02');
    const second = await signInAsWeb(t, 'demo-m-02');
    expect(await webCall(t, first, 'org', 'getMe')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(nameOf(dataOf(await webCall<Me>(t, second, 'org', 'getMe')))).toBe('刘洋');
    expect(t.cloud.db.find('webKeys', { _id: first })).toHaveLength(0);
  });

  it('keeps one member per browser: a second code on the same browser moves the key', async () => {
    const uid = await signInAsWeb(t, 'demo-m-04');
    dataOf(await webCall(t, uid, 'org', 'redeemWebCode', { code: await issueWebCodeFor(t, 'demo-m-05') }));
    expect(nameOf(dataOf(await webCall<Me>(t, uid, 'org', 'getMe')))).toBe('赵建国');
    expect(t.cloud.db.find('identities', { webUid: uid }).map((d) => d._id)).toEqual(['demo-m-05']);
  });

  it('refuses redeeming from the mini-program', async () => {
    const code = await issueWebCodeFor(t, 'demo-m-06');
    expect(await t.call('demo-m-06', 'org', 'redeemWebCode', { code })).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: WEB_TEXT.webOnly });
  });
});

describe('guess limits (as binding’s: 5 in 10 minutes)', () => {
  it('per web uid: wrong codes count, the sixth try is refused even with the right code', async () => {
    const uid = newWebUid();
    for (let i = 0; i < 5; i += 1) {
      expect(await webCall(t, uid, 'org', 'redeemWebCode', { code: `9${String(i).padStart(7, '0')}` })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    const code = await issueWebCodeFor(t, 'demo-m-13');
    expect(await webCall(t, uid, 'org', 'redeemWebCode', { code })).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    // Another browser is not held up, and the right code was not spent.
    expect((await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code })).ok).toBe(true);
  });

  it('per code: one code tried from many browsers', async () => {
    const target = '87654321';
    for (let i = 0; i < 5; i += 1) expect(await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code: target })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code: target })).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
  });

  it('a right code gives its tokens back', async () => {
    const uid = newWebUid();
    for (let i = 0; i < 4; i += 1) await webCall(t, uid, 'org', 'redeemWebCode', { code: `7${String(i).padStart(7, '0')}` });
    dataOf(await webCall(t, uid, 'org', 'redeemWebCode', { code: await issueWebCodeFor(t, 'demo-m-14') }));
    dataOf(await webCall(t, uid, 'org', 'redeemWebCode', { code: await issueWebCodeFor(t, 'demo-m-15') }));
  });
});

describe('ending a web sign-in', () => {
  it('sign-out clears the caller’s web key; again is no error', async () => {
    const uid = await signInAsWeb(t, 'demo-m-16');
    expect(dataOf(await webCall(t, uid, 'org', 'signOutWeb'))).toEqual({ signedOut: true });
    expect(await webCall(t, uid, 'org', 'getMe')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(dataOf(await webCall(t, uid, 'org', 'signOutWeb'))).toEqual({ signedOut: false });
    expect(await t.call('demo-m-16', 'org', 'signOutWeb')).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('an organiser revokes a member’s web key and voids an unused code; another branch’s organiser cannot', async () => {
    const uid = await signInAsWeb(t, 'demo-m-23');
    const pending = await issueWebCodeFor(t, 'demo-m-23');
    expect(await t.call(OTHER_ORGANISER, 'org', 'revokeWebKey', { memberId: 'demo-member-23' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(nameOf(dataOf(await webCall<Me>(t, uid, 'org', 'getMe')))).toBe('郑桂兰');
    expect(dataOf(await t.call(ORGANISER, 'org', 'revokeWebKey', { memberId: 'demo-member-23' }))).toEqual({ memberId: 'demo-member-23', revoked: true });
    expect(await webCall(t, uid, 'org', 'getMe')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await webCall(t, newWebUid(), 'org', 'redeemWebCode', { code: pending })).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(dataOf(await t.call(ADMIN, 'org', 'revokeWebKey', { memberId: 'demo-member-23' }))).toEqual({ memberId: 'demo-member-23', revoked: false });
  });

  it('unbinding the member ends their web sign-in with the identity', async () => {
    const uid = await signInAsWeb(t, 'demo-m-15');
    dataOf(await t.call(ADMIN, 'org', 'unbindMember', { memberId: 'demo-member-15', reason: '更换微信' }));
    expect(await webCall(t, uid, 'org', 'getMe')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
