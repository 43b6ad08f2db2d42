// Binding is not an oracle (issue 14, item 4): answers do not tell whether a name is on the
// roster, whether its entry is bound or whether a phone tail is right; wrong invite codes and
// phone tails are limited per openid (5 in a 10-minute window) and per roster entry (5 wrong tails,
// then an organiser confirms); a branch is never limited as a whole.
import type { BindResult } from '../../core/contracts';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { unboundEntry } from '../helpers/roster';

const MIN = 60_000;
let t: TestCloud;
/** The start of a 10-minute window, well ahead of real time. */
let T0 = 0;

beforeAll(async () => {
  t = await startTestCloud();
  T0 = Math.ceil((Date.now() + 60 * MIN) / (10 * MIN)) * 10 * MIN;
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

const bind = (openid: string, payload: { name: string; inviteCode: string; phoneTail?: string }) => t.call<BindResult>(openid, 'org', 'bindMember', payload);

/** Unbound roster entries in br-office, with phones 1380000xxxx. */
async function addEntries(prefix: string, count: number): Promise<Array<{ id: string; name: string; tail: string }>> {
  const now = new Date();
  const out = Array.from({ length: count }, (_, i) => ({ id: `${prefix}-entry-${i}`, name: `${prefix}${String.fromCharCode(0x4e00 + i)}`, tail: String(1000 + i) }));
  await insertMany(
    t.db,
    COLLECTIONS.members,
    out.map((e) => ({ ...unboundEntry({ id: e.id, name: e.name, unitId: "br-office", phone: `1380000${e.tail}`, sortKey: e.name, now }) })),
  );
  return out;
}

describe('uniform answers', () => {
  it('GIVEN the right invite code WHEN the name is not on the roster, its entry is bound, or the phone tail is wrong THEN the answers are the same: a request to the organisers', async () => {
    t.cloud.clock.set(T0 + MIN);
    const [entry] = await addEntries('答', 1);
    const answers = [
      await bind('o-u1', { name: '查无此人', inviteCode: 'JGZB01' }),
      await bind('o-u2', { name: '张伟', inviteCode: 'JGZB01' }), // bound (the org admin)
      await bind('o-u3', { name: entry.name, inviteCode: 'JGZB01', phoneTail: '9999' }), // wrong tail
      await bind('o-u4', { name: '查无此人', inviteCode: 'JGZB01', phoneTail: '9999' }),
      await bind('o-u5', { name: '张伟', inviteCode: 'JGZB01', phoneTail: '0000' }),
    ];
    for (const a of answers) expect(a).toEqual({ ok: true, data: { status: 'pending', unitName: '机关第一党支部' } });
    // Nothing was bound by it.
    expect(t.cloud.db.find(COLLECTIONS.members, { _id: entry.id })[0]).toMatchObject({ openid: null });
    expect(t.cloud.db.find(COLLECTIONS.members, { _id: 'demo-member-01' })[0]).toMatchObject({ openid: 'demo-admin' });
  });

  it('GIVEN a wrong invite code THEN the answer is the same whatever the name, and says what to do', async () => {
    t.cloud.clock.set(T0 + MIN);
    const a = await bind('o-w1', { name: '张伟', inviteCode: 'ZZZZZZ' });
    const b = await bind('o-w2', { name: '查无此人', inviteCode: 'ZZZZZZ', phoneTail: '1234' });
    expect(a).toEqual({ ok: false, code: 'NOT_FOUND', message: '邀请码不正确，请核对后再试，或向支部管理员确认' });
    expect(b).toEqual(a);
  });
});

describe('attempts per openid', () => {
  it('GIVEN 5 wrong invite codes in a window THEN the 6th attempt is refused with the wait in words, the right code too, and the next window lets it through', async () => {
    t.cloud.clock.set(T0 + 10 * MIN + MIN);
    for (let i = 0; i < 5; i++) expect(await bind('o-guesser', { name: '徐磊', inviteCode: 'ZZZZZZ' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await bind('o-guesser', { name: '徐磊', inviteCode: 'ZZZZZZ' })).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '尝试次数太多，请 9 分钟后再试' });
    expect(await bind('o-guesser', { name: '徐磊', inviteCode: 'JGZB01' })).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    expect(t.cloud.db.find(COLLECTIONS.members, { name: '徐磊' })[0]).toMatchObject({ openid: null });
    // Other callers are not held up by it.
    expect(await bind('o-bystander', { name: '查无此人', inviteCode: 'JGZB01' })).toMatchObject({ ok: true });
    t.cloud.clock.set(T0 + 20 * MIN + 1_000);
    expect(dataOf(await bind('o-guesser', { name: '徐磊', inviteCode: 'JGZB01' }))).toMatchObject({ status: 'bound' });
  });

  it('GIVEN wrong phone tails THEN they count like wrong codes; names alone with the right code do not count', async () => {
    t.cloud.clock.set(T0 + 30 * MIN + MIN);
    const entries = await addEntries('尾', 6);
    for (let i = 0; i < 10; i++) expect(await bind('o-tails', { name: `不在名单${i}`, inviteCode: 'JGZB01' })).toMatchObject({ ok: true, data: { status: 'pending' } });
    for (let i = 0; i < 5; i++) expect(await bind('o-tails', { name: entries[i].name, inviteCode: 'JGZB01', phoneTail: '0000' })).toMatchObject({ ok: true, data: { status: 'pending' } });
    expect(await bind('o-tails', { name: entries[5].name, inviteCode: 'JGZB01', phoneTail: entries[5].tail })).toEqual({
      ok: false,
      code: 'RESOURCE_EXHAUSTED',
      message: '尝试次数太多，请 9 分钟后再试',
    });
    expect(t.cloud.db.find(COLLECTIONS.members, { _id: entries[5].id })[0]).toMatchObject({ openid: null });
  });

  it('GIVEN 20 concurrent wrong codes from one openid THEN exactly 5 are checked, the rest refused', async () => {
    t.cloud.clock.set(T0 + 40 * MIN + MIN);
    const answers = await Promise.all(Array.from({ length: 20 }, () => bind('o-storm', { name: '孙悦', inviteCode: 'ZZZZZZ' })));
    expect(answers.filter((a) => !a.ok && a.code === 'NOT_FOUND')).toHaveLength(5);
    expect(answers.filter((a) => !a.ok && a.code === 'RESOURCE_EXHAUSTED')).toHaveLength(15);
    const docs = t.cloud.db.find(COLLECTIONS.rateLimits, { scope: 'bind' }).filter((d) => String(d._id).includes(`-${T0 + 40 * MIN}-`));
    expect(docs.map((d) => d.count)).toEqual([5]);
    // The openid is not stored in the clear.
    expect(JSON.stringify(t.cloud.db.find(COLLECTIONS.rateLimits, {}))).not.toContain('o-storm');
  });

  it('GIVEN 20 right-code binds of names not on the roster in a row from one openid THEN none is refused (right guesses give their token back)', async () => {
    t.cloud.clock.set(T0 + 50 * MIN + MIN);
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await bind('o-family', { name: `家人${i}`, inviteCode: 'JGZB01' }));
    expect(answers.filter((a) => !a.ok)).toEqual([]);
  });
});

describe('wrong phone tails per roster entry', () => {
  it('GIVEN 5 wrong tails on one entry from different openids WHEN its owner binds with the right tail THEN it becomes a request an organiser confirms', async () => {
    t.cloud.clock.set(T0 + 60 * MIN + MIN);
    const [entry, other] = await addEntries('锁', 2);
    for (let i = 0; i < 5; i++) await bind(`o-lock-${i}`, { name: entry.name, inviteCode: 'JGZB01', phoneTail: String(2000 + i) });
    expect(t.cloud.db.find(COLLECTIONS.members, { _id: entry.id })[0]).toMatchObject({ tailMisses: 5, openid: null });
    // A later day and a fresh openid change nothing: the mark has no window.
    t.cloud.clock.set(T0 + 3 * 24 * 60 * MIN);
    expect(await bind('o-lock-owner', { name: entry.name, inviteCode: 'JGZB01', phoneTail: entry.tail })).toEqual({ ok: true, data: { status: 'pending', unitName: '机关第一党支部' } });
    expect(await bind('o-lock-owner2', { name: entry.name, inviteCode: 'JGZB01' })).toMatchObject({ ok: true, data: { status: 'pending' } });
    expect(t.cloud.db.find(COLLECTIONS.members, { _id: entry.id })[0]).toMatchObject({ openid: null });
    // The owners' requests name the entry they would bind; the guessers' name none.
    const requests = t.cloud.db.find(COLLECTIONS.bindRequests, { name: entry.name, status: 'pending' });
    expect(requests.filter((r) => String(r.openid).startsWith('o-lock-owner')).map((r) => r.entryId)).toEqual([entry.id, entry.id]);
    expect(requests.filter((r) => r.entryId === null)).toHaveLength(5);
    const queue = dataOf(await t.call<{ items: Array<{ name: string }> }>('demo-admin', 'org', 'listBindRequests', { unitId: 'br-office' }));
    expect(queue.items.filter((i) => i.name === entry.name)).toHaveLength(7);
    // Another entry of the branch is untouched.
    expect(dataOf(await bind('o-lock-neighbour', { name: other.name, inviteCode: 'JGZB01', phoneTail: other.tail }))).toMatchObject({ status: 'bound' });
  });

  it('GIVEN the owner’s request for a locked entry WHEN an organiser approves it THEN that entry is bound (no second entry), and a second request for it is refused', async () => {
    const [entry] = t.cloud.db.find(COLLECTIONS.members, { name: '锁一' });
    const requestOf = (openid: string) => t.cloud.db.find(COLLECTIONS.bindRequests, { openid })[0];
    const approved = dataOf(await t.call('demo-admin', 'org', 'reviewBindRequest', { requestId: requestOf('o-lock-owner')._id, approve: true }));
    expect(approved).toEqual({ status: 'approved', memberId: entry._id });
    expect(t.cloud.db.find(COLLECTIONS.members, { name: '锁一' })).toHaveLength(1);
    expect(t.cloud.db.find(COLLECTIONS.members, { _id: entry._id })[0]).toMatchObject({ openid: 'o-lock-owner', role: 'member', tailMisses: 0 });
    expect(t.cloud.db.find(COLLECTIONS.identities, { _id: 'o-lock-owner' })[0]).toMatchObject({ memberId: entry._id, unitId: 'br-office' });
    expect(await t.call('demo-admin', 'org', 'reviewBindRequest', { requestId: requestOf('o-lock-owner2')._id, approve: true })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(t.cloud.db.find(COLLECTIONS.identities, { _id: 'o-lock-owner2' })).toHaveLength(0);
  });
});

describe('a branch is never limited as a whole', () => {
  it('GIVEN 30 members of one branch binding at once, some mistyping first THEN all are bound', async () => {
    t.cloud.clock.set(T0 + 5 * 24 * 60 * MIN);
    const entries = await addEntries('会', 30);
    const answers = await Promise.all(
      entries.map(async (e, i) => {
        const who = `o-meeting-${i}`;
        if (i % 3 === 0) await bind(who, { name: e.name, inviteCode: 'JGZB0I' });
        if (i % 3 === 1) await bind(who, { name: e.name, inviteCode: 'JGZB01', phoneTail: '0000' });
        return bind(who, { name: e.name, inviteCode: 'JGZB01', ...(i % 3 === 1 ? { phoneTail: e.tail } : {}) });
      }),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect(answers.every((a) => a.ok && a.data.status === 'bound')).toBe(true);
    expect(t.cloud.db.find(COLLECTIONS.members, { unitId: 'br-office' }).filter((m) => String(m._id).startsWith('会-entry-') && m.openid)).toHaveLength(30);
  }, 60_000);

  it('GIVEN one openid with the right code spamming wrong names THEN others still bind', async () => {
    t.cloud.clock.set(T0 + 6 * 24 * 60 * MIN);
    const entries = await addEntries('扰', 2);
    const spam = await Promise.all(Array.from({ length: 30 }, (_, i) => bind('o-spammer', { name: `乱填${i}`, inviteCode: 'JGZB01' })));
    // At most 5 of its guesses are in flight at once (the rest wait their turn), nothing else.
    expect(spam.filter((a) => a.ok).length).toBeGreaterThanOrEqual(5);
    expect(spam.every((a) => a.ok || a.code === 'RESOURCE_EXHAUSTED')).toBe(true);
    expect(dataOf(await bind('o-spam-victim-1', { name: entries[0].name, inviteCode: 'JGZB01' }))).toMatchObject({ status: 'bound' });
    expect(dataOf(await bind('o-spam-victim-2', { name: entries[1].name, inviteCode: 'JGZB01', phoneTail: entries[1].tail }))).toMatchObject({ status: 'bound' });
  });
});
