// Subscribe-message credits: each time a member accepts a one-time subscription WeChat allows one
// message, and WeChat cannot be asked how many are left, so the count lives here, one document
// per member with a counter per topic. Spending is an atomic conditional decrement.

import { COLLECTIONS } from './collections';
import { getById, insert, isDuplicateKeyError, list, updateWhere, type Database } from './db';
import type { Deps } from './deps';

/** `campaign`: a report due upward (专项行动), sent to the organisers of a unit that has not submitted. */
export const REMINDER_TOPICS = ['exam', 'checkin', 'event', 'campaign'] as const;
export type ReminderTopic = (typeof REMINDER_TOPICS)[number];

/**
 * Template ids come from the deployment (the mini-program's console assigns them); the local
 * cloud accepts any id and records the message in its outbox.
 */
export function templateId(topic: ReminderTopic): string {
  const fromEnv = process.env[`TEMPLATE_ID_${topic.toUpperCase()}`];
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : `local-${topic}-reminder`;
}

/** At most this many credits are kept per topic, so an eager tapper cannot make reminders endless. */
const CREDIT_CAP = 20;

/**
 * The member accepted these topics in WeChat's dialog: one credit each (the document is created on
 * first use; a topic at the cap stays there). Returns the credits now held.
 */
export async function grantCredits(
  db: Database,
  member: { _id: string; orgId: string },
  openid: string,
  topics: ReminderTopic[],
): Promise<Record<ReminderTopic, number>> {
  const _ = db.command;
  try {
    await insert(db, COLLECTIONS.reminderCredits, { _id: member._id, orgId: member.orgId, openid, exam: 0, checkin: 0, event: 0, campaign: 0 });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  for (const topic of new Set(topics)) {
    await updateWhere(db.collection(COLLECTIONS.reminderCredits).where({ _id: member._id, [topic]: _.lt(CREDIT_CAP) }), {
      [topic]: _.inc(1),
      openid,
      orgId: member.orgId,
    });
  }
  const doc = await getById<{ _id: string } & Record<string, unknown>>(db, COLLECTIONS.reminderCredits, member._id);
  return Object.fromEntries(REMINDER_TOPICS.map((t) => [t, Number(doc?.[t] ?? 0)])) as Record<ReminderTopic, number>;
}

/** Credits of `topic` held by some members: memberId → credits and the openid they were granted from. */
export async function creditsOf(db: Database, memberIds: string[], topic: ReminderTopic): Promise<Map<string, { credits: number; openid: string }>> {
  const _ = db.command;
  const out = new Map<string, { credits: number; openid: string }>();
  for (let i = 0; i < memberIds.length; i += 1000) {
    const chunk = memberIds.slice(i, i + 1000);
    const docs = await list<{ _id: string; openid?: string } & Record<string, unknown>>(
      db.collection(COLLECTIONS.reminderCredits).where({ _id: _.in(chunk) }).limit(chunk.length),
    );
    for (const d of docs) out.set(d._id, { credits: Number(d[topic] ?? 0), openid: String(d.openid ?? '') });
  }
  return out;
}

/** One page (in _id order, after `cursor`) of an organisation's members holding a credit of `topic`. */
export async function creditHolders(db: Database, orgId: string, topic: ReminderTopic, cursor: string, limit: number): Promise<Array<{ _id: string; openid?: string }>> {
  const _ = db.command;
  const filter = cursor ? { orgId, [topic]: _.gt(0), _id: _.gt(cursor) } : { orgId, [topic]: _.gt(0) };
  return list<{ _id: string; openid?: string }>(db.collection(COLLECTIONS.reminderCredits).where(filter).orderBy('_id', 'asc').limit(limit));
}

/** Take one credit of `topic` from the member; false when none is left. */
export async function spendCredit(db: Database, memberId: string, topic: ReminderTopic): Promise<boolean> {
  const _ = db.command;
  const n = await updateWhere(db.collection(COLLECTIONS.reminderCredits).where({ _id: memberId, [topic]: _.gt(0) }), { [topic]: _.inc(-1) });
  return n === 1;
}

/** WeChat limits a template's thing field to 20 characters. */
export function clip(s: string, n = 20): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export interface Reminder {
  memberId: string;
  openid: string;
  topic: ReminderTopic;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * Spend one of the member's credits for the topic and send the message: 'no_credit' when none is
 * left (nothing sent), 'refused' when WeChat did not take it (the credit is spent either way: the
 * consent was used), else 'sent'.
 */
export async function sendReminder(deps: Pick<Deps, 'db' | 'notify'>, r: Reminder): Promise<'sent' | 'no_credit' | 'refused'> {
  if (!(await spendCredit(deps.db, r.memberId, r.topic))) return 'no_credit';
  const ok = await deps.notify.send({ openid: r.openid, templateId: templateId(r.topic), page: r.page, data: r.data });
  return ok ? 'sent' : 'refused';
}
