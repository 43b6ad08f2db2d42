// entryCode: a static mini-program code that opens the event's page, generated and stored once at
// a random path (issue 14: a path must not carry the event's id); the event notes its fileID.

import type { EventResponses } from '../../../core/contracts/event';
import { EVENT_DETAIL_PAGE } from '../../../core/domain/event';
import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { invalid } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';

/** A static code that opens the event's page: wxacode.getUnlimited (scene `e=<id>`), stored once. */
export async function entryCode(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['entryCode']> {
  const { db, storage, codes } = ctx.deps;
  const { event } = await loadForOrganiser(ctx, input.eventId, 'view');
  const scene = `e=${event._id}`;
  if (scene.length > 32) throw invalid('活动编号过长，无法生成小程序码');
  const noted = (event as { entryCode?: { fileID: string; scene: string } }).entryCode;
  if (noted && noted.scene === scene) return { fileID: noted.fileID, url: await storage.tempUrl(noted.fileID) };
  const png = await codes.entry(scene, EVENT_DETAIL_PAGE);
  const fileID = await storage.upload(`codes/event/${randomBytes(16).toString('hex')}/entry-code.png`, png);
  const _ = db.command;
  await updateWhere(db.collection(COLLECTIONS.events).where({ _id: event._id }), { entryCode: _.set({ fileID, scene }) });
  return { fileID, url: await storage.tempUrl(fileID) };
}
