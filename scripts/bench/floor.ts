// The floor of an action: the same database requests the action makes (same collections, query
// shapes and ids, in the same order), issued by the real wx-server-sdk directly from worker
// threads against the same local cloud, at the same number in flight. Whatever the action costs
// beyond its floor is the function host's (the outer HTTP request, handing the call to an
// instance, the function's own code). The floor's workers stand for the host's instances: one
// worker per live instance, and separately 4.

import { Worker } from 'node:worker_threads';
import type { LocalCloud } from '../../localcloud';
import { COLLECTIONS } from '../../functions/lib/collections';
import { ids } from '../../functions/lib/deps';
import { normaliseName } from '../../core/domain/text';
import { DAY_MS, hashKey } from '../../functions/lib/rateLimit';
import { BIND_GUESSES } from '../../functions/org/bindGuard';

/** What one call of the action asks of the database, as `InvokeResult.stats.ops` lists it. */
export interface Op {
  action: string;
  collection?: string;
}

export interface FloorRecipe {
  /** The action it replays, as `function.action`. */
  label: string;
  fn: string;
  /** The worker's code for one call, by name (see FLOOR_WORKER). */
  recipe: 'getMe' | 'bindRequest';
  params: Record<string, unknown>;
  /** One invocation of the action, to check that the floor replays its requests exactly. */
  sample: { event: unknown; openid: string };
  ops: Op[];
}

export interface FloorResult {
  workers: number;
  inFlight: number;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  firstError?: string;
}

const FLOOR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const cloud = require(workerData.sdkPath);
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database({ throwOnNotFound: false });
const _ = db.command;
const p = workerData.params;
const C = p.collections;
const recipes = {
  // org.getMe of a bound member: findCaller (identities/<openid>), then the unit and org names.
  async getMe(i) {
    const openid = p.openids[i % p.openids.length];
    const identity = (await db.collection(C.identities).doc(openid).get()).data;
    if (!identity) throw new Error('no identity for ' + openid);
    await db.collection(C.units).where({ _id: _.in([identity.unitId, identity.orgId]) }).limit(2).get();
  },
  // org.bindMember of a name not on the roster: findCaller (absent), a guess token taken (the
  // window's document created, or when it exists, a conditional increment), the invite code, its
  // unit, the roster entries of that name (none), the token given back (the code was right), then
  // the request set by its derived _id.
  async bindRequest(i) {
    const k = i % p.openids.length;
    const openid = p.openids[k];
    if ((await db.collection(C.identities).doc(openid).get()).data) throw new Error(openid + ' is bound');
    const t = Date.now();
    const start = Math.floor(t / p.limit.windowMs) * p.limit.windowMs;
    const limitId = 'rl-' + p.limit.scope + '-' + start + '-' + p.keyHashes[k];
    try {
      await db.collection(C.rateLimits).add({ data: {
        _id: limitId, scope: p.limit.scope, keyHash: p.keyHashes[k], windowStart: new Date(start), count: 1,
        limit: p.limit.limit, expiresAt: new Date(start + p.limit.windowMs),
      } });
    } catch (err) {
      if (!/E11000|duplicate key|DATABASE_DUPLICATE_WRITE/i.test(String(err && (err.message || err.errMsg)))) throw err;
      const took = await db.collection(C.rateLimits).where({ _id: limitId, count: _.lt(p.limit.limit) }).update({ data: { count: _.inc(1) } });
      if (took.stats.updated !== 1) throw new Error(openid + ': no guess token left');
    }
    const code = (await db.collection(C.inviteCodes).doc(p.inviteCode).get()).data;
    const unit = code ? (await db.collection(C.units).doc(code.unitId).get()).data : null;
    if (!unit) throw new Error('invite code ' + p.inviteCode + ' not found');
    const same = (await db.collection(C.members).where({ unitId: unit._id, name: p.name }).limit(20).get()).data;
    if (same.length > 0) throw new Error(p.name + ' is on the roster');
    await db.collection(C.rateLimits).where({ _id: limitId, count: _.gt(0) }).update({ data: { count: _.inc(-1) } });
    await db.collection(C.bindRequests).doc(p.requestIds[k]).set({ data: {
      openid, name: p.name, phoneTail: null, unitId: unit._id, orgId: unit.orgId, status: 'pending',
      reason: null, memberId: null, entryId: null, createdAt: new Date(t), reviewedAt: null, reviewedBy: null,
    } });
  },
};
const recipe = recipes[workerData.recipe];
parentPort.on('message', async (m) => {
  const counter = new Int32Array(m.counter);
  const latencies = [];
  let errors = 0, firstError;
  const lane = async () => {
    for (;;) {
      const i = Atomics.add(counter, 0, 1);
      if (i >= m.requests) return;
      const t0 = performance.now();
      try { await recipe(i); } catch (err) { errors++; firstError = firstError || String(err && err.message || err); }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: m.lanes }, lane));
  parentPort.postMessage({ latencies, errors, firstError });
});
parentPort.postMessage('ready');
`;

/** Workers running the recipe, loaded once, run for a warm-up and then for the measurement. */
export class FloorPool {
  private constructor(private readonly workers: Worker[]) {}

  static async start(cloud: LocalCloud, recipe: FloorRecipe, count: number): Promise<FloorPool> {
    const workers = Array.from(
      { length: count },
      () =>
        new Worker(FLOOR_WORKER, {
          eval: true,
          execArgv: process.env.LC_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.LC_PROF + '-floor'] : [],
          env: { ...process.env, ...cloud.sdkEnv() },
          workerData: { sdkPath: require.resolve('wx-server-sdk'), recipe: recipe.recipe, params: recipe.params },
        }),
    );
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    })));
    return new FloorPool(workers);
  }

  /** `requests` calls in all, `inFlight` at a time spread over the workers as evenly as it goes. */
  async run(requests: number, inFlight: number): Promise<FloorResult> {
    const counter = new SharedArrayBuffer(4);
    const n = this.workers.length;
    const started = performance.now();
    const parts = await Promise.all(
      this.workers.map((w, k) => {
        const lanes = Math.floor(inFlight / n) + (k < inFlight % n ? 1 : 0);
        return new Promise<{ latencies: number[]; errors: number; firstError?: string }>((resolve, reject) => {
          const done = (m: { latencies: number[]; errors: number; firstError?: string }) => {
            w.off('error', fail);
            resolve(m);
          };
          const fail = (err: Error) => {
            w.off('message', done);
            reject(err);
          };
          w.once('message', done);
          w.once('error', fail);
          w.postMessage({ counter, requests, lanes });
        });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
    const q = (x: number) => latencies[Math.min(latencies.length - 1, Math.floor(x * latencies.length))] ?? 0;
    return {
      workers: n,
      inFlight,
      requests: latencies.length,
      errors: parts.reduce((s, p) => s + p.errors, 0),
      seconds,
      rps: latencies.length / seconds,
      p50: q(0.5),
      p99: q(0.99),
      firstError: parts.find((p) => p.firstError)?.firstError,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Checks that the recipe makes the action's requests: a repeated invocation's `stats.ops` (the
 * steady state the measurement runs in: a caller's first call in a limit window creates the
 * window's document, later ones update it) equal the recipe's list, and one floor call adds no
 * query shape the action had not recorded.
 */
export async function checkFloor(cloud: LocalCloud, recipe: FloorRecipe): Promise<void> {
  await cloud.invoke(recipe.fn, recipe.sample.event, { openid: recipe.sample.openid });
  const { stats } = await cloud.invoke(recipe.fn, recipe.sample.event, { openid: recipe.sample.openid });
  const seen = JSON.stringify(stats.ops);
  if (seen !== JSON.stringify(recipe.ops)) throw new Error(`${recipe.label}: the action made ${seen}, the floor replays ${JSON.stringify(recipe.ops)}`);
  const key = (s: { collection: string; op: string; filter: string[]; sort: string[] }) => JSON.stringify([s.collection, s.op, s.filter, s.sort]);
  const before = new Set(cloud.queryShapes().map(key));
  const pool = await FloorPool.start(cloud, recipe, 1);
  const once = await pool.run(1, 1);
  await pool.close();
  if (once.errors > 0) throw new Error(`${recipe.label} floor: ${once.firstError}`);
  const extra = cloud.queryShapes().map(key).filter((k) => !before.has(k));
  if (extra.length > 0) throw new Error(`${recipe.label}: the floor made query shapes the action did not: ${extra.join(', ')}`);
}

const get = (collection: string): Op => ({ action: 'database.getDocument', collection });

/** org.getMe of the demo member: 2 reads. */
export function getMeFloor(openid: string): FloorRecipe {
  return {
    label: 'org.getMe',
    fn: 'org',
    recipe: 'getMe',
    params: { collections: COLLECTIONS, openids: [openid] },
    sample: { event: { action: 'getMe', payload: {} }, openid },
    ops: [get(COLLECTIONS.identities), get(COLLECTIONS.units)],
  };
}

/**
 * org.bindMember → request by callers not on the roster, each calling again within the guess
 * limit's window: 4 reads, 4 writes (the window's document tried and incremented, the token given
 * back, the request set by _id).
 */
export function bindRequestFloor(openids: string[], name: string, inviteCode: string): FloorRecipe {
  // The worker computes window starts as windowOf does for windows shorter than a day.
  if (BIND_GUESSES.windowMs % DAY_MS === 0) throw new Error('bindRequestFloor: day windows are aligned to Beijing days; the floor does not replay that');
  const modify = (collection: string): Op => ({ action: 'database.modifyDocument', collection });
  return {
    label: 'org.bindMember → request',
    fn: 'org',
    recipe: 'bindRequest',
    params: {
      collections: COLLECTIONS,
      openids,
      name: normaliseName(name),
      inviteCode,
      requestIds: openids.map((o) => ids.derive('r', o)),
      limit: { scope: BIND_GUESSES.scope, limit: BIND_GUESSES.limit, windowMs: BIND_GUESSES.windowMs },
      keyHashes: openids.map(hashKey),
    },
    sample: { event: { action: 'bindMember', payload: { name, inviteCode } }, openid: openids[0] },
    ops: [
      get(COLLECTIONS.identities),
      { action: 'database.insertDocument', collection: COLLECTIONS.rateLimits },
      modify(COLLECTIONS.rateLimits),
      get(COLLECTIONS.inviteCodes),
      get(COLLECTIONS.units),
      get(COLLECTIONS.members),
      modify(COLLECTIONS.rateLimits),
      modify(COLLECTIONS.bindRequests),
    ],
  };
}
