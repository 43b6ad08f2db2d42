// npm run bench: throughput and latency of the local host, measured against a bare Node HTTP
// server in the same run on the same machine. Traffic goes to 127.0.0.1 only; each scenario is
// bounded in requests and in time, then everything stops.
//
//   npm run bench                 default: 3000 requests per scenario, 32 in flight
//   npm run bench -- --requests 5000 --concurrency 64
//
// The load generator runs in its own thread so it does not share the server's event loop.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { startLocalCloud, type LocalCloud } from '../localcloud';
import { addDays, beijingDayKey, beijingDayStart } from '../core/domain/time';
import { resolveDemoKey } from './lib/demo-data';
import { sdkCloud, sdkDatabase } from './lib/sdk';
import { encodePng } from '../localcloud/png';
import { ensureCollections, seedDemo } from './lib/setup';
import { identityOf } from '../functions/org/ports';
import type { MemberDoc, UnitDoc } from '../functions/lib/model';
import { buildFunctions } from './build-functions';

interface Scenario {
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

interface Result {
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

function load(s: Scenario, requests: number, concurrency: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOADGEN, { eval: true, workerData: { url: s.url, bodies: s.bodies, tokens: s.tokens, requests, concurrency, maxSeconds: 60 } });
    w.once('message', (r: Result) => {
      void w.terminate();
      resolve(r);
    });
    w.once('error', reject);
  });
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function login(url: string, body: object): Promise<string> {
  const res = await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data: { token: string } };
  return json.data.token;
}

async function main(): Promise<void> {
  const requests = arg('requests', 3000);
  const concurrency = arg('concurrency', 32);
  await buildFunctions({ quiet: true });

  // Baseline: the least a Node HTTP server can do for the same request shape.
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true,"data":{}}');
    });
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/fn/org`;

  const cloud = await startLocalCloud({ dataDir: ':memory:', resolveDemoKey, logger: () => undefined });
  const db = sdkDatabase({ env: cloud.sdkEnv() });
  await ensureCollections(db);
  await seedDemo(db);
  const memberToken = await login(cloud.url, { key: 'member' });
  const strangers = await Promise.all(Array.from({ length: 64 }, (_, i) => login(cloud.url, { openid: `bench-stranger-${i}` })));
  const fnUrl = `${cloud.url}/api/fn/org`;
  const exam = await prepareExam(cloud, db, requests);
  const eventId = await prepareEvent(cloud);
  await prepareFeed(cloud);
  const big = await prepareBigOrg(db);
  const rollupJob = await rollUp(cloud);
  const bigToken = await login(cloud.url, { openid: big.adminOpenid });

  const scenarios: Scenario[] = [
    { name: 'bare Node HTTP server (baseline)', url: bareUrl, bodies: ['{"action":"getMe","payload":{}}'], tokens: ['x'] },
    {
      name: 'local host: action refused at the door',
      url: fnUrl,
      bodies: ['{"action":"getMe","payload":{"openid":"x"}}'],
      tokens: [memberToken],
    },
    { name: 'local host: org.getMe (bound member)', url: fnUrl, bodies: ['{"action":"getMe","payload":{}}'], tokens: [memberToken] },
    {
      name: 'local host: org.bindMember → request (one write)',
      url: fnUrl,
      bodies: ['{"action":"bindMember","payload":{"name":"测试申请","inviteCode":"JGZB01"}}'],
      tokens: strangers,
    },
    {
      name: `local host: exam.startExam (${exam.members.length} members, fresh paper each)`,
      url: `${cloud.url}/api/fn/exam`,
      bodies: [JSON.stringify({ action: 'startExam', payload: { examId: exam.examId } })],
      tokens: exam.tokens,
      once: exam.members.length,
    },
    {
      name: 'local host: exam.saveAnswers (one answer)',
      url: `${cloud.url}/api/fn/exam`,
      bodies: [],
      prepare: () => {
        exam.readPapers();
        return exam.members.map((m) => JSON.stringify({ action: 'saveAnswers', payload: { attemptId: `${exam.examId}_${m}_1`, answers: [{ qid: exam.firstQid(m), choice: [0] }] } }));
      },
      tokens: exam.tokens,
      once: exam.members.length,
    },
    {
      name: 'local host: exam.submitAttempt (graded, counters updated)',
      url: `${cloud.url}/api/fn/exam`,
      bodies: exam.members.map((m) => JSON.stringify({ action: 'submitAttempt', payload: { attemptId: `${exam.examId}_${m}_1`, answers: [] } })),
      tokens: exam.tokens,
      once: exam.members.length,
    },
    {
      // The morning burst of a branch: every member checks in once (the first check-in of each).
      name: `local host: checkin.checkIn (${exam.members.length} members, one each)`,
      url: `${cloud.url}/api/fn/checkin`,
      bodies: [JSON.stringify({ action: 'checkIn', payload: { title: '学习党章', minutes: 30, share: true } })],
      tokens: exam.tokens,
      once: exam.members.length,
    },
    {
      name: `local host: event.signUp storm (${exam.members.length} members, 100 seats, waitlist)`,
      url: `${cloud.url}/api/fn/event`,
      bodies: [JSON.stringify({ action: 'signUp', payload: { eventId } })],
      tokens: exam.tokens,
      once: exam.members.length,
    },
    {
      name: 'local host: feed.listPosts (a page of 10 with covers: one query, one URL batch)',
      url: `${cloud.url}/api/fn/feed`,
      bodies: [JSON.stringify({ action: 'listPosts', payload: { limit: 10 } })],
      tokens: exam.tokens,
    },
    {
      // After the check-ins: a full first page of the branch's shared check-ins.
      name: 'local host: checkin.sharedCheckins (a page of 20 shared check-ins)',
      url: `${cloud.url}/api/fn/checkin`,
      bodies: [JSON.stringify({ action: 'sharedCheckins', payload: { limit: 20 } })],
      tokens: exam.tokens,
    },
    {
      name: `local host: org.getRollup, whole organisation (${big.units} units, 5 levels, ${big.members} members, 30 days)`,
      url: fnUrl,
      bodies: [JSON.stringify({ action: 'getRollup', payload: { unitId: big.rootId, fromDay: big.fromDay, toDay: big.toDay } })],
      tokens: [bigToken],
    },
    {
      name: `local host: org.getRollup, one county (${big.countyUnits} units, 30 days)`,
      url: fnUrl,
      bodies: [JSON.stringify({ action: 'getRollup', payload: { unitId: big.countyId, fromDay: big.fromDay, toDay: big.toDay } })],
      tokens: [bigToken],
    },
    {
      name: 'local host: org.getRollup, one branch (30 days)',
      url: fnUrl,
      bodies: [JSON.stringify({ action: 'getRollup', payload: { unitId: big.branchId, fromDay: big.fromDay, toDay: big.toDay } })],
      tokens: [bigToken],
    },
  ];

  // Warm the function instances (cold starts are a separate question from steady throughput).
  for (const s of scenarios) if (!s.once) await load(s, 200, concurrency);
  // The exam scenarios use state up, so the exam function is warmed with reads of the exam's intro.
  const intro = JSON.stringify({ action: 'getExam', payload: { examId: exam.examId } });
  await load({ name: 'warm-up: exam.getExam', url: `${cloud.url}/api/fn/exam`, bodies: [intro], tokens: exam.tokens }, 200, concurrency);
  const mine = JSON.stringify({ action: 'getMyCheckins', payload: {} });
  await load({ name: 'warm-up: checkin.getMyCheckins', url: `${cloud.url}/api/fn/checkin`, bodies: [mine], tokens: exam.tokens }, 200, concurrency);
  const detail = JSON.stringify({ action: 'getEvent', payload: { eventId } });
  await load({ name: 'warm-up: event.getEvent', url: `${cloud.url}/api/fn/event`, bodies: [detail], tokens: exam.tokens }, 200, concurrency);

  const rows: string[] = [];
  for (const s of scenarios) {
    if (s.prepare) s.bodies = s.prepare();
    const r = await load(s, s.once ?? requests, concurrency);
    rows.push(
      `| ${s.name} | ${r.dbOps} | ${r.requests} | ${r.errors} | ${Math.round(r.rps)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`,
    );
    console.error(`  done: ${s.name}`);
  }
  const job = await benchReminderJob(cloud, db, exam.members);
  await cloud.close();
  bare.close();

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`
${new Date().toISOString().slice(0, 10)} · \`npm run bench -- --requests ${requests} --concurrency ${concurrency}\` · ${os.cpus().length} cores (${cpu}), Node ${process.version}

| scenario | DB ops per request | requests | errors | req/s | p50 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Closed-day check-in roll-ups of the organisations above (the check-in timer, run until done): ${rollupJob}.

Daily check-in reminder job (one timer invocation, ${exam.members.length} members holding a credit; the
same invocation then rechecks the closed-day roll-ups):

| run | members reminded | seconds | members/s | DB ops |
|---|---|---|---|---|
${job.join('\n')}
`);
}

/** The check-in timer until its closed-day roll-ups are done: how long that took, and the writes. */
async function rollUp(cloud: LocalCloud): Promise<string> {
  const t0 = performance.now();
  let runs = 0;
  let writes = 0;
  for (; runs < 20; ) {
    runs++;
    const { result, stats } = await cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
    const r = result as { ok: boolean; data?: { rollups: { done: boolean } } };
    if (!r.ok || !r.data) throw new Error(`roll-up job failed: ${JSON.stringify(result)}`);
    writes += stats.writes;
    if (r.data.rollups.done) break;
  }
  return `${runs} timer run(s), ${((performance.now() - t0) / 1000).toFixed(1)} s, ${writes} writes`;
}

/**
 * A province-sized organisation for the roll-up scenarios: 500 units over 5 levels (root, 4
 * cities, 20 counties, 100 units, 375 branches), 40 members each below the root, and 30 days of
 * per-unit check-in counters. Written directly: the roll-up reads counters, and building this
 * through the actions would take minutes (the counters' agreement with the actions is tested in
 * test/integration/org-rollup.test.ts).
 */
async function prepareBigOrg(db: ReturnType<typeof sdkDatabase>) {
  const rootId = 'bench-org';
  const now = new Date();
  const units: UnitDoc[] = [];
  const add = (id: string, parent: UnitDoc | null): UnitDoc => {
    const u: UnitDoc = {
      _id: id,
      kind: parent ? 'branch' : 'org',
      name: id,
      parentId: parent?._id ?? null,
      path: parent ? [...parent.path, id] : [id],
      order: 0,
      orgId: rootId,
      inviteCode: null,
      memberCount: parent ? 40 : 0,
      boundCount: parent ? 32 : 0,
      status: 'active',
      closedAt: null,
      // A month old, so the roll-up job computes its closed days.
      createdAt: new Date(now.getTime() - 31 * 86_400_000),
    };
    units.push(u);
    return u;
  };
  const root = add(rootId, null);
  for (let a = 0; a < 4; a++) {
    const city = add(`${rootId}-a${a}`, root);
    for (let b = 0; b < 5; b++) {
      const county = add(`${city._id}b${b}`, city);
      for (let c = 0; c < 5; c++) {
        const unit = add(`${county._id}c${c}`, county);
        for (let d = 0; d < 4 && units.length < 500; d++) add(`${unit._id}d${d}`, unit);
      }
    }
  }
  const toDay = beijingDayKey(Date.now());
  const fromDay = addDays(toDay, -29);
  const daily: Array<Record<string, unknown>> = [];
  for (const u of units.slice(1)) for (let k = 0; k < 30; k++) daily.push({ _id: `${u._id}_${addDays(toDay, -k)}`, unitId: u._id, orgId: rootId, day: addDays(toDay, -k), count: 20 + (k % 7) });
  for (let i = 0; i < units.length; i += 100) await db.collection('units').add({ data: units.slice(i, i + 100) });
  for (let i = 0; i < daily.length; i += 500) await db.collection('checkinDaily').add({ data: daily.slice(i, i + 500) });
  const admin: MemberDoc = {
    _id: 'bench-rollup-admin',
    orgId: rootId,
    unitId: rootId,
    unitPath: [rootId],
    name: '管理员',
    sortKey: '1:guan-li-yuan 管理员',
    phone: null,
    category: 'full',
    role: 'org_admin',
    manages: [],
    leader: false,
    openid: 'bench-rollup-openid',
    boundAt: now,
    source: 'seed',
    createdAt: now,
    updatedAt: now,
  };
  await db.collection('members').add({ data: { ...admin } });
  await db.collection('identities').add({ data: { ...identityOf(admin, 'bench-rollup-openid', now) } });
  return {
    rootId,
    countyId: `${rootId}-a1b2`,
    countyUnits: units.filter((u) => u.path.includes(`${rootId}-a1b2`)).length,
    branchId: `${rootId}-a1b2c3d0`,
    adminOpenid: 'bench-rollup-openid',
    units: units.length,
    members: (units.length - 1) * 40,
    fromDay,
    toDay,
  };
}

/** 30 published posts with a cover each, for the feed page scenario. */
async function prepareFeed(cloud: LocalCloud): Promise<void> {
  const call = async (action: string, payload: unknown) => {
    const { result } = await cloud.invoke('feed', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: { id: string }; message?: string };
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data;
  };
  const sdk = sdkCloud({ env: cloud.sdkEnv() });
  const cover = (await sdk.uploadFile({ cloudPath: 'uploads/bench-cover.png', fileContent: encodePng(1, 1, 0, Buffer.from([0, 90])) })).fileID;
  for (let i = 0; i < 30; i++) {
    const saved = await call('savePost', { post: { kind: 'report', title: `压测报道${i}`, body: '<p>支部开展主题党日活动，全体党员参加。</p>', cover, tags: ['基层动态'], unitId: null } });
    await call('publishPost', { postId: saved.id });
  }
}

/** A published event for the bench branch: 100 seats, a waitlist, sign-up open now. */
async function prepareEvent(cloud: LocalCloud): Promise<string> {
  const call = async (action: string, payload: unknown) => {
    const { result } = await cloud.invoke('event', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: { id: string }; message?: string };
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data;
  };
  const now = Date.now();
  const saved = await call('saveEvent', {
    event: {
      kind: 'lecture_tour',
      title: '压测宣讲',
      place: '礼堂',
      signupOpensAt: now - 60_000,
      signupClosesAt: now + 3_600_000,
      startsAt: now + 7_200_000,
      endsAt: now + 10_800_000,
      capacity: 100,
      waitlist: true,
      unitIds: ['br-office'],
    },
  });
  await call('publishEvent', { eventId: saved.id });
  return saved.id;
}

/**
 * The reminder job over the bench members, each given one check-in credit: first on the day they
 * all checked in (the walk alone: the baseline), then at 20:00 the next day (everyone reminded).
 */
async function benchReminderJob(cloud: LocalCloud, db: ReturnType<typeof sdkDatabase>, members: string[]): Promise<string[]> {
  const credits = members.map((id, i) => ({ _id: id, orgId: 'org-demo', openid: `bench-openid-${i}`, exam: 0, checkin: 1, event: 0 }));
  for (let i = 0; i < credits.length; i += 100) await db.collection('reminderCredits').add({ data: credits.slice(i, i + 100) });
  const today = beijingDayKey(Date.now());
  const rows: string[] = [];
  const run = async (label: string, at: number) => {
    cloud.clock.set(at);
    const before = cloud.openapiCalls().length;
    const t0 = performance.now();
    const { result, stats } = await cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
    const seconds = (performance.now() - t0) / 1000;
    if (!(result as { ok: boolean }).ok) throw new Error(`reminder job failed: ${JSON.stringify(result)}`);
    const sent = cloud.openapiCalls().length - before;
    rows.push(`| ${label} | ${sent} | ${seconds.toFixed(2)} | ${Math.round(members.length / seconds)} | ${stats.reads} reads, ${stats.writes} writes |`);
  };
  await run('everyone checked in today (walk only)', beijingDayStart(today) + 23 * 3600_000);
  await run('nobody checked in yet (one reminder each)', beijingDayStart(addDays(today, 1)) + 20 * 3600_000 + 60_000);
  cloud.clock.reset();
  return rows;
}

/**
 * A closed-book exam for a bench branch of `count` bound members (count capped at 1000): the
 * built-in bank, a 20-question drawn paper, every member starting, saving and submitting once.
 */
async function prepareExam(cloud: LocalCloud, db: ReturnType<typeof sdkDatabase>, requested: number) {
  const count = Math.min(1000, requested);
  const now = new Date();
  const members: string[] = [];
  const docs: Array<Record<string, unknown>> = [];
  const identities: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-member-${i}`;
    members.push(id);
    const member: MemberDoc = {
      _id: id,
      orgId: 'org-demo',
      unitId: 'br-office',
      unitPath: ['org-demo', 'br-office'],
      name: `压测${i}`,
      sortKey: `1:ya-ce ${i}`,
      phone: null,
      category: 'full',
      role: 'member',
      manages: [],
      leader: false,
      openid: `bench-openid-${i}`,
      boundAt: now,
      source: 'seed',
      createdAt: now,
      updatedAt: now,
    };
    docs.push({ ...member });
    identities.push({ ...identityOf(member, `bench-openid-${i}`, now) });
  }
  for (let i = 0; i < count; i += 100) {
    await db.collection('members').add({ data: docs.slice(i, i + 100) });
    await db.collection('identities').add({ data: identities.slice(i, i + 100) });
  }
  const call = async (action: string, payload: unknown) => {
    const { result } = await cloud.invoke('exam', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: { id?: string }; message?: string };
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data;
  };
  await call('installSeedBank', {});
  const t = Date.now();
  const saved = await call('saveExam', {
    exam: {
      title: '压测闭卷考试',
      unitIds: ['br-office'],
      opensAt: t - 60_000,
      closesAt: t + 3_600_000,
      durationMinutes: 30,
      paper: { mode: 'rules', rules: [{ type: 'single', tag: null, count: 10 }, { type: 'judge', tag: null, count: 6 }, { type: 'multiple', tag: null, count: 4 }] },
      passScore: 20,
    },
  });
  const examId = saved.id as string;
  await call('publishExam', { examId });
  const tokens = await Promise.all(members.map((_, i) => login(cloud.url, { openid: `bench-openid-${i}` })));
  const first = new Map<string, string>();
  return {
    examId,
    members,
    tokens,
    /** After the starts: each member's first question, read server-side, for the save scenario. */
    readPapers: () => {
      for (const doc of cloud.db.find('examAttempts', { examId }) as Array<{ memberId: string; paper: Array<{ qid: string }> }>) first.set(doc.memberId, doc.paper[0].qid);
    },
    firstQid: (m: string) => first.get(m) ?? 'pending',
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
