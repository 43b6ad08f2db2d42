// branchCompletion: completion per branch the organiser manages, for a day and its week.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { completionOf, managedBranches } from '../completion';

export async function branchCompletion(input: { day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['branchCompletion']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const day = input.day ?? beijingDayKey(clock.now());
  return { day, units: await completionOf(db, await managedBranches(db, me), day) };
}
