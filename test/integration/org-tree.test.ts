// The organisation tree against the local cloud: units of any depth, created, renamed, moved and
// closed by the real actions; organisers of a middle unit see and manage exactly their subtree;
// bad input is refused with nothing written; races on sibling names settled by the database.
import type { ManagedUnit, MemberRow } from '../../core/contracts/org';
import type { Page } from '../../core/contracts/common';
import type { MemberDoc, UnitDoc } from '../../functions/lib/model';
import { getById } from '../../functions/lib/db';
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

const ADMIN = 'demo-admin';
const org = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'org', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await org<T>(openid, action, payload));
const create = async (parentId: string, name: string, kind = 'committee', openid = ADMIN) =>
  (await ok<{ unit: ManagedUnit }>(openid, 'createUnit', { parentId, name, kind })).unit;
const units = async (openid = ADMIN) => (await ok<{ units: ManagedUnit[] }>(openid, 'listUnits')).units;
const unitDoc = async (id: string) => getById<UnitDoc>(t.db, COLLECTIONS.units, id);
const memberDoc = async (id: string) => getById<MemberDoc>(t.db, COLLECTIONS.members, id);

describe('a tree of any depth', () => {
  const ids: Record<string, string> = {};

  it('GIVEN the org admin WHEN they create six levels below the organisation THEN listUnits shows them in tree order with depths', async () => {
    ids.city = (await create('org-demo', '市委老干部局', 'department')).id;
    ids.county = (await create(ids.city, '某县委老干部局', 'department')).id;
    ids.work = (await create(ids.county, '县教育局老干部工作科', 'department')).id;
    ids.committee = (await create(ids.work, '县教育局机关党委', 'committee')).id;
    ids.general = (await create(ids.committee, '离退休干部党总支', 'general_branch')).id;
    const leaf = await create(ids.general, '离退休第一党支部', 'branch');
    ids.leaf = leaf.id;
    ids.sibling = (await create(ids.general, '离退休第二党支部', 'branch')).id;

    expect(leaf).toMatchObject({ depth: 6, kindLabel: '党支部', status: 'active', memberCount: 0 });
    expect(leaf.path).toEqual(['org-demo', ids.city, ids.county, ids.work, ids.committee, ids.general, ids.leaf]);
    expect(leaf.inviteCode).toMatch(/^[A-Z0-9]{6}$/);
    const all = await units();
    const names = all.map((u) => `${u.depth}:${u.name}`);
    // Depth-first: the city bureau's whole subtree comes right after it, before the next sibling.
    const i = names.indexOf('1:市委老干部局');
    expect(names.slice(i, i + 7)).toEqual([
      '1:市委老干部局',
      '2:某县委老干部局',
      '3:县教育局老干部工作科',
      '4:县教育局机关党委',
      '5:离退休干部党总支',
      '6:离退休第一党支部',
      '6:离退休第二党支部',
    ]);
  });

  it('refuses a second sibling of the same name (also written with other spacing), but allows it elsewhere', async () => {
    expect(await org(ADMIN, 'createUnit', { parentId: ids.general, name: '离退休第一党支部', kind: 'branch' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await org(ADMIN, 'createUnit', { parentId: ids.general, name: ' 离退休第一 党支部 ', kind: 'branch' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await expect(create(ids.committee, '离退休第一党支部', 'branch')).resolves.toMatchObject({ depth: 5 });
  });

  it('GIVEN eight organisers creating the same unit at once THEN exactly one exists', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => org(ADMIN, 'createUnit', { parentId: ids.county, name: '同时新建的支部', kind: 'branch' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CONFLICT')).toBe(true);
    expect((await units()).filter((u) => u.name === '同时新建的支部')).toHaveLength(1);
  });

  it('renames and reorders; a rename onto a sibling’s name is refused and changes nothing', async () => {
    const renamed = (await ok<{ unit: ManagedUnit }>(ADMIN, 'updateUnit', { unitId: ids.sibling, name: '离退休第三党支部', order: 5 })).unit;
    expect(renamed).toMatchObject({ name: '离退休第三党支部', order: 5 });
    expect(await org(ADMIN, 'updateUnit', { unitId: ids.sibling, name: '离退休第一党支部' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await unitDoc(ids.sibling))?.name).toBe('离退休第三党支部');
    // The old name is free again.
    await expect(create(ids.general, '离退休第二党支部', 'branch')).resolves.toMatchObject({ name: '离退休第二党支部' });
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const before = await unitDoc(ids.committee);
    const intoItself = await org(ADMIN, 'moveUnit', { unitId: ids.committee, parentId: ids.leaf });
    expect(intoItself).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(!intoItself.ok && intoItself.message).toContain('不能把组织移到它自己或它的下级组织之下');
    expect(await org(ADMIN, 'moveUnit', { unitId: 'org-demo', parentId: ids.leaf })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await org(ADMIN, 'createUnit', { parentId: ids.leaf, name: '', kind: 'branch' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await org(ADMIN, 'createUnit', { parentId: ids.leaf, name: '<b>x</b>', kind: 'branch' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await org(ADMIN, 'createUnit', { parentId: ids.leaf, name: '新支部', kind: 'galaxy' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await org(ADMIN, 'createUnit', { parentId: 'no-such-unit', name: '新支部', kind: 'branch' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await org(ADMIN, 'closeUnit', { unitId: ids.general })).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await unitDoc(ids.committee)).toEqual(before);
    expect((await unitDoc(ids.general))?.status).toBe('active');
  });

  it('GIVEN members in a subtree WHEN the subtree moves THEN every unit, member and identity below follows, history stays with the unit', async () => {
    // 陈静 (demo-m-03, bound) moves into the leaf branch: 组织关系转接.
    await ok(ADMIN, 'moveMember', { memberId: 'demo-member-03', unitId: ids.leaf });
    expect((await memberDoc('demo-member-03'))?.unitPath).toEqual(['org-demo', ids.city, ids.county, ids.work, ids.committee, ids.general, ids.leaf]);
    expect(await unitDoc(ids.leaf)).toMatchObject({ memberCount: 1, boundCount: 1 });
    expect(await unitDoc('br-office')).toMatchObject({ memberCount: 9, boundCount: 5 });

    // The committee (with its 党总支 and branches) moves from the work department straight under the county.
    const moved = await ok<{ unit: ManagedUnit; moved: number }>(ADMIN, 'moveUnit', { unitId: ids.committee, parentId: ids.county });
    expect(moved.moved).toBe(6); // the committee, the 党总支, its three branches and the branch made beside it
    expect((await unitDoc(ids.leaf))?.path).toEqual(['org-demo', ids.city, ids.county, ids.committee, ids.general, ids.leaf]);
    expect((await memberDoc('demo-member-03'))?.unitPath).toEqual(['org-demo', ids.city, ids.county, ids.committee, ids.general, ids.leaf]);
    expect((await units()).find((u) => u.id === ids.leaf)?.depth).toBe(5);
    // Moving again to where it already is changes nothing and answers ok (a repeated call repairs).
    await expect(ok(ADMIN, 'moveUnit', { unitId: ids.committee, parentId: ids.county })).resolves.toMatchObject({ moved: 6 });
  });

  it('GIVEN an organiser of a middle unit THEN they see and manage exactly its subtree', async () => {
    // 陈静 is bound; appointed organiser of the committee, her next call already carries the scope.
    await ok(ADMIN, 'setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [ids.committee] });
    const mine = await units('demo-m-03');
    expect(mine[0]).toMatchObject({ id: ids.committee, depth: 3 });
    expect(mine.every((u) => u.path.includes(ids.committee))).toBe(true);
    expect(mine.map((u) => u.id)).toEqual(expect.arrayContaining([ids.general, ids.leaf, ids.sibling]));

    // Inside: a roster, a new unit (created later under the scope is inside it), a rename.
    const roster = await ok<Page<MemberRow>>('demo-m-03', 'listMembers', { unitId: ids.leaf, limit: 20 });
    expect(roster.items.map((m) => m.name)).toEqual(['陈静']);
    const later = await create(ids.leaf, '第一党小组', 'group', 'demo-m-03');
    expect((await units('demo-m-03')).map((u) => u.id)).toContain(later.id);

    // Outside: a sibling subtree (the work department) and the demo branches.
    expect(await org('demo-m-03', 'listMembers', { unitId: 'br-office', limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await org('demo-m-03', 'createUnit', { parentId: ids.work, name: '越权支部', kind: 'branch' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await org('demo-m-03', 'moveUnit', { unitId: ids.leaf, parentId: ids.work })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await org('demo-m-03', 'moveMember', { memberId: 'demo-member-02', unitId: ids.leaf })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The organisers page: the admin sees her with her scope; she sees the organisers of her subtree only.
    const organisers = await ok<{ items: Array<{ name: string; manages: Array<{ id: string }>; role: string }> }>(ADMIN, 'listOrganisers');
    expect(organisers.items.find((o) => o.name === '陈静')).toMatchObject({ role: 'unit_organiser', manages: [{ id: ids.committee }] });
    expect(organisers.items.map((o) => o.name)).toEqual(expect.arrayContaining(['张伟', '李强', '陈静']));
    const hers = await ok<{ items: Array<{ name: string }> }>('demo-m-03', 'listOrganisers');
    expect(hers.items.map((o) => o.name)).toEqual(['陈静']);
    // Nor can they move or close the top of their own scope.
    expect(await org('demo-m-03', 'closeUnit', { unitId: ids.committee })).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('GIVEN an audience of a middle unit THEN it reaches members of every unit below it', async () => {
    const challenge = { title: '总支读书月', startDay: '2036-01-01', endDay: '2036-12-31', requiredDays: 10, unitIds: [ids.general] };
    const created = await t.call('demo-m-03', 'checkin', 'createChallenge', challenge);
    expect(created).toMatchObject({ ok: true });
    const mineNow = await t.call<Array<{ title: string }>>('demo-m-03', 'checkin', 'myChallenges', {});
    expect(dataOf(mineNow).map((c) => c.title)).toContain('总支读书月');
    const other = await t.call<Array<{ title: string }>>('demo-member', 'checkin', 'myChallenges', {});
    expect(dataOf(other).map((c) => c.title)).not.toContain('总支读书月');
  });

  it('refuses to close a unit while an activity is open to it, naming it; closes once it is over', async () => {
    const temp = await create(ids.general, '临时党支部', 'branch');
    const challenge = { title: '临时支部打卡', startDay: '2036-01-01', endDay: '2036-12-31', requiredDays: 5, unitIds: [temp.id] };
    const made = dataOf(await t.call<{ id: string }>(ADMIN, 'checkin', 'createChallenge', challenge));
    const refused = await org(ADMIN, 'closeUnit', { unitId: temp.id });
    expect(refused).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(!refused.ok && refused.message).toContain('打卡活动“临时支部打卡”');
    expect((await unitDoc(temp.id))?.status).toBe('active');
    dataOf(await t.call(ADMIN, 'checkin', 'cancelChallenge', { challengeId: made.id }));
    await expect(ok(ADMIN, 'closeUnit', { unitId: temp.id })).resolves.toMatchObject({ unit: { status: 'closed' } });
  });

  it('closes a unit: its members move on, its invite code stops working, its history is kept', async () => {
    const leafDoc = await unitDoc(ids.sibling);
    const code = leafDoc?.inviteCode as string;
    // 刘洋 (demo-member-02) joins the third branch first, then the branch is closed and she moves on.
    await ok(ADMIN, 'moveMember', { memberId: 'demo-member-02', unitId: ids.sibling });
    const closed = await ok<{ unit: ManagedUnit; movedMembers: number }>(ADMIN, 'closeUnit', { unitId: ids.sibling, moveMembersTo: ids.leaf });
    expect(closed).toMatchObject({ movedMembers: 1, unit: { status: 'closed', inviteCode: null } });
    expect((await memberDoc('demo-member-02'))?.unitId).toBe(ids.leaf);
    expect(await unitDoc(ids.sibling)).toMatchObject({ status: 'closed', memberCount: 0, name: '离退休第三党支部' });
    expect(await t.call('o-late', 'org', 'bindMember', { name: '新人', inviteCode: code })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A closed unit takes no new children and cannot be closed twice; it is still listed, marked closed.
    expect(await org(ADMIN, 'createUnit', { parentId: ids.sibling, name: '新支部', kind: 'branch' })).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await org(ADMIN, 'closeUnit', { unitId: ids.sibling })).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect((await units()).find((u) => u.id === ids.sibling)?.status).toBe('closed');
  });
});
