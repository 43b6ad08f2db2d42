// The function host against its floor: an action's call rate through the host (POST /api/fn,
// as the H5 build calls it) beside the rate of the same database requests made by the SDK
// directly (floor.ts), in a fresh local cloud with the demo organisation, at a given instance cap.
// The action's calls come from autocannon (load.ts) in a process of its own: the CPU time counted
// here is this process's (server, instances, floor workers), so the outer HTTP client, which the
// floor has no counterpart of, is left out of both sides; its own CPU per call is shown apart.

import { startLocalCloud } from '../../localcloud';
import { resolveDemoKey } from '../lib/demo-data';
import { sdkDatabase } from '../lib/sdk';
import { ensureCollections, seedDemo } from '../lib/setup';
import { bindRequestFloor, checkFloor, FloorPool, getMeFloor, type FloorRecipe } from './floor';
import { load, login, type Scenario } from './load';

/** A run's rate and latency, and the CPU time the whole process spent per call (all threads). */
export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
  /** The load generator's own CPU per call (its process), for the action's runs. */
  clientCpuMs?: number;
}

export interface FloorRun extends Measured {
  workers: number;
  inFlight: number;
  /** Calls made before measuring. */
  warm: number;
}

export interface FloorRow {
  label: string;
  /** The instance cap the cloud was started with; undefined for the default (scale out). */
  cap: number | undefined;
  /** Calls in flight during the action's run. */
  inFlight: number;
  /** Calls made before measuring, until the rate stopped rising (V8 optimises each instance's code). */
  warmHost: number;
  action: Measured;
  /** The function's live instances after the action's runs, and the most it had at once. */
  instances: number;
  peak: number;
  floors: FloorRun[];
}

const CHUNK = 1000;
/** Each measurement is taken this many times, interleaved; the best is kept. */
const ROUNDS = 3;

/**
 * Runs chunks of calls until the rate stops rising: each function instance and each floor worker
 * is a V8 isolate of its own that optimises its code only after many calls (on 2 cores a cold run
 * measured half the warm rate). At least 3 chunks, at most 15; returns the calls made.
 */
async function warmUp(chunk: (n: number) => Promise<{ rps: number }>, settled: () => boolean = () => true): Promise<number> {
  const rates: number[] = [];
  for (let i = 0; i < 15; i++) {
    const { rps } = await chunk(CHUNK);
    const best = Math.max(0, ...rates);
    rates.push(rps);
    const steady = settled();
    if (i >= 2 && rps < best * 1.05 && steady) break;
  }
  return rates.length * CHUNK;
}

async function measure(
  calls: number,
  run: () => Promise<{ rps: number; p50: number; p99: number; errors: number; firstError?: string; clientCpuMs?: number }>,
): Promise<Measured> {
  const c0 = process.cpuUsage();
  const r = await run();
  const c = process.cpuUsage(c0);
  if (r.errors > 0) throw new Error(`${r.errors} errors, first: ${r.firstError ?? '(an HTTP error)'}`);
  return { rps: r.rps, p50: r.p50, p99: r.p99, cpuMs: (c.user + c.system) / 1000 / calls, clientCpuMs: r.clientCpuMs };
}

/** The best of the rounds: the highest rate (with its latencies) and the least CPU per call. */
function best(runs: Measured[]): Measured {
  const top = runs.reduce((a, b) => (b.rps > a.rps ? b : a));
  const least = (xs: Array<number | undefined>) => (xs.every((x) => x !== undefined) ? Math.min(...(xs as number[])) : undefined);
  return { ...top, cpuMs: Math.min(...runs.map((r) => r.cpuMs)), clientCpuMs: least(runs.map((r) => r.clientCpuMs)) };
}

export async function hostVsFloor(cap: number | undefined, requests: number, concurrency: number): Promise<FloorRow[]> {
  // Instances stay up while the floors run (the host is idle then), so no run pays a cold start.
  const cloud = await startLocalCloud({ dataDir: ':memory:', resolveDemoKey, logger: () => undefined, maxInstancesPerFunction: cap, instanceIdleMs: 600_000 });
  try {
    const db = sdkDatabase({ env: cloud.sdkEnv() });
    await ensureCollections(db);
    await seedDemo(db);
    const strangerIds = Array.from({ length: 64 }, (_, i) => `bench-stranger-${i}`);
    const strangers = await Promise.all(strangerIds.map((openid) => login(cloud.url, { openid })));
    const fnUrl = `${cloud.url}/api/fn/org`;
    const cases: Array<{ scenario: Scenario; floor: FloorRecipe }> = [
      {
        scenario: { name: 'org.getMe', url: fnUrl, bodies: ['{"action":"getMe","payload":{}}'], tokens: [await login(cloud.url, { key: 'member' })] },
        floor: getMeFloor('demo-member'),
      },
      {
        scenario: { name: 'org.bindMember → request', url: fnUrl, bodies: ['{"action":"bindMember","payload":{"name":"测试申请","inviteCode":"JGZB01"}}'], tokens: strangers },
        floor: bindRequestFloor(strangerIds, '测试申请', 'JGZB01'),
      },
    ];
    const rows: FloorRow[] = [];
    for (const { scenario, floor } of cases) {
      await checkFloor(cloud, floor);
      // The host also warms until its instance count stops growing (it starts at most one instance
      // per core at a time), so that the floor gets as many workers as the runs will see instances.
      let seen = -1;
      const warmHost = await warmUp(
        (n) => load(scenario, n, concurrency),
        () => {
          const now = cloud.functionCounts()[floor.fn]?.instances ?? 0;
          const same = now === seen;
          seen = now;
          return same;
        },
      );
      const counts = cloud.functionCounts()[floor.fn];
      // The floor with one worker per live instance, with 4, and (when that leaves a worker more
      // than one call in flight) one call at a time per worker: the most one-at-a-time instances
      // could do with no host at all.
      const specs = [...new Set([counts.instances, 4])].map((workers) => ({ workers, inFlight: concurrency }));
      if (counts.instances < concurrency) specs.push({ workers: counts.instances, inFlight: counts.instances });
      const pools = await Promise.all(specs.map(async (spec) => ({ ...spec, pool: await FloorPool.start(cloud, floor, spec.workers), warm: 0, runs: [] as Measured[] })));
      try {
        for (const p of pools) p.warm = await warmUp((n) => p.pool.run(n, p.inFlight));
        // Interleaved rounds, so that a slow spell of this shared machine does not fall on one side only.
        const actionRuns: Measured[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          actionRuns.push(await measure(requests, () => load(scenario, requests, concurrency)));
          for (const p of pools) p.runs.push(await measure(requests, () => p.pool.run(requests, p.inFlight)));
        }
        const after = cloud.functionCounts()[floor.fn];
        rows.push({
          label: floor.label,
          cap,
          inFlight: concurrency,
          warmHost,
          action: best(actionRuns),
          instances: after.instances,
          peak: after.peakInstances,
          floors: pools.map((p) => ({ ...best(p.runs), workers: p.workers, inFlight: p.inFlight, warm: p.warm })),
        });
      } finally {
        await Promise.all(pools.map((p) => p.pool.close()));
      }
      console.error(`  done: ${floor.label} against its floor (${cap ? `${cap} instances` : 'default scale-out'})`);
    }
    return rows;
  } finally {
    await cloud.close();
  }
}

/** The table rows: one per floor run, the action's rate beside it and the ratios. */
export function floorRows(rows: FloorRow[]): string[] {
  const ms = (r: Measured) => `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)}`;
  return rows.flatMap((r) =>
    r.floors.map((f) => {
      const lanes = f.inFlight % f.workers === 0 ? String(f.inFlight / f.workers) : (f.inFlight / f.workers).toFixed(1);
      const ratio = (r.action.rps / f.rps).toFixed(2);
      const cpuRatio = (f.cpuMs / r.action.cpuMs).toFixed(2);
      // The target compares like with like (the same calls in flight); the one-at-a-time floor is a reference.
      const same = f.inFlight === r.inFlight;
      const cells = [
        r.label,
        r.cap ? `${r.cap} (pinned)` : 'default (scale out)',
        `${r.instances} (peak ${r.peak})`,
        `${Math.round(r.action.rps)}`,
        ms(r.action),
        r.action.cpuMs.toFixed(2),
        `${f.workers} × ${lanes} = ${f.inFlight}`,
        `${Math.round(f.rps)}`,
        ms(f),
        f.cpuMs.toFixed(2),
        same ? `**${ratio}**` : `(${ratio})`,
        same ? cpuRatio : `(${cpuRatio})`,
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  );
}

/** The load generator's own CPU per call, per action row (not in the action's CPU column). */
export function floorClientCpu(rows: FloorRow[]): string {
  return rows.map((r) => `${r.label} (${r.cap ? `${r.cap} pinned` : 'default'}): ${r.action.clientCpuMs?.toFixed(2) ?? '—'} ms`).join('; ');
}

/** Warm-up calls made before measuring, per row. */
export function floorWarmUps(rows: FloorRow[]): string {
  return rows
    .map((r) => `${r.label} (${r.cap ? `${r.cap} pinned` : 'default'}): ${r.warmHost} through the host, ${r.floors.map((f) => `${f.warm} for ${f.workers} workers with ${f.inFlight} in flight`).join(', ')}`)
    .join('; ');
}

export const FLOOR_HEADER = `| action | instances | live after the runs | action req/s | action p50 / p99 ms | action CPU ms per call | floor workers × in flight each | floor req/s | floor p50 / p99 ms | floor CPU ms per call | ratio of req/s | ratio of CPU per call |
|---|---|---|---|---|---|---|---|---|---|---|---|`;
