// entryCode: a static mini-program code that opens the event's page, generated and stored once.

import type { EventResponses } from '../../../core/contracts/event';
import { EVENT_DETAIL_PAGE } from '../../../core/domain/event';
import { invalid } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';

/** A static code that opens the event's page: wxacode.getUnlimited (scene `e=<id>`), stored once. */
export async function entryCode(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['entryCode']> {
  const { storage, codes } = ctx.deps;
  const { event } = await loadForOrganiser(ctx, input.eventId, 'view');
  const scene = `e=${event._id}`;
  if (scene.length > 32) throw invalid('活动编号过长，无法生成小程序码');
  const png = await codes.entry(scene, EVENT_DETAIL_PAGE);
  const fileID = await storage.upload(`codes/event/${event._id}.png`, png);
  return { fileID, url: await storage.tempUrl(fileID) };
}
