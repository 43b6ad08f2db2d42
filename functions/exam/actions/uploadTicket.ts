// uploadTicket: a cloud path where the caller may upload a question sheet to import (organisers only) (see lib/uploads.ts). Writes nothing.

import type { ExamResponses } from '../../../core/contracts/exam';
import type { ActionContext } from '../../lib/router';
import { issueTicket, type UploadPurpose } from '../../lib/uploads';
import { requireOrganiser } from '../../org/ports';

export async function uploadTicket(input: { purpose: UploadPurpose; name: string }, ctx: ActionContext): Promise<ExamResponses['uploadTicket']> {
  await requireOrganiser(ctx);
  return issueTicket(ctx.openid, 'exam', input.purpose, input.name);
}
