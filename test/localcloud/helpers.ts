// Test helpers for the local cloud: start one cloud per test file with the fixture functions, run
// SDK code inside a real function instance, and post raw admin requests.
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
  const res = await fetch(`${cloud.adminUrl}?env=${cloud.envId}&seqId=test`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ envName: cloud.envId, wxCloudApiToken: '', ...body }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}
