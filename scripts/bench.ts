// npm run bench: throughput and latency of the local host, measured against a bare Node HTTP
// server in the same run on the same machine, and each of two actions against its floor (the
// same database requests made by the SDK directly: bench/floor.ts). Traffic goes to 127.0.0.1
// only; each scenario is bounded in requests and in time, then everything stops.
//
//   npm run bench                 default: 3000 requests per scenario, 32 in flight
//   npm run bench -- --requests 5000 --concurrency 64
//   npm run bench -- --floor-only the baseline and the floor comparisons alone
//   npm run bench -- --import-only [--runs 7]  the question import alone (bench/import.ts)
//   npm run bench -- --help       this text
//
// The load is autocannon's (bench/load.ts), in a process of its own so that it shares neither the
// server's event loop nor the CPU time the floor comparison counts.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { startLocalCloud } from '../localcloud';
import { resolveDemoKey } from './lib/demo-data';
import { sdkDatabase } from './lib/sdk';
import { ensureCollections, seedDemo } from './lib/setup';
import { buildFunctions } from './build-functions';
import { importBench } from './bench/import';
import { FLOOR_HEADER, floorClientCpu, floorRows, floorWarmUps, hostVsFloor } from './bench/host-vs-floor';
import { benchReminderJob, quizTimerCost, rollUp } from './bench/jobs';
import { arg, ERRORS_COUNTED, flag, load, login, row, type Result, type Scenario } from './bench/load';
import { prepareBigOrg, prepareEvent, prepareExam, prepareFeed } from './bench/prepare';
import { contestRoundLine, contestScenarios, prepareContest } from './bench/contest';
import { prepareDailyPools, quizRoundLine, quizScenarios } from './bench/quiz';
import { consoleScenarios } from './bench/console';
import { campaignScenarios } from './bench/campaign';

const TABLE_HEADER = `| scenario | DB ops per request | requests | errors | req/s | ratio to bare | p50 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|---|`;

async function main(): Promise<void> {
  if (flag('help')) {
    // The comment that opens this file.
    const lines = readFileSync(__filename, 'utf8').split('\n');
    console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.slice(3)).join('\n'));
    return;
  }
  const requests = arg('requests', 3000);
  const concurrency = arg('concurrency', 32);
  await buildFunctions({ quiet: true });
  if (flag('import-only')) {
    console.log(await importBench(arg('runs', 7)));
    return;
  }

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
  const baseline: Scenario = { name: 'bare Node HTTP server (baseline)', url: bareUrl, bodies: ['{"action":"getMe","payload":{}}'], tokens: ['x'] };
  await load(baseline, 200, concurrency);
  // The baseline is measured at the start, between the two parts and at the end: this shared
  // machine has slow spells, and the three show whether one fell on the run. The best is the row.
  const bareRuns: Result[] = [await load(baseline, requests, concurrency)];

  const hostTable = flag('floor-only') ? undefined : await scenarioTable(requests, concurrency);
  bareRuns.push(await load(baseline, requests, concurrency));
  // The host against its floor, each in a fresh cloud with the demo organisation: at the default
  // scale-out and with the instances pinned at 4.
  const floors = [...(await hostVsFloor(undefined, requests, concurrency)), ...(await hostVsFloor(4, requests, concurrency))];
  bareRuns.push(await load(baseline, requests, concurrency));
  bare.close();
  const imports = flag('floor-only') ? '' : await importBench(arg('runs', 7));
  const bareBest = bareRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
  const bareRow = row(`${baseline.name}, best of 3 (${bareRuns.map((r) => Math.round(r.rps)).join(' / ')} req/s at the start, middle, end)`, bareBest, bareBest.rps);
  const table = hostTable ? `${hostTable.rows.map((m) => row(m.name, m.result, bareBest.rps)).join('\n')}\n\n${hostTable.jobs}` : '';

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const extra = process.argv.slice(2).join(' ');
  console.log(`
${new Date().toISOString().slice(0, 10)} · \`npm run bench${extra ? ` -- ${extra}` : ''}\` (${requests} requests per scenario, ${concurrency} in flight) · ${os.cpus().length} cores (${cpu}), Node ${process.version}

Load by autocannon in its own process, keep-alive, 127.0.0.1 only. Errors count ${ERRORS_COUNTED}.
The ratio to bare is each row's req/s over the best bare baseline of this run.

${TABLE_HEADER}
${bareRow}
${table ? `${table}\n` : ''}
The function host against its floor: the same database requests by the SDK directly from worker threads (one per live
instance, and 4), ${concurrency} in flight in all; each measurement the best of 3 interleaved runs of ${requests} calls. CPU is the
bench process's (every thread: server, instances or floor workers) per call; the load generator's process is not in it.
In parentheses: one call at a time per worker, the most one-at-a-time instances could do with no host at all.

${FLOOR_HEADER}
${floorRows(floors).join('\n')}

Warm-up calls (until the rate stopped rising): ${floorWarmUps(floors)}.

The load generator's own CPU per action call (its process, least of the 3 runs): ${floorClientCpu(floors)}.
${imports ? `\nThe question import, one call at a time (bench/import.ts):\n\n${imports}\n` : ''}`);
}

/**
 * The main table: the local host's scenarios in one cloud (default scale-out), as measurements
 * (their rows need the bare baseline, measured last), and the timer jobs as text.
 */
async function scenarioTable(requests: number, concurrency: number): Promise<{ rows: Array<{ name: string; result: Result }>; jobs: string }> {
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
  const contestId = await prepareContest(cloud);
  await prepareDailyPools(cloud);
  const big = await prepareBigOrg(db);
  const rollupJob = await rollUp(cloud);
  const bigToken = await login(cloud.url, { openid: big.adminOpenid });

  const scenarios: Scenario[] = [
    {
      name: 'local host: action refused at the door',
      url: fnUrl,
      bodies: ['{"action":"getMe","payload":{"openid":"x"}}'],
      tokens: [memberToken],
      expect: 'INVALID_ARGUMENT',
    },
    { name: 'local host: org.getMe (bound member)', url: fnUrl, bodies: ['{"action":"getMe","payload":{}}'], tokens: [memberToken] },
    {
      name: 'local host: org.bindMember → request (a guess token taken and given back, the request set)',
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
    // The daily quiz's morning burst: every member of the branch plays the day's round.
    ...quizScenarios(cloud, exam.members, exam.tokens),
    // A knowledge contest's burst: every member of the branch plays a counting round.
    ...contestScenarios(cloud, exam.members, exam.tokens, contestId),
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
    ...consoleScenarios(cloud.url, big, bigToken),
    ...(await campaignScenarios(cloud, db, big, bigToken)),
  ];

  // Warm the function instances (cold starts are a separate question from steady throughput).
  for (const s of scenarios) if (!s.once) await load(s, 200, concurrency);
  // The exam scenarios use state up, so the exam function is warmed with reads of the exam's intro.
  const intro = JSON.stringify({ action: 'getExam', payload: { examId: exam.examId } });
  await load({ name: 'warm-up: exam.getExam', url: `${cloud.url}/api/fn/exam`, bodies: [intro], tokens: exam.tokens }, 200, concurrency);
  const mine = JSON.stringify({ action: 'getMyCheckins', payload: {} });
  await load({ name: 'warm-up: checkin.getMyCheckins', url: `${cloud.url}/api/fn/checkin`, bodies: [mine], tokens: exam.tokens }, 200, concurrency);
  const daily = JSON.stringify({ action: 'getDaily', payload: {} });
  await load({ name: 'warm-up: quiz.getDaily', url: `${cloud.url}/api/fn/quiz`, bodies: [daily], tokens: exam.tokens }, 200, concurrency);
  const detail = JSON.stringify({ action: 'getEvent', payload: { eventId } });
  await load({ name: 'warm-up: event.getEvent', url: `${cloud.url}/api/fn/event`, bodies: [detail], tokens: exam.tokens }, 200, concurrency);

  const rows: Array<{ name: string; result: Result }> = [];
  for (const s of scenarios) {
    if (s.prepare) s.bodies = s.prepare();
    rows.push({ name: s.name, result: await load(s, s.once ?? requests, concurrency) });
    console.error(`  done: ${s.name}`);
  }
  const job = await benchReminderJob(cloud, db, exam.members);
  const quizTimers = await quizTimerCost(cloud);
  await cloud.close();

  cloud.clock.reset(); // the quiz and contest scenarios moved it on 30 s before each answer
  const jobs = `${quizRoundLine(rows)}

${contestRoundLine(rows)}

The quiz's and the points' timers after the bursts (every 10 minutes each; DB operations per run):

${quizTimers}

Closed-day check-in roll-ups of the organisations above (the check-in timer, run until done): ${rollupJob}.

Daily check-in reminder job (one timer invocation, ${exam.members.length} members holding a credit; the
same invocation then rechecks the closed-day roll-ups):

| run | members reminded | seconds | members/s | DB ops |
|---|---|---|---|---|
${job.join('\n')}`;
  return { rows, jobs };
}


main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
