// A local cloud for one test file: in-memory database, the built cloud functions, the demo
// organisation seeded. Calls go through the function host exactly as the mini-program's would.

import { startLocalCloud, type InvokeResult, type LocalCloud, type LocalCloudOptions } from '../../localcloud';
import type { ContextName } from '../../core/contracts';
import type { Envelope } from '../../core/envelope';
import type { Database } from '../../functions/lib/db';
import { resolveDemoKey } from '../../scripts/lib/demo-data';
import { sdkCloud } from '../../scripts/lib/sdk';
import { ensureCollections, seedDemo } from '../../scripts/lib/setup';
import { localFunctionEnv } from '../../scripts/lib/function-env';
import { INDEXES, indexFields } from '../../functions/lib/collections';
import { unindexedShapes } from './index-coverage';

export interface TestCloud {
  cloud: LocalCloud;
  db: Database;
  sdk: typeof import('wx-server-sdk');
  /** Invoke `fn` as `openid` with `{ action, payload }`; the envelope the function answered. */
  call<T = unknown>(openid: string, fn: ContextName, action: string, payload?: unknown): Promise<Envelope<T>>;
  /** Same, with the invocation's DB counts. */
  invoke(openid: string, fn: ContextName, action: string, payload?: unknown): Promise<InvokeResult>;
  /** Put bytes at any cloud path (as a client may try): an action accepts it only if the path is the caller's ticket. */
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
  /** Upload as the app does: ask `context` for `openid`'s ticket for `purpose`, upload there; the fileID. */
  uploadAs(openid: string, context: ContextName, purpose: string, name: string, bytes: Buffer): Promise<string>;
  /** Stops the cloud; fails if any query this cloud served has no declared index (rule 9). */
  close(): Promise<void>;
}

export async function startTestCloud(opts: { seed?: boolean } & LocalCloudOptions = {}): Promise<TestCloud> {
  const { seed = true, ...cloudOpts } = opts;
  // Scale-out pinned at 16 instances per function: storms still interleave across instances, and
  // npm test stays quick on two cores (the default, 32, is for npm start and npm run bench).
  // The project's declared indexes, as npm start gives them: the unique ones are enforced; the
  // functions' environment variables (reminder template ids, the web app's address: this cloud's) too.
  const cloud = await startLocalCloud({ dataDir: ':memory:', resolveDemoKey, maxInstancesPerFunction: 16, indexes: INDEXES, functionEnv: localFunctionEnv, ...cloudOpts });
  const sdk = sdkCloud({ env: cloud.sdkEnv() });
  const db = sdk.database({ throwOnNotFound: false } as Parameters<typeof sdk.database>[0]);
  await ensureCollections(db);
  if (seed) await seedDemo(db);
  const invoke = (openid: string, fn: ContextName, action: string, payload: unknown = {}) =>
    cloud.invoke(fn, { action, payload }, { openid });
  const upload = async (cloudPath: string, bytes: Buffer) => (await sdk.uploadFile({ cloudPath, fileContent: bytes })).fileID;
  return {
    cloud,
    db,
    sdk,
    invoke,
    call: async <T>(openid: string, fn: ContextName, action: string, payload: unknown = {}) =>
      (await invoke(openid, fn, action, payload)).result as Envelope<T>,
    upload,
    uploadAs: async (openid, context, purpose, name, bytes) => {
      const ticket = (await invoke(openid, context, 'uploadTicket', { purpose, name })).result as Envelope<{ cloudPath: string }>;
      return upload(dataOf(ticket).cloudPath, bytes);
    },
    close: async () => {
      const missing = unindexedShapes(cloud.queryShapes(), indexFields(INDEXES));
      await cloud.close();
      if (missing.length > 0) {
        throw new Error(`queries without a declared index (functions/lib/collections.ts INDEXES):\n${missing.map((m) => JSON.stringify(m)).join('\n')}`);
      }
    },
  };
}

/** Unwrap an ok envelope or fail the test with the error it carried. */
export function dataOf<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.code}: ${env.message}`);
  return env.data;
}
