// grantReminders: after the member accepts subscribe messages in WeChat's dialog, one credit per
// accepted topic is added (functions/lib/reminders.ts owns the credits and their cap of 20).

import type { OrgResponses } from '../../../core/contracts/org';
import { grantCredits, type ReminderTopic } from '../../lib/reminders';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../ports';

export async function grantReminders(input: { topics: ReminderTopic[] }, ctx: ActionContext): Promise<OrgResponses['grantReminders']> {
  const member = await requireMember(ctx);
  return { credits: await grantCredits(ctx.deps.db, member, ctx.openid, input.topics) };
}
