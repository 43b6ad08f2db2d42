// Subscribe messages about an event, each spending one of the member's `event` credits (the app
// shows the same news in any case).

import { EVENT_DETAIL_PAGE } from '../../core/domain/event';
import { formatBeijing } from '../../core/domain/time';
import type { Deps } from '../lib/deps';
import { getMember } from '../org/ports';
import { clip, sendReminder } from '../lib/reminders';
import type { EventDoc, RegistrationDoc } from './model';

/** A subscribe message about an event (its title, start and a note), spending one `event` credit. */
export function tellAboutEvent(deps: Deps, event: EventDoc, member: { memberId: string; openid: string }, note: string) {
  return sendReminder(deps, {
    ...member,
    topic: 'event',
    page: `${EVENT_DETAIL_PAGE}?id=${event._id}`,
    data: { thing1: { value: clip(event.title) }, time2: { value: formatBeijing(event.startsAt) }, thing3: { value: clip(note) } },
  });
}

/** A promoted member hears it by subscribe message when they hold a credit (and in the app, always). */
export async function tellPromoted(deps: Deps, event: EventDoc, reg: RegistrationDoc): Promise<void> {
  const member = await getMember(deps.db, reg.memberId);
  if (member?.openid) await tellAboutEvent(deps, event, { memberId: reg.memberId, openid: member.openid }, '候补成功，您已获得名额');
}
