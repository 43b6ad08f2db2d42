// The bench's load: autocannon (a kept, measured load generator from npm) driven through its
// programmatic API, in a child process of its own, so that it shares neither the server's event
// loop nor the process whose CPU time the floor comparison counts. A bounded number of requests,
// a fixed number of keep-alive connections (one request in flight each), stopped after a time
// bound whatever is left; each request gets its own body and caller token (autocannon's
// `setupRequest`), and each answer is checked against what the scenario expects.

import { spawn } from 'node:child_process';

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
  /** The error code of the envelope this scenario is meant to get (a refusal); by default `{"ok":true`. */
  expect?: string;
}

export interface Result {
  /** Requests that ended: answered, timed out or lost with their connection (not those cut by the time bound). */
  requests: number;
  /** Seconds after which the run was cut with requests left (MAX_SECONDS), if it was. */
  cutAt?: number;
  /** Requests that failed, by what counts as failure here: see `ERRORS_COUNTED`. */
  errors: number;
  /** The errors by kind: `HTTP <status>`, `timeout`, `connection`, an envelope's code, `not an envelope`. */
  kinds: Record<string, number>;
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** As the local host reported it (X-DB-Reads / X-DB-Writes) for the first answer. */
  dbOps: string;
  /** The load generator's own CPU time per answered request (its process, not counted in the bench's). */
  clientCpuMs: number;
}

export const ERRORS_COUNTED =
  'an answer other than HTTP 2xx, a request unanswered after 30 s (timeout), a connection lost with its request, and an answer that is not the ' +
  'envelope the scenario expects (`{"ok":true` for all but the refusal, whose expected code is INVALID_ARGUMENT)';

/** No request is waited for longer; the whole run stops after MAX_SECONDS whatever is left. */
const TIMEOUT_SECONDS = 30;
const MAX_SECONDS = 60;

// The child's code: one run, its config by IPC, its result by IPC, then it exits.
const LOADGEN = `
process.on('disconnect', () => process.exit(1));
process.once('message', (o) => {
  const autocannon = require(o.autocannonPath);
  const latencies = [];
  const kinds = {};
  let next = 0, sent = 0, envelope = 0, cut = false, firstError, dbOps;
  const fail = (kind, detail) => { kinds[kind] = (kinds[kind] || 0) + 1; firstError ??= kind + ': ' + detail; };
  const expected = o.expect ? '"code":"' + o.expect + '"' : null;
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  let last = started;
  const instance = autocannon({
    url: o.url,
    method: 'POST',
    connections: Math.min(o.concurrency, o.requests),
    amount: o.requests,
    timeout: o.timeoutSeconds,
    // How often autocannon looks whether the run is over (its default, 1 s, would idle the tail).
    sampleInt: 20,
    headers: { 'content-type': 'application/json' },
    // Requests written, counted per connection: autocannon does not count a request lost when the
    // server closes its connection, so the ones neither answered nor failed are found by difference.
    setupClient: (client) => client.on('request', () => { sent++; }),
    requests: [{
      setupRequest: (req) => {
        const i = next++;
        req.body = o.bodies[i % o.bodies.length];
        req.headers = { ...req.headers, authorization: 'Bearer ' + o.tokens[i % o.tokens.length] };
        return req;
      },
      onResponse: (status, body, _context, headers) => {
        if (dbOps === undefined) {
          const h = (name) => headers[name] ?? headers[name.toLowerCase()];
          dbOps = h('X-DB-Reads') === undefined ? '—' : h('X-DB-Reads') + ' reads, ' + h('X-DB-Writes') + ' writes';
        }
        const head = body.slice(0, 300);
        // Non-2xx answers are counted by autocannon (by status, below); the first is kept to show.
        if (status < 200 || status > 299) return void (firstError ??= 'HTTP ' + status + ': ' + head.slice(0, 160));
        if (expected === null ? head.startsWith('{"ok":true') : head.startsWith('{"ok":false') && head.includes(expected)) return;
        envelope++;
        const code = /"code":"([A-Z_]+)"/.exec(head);
        fail(code ? code[1] : head.startsWith('{"ok":true') ? 'ok (a refusal expected)' : 'not an envelope', head.slice(0, 160));
      },
    }],
  }, (err, result) => {
    clearTimeout(bound);
    if (err) throw err;
    const seconds = Number(last - started) / 1e9;
    for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
      if (Number(status) < 200 || Number(status) > 299) kinds['HTTP ' + status] = count;
    }
    if (result.timeouts > 0) kinds.timeout = result.timeouts;
    // Unanswered and not failed: in flight when the time bound cut the run (not counted as errors),
    // or, when the run ended by itself, lost with a connection the server closed.
    const unanswered = Math.max(0, sent - latencies.length - result.errors);
    const lost = result.errors - result.timeouts + (cut ? 0 : unanswered);
    if (lost > 0) kinds.connection = lost;
    firstError ??= result.timeouts > 0 ? 'timeout: no answer within ' + o.timeoutSeconds + ' s' : lost > 0 ? 'connection: lost with its request' : undefined;
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    const c = process.cpuUsage(cpu0);
    process.send({
      requests: latencies.length + result.timeouts + lost,
      errors: result.non2xx + result.timeouts + lost + envelope,
      kinds, firstError, seconds,
      cutAt: cut ? o.maxSeconds : undefined,
      rps: seconds > 0 ? latencies.length / seconds : 0,
      p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? 0,
      dbOps: dbOps ?? '—',
      clientCpuMs: latencies.length > 0 ? (c.user + c.system) / 1000 / latencies.length : 0,
    }, () => process.exit(0));
  });
  // Every answer, whatever its status, with its time from write to the last byte.
  instance.on('response', (_client, _status, _bytes, ms) => { latencies.push(ms); last = process.hrtime.bigint(); });
  const bound = setTimeout(() => { cut = true; instance.stop(); }, o.maxSeconds * 1000);
});
`;

/** Runs `requests` requests of the scenario, `concurrency` in flight, in a fresh generator process. */
export function load(s: Scenario, requests: number, concurrency: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    // NODE_OPTIONS cleared: the generator needs none of the bench's loaders.
    const child = spawn(process.execPath, ['-e', LOADGEN], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, NODE_OPTIONS: '' } });
    let result: Result | undefined;
    child.once('message', (r: Result) => {
      result = r;
    });
    child.once('error', reject);
    // 'close', not 'exit': it comes after the IPC channel has delivered everything.
    child.once('close', (code) => (result ? resolve(result) : reject(new Error(`${s.name}: the load generator exited with ${code}`))));
    child.send({
      autocannonPath: require.resolve('autocannon'),
      url: s.url,
      bodies: s.bodies,
      tokens: s.tokens,
      expect: s.expect,
      requests,
      concurrency,
      timeoutSeconds: TIMEOUT_SECONDS,
      maxSeconds: MAX_SECONDS,
    });
  });
}

/** The errors cell: the count, and by kind when there are any. */
export function errorsCell(r: Result): string {
  if (r.errors === 0) return '0';
  return `${r.errors} (${Object.entries(r.kinds)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ')})`;
}

/** A table row; `bareRps` is the bare server's rate in the same run, for the ratio. */
export function row(name: string, r: Result, bareRps: number): string {
  // Two significant digits below 0.1: a roll-up at 0.004 of the bare server is not 0.00.
  const x = bareRps > 0 ? r.rps / bareRps : undefined;
  const ratio = x === undefined ? '—' : x >= 0.1 || x === 0 ? x.toFixed(2) : x.toPrecision(2);
  return `| ${name} | ${r.dbOps} | ${r.requests}${r.cutAt ? ` (stopped at ${r.cutAt} s)` : ''} | ${errorsCell(r)} | ${Math.round(r.rps)} | ${ratio} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`;
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
