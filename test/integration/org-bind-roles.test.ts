// Binding never hands over a role: a roster entry that carries a role above member (written by an
// older import or before roles went to bound members only) binds as a member with name and invite
// code alone; the role waits for an organiser to confirm it (issue 14, item 3).
import type { BindResult, Me } from '../../core/contracts';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

describe('binding an entry that carries a role', () => {
  it('GIVEN an unbound entry imported as the branch’s organiser WHEN someone binds it with its name and the group’s invite code THEN they are a member, and the role waits', async () => {
    const now = new Date();
    await insertMany(t.db, COLLECTIONS.members, [
      {
        _id: 'm-role-entry',
        orgId: 'org-demo',
        unitId: 'br-school',
        unitPath: ['org-demo', 'br-school'],
        name: '钱书记',
        sortKey: '1:qianshuji',
        phone: null,
        category: 'full',
        role: 'unit_organiser',
        manages: ['br-school'],
        leader: false,
        openid: null,
        boundAt: null,
        source: 'import',
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const bound = dataOf(await t.call<BindResult>('o-claimer', 'org', 'bindMember', { name: '钱书记', inviteCode: 'SYZX02' }));
    expect(bound).toMatchObject({ status: 'bound' });
    const me = dataOf(await t.call<Me>('o-claimer', 'org', 'getMe'));
    expect(me).toMatchObject({ bound: true, canManage: false });
    expect(t.cloud.db.find(COLLECTIONS.identities, { _id: 'o-claimer' })[0]).toMatchObject({ role: 'member', manages: [] });
    expect(t.cloud.db.find(COLLECTIONS.members, { _id: 'm-role-entry' })[0]).toMatchObject({
      role: 'member',
      manages: [],
      openid: 'o-claimer',
      heldRole: { role: 'unit_organiser', manages: ['br-school'] },
    });
    // The roster's organiser actions stay closed to them.
    expect(await t.call('o-claimer', 'org', 'listMembers', { unitId: 'br-school' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
