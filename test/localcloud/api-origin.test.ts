// The H5 host's /api/* answers pages of this machine only. With `Access-Control-Allow-Origin: *`
// any web page the developer visited could sign in through dev login as anyone (the org admin's
// demo key included) and call every function as them.
import type { LocalCloud } from '../../localcloud';
import { startTestCloud } from './helpers';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ resolveDemoKey: (key) => (key === 'demo-admin' ? 'o-demo-admin' : undefined) });
});

afterAll(async () => {
  await cloud.close();
});

function login(origin?: string): Promise<Response> {
  return fetch(`${cloud.url}/api/dev/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: JSON.stringify({ key: 'demo-admin' }),
  });
}

test('a page of another site can neither sign in nor read an answer', async () => {
  for (const origin of ['https://evil.example', 'http://192.168.1.20:8080', 'null']) {
    const res = await login(origin);
    expect([origin, res.status]).toEqual([origin, 403]);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.text()).not.toContain('token');
    // Its preflight is not granted either.
    const pre = await fetch(`${cloud.url}/api/fn/whoami`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  }
});

test('the app itself, a dev server on this machine, and callers without a browser still work', async () => {
  const same = await login(cloud.url);
  expect(same.status).toBe(200);
  const dev = await login('http://localhost:10086');
  expect(dev.status).toBe(200);
  expect(dev.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
  const pre = await fetch(`${cloud.url}/api/fn/whoami`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://127.0.0.1:10086', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
  });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086');
  expect((await login()).status).toBe(200);
});
