// The property every action keeps, whatever the payload and whoever calls: the answer is a valid
// envelope, never INTERNAL, never an HTTP 500 (nor a crashed or timed-out function), and a refused
// call leaves every document of the database as it was (collections that record attempts aside).
import fc from 'fast-check';
import type { z } from 'zod';
import type { ContextName } from '../../../core/contracts';
import { isEnvelope } from '../../../core/envelope';
import type { TestCloud } from '../cloud';
import { InvocationError } from '../../../localcloud';
import { arbitraryOf, malformedOf, type FuzzTargets } from './arbitrary';
import { jsonText } from './hostile';
import { diffSnapshots, type StoreReader } from './snapshot';

export interface FuzzDoor {
  t: TestCloud;
  /** Dev-login tokens of the HTTP host, per openid. */
  tokens: Record<string, string>;
  /** The database as stored, without the collections that record attempts. */
  store: StoreReader;
}

/** What one action's runs did, for the summary. */
export interface FuzzTally {
  runs: number;
  schemaPassed: number;
  ok: number;
  refused: Record<string, number>;
  http: number;
  snapshotMs: number;
  /** Known violations met (KNOWN_FAILURES), let through. */
  known: string[];
}

export interface FuzzCase {
  fn: ContextName;
  action: string;
  schema: z.ZodType;
  callers: ReadonlyArray<{ openid: string; weight: number }>;
}

/** A short, printable form of a payload (hostile characters escaped, long runs cut). */
export function show(value: unknown, max = 600): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (Array.isArray(v) && v.length > 20 ? [...v.slice(0, 3), `…${v.length} items`] : v));
  } catch (err) {
    text = `<unprintable: ${err instanceof Error ? err.message : String(err)}>`;
  }
  text = text ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}

/** Payloads for one action: about four in five aimed at passing the schema, the rest malformed. */
export function payloadArbitrary(schema: z.ZodType, targets: FuzzTargets): fc.Arbitrary<unknown> {
  const valid = arbitraryOf(schema, targets);
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: malformedOf(schema, valid), weight: 1 });
}

async function viaHttp(door: FuzzDoor, fn: string, openid: string, event: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${door.t.cloud.url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${door.tokens[openid]}` },
    body: jsonText(event),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: text };
  }
}

/** How a call broke the property. `http-500` and `invocation` are the same fault seen at two doors. */
export type ViolationKind = 'http-500' | 'invocation' | 'not-envelope' | 'INTERNAL' | 'db-changed';

export interface Violation {
  kind: ViolationKind;
  message: string;
}

/** One call of `fn.action` as `openid`, checked; null when it kept the property. */
export async function checkCall(door: FuzzDoor, c: Pick<FuzzCase, 'fn' | 'action'>, openid: string, payload: unknown, throughHttp: boolean, tally: FuzzTally = emptyTally()): Promise<Violation | null> {
  const event = { action: c.action, payload };
  let started = performance.now();
  const before = door.store.snapshot();
  tally.snapshotMs += performance.now() - started;
  const where = `${c.fn}.${c.action} as ${openid}${throughHttp ? ' via POST /api/fn' : ''}`;
  let answer: unknown;
  if (throughHttp) {
    tally.http++;
    const res = await viaHttp(door, c.fn, openid, event);
    if (res.status >= 500) return { kind: 'http-500', message: `${where}: HTTP ${res.status} ${show(res.body)}` };
    answer = res.body;
  } else {
    try {
      answer = (await door.t.cloud.invoke(c.fn, event, { openid })).result;
    } catch (err) {
      // An event that cannot travel as the platform's JSON (nested too deep) is refused before any
      // instance runs, as the HTTP door refuses its body with 400: a refusal, so the database must
      // be as it was.
      if (err instanceof InvocationError && err.kind === 'invalid_event') {
        tally.refused.invalid_event = (tally.refused.invalid_event ?? 0) + 1;
        const changed = diffSnapshots(before, door.store.snapshot());
        return changed.length === 0 ? null : { kind: 'db-changed', message: `${where}: event refused, yet the database changed` };
      }
      // The host's own failure (the function threw, crashed or timed out) is the HTTP door's 500.
      return { kind: 'invocation', message: `${where}: invocation failed (HTTP 500 at the door): ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  if (!isEnvelope(answer)) return { kind: 'not-envelope', message: `${where}: not an envelope: ${show(answer)}` };
  if (answer.ok) {
    tally.ok++;
    return null;
  }
  tally.refused[answer.code] = (tally.refused[answer.code] ?? 0) + 1;
  if (answer.code === 'INTERNAL') return { kind: 'INTERNAL', message: `${where}: INTERNAL: ${answer.message}` };
  started = performance.now();
  const changes = diffSnapshots(before, door.store.snapshot());
  tally.snapshotMs += performance.now() - started;
  if (changes.length === 0) return null;
  const list = changes.slice(0, 5).map((ch) => `  ${ch.collection}/${ch.id}: ${show(ch.before, 200)} → ${show(ch.after, 200)}`);
  return { kind: 'db-changed', message: `${where}: refused (${answer.code} ${answer.message}) yet the database changed:\n${list.join('\n')}` };
}

/**
 * The property for one action. `tolerated` says whether a violation is a known one (listed for a
 * fix): counted in the tally and let through, so the other faults of the action still fail.
 */
export function fuzzProperty(door: FuzzDoor, c: FuzzCase, targets: FuzzTargets, tally: FuzzTally, tolerated: (v: Violation, payload: unknown) => boolean) {
  const http = fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 });
  const caller = fc.oneof(...c.callers.map(({ openid, weight }) => ({ arbitrary: fc.constant(openid), weight })));
  return fc.asyncProperty(caller, payloadArbitrary(c.schema, targets), http, async (openid, payload, throughHttp) => {
    tally.runs++;
    if (c.schema.safeParse(payload).success) tally.schemaPassed++;
    const violation = await checkCall(door, c, openid, payload, throughHttp, tally);
    if (violation === null) return;
    if (!tolerated(violation, payload)) throw new Error(violation.message);
    tally.known.push(violation.message.slice(0, 300));
  });
}

export function emptyTally(): FuzzTally {
  return { runs: 0, schemaPassed: 0, ok: 0, refused: {}, http: 0, snapshotMs: 0, known: [] };
}
