// Fail closed: no function the local cloud runs may reach a host outside this machine. Every way
// out is refused by the local cloud itself, before anything leaves, and logged loudly. The names
// are under .invalid, so nothing could leave even if the guard failed.
import type { LocalCloud } from '../../localcloud';
import { startTestCloud } from './helpers';

let cloud: LocalCloud;
const lines: string[] = [];

beforeAll(async () => {
  cloud = await startTestCloud({ maxInstancesPerFunction: 2, logger: (line) => lines.push(line) });
});

afterAll(async () => {
  await cloud.close();
});

const attempt = async (how: string) => (await cloud.invoke('reach-out', { how }, { openid: 'o-1' })).result as { ok: boolean; code?: string; message?: string };

test.each([
  ['http', 'connect to outside.example.invalid:80'],
  ['https', 'connect to api.example.invalid:443'],
  ['socket', 'connect to socket.example.invalid:443'],
  ['lookup', 'look up name.example.invalid'],
  ['lookup-promise', 'look up promise.example.invalid'],
  ['fetch', 'connect to fetch.example.invalid:80'],
])('%s to an outside host is refused by the local cloud and logged', async (how, what) => {
  const result = await attempt(how);
  expect(result).toMatchObject({ ok: false, code: 'ELOCALCLOUDBLOCKED' });
  expect(result.message).toContain(`[localcloud] ${what} refused`);
  expect(lines).toContainEqual(`[guard] reach-out tried to ${what}: refused (functions run by the local cloud may reach only this machine)`);
});

test('this machine stays reachable', async () => {
  await expect(attempt('local')).resolves.toEqual({ ok: true, value: 'here' });
});
