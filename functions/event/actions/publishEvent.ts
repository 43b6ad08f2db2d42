// publishEvent: its creator or an org admin publishes a draft (members see it from then on);
// publishing again is harmless.

import type { EventAdminView } from '../../../core/contracts/event';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { adminViewFor } from '../views';

export async function publishEvent(input: { eventId: string }, ctx: ActionContext): Promise<EventAdminView> {
  const { db, clock } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
  if (scope.event.status !== 'draft') return adminViewFor(ctx, scope);
  const now = clock.now();
  if (scope.event.signupClosesAt <= now) throw precondition('报名截止时间已经过去，请先修改时间');
  await updateWhere(db.collection(COLLECTIONS.events).where({ _id: scope.event._id, status: 'draft' }), { status: 'published', publishedAt: now });
  return adminViewFor(ctx, { ...scope, event: { ...scope.event, status: 'published', publishedAt: now } });
}
