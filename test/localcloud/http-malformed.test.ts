// Malformed requests at the HTTP door are the caller's mistake: 400 INVALID_ARGUMENT in the
// project's envelope, never a 500 and never a crashed host.
import { connect } from 'node:net';
import type { LocalCloud } from '../../localcloud';
import { startTestCloud } from './helpers';

let cloud: LocalCloud;
let token: string;

beforeAll(async () => {
  cloud = await startTestCloud({ invocationTimeoutMs: 5000 });
  const res = await fetch(`${cloud.url}/api/dev/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid: 'o-malformed' }),
  });
  token = ((await res.json()) as { data: { token: string } }).data.token;
});

afterAll(async () => {
  await cloud.close();
});

/** Sends raw bytes (a request fetch would refuse to build) and returns the status line's code. */
function rawStatus(request: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : 0, text });
    });
    socket.end(request);
  });
}

async function expectInvalid(res: Response): Promise<void> {
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
}

async function stillServes(): Promise<void> {
  const res = await fetch(`${cloud.url}/api/fn/whoami`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: '{}',
  });
  expect(res.status).toBe(200);
}

test('a bad percent-escape in a function name is 400 INVALID_ARGUMENT, signed in or not', async () => {
  const auth = { Authorization: `Bearer ${token}` };
  await expectInvalid(await fetch(`${cloud.url}/api/fn/%`, { method: 'POST', headers: auth, body: '{}' }));
  await expectInvalid(await fetch(`${cloud.url}/api/fn/%`, { method: 'GET', headers: auth }));
  await expectInvalid(await fetch(`${cloud.url}/api/fn/%E0%A4%A`, { method: 'POST', body: '{}' }));
  await expectInvalid(await fetch(`${cloud.url}/api/fn/who%ZZami`, { method: 'POST', headers: auth, body: '{}' }));
  await stillServes();
});

test('request targets no URL parser accepts are 400, and the host keeps serving', async () => {
  for (const target of ['//[', 'http://[::1', '/api/fn/%', '//%zz', 'http://']) {
    const { status, text } = await rawStatus(`POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect([target, status]).toEqual([target, 400]);
    expect(text).not.toContain('INTERNAL');
  }
  await stillServes();
});

test('a body nested 10,000 levels deep is 400 INVALID_ARGUMENT, arrays or objects', async () => {
  const depth = 10_000;
  const arrays = '['.repeat(depth) + ']'.repeat(depth);
  const objects = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const before = cloud.functionCounts().whoami?.invocations ?? 0;
  const inPayload = `{"action":"x","payload":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
  for (const body of [arrays, objects, inPayload]) {
    const res = await fetch(`${cloud.url}/api/fn/whoami`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
    });
    await expectInvalid(res);
  }
  expect(cloud.functionCounts().whoami?.invocations ?? 0).toBe(before);
  await stillServes();
});

test('ordinary nesting, and brackets inside strings, are not depth', async () => {
  const deepString = JSON.stringify({ text: '['.repeat(5000) + '{'.repeat(5000) });
  const res = await fetch(`${cloud.url}/api/fn/whoami`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: deepString,
  });
  expect(res.status).toBe(200);
  const nested = '{"a":'.repeat(20) + '[1,{"b":"\\"]"}]' + '}'.repeat(20);
  const ok = await fetch(`${cloud.url}/api/fn/whoami`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: nested,
  });
  expect(ok.status).toBe(200);
});
