// Database operations per action, pinned: identity is read on every call, so its cost is paid by
// every feature. A change that adds a read to these paths must change this test on purpose.
import { startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

const cost = async (openid: string, action: string, payload: unknown = {}) => {
  const { result, stats } = await t.invoke(openid, 'org', action, payload);
  expect(result).toMatchObject({ ok: true });
  return { reads: stats.reads, writes: stats.writes };
};

describe('org action cost in database operations', () => {
  it('getMe for a bound member: identity (1 read by _id, it carries the caller) + unit names (1 read), no writes', async () => {
    await expect(cost('demo-member', 'getMe')).resolves.toEqual({ reads: 2, writes: 0 });
  });

  it('getMe for an unknown openid: identity miss + request miss, no writes', async () => {
    await expect(cost('o-unknown', 'getMe')).resolves.toEqual({ reads: 2, writes: 0 });
  });

  it('a roster page: identity (1) + unit check (1) + one indexed page query (1)', async () => {
    await expect(cost('demo-organiser', 'listMembers', { unitId: 'br-school', limit: 20 })).resolves.toEqual({ reads: 3, writes: 0 });
  });

  it('a refused payload costs nothing: validation happens before any read', async () => {
    const { result, stats } = await t.invoke('demo-member', 'org', 'listMembers', { unitId: '../x' });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect([stats.reads, stats.writes]).toEqual([0, 0]);
  });

  it('binding: a fixed number of operations, independent of the roster size', async () => {
    // identity miss, invite code, unit, same-name query | tx: read entry, add identity, update entry,
    // commit | counter, request settle | getMe (2 reads: identity, unit names) | the attempt limit
    // (issue 14, item 4): its window's document created before the code is checked, its token
    // given back as the code was right (2 writes)
    const { reads, writes } = await cost('o-cost', 'bindMember', { name: '林晓', inviteCode: 'SYZX02' });
    expect({ reads, writes }).toEqual({ reads: 7, writes: 7 });
  });
});
