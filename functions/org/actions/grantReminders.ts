// grantReminders: after the member accepts subscribe messages in WeChat's dialog, one credit per
// accepted topic is added to their counter document (created on first use). At most 20 are kept
// per topic, so an eager tapper cannot make reminders endless.

import type { OrgResponses } from '../../../core/contracts/org';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateWhere } from '../../lib/db';
import { requireMember } from '../../lib/identity';
import { REMINDER_TOPICS, type ReminderTopic } from '../../lib/reminders';
import type { ActionContext } from '../../lib/router';

const CAP = 20;

export async function grantReminders(input: { topics: ReminderTopic[] }, ctx: ActionContext): Promise<OrgResponses['grantReminders']> {
  const { db } = ctx.deps;
  const member = await requireMember(ctx);
  const _ = db.command;
  try {
    await insert(db, COLLECTIONS.reminderCredits, { _id: member._id, orgId: member.orgId, openid: ctx.openid, exam: 0, checkin: 0, event: 0 });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  for (const topic of new Set(input.topics)) {
    await updateWhere(db.collection(COLLECTIONS.reminderCredits).where({ _id: member._id, [topic]: _.lt(CAP) }), { [topic]: _.inc(1), openid: ctx.openid, orgId: member.orgId });
  }
  const doc = await getById<{ _id: string } & Record<string, unknown>>(db, COLLECTIONS.reminderCredits, member._id);
  const credits = Object.fromEntries(REMINDER_TOPICS.map((t) => [t, Number(doc?.[t] ?? 0)])) as Record<ReminderTopic, number>;
  return { credits };
}
