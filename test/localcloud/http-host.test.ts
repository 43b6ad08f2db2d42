// The HTTP host the H5 build talks to: dev login, /api/fn/<name>, /api/upload and static files.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '../../localcloud';
import { startTestCloud } from './helpers';

let cloud: LocalCloud;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'localcloud-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>h5</title>');
  mkdirSync(join(staticDir, 'js'));
  writeFileSync(join(staticDir, 'js', 'app.js'), 'console.log(1)');
  cloud = await startTestCloud({
    staticDir,
    invocationTimeoutMs: 1500,
    resolveDemoKey: (key) => (key === 'demo-admin' ? 'o-demo-admin' : undefined),
  });
});

afterAll(async () => {
  await cloud.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function post(path: string, body: unknown, token?: string, raw?: string): Promise<Response> {
  return fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
}

async function login(body: unknown): Promise<string> {
  const res = await post('/api/dev/login', body);
  expect(res.status).toBe(200);
  const json = (await res.json()) as { ok: boolean; data: { token: string } };
  return json.data.token;
}

test('dev login by openid or demo key returns a token; a bad key is 400 INVALID_ARGUMENT', async () => {
  const res = await post('/api/dev/login', { openid: 'o-h5' });
  expect(await res.json()).toEqual({ ok: true, data: { token: expect.any(String), openid: 'o-h5' } });
  const byKey = await post('/api/dev/login', { key: 'demo-admin' });
  expect(((await byKey.json()) as { data: { openid: string } }).data.openid).toBe('o-demo-admin');
  const bad = await post('/api/dev/login', { key: 'nope' });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  const notJson = await post('/api/dev/login', null, undefined, '{oops');
  expect(notJson.status).toBe(400);
});

test('POST /api/fn/<name> runs the function as the logged-in user and reports DB reads/writes', async () => {
  cloud.db.createCollection('h5');
  const token = await login({ openid: 'o-h5-user' });
  const who = await post('/api/fn/whoami', { userInfo: { openId: 'forged' } }, token);
  expect(who.status).toBe(200);
  expect(((await who.json()) as { before: { OPENID: string; SOURCE: string } }).before).toMatchObject({
    OPENID: 'o-h5-user',
    SOURCE: 'wx_client',
  });
  const code = `await db.collection('h5').add({ data: { a: 1 } }); return { ok: true, data: (await db.collection('h5').count()).total };`;
  const res = await post('/api/fn/sdk-eval', { code }, token);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true, data: 1 });
  expect(res.headers.get('x-db-reads')).toBe('1');
  expect(res.headers.get('x-db-writes')).toBe('1');
});

test('/api/fn without a valid token is 401 UNAUTHENTICATED', async () => {
  const none = await post('/api/fn/whoami', {});
  expect(none.status).toBe(401);
  expect(await none.json()).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
  const wrong = await post('/api/fn/whoami', {}, 'not-a-token');
  expect(wrong.status).toBe(401);
});

test('/api/fn: unknown function 404, bad or oversized body 400, throw or timeout 500 without the real error', async () => {
  const token = await login({ openid: 'o-h5-err' });
  const missing = await post('/api/fn/nope', {}, token);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  const badJson = await post('/api/fn/whoami', null, token, 'not json');
  expect(badJson.status).toBe(400);
  expect(await badJson.json()).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  const big = await post('/api/fn/whoami', { pad: 'x'.repeat(1024 * 1024 + 10) }, token);
  expect(big.status).toBe(400);
  const thrown = await post('/api/fn/boom', { message: 'secret internals' }, token);
  expect(thrown.status).toBe(500);
  const body = (await thrown.json()) as Record<string, unknown>;
  expect(body).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' });
  const slow = await post('/api/fn/slow', { ms: 3000 }, token);
  expect(slow.status).toBe(500);
});

test('POST /api/upload stores the file at an upload ticket path only, once, and returns its fileID', async () => {
  const token = await login({ openid: 'o-up' });
  const ticketPath = `uploads/photo/${'a'.repeat(32)}-${'b'.repeat(32)}/photo_1.png`;
  const upload = (path: string, body: string) =>
    fetch(`${cloud.url}/api/upload?path=${encodeURIComponent(path)}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: Buffer.from(body) });
  const res = await upload(ticketPath, 'png-bytes');
  expect(res.status).toBe(200);
  const { data } = (await res.json()) as { data: { fileID: string } };
  expect(data.fileID).toBe(`cloud://local-dev.local-bucket/${ticketPath}`);
  // Never overwritten, as WeChat storage lets only a file's creator overwrite it.
  const again = await upload(ticketPath, 'other');
  expect(again.status).toBe(409);
  expect(await again.json()).toMatchObject({ ok: false, code: 'CONFLICT' });
  for (const path of ['', 'uploads/o-up/a.png', '../照片 1.png', `uploads/photo/${'a'.repeat(32)}-${'b'.repeat(32)}/page.html`, `exports/x/${'a'.repeat(32)}-${'b'.repeat(32)}/a.png`]) {
    const refused = await upload(path, 'x');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  }
  const anonymous = await fetch(`${cloud.url}/api/upload?path=${encodeURIComponent(ticketPath)}`, { method: 'POST', body: Buffer.from('x') });
  expect(anonymous.status).toBe(401);
});

test('POST /api/upload takes a campaign report document (pdf, doc, docx, xls, xlsx, jpg, png) at its ticket path', async () => {
  const token = await login({ openid: 'o-doc' });
  for (const [i, ext] of ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'png'].entries()) {
    const path = `uploads/document/${String(i).repeat(32)}-${'c'.repeat(32)}/plan.${ext}`;
    const res = await fetch(`${cloud.url}/api/upload?path=${encodeURIComponent(path)}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: Buffer.from('bytes') });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { fileID: string } }).data.fileID).toBe(`cloud://local-dev.local-bucket/${path}`);
  }
});

test('static files are served with their content type; unknown paths fall back to index.html', async () => {
  const js = await fetch(`${cloud.url}/js/app.js`);
  expect(js.headers.get('content-type')).toContain('text/javascript');
  expect(await js.text()).toBe('console.log(1)');
  const page = await fetch(`${cloud.url}/pages/exam/index`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('<title>h5</title>');
  const missingAsset = await fetch(`${cloud.url}/js/missing.js`);
  expect(missingAsset.status).toBe(404);
  const traversal = await fetch(`${cloud.url}/..%2F..%2Fetc%2Fpasswd`);
  expect(await traversal.text()).toContain('<title>h5</title>');
});

test('with devLogin false, /api/dev/login does not exist', async () => {
  const prod = await startTestCloud({ devLogin: false });
  try {
    const res = await fetch(`${prod.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'o' }) });
    expect(res.status).toBe(404);
  } finally {
    await prod.close();
  }
});
