// 先进典型: organisers feature members (honour, introduction, photo); the page lists them with the
// published stories about them.

import type { FeedResponses, ModelMember } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, list, updateById } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { getMember, requireManagedUnit, requireMember, requireOrganiser, unitsByIds } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ModelDoc, PostDoc } from '../model';
import { checkImages, urlsFor } from '../shared';

export async function listModels(_input: object, ctx: ActionContext): Promise<ModelMember[]> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const me = await requireMember(ctx);
  const models = await list<ModelDoc>(db.collection(COLLECTIONS.featuredMembers).where({ orgId: me.orgId }).orderBy('featuredAt', 'desc').limit(50));
  if (models.length === 0) return [];
  const stories = await list<PostDoc>(
    db
      .collection(COLLECTIONS.posts)
      .where({ orgId: me.orgId, status: 'published', kind: 'model', modelMemberId: _.in(models.map((m) => m._id)) })
      .limit(200),
  );
  const now = clock.now();
  const units = await unitsByIds(db, [...new Set(models.map((m) => m.unitId))]);
  const unitNames = new Map(units.map((u) => [u._id, u.name]));
  const urls = await urlsFor(ctx.deps, models.flatMap((m) => (m.photo ? [m.photo] : [])));
  return models.map((m) => ({
    memberId: m._id,
    name: m.name,
    unitName: unitNames.get(m.unitId) ?? '',
    honour: m.honour,
    intro: m.intro,
    photo: m.photo,
    photoUrl: m.photo ? urls.get(m.photo) || null : null,
    stories: stories
      .filter((p) => p.modelMemberId === m._id && (p.publishAt ?? 0) <= now)
      .sort((a, b) => (b.publishAt ?? 0) - (a.publishAt ?? 0))
      .map((p) => ({ postId: p._id, title: p.title, publishAt: p.publishAt ?? p.createdAt })),
  }));
}

export async function featureMember(input: { memberId: string; honour: string; intro: string; photo?: string | null }, ctx: ActionContext): Promise<FeedResponses['featureMember']> {
  const { db, clock, storage } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const member = await getMember(db, input.memberId);
  if (!member || member.orgId !== me.orgId) throw notFound('找不到这位党员');
  const unit = await requireManagedUnit(db, me, member.unitId);
  await checkImages(storage, [input.photo]);
  const existing = await getById<ModelDoc>(db, COLLECTIONS.featuredMembers, member._id);
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

export async function unfeatureMember(input: { memberId: string }, ctx: ActionContext): Promise<FeedResponses['unfeatureMember']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const model = await getById<ModelDoc>(db, COLLECTIONS.featuredMembers, input.memberId);
  if (!model || model.orgId !== me.orgId) throw notFound('这位党员不在先进典型中');
  await requireManagedUnit(db, me, model.unitId);
  const res = (await db.collection(COLLECTIONS.featuredMembers).doc(model._id).remove()) as { stats?: { removed?: number } };
  return { removed: (res.stats?.removed ?? 0) === 1 };
}
