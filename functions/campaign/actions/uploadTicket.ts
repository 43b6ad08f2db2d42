// uploadTicket: a cloud path where the caller may upload one file (see lib/uploads.ts): a report
// attachment (`document`: pdf, Word, Excel or a picture, any other extension refused here) for
// organisers, who alone write reports; a task photo (`photo`) for any bound member, since an
// item's owner may be a plain member writing its progress. Only files uploaded through the
// caller's own ticket are accepted by the actions that take them (saveReport also checks size and
// bytes; the task actions check the owner). Writes nothing.

import type { CampaignResponses } from '../../../core/contracts/campaign';
import type { ActionContext } from '../../lib/router';
import { issueTicket } from '../../lib/uploads';
import { requireMember, requireOrganiser } from '../../org/ports';

export async function uploadTicket(input: { purpose: 'document' | 'photo'; name: string }, ctx: ActionContext): Promise<CampaignResponses['uploadTicket']> {
  if (input.purpose === 'document') await requireOrganiser(ctx);
  else await requireMember(ctx);
  return issueTicket(ctx.openid, 'campaign', input.purpose, input.name);
}
