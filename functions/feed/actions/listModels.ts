// listModels: the 先进典型 page: the members featured by organisers (honour, introduction, photo)
// with the published stories about them.

import type { ModelMember } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { requireMember, unitsByIds } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ModelDoc, PostDoc } from '../model';
import { urlsFor } from '../images';

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
