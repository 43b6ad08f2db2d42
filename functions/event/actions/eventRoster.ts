// eventRoster: an event's roster by status (all, confirmed, waitlisted in order, pending,
// cancelled, attended, no-shows once it ended), with a line of names to paste into a chat.

import type { EventResponses } from '../../../core/contracts/event';
import { REGISTRATION_STATUS_LABELS } from '../../../core/domain/event';
import { bareTitle } from '../../../core/domain/nudge';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { rosterRows } from '../roster';

export async function eventRoster(
  input: { eventId: string; filter: 'all' | 'confirmed' | 'waitlisted' | 'pending' | 'cancelled' | 'attended' | 'no_show' },
  ctx: ActionContext,
): Promise<EventResponses['eventRoster']> {
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const ended = ctx.deps.clock.now() > scope.event.endsAt;
  const all = await rosterRows(ctx, scope);
  const rows = all
    .filter((r) => {
      switch (input.filter) {
        case 'all':
          return true;
        case 'attended':
          return r.attended;
        case 'no_show':
          return ended && r.status === 'confirmed' && !r.attended;
        default:
          return r.status === input.filter;
      }
    })
    .sort((a, b) => (input.filter === 'waitlisted' ? (a.waitAt ?? 0) - (b.waitAt ?? 0) : 0));
  const label = input.filter === 'all' ? '报名' : input.filter === 'attended' ? '已签到' : input.filter === 'no_show' ? '未到场' : REGISTRATION_STATUS_LABELS[input.filter];
  // The title goes in 「」 once: a title that already holds 「」 must not read 「「…」…」.
  return { eventId: scope.event._id, rows, text: rows.length ? `「${bareTitle(scope.event.title)}」${label}（${rows.length}人）：${rows.map((r) => r.name).join('、')}` : '' };
}
