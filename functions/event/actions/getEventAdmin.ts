// getEventAdmin: an organiser's view of one event, with its counts per branch of their subtrees.

import type { EventAdminView } from '../../../core/contracts/event';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { adminViewFor } from '../views';

export async function getEventAdmin(input: { eventId: string }, ctx: ActionContext): Promise<EventAdminView> {
  return adminViewFor(ctx, await loadForOrganiser(ctx, input.eventId, 'view'));
}
