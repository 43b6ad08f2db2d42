// The function host: identity per invocation, warm instances, one invocation at a time per instance,
// timeouts, callFunction between functions and the settable clock.
import type { LocalCloud } from '../../localcloud';
import { startTestCloud } from './helpers';

interface WhoAmI {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  instanceId: string;
  userInfo: unknown;
  functionName: string;
  offsetMs: number;
}

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ invocationTimeoutMs: 1500, maxInstancesPerFunction: 4 });
});

afterAll(async () => {
  await cloud.close();
});

test('getWXContext() gives the caller OPENID, APPID, ENV and SOURCE, as in a WeChat invocation', async () => {
  const { result } = await cloud.invoke('whoami', { userInfo: { openId: 'forged' } }, { openid: 'o-alice' });
  const me = result as WhoAmI;
  expect(me.before).toEqual({ OPENID: 'o-alice', APPID: 'wx-local-app', ENV: 'local-dev', SOURCE: 'wx_client' });
  // The platform overwrites event.userInfo with the real caller.
  expect(me.userInfo).toEqual({ appId: 'wx-local-app', openId: 'o-alice' });
  expect(me.functionName).toBe('whoami');
});

test('50 concurrent invocations from 50 users each see their own OPENID, on reused instances', async () => {
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => cloud.invoke('whoami', { delayMs: 20 }, { openid: `o-user-${i}` })),
  );
  results.forEach(({ result }, i) => {
    const me = result as WhoAmI;
    expect(me.before.OPENID).toBe(`o-user-${i}`);
    expect(me.after.OPENID).toBe(`o-user-${i}`);
  });
  const instances = new Set(results.map(({ result }) => (result as WhoAmI).instanceId));
  expect(instances.size).toBeGreaterThan(1);
  expect(instances.size).toBeLessThanOrEqual(4);
});

test('module state survives between invocations on the same instance (instances are reused)', async () => {
  const first = (await cloud.invoke('state', { ms: 1 }, { openid: 'o-s' })).result as { instanceId: string; calls: number };
  const second = (await cloud.invoke('state', { ms: 1 }, { openid: 'o-s' })).result as { instanceId: string; calls: number };
  expect(second.instanceId).toBe(first.instanceId);
  expect(second.calls).toBe(first.calls + 1);
});

test('an instance runs one invocation at a time; extra calls queue', async () => {
  const results = await Promise.all(Array.from({ length: 12 }, () => cloud.invoke('state', { ms: 30 }, { openid: 'o-s' })));
  const states = results.map((r) => r.result as { instanceId: string; maxActive: number });
  expect(states.every((s) => s.maxActive === 1)).toBe(true);
  expect(new Set(states.map((s) => s.instanceId)).size).toBeLessThanOrEqual(4);
});

test('a function that runs past its timeout fails and its instance is replaced', async () => {
  await expect(cloud.invoke('slow', { ms: 3000 }, { openid: 'o-t' })).rejects.toThrow('Task timed out after 1.50 seconds');
  const { result } = await cloud.invoke('slow', { ms: 1 }, { openid: 'o-t' });
  expect(result).toEqual({ slept: 1 });
});

test('a function that throws rejects invoke() with its error', async () => {
  await expect(cloud.invoke('boom', { message: 'kaput' }, { openid: 'o-b' })).rejects.toThrow('kaput');
});

test('a bundle that throws while loading fails every waiting call with its error', async () => {
  const calls = [cloud.invoke('broken', {}, { openid: 'o-b' }), cloud.invoke('broken', {}, { openid: 'o-b' })];
  for (const call of calls) await expect(call).rejects.toThrow('cannot load this bundle');
});

test('invoking a missing function rejects with not_found', async () => {
  await expect(cloud.invoke('does-not-exist', {}, { openid: 'o-b' })).rejects.toMatchObject({ kind: 'not_found' });
});

test('callFunction runs the callee as the same user with SOURCE "<caller>,scf"', async () => {
  const { result } = await cloud.invoke('caller', { target: 'whoami' }, { openid: 'o-carol' });
  const res = result as { me: Record<string, unknown>; callee: WhoAmI };
  expect(res.me.OPENID).toBe('o-carol');
  expect(res.callee.before).toMatchObject({ OPENID: 'o-carol', APPID: 'wx-local-app', SOURCE: 'wx_client,scf' });
});

test('callFunction to a throwing function rejects with FUNCTIONS_EXECUTE_FAIL and its message', async () => {
  const { result } = await cloud.invoke('caller', { target: 'boom', data: { message: 'inner failure' } }, { openid: 'o-c' });
  expect((result as { error: unknown }).error).toEqual({
    errCode: -1,
    code: 'FUNCTIONS_EXECUTE_FAIL',
    errMsg: 'callFunction:fail Error: inner failure',
  });
});

test('callFunction to a missing function rejects with FUNCTION_NOT_FOUND', async () => {
  const { result } = await cloud.invoke('caller', { target: 'nope' }, { openid: 'o-c' });
  expect((result as { error: { code: string } }).error.code).toBe('FUNCTION_NOT_FOUND');
});

test('the settable clock offset reaches every invocation as LOCALCLOUD_TIME_OFFSET_MS', async () => {
  cloud.clock.set(Date.now() + 3_600_000);
  try {
    const { result } = await cloud.invoke('whoami', {}, { openid: 'o-clock' });
    expect((result as WhoAmI).offsetMs).toBeGreaterThan(3_590_000);
    expect(cloud.clock.now() - Date.now()).toBeGreaterThan(3_590_000);
  } finally {
    cloud.clock.reset();
  }
  const { result } = await cloud.invoke('whoami', {}, { openid: 'o-clock' });
  expect((result as WhoAmI).offsetMs).toBe(0);
});

test('reloadFunctions() replaces warm instances (module state starts over)', async () => {
  const before = (await cloud.invoke('state', { ms: 1 }, { openid: 'o-r' })).result as { instanceId: string };
  await cloud.reloadFunctions();
  const after = (await cloud.invoke('state', { ms: 1 }, { openid: 'o-r' })).result as { instanceId: string; calls: number };
  expect(after.instanceId).not.toBe(before.instanceId);
  expect(after.calls).toBe(1);
});

test('sdkEnv() points a process at this cloud', () => {
  const env = cloud.sdkEnv();
  expect(JSON.parse(env.TCB_CONTEXT_CNFG)).toEqual({ URL: cloud.adminUrl });
  expect(env).toMatchObject({ TENCENTCLOUD: 'true', SCF_NAMESPACE: 'local-dev', TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SOURCE,TCB_CONTEXT_CNFG', SILENCE: 'true' });
  expect(env.TENCENTCLOUD_SECRETID).not.toBe('');
});
