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
 * The mini-program version a message opens (subscribeMessage.send's miniprogramState): the version
 * the member granted the credit from (`Taro.getAccountInfoSync().miniProgram.envVersion`, sent with
 * org.grantReminders), so a reminder granted in a trial version opens the trial version.
 */
export type MiniprogramState = 'developer' | 'trial' | 'formal';
export type EnvVersion = 'develop' | 'trial' | 'release';
const STATE_OF: Record<EnvVersion, MiniprogramState> = { develop: 'developer', trial: 'trial', release: 'formal' };

/** The message state for a client's envVersion; a client that sent none is a released version (WeChat's default, formal). */
export function miniprogramStateOf(envVersion: EnvVersion | undefined): MiniprogramState {
  return envVersion ? STATE_OF[envVersion] : 'formal';
}

/** The variable that holds a topic's template id (set on each sending function by `npm run deploy`). */
export function templateVariable(topic: ReminderTopic): string {
  return `TEMPLATE_ID_${topic.toUpperCase()}`;
}

/**
 * The template id of a topic from the function's environment (the mini-program's console assigns
 * it; `npm run deploy` refuses to deploy without one, and the local cloud sets its own); null when
 * unset. There is no fallback: a made-up id makes WeChat refuse every message after the member's
 * credit is spent.
 */
export function templateId(topic: ReminderTopic): string | null {
  const fromEnv = process.env[templateVariable(topic)];
  return fromEnv && fromEnv.trim() !== '' ? fromEnv.trim() : null;
}

/** Topics whose template id is missing in this instance (each said once in the log, on the first attempt). */
const unconfiguredSaid = new Set<ReminderTopic>();

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
  state: MiniprogramState = 'formal',
): Promise<Record<ReminderTopic, number>> {
  const _ = db.command;
  try {
    await insert(db, COLLECTIONS.reminderCredits, { _id: member._id, orgId: member.orgId, openid, state, exam: 0, checkin: 0, event: 0, campaign: 0 });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  for (const topic of new Set(topics)) {
    await updateWhere(db.collection(COLLECTIONS.reminderCredits).where({ _id: member._id, [topic]: _.lt(CREDIT_CAP) }), {
      [topic]: _.inc(1),
      openid,
      orgId: member.orgId,
      // The version the consent was given in: messages open that version.
      state,
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
 * Send the message, spending one of the member's credits for the topic: 'unconfigured' when the
 * function has no template id for the topic (nothing sent, no credit spent: said in the log once
 * per instance), 'no_credit' when none is left (nothing sent), 'refused' when WeChat did not take
 * it (the credit is spent either way: the consent was used), else 'sent'. The message opens the
 * mini-program version the credit was granted from (one read of the credit, only when sending).
 */
export async function sendReminder(deps: Pick<Deps, 'db' | 'notify' | 'log'>, r: Reminder): Promise<'sent' | 'no_credit' | 'refused' | 'unconfigured'> {
  const template = templateId(r.topic);
  if (template === null) {
    if (!unconfiguredSaid.has(r.topic)) {
      unconfiguredSaid.add(r.topic);
      deps.log.error(`${templateVariable(r.topic)} is not set: ${r.topic} reminders are not sent and no member's credit is spent (set it on the function; npm run deploy does)`);
    }
    return 'unconfigured';
  }
  if (!(await spendCredit(deps.db, r.memberId, r.topic))) return 'no_credit';
  const doc = await getById<{ _id: string; state?: MiniprogramState }>(deps.db, COLLECTIONS.reminderCredits, r.memberId);
  const state: MiniprogramState = doc?.state === 'developer' || doc?.state === 'trial' ? doc.state : 'formal';
  const ok = await deps.notify.send({ openid: r.openid, templateId: template, page: r.page, data: r.data, state });
  return ok ? 'sent' : 'refused';
}
