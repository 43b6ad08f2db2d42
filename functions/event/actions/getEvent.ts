// getEvent: one event as a member sees it: seats left, their own status and place on the
// waitlist, and what they may do next.

import type { EventResponses } from '../../../core/contracts/event';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import type { ActionContext } from '../../lib/router';
import type { RegistrationDoc } from '../model';
import { loadForMember } from '../access';
import { registrationId, waitPosition } from '../registration';
import { audienceNames, coverUrls, detail } from '../views';

export async function getEvent(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['getEvent']> {
  const { db, clock } = ctx.deps;
  const { member, event } = await loadForMember(ctx, input.eventId);
  const reg = await getById<RegistrationDoc>(db, COLLECTIONS.eventRegistrations, registrationId(event._id, member._id));
  const urls = await coverUrls(ctx.deps, [event]);
  return detail(event, clock.now(), reg, {
    coverUrl: event.cover ? (urls.get(event.cover) ?? null) : null,
    names: await audienceNames(db, event),
    position: reg ? await waitPosition(db, reg) : null,
  });
}
