// uploadTicket: a cloud path where the caller may upload an event cover or report photo (organisers only) (see lib/uploads.ts). Writes nothing.

import type { EventResponses } from '../../../core/contracts/event';
import type { ActionContext } from '../../lib/router';
import { issueTicket, type UploadPurpose } from '../../lib/uploads';
import { requireOrganiser } from '../../org/ports';

export async function uploadTicket(input: { purpose: UploadPurpose; name: string }, ctx: ActionContext): Promise<EventResponses['uploadTicket']> {
  await requireOrganiser(ctx);
  return issueTicket(ctx.openid, 'event', input.purpose, input.name);
}
