// savePost: an organiser writes a post (a draft until published) for the whole organisation or a
// branch they manage, or edits one they may manage.

import type { AdminPost } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, updateWhere } from '../../lib/db';
import { forbidden, invalid } from '../../lib/errors';
import { managedUnits, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { UNTOUCHED_POST, type ModelDoc, type PostDoc } from '../model';
import { loadForOrganiser } from '../access';
import { filesOf } from '../images';
import { prepared, type Input } from '../postInput';
import { adminPostView, reloadPost } from '../views';

export async function savePost(input: { postId?: string | null; post: Input }, ctx: ActionContext): Promise<AdminPost> {
  const { db, clock, ids } = ctx.deps;
  const _ = db.command;
  const me = await requireOrganiser(ctx);
  // Pictures the post already shows stay as they are; new ones must be the caller's own uploads.
  const existing = input.postId ? (await loadForOrganiser(ctx, input.postId)).post : null;
  const fields = await prepared(ctx, input.post, existing ? filesOf(existing) : []);
  const units = await managedUnits(db, me);
  let unitId: string | null = input.post.unitId ?? null;
  if (unitId === null && me.role !== 'org_admin') unitId = me.manages[0] ?? me.unitId;
  const unit = unitId ? units.find((u) => u._id === unitId) : null;
  if (unitId && !unit) throw forbidden('只能为自己管理的支部发文章');
  let modelMemberId: string | null = input.post.modelMemberId ?? null;
  if (modelMemberId) {
    const model = await getById<ModelDoc>(db, COLLECTIONS.featuredMembers, modelMemberId);
    if (!model || model.orgId !== me.orgId) throw invalid('请先在“先进典型”中设置这位党员');
  }
  if (fields.kind !== 'model') modelMemberId = null;
  const now = clock.now();
  if (!existing) {
    const doc: PostDoc = {
      _id: ids.random(12),
      orgId: me.orgId,
      unitId,
      unitName: unit?.name ?? null,
      ...fields,
      status: 'draft',
      ...UNTOUCHED_POST,
      authorId: me._id,
      authorName: me.name,
      source: null,
      modelMemberId,
      createdAt: now,
      updatedAt: now,
    };
    await insert(db, COLLECTIONS.posts, { ...doc });
    return adminPostView(ctx, doc);
  }
  const post = existing;
  await updateWhere(db.collection(COLLECTIONS.posts).where({ _id: post._id }), {
    ...fields,
    images: _.set(fields.images),
    tags: _.set(fields.tags),
    unitId,
    unitName: unit?.name ?? null,
    modelMemberId,
    updatedAt: now,
  });
  return adminPostView(ctx, await reloadPost(ctx, post._id));
}
