// uploadTicket: a cloud path where the caller may upload a post picture or a featured member's photo (bound members; what may be saved is checked by the saving action) (see lib/uploads.ts). Writes nothing.

import type { FeedResponses } from '../../../core/contracts/feed';
import type { ActionContext } from '../../lib/router';
import { issueTicket, type UploadPurpose } from '../../lib/uploads';
import { requireMember } from '../../org/ports';

export async function uploadTicket(input: { purpose: UploadPurpose; name: string }, ctx: ActionContext): Promise<FeedResponses['uploadTicket']> {
  await requireMember(ctx);
  return issueTicket(ctx.openid, 'feed', input.purpose, input.name);
}
