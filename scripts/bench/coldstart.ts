// npm run bench:coldstart: how long a new instance takes to load each cloud function's bundle,
// against loading wx-server-sdk alone (docs/COLD-START.md). Each measurement is a whole Node
// process, as a cold start is one: `node -e "require('<bundle>')"` against
// `node -e "require('wx-server-sdk')"`, timed from spawn to exit. The processes of one round run
// one after another in a shuffled order (so a burst of noise spreads over all of them rather than
// one function), several rounds; each figure is the median of its runs. The target is a ratio of
// at most 1.1 for every bundle; the command exits 1 when one is over. Beside the wall time, each
// process's CPU time (all its threads, read at exit): it hardly moves when other work shares the
// cores, so it tells a slow bundle from a busy machine.
//
//   npm run bench:coldstart                  15 rounds, after npm run build:functions
//   npm run bench:coldstart -- --runs 31
//   npm run bench:coldstart -- --no-build    measure the bundles as they are
//
// Run it on a quiet machine: on 2 shared cores another session's tests move every figure. The load
// average is printed at the start and at the end of the run; --wait-quiet L first waits (up to ten
// minutes) for the one-minute load average to fall under L.
//
// Bundles call nothing of wx-server-sdk at load (cloud.init() runs on first use) and build no zod
// schema (each action's is built on its first call): docs/COLD-START.md. For reference the bench
// also times wx-server-sdk with cloud.init(), off the cloud (where @cloudbase/node-sdk probes
// Tencent Cloud's metadata address to learn whether it runs there) and as in SCF
// (TENCENTCLOUD_RUNENV=SCF, which skips that probe).

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { buildFunctions, functionNames } from '../build-functions';

const ROOT = path.resolve(__dirname, '..', '..');
export const COLD_START_TARGET = 1.1;

interface Subject {
  label: string;
  /** What the process runs: require a bundle's absolute path or a package; '' for nothing. */
  load: string;
  bytes: number;
  /** Variables added to the process's environment. */
  env?: Record<string, string>;
}

/** One whole process: its wall time from spawn to exit, and its CPU time (every thread's) at exit. */
const requireOf = (request: string) => `require(${JSON.stringify(request)});`;

function timeProcess(load: string, env: Record<string, string> = {}): { wall: number; cpu: number } {
  const code = `${load}process.on('exit',()=>{const u=process.cpuUsage();process.stdout.write('\\ncpu '+(u.user+u.system)/1000+'\\n')})`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '', ...env } });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`node -e "${load}" failed (${r.status}): ${r.stderr.toString().slice(0, 500)}`);
  const cpu = Number(/\ncpu ([\d.]+)\n/.exec(r.stdout.toString())?.[1]);
  return { wall, cpu };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function shuffle<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface ColdStartRow {
  label: string;
  bytes: number;
  medianMs: number;
  ratio: number;
  cpuMs: number;
  cpuRatio: number;
}

export interface ColdStarts {
  node: { wall: number; cpu: number };
  sdk: { wall: number; cpu: number };
  init: { wall: number; cpu: number };
  initScf: { wall: number; cpu: number };
  rows: ColdStartRow[];
}

export function measureColdStarts(runs: number): ColdStarts {
  const sdkSubject: Subject = { label: 'wx-server-sdk', load: requireOf('wx-server-sdk'), bytes: 0 };
  const nodeSubject: Subject = { label: 'node', load: '', bytes: 0 };
  // What every function does on its first use of the SDK (functions/lib/platform.ts), no longer at
  // load: for reference, not the target's baseline. Off the cloud, then as SCF runs it.
  const init = "const c=require('wx-server-sdk');c.init({env:c.DYNAMIC_CURRENT_ENV});";
  const initSubject: Subject = { label: 'init', load: init, bytes: 0 };
  const initScfSubject: Subject = { label: 'init-scf', load: init, bytes: 0, env: { TENCENTCLOUD_RUNENV: 'SCF' } };
  const bundles: Subject[] = functionNames().map((name) => {
    const file = path.join(ROOT, 'cloudfunctions', name, 'index.js');
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:functions`);
    return { label: name, load: requireOf(file), bytes: statSync(file).size };
  });
  const all = [nodeSubject, sdkSubject, initSubject, initScfSubject, ...bundles];
  const wall = new Map<string, number[]>(all.map((s) => [s.label, []]));
  const cpu = new Map<string, number[]>(all.map((s) => [s.label, []]));
  // One warm-up round: the file system cache, not the measurement.
  for (const s of all) timeProcess(s.load, s.env);
  for (let round = 0; round < runs; round++) {
    for (const s of shuffle(all)) {
      const t = timeProcess(s.load, s.env);
      (wall.get(s.label) as number[]).push(t.wall);
      (cpu.get(s.label) as number[]).push(t.cpu);
    }
  }
  const of = (label: string) => ({ wall: median(wall.get(label) as number[]), cpu: median(cpu.get(label) as number[]) });
  const node = of('node');
  const sdk = of('wx-server-sdk');
  const initScf = of('init-scf');
  const rows = bundles.map((b) => {
    const m = of(b.label);
    return { label: b.label, bytes: b.bytes, medianMs: m.wall, ratio: m.wall / sdk.wall, cpuMs: m.cpu, cpuRatio: m.cpu / sdk.cpu };
  });
  return { node, sdk, init: of('init'), initScf, rows };
}

const loads = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Waits until the one-minute load average is under `threshold`, at most `maxMs`; whether it is. */
async function waitQuiet(threshold: number, maxMs: number): Promise<boolean> {
  const until = Date.now() + maxMs;
  while (loadavg()[0] >= threshold) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  return true;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log('npm run bench:coldstart [-- --runs N] [--no-build] [--wait-quiet LOAD]');
    return;
  }
  const numberAfter = (flag: string, fallback: number) => {
    const at = args.indexOf(flag);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const runs = numberAfter('--runs', 15);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of rounds');
  const quiet = numberAfter('--wait-quiet', 0);
  if (!(quiet >= 0)) throw new Error('--wait-quiet takes a load average');
  if (!args.includes('--no-build')) await buildFunctions({ quiet: true });
  if (quiet > 0 && !(await waitQuiet(quiet, 10 * 60_000))) console.log(`the load average stayed at or over ${quiet} for ten minutes: measuring anyway`);
  const started = new Date();
  const loadAtStart = loads();
  const { node, sdk, init, initScf, rows } = measureColdStarts(runs);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const vsSdk = (m: { wall: number; cpu: number }) => `${ms(m.wall)} (${(m.wall / sdk.wall).toFixed(2)}×), CPU ${ms(m.cpu)} (${(m.cpu / sdk.cpu).toFixed(2)}×)`;
  console.log(`cold start, ${runs} runs each (median of whole processes), ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}`);
  console.log(`load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${loads()}`);
  console.log(`node alone (node -e ""): ${ms(node.wall)}, CPU ${ms(node.cpu)}`);
  console.log(`wx-server-sdk alone (the baseline): ${ms(sdk.wall)}, CPU ${ms(sdk.cpu)}`);
  console.log(`wx-server-sdk and cloud.init() (a function's first use of the SDK, not its load): off the cloud ${vsSdk(init)}; as in SCF ${vsSdk(initScf)}`);
  console.log('| function | bundle | median load | ratio to wx-server-sdk | median CPU | CPU ratio |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${(r.bytes / 1024).toFixed(0)} KB | ${ms(r.medianMs)} | ${r.ratio.toFixed(2)}× | ${ms(r.cpuMs)} | ${r.cpuRatio.toFixed(2)}× |`);
  }
  const over = rows.filter((r) => r.ratio > COLD_START_TARGET);
  if (over.length) {
    console.error(`over the target of ${COLD_START_TARGET}×: ${over.map((r) => `${r.label} ${r.ratio.toFixed(2)}×`).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(`every bundle within ${COLD_START_TARGET}× of wx-server-sdk alone`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
