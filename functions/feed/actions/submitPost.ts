// submitPost: a member submits an activity report or a model story about their branch, pending an
// organiser's review.

import type { FeedResponses } from '../../../core/contracts/feed';
import { SUBMITTABLE_KINDS, type PostKind } from '../../../core/domain/feed';
import { COLLECTIONS } from '../../lib/collections';
import { insert } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { consumeAll } from '../../lib/rateLimit';
import { type Caller, getUnit, requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { PostDoc } from '../model';
import { SUBMIT_LIMITS } from '../limits';
import { prepared, type Input } from '../postInput';

export async function submitPost(input: Omit<Input, 'unitId' | 'modelMemberId'>, ctx: ActionContext): Promise<FeedResponses['submitPost']> {
  const { db, clock, ids } = ctx.deps;
  const me: Caller = await requireMember(ctx);
  if (!SUBMITTABLE_KINDS.includes(input.kind as PostKind)) throw invalid('只能投稿活动报道或先进典型');
  // Before the pictures are downloaded and checked.
  await consumeAll(db, SUBMIT_LIMITS, me._id, clock.now());
  const fields = await prepared(ctx, input);
  const unit = await getUnit(db, me.unitId);
  const now = clock.now();
  const id = ids.random(12);
  const doc: PostDoc = {
    _id: id,
    orgId: me.orgId,
    unitId: me.unitId,
    unitName: unit?.name ?? null,
    ...fields,
    status: 'pending',
    publishAt: null,
    pinned: false,
    sortKey: '',
    reads: 0,
    likes: 0,
    comments: 0,
    authorId: me._id,
    authorName: me.name,
    rejectReason: '',
    source: { type: 'submission', id: me._id },
    modelMemberId: null,
    createdAt: now,
    updatedAt: now,
  };
  await insert(db, COLLECTIONS.posts, { ...doc });
  return { postId: id, status: 'pending' };
}
