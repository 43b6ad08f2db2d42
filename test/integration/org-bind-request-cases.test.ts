// Bind requests that say what they are (issue 14 follow-up). Binding answers every miss alike, so
// the organiser's queue tells each case apart, computed on the server for the organiser only:
// nobody of that name on the roster, a bound member of that name, an entry locked by wrong phone
// tails, unbound entries of that name. Approving a request for a name on the roster never makes a
// second entry silently: the organiser chooses 换绑 (the entry moves to the new WeChat), a new
// entry, or turns it down.
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';
import { unboundEntry } from '../helpers/roster';

const ORGANISER = 'demo-organiser'; // br-school
const CODE = 'SYZX02';
let t: TestCloud;
type Row = Record<string, unknown> & { id: string; name: string };

beforeAll(async () => {
  t = await startTestCloud();
  const now = new Date();
  const entry = (id: string, name: string, phone: string, tailMisses: number) => ({ ...unboundEntry({ id, name, unitId: 'br-school', phone, now }), tailMisses });
  t.cloud.db.insert(COLLECTIONS.members, entry('case-locked', '锁定人', '13800001234', 5));
  t.cloud.db.insert(COLLECTIONS.members, entry('case-unbound', '未绑人', '13900005678', 0));
});
afterAll(async () => {
  await t?.close();
});

const bind = (openid: string, payload: Record<string, unknown>) => t.call(openid, 'org', 'bindMember', { inviteCode: CODE, ...payload });
const queue = async () => dataOf(await t.call<{ items: Row[] }>(ORGANISER, 'org', 'listBindRequests', {})).items;
const rowOf = async (name: string) => (await queue()).find((r) => r.name === name) as Row;
const review = (requestId: string, extra: Record<string, unknown>) => t.call(ORGANISER, 'org', 'reviewBindRequest', { requestId, ...extra });
const bound = () => t.cloud.db.find(COLLECTIONS.members, { name: '胡雪' })[0] as { _id: string; openid: string };

describe('each request says which case it is, to the organiser only', () => {
  it('GIVEN requests for a name not on the roster, a bound name, a locked entry and an unbound name THEN the queue names each case', async () => {
    const huxue = bound();
    const answers = [
      await bind('o-case-new', { name: '王新来' }),
      await bind('o-case-bound', { name: '胡雪' }),
      await bind('o-case-locked', { name: '锁定人', phoneTail: '1234' }),
      await bind('o-case-unbound', { name: '未绑人', phoneTail: '0000' }),
    ];
    // The applicants are all answered alike: nothing of the roster reaches them.
    expect(answers).toEqual(answers.map(() => ({ ok: true, data: { status: 'pending', unitName: '实验中学党支部' } })));

    expect(await rowOf('王新来')).toMatchObject({ kind: 'not_on_roster', kindText: '名册中没有此人', entryId: null });
    expect(await rowOf('胡雪')).toMatchObject({ kind: 'bound_same_name', kindText: '名册中有同名已绑定成员（可能是换了微信，或冒名）', entryId: huxue._id });
    expect(await rowOf('锁定人')).toMatchObject({ kind: 'locked_entry', kindText: '该成员手机尾号多次输错，需核实', entryId: 'case-locked' });
    expect(await rowOf('未绑人')).toMatchObject({ kind: 'unbound_same_name', entryId: 'case-unbound' });
    // The applicant's own view of the request carries none of it.
    const me = dataOf(await t.call<Record<string, unknown>>('o-case-bound', 'org', 'getMe', {}));
    expect(JSON.stringify(me)).not.toMatch(/bound_same_name|同名已绑定|entryId/);
  });
});

describe('approving a request for a name on the roster needs an explicit choice', () => {
  it('GIVEN a request for a bound name WHEN approved without a choice THEN it is refused and nothing is written', async () => {
    const row = await rowOf('胡雪');
    const members = t.cloud.db.count(COLLECTIONS.members, {});
    const identities = t.cloud.db.count(COLLECTIONS.identities, {});
    const refusal = await review(row.id, { approve: true });
    expect(refusal).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(!refusal.ok && refusal.message).toContain('换绑');
    expect(t.cloud.db.count(COLLECTIONS.members, {})).toBe(members);
    expect(t.cloud.db.count(COLLECTIONS.identities, {})).toBe(identities);
    expect(t.cloud.db.find(COLLECTIONS.members, { name: '胡雪' })).toHaveLength(1);
    expect(t.cloud.db.get(COLLECTIONS.bindRequests, row.id)).toMatchObject({ status: 'pending' });
  });

  it('WHEN approved as 换绑 THEN the one entry moves to the new WeChat, the old account is released and noted, no second entry', async () => {
    const before = bound();
    const boundCount = (t.cloud.db.get(COLLECTIONS.units, 'br-school') as { boundCount: number }).boundCount;
    const row = await rowOf('胡雪');
    expect(dataOf(await review(row.id, { approve: true, mode: 'existing' }))).toEqual({ status: 'approved', memberId: before._id });
    expect(t.cloud.db.find(COLLECTIONS.members, { name: '胡雪' })).toHaveLength(1);
    expect(t.cloud.db.get(COLLECTIONS.members, before._id)).toMatchObject({ openid: 'o-case-bound', lastUnbind: { openid: before.openid } });
    expect(t.cloud.db.get(COLLECTIONS.identities, 'o-case-bound')).toMatchObject({ memberId: before._id });
    expect(t.cloud.db.get(COLLECTIONS.identities, before.openid)).toBeUndefined();
    expect((t.cloud.db.get(COLLECTIONS.units, 'br-school') as { boundCount: number }).boundCount).toBe(boundCount);
    // The old WeChat is a stranger now; the new one is the member.
    expect(await t.call(before.openid, 'org', 'getMe', {})).toMatchObject({ ok: true, data: { bound: false } });
    expect(await t.call('o-case-bound', 'org', 'getMe', {})).toMatchObject({ ok: true, data: { bound: true } });
  });

  it('an unbound same-name entry: bound to it by choice, or a second entry only when asked for', async () => {
    const row = await rowOf('未绑人');
    await expect(review(row.id, { approve: true })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(dataOf(await review(row.id, { approve: true, mode: 'new' }))).toMatchObject({ status: 'approved' });
    expect(t.cloud.db.find(COLLECTIONS.members, { name: '未绑人' }).map((m) => m.openid).sort()).toEqual([null, 'o-case-unbound']);
  });

  it('a locked entry is bound by approving, and a name not on the roster is added, as before', async () => {
    expect(dataOf(await review((await rowOf('锁定人')).id, { approve: true }))).toEqual({ status: 'approved', memberId: 'case-locked' });
    expect(t.cloud.db.get(COLLECTIONS.members, 'case-locked')).toMatchObject({ openid: 'o-case-locked' });
    const row = await rowOf('王新来');
    await expect(review(row.id, { approve: true, mode: 'existing' })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(dataOf(await review(row.id, { approve: true }))).toMatchObject({ status: 'approved' });
    expect(t.cloud.db.find(COLLECTIONS.members, { name: '王新来' })).toHaveLength(1);
    expect(await queue()).toEqual([]);
  });
});
