// Nothing half-written in a check-in (issue 14 follow-up). The check-in, the member's summary and
// the month document are the member's alone: one transaction writes them, so however the call is
// stopped a check-in is never seen without its summary and calendar day. A test barrier holds the
// summary write a separate write would send, and the database is read all the while.
// The branch's daily counter is where a whole branch checks in at once, so it stays a conditional
// increment and the check-in timer repairs it from the check-ins when a difference stays unchanged
// for a minute (a call that died between the check-in and the counter).
import { COLLECTIONS } from '../../functions/lib/collections';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

const entry = { title: '学习《中国共产党章程》', minutes: 30, note: '', share: false };
/** The UTC instant of a Beijing wall-clock time. */
const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);
let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

type Summary = { total: number; runs: Array<{ from: string; to: string }> };
const summaryOf = (memberId: string) => t.cloud.db.get(COLLECTIONS.checkinSummaries, memberId) as Summary | undefined;
const monthOf = (memberId: string, day: string) =>
  t.cloud.db.get(COLLECTIONS.checkinMonths, `${memberId}_${day.slice(0, 7)}`) as { days: Record<string, string> } | undefined;

/** What is wrong, if anything, with the member's summary and month as against their check-ins. */
function disagreement(memberId: string, day: string): string | null {
  const checkins = t.cloud.db.count(COLLECTIONS.checkins, { memberId });
  const total = summaryOf(memberId)?.total ?? 0;
  if (total !== checkins) return `check-ins ${checkins}, summary total ${total}`;
  const hasCheckin = Boolean(t.cloud.db.get(COLLECTIONS.checkins, `${memberId}_${day}`));
  const inMonth = Boolean(monthOf(memberId, day)?.days[day.slice(8, 10)]);
  if (hasCheckin !== inMonth) return `check-in of ${day} ${hasCheckin ? 'there' : 'missing'}, month day ${inMonth ? 'there' : 'missing'}`;
  return null;
}

/** Runs `action` while a barrier holds a summary write as a separate write sends it; the wrong states seen. */
async function watch(action: () => Promise<unknown>, memberId: string, day: string, held: 'database.insertDocument' | 'database.modifyDocument'): Promise<string[]> {
  const barrier = t.cloud.barrier({ action: held, collection: COLLECTIONS.checkinSummaries, parties: 2, timeoutMs: 1_500 });
  const seen: string[] = [];
  const note = () => {
    const wrong = disagreement(memberId, day);
    if (wrong && !seen.includes(wrong)) seen.push(wrong);
  };
  let done = false;
  const call = action().finally(() => {
    done = true;
  });
  while (!done) {
    note();
    await new Promise((r) => setTimeout(r, 10));
  }
  const answer = await call;
  barrier.cancel();
  note();
  expect(answer).toMatchObject({ ok: true });
  return seen;
}

describe('a check-in and the member’s summary and month are one write', () => {
  it('the first check-in (summary created) and the next day’s (summary updated) are never seen half-written', async () => {
    t.cloud.clock.set(beijing('2036-10-12', 9));
    expect(await watch(() => t.call('demo-m-12', 'checkin', 'checkIn', entry), 'demo-member-12', '2036-10-12', 'database.insertDocument')).toEqual([]);
    t.cloud.clock.set(beijing('2036-10-13', 9));
    expect(await watch(() => t.call('demo-m-12', 'checkin', 'checkIn', entry), 'demo-member-12', '2036-10-13', 'database.modifyDocument')).toEqual([]);
    expect(summaryOf('demo-member-12')).toMatchObject({ total: 2 });
  });

  it('a make-up is never seen without its summary and month day', async () => {
    t.cloud.clock.set(beijing('2036-10-14', 9));
    const seen = await watch(() => t.call('demo-m-13', 'checkin', 'makeUp', { ...entry, day: '2036-10-12' }), 'demo-member-13', '2036-10-12', 'database.insertDocument');
    expect(seen).toEqual([]);
    expect(summaryOf('demo-member-13')).toMatchObject({ total: 1 });
    expect(monthOf('demo-member-13', '2036-10-12')?.days['12']).toBe('m');
  });
});

describe('the branch’s daily counter, left wrong by a died call, is repaired by the timer', () => {
  const timer = () => t.cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
  const daily = (unitId: string, day: string) => t.cloud.db.get(COLLECTIONS.checkinDaily, `${unitId}_${day}`) as Record<string, unknown> | undefined;

  it('GIVEN a counter short of its check-ins (a call died before the counter) THEN it is repaired after two runs a minute apart', async () => {
    const day = '2036-10-20';
    t.cloud.clock.set(beijing(day, 9));
    for (const who of ['demo-m-14', 'demo-m-15', 'demo-m-16']) dataOf(await t.call(who, 'checkin', 'checkIn', entry));
    expect(daily('br-school', day)).toMatchObject({ count: 3 });
    // As a crash between the check-in and the counter leaves it.
    t.cloud.db.update(COLLECTIONS.checkinDaily, { _id: `br-school_${day}` }, { $set: { count: 1 } });
    await timer();
    expect(daily('br-school', day)).toMatchObject({ count: 1 });
    t.cloud.clock.set(beijing(day, 9, 2));
    await timer();
    expect(daily('br-school', day)).toMatchObject({ count: 3 });
    expect(daily('br-school', day)).not.toHaveProperty('check');
  });

  it('GIVEN a branch’s first check-in of the day that died before creating the counter THEN the counter is created', async () => {
    const day = '2036-10-21';
    t.cloud.clock.set(beijing(day, 9));
    dataOf(await t.call('demo-m-14', 'checkin', 'checkIn', entry));
    t.cloud.db.remove(COLLECTIONS.checkinDaily, { _id: `br-school_${day}` });
    await timer();
    t.cloud.clock.set(beijing(day, 9, 2));
    await timer();
    expect(daily('br-school', day)).toMatchObject({ count: 1, unitId: 'br-school', day });
  });

  it('a counter that is only behind while a call is in flight is not “repaired”', async () => {
    const day = '2036-10-22';
    t.cloud.clock.set(beijing(day, 9));
    dataOf(await t.call('demo-m-14', 'checkin', 'checkIn', entry));
    // A check-in whose counter increment has not landed yet.
    const doc = t.cloud.db.get(COLLECTIONS.checkins, `demo-member-14_${day}`) as Record<string, unknown>;
    t.cloud.db.insert(COLLECTIONS.checkins, { ...doc, _id: `demo-member-15_${day}`, memberId: 'demo-member-15' });
    await timer();
    expect(daily('br-school', day)).toMatchObject({ count: 1 });
    // The increment lands before the next run: nothing to repair, and the note is cleared.
    t.cloud.db.update(COLLECTIONS.checkinDaily, { _id: `br-school_${day}` }, { $inc: { count: 1 } });
    t.cloud.clock.set(beijing(day, 9, 2));
    await timer();
    expect(daily('br-school', day)).toMatchObject({ count: 2 });
    expect(daily('br-school', day)).not.toHaveProperty('check');
    // And a counter that moved between the runs is noted afresh, not repaired on the old note.
    t.cloud.db.update(COLLECTIONS.checkinDaily, { _id: `br-school_${day}` }, { $set: { count: 0 } });
    t.cloud.clock.set(beijing(day, 9, 4));
    await timer();
    t.cloud.db.update(COLLECTIONS.checkinDaily, { _id: `br-school_${day}` }, { $inc: { count: 1 } });
    t.cloud.clock.set(beijing(day, 9, 6));
    await timer();
    expect(daily('br-school', day)).toMatchObject({ count: 1 });
    t.cloud.clock.set(beijing(day, 9, 8));
    await timer();
    expect(daily('br-school', day)).toMatchObject({ count: 2 });
  });
});
