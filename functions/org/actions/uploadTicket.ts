// uploadTicket: a cloud path where the caller may upload a roster or units sheet to import (organisers only) (see lib/uploads.ts). Writes nothing.

import type { OrgResponses } from '../../../core/contracts/org';
import type { ActionContext } from '../../lib/router';
import { issueTicket, type UploadPurpose } from '../../lib/uploads';
import { requireOrganiser } from '../ports';

export async function uploadTicket(input: { purpose: UploadPurpose; name: string }, ctx: ActionContext): Promise<OrgResponses['uploadTicket']> {
  await requireOrganiser(ctx);
  return issueTicket(ctx.openid, 'org', input.purpose, input.name);
}
