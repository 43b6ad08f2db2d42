// Data written before the organisation tree (units without paths, roster entries without unit
// paths, identities without the caller's fields) is brought up to it, once, and then works.
import type { ManagedUnit } from '../../core/contracts/org';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import { migrateRenamedCollections, migrateToTree } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

describe('migrating to the organisation tree', () => {
  it('GIVEN round-1 documents THEN after the migration the admin manages the tree and a member is who they were', async () => {
    const now = new Date();
    const unit = (id: string, kind: string, parentId: string | null, name: string) => ({ _id: id, kind, name, parentId, orgId: 'old-org', inviteCode: null, memberCount: 1, boundCount: 1, createdAt: now });
    await insertMany(t.db, COLLECTIONS.units, [unit('old-org', 'org', null, '老单位党委'), unit('old-br', 'branch', 'old-org', '老支部')]);
    const member = (id: string, unitId: string, role: string, openid: string) => ({ _id: id, orgId: 'old-org', unitId, name: id === 'm-admin' ? '赵书记' : '王老', phone: null, category: 'full', role, manages: [], openid, boundAt: now, source: 'seed', createdAt: now, updatedAt: now });
    await insertMany(t.db, COLLECTIONS.members, [member('m-admin', 'old-org', 'org_admin', 'o-old-admin'), member('m-old', 'old-br', 'member', 'o-old-member')]);
    await insertMany(t.db, COLLECTIONS.identities, [
      { _id: 'o-old-admin', memberId: 'm-admin', orgId: 'old-org', createdAt: now },
      { _id: 'o-old-member', memberId: 'm-old', orgId: 'old-org', createdAt: now },
    ]);

    await expect(migrateToTree(t.db)).resolves.toEqual({ units: 2, members: 2 });
    await expect(migrateToTree(t.db)).resolves.toEqual({ units: 0, members: 0 }); // once only

    const units = dataOf(await t.call<{ units: ManagedUnit[] }>('o-old-admin', 'org', 'listUnits')).units;
    expect(units.map((u) => [u.name, u.depth, u.path])).toEqual([
      ['老单位党委', 0, ['old-org']],
      ['老支部', 1, ['old-org', 'old-br']],
    ]);
    const me = dataOf(await t.call<{ bound: boolean; member: { name: string; unit: { name: string } } }>('o-old-member', 'org', 'getMe'));
    expect(me).toMatchObject({ bound: true, member: { name: '王老', unit: { name: '老支部' } } });
    // The old identity was rebuilt on its first use: the next call reads it alone.
    const { stats } = await t.invoke('o-old-member', 'org', 'getMe');
    expect(stats.reads).toBe(2);
    // The tree's rules hold for the migrated units: a sibling of the same name is refused.
    expect(await t.call('o-old-admin', 'org', 'createUnit', { parentId: 'old-org', name: '老支部', kind: 'branch' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('renamed collections', () => {
  it('GIVEN round-1 check-in campaigns THEN they are challenges after the migration, once, with their ids', async () => {
    const now = new Date();
    const old = (id: string) => ({ _id: id, orgId: 'old-org', title: `打卡活动${id}`, audience: ['ALL'], startDay: '2026-11-01', endDay: '2026-11-30', requiredDays: 20, status: 'active', createdAt: now });
    await t.db.createCollection('checkinCampaigns');
    await insertMany(t.db, 'checkinCampaigns', [old('c1'), old('c2')]);
    await expect(migrateRenamedCollections(t.db)).resolves.toEqual({ checkinCampaigns: 2 });
    await expect(migrateRenamedCollections(t.db)).resolves.toEqual({ checkinCampaigns: 0 });
    expect(t.cloud.db.find(COLLECTIONS.checkinChallenges, {}).map((d) => [d._id, d.title])).toEqual([
      ['c1', '打卡活动c1'],
      ['c2', '打卡活动c2'],
    ]);
  });
});
