// The bench's load generator: POSTs to one URL from its own thread (so it does not share the
// server's event loop), a bounded number of requests with a fixed number in flight, keep-alive.

import { Worker } from 'node:worker_threads';

export interface Scenario {
  name: string;
  url: string;
  /** One request body per request index (cycled); tokens per request for the local host. */
  bodies: string[];
  tokens: string[];
  /** Scenarios that use up state (one exam start per member) run once, unwarmed, with this many requests. */
  once?: number;
  /** Bodies that depend on earlier scenarios (the attempt a start created), built just before running. */
  prepare?: () => string[];
}

export interface Result {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** As the local host reported it (X-DB-Reads / X-DB-Writes) for the first answer. */
  dbOps: string;
}

const LOADGEN = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, bodies, tokens, requests, concurrency, maxSeconds } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
const latencies = [];
let sent = 0, done = 0, errors = 0, dbOps = null;
const started = process.hrtime.bigint();
const deadline = Date.now() + maxSeconds * 1000;
function one() {
  if (sent >= requests || Date.now() > deadline) return Promise.resolve();
  const i = sent++;
  const body = bodies[i % bodies.length];
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request({ agent, hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer ' + tokens[i % tokens.length] } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200 || !text.startsWith('{"ok":')) errors++;
        if (dbOps === null && res.headers['x-db-reads'] !== undefined) dbOps = res.headers['x-db-reads'] + ' reads, ' + res.headers['x-db-writes'] + ' writes';
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        done++;
        resolve();
      });
    });
    req.on('error', () => { errors++; done++; resolve(); });
    req.end(body);
  }).then(one);
}
Promise.all(Array.from({ length: concurrency }, one)).then(() => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  agent.destroy();
  parentPort.postMessage({ requests: done, errors, seconds, rps: done / seconds, p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? 0, dbOps: dbOps ?? '—' });
});
`;

export function load(s: Scenario, requests: number, concurrency: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOADGEN, { eval: true, workerData: { url: s.url, bodies: s.bodies, tokens: s.tokens, requests, concurrency, maxSeconds: 60 } });
    w.once('message', (r: Result) => {
      void w.terminate();
      resolve(r);
    });
    w.once('error', reject);
  });
}

export function row(name: string, r: Result): string {
  return `| ${name} | ${r.dbOps} | ${r.requests} | ${r.errors} | ${Math.round(r.rps)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`;
}

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export async function login(url: string, body: object): Promise<string> {
  const res = await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data: { token: string } };
  return json.data.token;
}
