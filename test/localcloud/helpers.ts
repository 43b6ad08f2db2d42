// Test helpers for the local cloud: start one cloud per test file with the fixture functions, run
// SDK code inside a real function instance, and post raw admin requests.
import { request } from 'node:http';
import { join } from 'node:path';
import { LocalCloud, LocalCloudOptions, startLocalCloud } from '../../localcloud';

export const FIXTURES = join(__dirname, 'fixtures', 'functions');

export function startTestCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  // 16 instances per function unless a test says otherwise (the default, 32, is for npm start).
  return startLocalCloud({ dataDir: ':memory:', functionsDir: FIXTURES, maxInstancesPerFunction: 16, ...opts });
}

/**
 * Runs `code` (the body of an async function with cloud, db, _, $, capture and args in scope)
 * inside the sdk-eval fixture, through the real wx-server-sdk, and returns its value.
 */
export async function runSdk<T = unknown>(
  cloud: LocalCloud,
  code: string,
  args: Record<string, unknown> = {},
  openid = 'o-test',
): Promise<T> {
  const { result } = await cloud.invoke('sdk-eval', { code, args }, { openid });
  return result as T;
}

/** What `capture(promise)` resolves to inside the fixtures. */
export interface Captured<T = unknown> {
  ok: boolean;
  value?: T;
  errCode?: number;
  errMsg?: string;
  code?: string;
  message?: string;
}

/** A raw admin call, as the SDK would send it (for actions wx-server-sdk does not expose). */
export async function adminPost(cloud: LocalCloud, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await rawAdmin(cloud, { ...adminCredentials(cloud), envName: cloud.envId, wxCloudApiToken: '', ...body });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as Record<string, unknown>;
}

/** The run's credentials as the SDK sends them: the secret id in Authorization, the token in the body. */
export function adminCredentials(cloud: LocalCloud): { sessionToken: string } {
  return { sessionToken: cloud.sdkEnv().TENCENTCLOUD_SESSIONTOKEN ?? '' };
}

export function sdkAuthorization(secretId: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `TC3-HMAC-SHA256 Credential=${secretId}/${day}/tcb/tc3_request, SignedParams=action, SignedHeaders=content-type;host, Signature=00`;
}

/**
 * POST /admin through node:http (fetch adds Sec-Fetch-Mode, which the endpoint refuses as a
 * browser's). Headers default to the SDK's; `headers` overrides or adds (a null value removes).
 */
export function rawAdmin(
  cloud: LocalCloud,
  body: unknown,
  headers: Record<string, string | null> = {},
  rawBody?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(cloud.adminUrl);
  const text = rawBody ?? JSON.stringify(body);
  const all: Record<string, string | null> = {
    'Content-Type': 'application/json',
    Authorization: sdkAuthorization(cloud.sdkEnv().TENCENTCLOUD_SECRETID ?? ''),
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: `${url.pathname}?env=${cloud.envId}&seqId=test`, method: 'POST', headers: sent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
