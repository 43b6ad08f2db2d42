// The first org admin of a fresh install is granted by command (npm run admin:grant), never by an
// id in the code. The command's logic runs here against an empty local cloud.
import type { Me } from '../../core/contracts';
import { grantAdmin } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

describe('admin:grant on a fresh install', () => {
  it('refuses to guess an organisation that does not exist', async () => {
    await expect(grantAdmin(t.db, { openid: 'o-first-admin' })).rejects.toThrow('--org-name');
  });

  it('creates the organisation and an org admin bound to the openid, who can then manage it', async () => {
    const r = await grantAdmin(t.db, { openid: 'o-first-admin', orgName: '某县委组织部机关党委', name: '赵书记' });
    expect(r.created).toBe(true);
    const me = dataOf(await t.call<Me>('o-first-admin', 'org', 'getMe'));
    expect(me).toMatchObject({ bound: true, canManage: true, member: { name: '赵书记', role: 'org_admin', org: { name: '某县委组织部机关党委' } } });
    const units = dataOf(await t.call<{ units: Array<{ name: string; kind: string }> }>('o-first-admin', 'org', 'listUnits'));
    expect(units.units).toEqual([expect.objectContaining({ name: '某县委组织部机关党委', kind: 'org' })]);
  });

  it('running it again, or for an already bound member, promotes without duplicating', async () => {
    const again = await grantAdmin(t.db, { openid: 'o-first-admin', orgName: '某县委组织部机关党委' });
    expect(again.created).toBe(false);
    expect(t.cloud.db.count('members', {})).toBe(1);
    expect(t.cloud.db.count('units', { kind: 'org' })).toBe(1);
  });

  it('an unbound openid cannot manage anything before the grant', async () => {
    expect(await t.call('o-someone', 'org', 'listUnits')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
