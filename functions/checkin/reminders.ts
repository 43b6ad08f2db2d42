// Check-in reminders: each member is reminded at most once per Beijing day, whether by the daily
// timer job or by an organiser's button. A marker document (`${memberId}_${day}`) is inserted
// first, so two reminders racing for one member send one message; the credit is spent only by
// the one whose marker went in, and given back to the day (marker removed) when none is left.

import { reminderDue } from '../../core/domain/checkin';
import { beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, isDuplicateKeyError, list, updateById, type Database } from '../lib/db';
import type { Deps } from '../lib/deps';
import { membersByIds, organisationRoots } from '../org/ports';
import { clip, creditHolders, creditsOf, sendReminder } from '../lib/reminders';
import type { ReminderRunDoc } from './model';
import { checkinId } from './record';
import { readSettings } from './settings';

type Outcome = 'sent' | 'no_credit' | 'already';

interface Target {
  memberId: string;
  openid: string;
}

export async function remindOne(deps: Deps, t: Target, day: string, by: 'timer' | 'organiser', from: string): Promise<Outcome> {
  const { db, clock } = deps;
  const markId = checkinId(t.memberId, day);
  try {
    await insert(db, COLLECTIONS.checkinReminders, { _id: markId, at: clock.now(), by });
  } catch (err) {
    if (isDuplicateKeyError(err)) return 'already';
    throw err;
  }
  const outcome = await sendReminder(deps, {
    ...t,
    topic: 'checkin',
    page: 'pages/study/index',
    data: {
      thing1: { value: clip('今日学习打卡') },
      date2: { value: day },
      thing3: { value: clip(`${from}提醒您今天还未学习打卡`) },
    },
  });
  // No credit left (or no template id configured): the day stays open for a reminder once one can be sent.
  if (outcome === 'no_credit' || outcome === 'unconfigured') await db.collection(COLLECTIONS.checkinReminders).doc(markId).remove();
  return outcome === 'sent' ? 'sent' : 'no_credit';
}

/** Check-in credits of some members: memberId → credits and the openid they were granted from. */
export async function checkinCreditsOf(db: Database, memberIds: string[]): Promise<Map<string, { checkin: number; openid: string }>> {
  const held = await creditsOf(db, memberIds, 'checkin');
  return new Map([...held].map(([id, c]) => [id, { checkin: c.credits, openid: c.openid }]));
}

const PAGE = 200;
const PARALLEL = 10;

/**
 * The daily reminder job (timer trigger, every few minutes): for each organisation whose reminder
 * time has come today, walk the members holding a check-in credit, in _id order, and remind those
 * who have not checked in. Progress is saved per page in the day's run document, so a run cut
 * short by the function's time limit continues at the next trigger; markers make a repeat harmless.
 */
export async function sendDailyReminders(deps: Deps, budgetMs = 45_000): Promise<{ organisations: number; sent: number; done: boolean }> {
  const { db, clock } = deps;
  const _ = db.command;
  const startedAt = Date.now();
  const now = clock.now();
  const today = beijingDayKey(now);
  const orgs = await organisationRoots(db);
  let organisations = 0;
  let sent = 0;
  let done = true;
  for (const org of orgs) {
    const settings = await readSettings(db, org._id);
    if (!settings.reminderEnabled || !reminderDue(settings.reminderTime, now)) continue;
    const runId = `${org._id}_${today}`;
    let run = await getById<ReminderRunDoc>(db, COLLECTIONS.checkinReminderRuns, runId);
    if (!run) {
      run = { _id: runId, orgId: org._id, day: today, cursor: '', done: false, sent: 0, startedAt: now, finishedAt: null };
      try {
        await insert(db, COLLECTIONS.checkinReminderRuns, { ...run });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        run = await getById<ReminderRunDoc>(db, COLLECTIONS.checkinReminderRuns, runId);
      }
    }
    if (!run || run.done) continue;
    organisations++;
    let cursor = run.cursor;
    for (;;) {
      if (Date.now() - startedAt > budgetMs) {
        done = false;
        break;
      }
      const holders = await creditHolders(db, org._id, 'checkin', cursor, PAGE);
      if (holders.length > 0) {
        const ids = holders.map((h) => h._id);
        const members = new Map(
          (await membersByIds(db, ids)).map((m) => [m._id, m]),
        );
        const checked = new Set(
          (await list<{ _id: string; memberId: string }>(db.collection(COLLECTIONS.checkins).where({ _id: _.in(ids.map((id) => checkinId(id, today))) }).limit(ids.length))).map(
            (c) => c.memberId,
          ),
        );
        const due: Target[] = [];
        for (const h of holders) {
          const m = members.get(h._id);
          if (m?.openid && m.openid === h.openid && !checked.has(h._id)) due.push({ memberId: m._id, openid: m.openid });
        }
        // A few at a time: each is two writes and a message, independent of the others.
        let pageSent = 0;
        for (let i = 0; i < due.length; i += PARALLEL) {
          const outcomes = await Promise.all(due.slice(i, i + PARALLEL).map((d) => remindOne(deps, d, today, 'timer', org.name)));
          pageSent += outcomes.filter((o) => o === 'sent').length;
        }
        sent += pageSent;
        cursor = holders[holders.length - 1]._id;
        await updateById(db, COLLECTIONS.checkinReminderRuns, runId, { cursor, sent: _.inc(pageSent) });
      }
      if (holders.length < PAGE) {
        await updateById(db, COLLECTIONS.checkinReminderRuns, runId, { done: true, finishedAt: clock.now() });
        break;
      }
    }
  }
  return { organisations, sent, done };
}
