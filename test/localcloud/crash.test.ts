// Crash safety: the local cloud, killed with SIGKILL in the middle of a write load, keeps every
// write it acknowledged and no half of a multi-document write. The load is members binding their
// roster entries (org.bindMember: one transaction writes the identity document and the roster
// entry together), newcomers asking to join (one bind request document each), and bound members
// liking a post, commenting on it (each one transaction with the post's count), signing up for an
// event (seat and registration are separate writes, repaired by the event timer) and checking in
// (check-in, summary and month one transaction; the branch's daily counter a separate increment,
// repaired by the check-in timer), all through the HTTP door as the H5 app calls it. After the restart every counter equals its records. The server runs as a child process (fixtures/crash-server.ts)
// so the kill takes the database, the function host and its instances down mid-write.

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startLocalCloud } from '../../localcloud';
import { COLLECTIONS, INDEXES } from '../../functions/lib/collections';
import { CRASH_BRANCH, crashMemberId, crashMemberName, crashSocialId, crashSocialOpenid } from './fixtures/crash-roster';

jest.setTimeout(60_000);

const FIXTURE = resolve(__dirname, 'fixtures/crash-server.ts');
const ROSTER = 200;
const NEWCOMERS = 60;
/** Bound members who like, comment, sign up and check in (one of each per member). */
const SOCIAL = 40;
/** Acknowledged writes after which the server is killed; the rest of the load is then in flight. */
const KILL_AFTER = 60;
const IN_FLIGHT = 12;

let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'localcloud-crash-'));
});

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server fixture and resolves with its port once it listens. */
function startServer(rosterSize: number, socialSize: number): Promise<{ proc: ChildProcess; port: number }> {
  // node itself, not the tsx CLI: the CLI runs the script in a grandchild the kill would miss.
  const proc = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, String(rosterSize), String(socialSize)], {
    cwd: resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((ok, fail) => {
    const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => ok({ proc, port: (JSON.parse(line) as { port: number }).port }));
    proc.once('exit', (code, signal) => fail(new Error(`crash server exited (${code ?? signal}) before listening:\n${stderr}`)));
  });
}

type Kind = 'bind' | 'request' | 'like' | 'comment' | 'signup' | 'checkin';
type Job = { openid: string; name: string; kind: Kind; index: number };
type Ack = Job & { status: string };
type Answer = { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> };

/** One call as the H5 app makes it: dev login, then POST /api/fn/<fn>. */
async function callAs(base: string, openid: string, fn: string, action: string, payload: unknown): Promise<Answer> {
  const login = await fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) });
  const { data } = (await login.json()) as { data: { token: string } };
  const res = await fetch(`${base}/api/fn/${fn}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action, payload }),
  });
  return (await res.json()) as Answer;
}

const commentText = (i: number) => `压测评论${i}`;

/** One member's call for `job`, against the load's post and event. */
async function run(base: string, job: Job, target: { postId: string; eventId: string }): Promise<Ack> {
  const call: [string, string, unknown] = {
    bind: ['org', 'bindMember', { name: job.name, inviteCode: CRASH_BRANCH.inviteCode }],
    request: ['org', 'bindMember', { name: job.name, inviteCode: CRASH_BRANCH.inviteCode }],
    like: ['feed', 'likePost', { postId: target.postId, like: true }],
    comment: ['feed', 'addComment', { postId: target.postId, text: commentText(job.index) }],
    signup: ['event', 'signUp', { eventId: target.eventId }],
    checkin: ['checkin', 'checkIn', { title: '压测学习', minutes: 20, note: '', share: false }],
  }[job.kind] as [string, string, unknown];
  const env = await callAs(base, job.openid, ...call);
  if (!env.ok) throw new Error(`${job.openid} ${job.kind}: ${env.code} ${env.message}`);
  // A check-in answers with its day, which the checks after the restart look up.
  const status = job.kind === 'checkin' ? env.data?.day : (env.data?.status ?? env.data?.liked ?? (env.data?.comment ? 'visible' : ''));
  return { ...job, status: String(status) };
}

/** A published post and an event open for sign-up (10 seats and a waitlist) for the social members. */
async function prepare(base: string): Promise<{ postId: string; eventId: string }> {
  const ok = async (fn: string, action: string, payload: unknown) => {
    const env = await callAs(base, 'demo-admin', fn, action, payload);
    if (!env.ok) throw new Error(`prepare ${action}: ${env.code} ${env.message}`);
    return env.data as { id: string };
  };
  const post = await ok('feed', 'savePost', { post: { kind: 'report', title: '压测报道', body: '<p>压测正文</p>', tags: [], unitId: null } });
  await ok('feed', 'publishPost', { postId: post.id });
  const now = Date.now();
  const HOUR = 3_600_000;
  const event = await ok('event', 'saveEvent', {
    event: {
      kind: 'party_lecture',
      title: '压测党课',
      description: '压测',
      place: '会议室',
      signupOpensAt: now - HOUR,
      signupClosesAt: now + 20 * HOUR,
      startsAt: now + 24 * HOUR,
      endsAt: now + 26 * HOUR,
      capacity: 10,
      waitlist: true,
      approval: false,
      unitIds: [CRASH_BRANCH.id],
      cancelHours: 2,
    },
  });
  await ok('event', 'publishEvent', { eventId: event.id });
  return { postId: post.id, eventId: event.id };
}

test('after a SIGKILL mid-load and a restart, every acknowledged write is there and none is half-written', async () => {
  const { proc, port } = await startServer(ROSTER, SOCIAL);
  const exited = new Promise<NodeJS.Signals | null>((ok) => proc.once('exit', (_code, signal) => ok(signal)));
  const base = `http://127.0.0.1:${port}`;
  const target = await prepare(base);

  // Binds and join requests interleaved: one request for every few binds.
  const jobs: Job[] = [];
  for (let i = 0, j = 0; i < ROSTER; i++) {
    jobs.push({ openid: `crash-o-${i}`, name: crashMemberName(i), kind: 'bind', index: i });
    if (i % 3 === 2 && j < NEWCOMERS) jobs.push({ openid: `crash-new-${j}`, name: `新来党员${j}`, kind: 'request', index: j++ });
    // Likes, comments, sign-ups and check-ins early in the load, so the kill finds them in flight too.
    if (i < SOCIAL) for (const kind of ['like', 'comment', 'signup', 'checkin'] as const) jobs.push({ openid: crashSocialOpenid(i), name: '', kind, index: i });
  }
  const acked: Ack[] = [];
  const failures: string[] = [];
  let killed = false;
  let inFlightAtKill = 0;
  let inFlight = 0;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (!killed && next < jobs.length) {
      const job = jobs[next++];
      inFlight++;
      try {
        const ack = await run(base, job, target);
        // An answer that arrives after the kill was sent still counts: it was acknowledged.
        acked.push(ack);
      } catch (err) {
        // A refused or dropped call is not an acknowledged write; before the kill none may fail.
        if (!killed) failures.push(String(err));
      } finally {
        inFlight--;
      }
      if (!killed && acked.length >= KILL_AFTER) {
        killed = true;
        inFlightAtKill = inFlight;
        proc.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  expect(failures).toEqual([]);
  expect(killed).toBe(true);
  expect(await exited).toBe('SIGKILL');
  // The kill landed in the middle of the load: calls were still running and more were waiting.
  expect(inFlightAtKill).toBeGreaterThan(0);
  expect(acked.length).toBeLessThan(jobs.length);
  expect(acked.filter((a) => a.kind === 'bind').every((a) => a.status === 'bound')).toBe(true);
  expect(acked.filter((a) => a.kind === 'request').every((a) => a.status === 'pending')).toBe(true);

  // The database file opens cleanly after the crash (SQLite replays or drops the WAL's tail).
  const sqlite = new Database(join(dataDir, 'cloud.sqlite'));
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    sqlite.close();
  }

  // Restart on the same directory, with the project's unique indexes checked on load.
  const cloud = await startLocalCloud({ dataDir, indexes: INDEXES, maxInstancesPerFunction: 2 });
  try {
    const db = cloud.db;
    for (const a of acked) {
      if (a.kind === 'like') {
        expect(db.get(COLLECTIONS.postLikes, `${target.postId}_${crashSocialId(a.index)}`)).toBeDefined();
      } else if (a.kind === 'comment') {
        expect(db.find(COLLECTIONS.postComments, { memberId: crashSocialId(a.index), text: commentText(a.index) })).toHaveLength(1);
      } else if (a.kind === 'signup') {
        expect(db.get(COLLECTIONS.eventRegistrations, `${target.eventId}_${crashSocialId(a.index)}`)?.status).toBe(a.status);
      } else if (a.kind === 'checkin') {
        expect(db.get(COLLECTIONS.checkins, `${crashSocialId(a.index)}_${a.status}`)).toBeDefined();
      } else if (a.kind === 'bind') {
        expect({ openid: a.openid, member: db.get(COLLECTIONS.members, crashMemberId(a.index))?.openid }).toEqual({ openid: a.openid, member: a.openid });
        expect(db.get(COLLECTIONS.identities, a.openid)?.memberId).toBe(crashMemberId(a.index));
      } else {
        expect(db.find(COLLECTIONS.bindRequests, { openid: a.openid }).map((r) => r.status)).toEqual(['pending']);
      }
    }
    // All or nothing: a roster entry is bound exactly when its identity document exists.
    const entries = db.find(COLLECTIONS.members, { unitId: CRASH_BRANCH.id, name: { $regex: '^压测党员' } });
    expect(entries).toHaveLength(ROSTER);
    const halves: string[] = [];
    for (const entry of entries) {
      const openid = entry.openid as string | null;
      const identity = openid ? db.get(COLLECTIONS.identities, openid) : undefined;
      if (openid && identity?.memberId !== entry._id) halves.push(`${String(entry._id)} bound to ${openid} without its identity`);
    }
    for (const identity of db.find(COLLECTIONS.identities, { memberId: { $regex: '^crash-member-' } })) {
      const entry = db.get(COLLECTIONS.members, identity.memberId as string);
      if (entry?.openid !== identity._id) halves.push(`identity ${String(identity._id)} without its roster entry bound`);
    }
    // A check-in and its member's summary and month are one transaction: all three or none.
    const checkins = db.find(COLLECTIONS.checkins, { memberId: { $regex: '^crash-social-' } });
    for (const c of checkins) {
      const memberId = c.memberId as string;
      const day = c.day as string;
      const summary = db.get(COLLECTIONS.checkinSummaries, memberId) as { total: number } | undefined;
      const month = db.get(COLLECTIONS.checkinMonths, `${memberId}_${day.slice(0, 7)}`) as { days: Record<string, string> } | undefined;
      if (summary?.total !== db.count(COLLECTIONS.checkins, { memberId })) halves.push(`check-in ${String(c._id)} without its summary`);
      if (month?.days[day.slice(8, 10)] !== 'c') halves.push(`check-in ${String(c._id)} without its month day`);
    }
    for (const s of db.find(COLLECTIONS.checkinSummaries, { _id: { $regex: '^crash-social-' } })) {
      if ((s.total as number) !== db.count(COLLECTIONS.checkins, { memberId: s._id })) halves.push(`summary ${String(s._id)} without its check-ins`);
    }
    expect(halves).toEqual([]);

    // Every counter equals its records. A like or comment and the post's count are one transaction:
    // equal at once. The event's counts are repaired by its timer when they stay different for a
    // minute (a sign-up killed between its seat and its registration).
    const acks = (kind: Kind) => acked.filter((a) => a.kind === kind).length;
    expect(acks('like') + acks('comment') + acks('signup') + acks('checkin')).toBeGreaterThan(0);
    const post = db.get(COLLECTIONS.posts, target.postId) as { likes: number; comments: number };
    expect({ likes: post.likes, comments: post.comments }).toEqual({
      likes: db.count(COLLECTIONS.postLikes, { postId: target.postId }),
      comments: db.count(COLLECTIONS.postComments, { postId: target.postId, status: 'visible' }),
    });
    const eventTimer = () => cloud.invoke('event', { Type: 'Timer', TriggerName: 'remindUpcoming' }, { openid: '' });
    const start = Date.now();
    cloud.clock.set(start);
    await eventTimer();
    cloud.clock.set(start + 61_000);
    await eventTimer();
    const event = db.get(COLLECTIONS.events, target.eventId) as { confirmed: number; waitlisted: number; pending: number };
    const registrations = (status: string) => db.count(COLLECTIONS.eventRegistrations, { eventId: target.eventId, status });
    expect({ confirmed: event.confirmed, waitlisted: event.waitlisted, pending: event.pending }).toEqual({
      confirmed: registrations('confirmed'),
      waitlisted: registrations('waitlisted'),
      pending: registrations('pending'),
    });
    // The branch's daily counters likewise, by the check-in timer (a check-in killed between its
    // transaction and its counter's increment).
    const checkinTimer = () => cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
    await checkinTimer();
    cloud.clock.set(start + 122_000);
    await checkinTimer();
    const days = [...new Set(checkins.map((c) => c.day as string))];
    expect(days.map((day) => ({ day, count: (db.get(COLLECTIONS.checkinDaily, `${CRASH_BRANCH.id}_${day}`)?.count as number | undefined) ?? 0 }))).toEqual(
      days.map((day) => ({ day, count: db.count(COLLECTIONS.checkins, { unitId: CRASH_BRANCH.id, day }) })),
    );
    cloud.clock.reset();

    // The restarted cloud takes writes again: an entry no one claimed binds.
    const free = entries.find((e) => e.openid === null);
    expect(free).toBeDefined();
    const after = await cloud.invoke(
      'org',
      { action: 'bindMember', payload: { name: free?.name, inviteCode: CRASH_BRANCH.inviteCode } },
      { openid: 'crash-after-restart' },
    );
    expect(after.result).toMatchObject({ ok: true, data: { status: 'bound' } });
    expect(db.get(COLLECTIONS.identities, 'crash-after-restart')?.memberId).toBe(free?._id);
  } finally {
    await cloud.close();
  }
});
