// Ended rate-limit windows are swept (issue 14 follow-up): every call that takes a token may create
// a window's document, and nothing else deletes them. The event function's timer deletes windows
// that have ended, a bounded number per run, by the `expiresAt` index; live windows stay.
import { COLLECTIONS } from '../../functions/lib/collections';
import { startTestCloud, type TestCloud } from '../helpers/cloud';

const MIN = 60_000;
let t: TestCloud;
let NOW = 0;

beforeAll(async () => {
  t = await startTestCloud();
  NOW = Math.ceil((Date.now() + 2 * 24 * 60 * MIN) / MIN) * MIN;
  t.cloud.clock.set(NOW);
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

const timer = () => t.cloud.invoke('event', { Type: 'Timer', TriggerName: 'remindUpcoming' }, { openid: '' });
const window = (i: number, endsAt: number) => ({
  _id: `rl-test-${endsAt}-${i}`,
  scope: 'test',
  keyHash: `k${i}`,
  windowStart: new Date(endsAt - 10 * MIN),
  count: 3,
  limit: 5,
  expiresAt: new Date(endsAt),
});

it('GIVEN ended and live windows THEN each timer run deletes ended ones up to its batch, and live ones are kept', async () => {
  const ENDED = 1_200;
  for (let i = 0; i < ENDED; i++) t.cloud.db.insert(COLLECTIONS.rateLimits, window(i, NOW - (i % 50) * MIN - 1));
  // A window ending this very moment has ended (the test clock runs on from NOW, so live ones end later).
  t.cloud.db.insert(COLLECTIONS.rateLimits, window(ENDED, NOW));
  const live = [window(1, NOW + 5 * MIN), window(2, NOW + 10 * MIN), window(3, NOW + 24 * 60 * MIN)];
  for (const doc of live) t.cloud.db.insert(COLLECTIONS.rateLimits, doc);
  const ended = () => t.cloud.db.count(COLLECTIONS.rateLimits, { expiresAt: { $lte: new Date(NOW) } });
  expect(ended()).toBe(ENDED + 1);

  const first = await timer();
  expect(first.result).toMatchObject({ ok: true });
  const sweptFirst = (first.result as { data: { rateLimitsSwept: number } }).data.rateLimitsSwept;
  // Bounded: one run does not take the whole backlog (the timer has 10 s for everything it does).
  expect(sweptFirst).toBeGreaterThan(0);
  expect(sweptFirst).toBeLessThan(ENDED);
  expect(ended()).toBe(ENDED + 1 - sweptFirst);

  for (let run = 0; run < 10 && ended() > 0; run++) await timer();
  expect(ended()).toBe(0);
  for (const doc of live) expect(t.cloud.db.get(COLLECTIONS.rateLimits, doc._id)).toMatchObject({ count: 3 });
  // Nothing left to sweep: a run deletes nothing.
  await expect(timer()).resolves.toMatchObject({ result: { ok: true, data: { rateLimitsSwept: 0 } } });
}, 60_000);
