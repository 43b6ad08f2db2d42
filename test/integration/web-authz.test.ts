// The authorisation matrix for web callers (docs/WEB-APP.md): a sample of every context's actions
// (test/helpers/authz/rows-org.ts WEB_SAMPLE) run through a web caller. Without a web key the
// caller is refused on each, with the code an unbound mini-program caller gets, and nothing
// changes; signed in as one of the matrix's callers, they get exactly that caller's answer from the
// mini-program (the same code; allowed where the row allows that caller, refused where it does not),
// and no answer shows what that caller must not see.

import type { ContextName } from '../../core/contracts';
import { isEnvelope } from '../../core/envelope';
import { startTestCloud, type TestCloud } from '../helpers/cloud';
import { buildFixture, type Fixture } from '../helpers/authz/fixture';
import { checkinRows } from '../helpers/authz/rows-checkin';
import { eventRows } from '../helpers/authz/rows-event';
import { examRows } from '../helpers/authz/rows-exam';
import { feedRows } from '../helpers/authz/rows-feed';
import { orgRows, WEB_SAMPLE } from '../helpers/authz/rows-org';
import { pointsRows } from '../helpers/authz/rows-points';
import { changed, leaks, snapshot } from '../helpers/authz/run';
import { CALLERS, DENIED_CODES, permittedFor, type CallerKey, type Row } from '../helpers/authz/types';
import { newWebUid, signInAsWeb, webCall } from '../helpers/web';

jest.setTimeout(120_000);

const TABLES: Partial<Record<ContextName, Record<string, Row>>> = { org: orgRows, exam: examRows, checkin: checkinRows, event: eventRows, feed: feedRows, points: pointsRows };
const SIGNED_IN: readonly Exclude<CallerKey, 'unknown' | 'foreignAdmin'>[] = ['member', 'otherMember', 'otherOrganiser', 'organiser', 'upperOrganiser', 'admin'];

let t: TestCloud;
let fx: Fixture;
beforeAll(async () => {
  t = await startTestCloud();
  fx = await buildFixture(t);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const rowOf = (ctx: ContextName, action: string): Row => {
  const row = TABLES[ctx]?.[action];
  if (!row) throw new Error(`no matrix row for ${ctx}.${action}`);
  return row;
};
const codeOf = (answer: unknown) => (!isEnvelope(answer) ? 'not an envelope' : answer.ok ? 'ok' : answer.code);

it('samples actions that are in the matrix, from six contexts', () => {
  for (const [ctx, action] of WEB_SAMPLE) expect(rowOf(ctx, action)).toBeDefined();
  expect(new Set(WEB_SAMPLE.map(([ctx]) => ctx)).size).toBe(6);
});

it('refuses a web caller without a web key on every sampled action, as an unbound caller, changing nothing', async () => {
  const uid = newWebUid();
  const problems: string[] = [];
  for (const [ctx, action] of WEB_SAMPLE) {
    const row = rowOf(ctx, action);
    const payload = row.payload ? await row.payload(fx, 'denied', `authz-unknown-${ctx}-${action}`) : {};
    const before = snapshot(fx);
    const web = await webCall(t, uid, ctx, action, payload);
    const unbound = await t.call(`web-authz-unbound-${ctx}-${action}`, ctx, action, payload);
    if (codeOf(web) !== 'UNAUTHENTICATED') problems.push(`${ctx}.${action}: web caller without a key got ${codeOf(web)}`);
    if (codeOf(unbound) !== 'UNAUTHENTICATED' && !(row.who === 'unknown-ok')) problems.push(`${ctx}.${action}: an unbound openid got ${codeOf(unbound)}`);
    for (const leak of leaks('unknown', web, row)) problems.push(`${ctx}.${action}: the answer shows ${leak}`);
    const diff = changed(before, snapshot(fx));
    if (diff.length > 0) problems.push(`${ctx}.${action}: the database changed: ${diff.slice(0, 3).join(', ')}`);
  }
  expect(problems).toEqual([]);
});

it('gives a web caller signed in as a member exactly that member’s rights on every sampled action', async () => {
  const problems: string[] = [];
  for (const caller of SIGNED_IN) {
    const openid = CALLERS[caller];
    const uid = await signInAsWeb(t, openid);
    for (const [ctx, action] of WEB_SAMPLE) {
      const row = rowOf(ctx, action);
      const payload = row.payload ? await row.payload(fx, caller, openid) : {};
      const [web, app] = [await webCall(t, uid, ctx, action, payload), await t.call(openid, ctx, action, payload)];
      const permitted = permittedFor(row).includes(caller);
      const code = codeOf(web);
      if (code !== codeOf(app)) problems.push(`${caller} ${ctx}.${action}: web ${code}, mini-program ${codeOf(app)}`);
      const expected = permitted ? ['ok', ...(row.allowed ?? [])] : [...DENIED_CODES, ...(row.denied ?? [])];
      if (!expected.includes(code)) problems.push(`${caller} ${ctx}.${action}: ${permitted ? 'may' : 'may not'} run it, got ${code}`);
      for (const leak of leaks(caller, web, row)) problems.push(`${caller} ${ctx}.${action}: the answer shows ${leak}`);
    }
  }
  expect(problems).toEqual([]);
});
