// uploadTicket: a cloud path where an organiser may upload a report attachment (`document`: pdf,
// Word, Excel or a picture; any other extension is refused here, by lib/uploads.ts) or a task
// photo (`photo`). Only files uploaded through the caller's own ticket are accepted by the actions
// that take them (saveReport checks size and bytes too). Writes nothing.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import type { ActionContext } from '../../lib/router';
import { issueTicket } from '../../lib/uploads';
import { requireOrganiser } from '../../org/ports';

export async function uploadTicket(input: { purpose: 'document' | 'photo'; name: string }, ctx: ActionContext): Promise<CampaignResponses['uploadTicket']> {
  await requireOrganiser(ctx);
  return issueTicket(ctx.openid, 'campaign', input.purpose, input.name);
}
