// uploadTicket: a cloud path where the caller may upload a check-in photo (bound members) (see lib/uploads.ts). Writes nothing.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import type { ActionContext } from '../../lib/router';
import { issueTicket, type UploadPurpose } from '../../lib/uploads';
import { requireMember } from '../../org/ports';

export async function uploadTicket(input: { purpose: UploadPurpose; name: string }, ctx: ActionContext): Promise<CheckinResponses['uploadTicket']> {
  await requireMember(ctx);
  return issueTicket(ctx.openid, 'checkin', input.purpose, input.name);
}
