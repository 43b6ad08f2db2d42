// The authorisation matrix (issue 14): every action of every context, enumerated from the
// contracts' schema maps, run as six kinds of caller (the organiser of the target's subtree both as
// the branch's own and as one of a unit above it) and another organisation's admin, against real
// objects of one branch, each outcome compared with the one table of who may
// (test/helpers/authz/rows-*.ts). A refused call leaves the database as it was; no answer to an
// outsider shows phones, roster or answer keys, and no taker of the branch's open exam sees its
// key. An action added to a contract without its row fails here.

import type { ContextName } from '../../core/contracts';
import { checkinSchemas } from '../../core/contracts/checkin';
import { campaignSchemas } from '../../core/contracts/campaign';
import { consoleSchemas } from '../../core/contracts/console';
import { eventSchemas } from '../../core/contracts/event';
import { examSchemas } from '../../core/contracts/exam';
import { feedSchemas } from '../../core/contracts/feed';
import { orgSchemas } from '../../core/contracts/org';
import { pointsSchemas } from '../../core/contracts/points';
import { quizSchemas } from '../../core/contracts/quiz';
import { startTestCloud, type TestCloud } from '../helpers/cloud';
import { A, buildFixture, type Fixture } from '../helpers/authz/fixture';
import { checkinRows } from '../helpers/authz/rows-checkin';
import { campaignRows } from '../helpers/authz/rows-campaign';
import { consoleRows } from '../helpers/authz/rows-console';
import { eventRows } from '../helpers/authz/rows-event';
import { examRows } from '../helpers/authz/rows-exam';
import { feedRows } from '../helpers/authz/rows-feed';
import { orgRows } from '../helpers/authz/rows-org';
import { pointsRows } from '../helpers/authz/rows-points';
import { quizRows } from '../helpers/authz/rows-quiz';
import { leaks, runRow } from '../helpers/authz/run';
import type { Tables } from '../helpers/authz/types';

const SCHEMAS: Record<ContextName, Record<string, unknown>> = { org: orgSchemas, exam: examSchemas, checkin: checkinSchemas, event: eventSchemas, feed: feedSchemas, points: pointsSchemas, quiz: quizSchemas, console: consoleSchemas, campaign: campaignSchemas };
const TABLES: Tables = { org: orgRows, exam: examRows, checkin: checkinRows, event: eventRows, feed: feedRows, points: pointsRows, quiz: quizRows, console: consoleRows, campaign: campaignRows };
const CONTEXTS = Object.keys(SCHEMAS) as ContextName[];

jest.setTimeout(60_000);

let t: TestCloud;
let fx: Fixture;
beforeAll(async () => {
  t = await startTestCloud();
  fx = await buildFixture(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

it('has one row for every action of every contract, and no row for an action that is not there', () => {
  const missing: string[] = [];
  const extra: string[] = [];
  for (const ctx of CONTEXTS) {
    for (const action of Object.keys(SCHEMAS[ctx])) if (!Object.prototype.hasOwnProperty.call(TABLES[ctx], action)) missing.push(`${ctx}.${action}`);
    for (const action of Object.keys(TABLES[ctx])) if (!Object.prototype.hasOwnProperty.call(SCHEMAS[ctx], action)) extra.push(`${ctx}.${action}`);
  }
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
});

it('scans for marks that are live: the answers the permitted see carry them, so their absence elsewhere means something', async () => {
  // The org admin sits none of A's exams: they read the open exam's key in the bank.
  const question = await t.call('demo-admin', 'exam', 'getQuestion', { questionId: fx.questionId });
  expect(leaks('organiser', question, { who: 'any-organiser' })).toContain('the open exam’s answer key');
  expect(leaks('otherMember', question, { who: 'any-organiser' })).toEqual(expect.arrayContaining(['key field "answer":', 'key field "explanation":']));
  // A's roster as its organiser sees it: phones (masked) and entries not yet bound.
  const roster = await t.call('demo-m-22', 'org', 'listMembers', { unitId: A, limit: 100 });
  const found = leaks('member', roster, { who: 'organiser-of-target' });
  expect(found.filter((l) => /roster data 1\d\d\*{4}\d{4}/.test(l)).length).toBeGreaterThan(0);
  expect(found).toContain('roster data 程保国');
});

// Rows come from the schema maps, so an action without a row still gets a (failing) test below.
describe.each(CONTEXTS)('%s', (ctx) => {
  const actions = Object.keys(SCHEMAS[ctx]);
  for (const action of actions) {
    const row = TABLES[ctx][action];
    if (!row) {
      it(`${action}: has a row in the matrix`, () => {
        throw new Error(`no row for ${ctx}.${action} in test/helpers/authz/rows-${ctx}.ts`);
      });
      continue;
    }
    const name = `${action}: ${row.who}${row.knownHole ? ` (known hole: ${row.knownHole})` : ''}`;
    (row.knownHole ? it.failing : it)(name, async () => {
      const { problems } = await runRow(fx, ctx, action, row);
      expect(problems).toEqual([]);
    });
  }
});
