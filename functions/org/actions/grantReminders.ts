// grantReminders: after the member accepts subscribe messages in WeChat's dialog, one credit per
// accepted topic is added (functions/lib/reminders.ts owns the credits and their cap of 20).

import type { OrgResponses } from '../../../core/contracts/org';
import { grantCredits, miniprogramStateOf, type EnvVersion, type ReminderTopic } from '../../lib/reminders';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../ports';

export async function grantReminders(input: { topics: ReminderTopic[]; envVersion?: EnvVersion }, ctx: ActionContext): Promise<OrgResponses['grantReminders']> {
  const member = await requireMember(ctx);
  // The version the consent was given in travels with the credit (lib/reminders: miniprogramState).
  return { credits: await grantCredits(ctx.deps.db, member, ctx.openid, input.topics, miniprogramStateOf(input.envVersion)) };
}
