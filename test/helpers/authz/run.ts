// Runs one row of the matrix: every refused caller at once (the database must not change), then
// each permitted caller in turn, and scans every answer for data the caller must not see.

import type { ContextName } from '../../../core/contracts';
import { isEnvelope, type ErrorCode } from '../../../core/envelope';
import { DEMO_BRANCHES, DEMO_MEMBERS } from '../../../scripts/lib/demo-data';
import { A, KEY_MARK, type Fixture } from './fixture';
import { CALLER_KEYS, DENIED_CODES, openidOf, permittedFor, type CallerKey, type PayloadFor, type Row } from './types';

/** Collections that record attempts (rate limits, abuse flags): a refused call may write there. */
export const ATTEMPT_COLLECTIONS: ReadonlySet<string> = new Set(['rateLimits', 'quizFlags', 'contestFlags']);

type Snapshot = Map<string, Map<string, string>>;

export function snapshot(fx: Fixture): Snapshot {
  const db = fx.t.cloud.db;
  const out: Snapshot = new Map();
  for (const name of db.listCollections()) {
    if (ATTEMPT_COLLECTIONS.has(name)) continue;
    out.set(name, new Map(db.find(name).map((d) => [String(d._id), JSON.stringify(d)])));
  }
  return out;
}

/** The documents that differ, as `collection/_id`. */
export function changed(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? new Map<string, string>();
    const b = after.get(name) ?? new Map<string, string>();
    for (const id of new Set([...a.keys(), ...b.keys()])) if (a.get(id) !== b.get(id)) out.push(`${name}/${id}`);
  }
  return out;
}

// What the unknown, member and other-branch callers must never be shown: any phone number of the
// roster (whole or masked), roster entries not yet bound, invite codes. The organiser of the other
// subtree: none of these of A.
const rosterMarks = (members: typeof DEMO_MEMBERS, codes: string[]) => [
  ...members.flatMap((m) => (m.phone ? [m.phone, `${m.phone.slice(0, 3)}****${m.phone.slice(-4)}`] : [])),
  ...members.filter((m) => m.openid === null).map((m) => m.name),
  ...codes,
];
const ROSTER_MARKS = [...rosterMarks(DEMO_MEMBERS, DEMO_BRANCHES.map((b) => b.inviteCode)), '"phone', '"phoneMasked"', '"phoneTail"'];
const A_ROSTER_MARKS = rosterMarks(DEMO_MEMBERS.filter((m) => m.branch === A), DEMO_BRANCHES.filter((b) => b.id === A).map((b) => b.inviteCode));
const KEY_FIELDS = ['"answer":', '"blanks":', '"explanation":'];
const SCANNED: readonly CallerKey[] = ['unknown', 'member', 'otherMember'];
/** Members of A, so takers of A's open exam: they must never see its key. */
const TAKERS: readonly CallerKey[] = ['member', 'organiser'];

export function leaks(caller: CallerKey, answer: unknown, row: Row): string[] {
  const json = JSON.stringify(answer);
  const found: string[] = [];
  if (TAKERS.includes(caller) && json.includes(KEY_MARK)) found.push('the open exam’s answer key');
  if (caller === 'otherOrganiser') for (const mark of A_ROSTER_MARKS) if (json.includes(mark)) found.push(`A's roster data ${mark}`);
  if (caller === 'foreignAdmin') {
    for (const mark of [...rosterMarks(DEMO_MEMBERS, DEMO_BRANCHES.map((b) => b.inviteCode)), KEY_MARK]) if (json.includes(mark)) found.push(`the demo organisation's ${mark}`);
  }
  if (!SCANNED.includes(caller)) return found;
  for (const mark of ROSTER_MARKS) if (json.includes(mark)) found.push(`roster data ${mark}`);
  if (!(row.ownReview && caller === 'member')) for (const f of KEY_FIELDS) if (json.includes(f)) found.push(`key field ${f}`);
  return found;
}

export interface Outcome {
  caller: CallerKey;
  permitted: boolean;
  code: 'ok' | ErrorCode | 'not an envelope';
  message: string;
}

export interface RowResult {
  outcomes: Outcome[];
  problems: string[];
}

export async function runRow(fx: Fixture, context: ContextName, action: string, row: Row): Promise<RowResult> {
  const permitted = permittedFor(row);
  const refused = CALLER_KEYS.filter((c) => !permitted.includes(c));
  const outcomes: Outcome[] = [];
  const problems: string[] = [];
  const build = async (as: PayloadFor, openid: string) => (row.payload ? await row.payload(fx, as, openid) : {});
  const call = async (caller: CallerKey, payload: unknown): Promise<Outcome> => {
    const answer = await fx.t.call(openidOf(caller, context, action), context, action, payload);
    const code = !isEnvelope(answer) ? 'not an envelope' : answer.ok ? 'ok' : answer.code;
    const message = isEnvelope(answer) && !answer.ok ? `: ${answer.message}` : '';
    for (const leak of leaks(caller, answer, row)) problems.push(`${caller}: answer shows ${leak}`);
    return { caller, permitted: permitted.includes(caller), code, message };
  };

  if (refused.length > 0) {
    const payload = await build('denied', openidOf(refused[0], context, action));
    const before = snapshot(fx);
    const results = await Promise.all(refused.map((c) => call(c, payload)));
    const diff = changed(before, snapshot(fx));
    if (diff.length > 0) problems.push(`refused callers changed the database: ${diff.slice(0, 5).join(', ')}${diff.length > 5 ? ` (+${diff.length - 5})` : ''}`);
    const deniedOk = [...DENIED_CODES, ...(row.denied ?? [])];
    for (const o of results) {
      if (!deniedOk.includes(o.code as ErrorCode)) problems.push(`${o.caller} must be refused (${deniedOk.join('/')}), got ${o.code}${o.message}`);
    }
    outcomes.push(...results);
  }
  // One after another: a permitted caller's success must not decide the next one's outcome.
  for (const caller of permitted) {
    const openid = openidOf(caller, context, action);
    const payload = await build(caller, openid);
    // A domain refusal writes nothing either (only rows that expect one pay for the snapshots).
    const before = row.allowed ? snapshot(fx) : null;
    const o = await call(caller, payload);
    if (before && o.code !== 'ok') {
      const diff = changed(before, snapshot(fx));
      if (diff.length > 0) problems.push(`${caller} was refused (${o.code}) but the database changed: ${diff.slice(0, 5).join(', ')}`);
    }
    const allowed = ['ok', ...(row.allowed ?? [])];
    if (!allowed.includes(o.code)) problems.push(`${caller} may run it (${allowed.join('/')}), got ${o.code}${o.message}`);
    outcomes.push(o);
  }
  return { outcomes, problems };
}
