// POST /admin, the database/storage/functions protocol endpoint, opens only to what the SDK
// presents: the run's secret id in its Authorization header and the run's session token in the
// body, from loopback, under a loopback Host name, never from a browser. Everything else is
// refused before it reaches the database or a function.
import type { LocalCloud } from '../../localcloud';
import { sdkCloud } from '../../scripts/lib/sdk';
import { adminCredentials, adminPost, rawAdmin, runSdk, sdkAuthorization, startTestCloud } from './helpers';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  cloud.db.createCollection('door');
  cloud.db.insert('door', { _id: 'kept', phone: '13800001234' });
  cloud.db.createCollection('ticks');
  cloud.db.createCollection('activities');
  cloud.db.createCollection('signups');
});

afterAll(async () => {
  await cloud.close();
});

const write = { action: 'database.addCollection', collectionName: 'intruder' };
const read = { action: 'database.getDocument', collectionName: 'door', queryType: 'WHERE', query: '{}', limit: 10 };

function snapshot(): unknown {
  return { collections: cloud.db.listCollections().sort(), door: cloud.db.find('door', {}) };
}

async function expectRefused(res: { status: number; text: string }): Promise<void> {
  expect(res.status).toBe(403);
  expect(res.text).not.toContain('13800001234');
}

test('the run has its own credentials: not the constants of earlier versions, and a session token', () => {
  const env = cloud.sdkEnv();
  expect(env.TENCENTCLOUD_SECRETID).not.toBe('localcloud-secret-id');
  expect(env.TENCENTCLOUD_SECRETKEY).not.toBe('localcloud-secret-key');
  expect(env.TENCENTCLOUD_SESSIONTOKEN).toMatch(/^[0-9a-f]{32,}$/);
});

test('with the credentials the SDK presents, a raw request is served', async () => {
  const reply = await adminPost(cloud, read);
  expect(JSON.stringify(reply)).toContain('13800001234');
});

test('without credentials: refused, nothing read, the database unchanged', async () => {
  const before = snapshot();
  await expectRefused(await rawAdmin(cloud, write, { Authorization: null }));
  await expectRefused(await rawAdmin(cloud, read, { Authorization: null }));
  // The secret id alone (it travels in a header) is not enough: the session token is missing.
  await expectRefused(await rawAdmin(cloud, read));
  await expectRefused(await rawAdmin(cloud, write));
  expect(snapshot()).toEqual(before);
});

test('with wrong credentials: refused, the database unchanged', async () => {
  const before = snapshot();
  const good = adminCredentials(cloud);
  await expectRefused(await rawAdmin(cloud, { ...write, sessionToken: 'f'.repeat(64) }));
  await expectRefused(await rawAdmin(cloud, { ...write, sessionToken: '' }));
  await expectRefused(await rawAdmin(cloud, { ...write, sessionToken: good.sessionToken.slice(0, -1) }));
  await expectRefused(await rawAdmin(cloud, { ...read, ...good }, { Authorization: sdkAuthorization('AKIDguessed') }));
  await expectRefused(await rawAdmin(cloud, { ...write, ...good }, { Authorization: 'Bearer x' }));
  expect(snapshot()).toEqual(before);
});

test('from a browser (Origin, Sec-Fetch-*, a text/plain simple request): refused even with the credentials', async () => {
  const before = snapshot();
  const body = { ...write, ...adminCredentials(cloud) };
  await expectRefused(await rawAdmin(cloud, body, { Origin: 'https://evil.example' }));
  await expectRefused(await rawAdmin(cloud, body, { Origin: 'null' }));
  await expectRefused(await rawAdmin(cloud, body, { 'Sec-Fetch-Site': 'cross-site' }));
  await expectRefused(await rawAdmin(cloud, body, { 'Sec-Fetch-Mode': 'no-cors' }));
  await expectRefused(await rawAdmin(cloud, body, { 'Content-Type': 'text/plain' }));
  await expectRefused(await rawAdmin(cloud, body, { 'Content-Type': 'application/x-www-form-urlencoded' }));
  expect(snapshot()).toEqual(before);
});

test('under a Host name that is not loopback (DNS rebinding): refused even with the credentials', async () => {
  const before = snapshot();
  const body = { ...read, ...adminCredentials(cloud) };
  const port = new URL(cloud.adminUrl).port;
  await expectRefused(await rawAdmin(cloud, body, { Host: `rebind.evil.example:${port}` }));
  await expectRefused(await rawAdmin(cloud, body, { Host: `192.168.1.20:${port}` }));
  await expectRefused(await rawAdmin(cloud, { ...write, ...adminCredentials(cloud) }, { Host: 'evil.example' }));
  expect(snapshot()).toEqual(before);
  // Loopback names are fine.
  expect((await rawAdmin(cloud, body, { Host: `localhost:${port}` })).status).toBe(200);
  expect((await rawAdmin(cloud, body, { Host: `[::1]:${port}` })).status).toBe(200);
});

test('a timer job cannot be fired without credentials', async () => {
  const fire = {
    action: 'functions.invokeFunction',
    function_name: 'ticker',
    request_data: JSON.stringify({ Type: 'Timer', TriggerName: 'every-minute', Time: new Date().toISOString() }),
  };
  await expectRefused(await rawAdmin(cloud, fire, { Authorization: null }));
  await expectRefused(await rawAdmin(cloud, fire));
  await expectRefused(await rawAdmin(cloud, { ...fire, ...adminCredentials(cloud) }, { Origin: 'https://evil.example' }));
  expect(cloud.db.count('ticks')).toBe(0);
  expect(cloud.functionCounts().ticker?.invocations ?? 0).toBe(0);
});

test('wx-server-sdk 4.x still works: inside a function instance (JSON and multipart) and in this process', async () => {
  await expect(runSdk(cloud, "return (await db.collection('door').doc('kept').get()).data.phone")).resolves.toBe('13800001234');
  const sdk = sdkCloud({ env: cloud.sdkEnv() });
  const got = (await sdk.database().collection('door').doc('kept').get()) as unknown as { data: { phone: string } };
  expect(got.data.phone).toBe('13800001234');
  // wx.openApi travels as multipart, its credentials as form fields.
  const { result } = await cloud.invoke('openapi', { call: 'msgSecCheck', content: 'hello' }, { openid: 'o-door' });
  expect(result).toMatchObject({ ok: true, value: { errCode: 0 } });
});

test('wx-server-sdk 2.x (a function bringing its own) still works', async () => {
  cloud.db.insert('activities', { _id: 'a-door', capacity: 5 });
  const { result } = await cloud.invoke('signup-legacy', { $url: 'signup', activityId: 'a-door' }, { openid: 'o-legacy' });
  expect(result).toMatchObject({ code: 0, msg: 'ok' });
  expect(cloud.db.count('signups', { activityId: 'a-door' })).toBe(1);
});
