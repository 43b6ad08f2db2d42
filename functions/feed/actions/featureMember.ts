// featureMember: an organiser features a member of a unit they manage on the 先进典型 page, or
// changes their honour, introduction or photo.

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { getMember, requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ModelDoc } from '../model';
import { checkImages, urlsFor } from '../images';

export async function featureMember(input: { memberId: string; honour: string; intro: string; photo?: string | null }, ctx: ActionContext): Promise<FeedResponses['featureMember']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const member = await getMember(db, input.memberId);
  if (!member || member.orgId !== me.orgId) throw notFound('找不到这位党员');
  const unit = await requireManagedUnit(db, me, member.unitId);
  const existing = await getById<ModelDoc>(db, COLLECTIONS.featuredMembers, member._id);
  // The photo kept on edit may be one another organiser uploaded; a new one must be the caller's.
  await checkImages(ctx, [input.photo], [existing?.photo]);
  const photo = input.photo === undefined ? (existing?.photo ?? null) : input.photo;
  const data = { orgId: me.orgId, name: member.name, unitId: member.unitId, honour: input.honour, intro: input.intro, photo, featuredAt: existing?.featuredAt ?? clock.now(), featuredBy: me._id };
  try {
    await insert(db, COLLECTIONS.featuredMembers, { _id: member._id, ...data });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await updateById(db, COLLECTIONS.featuredMembers, member._id, data);
  }
  const urls = await urlsFor(ctx.deps, photo ? [photo] : []);
  return { memberId: member._id, name: member.name, unitName: unit.name, honour: input.honour, intro: input.intro, photo, photoUrl: photo ? urls.get(photo) || null : null, stories: [] };
}
