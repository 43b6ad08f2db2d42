// getSettings: the organisation's check-in settings (make-up rules, the daily reminder).

import type { CheckinSettings } from '../../../core/contracts/checkin';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { readSettings, settingsView as view } from '../settings';

export async function getSettings(_input: object, ctx: ActionContext): Promise<CheckinSettings> {
  const member = await requireMember(ctx);
  return view(await readSettings(ctx.deps.db, member.orgId), member);
}
